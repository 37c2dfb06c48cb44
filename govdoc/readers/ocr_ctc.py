"""Recognition with its doubts kept, and the doubts settled by the rest of the document.

The recogniser (a CTC model) gives, for every horizontal step of a line image, a probability per
character and for "nothing" (the CTC blank). Greedy decoding keeps the best character of each run
and drops the rest, so a rare character it is unsure of comes out as a look-alike (``猗`` → ``狗``,
``干`` → ``千``) or not at all (``临猗县`` → ``临县``) — while the same word elsewhere in the document
may have been read with certainty, or with the same doubt leaning the other way.

Here every character read is a :class:`Slot` with its alternatives, and so is every stretch where
the recogniser saw a character but still preferred "nothing". :func:`agree` then treats each
doubtful slot between two sure Chinese characters as one more reading of the same word: the
readings of that context over the whole document are multiplied (each a probability distribution,
floored so one different word does not veto) and the doubtful slot takes the best alternative it
already had. Nothing is ever replaced by a character the recogniser did not propose for that very
place, a character it took is never deleted, digits and punctuation are never touched, and a context
read fewer than three times, or read with certainty as two different words (``第二条`` and ``第三条``),
changes nothing.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import regex as re

NO_CHAR = ""
"""The CTC blank as an alternative: no character at this place."""
SURE = 0.9
"""A character read with at least this probability is sure: it is never changed and sets context."""
ALTERNATIVE_MIN = 0.1
"""Alternatives less likely than this (at their own place) are never chosen."""
DROPPED_MIN = 0.2
"""Where the recogniser preferred "nothing", a character this likely still makes a doubtful slot."""
KEEP_MIN = 0.02
"""Alternatives below this are not kept at all."""
FLOOR = 0.01
"""The least probability a reading gives any alternative when readings are multiplied."""
TOP = 4
"""Alternatives kept per slot."""
HAN = re.compile(r"^\p{Han}$")
"""A Chinese character: the only kind of character :func:`agree` reads context from or changes."""


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in a recognised line: the character taken and the alternatives with their probabilities
    (best first; :data:`NO_CHAR` for "nothing")."""

    pick: str
    choices: tuple[tuple[str, float], ...]

    @property
    def sure(self) -> bool:
        return bool(self.pick) and dict(self.choices).get(self.pick, 0.0) >= SURE


def sure_slots(text: str) -> list[Slot]:
    """Slots for text read without alternatives (every character sure)."""
    return [Slot(ch, ((ch, 1.0),)) for ch in text]


def text_of(slots: Sequence[Slot]) -> str:
    return "".join(s.pick for s in slots)


def _choices(row: Any, charset: Sequence[str]) -> tuple[tuple[str, float], ...]:
    k = min(TOP, len(row))
    top = np.argpartition(row, -k)[-k:]
    top = top[np.argsort(row[top])[::-1]]
    return tuple((charset[i] if i else NO_CHAR, float(row[i])) for i in top if row[i] >= KEEP_MIN)


def decode(probs: Any, charset: Sequence[str]) -> tuple[str, float, list[Slot]]:
    """One line's CTC output (steps × classes, class 0 the blank) → text, mean confidence and slots.

    The text and the score are exactly RapidOCR's greedy CTC decoding; the slots add the alternatives
    (at the step where the character is most likely), and doubtful "nothing" places (a character at
    :data:`DROPPED_MIN` or more inside a run of blanks)."""
    best = probs.argmax(axis=1)
    slots: list[Slot] = []
    kept: list[float] = []
    before = 0  # the class of the last character taken (0: none yet)
    t, steps = 0, len(best)
    while t < steps:
        end = t
        while end + 1 < steps and best[end + 1] == best[t]:
            end += 1
        run = probs[t : end + 1]
        if best[t]:
            peak = t + int(run[:, best[t]].argmax())
            slots.append(Slot(charset[best[t]], _choices(probs[peak], charset)))
            kept.append(float(probs[t, best[t]]))  # RapidOCR scores a run by its first step
            before = int(best[t])
        else:
            ink = run.copy()
            ink[:, [0, before, int(best[end + 1]) if end + 1 < steps else 0]] = 0.0  # not the neighbours' tails
            peak = int(ink.max(axis=1).argmax())
            if ink[peak].max() >= DROPPED_MIN:
                row = ink[peak]
                row[0] = run[peak, 0]
                slots.append(Slot(NO_CHAR, _choices(row, charset)))
        t = end + 1
    score = float(np.mean(kept)) if kept else 0.0
    return text_of(slots), score, slots


