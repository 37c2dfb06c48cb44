"""Recognition doubts kept as slots, and settled by the document's other readings (govdoc.readers.ocr_ctc).

The probability rows are written by hand in the shape RapidOCR's recogniser gives them (steps × classes,
class 0 the CTC blank); the values in the 临猗县 cases are the ones it gave on the rasterised reference
notice, rounded.
"""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

from govdoc.readers.ocr_ctc import NO_CHAR, Slot, agree, decode, sure_slots, text_of  # noqa: E402

CHARSET = ["blank", "临", "猗", "狗", "骑", "县", "干", "千", "于", "领", "导", "部", "2", "0", "1", "5", " "]


def rows(*steps: dict[str, float]) -> object:
    """A probability matrix from ``{char: p}`` per step; the rest of each row is blank."""
    out = np.zeros((len(steps), len(CHARSET)), np.float32)
    for t, step in enumerate(steps):
        for ch, p in step.items():
            out[t, CHARSET.index(ch)] = p
        out[t, 0] += 1.0 - out[t].sum()
    return out


def slot(pick: str, **choices: float) -> Slot:
    pairs = [(NO_CHAR if c == "none" else c, p) for c, p in choices.items()]
    return Slot(pick, tuple(sorted(pairs, key=lambda pair: -pair[1])))


LIN, XIAN = sure_slots("临")[0], sure_slots("县")[0]


def test_decode_is_greedy_ctc_with_a_doubtful_dropped_character() -> None:
    probs = rows({"临": 1.0}, {}, {"猗": 0.33, "骑": 0.16}, {}, {"县": 0.98}, {"县": 0.97})
    text, score, slots = decode(probs, CHARSET)
    assert text == "临县"
    assert [s.pick for s in slots] == ["临", NO_CHAR, "县"]
    dropped = dict(slots[1].choices)
    assert dropped["猗"] == pytest.approx(0.33) and dropped[NO_CHAR] == pytest.approx(0.51)
    assert slots[0].sure and not slots[1].sure and slots[2].sure
    assert score == pytest.approx((1.0 + 0.98) / 2)


def test_decode_ignores_the_tail_of_a_neighbour_and_faint_ink() -> None:
    probs = rows({"临": 0.99}, {"临": 0.4}, {"猗": 0.1}, {"县": 0.3}, {"县": 0.95})
    text, _, slots = decode(probs, CHARSET)
    assert text == "临县" and len(slots) == 2


def test_decode_keeps_repeated_characters_split_by_a_blank() -> None:
    text, _, slots = decode(rows({"2": 1.0}, {"0": 1.0}, {}, {"0": 1.0}, {"1": 0.9}), CHARSET)
    assert text == "2001" and text_of(slots) == text


def test_decode_matches_rapidocr_greedy_decoding_on_random_rows() -> None:
    decoder = pytest.importorskip("rapidocr_onnxruntime.ch_ppocr_rec.utils").CTCLabelDecode
    rapid = decoder(character=CHARSET[1:-1])  # it adds the blank and the space itself
    rng = np.random.default_rng(7)
    for _ in range(50):
        logits = rng.normal(size=(1, 30, len(CHARSET))) * 3
        probs = np.exp(logits) / np.exp(logits).sum(axis=2, keepdims=True)
        (expected, expected_score), *_ = rapid(probs.astype(np.float32))
        text, score, _ = decode(probs[0], rapid.character)
        assert text == expected and score == pytest.approx(expected_score, rel=1e-5)


def lines_of_lin_xian() -> list[list[Slot]]:
    return [
        [LIN, slot(NO_CHAR, none=0.50, 猗=0.22, 骑=0.17), XIAN],
        [LIN, slot("猗", 猗=0.48, none=0.34, 骑=0.08), XIAN],
        [LIN, slot("狗", 狗=0.39, 猗=0.23, none=0.17), XIAN],
        [LIN, slot(NO_CHAR, none=0.35, 猗=0.27, 狗=0.11, 骑=0.11), XIAN],
        [LIN, slot("狗", 狗=0.41, none=0.33, 猗=0.13), XIAN],
        [LIN, slot("猗", 猗=0.41, 狗=0.23, none=0.16), XIAN],
    ]


