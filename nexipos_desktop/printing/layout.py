"""A receipt as rows of text, rules and a QR code, drawn top-down on a reportlab canvas.

The rows are built first so the roll height is known before the page is created (a roll receipt is one
long page); on fixed-size paper (A4) rows that do not fit start a new page.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LEADING = 1.3  # row height as a multiple of the font size
BASELINE = 1.02  # baseline below the row top, as a multiple of the font size


@dataclass(frozen=True)
class Text:
    """A piece of text anchored at ``x`` (left edge, right edge or centre, by ``align``)."""

    x: float
    text: str
    font: str
    size: float
    align: str = "l"  # l | r | c


@dataclass(frozen=True)
class Rule:
    """A horizontal line across the content width, through the middle of its row."""

    dashed: bool = True


@dataclass(frozen=True)
class Qr:
    """A square QR code of ``url``, centred."""

    url: str
    size: float


@dataclass(frozen=True)
class Row:
    """One band of the receipt: its height, its baseline below its top and what is drawn in it."""

    height: float
    baseline: float
    items: tuple[Text | Rule | Qr, ...]


@dataclass
class Layout:
    """Rows on a content area ``width`` points wide, with the fonts and sizes of one paper format."""

    width: float
    font: str
    bold: str
    mono_font: str
    size: float
    rows: list[Row] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(row.height for row in self.rows)

    def row(self, *items: Text, size: float | None = None) -> None:
        """One row of already positioned texts."""
        size = size or max((t.size for t in items), default=self.size)
        self.rows.append(Row(size * LEADING, size * BASELINE, items))

    def text(self, text: str, *, bold: bool = False, size: float | None = None, align: str = "l",
             font: str | None = None) -> None:
        """A paragraph wrapped to the content width, one row per line."""
        size = size or self.size
        font = font or (self.bold if bold else self.font)
        x = {"l": 0.0, "r": self.width, "c": self.width / 2}[align]
        for line in simpleSplit(text, font, size, self.width) or [""]:
            self.row(Text(x, line, font, size, align))

    def pair(self, left: str, right: str, *, bold: bool = False, size: float | None = None,
             indent: float = 0.0) -> None:
        """Text on the left and an amount on the right; long left text wraps before the right column."""
        size = size or self.size
        font = self.bold if bold else self.font
        room = self.width - indent - stringWidth(right, font, size) - size
        lines = simpleSplit(left, font, size, room) or [""]
        for line in lines[:-1]:
            self.row(Text(indent, line, font, size))
        self.row(Text(indent, lines[-1], font, size), Text(self.width, right, font, size, "r"))

    def columns(self, cells: list[tuple[float, str, str]], *, bold: bool = False,
                size: float | None = None) -> None:
        """One row of cells ``(x as a fraction of the width, text, align)``."""
        size = size or self.size
        font = self.bold if bold else self.font
        self.row(*(Text(frac * self.width, text, font, size, align) for frac, text, align in cells))

    def mono(self, label: str, value: str, *, size: float | None = None) -> None:
        """``label value`` in the monospace font, the value broken wherever needed to fit the width."""
        size = size or self.size
        per_line = max(1, int(self.width // stringWidth("0", self.mono_font, size)))
        first = f"{label} " if len(label) + 1 + len(value) <= per_line else ""
        if not first:
            self.row(Text(0, label, self.mono_font, size))
        rest = first + value
        while rest:
            self.row(Text(0, rest[:per_line], self.mono_font, size))
            rest = rest[per_line:]

    def rule(self, *, dashed: bool = True) -> None:
        self.rows.append(Row(self.size * 0.9, 0.0, (Rule(dashed),)))

    def gap(self, height: float | None = None) -> None:
        self.rows.append(Row(self.size * 0.5 if height is None else height, 0.0, ()))

    def qr(self, url: str, size: float) -> None:
        self.rows.append(Row(size + self.size * 0.6, 0.0, (Qr(url, size),)))


def draw(canvas: Canvas, layout: Layout, *, left: float, top: float, bottom: float) -> None:
    """Draw ``layout`` from ``top`` downwards; rows that would cross ``bottom`` go to a new page."""
    y = top
    for row in layout.rows:
        if y - row.height < bottom and y < top:
            canvas.showPage()
            y = top
        for item in row.items:
            if isinstance(item, Text):
                _draw_text(canvas, item, left, y - row.baseline)
            elif isinstance(item, Rule):
                _draw_rule(canvas, item, left, y - row.height / 2, layout.width)
            else:
                _draw_qr(canvas, item, left + (layout.width - item.size) / 2, y - item.size)
        y -= row.height


def _draw_text(canvas: Canvas, item: Text, left: float, baseline: float) -> None:
    canvas.setFont(item.font, item.size)
    if item.align == "r":
        canvas.drawRightString(left + item.x, baseline, item.text)
    elif item.align == "c":
        canvas.drawCentredString(left + item.x, baseline, item.text)
    else:
        canvas.drawString(left + item.x, baseline, item.text)


def _draw_rule(canvas: Canvas, item: Rule, left: float, y: float, width: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.5)
    if item.dashed:
        canvas.setDash(2, 2)
    canvas.line(left, y, left + width, y)
    canvas.restoreState()


def _draw_qr(canvas: Canvas, item: Qr, x: float, y: float) -> None:
    # QrCodeWidget encodes; its own drawing makes one shape object per run of dark modules, which
    # costs ~15 ms per receipt, so the runs are drawn here as a single filled path in module units.
    qr = QrCodeWidget(item.url, barLevel="M").qr
    qr.make()
    box = item.size / qr.getModuleCount()
    canvas.saveState()
    canvas.translate(x, y + item.size)
    canvas.scale(box, -box)
    path = canvas.beginPath()
    for r, modules in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in modules):
            count = sum(1 for _ in run)
            if dark:
                path.rect(c, r, count, 1)
            c += count
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
