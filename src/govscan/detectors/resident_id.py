"""PII001 resident-id — a 公民身份号码 (GB 11643-1999) published in the text.

What it finds:
    18-character resident ID numbers, plain, grouped ``330106 19900307 4514``,
    in full-width digits, with the check character written ``X``/``x``/``Ⅹ``/``Ｘ``,
    glued to Chinese text or wrapped onto a new line; 港澳台居民居住证 numbers
    (region 810000/820000/830000), which share the structure; and 15-digit
    pre-1999 numbers (GB 11643-1989) when an ID cue word stands before them;
    and 外国人永久居留身份证 numbers: the 2023 version (issued from 2023-12-01),
    18 characters starting with 9 (resident IDs start with 1–8), and the 2017
    version, three capital letters and twelve digits, after a cue word.

Why it matters:
    Inspection notices list unmasked ID numbers in 公示 as privacy leaks
    (汉台区 2022Q2; 永安市 2023-01-04 prescribes ``35*************123``).

Validation:
    The ISO 7064 MOD 11-2 check character must match; the birth date must be a
    real calendar date from 1900 to the document date (``--as-of``); the first
    two digits must be a province (or 81/82/83). The six-digit region code is
    looked up in GB/T 2260, including abolished codes (a number keeps its old
    county code for life); an unknown code lowers confidence instead of
    dropping the number. An 18-digit string that also passes Luhn is a bank
    card when a card cue (卡号, 账号…) is the nearest cue word; a unified social
    credit code (GB 32100, cue 信用代码) is an organisation and never fires.
    Cue words count in the clause before the number and, in a table row, in the
    column's header cell (身份证号, 银行卡号, 订单号 …).

    A permanent-residence number (国家移民管理局, 新版外国人永久居留身份证机读信息
    规则（2023版）) is checked for its length, leading 9 and MOD 11-2 check
    character only: the layout of its middle digits is not confirmed in our
    sources, so it is not checked. That leaves one random 9-number in 11
    passing, so context decides more: an ID cue (永久居留, 外国人, 身份证…) gives
    high confidence; without one it is medium, and a card or serial-number cue
    (卡号, 订单号, 流水号…) or a valid GB 32100 check (an all-digit credit code
    starting 91/92/93) drops it. The 2017 version has no check character and
    its letters and digits are not checked either, so it fires only after a
    cue (永久居留, 外国人, 证件号…): without one, three letters and twelve
    digits are as likely a product or batch code.

Examples:
    身份证号：11010519491231002X → fires; 110101********4514 → does not fire;
    永久居留身份证号：931124019900307119 → fires; 订单号：931124019900307119 → does not fire;
    外国人永久居留证号码：CAN110012345678 → fires; 产品批号：CAN110012345678 → does not fire.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._checksums import luhn_ok, resident_id_check_char, uscc_checksum_ok
from govscan.detectors._context import clause_before, has_cue, nearest_cue
from govscan.detectors._digits import BLANKS, NOT_AFTER, NOT_BEFORE, compact, wrapped
from govscan.detectors._tables import PROVINCE_PREFIXES, regions
from govscan.masking import mask_value
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII001",
    name="resident-id",
    severity=Severity.ERROR,
    summary="身份证号码属于个人信息，公开前应去标识化（如 35*************123）",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

_CHECK_CHAR = r"[\dXx]"
PATTERN = regex.compile(
    NOT_AFTER + r"(?P<value>"
    r"\d{6}(?P<sep>[ -]?)\d{8}(?P=sep)\d{3}[\dXx]"
    r"|" + wrapped(18, _CHECK_CHAR) + r"|(?P<old>\d{15})|(?P<card2017>[A-Z]{3}\d{12})"
    r")" + NOT_BEFORE
)
# Where PATTERN can start: a digit run of 14+ digits (grouped or not) or one wrapped onto the next line.
CANDIDATES = re.compile(r"[0-9](?<![0-9]{2})(?=[0-9]{5}[ -]?[0-9]{8}|[0-9]{0,16}[ \t]*\r?\n)")

# The lengths of the digit run an ID number opens with: 6 (grouped) or 15 to 18 (plain, maybe then X).
_OPENING_RUNS = frozenset({6, 15, 16, 17, 18})
# The nationality code a 2017 permanent-residence number opens with.
_LETTERS_2017 = re.compile("[A-Z]{3}")


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> list[int]:
    """The text's number runs where CANDIDATES matches, and the letters before a run of 12.

    An ID number opens with a run of 6 (grouped) or 15–18 digits, or with a
    run wrapped onto the next line; a 2017 permanent-residence number is three
    capital letters and a run of exactly 12 digits. Only those are tested.
    """
    candidate_at = CANDIDATES.match
    found = []
    for start, end in numbers:
        if end - start == 12 and start >= 3 and _LETTERS_2017.fullmatch(text, start - 3, start):
            found.append(start - 3)
        if (end - start in _OPENING_RUNS or text[end : end + 1] in BLANKS) and candidate_at(text, start):
            found.append(start)
    return found


# 社会保障号码 is the ID number itself (GB 11643-1999 replaced 社会保障号码).
# 证件编号 is a document's number, not a serial number's 编号.
ID_CUES = ("身份证", "身份号", "证件号", "证件编号", "公民身份", "居住证", "身份证明", "社保卡号", "社会保障号")
CARD_CUES = ("银行卡", "卡号", "账号", "帐号", "账户", "帐户", "开户行", "开户银行", "存折")
ORGANISATION_CUES = ("信用代码", "机构代码", "纳税人识别号", "税号", "注册号")
# Cues for the 外国人永久居留身份证 (its older name 外国人永久居留证 included).
FOREIGN_CUES = ("永久居留", "永居证", "居留证", "外国人", "外籍")
# Numbers of things, not people: a bare 9-number after one of these is not a permanent-residence ID.
SERIAL_CUES = ("订单号", "流水号", "编号", "单号", "批号", "序列号", "条码", "交易号", "文号", "索引号", "工号", "发票")

# How far before a number a cue word may stand in its clause (a table's header cell counts too: _context).
CUE_WIDTH = 16
EARLIEST_BIRTH = dt.date(1900, 1, 1)
PERMIT_REGIONS = {"810000", "820000", "830000"}


# Any organisation cue, one search instead of one per cue.
_ANY_ORGANISATION_CUE = re.compile("|".join(ORGANISATION_CUES))


def validate(candidate: Candidate) -> Verdict | None:
    number = compact(candidate.match.group("value"))  # the candidate's value: the group always takes part
    before = clause_before(candidate, CUE_WIDTH)
    if _ANY_ORGANISATION_CUE.search(before) is not None:
        return None
    if candidate.match.group("old"):
        return _validate_old(number, before, candidate.as_of)
    if candidate.match.group("card2017"):
        return _validate_foreign_2017(number, before)
    if number[0] == "9":
        return _validate_foreign(number, before)
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


def _validate_old(number: str, before: str, as_of: dt.date) -> Verdict | None:
    """A 15-digit number (region + YYMMDD + sequence, no check digit) counts only after an ID cue."""
    if not has_cue(before, ID_CUES) or number[:2] not in PROVINCE_PREFIXES:
        return None
    birth = birth_date("19" + number[6:12], as_of)
    if birth is None:
        return None
    region, confidence = describe_region(number[:6])
    explanation = (
        f"15 位旧号码：地区码 {number[:6]}（{region}）、出生日期 {birth.isoformat()} 有效，前有“身份证”等提示词"
    )
    return Verdict(explanation=explanation, confidence=min(confidence, Confidence.MEDIUM, key=lambda c: c.rank))


def _validate_foreign(number: str, before: str) -> Verdict | None:
    """A 2023 外国人永久居留身份证 number: length, leading 9 and check character; cue words decide the rest."""
    if resident_id_check_char(number[:17]) != number[17]:
        return None
    cue = has_cue(before, FOREIGN_CUES + ID_CUES)
    if cue is None and (has_cue(before, CARD_CUES + SERIAL_CUES) or uscc_checksum_ok(number)):
        return None
    if claimed_by_card(number, before):
        return None
    explanation = f"外国人永久居留身份证号码（2023 版）：18 位、首位 9、校验码 {number[17]} 有效"
    if cue is not None:
        return Verdict(explanation=f"{explanation}，前有“{cue}”", confidence=Confidence.HIGH)
    return Verdict(explanation=f"{explanation}；前无“永久居留”等提示词", confidence=Confidence.MEDIUM)


def _validate_foreign_2017(number: str, before: str) -> Verdict | None:
    """A 2017 外国人永久居留身份证 number (three letters, twelve digits; nothing to check): only after a cue."""
    cue = has_cue(before, FOREIGN_CUES + ID_CUES)
    if cue is None:
        return None
    return Verdict(explanation=f"外国人永久居留身份证号码（2017 版）：3 位字母加 12 位数字，前有“{cue}”")


def birth_date(yyyymmdd: str, as_of: dt.date) -> dt.date | None:
    """The birth date if it is a real calendar date from 1900 to ``as_of``."""
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return day if EARLIEST_BIRTH <= day <= as_of else None


def describe_region(code: str) -> tuple[str, Confidence]:
    """The region's name for the explanation, and the confidence its code allows."""
    region = regions().get(code)
    if region is None:
        return "未收录的地区码", Confidence.MEDIUM
    if code in PERMIT_REGIONS:
        return f"{region.name}，港澳台居民居住证", Confidence.HIGH
    if region.historical:
        return f"{region.name}，{region.last_year} 年后已撤销的旧地区码", Confidence.HIGH
    return region.name, Confidence.HIGH


def is_resident_id(number: str, as_of: dt.date) -> bool:
    """Whether 18 characters pass every structural check of a resident ID (no context)."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[:2] in PROVINCE_PREFIXES
        and resident_id_check_char(number[:17]) == number[17]
        and birth_date(number[6:14], as_of) is not None
    )


def claimed_by_card(number: str, before: str) -> bool:
    """An ID-valid, Luhn-valid 18-digit string is a bank card only when a card cue is the nearest cue."""
    if not luhn_ok(number):
        return False
    nearest = nearest_cue(before, ID_CUES + CARD_CUES)
    return nearest is not None and nearest[1] in CARD_CUES


def mask(value: str) -> str:
    """``35*************123``: first two and last three kept (永安市 2023-01-04 通报)."""
    return mask_value(value, (2, 3))