def test_a_rare_character_read_three_ways_is_read_one_way() -> None:
    lines = lines_of_lin_xian()
    assert agree(lines) == 4
    assert {text_of(line) for line in lines} == {"临猗县"}


def test_sure_readings_outvote_a_look_alike() -> None:
    sure = sure_slots("领导干部")
    doubtful = [*sure_slots("领导"), slot("千", 千=0.57, 干=0.33, 于=0.10), *sure_slots("部")]
    lines = [sure, list(sure), doubtful]
    assert agree(lines) == 1 and text_of(lines[2]) == "领导干部"


def test_sure_adjacent_reading_keeps_a_dropped_slot_empty() -> None:
    lines = [sure_slots("临县"), sure_slots("临县"), [LIN, slot(NO_CHAR, none=0.45, 猗=0.30, 骑=0.2), XIAN]]
    assert agree(lines) == 0 and text_of(lines[2]) == "临县"


def test_a_context_seen_once_changes_nothing() -> None:
    lines = [[LIN, slot("狗", 狗=0.39, 猗=0.33, none=0.2), XIAN], sure_slots("领导干部")]
    assert agree(lines) == 0 and text_of(lines[0]) == "临狗县"


def test_only_alternatives_the_recogniser_proposed_are_taken() -> None:
    lines = [
        sure_slots("领导干部"),
        sure_slots("领导干部"),
        [*sure_slots("领导"), slot("千", 千=0.7, 于=0.2), *sure_slots("部")],
    ]
    assert agree(lines) == 0 and text_of(lines[2]) == "领导千部"


def test_digits_are_never_settled_by_context() -> None:
    lines = [
        sure_slots("2025"),
        sure_slots("2025"),
        [*sure_slots("20"), slot("1", **{"1": 0.6, "2": 0.4}), *sure_slots("5")],
    ]
    assert agree(lines) == 0 and text_of(lines[2]) == "2015"


def _settled(lines: list[list[Slot]]) -> list[str]:
    agree(lines)
    return [text_of(line) for line in lines]


@pytest.mark.parametrize(
    ("lines", "doubtful"),
    [
        # a context with different sure words (第二条, 第三条) says nothing about a doubtful 第?条
        (
            [sure_slots("第二条规定"), sure_slots("第二条所称"), sure_slots("第三条规定")],
            ("第", "三", "条", {"三": 0.55, "二": 0.40}),
        ),
        # one sure reading of another word does not outvote the slot's own 6:1 odds
        ([sure_slots("全市各级")], ("全", "省", "各", {"省": 0.6, "市": 0.1})),
        # 县政府 elsewhere (县 and 政 side by side) never deletes a character the recogniser took
        (
            [sure_slots("县政府"), sure_slots("县政府办公室"), sure_slots("县政府各部门")],
            ("县", "财", "政局", {"财": 0.62, "none": 0.15, "材": 0.12}),
        ),
        # a single sure 县财政局 does not insert 财 into 县政府
        ([sure_slots("县财政局")], ("县", NO_CHAR, "政府", {"none": 0.55, "财": 0.25})),
        # sure readings of other words (全民, 人民, 国民) do not vote "a character is here"
        (
            [sure_slots("县全民"), sure_slots("县人民"), sure_slots("县人民"), sure_slots("县国民")],
            ("县", NO_CHAR, "民政局", {"none": 0.6, "人": 0.22}),
        ),
    ],
    ids=[
        "different-sure-words",
        "one-other-reading",
        "no-deletion",
        "no-insertion-from-one",
        "other-words-not-existence",
    ],
)
def test_other_words_in_the_same_context_change_nothing(
    lines: list[list[Slot]], doubtful: tuple[str, str, str, dict[str, float]]
) -> None:
    """Regressions from review: contexts of one character each side mix different words."""
    left, pick, right, choices = doubtful
    line = [*sure_slots(left), slot(pick, **choices), *sure_slots(right)]
    before = text_of(line)
    assert _settled([*lines, line])[-1] == before
