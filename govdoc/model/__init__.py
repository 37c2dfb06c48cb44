"""The govdoc data model (pydantic v2)."""

from govdoc.model.base import Provenance
from govdoc.model.body import Image, Measure, Merge, Node, Paragraph, Section, Table
from govdoc.model.document import SCHEMA_VERSION, Document
from govdoc.model.header import AttachmentNote, CcEntry, ContactEntry, DateValue, DocNumber
from govdoc.model.parts import (
    Attachment,
    Diagnostic,
    Enclosure,
    Residue,
    SourceInfo,
    Task,
    TaskSource,
)

__all__ = [
    "SCHEMA_VERSION",
    "Attachment",
    "AttachmentNote",
    "CcEntry",
    "ContactEntry",
    "DateValue",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Enclosure",
    "Image",
    "Measure",
    "Merge",
    "Node",
    "Paragraph",
    "Provenance",
    "Residue",
    "Section",
    "SourceInfo",
    "Table",
    "Task",
    "TaskSource",
]
