"""PII002 mobile-phone — a Chinese mobile number published in the text.

What it finds:
    11-digit mainland mobile numbers in the segments allocated by MIIT (13x–19x,
    电信网编号计划（2017年版）and later allocations of 190/192/196/197), written
    plain, grouped ``139-1234-5678`` / ``139 1234 5678``, with ``+86`` / ``0086`` /
    ``(+86)`` prefixes, in full-width digits, glued to Chinese characters or
    wrapped onto a new line (text extracted from HTML tables).

Why it matters:
    A personal phone number on a government page is a privacy leak that the
    quarterly website inspections report (e.g. 永安市 2022Q4 通报: mask as
    ``138****1234``).

Validation:
    The first three digits must be an allocated segment; the number must not be
    part of a longer digit run (order numbers, statistics) and must not already
    be masked (``139****5678`` never matches because ``*`` is not a digit).
    Confidence is low after a serial-number cue (订单号, 编号…), in the clause or
    in the table column's header cell, where an 11-digit string is more likely
    an identifier than a phone.

Examples:
    联系电话：13912345678 → fires; 订单号2013912345678901 → does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._context import cues_before, nearest_cue
from govscan.detectors._digits import BLANKS, has_line_break, wrapped
from govscan.masking import mask_value
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII002",
    name="mobile-phone",
    severity=Severity.ERROR,
    summary="手机号码属于个人信息，公开前应去标识化（如 139****5678）",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

# Segments allocated for public mobile service (MIIT numbering plan; 14x data
# cards and 17x/16x virtual operators included). Three-digit prefixes.
ALLOCATED_PREFIXES = frozenset(
    [f"13{d}" for d in range(10)]
    + ["145", "146", "147", "148", "149"]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["162", "165", "166", "167"]
    + ["170", "171", "172", "173", "175", "176", "177", "178"]
    + [f"18{d}" for d in range(10)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)

PHONE_CUES = ("电话", "手机", "联系方式", "号码", "热线", "致电", "拨打", "tel", "Tel", "TEL")
SERIAL_CUES = ("订单号", "流水号", "编号", "单号", "批号", "序列号", "工号", "学号", "条码", "交易号")
CUE_WIDTH = 12

_SEP = r"[-\u2010-\u2015 ]?"
PATTERN = regex.compile(
    r"(?<![\d+/=_&?#])(?<!\d\*+)(?<!\d\.)"
    r"(?P<prefix>(?:\(\+?86\)|\+86|0086|86(?=[-\u2010-\u2015 ]))[-\u2010-\u2015 ]?)?"
    r"(?P<value>1[3-9]\d" + _SEP + r"\d{4}" + _SEP + r"\d{4}|" + wrapped(11) + ")"
    r"(?![\d*])(?!\.\d)",
)
# Where PATTERN can start: a prefix's first character, a 1[3-9]x segment or a digit run wrapped onto the next line.
CANDIDATES = re.compile(
    r"\((?=\+?86\))|\+(?=86)|0(?<![0-9]0)(?=086)|8(?<![0-9]8)(?=6[-\u2010-\u2015 ])"
    r"|1(?<![0-9]1)(?=[3-9][0-9])|[0-9](?<![0-9]{2})(?=[0-9]{0,9}[ \t]*\r?\n)"
)


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Where CANDIDATES matches, found from the text's number runs.

    A number (``13912345678``, ``139 1234 5678``, wrapped) or the ``0086``/``86-``
    prefix opening it is such a run; ``+86``, ``(+86)`` and ``(86)`` stand right
    before the run ``86``.
    """
    candidate_at = CANDIDATES.match
    for start, end in numbers:
        first = text[start]
        if first == "8" and start and text.startswith("86", start):
            if text[start - 1] == "+":
                if start >= 2 and text[start - 2] == "(":
                    yield start - 2
                yield start - 1
            elif text[start - 1] == "(":
                yield start - 1
        if (first in "018" or text[end : end + 1] in BLANKS) and candidate_at(text, start):
            yield start


_NEAREST_CUES = PHONE_CUES + SERIAL_CUES  # joined once
# Any serial cue: where none stands in the clause, the nearest cue cannot be one (most numbers).
_ANY_SERIAL_CUE = re.compile("|".join(SERIAL_CUES))


def validate(candidate: Candidate) -> Verdict | None:
    match = candidate.match
    value = match.group("value")  # the candidate's value: the group always takes part
    digits = value if value.isdigit() else "".join(ch for ch in value if ch.isdigit())
    if len(digits) != 11 or digits[:3] not in ALLOCATED_PREFIXES:
        return None
    if not has_line_break(value) and _separators_inconsistent(value):
        return None
    start = match.start()
    before = candidate.text[start - 1 : start]  # empty at the text's start
    if before.isalpha() and before.isascii():
        return None
    explanation = f"号段 {digits[:3]} 已分配给移动通信；11 位完整号码，未去标识化"
    clause = cues_before(candidate.text, start, CUE_WIDTH)
    cue = None if _ANY_SERIAL_CUE.search(clause) is None else nearest_cue(clause, _NEAREST_CUES)
    serial = cue is not None and cue[1] in SERIAL_CUES
    if serial:
        explanation += f"；但前有“{cue[1]}”，可能是编号"
    value_start, value_end = match.span("value")
    confidence = Confidence.LOW if serial else Confidence.HIGH
    return Verdict(explanation=explanation, confidence=confidence, start=value_start, end=value_end)


def _separators_inconsistent(value: str) -> bool:
    """A grouped number uses one separator in 3-4-4 form; anything else is a coincidence."""
    if value.isdigit():  # no separator at all (the common case)
        return False
    separators = {ch for ch in value if not ch.isdigit()}
    return len(separators) > 1


def mask(value: str) -> str:
    """``139****5678``: the form inspection notices require (永安市 2022Q4 通报)."""
    return mask_value(value, (3, 4))
