"""The body tree: sections, measures, paragraphs, tables and images (discriminated by ``kind``)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from govdoc.model.base import Model, Sourced


class Section(Sourced):
    """A numbered heading (一、 （一） 1. （1） 第一章 第一条 …) and everything under it."""

    kind: Literal["section"] = "section"
    level: int
    """Depth in this tree, 1 for the outermost numbering style (一、 or 第一章)."""
    marker: str
    """The numbering marker as printed, e.g. ``一、``, ``（一）``, ``1.``, ``第一条``."""
    style: str
    """Numbering style: cn_dun (一、), cn_paren (（一）), arabic_dot (1.), arabic_paren (（1）),
    circled (①), chapter (第一章), section_jie (第一节), article (第一条)."""
    ordinal: int
    """The marker's number (三 → 3)."""
    title: str
    """Heading text without the marker (the run-in part before the first 。 when text follows)."""
    children: list[Node] = []
    """Content under this heading."""


class Measure(Sourced):
    """A bold (or implied) lead sentence and the text that follows it: 主要措施."""

    kind: Literal["measure"] = "measure"
    title: str
    """The lead sentence without its final 。, e.g. ``实施科学家精神进校园行动``."""
    text: str
    """The rest of the paragraph (may continue over several paragraphs, joined by newlines)."""
    bold: bool = True
    """True when the source marked the lead sentence bold; false when it was inferred."""


class Paragraph(Sourced):
    """A plain paragraph of body text."""

    kind: Literal["paragraph"] = "paragraph"
    text: str
    """The paragraph text, line and page breaks removed."""


class Merge(Model):
    """A merged cell range in a table; row indexes count header rows first, then body rows."""

    row: int
    """0-based first row."""
    col: int
    """0-based first column."""
    rowspan: int = 1
    """Rows covered."""
    colspan: int = 1
    """Columns covered."""


class Table(Sourced):
    """A table: header rows and body rows of strings; merged cells are filled with the merged value."""

    kind: Literal["table"] = "table"
    header: list[list[str]] = []
    """Header rows (表头)."""
    rows: list[list[str]] = []
    """Body rows."""
    merges: list[Merge] = []
    """Merged ranges as they were in the source."""


class Image(Sourced):
    """An image: a seal (印章), QR code or picture."""

    kind: Literal["image"] = "image"
    description: str = ""
    """Alt text or file reference of the image."""


Node = Annotated[Union[Section, Measure, Paragraph, Table, Image], Field(discriminator="kind")]  # noqa: UP007
"""Any body node."""

Section.model_rebuild()
