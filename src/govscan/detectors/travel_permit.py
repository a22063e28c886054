"""PII008 travel-permit — a Hong Kong/Macau or Taiwan travel permit number next to its cue word.

What it finds:
    往来港澳通行证 (mainland residents) ``C`` + 8 digits; 港澳居民来往内地通行证
    (回乡证) ``H``/``M`` + 8 digits; 台湾居民来往大陆通行证 (台胞证) 8 digits;
    大陆居民往来台湾通行证 ``T`` + 8 digits — each only after a permit cue word.

Why it matters:
    A permit number identifies its holder like an ID number does.

Validation:
    The shapes are short and common (an 8-digit number is anything), so the
    permit's name must stand before the number in the same clause or in its
    table column's header cell. The ``W`` + 8
    form and older longer forms reported by some validators are unconfirmed and
    not matched.

Examples:
    港澳通行证号：C12345678 → fires; 合同编号C12345678 → does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._context import clause_before, has_cue
from govscan.masking import mask_value
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII008",
    name="travel-permit",
    severity=Severity.ERROR,
    summary="港澳台通行证号码属于个人信息，公开前应去标识化",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

PATTERN = regex.compile(r"(?<![0-9A-Za-z*])(?P<value>(?P<letter>[CHMT])?\d{8})(?![0-9A-Za-z*])")
# Where PATTERN can start: a letter before 8 digits, or the first of 8+ digits.
CANDIDATES = re.compile(r"[CHMT](?=[0-9]{8})|[0-9](?<![0-9]{2})(?=[0-9]{7})")


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Where PATTERN can start: a run of exactly 8 digits, and a permit letter right before it."""
    for start in [start for start, end in numbers if end - start == 8]:
        if start and text[start - 1] in "CHMT":
            yield start - 1
        yield start


HK_MACAU_CUES = ("往来港澳通行证", "港澳通行证", "通行证")
HOME_RETURN_CUES = ("回乡证", "来往内地通行证", "港澳居民来往内地", "通行证")
TAIWAN_CUES = ("台胞证", "台湾居民来往大陆通行证", "来往大陆通行证")
TO_TAIWAN_CUES = ("往来台湾通行证", "赴台通行证", "大陆居民往来台湾")
CUE_WIDTH = 20

_CUES_BY_LETTER = {
    "C": HK_MACAU_CUES,
    "H": HOME_RETURN_CUES,
    "M": HOME_RETURN_CUES,
    "T": TO_TAIWAN_CUES,
    "": TAIWAN_CUES,
}


def validate(candidate: Candidate) -> Verdict | None:
    letter = candidate.group("letter") or ""
    cue = has_cue(clause_before(candidate, CUE_WIDTH), _CUES_BY_LETTER[letter])
    if cue is None:
        return None
    confidence = Confidence.HIGH if cue != "通行证" else Confidence.MEDIUM
    return Verdict(explanation=f"{letter or '8 位数字'}通行证号码格式，前有“{cue}”", confidence=confidence)


def mask(value: str) -> str:
    """``C*******8``: first and last character kept."""
    return mask_value(value, (1, 1))
