"""Classification: an ordered chain of small named rules over normalised lines."""

from __future__ import annotations

from govdoc.classify import rules_body as b
from govdoc.classify import rules_header as h
from govdoc.classify import rules_imprint as p
from govdoc.classify.ruler import Rule, run_chain
from govdoc.classify.state import Labeled, State
from govdoc.normalize import Normalized

DEFAULT_RULES: list[tuple[str, Rule]] = [
    ("portal_residue", h.portal_residue),
    ("pre_title_table", h.pre_title_table),
    ("table", b.table),
    ("image", b.image),
    ("copy_number", h.copy_number),
    ("secrecy", h.secrecy),
    ("urgency", h.urgency),
    ("doc_number", h.doc_number),
    ("signers", h.signers),
    ("minutes_head", h.minutes_head),
    ("issuer_mark", h.issuer_mark),
    ("title", h.title),
    ("addressees", h.addressees),
    ("pre_body_residue", h.pre_body_residue),
    ("attachment_title", b.attachment_title),
    ("title_date", p.title_date),
    ("subtitle", b.subtitle),
    ("attachment_note", b.attachment_note),
    ("attachment_head", b.attachment_head),
    ("cc", p.cc),
    ("printed", p.printed),
    ("subject_terms", p.subject_terms),
    ("note", p.note),
    ("issue_date", p.issue_date),
    ("signature", p.signature),
    ("contact", p.contact),
    ("enclosure_title", b.enclosure_title),
    ("heading", b.heading),
    ("measure", b.measure),
    ("paragraph", b.paragraph),
]
"""The default preset: rule names in the order they are tried."""


def classify(normalized: Normalized, rules: list[tuple[str, Rule]] | None = None) -> list[Labeled]:
    """Label every normalised line."""
    return run_chain(State(lines=normalized.lines), rules or DEFAULT_RULES)


__all__ = ["DEFAULT_RULES", "Labeled", "classify"]
