"""Showing a changed figure cheaply: freeze its layout once, then push each frame.

Every explorer and animation changes a few artists per event and then needs the new picture
on screen. These keep that cheap:

- ``freeze_layout`` computes the layout once (at build time), pins the titles and axis labels
  where it put them and turns the layout engine off, so later draws measure nothing;
- ``redraw`` sends the picture: with ipympl it draws at once when the browser already shows
  the canvas (saving a round trip), otherwise it asks for an idle draw;
- ``Blitter`` (opt-in) redraws only the artists that move, over a kept picture of the rest.

Neither draws an ipympl canvas before the browser shows it (that leaves it blank in
JupyterLab), and nothing here changes global state.
"""

from course_lib._argspec import FIGURE
from course_lib._checked import checked
from course_lib._validation import check_artists

__all__ = ["freeze_layout", "redraw", "Blitter"]


@checked(fig=FIGURE)
def freeze_layout(fig):
    """Lay ``fig`` out once, then pin its titles and axis labels and switch layout off.

    After this, a draw no longer measures tick labels to move the axis labels and titles
    (positions are kept in axes coordinates, so they survive a change of dpi). Call it after
    the figure is fully built (titles and labels set, ``tight_layout`` done). A title that is
    empty now is pinned too, at the height an empty title gets (the top of the Axes + pad).
    Returns ``fig``. (``fig.draw_without_rendering`` lays out without drawing the canvas.)
    """
    fig.draw_without_rendering()
    for ax in fig.axes:
        inv = ax.transAxes.inverted()
        for axis in (ax.xaxis, ax.yaxis):
            label = axis.label
            if label.get_visible() and label.get_text():
                where = label.get_transform().transform(label.get_position())
                axis.set_label_coords(*inv.transform(where))
        title = ax.title
        ax.set_title(
            title.get_text(),
            y=title.get_position()[1],
            fontsize=title.get_fontsize(),
            fontweight=title.get_fontweight(),
            color=title.get_color(),
        )
    fig.set_layout_engine("none")
    return fig


@checked(fig=FIGURE)
def redraw(fig) -> None:
    """Show ``fig``'s changed artists: the call every explorer makes after an update.

    With ipympl and a browser that has shown the canvas, ``canvas.draw()`` renders and sends
    the new picture at once, whereas ``draw_idle()`` first asks the browser to ask back for it:
    one more widget round trip (about 50 ms here) on every slider move. Before the browser has
    shown the canvas (while the explorer is built) and on other backends, ``draw_idle()`` is
    used: drawing an ipympl canvas before it is displayed leaves it blank in JupyterLab.
    Each frame is sent whole (not as a diff against the last one): see the comment below.
    """
    canvas = fig.canvas
    if hasattr(canvas, "_force_full"):  # ipympl: send the whole picture, never a diff
        # A diff frame comes after an "image_mode" state change, which the browser may apply
        # after the picture: a diff drawn as a full frame leaves only the changed pixels
        # (a figure with holes), so every frame is a full one and the mode never switches.
        canvas._force_full = True
    if getattr(canvas, "syncing_data_url", True) is False:  # ipympl, front end initialised
        canvas.draw()
    else:
        canvas.draw_idle()


class Blitter:
    """Redraw only a figure's moving artists, over a cached picture of everything else.

    ``Blitter(fig, artists)`` marks ``artists`` as animated: a full draw of ``fig`` then
    renders the rest, keeps that picture (``copy_from_bbox``) and draws the artists on top.
    After changing the artists, ``update()`` puts the kept picture back
    (``restore_region``), draws only the artists (``draw_artist``) and shows the result
    (``blit``; an ipympl canvas sends it whole, see ``widgets._base``). An explorer whose
    events move a few lines or points over a fixed background (contours, a heat map, a
    graph) opts in with one call; the layout must be frozen first (``freeze_layout``).

    ``update(key)`` is for a background that takes a few states (e.g. one per value of a
    slider that rebuilds a panel): the picture kept after a full draw is filed under the
    ``key`` of the last update, and a later ``update`` with the same key restores it without
    a full draw. The key must name everything the non-moving artists show; ``forget()``
    drops the kept pictures (e.g. after a change that no key describes). At most ``MAX_KEPT``
    pictures are kept (the oldest goes first).

    ``update()`` falls back to :func:`redraw` (a full draw, which keeps a new background)
    while nothing is kept yet for the key, when the figure changed size or dpi since, before
    an ipympl canvas is shown, and on canvases that cannot blit. Change only ``artists``
    between ``update()`` calls of one key; after changing anything else, call ``redraw(fig)``
    (or ``update`` with a new key).
    """

    MAX_KEPT = 16

    @checked(_name="Blitter", fig=FIGURE)
    def __init__(self, fig, artists):
        artists = check_artists("Blitter", artists)
        self.fig, self.artists = fig, artists
        self.key, self._kept, self._bounds = None, {}, None
        for artist in self.artists:
            artist.set_animated(True)
        self.draw_hook = fig.canvas.mpl_connect("draw_event", self._on_draw)
        fig.course_blitter = self  # tests compare its frames with a plain full draw

    @property
    def background(self):
        """The kept picture for the current key (None if there is none yet)."""
        return self._kept.get(self.key)

    def forget(self) -> None:
        """Drop every kept picture: the next ``update`` draws in full."""
        self._kept.clear()

    def _on_draw(self, event) -> None:
        """After a full draw: keep the picture without the artists, then draw them on it."""
        canvas = event.canvas
        if canvas is self.fig.canvas and hasattr(canvas, "copy_from_bbox"):
            bounds = tuple(self.fig.bbox.bounds)
            if bounds != self._bounds:  # new size or dpi: the old pictures no longer fit
                self._kept.clear()
            self._kept.pop(self.key, None)
            self._kept[self.key] = canvas.copy_from_bbox(self.fig.bbox)
            while len(self._kept) > self.MAX_KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._bounds = bounds
        for artist in self.artists:  # a full draw (also savefig) shows them too
            if artist.get_visible():
                artist.draw(event.renderer)

    def update(self, key=None) -> None:
        """Show the artists' new state over the picture kept for ``key``; draw in full when
        there is none (see the class notes)."""
        fig = self.fig
        canvas = fig.canvas
        try:
            hash(key)
        except TypeError:
            raise TypeError(
                f"Blitter.update: key must be hashable (a number, a string, a tuple), got "
                f"{type(key).__name__}; e.g. pass tuple(values) instead of a list."
            ) from None
        self.key = key
        shown = getattr(canvas, "syncing_data_url", False) is False  # ipympl: browser ready
        if (
            self.background is None
            or self._bounds != tuple(fig.bbox.bounds)
            or not shown
            or not hasattr(canvas, "restore_region")
        ):
            redraw(fig)
            return
        canvas.restore_region(self.background)
        for artist in self.artists:
            if artist.get_visible():
                fig.draw_artist(artist)
        canvas.blit(fig.bbox)
