"""The lexicon matcher's exception mechanisms, on the packaged lexicons, with exact spans."""

from __future__ import annotations

import datetime as dt

import pytest

from govscan.engine import Scanner
from govscan.lexicon import Lexicon, load_lexicons
from govscan.sources.document import Document

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=load_lexicons(), detectors=(), checks=())


def found(scanner: Scanner, text: str, as_of: dt.date = TODAY) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.span.start, f.span.end, f.matched_text) for f in scanner.scan_text(text, as_of=as_of)]


# ---- dates ---------------------------------------------------------------------------


def test_an_old_name_is_correct_in_a_text_dated_before_the_reform(scanner):
    text = "国家工商总局近日部署专项行动。"
    assert found(scanner, text, dt.date(2016, 5, 1)) == []
    assert found(scanner, text) == [("LEX101", 0, 6, "国家工商总局")]


def test_valid_from_is_the_first_wrong_day(scanner):
    text = "国土资源部公布了年度公报。"
    assert found(scanner, text, dt.date(2018, 4, 9)) == []
    assert found(scanner, text, dt.date(2018, 4, 10)) == [("LEX101", 0, 5, "国土资源部")]


def test_the_documents_own_date_is_the_default_as_of(scanner):
    old = Document(path="a.txt", text="新冠肺炎疫情防控工作会议召开。", date=dt.date(2021, 3, 1))
    new = Document(path="b.txt", text="新冠肺炎疫情防控工作会议召开。", date=dt.date(2023, 3, 1))
    assert scanner.scan_document(old) == []
    assert [(f.code, f.span.start, f.span.end) for f in scanner.scan_document(new)] == [("LEX301", 0, 4)]


def test_entry_dates_compare_by_day():
    lexicon = Lexicon.model_validate(
        {
            "code": "LEX999",
            "name": "dated",
            "severity": "warning",
            "summary": "s",
            "message": "m",
            "entries": [
                {
                    "term": "旧名称",
                    "valid_from": "2020-01-01",
                    "valid_until": "2020-12-31",
                    "source": {"title": "t", "issuer": "i"},
                    "examples": {"fire": ["旧名称"], "ok": ["新名称"]},
                }
            ],
        }
    )
    entry = lexicon.entries[0]
    days = [dt.date(2019, 12, 31), dt.date(2020, 1, 1), dt.date(2020, 12, 31), dt.date(2021, 1, 1)]
    assert [entry.is_wrong_on(day) for day in days] == [False, True, True, False]


# ---- former names and reform sentences --------------------------------------------------


def test_a_leading_yuan_marks_a_former_name(scanner):
    assert found(scanner, "原国家工商总局的职能已调整。") == []
    assert found(scanner, "时任国家安监总局局长出席。") == []


def test_yuan_before_a_place_name_marks_a_local_former_name(scanner):
    assert found(scanner, "原平阳县国土资源局的职能已调整。") == []
    assert found(scanner, "平阳县国土资源局的职能已调整。") == [("LEX101", 3, 8, "国土资源局")]


def test_yuan_inside_a_place_name_is_not_a_marker(scanner):
    assert found(scanner, "太原市国土资源局发布公告。") == [("LEX101", 3, 8, "国土资源局")]


@pytest.mark.parametrize(
    "text",
    [
        "不再保留文化部、国家旅游局。",
        "将国家工商行政管理总局的职责整合，组建国家市场监督管理总局。",
        "国家卫生计生委更名为国家卫生健康委员会。",
        "国土资源部的前身是地质矿产部。",
        "原环境保护部的职责划入生态环境部。",
    ],
)
def test_sentences_about_the_reform_do_not_fire(scanner, text):
    assert found(scanner, text) == []


def test_a_reform_word_in_another_sentence_does_not_exempt(scanner):
    text = "机构改革已经完成。国家旅游局发布出游提示。"
    assert found(scanner, text) == [("LEX101", 9, 14, "国家旅游局")]


