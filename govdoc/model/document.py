"""The top-level parsed document (the JSON contract)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from govdoc.model.base import Model
from govdoc.model.body import Node
from govdoc.model.header import AttachmentNote, CcEntry, ContactEntry, DateValue, DocNumber
from govdoc.model.parts import Attachment, Diagnostic, Enclosure, Residue, SourceInfo, Task

if TYPE_CHECKING:
    from govdoc.units import Unit

SCHEMA_VERSION: Literal["1.1"] = "1.1"


class Document(Model):
    """A parsed 公文."""

    schema_version: Literal["1.1"] = "1.1"
    """Version of this JSON contract; the major number changes when a key is renamed or reshaped."""
    source: SourceInfo
    """The input file."""
    doc_type: str | None = None
    """文种 (通知, 公告, 批复 …; 方案/办法 … for a bare enclosed document), null if unknown."""
    copy_number: str | None = None
    """份号."""
    secrecy: str | None = None
    """密级和保密期限, e.g. ``机密★1年``."""
    urgency: str | None = None
    """紧急程度: 特急, 加急."""
    issuer_mark: str | None = None
    """发文机关标志 as printed (stacked lines joined)."""
    issuers: list[str] = []
    """发文机关, joint issuers in order."""
    doc_number: DocNumber | None = None
    """发文字号."""
    signers: list[str] = []
    """签发人."""
    title: str | None = None
    """标题, on one line."""
    addressees: list[str] = []
    """主送机关."""
    body: list[Node] = []
    """正文 of the notice itself."""
    attachment_notes: list[AttachmentNote] = []
    """附件说明 of the notice itself."""
    signature: list[str] = []
    """发文机关署名."""
    issue_date: DateValue | None = None
    """成文日期."""
    note: str | None = None
    """附注 without brackets, e.g. ``此件公开发布``."""
    contact: list[ContactEntry] = []
    """Contact block (联系人 …) of the notice itself."""
    enclosures: list[Enclosure] = []
    """Documents printed by a 印发/转发/批转 notice."""
    attachments: list[Attachment] = []
    """附件, in order."""
    tasks: list[Task] = []
    """任务分工: rows of division-of-labour tables and inline assignments."""
    cc: list[CcEntry] = []
    """抄送/抄报/分送 of the 版记."""
    printed_by: str | None = None
    """印发机关."""
    print_date: DateValue | None = None
    """印发日期."""
    print_line: str | None = None
    """印发机关和印发日期 as printed (one line), e.g. ``临猗县人民政府办公室2022年10月24日印发``."""
    subject_terms: list[str] = []
    """主题词 (1999-era documents)."""
    diagnostics: list[Diagnostic] = []
    """What the parser noticed."""
    residue: list[Residue] = []
    """Text that belongs to no element, kept with the reason."""

    def keywords(self, n: int = 10) -> list[str]:
        """Top-``n`` TF-IDF keywords of title and body (jieba, imported lazily)."""
        from govdoc.keywords import extract_keywords

        return extract_keywords(self, n)

    def units(self) -> list[Unit]:
        """The units (单位) named in ``tasks``: canonical name, aliases, tasks led and supported."""
        from govdoc.units import build_registry

        return build_registry(self.tasks)
