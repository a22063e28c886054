"""PII003 landline — a fixed-line telephone number, personal when the context says so.

What it finds:
    Mainland landline numbers: trunk ``0`` + area code (010, 02x, 0xxx) + a 7- or
    8-digit local number, written ``0571-88881234``, ``(0571)8888 1234``,
    ``+86 571 8888 1234`` or glued to Chinese text, with an optional extension
    (``转123``, ``-123``, ``分机123``).

Why it matters:
    Office numbers must be published (政府信息公开指南 lists a contact number),
    so a landline is a ``note`` by default. A home or personal number is a
    privacy leak: cue words such as 家庭电话, 住宅电话, 本人, 个人电话 raise it to ``warning``.

Validation:
    The area code must be in the mainland area-code table (libphonenumber data,
    see ``_data/area_codes.tsv``) and the local number must have the length used
    there and start with 2–8. Hotlines (12345, 12315, 400/800 numbers) never
    match: they have no trunk 0 and area code.

Examples:
    家庭电话：0571-88881234 → warning; 办公电话：(010)65881234 → note; 12345 → nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._context import clause_before, has_cue
from govscan.detectors._digits import NOT_AFTER, NOT_BEFORE
from govscan.detectors._tables import area_codes
from govscan.masking import mask_value
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII003",
    name="landline",
    severity=Severity.NOTE,
    summary="固定电话号码：办公电话可以公开，家庭或个人电话应去标识化",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

PATTERN = regex.compile(
    NOT_AFTER + r"(?<!\+)(?P<value>"
    r"(?:(?:\+86|0086)[ -]?(?:\(0\))?|\(0|0)"
    r"(?P<area>10|2\d|[3-9]\d\d)"
    r"(?:\)[ -]?|[-\u2010-\u2015 ])?"
    r"(?P<local>[2-8]\d{2,3}[- ]?\d{4})"
    r"(?:(?:转|分机|-|ext\.?|EXT\.?)(?P<ext>\d{1,5}))?"
    r")" + NOT_BEFORE
)


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Where PATTERN can start: a trunk ``0`` (or ``0086``) opening a number run, ``(`` before it, ``+`` before ``86``.

    The area code is followed by the local number's digits or by a joiner
    (``)``, ``-``, a space), so the run it opens is one of the text's number runs.
    """
    for start, _ in numbers:
        first = text[start]
        if first == "0":
            if start and text[start - 1] == "(":
                yield start - 1
            yield start
        elif first == "8" and start and text[start - 1] == "+" and text.startswith("86", start):
            yield start - 1


PERSONAL_CUES = ("家庭", "住宅", "宅电", "家中", "家里", "本人", "个人电话", "私人", "家属")
PHONE_CUES = ("电话", "联系", "咨询", "传真", "热线", "举报", "tel", "Tel", "TEL", "座机")
CUE_WIDTH = 16


def validate(candidate: Candidate) -> Verdict | None:
    area = area_codes().get(candidate.group("area") or "")
    local = "".join(ch for ch in candidate.group("local") or "" if ch.isdigit())
    if area is None or len(local) not in area.local_lengths:
        return None
    before = clause_before(candidate, CUE_WIDTH)
    personal = has_cue(before, PERSONAL_CUES)
    explanation = f"区号 0{area.code}（{area.place}）+ {len(local)} 位本地号码"
    if personal:
        return Verdict(
            explanation=explanation + f"；前有“{personal}”，像是个人电话",
            severity=Severity.WARNING,
            confidence=Confidence.HIGH,
        )
    cue = has_cue(before, PHONE_CUES)
    confidence = Confidence.HIGH if cue else Confidence.MEDIUM
    return Verdict(explanation=explanation + "；办公电话可以公开，个人电话应去标识化", confidence=confidence)


def mask(value: str) -> str:
    """``0571-88****34``: the area code and the last two digits kept."""
    return mask_value(value, (4, 2))
