"""PII004 bank-card — a personal bank card or account number published in the text.

What it finds:
    16–19 digit card numbers, plain, in 4-digit groups (``6222 0212 3456 7890 123``) or
    split after the six-digit issuer number (``622202 1234567890128``),
    in full-width digits, glued to Chinese text or wrapped onto a new line; and
    15–19 digit account numbers right after an account cue (账号, 银行账户…).

Why it matters:
    Personal card numbers in 补贴公示 are reported by website inspections
    (汉台区 2022Q2 通报).

Validation:
    A card number must pass the Luhn check and either start with a known issuer
    prefix (UnionPay 62, Visa 4, Mastercard 51–55 / 2221–2720, JCB 3528–3589) or
    follow a card cue word (银行卡, 卡号, 账号, 账户, 开户行). Some UnionPay numbers
    do not follow Luhn, so a number after an account cue that fails Luhn is still
    reported, with low confidence. Numbers after serial-number cues (订单号,
    流水号…) and organisations' accounts (对公账户, 收款单位) are not reported. An
    18-digit string that is also a valid resident ID is a card only when a card
    cue is the nearest cue word (PII001 reports it otherwise), so it is reported once.
    Cue words count in the clause before the number and, in a table row, in the
    column's header cell (账号, 订单号 …).

Examples:
    银行卡号：6222021234567890128 → fires; 订单号：6222021234567890128 → does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._checksums import luhn_ok
from govscan.detectors._context import clause_before, has_cue, nearest_cue
from govscan.detectors._digits import BLANKS, NOT_AFTER, NOT_BEFORE, compact, wrapped, wrapped_guard
from govscan.detectors.resident_id import CARD_CUES, ID_CUES, ORGANISATION_CUES, claimed_by_card, is_resident_id
from govscan.masking import mask_value
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII004",
    name="bank-card",
    severity=Severity.ERROR,
    summary="银行卡号、个人账号属于个人信息，公开前应去标识化（如 6222 **** **** 0128）",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

PATTERN = regex.compile(
    NOT_AFTER + r"(?P<value>"
    r"\d{4}(?P<sep>[ -])\d{4}(?P=sep)\d{4}(?P=sep)\d{4}(?:(?P=sep)\d{1,3})?"
    r"|\d{6} \d{10,13}"
    # One guard for the four wrapped lengths: where it fails (nearly everywhere), so do theirs.
    rf"|(?={wrapped_guard(18)})(?:" + "|".join(wrapped(n) for n in range(16, 20)) + r")|\d{15,19}"
    r")" + NOT_BEFORE
)
# Where PATTERN can start: a 4-4-4-4 grouped, 6+10 or 15-digit run, or a run wrapped onto the next line.
CANDIDATES = re.compile(
    r"[0-9](?<![0-9]{2})"
    r"(?=[0-9]{3}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}|[0-9]{5} [0-9]{10}|[0-9]{14}|[0-9]{0,17}[ \t]*\r?\n)"
)


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> list[int]:
    """The text's number runs where CANDIDATES matches.

    A card number opens with a run of 6 or 15–19 digits, a run of 4 in
    ``dddd-dddd-``/``dddd dddd ``, or a run wrapped onto the next line; only
    those are tested.
    """
    candidate_at = CANDIDATES.match
    return [
        start
        for start, end in numbers
        if (
            end - start in _OPENING_RUNS
            or text[end : end + 1] in BLANKS
            or (end - start == 4 and text[end : end + 1] == "-" == text[end + 5 : end + 6])
        )
        and candidate_at(text, start)
    ]


# The lengths of the digit run a card number opens with: six (6+10) or 15-19 (plain).
_OPENING_RUNS = frozenset({6, 15, 16, 17, 18, 19})

SERIAL_CUES = (
    "订单号",
    "流水号",
    "编号",
    "单号",
    "批号",
    "序列号",
    "条码",
    "交易号",
    "文号",
    "索引号",
    "准考证",
    "学号",
)
ORGANISATION_ACCOUNT_CUES = ("对公", "收款单位", "单位账户", "单位帐户", "基本户", "基本账户", "财政专户")
ACCOUNT_CUES = ("账号", "帐号", "银行账户", "银行帐户", "卡号", "银行卡")
CUE_WIDTH = 16


def issuer(digits: str) -> str | None:
    """The card scheme its prefix and length point to, if any."""
    length = len(digits)
    if digits.startswith("62") and 16 <= length <= 19:
        return "银联"
    if digits.startswith("4") and length in (16, 19):
        return "Visa"
    if (51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720) and length == 16:
        return "Mastercard"
    if 3528 <= int(digits[:4]) <= 3589 and 16 <= length <= 19:
        return "JCB"
    return None


# The cue lists validate searches, joined once.
_NEAREST_CUES = CARD_CUES + ID_CUES + SERIAL_CUES
_NOT_PERSONAL_CUES = ORGANISATION_CUES + ORGANISATION_ACCOUNT_CUES


def validate(candidate: Candidate) -> Verdict | None:
    digits = compact(candidate.match.group("value"))  # the candidate's value: the group always takes part
    if len(digits) == 18 and not luhn_ok(digits) and is_resident_id(digits, candidate.as_of):
        # Settled before the cue work: a serial or organisation cue drops it, and so does being an ID that no
        # card cue can claim (claimed_by_card needs Luhn). Most 18-digit numbers in the text are these IDs.
        return None
    before = clause_before(candidate, CUE_WIDTH)
    nearest = nearest_cue(before, _NEAREST_CUES)
    if nearest is not None and nearest[1] in SERIAL_CUES:
        return None
    if has_cue(before, _NOT_PERSONAL_CUES):
        return None
    if len(digits) == 18 and is_resident_id(digits, candidate.as_of):
        if not claimed_by_card(digits, before):
            return None
        return Verdict(explanation=f"Luhn 校验通过；也符合身份证结构，但最近的提示词是“{nearest[1]}”，按银行卡报告")
    card_cue = nearest[1] if nearest is not None and nearest[1] in CARD_CUES else None
    scheme = issuer(digits)
    if 16 <= len(digits) <= 19 and luhn_ok(digits):
        if scheme:
            return Verdict(explanation=f"{len(digits)} 位，{scheme}发卡行前缀 {digits[:2]}，Luhn 校验通过")
        if card_cue:
            return Verdict(explanation=f"{len(digits)} 位，Luhn 校验通过，前有“{card_cue}”")
        return None
    if card_cue in ACCOUNT_CUES:
        return Verdict(
            explanation=f"{len(digits)} 位，Luhn 校验未通过（部分银联卡和存折账号不用 Luhn），前有“{card_cue}”",
            confidence=Confidence.LOW,
        )
    return None


def mask(value: str) -> str:
    """``6222 **** **** 0128``: first and last four digits kept."""
    return mask_value(value, (4, 4))
