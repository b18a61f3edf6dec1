"""Charts and the world map as SVG, rendered on the server.

No JavaScript is needed to see them, so they print and go into PDF and DOCX briefs.
Every label is escaped; every bar can carry a link to the list behind its number.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape


@dataclass
class Bar:
    label: str
    value: float
    href: str | None = None
    note: str = ""


def bar_chart(bars: list[Bar], *, title: str, unit: str = "", width: int = 720,
              bar_height: int = 22, label_width: int = 250) -> Markup:
    """A horizontal bar chart with its numbers written out (readable in print)."""
    top = max((b.value for b in bars), default=0) or 1
    height = bar_height * len(bars) + 30
    plot = width - label_width - 130
    out = [f'<svg class="chart" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title>"]
    for i, bar in enumerate(bars):
        y = 20 + i * bar_height
        w = max(1.0, plot * bar.value / top) if bar.value else 0
        label = escape(bar.label if len(bar.label) <= 36 else bar.label[:35] + "…")
        value = f"{bar.value:g}{unit}" + (f" {bar.note}" if bar.note else "")
        rect = (f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_height - 6}" '
                f'class="bar" fill="#0b5cad"/>')
        text = (f'<text x="{label_width - 6}" y="{y + bar_height - 10}" text-anchor="end" '
                f'class="label">{label}</text>'
                f'<text x="{label_width + w + 4:.1f}" y="{y + bar_height - 10}" '
                f'class="value">{escape(value)}</text>')
        if bar.href:
            out.append(f'<a href="{escape(bar.href)}">{rect}{text}</a>')
        else:
            out.append(rect + text)
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every value above went through escape()


@lru_cache(maxsize=1)
def _world() -> dict:
    text = resources.files("tracker").joinpath("data", "world-110m-paths.json").read_text()
    return json.loads(text)


STATUS_COLOURS = {
    "main": "#0b5cad", "co": "#6ea8dc", "withdrew": "#d9822b", "never": "#e8e8e8",
    "not a member": "#ffffff",
}


def world_map(status_by_m49: dict[str, str], names: dict[str, str], *, title: str,
              links: dict[str, str] | None = None) -> Markup:
    """Colour each country by its status; a legend explains the colours."""
    return _map({m49: STATUS_COLOURS[s] for m49, s in status_by_m49.items()},
                {m49: f"{names.get(m49, c['name'])}: {status_by_m49.get(m49, 'not a member')}"
                 for m49, c in _world()["countries"].items()},
                list(STATUS_COLOURS.items()), title=title, links=links or {},
                default=STATUS_COLOURS["not a member"], spacing=140)


# A vote's colours: Okabe and Ito's palette, told apart with every common colour-vision
# deficiency and in greyscale print (blue dark, vermillion mid, yellow light).
VOTE_COLOURS = {"Y": "#0072b2", "N": "#d55e00", "A": "#f0e442", "X": "#999999",
                "": "#ffffff"}  # "": not listed in the vote (not a member that day)


def vote_map(vote_by_m49: dict[str, str], names: dict[str, str], labels: dict[str, str], *,
             title: str, links: dict[str, str] | None = None) -> Markup:
    """Colour each country by its vote (Y, N, A, X, or "" for not voting at all); `labels`
    says each value in the reader's language, for the legend and each country's title."""
    return _map({m49: VOTE_COLOURS[v] for m49, v in vote_by_m49.items()},
                {m49: f"{names.get(m49, c['name'])}: {labels[vote_by_m49.get(m49, '')]}"
                 for m49, c in _world()["countries"].items()},
                [(labels[v], colour) for v, colour in VOTE_COLOURS.items()],
                title=title, links=links or {}, default=VOTE_COLOURS[""], spacing=150)


# Light to dark: how many letters a State received (ColorBrewer "Blues", print-safe).
SHADES = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")
NO_LETTER = "#eeeeee"


def count_classes(top: int, most: int = len(SHADES), lowest: int = 1) -> list[tuple[int, int]]:
    """At most `most` classes with round lower bounds covering lowest..top: [(1, 1), (2, 4),
    (5, 7)] for a top of 7; the last class ends at the top, so no class is empty."""
    if top < lowest:
        return []
    bounds = sorted({lowest, *(b for b in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
                               if lowest < b <= top)})
    if len(bounds) > most:  # evenly through the list, keeping the first and the last
        bounds = sorted({bounds[round(i * (len(bounds) - 1) / (most - 1))]
                         for i in range(most)})
    return [(low, bounds[i + 1] - 1 if i + 1 < len(bounds) else top)
            for i, low in enumerate(bounds)]


def class_label(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low}–{high}"


def count_map(counts_by_m49: dict[str, int], notes: dict[str, str], *, title: str,
              links: dict[str, str], lowest: int = 1, empty_label: str = "0") -> Markup:
    """Shade each country by how many letters it received, in a few classes; `notes` is
    each country's tooltip (its name and count), `links` the list behind each count.

    With suppressed figures (the case map), `lowest` is the smallest figure shown and
    `empty_label` says why the countries left blank are blank."""
    classes = count_classes(max(counts_by_m49.values(), default=0), lowest=lowest)

    def shade(n: int) -> str:
        for (low, high), colour in zip(classes, SHADES, strict=False):
            if low <= n <= high:
                return colour
        return NO_LETTER

    legend = [(empty_label, NO_LETTER)] + [(class_label(*c), colour)
                                   for c, colour in zip(classes, SHADES, strict=False)]
    return _map({m49: shade(n) for m49, n in counts_by_m49.items()}, notes, legend,
                title=title, links=links, default=NO_LETTER, spacing=110)


def _map(fill: dict[str, str], notes: dict[str, str], legend: list[tuple[str, str]], *,
         title: str, links: dict[str, str], default: str, spacing: int) -> Markup:
    world = _world()
    # The legend in rows: a label too long for the row's end starts the next one.
    places, x, y = [], 10, world["height"] + 12
    for text, colour in legend:
        step = max(spacing, 40 + 7 * len(text))  # a long label pushes the next one along
        if x > 10 and x + step - 20 > world["width"]:
            x, y = 10, y + 22
        places.append((x, y, text, colour))
        x += step
    out = [f'<svg class="map" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {world["width"]:g} {y + 28:g}" width="100%" '
           'xmlns="http://www.w3.org/2000/svg">', f"<title>{escape(title)}</title>"]
    for m49, country in world["countries"].items():
        note = notes.get(m49, country["name"])
        path = (f'<path d="{country["d"]}" fill="{fill.get(m49, default)}" '
                f'stroke="#888" stroke-width="0.3"><title>{escape(note)}</title></path>')
        if m49 in links:
            path = f'<a href="{escape(links[m49])}">{path}</a>'
        out.append(path)
    for x, y, text, colour in places:
        out.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}" '
                   f'stroke="#888" stroke-width="0.5"/><text x="{x + 20}" y="{y + 12}" '
                   f'class="legend">{escape(text)}</text>')
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - every value above went through escape()


def mapped_m49() -> set[str]:
    return set(_world()["countries"])
