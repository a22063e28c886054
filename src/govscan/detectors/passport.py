"""PII007 passport — a passport number next to a passport cue word.

What it finds:
    Chinese passport numbers after 护照 (within the same clause): ordinary
    e-passports ``E`` + 8 digits, and from 2017 ``E`` + a letter (not I or O) + 7
    digits; older ``G`` + 8 digits and ``14``/``15`` + 7 digits; official passports
    ``PE``/``SE``/``DE`` + 7 digits; HKSAR ``K`` + 8 digits; MSAR ``MA`` + 7 digits.

Why it matters:
    A passport number identifies its holder and is personal information
    (GB/T 35273-2020, 3.1).

Validation:
    These short letter-digit shapes also occur as product, file and batch
    numbers, so a number fires only with a cue word (护照, passport) before it,
    in its clause or in its table column's header cell.

Examples:
    护照号码：EA1234567 → fires; 型号E12345678 → does not fire.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._context import clause_before, has_cue
from govscan.masking import mask_value
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="PII007",
    name="passport",
    severity=Severity.ERROR,
    summary="护照号码属于个人信息，公开前应去标识化",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

PATTERN = regex.compile(
    r"(?<![0-9A-Za-z*])(?P<value>"
    r"(?P<ordinary>E[A-HJ-NP-Z]\d{7}|[EG]\d{8})"
    r"|(?P<official>[PSD]E\d{7})"
    r"|(?P<sar>K\d{8}|MA\d{7})"
    r"|(?P<old>1[45]\d{7})"
    r")(?![0-9A-Za-z*])"
)


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> Iterator[int]:
    """Where PATTERN can start: every passport number ends in a run of 7–9 digits, after at most two capitals."""
    for start in [start for start, end in numbers if 7 <= end - start <= 9]:
        if start and "A" <= text[start - 1] <= "Z":
            if start >= 2:
                yield start - 2
            yield start - 1
        if text[start] == "1":
            yield start


CUES = ("护照", "passport", "Passport", "PASSPORT")
CUE_WIDTH = 20
_KINDS = {"ordinary": "普通护照", "official": "公务/外交护照", "sar": "特区护照", "old": "旧版护照"}


def validate(candidate: Candidate) -> Verdict | None:
    cue = has_cue(clause_before(candidate, CUE_WIDTH), CUES)
    if cue is None:
        return None
    kind = next(_KINDS[name] for name in _KINDS if candidate.group(name))
    return Verdict(explanation=f"{kind}号码格式，前有“{cue}”")


def mask(value: str) -> str:
    """``E*******8``: first and last character kept."""
    return mask_value(value, (1, 1))
