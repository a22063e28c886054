"""Lexicon files are validated strictly, and every error names file, line and field."""

from __future__ import annotations

import textwrap

import pytest

from govscan.errors import LexiconError
from govscan.lexicon import load_lexicon

HEADER = """\
code: LEX999
name: sample
severity: warning
summary: s
message: "{term} → {suggestion}"
entries:
"""


def with_fields(extra: str) -> str:
    """GOOD_ENTRY with ``extra`` lines inserted after its suggestion."""
    return GOOD_ENTRY.replace("    suggestion: 新名\n", "    suggestion: 新名\n" + extra)


GOOD_ENTRY = """\
  - term: 旧名
    suggestion: 新名
    source: {title: t, issuer: i}
    examples: {fire: [旧名], ok: [新名]}
"""


def load(tmp_path, body: str):
    path = tmp_path / "sample.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return load_lexicon(path)


def error_of(tmp_path, body: str) -> LexiconError:
    with pytest.raises(LexiconError) as caught:
        load(tmp_path, body)
    return caught.value


def test_a_valid_file_loads(tmp_path):
    lexicon = load(tmp_path, GOOD_ENTRY)
    assert [entry.term for entry in lexicon.entries] == ["旧名"]


def test_an_entry_without_source_is_rejected_at_its_line(tmp_path):
    error = error_of(tmp_path, GOOD_ENTRY + "  - term: 缺来源\n    examples: {fire: [缺来源], ok: [无]}\n")
    assert (error.line, error.field) == (11, "entries.1.source")


def test_an_unknown_field_is_rejected(tmp_path):
    error = error_of(tmp_path, with_fields("    sugestion: x\n"))
    assert (error.line, error.field) == (9, "entries.0.sugestion")


def test_examples_may_carry_the_date_they_are_scanned_at(tmp_path):
    lexicon = load(tmp_path, GOOD_ENTRY.replace("ok: [新名]", "ok: [新名, {text: 旧名, as_of: 2016-05-01}]"))
    assert [(e.text, str(e.as_of)) for e in lexicon.entries[0].examples.ok] == [
        ("新名", "None"),
        ("旧名", "2016-05-01"),
    ]


def test_a_bad_regular_expression_is_rejected(tmp_path):
    body = with_fields("    not_followed_by: ['^（']\n")
    error = error_of(tmp_path, body)
    assert (error.line, error.field) == (9, "entries.0.not_followed_by")
    assert "invalid regular expression" in error.message


def test_a_context_entry_needs_a_context_rule(tmp_path):
    error = error_of(tmp_path, with_fields("    kind: context\n"))
    assert (error.line, error.field) == (7, "entries.0")
    assert "needs a context rule" in error.message


def test_a_required_context_makes_an_entry_context_dependent(tmp_path):
    body = with_fields("    followed_by: ['^，']\n")
    error = error_of(tmp_path, body)
    assert (error.line, error.field) == (7, "entries.0.term")
    assert "kind must be context" in error.message


def test_a_current_name_cannot_also_be_an_entry(tmp_path):
    path = tmp_path / "sample.yaml"
    path.write_text(HEADER.replace("entries:\n", "current_names: [旧名]\nentries:\n") + GOOD_ENTRY, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert (caught.value.line, caught.value.field) == (8, "entries.0.term")


def test_file_and_entry_rules_add_up(tmp_path):
    path = tmp_path / "sample.yaml"
    path.write_text(
        HEADER.replace("entries:\n", "not_after: [原]\nin_title: skip\nentries:\n")
        + with_fields("    not_after: [时任]\n    in_title: any\n"),
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    rules = lexicon.rules_of(lexicon.entries[0])
    assert (rules.not_after, rules.in_title.value) == (["原", "时任"], "any")
