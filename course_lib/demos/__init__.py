"""Pure compute behind the explorers (one module per widget in ``course_lib.widgets``)."""
