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
from govscan.checks._marks import last_mark_before
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
_SENTENCE = re.compile(f"[^{_SENTENCE_ENDS}]+")
_KINDS = ("合格", "达标", "通过", "完成", "办结", "及格")
_KIND_LENGTH = 2
# A stated rate, ``(不)?(合格|…)率(为|…)? ?<value>%``, found from its 率: a pattern that opens with a plain
# character lets ``re`` skip to each 率 at C speed; the two characters before it must then be a kind.
_RATE_TAIL = re.compile(r"率(?:为|达到|达|是|仅为|仅)? ?(?P<value>[0-9]+(?:\.[0-9]+)?)%")
# A count: a whole number (not the decimals of another) and its measure word. Written without the lookbehind
# ``(?<![0-9.])``, which makes ``re`` stop at every character: a match starts a run of digits, so it is a
# count unless a "." stands before it. The digits are possessive: giving one back leaves a digit, no unit.
_COUNT_RUN = re.compile(r"(?P<number>[0-9]++)(?P<unit>个|家|件|项|所|人|名|户|份|批次|条)")
_NEAR = 6
# _polarity's two searches, per kind: the rate's word right after the part's count, or right before it.
_AFTER = {kind: re.compile(rf"[^,0-9]{{0,{_NEAR}}}?(不)?{kind}(?!率)") for kind in _KINDS}
_BEFORE = {kind: re.compile(rf"(不)?{kind}(?!率)[^,0-9]{{0,{_NEAR}}}$") for kind in _KINDS}
# The longest text _BEFORE can match: 不, the kind and the gap.
_BEFORE_REACH = 1 + _KIND_LENGTH + _NEAR


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    judged = -1
    # Only sentences that state a rate can be judged: find the rates, then their sentences. A sentence is
    # judged on its first rate (a later one lies before ``judged``).
    for rate in _RATE_TAIL.finditer(text):
        kind_start = rate.start() - _KIND_LENGTH
        if kind_start < judged or kind_start < 0 or text[kind_start : rate.start()] not in _KINDS:
            continue
        first = last_mark_before(text, _SENTENCE_ENDS, kind_start) + 1
        judged = _SENTENCE.match(text, first).end()
        hit = _judge(text, first, judged, kind_start, rate)
        if hit is not None:
            yield hit


def _judge(text: str, first: int, last: int, kind_start: int, rate: re.Match[str]) -> Hit | None:
    """The hit for the sentence ``text[first:last]`` if its counts contradict its rate (``kind_start`` on)."""
    # Exactly one percentage in the sentence: the rate's own % follows a digit, so any other % after one counts.
    if text.count("%", first, last) != 1 and _percentages(text, first, last) != 1:
        return None
    counts = list(_COUNT_RUN.finditer(text, first, last))
    if len(counts) > 2:
        counts = [c for c in counts if not _after_point(text, c)]
    if len(counts) != 2 or _after_point(text, counts[0]) or _after_point(text, counts[1]):
        return None
    # The larger count is the total, and it must come first.
    total, part = counts
    if total.group("unit") != part.group("unit"):
        return None
    total_count, part_count = int(total.group("number")), int(part.group("number"))
    if total_count == 0 or part_count >= total_count:
        return None
    kind = text[kind_start : rate.start()]
    part_negative = _polarity(text, first, last, part, kind)
    if part_negative is None:
        return None
    negative = kind_start > first and text[kind_start - 1] == "不"
    matching = part_count if part_negative == negative else total_count - part_count
    expected = 100 * matching / total_count
    stated = rate.group("value")
    decimals = len(stated.partition(".")[2])
    if abs(float(stated) - expected) <= 10**-decimals:
        return None
    kind = ("不" if negative else "") + kind
    return Hit(
        rule=RULE,
        start=rate.start("value"),
        end=rate.end(),
        message=RULE.summary,
        explanation=(
            f"{total.group()}中{kind}{matching}{part.group('unit')}，{kind}率应为 "
            f"{matching}/{total_count} = {expected:.{max(decimals, 1)}f}%，而不是 {stated}%"
        ),
        severity=RULE.severity,
    )


def _after_point(text: str, count: re.Match[str]) -> bool:
    """Whether ``count`` is the decimals of another number (and so no count)."""
    return text[count.start() - 1 : count.start()] == "."


def _percentages(text: str, first: int, last: int) -> int:
    """How many percentages (digits, maybe decimals, then %) ``text[first:last]`` holds: each % after a digit."""
    count = 0
    position = text.find("%", first, last)
    while position != -1:
        count += position > first and "0" <= text[position - 1] <= "9"
        position = text.find("%", position + 1, last)
    return count


def _polarity(text: str, first: int, last: int, part: re.Match[str], kind: str) -> bool | None:
    """Whether the part counts the 不… side (True), the … side (False), or neither (None)."""
    after = _AFTER[kind].match(text, part.end(), last)
    if after is not None:
        return after.group(1) is not None
    before = _BEFORE[kind].search(text, max(first, part.start() - _BEFORE_REACH), part.start())
    if before is not None:
        return before.group(1) is not None
    return None
