"""Shared pieces of the model: configuration and provenance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base of every govdoc model: attribute docstrings reach the JSON Schema; unknown keys rejected."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid", frozen=False)


class Provenance(Model):
    """Where a piece of output came from in the source file."""

    page: int | None = None
    """1-based page number (PDF, OFD), or null for flowing formats."""
    bbox: tuple[float, float, float, float] | None = None
    """Box on the page in points: x0, top, x1, bottom."""
    line_start: int | None = None
    """1-based first line (text and Markdown) or block index (DOCX)."""
    line_end: int | None = None
    """1-based last line (inclusive)."""


class Sourced(Model):
    """A model that may carry provenance."""

    source: Provenance | None = Field(default=None)
    """Where it came from; goldens are compared without it."""
