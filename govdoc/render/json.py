"""JSON renderer."""

from __future__ import annotations

import json
from typing import Any

from govdoc.model import Document


def strip_source(value: Any) -> Any:
    """Drop every ``source``/provenance key (goldens compare without it) and the file path/hash."""
    if isinstance(value, dict):
        return {k: strip_source(v) for k, v in value.items() if k not in ("source", "provenance")}
    if isinstance(value, list):
        return [strip_source(v) for v in value]
    return value


def render_json(doc: Document, *, pretty: bool = False, with_source: bool = True) -> str:
    """Serialise ``doc``; ``with_source=False`` removes provenance for comparisons."""
    data = doc.model_dump(mode="json")
    if not with_source:
        data = strip_source(data)
    return json.dumps(data, ensure_ascii=False, indent=2 if pretty else None)


def schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Document`."""
    out: dict[str, Any] = Document.model_json_schema(mode="serialization")
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = "https://govdoc.invalid/schemas/govdoc.schema.json"
    return out
