"""OCR for scans: PDFs without a text layer, read with the optional ``govdoc[ocr]`` extra.

Policy (``ParseOptions.ocr``):

- ``auto`` (default) — the PDF reader runs first; when it raises ``no_text_layer`` and the extra is
  installed, every page is rendered (pypdfium2) and recognised (RapidOCR on onnxruntime, whose wheel
  ships its models, so it runs offline); without the extra the ``no_text_layer`` reason says
  ``pip install "govdoc[ocr]"``;
- ``always`` — OCR even when a text layer exists (a text layer that is garbage, e.g. broken ToUnicode);
- ``never`` — never OCR.

Recognised boxes become positioned characters and go through the same layout (lines, paragraphs,
tables from ruling lines found in the image) as OFD and PDF text: see :mod:`ocr_page`.
"""

from __future__ import annotations

import importlib.util

from govdoc.errors import NoTextLayerError, UnsupportedFormatError
from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult

OCR_HINT = 'pip install "govdoc[ocr]"'
"""How to enable OCR, quoted in error reasons."""
OCR_MODULES = ("rapidocr_onnxruntime", "onnxruntime", "cv2")
"""Modules the OCR extra provides."""


def available() -> bool:
    """True when the OCR extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in OCR_MODULES)


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """OCR every page of a PDF (the extra must be installed)."""
    if not available():
        raise UnsupportedFormatError(f"OCR is not installed: {OCR_HINT}", path)
    from govdoc.readers.ocr_pdf import ocr_pdf

    return ocr_pdf(data, path, options)


def read_pdf(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """A PDF through the PDF reader, or OCR according to ``options.ocr`` (see the module docstring)."""
    from govdoc.readers import pdf

    if options.ocr == "always":
        return read(data, path, options)
    try:
        return pdf.read(data, path, options)
    except NoTextLayerError as exc:
        if options.ocr == "never":
            raise NoTextLayerError(f"{exc.reason} (OCR is switched off: --ocr never)", path) from None
        if not available():
            raise NoTextLayerError(f"{exc.reason}; to read scans install the OCR extra: {OCR_HINT}", path) from None
    return read(data, path, options)
