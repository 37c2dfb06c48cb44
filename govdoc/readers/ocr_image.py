"""Page images before OCR: red seals removed, red text darkened, ruling lines found.

- A red seal (印章) is a roundish red region: its red pixels are whitened, so the seal's own text is not
  read and the black signature and date it overlaps stay legible.
- Other red ink (the 发文机关标志, the red rule) is turned black for the recogniser; which boxes were red
  is decided on the original image, so the masthead keeps its colour as a style hint.
- Long horizontal and vertical strokes (table grids, 版记 lines, the red rule) are found by
  morphological opening and returned as ruling edges so tables keep their cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from govdoc.readers.tables import edge

RED_MIN = 150
"""Red channel above which, with green and blue below :data:`RED_OTHER_MAX`, a pixel is red ink."""
RED_OTHER_MAX = 120
"""Green/blue channel ceiling of red ink."""
INK_MAX = 140
"""Grey level under which a pixel is ink."""
RULE_INK_MAX = 200
"""Grey level under which a pixel may belong to a ruling (thin rules render light grey)."""
SEAL_MIN = 0.08
"""A seal is at least this share of the page width across."""
SEAL_ASPECT = (0.7, 1.45)
"""Width/height ratio range of a seal (a circle, an ellipse or a square)."""
RULE_MIN = 0.05
"""A ruling is at least this share of the page width (or height) long."""
RED_RULE_WIDTH = 0.3
"""A red horizontal ruling wider than this share of the page is the 版头 red rule."""
STRAY_MIN = 6.5
"""Smallest width and height (points) of leftover ink worth recognising on its own (a lone digit)."""
STRAY_MAX = (54.0, 40.0)
"""Largest width and height (points) of leftover ink recognised on its own (a few glyphs)."""
ERASE_MIN = 0.1
"""Strokes at least this share of the page width (across) or height (down) are rulings and are whitened in
the recogniser's image; longer than any glyph stroke, 破折号 ``——`` or 省略号 ``……``."""
STRAY_BOX_PAD = 0.25
"""Share of a detected box's height around it that is not searched for stray ink."""
RED_BOX_SHARE = 0.4
"""A text box whose ink is at least this share red is red text."""
SKEW_MIN = 0.2
"""Degrees of page skew below which a scan is read as it is."""
SKEW_MAX = 8.0
"""Degrees of skew beyond which the estimate is not trusted (a page of rotated stamps or tables)."""
SKEW_LINE_ASPECT = 5.0
"""A detected box at least this many times as wide as high is a text line whose slope shows the skew."""
SKEW_MIN_LINES = 5
"""Text lines needed before a skew estimate is trusted."""


@dataclass(slots=True)
class Prepared:
    """The image handed to the recogniser, the red-ink mask of the original and the rulings found."""

    image: Any
    red: Any
    rules: Any
    """Pixels of the ruling strokes (the long ones are whitened in ``image``; all are kept out of strays)."""
    edges: list[dict[str, Any]] = field(default_factory=list)
    red_rules: list[float] = field(default_factory=list)


def red_mask(img: Any) -> Any:
    rgb = img.astype(np.int16)
    return (rgb[..., 0] > RED_MIN) & (rgb[..., 1] < RED_OTHER_MAX) & (rgb[..., 2] < RED_OTHER_MAX)


def seal_boxes(red: Any) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1) of roundish red regions at least :data:`SEAL_MIN` wide."""
    import cv2

    width = red.shape[1]
    grown = cv2.dilate(red.astype(np.uint8), np.ones((9, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    boxes = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if w >= SEAL_MIN * width and SEAL_ASPECT[0] <= w / max(h, 1) <= SEAL_ASPECT[1]:
            boxes.append((x, y, x + w, y + h))
    return boxes


def _strokes(ink: Any, horizontal: bool) -> Any:
    """``ink`` opened with a line :data:`RULE_MIN` of the page width long: only long straight strokes."""
    import cv2

    length = max(int(RULE_MIN * ink.shape[1]), 10) | 1  # odd: the opening keeps a stroke's ends in place
    kernel = np.ones((1, length) if horizontal else (length, 1), np.uint8)
    return cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_OPEN, kernel)


def _lines(strokes: Any, horizontal: bool, scale: float) -> list[dict[str, Any]]:
    """Long straight strokes (see :func:`_strokes`) as pdfplumber edge dicts in points."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    edges = []
    for i in range(1, count):
        x, y, w, h = (int(v) / scale for v in stats[i][:4])
        if horizontal:
            mid = y + h / 2
            edges.append(edge(x, x + w, mid, mid, "h"))
        else:
            mid = x + w / 2
            edges.append(edge(mid, mid, y, y + h, "v"))
    return edges


