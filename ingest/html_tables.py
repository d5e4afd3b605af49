"""An HTML `<table>` to pipe rows, with its `rowspan` and `colspan` laid out on a grid.

Model cards put their benchmark tables in HTML with spanned cells: a group header over several columns
("General VQA" over "OK-VQA" and "GQA"), a header that spans both header rows ("Model"), a category cell down
the body ("Generalist Models"). Read cell by cell, such rows shift under the wrong columns. Here each spanned
cell fills every grid slot it covers, and of the header rows only the last (the most specific label per
column) is kept, so every row has one cell per column. The markup is read by ingest.htmltext's scanner (linear
whatever the input, cut at its MAX_CHARS); spans and cells are capped so a hostile table cannot build a huge grid.
"""
from __future__ import annotations

import re
from html import unescape

from .htmltext import MAX_CHARS, scan

MAX_SPAN = 20
MAX_CELLS = 20_000
_SPAN = re.compile(r"""\b(rowspan|colspan)\s*=\s*["']?(\d{1,6})""", re.IGNORECASE)


class _Cells:
    """Rows of (text, rowspan, colspan, is_header, in_thead), in document order: the scanner's sink."""

    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int, bool, bool]]] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1, False)
        self._thead = False
        self._count = 0

    def start(self, tag: str, attrs: str = "") -> None:
        if tag == "thead":
            self._thead = True
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self._count < MAX_CELLS:
            if not self.rows:
                self.rows.append([])
            spans = {name.lower(): _span(value) for name, value in _SPAN.findall(attrs)}
            self._cell = []
            self._spans = (spans.get("rowspan", 1), spans.get("colspan", 1), tag == "th")
        elif tag in ("br", "sup", "sub") and self._cell is not None:
            self._cell.append(" ")

    def end(self, tag: str) -> None:
        if tag == "thead":
            self._thead = False
        elif tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split()).replace("|", "/")
            rowspan, colspan, header = self._spans
            self.rows[-1].append((text, rowspan, colspan, header, self._thead))
            self._cell = None
            self._count += 1

    def data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(unescape(data) if "&" in data else data)


def _span(value: str) -> int:
    return max(1, min(MAX_SPAN, int(value)))


def table_rows(html: str) -> list[list[str]]:
    """The table as a grid of cell texts: the last header row, then the body rows."""
    cells = _Cells()
    scan(html[:MAX_CHARS], cells)
    grid: list[list[str | None]] = []
    header_rows = 0
    read = [r for r in cells.rows if r]
    for r, row in enumerate(read):
        while len(grid) <= r:
            grid.append([])
        if all(cell[3] or cell[4] for cell in row) and header_rows == r:
            header_rows += 1
        col = 0
        for text, rowspan, colspan, _, _ in row:
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            for dr in range(min(rowspan, len(read) - r)):  # a span past the last row adds none
                while len(grid) <= r + dr:
                    grid.append([])
                line = grid[r + dr]
                while len(line) < col + colspan:
                    line.append(None)
                for dc in range(colspan):
                    line[col + dc] = text
            col += colspan
    rows = [[cell or "" for cell in line] for line in grid]
    if header_rows > 1:
        rows = rows[header_rows - 1:]
    return rows


def pipe_lines(html: str) -> str:
    """The table as Markdown pipe rows (a separator under the header), or "" when it has fewer than two rows."""
    rows = table_rows(html)
    if len(rows) < 2:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * width] + lines[1:])
