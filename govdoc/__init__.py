"""govdoc: Chinese government official documents (公文) → typed data, and back to GB/T 9704 DOCX."""

from govdoc.api import parse, parse_text, to_json
from govdoc.errors import (
    CorruptFileError,
    EncryptedFileError,
    GovdocError,
    NoTextLayerError,
    ParseTimeoutError,
    TooLargeError,
    UnsupportedFormatError,
)
from govdoc.model import (
    Attachment,
    AttachmentNote,
    CcEntry,
    DateValue,
    Diagnostic,
    DocNumber,
    Document,
    Enclosure,
    Image,
    Measure,
    Paragraph,
    Section,
    Table,
    Task,
)
from govdoc.options import ParseOptions

__version__ = "0.1.0"


def to_docx(doc: Document, path: str, profile: str = "gbt9704-2012") -> None:
    """Write ``doc`` as a GB/T 9704-2012 DOCX (see :mod:`govdoc.render.docx`)."""
    from govdoc.render.docx import render_docx

    render_docx(doc, path, profile=profile)


__all__ = [
    "Attachment",
    "AttachmentNote",
    "CcEntry",
    "CorruptFileError",
    "DateValue",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Enclosure",
    "EncryptedFileError",
    "GovdocError",
    "Image",
    "Measure",
    "NoTextLayerError",
    "Paragraph",
    "ParseOptions",
    "ParseTimeoutError",
    "Section",
    "Table",
    "Task",
    "TooLargeError",
    "UnsupportedFormatError",
    "__version__",
    "parse",
    "parse_text",
    "to_docx",
    "to_json",
]