def _long_strokes(across: Any, down: Any) -> Any:
    """Of the ruling strokes, those at least :data:`ERASE_MIN` of the page long, with their fringe."""
    import cv2

    height, width = across.shape
    wide, tall = max(int(ERASE_MIN * width), 10) | 1, max(int(ERASE_MIN * height), 10) | 1
    long_across = cv2.morphologyEx(across, cv2.MORPH_OPEN, np.ones((1, wide), np.uint8))
    long_down = cv2.morphologyEx(down, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    return cv2.dilate(np.maximum(long_across, long_down), np.ones((3, 3), np.uint8)) > 0


def prepare(img: Any, scale: float) -> Prepared:
    """Seal-free, red-darkened copy of a page image (RGB uint8) plus its rulings in points."""
    red = red_mask(img)
    out = img.copy()
    for x0, y0, x1, y1 in seal_boxes(red):
        region = red[y0:y1, x0:x1]
        out[y0:y1, x0:x1][region] = 255
        red[y0:y1, x0:x1] = False
    out[red] = 0
    ink = out.min(axis=2) < RULE_INK_MAX
    across, down = _strokes(ink, True), _strokes(ink, False)
    prepared = Prepared(image=out, red=red, rules=(across | down) > 0)
    prepared.edges = _lines(across, True, scale) + _lines(down, False, scale)
    out[_long_strokes(across, down)] = 255  # table rules are not text: a rule's corner is read as 厂 or L
    page_width = img.shape[1] / scale
    red_rules = _lines(_strokes(red, True), True, scale)
    prepared.red_rules = [e["top"] for e in red_rules if e["width"] > RED_RULE_WIDTH * page_width]
    return prepared


def skew_angle(quads: list[Any]) -> float:
    """The page's skew in degrees (positive: lines fall to the right) from the detector's text-line
    quadrilaterals (top-left, top-right, bottom-right, bottom-left): the median slope of the long ones;
    0.0 when fewer than :data:`SKEW_MIN_LINES` lines or the estimate is outside ``SKEW_MIN…SKEW_MAX``."""
    angles = []
    for quad in quads:
        (x0, y0), (x1, y1), (x2, y2) = (tuple(map(float, p)) for p in quad[:3])
        width, height = float(np.hypot(x1 - x0, y1 - y0)), float(np.hypot(x2 - x1, y2 - y1))
        if width >= SKEW_LINE_ASPECT * max(height, 1.0):
            angles.append(float(np.degrees(np.arctan2(y1 - y0, x1 - x0))))
    if len(angles) < SKEW_MIN_LINES:
        return 0.0
    angle = float(np.median(angles))
    return angle if SKEW_MIN <= abs(angle) <= SKEW_MAX else 0.0


def deskew(img: Any, angle: float) -> Any:
    """The page image rotated by ``angle`` degrees about its centre so its lines run level (white fill)."""
    import cv2

    height, width = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(img, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def is_red(prepared: Prepared, box: tuple[int, int, int, int]) -> bool:
    """True when most ink inside ``box`` (pixels) was red on the original page."""
    x0, y0, x1, y1 = box
    ink = prepared.image[y0:y1, x0:x1].min(axis=2) < INK_MAX
    total = int(ink.sum())
    return total > 0 and int(prepared.red[y0:y1, x0:x1].sum()) >= RED_BOX_SHARE * total


def stray_ink(
    prepared: Prepared, boxes: list[tuple[int, int, int, int]], scale: float
) -> list[tuple[int, int, int, int]]:
    """Glyph-sized ink outside every detected box and off the rulings (the detector often misses a lone
    digit in a table cell): pixel boxes (x0, y0, x1, y1), padded, to be recognised one by one."""
    import cv2

    ink = (prepared.image.min(axis=2) < INK_MAX).astype(np.uint8)
    ink[prepared.rules] = 0
    for x0, y0, x1, y1 in boxes:
        pad = max(2, int(STRAY_BOX_PAD * (y1 - y0)))  # glyph edges the detector's box cut off are not strays
        ink[max(0, y0 - pad) : y1 + pad + 1, max(0, x0 - pad) : x1 + pad + 1] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, np.ones((7, 7), np.uint8)))
    lo, (max_w, max_h) = STRAY_MIN * scale, (v * scale for v in STRAY_MAX)
    height, width = ink.shape
    out = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if lo <= w <= max_w and lo <= h <= max_h:
            out.append((max(0, x - 6), max(0, y - 6), min(width, x + w + 6), min(height, y + h + 6)))
    return out
