"""The DAT checks together: a notice with one of each problem, a clean notice, and real official sentences.

The real sentences are the ECSpell official-document set (aopolin-lv/ECSpell,
Data/domains_data/odw.train, MIT License, Copyright (c) 2022 Aopolin-Lv), read
from ../shared/data when present.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from govscan.engine import Scanner
from govscan.sources.document import Document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "dates"
ECSPELL = ROOT.parent / "shared" / "data" / "ecspell-odw-train.jsonl"


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[])


def dat_findings(scanner, text, date):
    findings = scanner.scan_document(Document(path="notice.txt", text=text, date=date))
    return [f for f in findings if f.code.startswith("DAT")]


def test_notice_with_one_of_each_problem(scanner):
    text = (FIXTURES / "notice-problems.txt").read_text(encoding="utf-8")
    findings = dat_findings(scanner, text, dt.date(2021, 6, 4))
    lines = [f"{f.line}:{f.column} {f.code} {f.name}" for f in findings]
    assert lines == (FIXTURES / "notice-problems.expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("date", [dt.date(2018, 12, 6), None])
def test_clean_holiday_notice(scanner, date):
    text = (FIXTURES / "holiday-notice-clean.txt").read_text(encoding="utf-8")
    assert dat_findings(scanner, text, date) == []


@pytest.fixture(scope="module")
def real_sentences() -> list[dict]:
    if not ECSPELL.exists():
        pytest.skip(f"{ECSPELL} is absent (the shared data folder sits next to the repository)")
    return [json.loads(line) for line in ECSPELL.read_text(encoding="utf-8").splitlines()]


# Without a date, and dated like the 2019 holiday notice three of the sentences come from.
@pytest.mark.parametrize("date", [None, dt.date(2018, 12, 6)])
@pytest.mark.parametrize("field", ["corrected", "text"])
def test_real_official_sentences_are_clean(scanner, real_sentences, field, date):
    assert len(real_sentences) == 1720
    found = [(r["id"], f.code, f.matched_text) for r in real_sentences for f in dat_findings(scanner, r[field], date)]
    assert found == []
