"""One control-panel layout for every explorer: sliders that keep a usable track, rows that wrap.

The notebook column is narrow. In JupyterLab in Chromium with the file browser open (250 px)
the output area of a cell is 848 px wide at a 1280×800 window and 592 px at 1024×768. A row
of widgets in a plain ``HBox`` shrinks its children to fit, and a slider gives up its track
first (a 300 px slider squeezed to 176 px keeps its label and readout and shows a 0 px track):
the keyboard still moves it, a mouse cannot. So:

- every slider gets a fixed width: its label, a track of ``TRACK_PX`` (at least 150 px), then
  the value readout beside it; nothing in the panel may shrink (``flex: 0 0 auto``);
- the panel is one wrapping row (``flex-flow: row wrap``): groups that do not fit move to the
  next line instead of squeezing;
- a group given as a list stays on one line (a Play button beside the slider it drives);
- the explorers' figures are at most ``COLUMN_INCHES`` wide (``COLUMN_PX`` CSS pixels at
  matplotlib's 100 dpi), so they fit the 592 px column with their text at its real size.

Limits: widths are CSS pixels fixed at build time; nothing here measures the browser.
"""

from course_lib.plotting.style import COLUMN_WIDTH

COLUMN_INCHES = COLUMN_WIDTH  # widest figure: 5.8 in, 580 CSS px at matplotlib's 100 dpi
COLUMN_PX = round(100 * COLUMN_INCHES)  # widest caption: the 592 px output area, less 12
TRACK_PX = 190  # a slider's track: room to drag (shown about 16 px shorter; tests require 150)
READOUT_PX = 64  # the value shown beside the track
LABEL_PX = 7.5  # per character of a slider's description (at least 3 characters' room)
SLIDERS = ("IntSlider", "FloatSlider", "FloatLogSlider", "SelectionSlider")


def slider_width(description: str) -> int:
    """Width in CSS px of a slider labelled ``description``: label, ``TRACK_PX`` track, readout."""
    label = int(LABEL_PX * max(len(description), 3)) + 12
    return label + TRACK_PX + READOUT_PX + 16  # 16: the widget's inner margins


def fit_control(widget):
    """Give ``widget`` a size that never shrinks in a row; a slider its full track. Returns it."""
    kind = type(widget).__name__
    if kind in SLIDERS:
        label = int(LABEL_PX * max(len(widget.description), 3)) + 12
        widget.style.description_width = f"{label}px"
        widget.layout.width = f"{slider_width(widget.description)}px"
    if kind == "Dropdown":  # as wide as its longest option, not a fixed 300 px
        label = int(LABEL_PX * max(len(widget.description), 3)) + 12
        longest = max((len(str(o)) for o in widget._options_labels), default=4)
        widget.style.description_width = f"{label}px"
        widget.layout.width = f"{label + min(int(LABEL_PX * longest) + 40, 260)}px"
    if kind == "ToggleButtons":  # the buttons on one line (its default 300 px wraps them)
        label = int(LABEL_PX * max(len(widget.description), 3)) + 12 if widget.description else 0
        buttons = sum(int(8 * len(str(o))) + 48 for o in widget._options_labels)  # + padding
        widget.style.description_width = f"{label}px"
        widget.style.button_width = "auto"
        widget.layout.width = f"{label + buttons + 16}px"
    if kind == "Accordion":  # a folded group of controls takes a line of its own
        widget.layout.width = "100%"
        return widget
    widget.layout.flex = "0 0 auto"
    return widget


def control_group(items):
    """One group of the panel: a single widget, or a list of widgets kept on one line."""
    import ipywidgets as widgets

    if not isinstance(items, list | tuple):
        return fit_control(items)
    group = widgets.HBox(
        [fit_control(w) for w in items],
        layout=widgets.Layout(flex="0 0 auto", flex_flow="row nowrap", align_items="center"),
    )
    group.add_class("course-control-group")
    return group


def control_panel(groups: list):
    """All of an explorer's controls: ``groups`` (widgets or lists of widgets) in wrapping rows.

    Sliders keep a ``TRACK_PX`` track with their value beside it; a group that does not fit
    the line goes to the next one. The panel carries the CSS class ``course-controls``.
    """
    import ipywidgets as widgets

    panel = widgets.Box(
        [control_group(g) for g in groups],
        layout=widgets.Layout(
            display="flex",
            flex_flow="row wrap",
            align_items="center",
            width="100%",
            max_width="100%",
        ),
    )
    panel.add_class("course-controls")
    return panel


def column_grid(n: int, panel_width: float, panel_height: float, **kw):
    """A figure of ``n`` panels that fits the column: ``(fig, axes)``, a list of ``n`` Axes.

    The panels go side by side while they fit ``COLUMN_INCHES``; otherwise they wrap onto more
    rows, each panel shrunk by at most 30% (or more, when one panel alone is too wide). Extra
    grid cells are left empty (their Axes removed). ``kw`` goes to ``plt.subplots`` (``sharey``,
    ``layout``...).
    """
    import matplotlib.pyplot as plt

    ncols = n
    if panel_width * n > COLUMN_INCHES:
        ncols = max(1, min(n, int(COLUMN_INCHES // (0.7 * panel_width))))
    shrink = min(1.0, COLUMN_INCHES / (panel_width * ncols))
    nrows = -(-n // ncols)
    size = (panel_width * ncols * shrink, panel_height * nrows * shrink)
    fig, axes = plt.subplots(nrows, ncols, figsize=size, squeeze=False, **kw)
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.remove()
    return fig, flat[:n]