class SlotDecoder:
    """Stands in for RapidOCR's CTC decoder: the same ``(text, score)`` per line, plus the slots."""

    def __init__(self, character: Sequence[str]) -> None:
        self.character = list(character)

    def __call__(self, preds: Any, return_word_box: bool = False, **_: Any) -> list[tuple[str, float, list[Slot]]]:
        return [decode(line, self.character) for line in preds]


def _anchor(slot: Slot) -> bool:
    return slot.sure and bool(HAN.match(slot.pick))


def _contexts(line: Sequence[Slot]) -> list[tuple[int | None, str, str]]:
    """``(slot index or None, left, right)`` for every place between two sure Chinese characters: a slot
    with such neighbours, and ``None`` for two of them side by side (a reading of "nothing" between)."""
    out: list[tuple[int | None, str, str]] = []
    for i, slot in enumerate(line):
        if i + 1 < len(line) and _anchor(slot) and _anchor(line[i + 1]):
            out.append((None, slot.pick, line[i + 1].pick))
        if 0 < i < len(line) - 1 and _anchor(line[i - 1]) and _anchor(line[i + 1]):
            out.append((i, line[i - 1].pick, line[i + 1].pick))
    return out


def _reading(line: Sequence[Slot], index: int | None) -> dict[str, float]:
    if index is None:
        return {NO_CHAR: 1.0}
    slot = line[index]
    if slot.sure:
        return {slot.pick: 1.0}
    return dict(slot.choices)


def _log(p: float) -> float:
    return math.log(max(p, FLOOR))


def _settle(slot: Slot, readings: Sequence[dict[str, float]]) -> str:
    """The choice for a doubtful slot given every reading of its context (its own included).

    Whether there is a character at all is decided on the readings' total probability of *some*
    character against "nothing" (greedy decoding loses a character whose probability is split over
    look-alikes); which character, on the product of each reading's probability for it."""
    if slot.pick and not HAN.match(slot.pick):
        return slot.pick
    nothing = sum(_log(r.get(NO_CHAR, 0.0)) for r in readings)
    something = sum(_log(1.0 - r.get(NO_CHAR, 0.0)) for r in readings)
    if nothing > something:
        return slot.pick  # a dropped place stays empty; a character taken is never removed
    options = [c for c, p in slot.choices if p >= ALTERNATIVE_MIN and HAN.match(c)]
    if not options:
        return slot.pick
    return max(options, key=lambda c: sum(_log(r.get(c, 0.0)) for r in readings))


def agree(lines: list[list[Slot]]) -> int:
    """Settle doubtful slots by the document's other readings of the same context (see the module
    docstring); ``lines`` are changed in place. Returns how many slots changed."""
    pool: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    sure: dict[tuple[str, str], set[str]] = defaultdict(set)
    doubts: list[tuple[int, int, str, str]] = []
    for n, line in enumerate(lines):
        for index, left, right in _contexts(line):
            reading = _reading(line, index)
            pool[(left, right)].append(reading)
            if index is not None and not line[index].sure:
                doubts.append((n, index, left, right))
            else:
                sure[(left, right)].add(next(iter(reading)))
    changed = 0
    for n, index, left, right in doubts:
        slot = lines[n][index]
        readings = pool[(left, right)]
        if len(readings) < 3 or len(sure[(left, right)]) > 1:
            continue  # seen twice or less, or two different sure words in this context
        pick = _settle(slot, readings)
        if pick != slot.pick:
            lines[n][index] = replace(slot, pick=pick)
            changed += 1
    return changed
