"""The briefing's A4 page: its font, colours, headings, paragraphs, tables and charts (fpdf2)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from ogp_metrics import text

FONTS = Path(__file__).resolve().parents[1] / "fonts"


FAMILY = "DejaVu"


INK = (31, 41, 51)


MUTED = (82, 96, 109)


ACCENT = (16, 62, 110)  # headings: a sober dark blue


RULE = (200, 206, 212)


HEADING_FILL = (232, 236, 241)


ZEBRA = (246, 248, 250)


STATUS_INK = {"overdue": (166, 61, 0), "complete": (0, 107, 79), "in_progress": (0, 84, 147),
              "not_started": MUTED}


CONTENT_WIDTH = 174  # A4 (210 mm) less 18 mm margins


LABEL_WIDTH = 56
# Charts are drawn at twice this and printed CONTENT_WIDTH wide: text at about 10 pt.
CHART_PIXELS = 660


def typographic_minus(value: str | None) -> str:
    """`-3` as `−3` (a real minus sign) for print; None as a dash."""
    if value is None:
        return "—"
    return "\u2212" + value[1:] if value.startswith("-") else value


def french_spacing(value: str) -> str:
    """No-break spaces inside « » and before : ; ? ! so that no line starts with one (data text too)."""
    return re.sub(r" ([:;?!»])", "\u00a0\\1", value.replace("« ", "«\u00a0"))


class PdfDocument(FPDF):
    def __init__(self, lang: str, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.text_lang = lang  # not `lang`: FPDF keeps the document's language there
        self.footer_text = footer_text
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=22)
        self.set_lang("fr-FR" if lang == "fr" else "en-GB")
        self.set_creator("ogp-metrics")
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*INK)

    def typeset(self, value: str) -> str:
        return french_spacing(value) if self.text_lang == "fr" else value

    # -------------------------------------------------------------- page furniture

    def footer(self) -> None:
        self.set_y(-16)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        page = text.t("briefing.page", self.text_lang, page=self.page_no(), pages="{nb}")
        self.cell(CONTENT_WIDTH - 26, 4, self.footer_text, align="L")
        self.cell(26, 4, page, align="R")
        self.set_text_color(*INK)

    # -------------------------------------------------------------- building blocks

    def heading(self, title: str, level: int = 1, keep_with: float = 40) -> None:
        """A heading, moved to the next page unless `keep_with` mm of what follows fit under it."""
        size, space = (15, 6) if level == 1 else (12, 4)
        if self.will_page_break(space + keep_with):
            self.add_page()
        elif self.get_y() > self.t_margin + 1:
            self.ln(space)
        self.start_section(title, level=level - 1)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*ACCENT)
        self.multi_cell(CONTENT_WIDTH, size * 0.5, self.typeset(title), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        if level == 1:
            self.set_draw_color(*ACCENT)
            self.set_line_width(0.5)
            self.line(self.l_margin, self.get_y() + 1, self.l_margin + 30, self.get_y() + 1)
            self.ln(3)
        else:
            self.ln(1)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    def paragraph(self, value: str, size: float = 10, bold: bool = False,
                  colour: tuple[int, int, int] = INK, after: float = 1.5) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(CONTENT_WIDTH, size * 0.5, self.typeset(value), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.ln(after)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    def text_height(self, value: str, width: float, size: float, line_height: float,
                    bold: bool = False) -> float:
        """How tall `value` would be, wrapped to `width` (nothing is drawn)."""
        self.set_font(FAMILY, "B" if bold else "", size)
        height = self.multi_cell(width, line_height, self.typeset(value), align="L", dry_run=True,
                                 output=MethodReturnValue.HEIGHT)
        self.set_font(FAMILY, "", 10)
        return float(height)

    def label_value(self, label: str, value: str, label_width: float = LABEL_WIDTH) -> None:
        """A line "label   value", the value wrapping under itself."""
        self.set_font(FAMILY, "B", 9.5)
        self.set_text_color(*MUTED)
        top = self.get_y()
        self.multi_cell(label_width, 5, self.typeset(label), align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.set_font(FAMILY, "", 9.5)
        self.set_text_color(*INK)
        self.multi_cell(CONTENT_WIDTH - label_width, 5, self.typeset(value), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_y(max(self.get_y(), top + 5))

    def bar(self, fraction: float, caption: str, width: float = 80, indent: float = 0) -> None:
        """A progress bar with its value in words beside it (the bar alone says nothing)."""
        fraction = max(0.0, min(1.0, fraction))
        left = self.l_margin + indent
        y = self.get_y() + 1
        self.set_fill_color(*HEADING_FILL)
        self.rect(left, y, width, 3.2, style="F")
        if fraction > 0:
            self.set_fill_color(*ACCENT)
            self.rect(left, y, width * fraction, 3.2, style="F")
        self.set_xy(left + width + 3, y - 0.9)
        self.set_font(FAMILY, "", 9.5)
        self.multi_cell(CONTENT_WIDTH - indent - width - 3, 5, self.typeset(caption), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def data_table(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
                   align: tuple[str, ...] | None = None,
                   styles: list[list[FontFace | None]] | None = None, size: float = 8.5) -> None:
        self.set_font(FAMILY, "", size)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        # A cell's own style has no fill colour: it takes the current one, so set the stripes'.
        self.set_fill_color(*ZEBRA)
        with self.table(col_widths=widths, width=CONTENT_WIDTH, align="LEFT",
                        text_align=align or "LEFT", line_height=size * 0.48,
                        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                        cell_fill_color=ZEBRA, cell_fill_mode=TableCellFillMode.ROWS,
                        headings_style=FontFace(family=FAMILY, emphasis="BOLD", color=INK,
                                                fill_color=HEADING_FILL),
                        padding=(1.2, 1.5, 1.2, 1.5), repeat_headings=1) as table:
            heading = table.row()
            for value in header:
                heading.cell(self.typeset(value))
            for index, values in enumerate(rows):
                row = table.row()
                for column, value in enumerate(values):
                    style = styles[index][column] if styles else None
                    row.cell(self.typeset(value), style=style)
        self.ln(3)
        self.set_font(FAMILY, "", 10)

    def chart(self, png_bytes: bytes, width: float = CONTENT_WIDTH) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(png_bytes)) as image:
            pixels_wide, pixels_high = image.size
        height = width * pixels_high / pixels_wide
        if self.will_page_break(height + 2):
            self.add_page()
        self.image(io.BytesIO(png_bytes), x=self.l_margin, w=width, h=height)
        self.set_y(self.get_y() + 1)
