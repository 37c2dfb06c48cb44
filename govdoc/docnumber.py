"""发文字号: raw → normalised text and parts."""

from __future__ import annotations

from govdoc.model import DocNumber, Provenance
from govdoc.patterns import DOC_NUMBER, ORDER_NUMBER


def parse_doc_number(raw: str, source: Provenance | None = None) -> DocNumber | None:
    """``鲁商字 [2025] 1号`` → text ``鲁商字〔2025〕1号``, agency_code ``鲁商字``, year 2025, serial 1; a 令号
    ``第 12 号`` → text ``第12号``, serial 12, no agency code or year."""
    order = ORDER_NUMBER.match(raw.strip())
    if order:
        serial = int(order.group("serial"))
        return DocNumber(raw=raw.strip(), text=f"第{serial}号", serial=serial, source=source)
    m = DOC_NUMBER.search(raw)
    if not m:
        return None
    code = "".join(m.group("code").split())
    year, serial = int(m.group("year")), int(m.group("serial"))
    return DocNumber(
        raw=raw.strip(),
        text=f"{code}〔{year}〕{'第' if m.group('di') else ''}{serial}号",
        agency_code=code,
        year=year,
        serial=serial,
        source=source,
    )
