"""The committed JSON Schema is current, and every golden validates against it."""

from __future__ import annotations

import json

import pytest

import govdoc
from govdoc.render.json import schema
from tests.conftest import ROOT, SAMPLES, load_json

SCHEMA_PATH = ROOT / "schemas" / "govdoc.schema.json"


def test_committed_schema_is_not_stale():
    """Regenerate with ``govdoc schema -o schemas/govdoc.schema.json`` when the model changes."""
    assert load_json(SCHEMA_PATH) == json.loads(json.dumps(schema(), ensure_ascii=False))


def test_schema_documents_fields_with_chinese_terms():
    props = load_json(SCHEMA_PATH)["properties"]
    assert "发文字号" in props["doc_number"]["description"] or "发文字号" in json.dumps(load_json(SCHEMA_PATH))
    assert "成文日期" in props["issue_date"]["description"]
    assert props["schema_version"]["const"] == "1.1"


@pytest.mark.parametrize("golden", sorted(SAMPLES.glob("*/expected.json")), ids=lambda p: p.parent.name)
def test_golden_validates_against_schema(golden):
    jsonschema = pytest.importorskip("jsonschema")
    doc = govdoc.parse(golden.parent / "source.md")
    jsonschema.validate(json.loads(govdoc.to_json(doc)), load_json(SCHEMA_PATH))
    # the golden itself is the same document without provenance: it must validate too
    jsonschema.validate(
        {**load_json(golden), "source": json.loads(govdoc.to_json(doc))["source"]}, load_json(SCHEMA_PATH)
    )


def test_model_round_trips_through_json():
    doc = govdoc.parse(SAMPLES / "notice-linyi-2022-58" / "source.md")
    assert govdoc.Document.model_validate_json(govdoc.to_json(doc)) == doc
