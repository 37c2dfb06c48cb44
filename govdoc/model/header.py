"""Header-zone (版头) and date values."""

from __future__ import annotations

import datetime as _dt

from govdoc.model.base import Sourced


class DocNumber(Sourced):
    """发文字号: 机关代字 + 〔年份〕 + 序号 + 号; for a 命令（令） the 令号 ``第12号`` (serial only)."""

    raw: str
    """发文字号 as printed, e.g. ``鲁商字 [2025] 1号``."""
    text: str
    """Normalised 发文字号 with 〔〕 and no spaces, e.g. ``鲁商字〔2025〕1号``."""
    agency_code: str | None = None
    """机关代字, e.g. ``临政办发``; null for a 令号 (``第12号``), which has none."""
    year: int | None = None
    """年份; null for a 令号 (``第12号``), which has none."""
    serial: int
    """序号 (the number before 号)."""


class DateValue(Sourced):
    """A date as printed and as an ISO date (成文日期, 印发日期)."""

    raw: str
    """The date as printed, e.g. ``二〇二二年 十月二十四日``."""
    text: str = ""
    """The printed date with stray spaces removed, e.g. ``二〇二二年十月二十四日``."""
    date: _dt.date
    """The date, ISO ``YYYY-MM-DD``."""


class AttachmentNote(Sourced):
    """One item of the 附件说明 (``附件：1.XXX``)."""

    index: int | None = None
    """附件序号, null when the note has a single unnumbered item."""
    marker: str = ""
    """What precedes the title as printed: ``附件：`` (first item, with ``1.`` when numbered) or ``2.``."""
    title: str
    """附件名称."""


class ContactEntry(Sourced):
    """One line of a contact block (联系人, 联系电话, 联系地址, 邮箱)."""

    label: str
    """The label as printed without the colon, e.g. ``联系人``."""
    value: str
    """The value, e.g. ``李熠萍``."""


class CcEntry(Sourced):
    """抄送/抄报/分送 line of the 版记."""

    kind: str
    """抄送, 抄报 or 分送 (as printed)."""
    organs: list[str] = []
    """抄送机关, in order."""
