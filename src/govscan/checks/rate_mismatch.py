"""DAT006 rate-mismatch — a stated rate that its own counts in the same sentence contradict.

What it finds:
    ``29个网站中2个不合格，合格率为95%``: 27 of 29 is 93.1%, not 95%. Rates of
    合格, 达标, 通过, 完成, 办结 and 及格, and their 不… forms, against a total and
    a part counted in the same sentence.

Why it matters:
    Inspection notices and work reports publish rates next to their counts; a
    rate that the counts contradict is a misstatement any reader can check.

Validation:
    Only unambiguous sentences are judged: exactly one percentage, exactly two
    counts with the same measure word (个, 家, 项 …), and the part's count next to
    the rate's own word (2个不合格, 不合格2个, 其中合格27家). The rate may be
    rounded or cut to its written decimals: it fires only when it is off by more
    than one unit of its last written digit.

Examples:
    29个网站中2个不合格，合格率为95% → fires; …合格率为93.1% → does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govscan.checks import CheckContext
from govscan.checks._marks import any_of_backwards
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT006",
    name="rate-mismatch",
    severity=Severity.ERROR,
    summary="比率与同一句中的数量不符",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)

_SENTENCE_ENDS = "。;!?\n"
_LAST_SENTENCE_END = any_of_backwards(_SENTENCE_ENDS)
_KINDS = ("合格", "达标", "通过", "完成", "办结", "及格")
_KIND_LENGTH = 2
# A stated rate, ``(不)?(合格|…)率(为|…)? ?<value>%``, found from its 率: a pattern that opens with a plain
# character lets ``re`` skip to each 率 at C speed; the lookbehind then wants a kind before it. The rate holds
# no sentence end, so its sentence ends where the lookahead's ``rest`` does.
_RATE_TAIL = re.compile(
    f"率(?<=(?:{'|'.join(_KINDS)})率)(?:为|达到|达|是|仅为|仅)? ?(?P<value>[0-9]+(?:\\.[0-9]+)?)%"
    f"(?=(?P<rest>[^{_SENTENCE_ENDS}]*+))"
)
# A count is a whole number (a run of digits with no "." before it) and its measure word.
_UNIT = "个|家|件|项|所|人|名|户|份|批次|条"
# What lies between counts, cut into pieces that each hold no count: a run of neither digits nor points, a
# point and the digits after it (decimals), or a run of digits no measure word follows. Every piece is
# possessive, so a digit run is always read whole, as one piece or as a count, never split between them. The
# loop is unrolled (runs of neither, each followed by one other piece): a sixth cheaper than repeating the
# alternation once per run.
_NO_COUNT = rf"[^0-9.]*+(?:(?:\.[0-9]*+|[0-9]++(?!{_UNIT}))[^0-9.]*+)*+"
# A sentence with exactly two counts, of the same measure word: ``fullmatch`` over the sentence finds them in
# one call, where listing every count (``[0-9]++(?:个|…)`` not after a point) takes one match object each.
# Its groups are read with one ``groups()`` call: total, total_number, unit, part, part_number.
_TWO_COUNTS = re.compile(
    rf"{_NO_COUNT}(?P<total>(?P<total_number>[0-9]++)(?P<unit>{_UNIT}))"
    rf"{_NO_COUNT}(?P<part>(?P<part_number>[0-9]++)(?P=unit)){_NO_COUNT}"
)
_PART_GROUP = 4
_VALUE_GROUP, _REST_GROUP = 1, 2
# How far a rate written with so many decimals may be off: ``10**-decimals``, computed once.
_TOLERANCES = tuple(10**-decimals for decimals in range(6))
_NEAR = 6
# _polarity's two searches, per kind: the rate's word right after the part's count, or right before it.
_AFTER = {kind: re.compile(rf"[^,0-9]{{0,{_NEAR}}}?(不)?{kind}(?!率)") for kind in _KINDS}
_BEFORE = {kind: re.compile(rf"(不)?{kind}(?!率)[^,0-9]{{0,{_NEAR}}}$") for kind in _KINDS}
# What the gap of _AFTER and _BEFORE cannot hold (and no kind starts with).
_GAP_STOPS = ",0123456789"
# The longest text _BEFORE can match: 不, the kind and the gap.
_BEFORE_REACH = 1 + _KIND_LENGTH + _NEAR


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    judged = -1
    # Only sentences that state a rate can be judged: find the rates, then their sentences. A sentence is
    # judged on its first rate (a later one lies before ``judged``).
    for rate in _RATE_TAIL.finditer(text):
        kind_start = rate.start() - _KIND_LENGTH
        if kind_start < judged:
            continue
        mark = _LAST_SENTENCE_END.search(text, 0, kind_start)
        first = 0 if mark is None else mark.end()
        judged = rate.end(_REST_GROUP)
        hit = _judge(text, first, judged, kind_start, rate)
        if hit is not None:
            yield hit


def _judge(text: str, first: int, last: int, kind_start: int, rate: re.Match[str]) -> Hit | None:
    """The hit for the sentence ``text[first:last]`` if its counts contradict its rate (``kind_start`` on)."""
    # Exactly one percentage in the sentence: the rate's own % follows a digit, so any other % after one counts.
    if text.count("%", first, last) != 1 and _percentages(text, first, last) != 1:
        return None
    counts = _TWO_COUNTS.fullmatch(text, first, last)
    if counts is None:
        return None
    total, total_number, unit, part, part_number = counts.groups()
    # The larger count is the total, and it must come first.
    total_count, part_count = int(total_number), int(part_number)
    if total_count == 0 or part_count >= total_count:
        return None
    kind = text[kind_start : kind_start + _KIND_LENGTH]
    part_end = counts.end(_PART_GROUP)
    part_negative = _polarity(text, first, last, part_end - len(part), part_end, kind)
    if part_negative is None:
        return None
    negative = kind_start > first and text[kind_start - 1] == "不"
    matching = part_count if part_negative == negative else total_count - part_count
    expected = 100 * matching / total_count
    stated = rate.group(_VALUE_GROUP)
    decimals = len(stated.partition(".")[2])
    if abs(float(stated) - expected) <= (_TOLERANCES[decimals] if decimals < len(_TOLERANCES) else 10**-decimals):
        return None
    kind = ("不" if negative else "") + kind
    return Hit(
        rule=RULE,
        start=rate.start("value"),
        end=rate.end(),
        message=RULE.summary,
        explanation=(
            f"{total}中{kind}{matching}{unit}，{kind}率应为 "
            f"{matching}/{total_count} = {expected:.{max(decimals, 1)}f}%，而不是 {stated}%"
        ),
        severity=RULE.severity,
    )


def _percentages(text: str, first: int, last: int) -> int:
    """How many percentages (digits, maybe decimals, then %) ``text[first:last]`` holds: each % after a digit."""
    count = 0
    position = text.find("%", first, last)
    while position != -1:
        count += position > first and "0" <= text[position - 1] <= "9"
        position = text.find("%", position + 1, last)
    return count


def _polarity(text: str, first: int, last: int, part_start: int, part_end: int, kind: str) -> bool | None:
    """Whether the part (``text[part_start:part_end]``) counts the 不… side (True), the … side (False), or neither."""
    # _AFTER's gap holds no comma or digit, and no kind starts with one: after either, it cannot match.
    if part_end < last and text[part_end] not in _GAP_STOPS:
        after = _AFTER[kind].match(text, part_end, last)
        if after is not None:
            return after.group(1) is not None
    # The common shape, ``…,办结38件``: the kind right before the part, after a comma or digit. The gap of any
    # match starting earlier would hold that comma or digit, and a 不 cannot stand between them, so this is
    # the search's match, with no 不.
    kind_start = part_start - _KIND_LENGTH
    if kind_start > first and text[kind_start - 1] in _GAP_STOPS and text.startswith(kind, kind_start):
        return False
    before = _BEFORE[kind].search(text, max(first, part_start - _BEFORE_REACH), part_start)
    if before is not None:
        return before.group(1) is not None
    return None
