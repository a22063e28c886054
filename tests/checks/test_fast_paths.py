"""The checks' fast searches find exactly what their plain regular expressions find."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govscan.candidates import finditer_at_candidates
from govscan.checks import (
    CheckContext,
    _dates,
    formulation,
    impossible_date,
    leader_name,
    rate_mismatch,
    repeated_item,
    weekday_mismatch,
)
from govscan.checks._marks import last_mark_before
from govscan.checks._regex_parts import top_level_alternatives
from govscan.lexicon.formulations import packaged_formulations
from govscan.lexicon.leaders import packaged_leaders

DATE_PIECES = [*"0123456789〇零○一二三四五六七八九十年月日号 -—–~至到/.,农历的去今", "2021", "二〇二三", "——", "1998"]
LIST_PIECES = [*"、、,。;:!?\n ab等", "动漫", "图解"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATE_PIECES), max_size=30))
def test_date_candidates_find_every_date(pieces):
    text = "".join(pieces)
    plain = [(m.span(), m.groupdict()) for m in _dates._DATE.finditer(text)]
    fast = [(m.span(), m.groupdict()) for m in finditer_at_candidates(_dates._DATE, _dates._DATE_STARTS, text)]
    assert fast == plain


MONTH_PIECES = [*"0123456789 月日号十一二三四九至到-—~年a", "月", "月", "12", "29", "31", "二十九", "三十一"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(MONTH_PIECES), max_size=16))
@example(pieces=["11", "月", "3", "日"])  # both gates turn it away
@example(pieces=["11", "月", "3", "日", "至"])  # … but for the range
@example(pieces=["13", "月", "3", "日"])  # a month no calendar has, with a plain day
@example(pieces=["2", "月", "29", "日"])
def test_month_suspects_gates_keep_every_suspect(pieces):
    text = "".join(pieces)
    plain = re.compile(f"月(?:{impossible_date._BAD_MONTHS}|{impossible_date._BAD_DAYS})")
    assert [m.span() for m in impossible_date._SUSPECTS[0].finditer(text)] == [m.span() for m in plain.finditer(text)]


NUMERIC_PIECES = [*"0123456789-/.a 至", "2024", "1999", "2021", "02", "29", "31", "13", "99805"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(NUMERIC_PIECES), max_size=14))
@example(pieces=["2024", "-", "99805"])  # an index number after a year-like one: gated away
@example(pieces=["2021", "-", "02", "-", "29"])
@example(pieces=["2021", ".", "4", ".", "31"])
def test_numeric_suspects_gate_keeps_every_suspect(pieces):
    text = "".join(pieces)
    for sep, gated in zip("-/.", impossible_date._SUSPECTS[1:], strict=True):
        sep = re.escape(sep)
        plain = re.compile(f"{sep}(?<=(?:1[89]|20)[0-9]{{2}}{sep})(?:{impossible_date._bad_numeric(sep)})")
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(LIST_PIECES), max_size=40))
def test_listing_clauses_are_the_regex_matches(pieces):
    text = "".join(pieces)
    plain = [m.span() for m in repeated_item._LISTING_CLAUSE.finditer(text)]
    assert [m.span() for m in repeated_item._listing_clauses(text)] == plain


WEEKDAY_PIECES = [*"星期礼拜周一日天月", "星期", "礼拜", "星期星期", "周周"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(WEEKDAY_PIECES), max_size=30))
def test_weekday_words_start_where_the_plain_words_do(pieces):
    text = "".join(pieces)
    plain = [m.start() for word in ("星期", "礼拜", "周") for m in re.finditer(f"{word}[一二三四五六日天]", text)]
    assert [m.start() for words in weekday_mismatch._WEEKDAY_WORDS for m in words.finditer(text)] == plain


@given(text=st.text(alphabet="ab。;\n", max_size=2000), position=st.integers(min_value=0, max_value=2000))
def test_last_mark_before_is_the_last_rfind(text, position):
    position = min(position, len(text))
    assert last_mark_before(text, "。;\n", position) == max(text.rfind(m, 0, position) for m in "。;\n")


def test_last_mark_before_looks_past_its_first_window():
    text = "甲。" + "乙" * 5000
    assert last_mark_before(text, "。;", len(text)) == 1
    assert last_mark_before("乙" * 5000, "。;", 5000) == -1


NUMBERED_PIECES = [*"\n \t()、.。;,1２9一二十①⑳ab", "10", "（3）"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(NUMBERED_PIECES), max_size=40))
@example(pieces=["\n", "1", "\t", "ab"])  # a table row: no marker
@example(pieces=["\n", "1", "2", ")", "ab"])  # digits, then a marker's end
@example(pieces=["\n", "1", ".", "ab"])
@example(pieces=["\n", "9", "、", "ab"])
@example(pieces=["\n", "1", "2", "9", ")", "ab"])  # three digits: no marker
def test_numbered_lines_are_the_regex_matches(pieces):
    text = "".join(pieces)
    plain = [m.span() for m in repeated_item._NUMBERED_LINE.finditer(text)]
    assert [m.span() for m in repeated_item._numbered_line_matches(text)] == plain


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(NUMBERED_PIECES), max_size=40))
def test_inline_items_are_the_regex_matches(pieces):
    text = "".join(pieces)
    plain = [m.span("item") for m in repeated_item._INLINE_ITEM.finditer(text)]
    fast = repeated_item._inline_items(text)
    assert [m.span("item") for m in fast] == plain


PLAIN_COMMA_RUN = re.compile(r",(?:[^,、。;!?\n]{1,8},){3,}")
COMMA_PIECES = [*",,,、。;!?\n ab", "动漫", "新闻发布会", "一二三四五"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(COMMA_PIECES), max_size=40))
def test_comma_runs_are_the_plain_regex_matches(pieces):
    text = "".join(pieces)
    assert [m.span() for m in repeated_item._COMMA_RUN.finditer(text)] == [
        m.span() for m in PLAIN_COMMA_RUN.finditer(text)
    ]


PLAIN_RATE = re.compile(
    r"(?P<negative>不)?(?P<kind>合格|达标|通过|完成|办结|及格)率"
    r"(?:为|达到|达|是|仅为|仅)? ?(?P<value>[0-9]+(?:\.[0-9]+)?)%"
)
PLAIN_SENTENCE = re.compile(r"[^。;!?\n]+")
PLAIN_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
PLAIN_COUNT = re.compile(r"(?<![0-9.])(?P<number>[0-9]+)(?P<unit>个|家|件|项|所|人|名|户|份|批次|条)")


def plain_rate_hits(text):
    """DAT006 the plain way: every sentence that states a rate, judged with whole-sentence searches."""
    hits = []
    for sentence in PLAIN_SENTENCE.finditer(text):
        body = sentence.group()
        rate = PLAIN_RATE.search(body)
        if rate is None or len(PLAIN_PERCENT.findall(body)) != 1:
            continue
        counts = list(PLAIN_COUNT.finditer(body))
        if len(counts) != 2 or counts[0].group("unit") != counts[1].group("unit"):
            continue
        total, part = sorted(counts, key=lambda m: int(m.group("number")), reverse=True)
        total_count, part_count = int(total.group("number")), int(part.group("number"))
        if total_count == 0 or part_count == total_count or total.start() > part.start():
            continue
        kind = rate.group("kind")
        after = re.match(rf"[^,0-9]{{0,6}}?(不)?{kind}(?!率)", body[part.end() :])
        before = re.search(rf"(不)?{kind}(?!率)[^,0-9]{{0,6}}$", body[: part.start()])
        found = after or before
        if found is None:
            continue
        part_negative = found.group(1) is not None
        matching = part_count if part_negative == bool(rate.group("negative")) else total_count - part_count
        stated = rate.group("value")
        expected = 100 * matching / total_count
        if abs(float(stated) - expected) > 10 ** -len(stated.partition(".")[2]):
            hits.append((sentence.start() + rate.start("value"), sentence.start() + rate.end(), matching))
    return hits


RATE_PIECES = [
    *"0123456789.%,。;!?\n 不个件中其为达",
    "合格",
    "办结",
    "达标",
    "率",
    "合格率为",
    "不合格",
    "95%",
    "29个",
    "2个",
    "批次",
    "网站中",
    "抽查的网站",
]


RATE_NOISE = st.lists(st.sampled_from(RATE_PIECES), max_size=5).map("".join)
# What stands between a sentence's counts and its rate: the rate's words, gaps, now and then a comma or a point.
RATE_GAP = st.lists(
    st.sampled_from(
        ["不", "合格", "办结", "率", "中", "其", "网站中", "抽查的网站", "的有", "共", ",", ".", " ", "1", "%"]
    ),
    max_size=4,
).map("".join)
RATE_COUNT = st.builds("{}{}".format, st.integers(0, 30), st.sampled_from(["个", "件", "批次"]))
RATE_STATED = st.builds(
    "{}{}率{}{}%".format,
    st.sampled_from(["", "不"]),
    st.sampled_from(["合格", "办结"]),
    st.sampled_from(["", "为", "达", " "]),
    st.sampled_from(["0", "50", "95", "93.1", "93.10", "6.9", "100"]),
)
# Mostly sentences shaped like a judged one (two counts, then a rate), with noise between and around them.
RATE_TEXT = st.lists(
    st.one_of(
        st.tuples(RATE_GAP, RATE_COUNT, RATE_GAP, RATE_COUNT, RATE_GAP, RATE_STATED, RATE_GAP).map("".join), RATE_NOISE
    ),
    max_size=4,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=RATE_TEXT)
@example(text="29个网站,不合格网站中2个,合格率为95%。")  # 不合格网站中: a look-back of six characters
@example(text="1.5个合格,2个不合格,合格率为50%。")  # 5个 after a point is no count
@example(text="1.5个网站,29个网站中2个不合格,合格率为95%。")  # … nor among three
@example(text="合格率为95%,29个网站中2个不合格。不")  # the text's last 不 is not before its first rate
@example(text="抽查29个网站%,2个不合格,合格率为95%。")  # a % after no digit is no percentage
def test_rate_mismatch_judges_as_the_plain_sentence_walk(text):
    context = CheckContext(text=text, as_of=dt.date(2026, 1, 1))
    fast = [
        (hit.start, hit.end, int(hit.explanation.split("/")[0].rsplit(" ", 1)[1]))
        for hit in rate_mismatch.check(context)
    ]
    assert fast == plain_rate_hits(text)


COUNT_PIECES = [*"0123456789..个件批次条a,%", "12", "批次", "29个", "1.5个"]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(COUNT_PIECES), max_size=20))
@example(pieces=["1.5个", "29个", "2个"])  # a count after a point is none
@example(pieces=["29", "批", "2批次", "3批次"])  # 批 alone is no measure word
@example(pieces=["..", "5个", "29个", "2个"])
def test_two_counts_is_the_plain_count_list(pieces):
    text = "".join(pieces)
    counts = list(PLAIN_COUNT.finditer(text))
    plain = None
    if len(counts) == 2 and counts[0]["unit"] == counts[1]["unit"]:
        plain = [counts[0].span(), counts[0]["number"], counts[0]["unit"], counts[1].span(), counts[1]["number"]]
    found = rate_mismatch._TWO_COUNTS.fullmatch(text)
    fast = None
    if found is not None:
        fast = [found.span("total"), found["total_number"], found["unit"], found.span("part"), found["part_number"]]
    assert fast == plain


POLARITY_PIECES = [*"0123456789,.不个率中 ", "合格", "办结", "不合格", "网站中", "的有"]


@settings(max_examples=600, deadline=None)
@given(
    before=st.lists(st.sampled_from(POLARITY_PIECES), max_size=8).map("".join),
    after=st.lists(st.sampled_from(POLARITY_PIECES), max_size=8).map("".join),
    kind=st.sampled_from(["合格", "办结"]),
)
@example(before="29个,办结", after=",", kind="办结")  # the kind right after a comma: the shortcut
@example(before="29个1办结", after="", kind="办结")  # … right after a digit
@example(before="29个不合格 办结", after="", kind="办结")  # a 不 before another kind, then the kind
@example(before="不合格1合格", after="", kind="合格")  # a 不 before the kind, but a digit between them
def test_polarity_is_the_plain_after_or_before_search(before, after, kind):
    text = f"{before}2个{after}"
    part_start, part_end = len(before), len(before) + 2
    plain_after = re.match(rf"[^,0-9]{{0,6}}?(不)?{kind}(?!率)", text[part_end:])
    plain_before = re.search(rf"(不)?{kind}(?!率)[^,0-9]{{0,6}}$", text[:part_start])
    found = plain_after or plain_before
    plain = None if found is None else found.group(1) is not None
    assert rate_mismatch._polarity(text, 0, len(text), part_start, part_end, kind) == plain


def test_rate_mismatch_plain_walk_fires_on_the_documented_case():
    text = "29个网站中2个不合格,合格率为95%。"
    assert plain_rate_hits(text) == [(text.index("95"), text.index("%") + 1, 27)]


# The packaged titles plus a one-character one, so that path is tried too.
TITLES = (*(title.text for title in packaged_leaders().titles), "长")
TITLE_PIECES = [*"总理书记主席副长志同管国务院中央军委", "委员长", "国务院副总理", "中央书记处书记", "李强"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(TITLE_PIECES), max_size=30))
def test_written_titles_are_the_alternation_matches(pieces):
    text = "".join(pieces)
    plain = [m.span() for m in leader_name._titles_regex(TITLES).finditer(text)]
    assert [m.span() for m in leader_name._written_titles(TITLES, text)] == plain


GUIDING_THEORY = next(e for e in packaged_formulations().enumerations if len(top_level_alternatives(e.item)) > 1)
THEORY_PIECES = [
    *'“”"「」、,和的等马列毛习',
    "马克思列宁主义",
    "毛泽东思想",
    "三个代表",
    "重要思想",
    "科学发展观",
    "邓小平理论",
]
# An item whose alternatives overlap and look around, to try the candidate walk on harder shapes.
TRICKY_ITEM = r"[“\"]?三个代表[”\"]?重要思想|毛泽东思想|(?:毛泽东|邓小平)(?:思想|理论)|思想(?=和)|[|]"


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from([*THEORY_PIECES, "|"]), max_size=30))
def test_enumeration_lists_are_the_plain_scan_matches(pieces):
    text = "".join(pieces)
    for compiled in (
        formulation._compiled(GUIDING_THEORY),
        formulation._compile(TRICKY_ITEM, GUIDING_THEORY.separator, None, None),
    ):
        assert compiled.item_alternatives
        plain = [(m.span(), m.captures("item")) for m in compiled.written_list.finditer(text)]
        assert [(m.span(), m.captures("item")) for m in formulation._written_lists(compiled, text)] == plain


FORMULATIONS = packaged_formulations()
QUOTED_TERMS = tuple(quoted.term for quoted in FORMULATIONS.quoted)
QUOTE_PIECES = [*QUOTED_TERMS, *'“”"「」四个两十五一', "规划", "重要思想", "总体布局", "四个全", "十四"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(QUOTE_PIECES), max_size=30))
def test_quote_hits_are_the_plain_scan_matches(pieces):
    text = "".join(pieces)
    occurrences = formulation._occurrences(QUOTED_TERMS, text)
    for quoted in FORMULATIONS.quoted:
        plain = [
            m.span()
            for m in formulation._quote_regex(quoted).finditer(text)
            if not (
                m.start() > 0
                and text[m.start() - 1] in formulation.OPEN_QUOTES
                and m.end() < len(text)
                and text[m.end()] in formulation.CLOSE_QUOTES
            )
        ]
        fast = formulation._quote_hits(formulation.RULE, FORMULATIONS, quoted, text, occurrences[quoted.term])
        assert [(hit.start, hit.end) for hit in fast] == plain


@given(text=st.text(alphabet="四个全面两十五", max_size=40))
@example(text="十五五五个个个四个全面")
def test_occurrences_are_every_overlapping_start(text):
    terms = ("四个", "四个全面", "个个", "十五五", "五五", "两")
    occurrences = formulation._occurrences(terms, text)
    for term in terms:
        assert occurrences[term] == [i for i in range(len(text)) if text.startswith(term, i)]


REPEAT_PIECES = [*"、、、,。\n 1等", "动漫", "图解", "12", " 动漫", "动漫等", "a"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(REPEAT_PIECES), max_size=30))
@example(pieces=["图解", "、", "12", "、", "12", "、", "动漫等"])  # numbers are not compared
@example(pieces=["图解", "、", "动漫", "、", " 动漫", "、", "a"])  # items are compared stripped
def test_may_repeat_is_whether_the_listing_clause_repeats(pieces):
    text = "".join(pieces)
    for clause in repeated_item._listing_clauses(text):
        items = repeated_item._enumeration(clause.start(), clause.group())
        repeats = list(repeated_item._repeats(text, items))
        assert repeated_item._may_repeat(clause.group()) == bool(repeats)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from([*COMMA_PIECES, " 动漫", "12"]), max_size=40))
@example(pieces=["形式:", ",", "动漫", ",", "新闻发布会", ",", " 动漫", ",", "ab", "。"])
def test_comma_runs_left_out_repeat_nothing(pieces):
    text = "".join(pieces)
    kept = list(repeated_item._comma_runs(text))
    for run in PLAIN_COMMA_RUN.finditer(text):
        position, items = run.start() + 1, []
        for part in run.group()[1:-1].split(","):
            if part.strip():
                items.append((position, position + len(part)))
            position += len(part) + 1
        assert items in kept or not list(repeated_item._repeats(text, items))
