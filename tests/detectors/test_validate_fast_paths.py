"""The validators' fast paths give the verdicts of the validators as first written, on random texts.

The plain validators below are the earlier code, kept here as the reference: every cue searched with
``has_cue``/``nearest_cue`` over lists joined per call, every check in its first order.
"""

from __future__ import annotations

import datetime as dt
from itertools import product

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govscan.detectors import Candidate, Verdict, bank_card, mobile_phone, resident_id
from govscan.detectors._checksums import luhn_check_digit, luhn_ok, resident_id_check_char
from govscan.detectors._context import clause_before, has_cue, nearest_cue
from govscan.detectors._digits import compact, has_line_break
from govscan.detectors.resident_id import (
    CARD_CUES,
    ID_CUES,
    ORGANISATION_CUES,
    PROVINCE_PREFIXES,
    birth_date,
    claimed_by_card,
    describe_region,
    is_resident_id,
)
from govscan.models import Confidence

AS_OF = dt.date(2024, 6, 1)


def plain_bank_card(candidate: Candidate) -> Verdict | None:
    digits = compact(candidate.value)
    before = clause_before(candidate, bank_card.CUE_WIDTH)
    nearest = nearest_cue(before, CARD_CUES + ID_CUES + bank_card.SERIAL_CUES)
    if nearest is not None and nearest[1] in bank_card.SERIAL_CUES:
        return None
    if has_cue(before, ORGANISATION_CUES + bank_card.ORGANISATION_ACCOUNT_CUES):
        return None
    if len(digits) == 18 and is_resident_id(digits, candidate.as_of):
        if not claimed_by_card(digits, before):
            return None
        return Verdict(explanation=f"Luhn 校验通过；也符合身份证结构，但最近的提示词是“{nearest[1]}”，按银行卡报告")
    card_cue = nearest[1] if nearest is not None and nearest[1] in CARD_CUES else None
    scheme = bank_card.issuer(digits)
    if 16 <= len(digits) <= 19 and luhn_ok(digits):
        if scheme:
            return Verdict(explanation=f"{len(digits)} 位，{scheme}发卡行前缀 {digits[:2]}，Luhn 校验通过")
        if card_cue:
            return Verdict(explanation=f"{len(digits)} 位，Luhn 校验通过，前有“{card_cue}”")
        return None
    if card_cue in bank_card.ACCOUNT_CUES:
        return Verdict(
            explanation=f"{len(digits)} 位，Luhn 校验未通过（部分银联卡和存折账号不用 Luhn），前有“{card_cue}”",
            confidence=Confidence.LOW,
        )
    return None


def plain_mobile_phone(candidate: Candidate) -> Verdict | None:
    value = candidate.match.group("value")
    digits = value if value.isdigit() else "".join(ch for ch in value if ch.isdigit())
    if len(digits) != 11 or digits[:3] not in mobile_phone.ALLOCATED_PREFIXES:
        return None
    if not has_line_break(value) and mobile_phone._separators_inconsistent(value):
        return None
    if candidate.before(1).isalpha() and candidate.before(1).isascii():
        return None
    explanation = f"号段 {digits[:3]} 已分配给移动通信；11 位完整号码，未去标识化"
    cue = nearest_cue(
        clause_before(candidate, mobile_phone.CUE_WIDTH), mobile_phone.PHONE_CUES + mobile_phone.SERIAL_CUES
    )
    serial = cue is not None and cue[1] in mobile_phone.SERIAL_CUES
    if serial:
        explanation += f"；但前有“{cue[1]}”，可能是编号"
    start, end = candidate.match.span("value")
    confidence = Confidence.LOW if serial else Confidence.HIGH
    return Verdict(explanation=explanation, confidence=confidence, start=start, end=end)


