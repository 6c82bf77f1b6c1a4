"""What a mark's tooltip says: the event's title, date, actors and description, or the
titles of the events a mark stands for; all of it HTML-escaped and wrapped to fit a
phone, since Plotly reads a subset of HTML in hover text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.content.models import Event, Story
from generator.render.chart import labels as labels
from generator.render.dates import describe_when

HOVER_WIDTH = 44  # characters per line of hover text: fits a 375px-wide phone
HOVER_WHO = "Who: {names}"
"""The hover's line of the event's actors, their names joined by ", "."""
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}%{customdata[3]}<br>%{customdata[4]}<extra></extra>"
)
"""The hover of a mark or bar: its event's title, date, actors and description."""
GROUP_TEMPLATE = "%{text}<extra></extra>"
"""The hover of a mark that stands for several events (see :func:`group_hover`)."""
GROUP_ZOOM, GROUP_SAME_DAY = "Zoom in to see each", "All on the same day: see the list"
GROUP_HOVER, GROUP_JOIN = "<b>{count}</b><br>{titles}<br><i>{hint}</i>", ";<br>"
"""The hover text of a mark that stands for several events: their count, their titles
joined, and a hint. The figure carries both to the browser, which fills them in for the
groups its layout makes after a change of view."""
_HTML = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))  # "&" first


def customdata(story: Story, event: Event) -> list[str]:
    """[id, title, date wording, '<br>Who: ...' or '', description], HTML-escaped."""
    names = ", ".join(story.actor(a).name for a in event.actors)
    who = f"<br>{wrap(HOVER_WHO.format(names=names), HOVER_WIDTH)}" if names else ""
    return [
        event.id,
        wrap(event.title, HOVER_WIDTH),
        wrap(describe_when(event.date), HOVER_WIDTH),
        who,
        wrap(event.description, HOVER_WIDTH),
    ]


def page_customdata(data: list[str]) -> list[str]:
    """What the figure's file keeps of an event's :func:`customdata`: its id and date
    wording. timeline-chart.js fills in the title, actors and description from the
    page's own list of events (each ``<li id="event-ID">``), wrapped by the same rule,
    rather than the file repeating them."""
    return [data[0], data[2]]


def group_hover(number: int, titles: Sequence[str], hint: str) -> str:
    """The hover text of a mark that stands for ``number`` events (titles escaped)."""
    return GROUP_HOVER.format(
        count=labels.count_label(number), titles=GROUP_JOIN.join(titles), hint=hint
    )


def escape(text: str) -> str:
    """Text with the characters HTML reads escaped."""
    return replace_all(text, _HTML)


def replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each pair's first string replaced by its second, in turn."""
    # A str.replace per pair: several times faster than str.translate with a dict.
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


_ASCII_SPACE = re.compile(r"[\t\n\x0b\x0c\r ]+")  # as textwrap: other spaces stay in words


def wrap(text: str, width: int) -> str:
    """Escaped text in lines of at most ``width`` characters (longer words stand alone)."""
    words = [word for word in _ASCII_SPACE.split(text) if word]
    if not words:
        return escape(text)
    if len(text) <= width:  # one line (collapsing spaces only shortens it)
        return escape(" ".join(words))
    lines: list[str] = []
    line, length = [words[0]], len(words[0])
    for word in words[1:]:
        if length + 1 + len(word) <= width:
            line.append(word)
            length += 1 + len(word)
        else:
            lines.append(" ".join(line))
            line, length = [word], len(word)
    lines.append(" ".join(line))
    return "<br>".join(map(escape, lines))
