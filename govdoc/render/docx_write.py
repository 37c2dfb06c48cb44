"""Low-level python-docx helpers: paragraphs with East-Asian fonts, character indents, borders, fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from govdoc.render.docx_profile import Profile

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
"""Block alignment → python-docx alignment."""


@dataclass(frozen=True)
class Style:
    """How one paragraph looks."""

    font: str
    size: float
    align: str = "justify"
    first_chars: float = 0
    """First-line indent in characters."""
    left_chars: float = 0
    right_chars: float = 0
    color: str | None = None
    bold: bool = False
    page_break: bool = False
    exact_line: bool = True
    """Fixed line height from the profile's grid (off for text larger than a grid line)."""


Segment = tuple[str, bool]
"""A run of text and whether it is bold."""


def set_run_font(run: Any, font: str, size: float, latin: str, bold: bool, color: str | None) -> None:
    """Name ``font`` for East-Asian text (``w:eastAsia``) and ``latin`` for the rest; size, bold, colour."""
    run.font.name = latin
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:hint"), "eastAsia")
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def set_indent(paragraph: Any, style: Style) -> None:
    """Indents in characters (``w:firstLineChars`` etc.) with twip equivalents for older readers."""
    attrs: dict[str, str] = {}
    twips_per_char = style.size * 20
    sides = (("firstLine", style.first_chars), ("left", style.left_chars), ("right", style.right_chars))
    for key, chars in sides:
        if chars:
            attrs[f"{key}Chars"] = str(round(chars * 100))
            attrs[key] = str(round(chars * twips_per_char))
    if not attrs:
        return
    ind = OxmlElement("w:ind")
    for key, value in attrs.items():
        ind.set(qn(f"w:{key}"), value)
    paragraph._p.get_or_add_pPr().append(ind)


def add_paragraph(doc: Any, segments: Sequence[Segment], style: Style, profile: Profile) -> Any:
    """A paragraph of ``segments`` in ``style`` appended to ``doc`` (a Document or a table cell)."""
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGNMENTS.get(style.align, WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if style.exact_line:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(profile.grid["line_pitch_pt"])
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if style.page_break:
        fmt.page_break_before = True
    set_indent(paragraph, style)
    latin = profile.fonts["latin"]
    for text, bold in segments:
        if text:
            run = paragraph.add_run(text)
            set_run_font(run, style.font, style.size, latin, bold or style.bold, style.color)
    return paragraph


def add_border(paragraph: Any, side: str, size: int, color: str = "000000") -> None:
    """A single rule on ``side`` (top/bottom) of a paragraph (``w:pBdr``)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), color)
    bdr.append(line)


def add_right_tab(paragraph: Any, position_twips: int) -> None:
    """A right-aligned tab stop at ``position_twips`` from the left indent."""
    ppr = paragraph._p.get_or_add_pPr()
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)
    ppr.append(tabs)


def add_field(paragraph: Any, instruction: str, font: str, size: float, latin: str) -> None:
    """A complex field (``w:fldChar`` begin/separate/end) such as ``PAGE`` with a placeholder result."""

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        set_run_font(run, font, size, latin, False, None)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    result = paragraph.add_run("1")
    set_run_font(result, font, size, latin, False, None)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def chars_twips(chars: float, size: float) -> int:
    """``chars`` characters of a ``size``-point font in twips."""
    return round(chars * size * 20)