def plain_resident_id(candidate: Candidate) -> Verdict | None:
    number = compact(candidate.value)
    before = clause_before(candidate, resident_id.CUE_WIDTH)
    if has_cue(before, ORGANISATION_CUES):
        return None
    if candidate.group("old"):
        return resident_id._validate_old(number, before, candidate.as_of)
    if number[0] == "9":
        return resident_id._validate_foreign(number, before)
    if number[:2] not in PROVINCE_PREFIXES or resident_id_check_char(number[:17]) != number[17]:
        return None
    birth = birth_date(number[6:14], candidate.as_of)
    if birth is None:
        return None
    if claimed_by_card(number, before):
        return None
    region, confidence = describe_region(number[:6])
    explanation = f"地区码 {number[:6]}（{region}）、出生日期 {birth.isoformat()}、校验码 {number[17]} 均有效"
    return Verdict(explanation=explanation, confidence=confidence)


PLAIN = {bank_card: plain_bank_card, mobile_phone: plain_mobile_phone, resident_id: plain_resident_id}


def ids_by_luhn() -> tuple[str, str]:
    """Two synthetic resident IDs with valid check characters: one that also passes Luhn, one that fails it."""
    found: dict[bool, str] = {}
    for a, b in product("0123456789", repeat=2):
        first17 = f"330106199003074{a}{b}"
        number = first17 + resident_id_check_char(first17)
        found.setdefault(luhn_ok(number), number)
    return found[True], found[False]


ID_LUHN, ID_NOT_LUHN = ids_by_luhn()
CARD_18 = "62220212345678901" + luhn_check_digit("62220212345678901")
CARD_19 = "622202123456789012" + luhn_check_digit("622202123456789012")
FOREIGN = "93112401990030711" + resident_id_check_char("93112401990030711")
CUES = [*CARD_CUES, *ID_CUES, *ORGANISATION_CUES, *bank_card.SERIAL_CUES, *bank_card.ORGANISATION_ACCOUNT_CUES]
CUES += [*mobile_phone.PHONE_CUES, *mobile_phone.SERIAL_CUES, *resident_id.FOREIGN_CUES]
NUMBERS = [
    ID_LUHN,
    ID_NOT_LUHN,
    ID_LUHN[:6] + " " + ID_LUHN[6:14] + " " + ID_LUHN[14:],
    ID_NOT_LUHN[:9] + "\n" + ID_NOT_LUHN[9:],
    CARD_18,
    CARD_19,
    FOREIGN,
    "13912345678",
    "139-1234-5678",
    "139 1234\n5678",
    "330106900307451",
]
# Free pieces, and cue-number pairs (a cue, maybe a joiner, a number) so that most numbers have a cue before them.
PIECES = st.sampled_from([*"0123456789 -\n\t。；：aZ", *CUES, *NUMBERS, "的联系人张三"])
PAIRS = st.tuples(st.sampled_from(CUES), st.sampled_from(["", "：", " ", "a", "。", "为"]), st.sampled_from(NUMBERS))


@pytest.mark.parametrize("module", list(PLAIN), ids=lambda m: m.RULE.code)
@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.one_of(PIECES, PAIRS.map("".join)), max_size=8))
@example(pieces=["13912345678", "a"])  # a number at the text's start has nothing before it, not the text's end
def test_validate_gives_the_plain_verdicts(module, pieces):
    text = "".join(pieces)
    candidates = [Candidate(text, match, AS_OF) for match in module.PATTERN.finditer(text)]
    assert [module.validate(c) for c in candidates] == [PLAIN[module](c) for c in candidates]


def test_the_pieces_reach_every_path():
    """The pieces hold IDs on both sides of the early Luhn test, and a card cue that claims a Luhn-valid ID."""
    assert not luhn_ok(ID_NOT_LUHN) and is_resident_id(ID_NOT_LUHN, AS_OF)
    assert luhn_ok(ID_LUHN) and is_resident_id(ID_LUHN, AS_OF)
    text = "银行卡号：" + ID_LUHN
    candidate = Candidate(text, next(bank_card.PATTERN.finditer(text)), AS_OF)
    verdict = bank_card.validate(candidate)
    assert verdict is not None
    assert verdict == plain_bank_card(candidate)
