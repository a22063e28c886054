"""LEX303 leader-name: a leader's name written wrong next to a title, or with a title not theirs.

Two problems, both judged only where a name stands right next to a title
(习近平总书记, 国务院总理李强), so ordinary people's names elsewhere never fire:

- a *near-miss*: the text has the name with one character replaced by a
  homophone (pypinyin, any reading) or a similar shape (``similar_shapes`` in
  the data), next to a title that leader holds on the document's date;
- a *wrong title*: the exact name with a title the person does not hold on the
  document's date (李强副总理; 李克强总理 in 2024), unless 时任 / 原 / 前 marks
  it as history.

Two-character names are only judged with national titles: 主席 and 同志 also
belong to ordinary people (工会主席李强). Data: ``lexicons/leaders.yaml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

import regex

from govscan.candidates import finditer_at
from govscan.checks import CheckContext
from govscan.hit import Hit
from govscan.lexicon.leaders import Leader, Leaders, Title, packaged_leaders
from govscan.models import Rule, RuleKind

# Words that make a title historical: 时任国务院总理李克强, 原国家副主席王岐山.
_HISTORY = regex.compile(r"(?:时任|原任|原|前任|前|已故|曾任)$")
# Names of three or more characters are distinctive enough to judge with generic titles.
DISTINCTIVE_LENGTH = 3


RULE = Rule.of_data_file(packaged_leaders(), RuleKind.CHECK)


def check(context: CheckContext) -> Iterator[Hit]:
    """Every wrong leader name or title in ``context.text``."""
    yield from find(packaged_leaders(), context.text, context.as_of, RULE)


@cache
def _titles_regex(titles: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True)))


@cache
def _endings(titles: tuple[str, ...]) -> tuple[tuple[str, regex.Pattern[str], dict[str, tuple[str, ...]]], ...]:
    """Per last character of a title: the alternation of the titles' endings, and the titles by ending.

    An ending is a title's last two characters (the whole of a one-character title).
    """
    by_last: dict[str, dict[str, list[str]]] = {}
    for title in titles:
        by_last.setdefault(title[-1], {}).setdefault(title[-2:], []).append(title)
    return tuple(
        (last, regex.compile("|".join(map(regex.escape, endings))), {e: tuple(g) for e, g in endings.items()})
        for last, endings in by_last.items()
    )


def _written_titles(titles: tuple[str, ...], text: str) -> Iterator[regex.Match[str]]:
    """What ``_titles_regex(titles).finditer(text)`` finds, tried only where some title starts.

    A title is found from its ending: a last character the text lacks is ruled out by
    one ``str.find`` (memchr speed); otherwise ``regex`` skips to the two-character
    endings (one plain string each, ~0.1 ms/MB), where the alternation of all titles
    would be tried at every position (~3 ms/MB).
    """
    starts = set()
    for last, pattern, by_ending in _endings(titles):
        first = text.find(last)
        if first == -1:
            continue
        for ending in pattern.finditer(text, max(0, first - 1), overlapped=True):
            for title in by_ending[ending.group()]:
                start = ending.end() - len(title)
                if start >= 0 and text.startswith(title, start):
                    starts.add(start)
    yield from finditer_at(_titles_regex(titles), sorted(starts), text)


def find(data: Leaders, text: str, as_of: dt.date, rule: Rule | None = None) -> list[Hit]:
    """Hits in folded ``text`` for a document dated ``as_of`` (``rule`` defaults to the one ``data`` describes)."""
    rule = rule or Rule.of_data_file(data, RuleKind.CHECK)
    titles = {title.text: title for title in data.titles}
    hits: list[Hit] = []
    for written in _written_titles(tuple(titles), text):
        title = titles[written.group()]
        start, end = written.span()
        sides = [(start, "before")] if title.honorific else [(start, "before"), (end, "after")]
        for edge, side in sides:
            for leader in data.leaders:
                length = len(leader.name)
                name_start = edge - length if side == "before" else edge
                if name_start < 0 or name_start + length > len(text):
                    continue
                written_name = text[name_start : name_start + length]
                if not _distinctive(leader, title):
                    continue
                span = (min(name_start, start), max(name_start + length, end))
                if written_name == leader.name:
                    hit = _wrong_title(rule, data, leader, title, text, span, as_of)
                else:
                    hit = _near_miss(rule, data, leader, title, written_name, name_start, as_of)
                if hit is not None:
                    hits.append(hit)
    return sorted(hits, key=lambda h: (h.start, h.end))


def _distinctive(leader: Leader, title: Title) -> bool:
    return len(leader.name) >= DISTINCTIVE_LENGTH or not title.generic


def _wrong_title(
    rule: Rule, data: Leaders, leader: Leader, title: Title, text: str, span: tuple[int, int], as_of: dt.date
) -> Hit | None:
    if title.honorific or as_of < leader.record_from:
        return None
    held = leader.titles_on(as_of)
    if title.text in held or _HISTORY.search(text, max(0, span[0] - 3), span[0]):
        return None
    now = "、".join(dict.fromkeys(t for t in held if not _is_generic(data, t))) or "（无）"
    return Hit(
        rule=rule,
        start=span[0],
        end=span[1],
        message=f"{leader.name}在 {as_of} 不任「{title.text}」",
        explanation=f"{leader.name}在该日期的职务：{now}；历史表述请加“时任”或“原”",
        severity=rule.severity,
        source=next((p.source for p in leader.posts if title.text in p.titles), leader.posts[0].source),
    )


def _is_generic(data: Leaders, text: str) -> bool:
    return any(t.text == text and t.generic for t in data.titles)


def _near_miss(
    rule: Rule, data: Leaders, leader: Leader, title: Title, written: str, start: int, as_of: dt.date
) -> Hit | None:
    if not (title.honorific or title.text in leader.titles_on(as_of)):
        return None
    if any(written == other.name for other in data.leaders):
        return None
    differences = [i for i, (a, b) in enumerate(zip(written, leader.name, strict=True)) if a != b]
    if len(differences) != 1:
        return None
    index = differences[0]
    reason = _confusion(data, leader.name[index], written[index])
    if reason is None:
        return None
    return Hit(
        rule=rule,
        start=start,
        end=start + len(written),
        message=f"领导人姓名疑似写错：「{written}」应为「{leader.name}」",
        explanation=f"「{written[index]}」与「{leader.name[index]}」{reason}，且紧邻职务「{title.text}」",
        severity=rule.severity,
        suggestion=leader.name,
        source=leader.posts[0].source,
    )


def _confusion(data: Leaders, right: str, wrong: str) -> str | None:
    """Why ``wrong`` is a likely slip for ``right``: same sound or similar shape; None if neither."""
    if not regex.fullmatch(r"\p{Han}", wrong):
        return None
    if wrong in data.similar_shapes.get(right, "") or right in data.similar_shapes.get(wrong, ""):
        return "形近"
    if _readings(right) & _readings(wrong):
        return "同音"
    return None


@cache
def _readings(char: str) -> frozenset[str]:
    """Toneless pinyin readings of ``char`` (all of them, for characters with several)."""
    from pypinyin import Style, pinyin  # deferred: only needed once a name stands next to a title

    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])
