"""Small multiples: the static companion of every interactive explorer.

One figure, one panel per setting, each drawn by the same plot helper, so a reader of a
static page sees what moving the slider would show (e.g. three learning rates side by side).
"""

from course_lib._argspec import FUNCTION, TEXT, array, count, optional
from course_lib._checked import checked

from .._validation import check_int

__all__ = ["small_multiples"]


def _settings(func, name, value):
    if not isinstance(value, list | tuple) or not all(isinstance(s, dict) for s in value):
        raise TypeError(
            f"{func}: {name} should be a list of dicts of keyword arguments for fn, one per "
            f"panel, got {type(value).__name__}."
        )


def _titles(func, name, value):
    if not callable(value) and not (
        isinstance(value, list | tuple) and all(isinstance(t, str) for t in value)
    ):
        raise TypeError(
            f"{func}: {name} should be a list of strings or a function setting -> str, got "
            f"{type(value).__name__}."
        )


def _share(func, name, value):
    if not (isinstance(value, bool) or value in ("all", "row", "col", "none")):
        raise ValueError(
            f"{func}: {name} should be True, False, 'row', 'col', 'all' or 'none', got {value!r}."
        )


@checked(
    settings=_settings,
    titles=optional(_titles),
    sharex=_share,
    sharey=_share,
    fn=FUNCTION,
    ncols=count(1),
    panel_size=array(ndim=1, shape=(2,)),
    suptitle=optional(TEXT),
)
def small_multiples(
    fn,
    settings,
    ncols=3,
    titles=None,
    panel_size=(3.2, 2.8),
    suptitle=None,
    sharex=False,
    sharey=False,
):
    """Call ``fn(**setting, ax=ax)`` once per setting on a grid of Axes; return the Figure.

    ``settings`` is a list of dicts of keyword arguments for ``fn`` (any plot helper that takes
    ``ax``). ``titles`` is None (keep each helper's own title, computed from its values), a
    list of strings (one per setting) or a function ``setting -> str``. Unused panels are
    hidden. ``panel_size`` = (width, height) in inches of one panel. A grid wider than the
    notebook column (``style.COLUMN_WIDTH``) gets fewer columns and more rows, its panels
    shrunk by at most 30% (or more for a single panel wider than the column).
    """
    func = "small_multiples"
    import matplotlib.pyplot as plt

    settings = list(settings)
    if not settings:
        raise ValueError(f"{func}: settings is empty; pass a list of dicts, one per panel.")
    if not all(isinstance(s, dict) for s in settings):
        raise TypeError(f"{func}: settings must be a list of dicts of keyword arguments for fn.")
    if isinstance(titles, list | tuple) and len(titles) != len(settings):
        raise ValueError(f"{func}: {len(settings)} settings but {len(titles)} titles.")
    ncols = min(check_int(func, "ncols", ncols), len(settings))
    from .style import COLUMN_WIDTH

    if panel_size[0] * ncols > COLUMN_WIDTH:  # too wide for the notebook column: wrap, shrink
        ncols = max(1, min(ncols, int(COLUMN_WIDTH // (0.7 * panel_size[0]))))
        shrink = min(1.0, COLUMN_WIDTH / (panel_size[0] * ncols))
        panel_size = (panel_size[0] * shrink, panel_size[1] * shrink)
    nrows = -(-len(settings) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        squeeze=False,
        layout="constrained",
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows),
        sharex=sharex,
        sharey=sharey,
    )
    for k, ax in enumerate(axes.ravel()):
        if k >= len(settings):
            ax.set_visible(False)
            continue
        fn(**settings[k], ax=ax)
        if callable(titles):
            ax.set_title(titles(settings[k]))
        elif titles is not None:
            ax.set_title(titles[k])
    if suptitle is not None:
        fig.suptitle(suptitle)
    return fig
