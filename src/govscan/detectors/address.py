"""PII006 address — a detailed address down to the house, building, unit, room or village group.

What it finds:
    Addresses anchored on administrative-division and street words that end in
    a house-level detail: ``城关镇幸福路25号3栋2单元401室``,
    ``永丰村村委会下村组18号``, ``李家村三组``.

Why it matters:
    A home address is personal information; inspection notices require
    addresses in 公示 to stop at 乡镇 or 街道 (永安市 2023-01-04 通报).
    Office addresses are published on purpose.

Validation:
    An address counts only when it has a street- or village-level part (路, 街,
    巷, 村, 小区, 社区…) followed by a numbered detail (号, 栋, 幢, 单元, 室,
    层, 组) or a named village group (下村组); an address stopping at the
    乡镇/街道 — the prescribed masked form — never fires. Severity follows the
    context: ``error`` after a home cue (家住, 住址, 现住, 户籍地, 居住), ``note`` for
    an office (办公地址, 单位地址, or 政府/大楼/局… in the address), else ``warning``.

Examples:
    家住城关镇幸福路25号3栋2单元401室 → error; 住址：城关镇 → nothing;
    国办发〔2017〕47号 → nothing.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

import regex

from govscan.detectors import Candidate, Verdict
from govscan.detectors._context import clause_ending_at, has_cue
from govscan.models import Confidence, Rule, RuleKind, Severity

RULE = Rule(
    code="PII006",
    name="address",
    severity=Severity.ERROR,
    summary="详细住址属于个人信息，公示时只写到乡镇（街道）",
    description=__doc__ or "",
    kind=RuleKind.DETECTOR,
    personal_data=True,
)

# Han characters that do not occur inside place names but glue them to running text.
_STOP = "的在于到住是和与及为向从自对将把被了着过址现位等或并且即就都也还又所以因此如但而其此该各每本"
_STOP += "我你他她它们请由经共有已拟约近"
_NAME = rf"[\p{{Han}}--[{_STOP}]]"
_NUMBER = r"(?:第?[0-9一二三四五六七八九十百零〇两甲乙丙丁A-Za-z-]{1,6})"
_REGION = rf"(?:{_NAME}{{1,8}}?(?:省|自治区|市|自治州|地区|盟|州|县|区|旗|镇|乡|街道|办事处))"
_LOCALITY = (
    rf"(?:{_NAME}{{1,10}}?(?:路|大街|街|巷|弄|胡同|大道|村委会|居委会|村|社区|小区|花园|家园|苑|公寓|大厦|大楼|办公楼|新村|屯|庄|里)"
    rf"(?:{_NUMBER}(?:号院|号楼|弄|巷))?)"
)
_DETAIL = rf"(?:{_NUMBER}(?:号楼|号院|号|栋|幢|座|单元|室|层|楼|户|组))"
_GROUP = rf"(?:{_NAME}{{1,3}}?组)"

# Punctuation, which no address holds. After one (〔2023〕42号, [2023]42号, (2023)42号) only numbers, 第 and
# detail words can stand before an ending, and they never spell a locality (路, 村, 小区…): no address ends there.
_BREAKS = "〔〕[]()（）【】《》<>「」『』“”‘’\"',，。.、:：;；!！?？/|\\ \t\r\n"
_NUMBER_CHAR = "[0-9一二三四五六七八九十百零〇两甲乙丙丁A-Za-z-]"
# Scanning for the full address at every Han character is slow (~4 MB/s), so PATTERN only finds the
# house-level ending (a numbered detail, or the 组 of a village group) and ``validate`` grows it leftwards.
# A number followed by 线/路/车 is a metro or bus line, not a house (沿江大道3号线). An ending whose number
# follows a break is left out: ``validate`` would drop it, and document numbers are the commonest endings.
PATTERN = regex.compile(
    rf"(?<![{regex.escape(_BREAKS)}]第?{_NUMBER_CHAR}*)"
    rf"(?:{_DETAIL}+|(?<=\p{{Han}})组(?![织成建长团员合件]))(?![线路车次])",
    flags=regex.V1,
)
# Where PATTERN can start: 第 or the first character of a number before a detail word, or 组.
_DETAIL_WORD = "(?:号|栋|幢|座|单元|室|层|楼|户|组)"
CANDIDATES = re.compile(
    rf"第(?={_NUMBER_CHAR}{{1,6}}{_DETAIL_WORD})|{_NUMBER_CHAR}(?={_NUMBER_CHAR}{{0,5}}{_DETAIL_WORD})|组"
)


def _after_number(word: str) -> str:
    """Where ``word`` stands right after a character of a number, unless the number (of up to six characters,
    maybe after 第) follows a break: PATTERN cannot match there. Lookbehinds, run only at the word."""
    breaks = f"[{re.escape(_BREAKS)}]"
    after_break = "".join(
        rf"(?<!{breaks}{_NUMBER_CHAR}{{{n}}}{word})(?<!{breaks}第{_NUMBER_CHAR}{{{n}}}{word})" for n in range(1, 7)
    )
    return rf"(?<={_NUMBER_CHAR}{word}){after_break}"


# A detail word after a number, found from the (rarer) detail word: one literal-led pattern per word, which
# ``re`` skips to far faster than to a member of a class, and none for absent words.
_NUMBER_ENDINGS = {word: re.compile(word + _after_number(word)) for word in "号栋幢座室层楼户"}
_NUMBER_ENDINGS["单"] = re.compile("单" + _after_number("单") + "(?=元)")
_NUMBER_CHARS = "0123456789一二三四五六七八九十百零〇两甲乙丙丁-" + string.ascii_letters
# 组 where PATTERN's second branch matches (a village group after a Han name).
_GROUPS = regex.compile(r"(?<=\p{Han})组(?![织成建长团员合件线路车次])")
# 组 after a number (marked by the empty ``number`` group), or maybe opening a village group: one pass for both.
_NUMBER_OR_GROUP_ENDINGS = re.compile(rf"组(?:{_after_number('组')}(?P<number>)|(?![织成建长团员合件线路车次]))")


def _number_starts(text: str, end: int) -> tuple[int, ...]:
    """Where the number (up to six characters, maybe after 第) ending at ``end`` starts: at 第 and at the number
    itself, since PATTERN refuses 第 after a number that follows a break (,0第1号) but not the 1 after it."""
    before = text[max(0, end - 6) : end]
    start = end - (len(before) - len(before.rstrip(_NUMBER_CHARS)))
    return (start - 1, start) if start and text[start - 1] == "第" else (start,)


def starts(text: str, numbers: Iterable[tuple[int, int]]) -> list[int]:
    """Where PATTERN can start: the first character of a number before a detail word (or 第 before it), and 组.

    The detail words are far rarer than the characters of numbers, so they are
    found first and the number before each is read backwards (at most six
    characters). CANDIDATES also matches at the number's later characters, but
    PATTERN matches there only if it matches at the first one (the number can
    end only at the detail word, and the match is decided after it), whose
    match then covers them. A number after a break is left out, as PATTERN
    leaves it out at every character. 组 counts only where PATTERN can match
    it. The text's number runs do not help: house numbers are often short or
    Chinese.
    """
    found = []
    for word, endings in _NUMBER_ENDINGS.items():
        if word in text:
            for ending in endings.finditer(text):
                found.extend(_number_starts(text, ending.start()))
    if "组" in text:
        for ending in _NUMBER_OR_GROUP_ENDINGS.finditer(text):
            at = ending.start()
            if ending.group("number") is not None:
                found.extend(_number_starts(text, at))
            if _GROUPS.match(text, at):
                found.append(at)
    found.sort()
    return found


_ADDRESS = rf"{_REGION}*{_LOCALITY}+(?:{_GROUP}?{_DETAIL}+|{_GROUP})\Z"
_ADDRESS_ENDING_HERE = regex.compile(_ADDRESS, flags=regex.V1)
# The same shape matched right to left from the ending: one attempt instead of one per start position, so
# most endings that are not addresses (小组, 3号文件) are dropped cheaply before the leftmost search.
_ENDS_LIKE_ADDRESS = regex.compile(_ADDRESS.replace("}?", "}"), flags=regex.V1 | regex.REVERSE)
# How far left of its ending an address may start.
REACH = 48

HOME_CUES = ("家住", "住址", "现住", "户籍地", "户籍", "居住", "住所", "家庭地址", "现居", "家在", "住在")
OFFICE_CUES = ("办公地址", "单位地址", "办公", "办事地点", "受理地点", "窗口", "联系地址", "通讯地址")
OFFICE_WORDS = (
    "政府",
    "大楼",
    "委员会",
    "局",
    "中心",
    "办公",
    "大厅",
    "法院",
    "检察院",
    "服务站",
    "公司",
    "学校",
    "医院",
)
# Cue words the name pattern may have swallowed at the start of the match.
LEADING_CUES = ("户籍地", "户籍", "籍贯", "居住", "住所", "原籍", "坐落", "来自", "地点", "通讯", "联系")
CUE_WIDTH = 12


# The characters an address's house-level tail (numbers, 第, detail words) is made of, and the last characters
# of what must stand right before that tail: a locality (幸福路, 永丰村, 25号院) or a village group (下村组).
_TAIL_CHARS = _NUMBER_CHARS + "第号楼院栋幢座单元室层户组"
_BEFORE_TAIL = re.compile("[路街巷弄同道会村区园苑寓厦楼屯庄里院组]")


def could_end_an_address(text: str, start: int, end: int) -> bool:
    """A quick necessary test for ``_ENDS_LIKE_ADDRESS``: a locality or group end within the tail's reach.

    Most endings are document numbers (〔2023〕42号) with nothing of the kind before them.
    """
    window_start = max(0, start - REACH)
    before = text[window_start:start]
    tail_start = start - (len(before) - len(before.rstrip(_TAIL_CHARS)))
    return _BEFORE_TAIL.search(text, max(window_start, tail_start - 1), end) is not None


def validate(candidate: Candidate) -> Verdict | None:
    start, end = candidate.match.span()
    if not could_end_an_address(candidate.text, start, end):
        return None
    window_start = max(0, start - REACH)
    if _ENDS_LIKE_ADDRESS.search(candidate.text, window_start, end) is None:
        return None
    address = _ADDRESS_ENDING_HERE.search(candidate.text, window_start, end)
    if address is None:
        return None
    value, start = address.group(), address.start()
    lead = next((cue for cue in LEADING_CUES if value.startswith(cue)), "")
    value, start = value[len(lead) :], start + len(lead)
    if not value or not _ADDRESS_ENDING_HERE.fullmatch(value):
        return None
    before = clause_ending_at(candidate.text, start, CUE_WIDTH) + lead
    home = has_cue(before, HOME_CUES)
    office = has_cue(before, OFFICE_CUES) or has_cue(value + candidate.after(6), OFFICE_WORDS)
    if home:
        return Verdict(f"详细到门牌/楼栋/户的地址，前有“{home}”，是住址", start=start, end=end)
    if office:
        return Verdict(
            f"详细地址，但像办公地址（“{office}”）",
            severity=Severity.NOTE,
            confidence=Confidence.MEDIUM,
            start=start,
            end=end,
        )
    return Verdict(
        "详细到门牌/楼栋/户的地址；若是个人住址，只应写到乡镇（街道）",
        severity=Severity.WARNING,
        confidence=Confidence.MEDIUM,
        start=start,
        end=end,
    )


def mask(value: str) -> str:
    """``城关镇***********``: kept down to the last 乡/镇/街道 (or 区/县), the rest starred."""
    cut = max((value.rfind(word) + len(word) for word in ("街道", "镇", "乡") if word in value), default=-1)
    if cut < 0:
        cut = max((value.rfind(word) + 1 for word in ("区", "县", "市") if word in value), default=0)
    return value[:cut] + "*" * (len(value) - cut)
