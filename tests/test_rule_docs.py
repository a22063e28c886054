"""The rule catalogue in docs/rules/ is generated, current, and what `govscan explain` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govscan.cli import cli
from govscan.docs import _code, _docstring_markdown, _inline, main, packaged_rule_pages, stale_pages, write_pages
from govscan.lexicon import load_lexicon, load_lexicons
from govscan.lexicon.lint import check_lexicon_files

ROOT = Path(__file__).resolve().parent.parent
RULE_DOCS = ROOT / "docs" / "rules"
LEXICON_FORMAT = ROOT / "docs" / "lexicon-format.md"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return packaged_rule_pages()


def test_rule_docs_are_current(pages: dict[str, str]) -> None:
    stale = stale_pages(RULE_DOCS, pages)
    assert stale == [], f"docs/rules/ is stale ({', '.join(stale)}): run `python -m govscan.docs`"


def test_every_packaged_rule_has_a_page_and_an_index_row(pages: dict[str, str]) -> None:
    rules = CliRunner().invoke(cli, ["rules", "--format", "json"]).stdout
    codes = re.findall(r'"code": "([A-Z]{3}\d{3})"', rules)
    assert sorted(pages) == sorted([f"{code}.md" for code in codes] + ["README.md"])
    for code in codes:
        assert f"| [{code}]({code}.md) |" in pages["README.md"]


def test_lexicon_page_lists_every_entry_with_source_and_examples(pages: dict[str, str]) -> None:
    for lexicon in load_lexicons():
        page = pages[f"{lexicon.code}.md"]
        for entry in lexicon.entries:
            heading = f"### {_code(entry.term)}" + (f" → {_code(entry.suggestion)}" if entry.suggestion else "")
            section = page.split(heading + "\n", 1)[1].split("\n### ", 1)[0]
            assert f"- Source: {_inline(entry.source.cite())}" in section
            for text in entry.examples.fire:
                assert f"- Fires on: {_code(text)}" in section
            for text in entry.examples.ok:
                assert f"- Does not fire on: {_code(text)}" in section


def test_typo_page_entry_is_rendered_exactly(pages: dict[str, str]) -> None:
    assert (
        "### `截止目前` → `截至目前`\n\n- Wrong: always\n- Word boundary: none\n"
        "- Source: 2010年十大语文差错（《咬文嚼字》编辑部）\n"
        "- Fires on: `截止目前，全市已完成改造任务。`\n"
        "- Does not fire on: `截至目前，全市已完成改造任务。`\n"
    ) in pages["LEX401.md"]


@pytest.mark.parametrize("code", ["LEX401", "PII002"])
def test_explain_prints_the_docs_page(code: str) -> None:
    result = CliRunner().invoke(cli, ["explain", code, "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == (RULE_DOCS / f"{code}.md").read_text(encoding="utf-8")


def test_explain_text_renders_the_page() -> None:
    result = CliRunner(env={"COLUMNS": "120"}).invoke(cli, ["explain", "LEX401"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].strip() == "LEX401 common-typo"
    assert "再接再励 → 再接再厉" in result.stdout
    assert "Source: 现代汉语词典（第7版，2016年）" in result.stdout


def test_docstring_becomes_markdown_sections() -> None:
    docstring = """PII009 sample-rule — a sample rule, for the test.

    What it finds:
        Numbers like ``139****5678`` in
        running text.

    Why it matters:
        Privacy.
    """
    assert _docstring_markdown(docstring, "PII009") == (
        "A sample rule, for the test.\n\n### What it finds\n\nNumbers like `139****5678` in\nrunning text.\n\n"
        "### Why it matters\n\nPrivacy."
    )


def test_markdown_escaping() -> None:
    assert _code("a`b") == "``a`b``"
    assert _code("`x") == "`` `x ``"
    assert _inline("a|b *c*\n d") == "a\\|b \\*c\\* d"


def test_stale_pages_names_changed_missing_and_extra_files(tmp_path: Path) -> None:
    pages = {"README.md": "index\n", "LEX001.md": "one\n"}
    assert stale_pages(tmp_path, pages) == ["README.md", "LEX001.md"]
    write_pages(tmp_path, pages)
    assert stale_pages(tmp_path, pages) == []
    (tmp_path / "LEX001.md").write_text("edited\n", encoding="utf-8")
    (tmp_path / "LEX999.md").write_text("gone rule\n", encoding="utf-8")
    assert stale_pages(tmp_path, pages) == ["LEX001.md", "LEX999.md"]
    write_pages(tmp_path, pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LEX001.md", "README.md"]


def test_generator_command_writes_and_checks(tmp_path: Path, pages: dict[str, str]) -> None:
    out = tmp_path / "rules"
    assert main(["--out", str(out), "--check"]) == 1
    assert main(["--out", str(out)]) == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == pages
    assert main(["--out", str(out), "--check"]) == 0


def test_lexicon_format_example_is_a_clean_lexicon(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", LEXICON_FORMAT.read_text(encoding="utf-8"), flags=re.S)
    example = next(block for block in blocks if block.startswith("# my-lexicons/local.yaml"))
    path = tmp_path / "local.yaml"
    path.write_text(example, encoding="utf-8")
    assert check_lexicon_files([tmp_path]) == []
    lexicon = load_lexicon(path)
    assert (lexicon.code, [e.term for e in lexicon.entries]) == ("LEX901", ["网上办事大厅", "手机APP"])
