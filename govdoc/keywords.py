"""Optional TF-IDF keywords for archive indexing (jieba, imported lazily: its dictionary costs ~0.7 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govdoc.model import Document

STOP_WORDS = frozenset({"工作", "有关", "进一步", "加强", "开展", "推进", "相关", "各类", "以及", "通知", "单位"})
"""Words too common in 公文 to index."""
TEXT_KEYS = frozenset({"title", "text", "subtitle", "header", "rows", "description"})
"""Keys whose string values are document text."""


def _strings(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, v in value.items():
            if key in TEXT_KEYS and isinstance(v, str):
                out.append(v)
            elif isinstance(v, (dict, list)):
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, str):
                out.append(v)
            else:
                _strings(v, out)


def document_text(doc: Document) -> str:
    """Title, body, enclosures and attachments (titles, texts and table cells) as one string."""
    out: list[str] = []
    data = doc.model_dump(include={"title", "body", "enclosures", "attachments"})
    _strings(data, out)
    return "\n".join(out)


def extract_keywords(doc: Document, n: int = 10) -> list[str]:
    """Top-``n`` keywords by jieba's TF-IDF, stop words and single characters removed."""
    import logging

    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    words: list[str] = jieba.analyse.extract_tags(document_text(doc), topK=n * 3)
    out = [w for w in words if len(w) > 1 and w not in STOP_WORDS and not w.isascii()]
    return out[:n]