# ---- titles and document numbers ------------------------------------------------------


def test_an_old_name_inside_a_document_title_is_a_citation(scanner):
    assert found(scanner, "依据《国家工商行政管理总局关于做好登记工作的通知》办理。") == []
    text = "依据《通知》，国家工商行政管理总局负责。"
    assert found(scanner, text) == [("LEX101", 7, 17, "国家工商行政管理总局")]


@pytest.mark.parametrize(
    "text",
    [
        "工商总局令第28号仍然有效。",
        "国家卫生计生委令第8号规定。",
        "国家质检总局公告2017年第12号。",
        "国家卫生计生委办公厅〔2017〕印发。",
    ],
)
def test_an_old_name_next_to_a_document_number_is_a_citation(scanner, text):
    assert found(scanner, text) == []


# ---- names that are correct -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "自然资源部对外保留国家海洋局牌子。",
        "国家乡村振兴局印发通知。",
        "平阳县自然资源和规划局发布公告。",
        "杭州市规划和自然资源局发布公告。",
        "县文化广电旅游局举办展演。",
        "国家矿山安全监察局开展执法检查。",
        "国家税务总局平阳县税务局办理退税。",
    ],
)
def test_current_names_and_local_variants_never_fire(scanner, text):
    assert found(scanner, text) == []


def test_the_longest_name_decides(scanner):
    # 保监会 inside 银保监会: judged as 银保监会, which was correct in 2020.
    assert found(scanner, "商务部、银保监会等负责。", dt.date(2020, 6, 1)) == []
    assert found(scanner, "商务部、银保监会等负责。") == [("LEX101", 4, 8, "银保监会")]


# ---- laws ---------------------------------------------------------------------------------


def test_a_law_matches_with_or_without_the_prc_prefix(scanner):
    assert found(scanner, "依据《合同法》第五十二条。") == [("LEX201", 3, 6, "合同法")]
    assert found(scanner, "依据《中华人民共和国合同法》第五十二条。") == [("LEX201", 10, 13, "合同法")]


def test_a_law_name_inside_another_title_does_not_fire(scanner):
    assert found(scanner, "依据《中华人民共和国劳动合同法》第三十九条。") == []
    assert found(scanner, "合同法律顾问提供服务。") == []


def test_former_law_and_repeal_sentences_do_not_fire(scanner):
    assert found(scanner, "根据原《中华人民共和国合同法》的规定。") == []
    assert found(scanner, "民法典施行后，《合同法》同时废止。") == []


# ---- context-dependent typos ---------------------------------------------------------------


def test_jiezhi_with_a_date_and_a_comma_is_wrong(scanner):
    assert found(scanner, "截止2023年底，全市共有养老机构56家。") == [("LEX401", 0, 2, "截止")]
    assert found(scanner, "截止目前，已完成改造。") == [("LEX401", 0, 4, "截止目前")]


@pytest.mark.parametrize("text", ["报名于5月10日截止。", "截止日期为6月30日。", "申报截止2024年3月1日。"])
def test_jiezhi_as_a_deadline_is_right(scanner, text):
    assert found(scanner, text) == []


def test_ziyi_after_a_philosophers_name_is_not_a_typo(scanner):
    assert found(scanner, "依法子以公开。") == [("LEX401", 2, 4, "子以")]
    assert found(scanner, "孔子以仁为本，君子以厚德载物。") == []


def test_full_width_text_keeps_spans_into_the_original(scanner):
    text = "截止２０２３年底，全市共有养老机构５６家。"
    assert found(scanner, text) == [("LEX401", 0, 2, "截止")]


def test_traditional_characters_match_with_spans_into_the_original(scanner):
    assert found(scanner, "國家工商總局近日部署專項行動。") == [("LEX101", 0, 6, "國家工商總局")]
    assert found(scanner, "原國家工商總局的職能已調整。") == []
