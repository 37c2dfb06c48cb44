"""Page setup of the regenerated DOCX: A4, margins, document grid, default fonts, odd/even page numbers."""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govdoc.render.docx_profile import Profile
from govdoc.render.docx_write import Style, add_field, set_indent, set_run_font

CHAR_SPACE_UNIT = 4096
"""``w:docGrid/@w:charSpace`` counts 1/4096 of a point of extra pitch over the default font size."""


def setup_page(doc: Any, profile: Profile) -> None:
    """Paper, margins, grid and default fonts on the (single) section and the Normal style."""
    p = profile.page
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(p["width_mm"]), Mm(p["height_mm"])
    section.top_margin, section.bottom_margin = Mm(p["margin_top_mm"]), Mm(p["margin_bottom_mm"])
    section.left_margin, section.right_margin = Mm(p["margin_left_mm"]), Mm(p["margin_right_mm"])
    section.header_distance = Mm(p["header_distance_mm"])
    section.footer_distance = Mm(p["footer_distance_mm"])
    _doc_grid(section, profile)
    normal = doc.styles["Normal"]
    normal.font.name = profile.fonts["latin"]
    normal.font.size = Pt(profile.sizes["body"])
    rfonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    if rfonts is not None:
        rfonts.set(qn("w:eastAsia"), profile.fonts["body"])


def _doc_grid(section: Any, profile: Profile) -> None:
    """``w:docGrid`` of type linesAndChars: 22 lines on the text block and a character pitch of 版心 width /
    28, but never below the body font size: LibreOffice gives a glyph wider than the pitch two grid cells
    (a negative ``charSpace`` halves the characters per line there), so with 3号 text a line holds 27."""
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    g = profile.grid
    char_pitch_pt = max(profile.text_width_mm / 25.4 * 72 / g["chars_per_line"], profile.sizes["body"])
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(g["line_pitch_pt"] * 20)))
    grid.set(qn("w:charSpace"), str(round((char_pitch_pt - profile.sizes["body"]) * CHAR_SPACE_UNIT)))
    sect_pr.append(grid)


def page_numbers(doc: Any, profile: Profile) -> None:
    """``— N —`` in 4号 宋体: odd pages on the right, even pages on the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    side = profile.indents["page_number_side"]
    size = profile.sizes["page_number"]
    font = profile.fonts["page_number"]
    for footer, align, style in (
        (section.footer, "right", Style(font=font, size=size, align="right", right_chars=side)),
        (section.even_page_footer, "left", Style(font=font, size=size, align="left", left_chars=side)),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.paragraph_format.alignment = {"right": 2, "left": 0}[align]
        set_indent(paragraph, style)
        _page_number_runs(paragraph, profile, font, size)


def _page_number_runs(paragraph: Any, profile: Profile, font: str, size: float) -> None:
    latin = profile.fonts["latin"]
    lead = paragraph.add_run("— ")
    set_run_font(lead, font, size, latin, False, None)
    add_field(paragraph, "PAGE", font, size, latin)
    tail = paragraph.add_run(" —")
    set_run_font(tail, font, size, latin, False, None)
