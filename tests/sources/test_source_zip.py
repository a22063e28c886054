"""Zip archives: members in order, path traversal refused, size/ratio/total limits stop inflation per member,
nested archives opened within the same limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govscan.errors import InputError
from govscan.sources.limits import Limits
from govscan.sources.zip import MAX_DEPTH, iter_members


def _zip(path: Path, members: list[tuple[str, bytes]]) -> str:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            package.writestr(name, data)
    return str(path)


def test_members_are_read_in_archive_order_with_locators(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("b.html", b"<p>b</p>"), ("a/c.txt", "文本".encode())])
    members = list(iter_members(archive, Limits()))
    assert [(m.path, m.name, m.data, m.error) for m in members] == [
        (f"{archive}!b.html", "b.html", b"<p>b</p>", None),
        (f"{archive}!a/c.txt", "a/c.txt", "文本".encode(), None),
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../escape.txt", "climbs out of the archive"),
        ("a/../../escape.txt", "climbs out of the archive"),
        ("/etc/passwd.txt", "absolute or non-portable"),
        ("C:/x.txt", "absolute or non-portable"),
        ("a\\b.txt", "absolute or non-portable"),
    ],
)
def test_traversal_names_are_refused_and_the_rest_still_read(tmp_path: Path, name: str, reason: str) -> None:
    archive = _zip(tmp_path / "s.zip", [(name, b"x"), ("ok.txt", b"ok")])
    first, second = iter_members(archive, Limits())
    assert first.error is not None and reason in first.error and first.data == b""
    assert (second.name, second.data, second.error) == ("ok.txt", b"ok", None)


def test_member_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("big.txt", b"a" * 5000), ("small.txt", b"ok")])
    big, small = iter_members(archive, Limits(max_member_bytes=4096))
    assert big.error == "member is 5000 bytes uncompressed, over the 4096-byte limit"
    assert small.data == b"ok"


def test_member_over_the_ratio_limit_is_refused_as_a_zip_bomb(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("bomb.txt", b"\x00" * (4 * 1024 * 1024))])
    (bomb,) = iter_members(archive, Limits(max_ratio=100))
    assert bomb.error is not None and bomb.error.startswith("compression ratio") and "zip bomb" in bomb.error


def test_total_inflated_limit_refuses_the_remaining_members(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("a.txt", b"a" * 600), ("b.txt", b"b" * 600), ("c.txt", b"c")])
    a, b, c = iter_members(archive, Limits(max_total_bytes=1000))
    assert a.error is None
    assert b.error == "archive limit of 1000 inflated bytes reached"
    assert c.error is None


def test_a_member_whose_header_lies_about_its_size_is_an_error(tmp_path: Path) -> None:
    """zipfile stops at the declared size and the CRC then fails: nothing past the limit is inflated."""
    path = tmp_path / "s.zip"
    _zip(path, [("liar.txt", b"z" * (3 * 1024 * 1024))])
    raw = bytearray(path.read_bytes())
    # Patch the declared uncompressed size (local header offset 22, central directory +24) to 10 bytes.
    central = raw.rfind(b"PK\x01\x02")
    raw[22:26] = (10).to_bytes(4, "little")
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    (liar,) = iter_members(str(path), Limits(max_member_bytes=2 * 1024 * 1024, max_ratio=10))
    assert (liar.error, liar.data) == ("Bad CRC-32 for file 'liar.txt'", b"")


def _zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            package.writestr(name, data)
    return buffer.getvalue()


def test_a_nested_archive_is_opened_in_place_of_its_member(tmp_path: Path) -> None:
    inner = _zip_bytes([("news/a.html", b"<p>a</p>"), ("b.txt", b"b")])
    archive = _zip(tmp_path / "s.zip", [("first.txt", b"1"), ("files/inner.zip", inner), ("last.txt", b"2")])
    members = list(iter_members(archive, Limits()))
    assert [(m.path, m.name, m.data, m.error) for m in members] == [
        (f"{archive}!first.txt", "first.txt", b"1", None),
        (f"{archive}!files/inner.zip!news/a.html", "news/a.html", b"<p>a</p>", None),
        (f"{archive}!files/inner.zip!b.txt", "b.txt", b"b", None),
        (f"{archive}!last.txt", "last.txt", b"2", None),
    ]


def test_archives_nested_past_the_depth_limit_are_reported_not_opened(tmp_path: Path) -> None:
    third = _zip_bytes([("deep.txt", b"deep")])
    second = _zip_bytes([("c.zip", third), ("two.txt", b"2")])
    archive = _zip(tmp_path / "s.zip", [("b.zip", second)])
    assert MAX_DEPTH == 3
    members = list(iter_members(archive, Limits()))
    assert [(m.path, m.data, m.error) for m in members] == [
        (f"{archive}!b.zip!c.zip!deep.txt", b"deep", None),
        (f"{archive}!b.zip!two.txt", b"2", None),
    ]
    archive = _zip(tmp_path / "t.zip", [("a.zip", _zip_bytes([("b.zip", second)]))])
    members = list(iter_members(archive, Limits()))
    assert [(m.path, m.data, m.error) for m in members] == [
        (f"{archive}!a.zip!b.zip!c.zip", b"", "archive nested more than 3 deep not opened"),
        (f"{archive}!a.zip!b.zip!two.txt", b"2", None),
    ]


def test_nested_members_count_against_the_outer_archives_total(tmp_path: Path) -> None:
    inner = _zip_bytes([("a.txt", b"a" * 400), ("b.txt", b"b" * 400)])
    archive = _zip(tmp_path / "s.zip", [("inner.zip", inner), ("c.txt", b"c" * 100)])
    total = len(inner) + 400 + 100
    members = list(iter_members(archive, Limits(max_total_bytes=total)))
    assert [(m.name, m.error) for m in members] == [
        ("a.txt", None),
        ("b.txt", f"archive limit of {total} inflated bytes reached"),
        ("c.txt", None),
    ]


def test_limits_apply_to_the_members_of_a_nested_archive(tmp_path: Path) -> None:
    inner = _zip_bytes([("big.txt", b"a" * 5000), ("small.txt", b"ok")])
    archive = _zip(tmp_path / "s.zip", [("inner.zip", inner)])
    big, small = iter_members(archive, Limits(max_member_bytes=4096))
    assert big.error == "member is 5000 bytes uncompressed, over the 4096-byte limit"
    assert (small.path, small.data) == (f"{archive}!inner.zip!small.txt", b"ok")


def test_a_nested_member_named_zip_that_is_no_archive_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("inner.zip", b"PK"), ("ok.txt", b"ok")])
    inner, ok = iter_members(archive, Limits())
    assert (inner.path, inner.error) == (f"{archive}!inner.zip", "not a readable zip archive (File is not a zip file)")
    assert (ok.name, ok.data, ok.error) == ("ok.txt", b"ok", None)


def test_wanted_filters_the_members_of_nested_archives_too(tmp_path: Path) -> None:
    inner = _zip_bytes([("a.html", b"a"), ("b.txt", b"b")])
    archive = _zip(tmp_path / "s.zip", [("inner.zip", inner), ("c.html", b"c")])
    members = list(iter_members(archive, Limits(), lambda name: name.endswith((".html", ".zip"))))
    assert [m.path for m in members] == [f"{archive}!inner.zip!a.html", f"{archive}!c.html"]


def test_a_file_that_is_not_a_zip_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "s.zip"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable zip archive"):
        list(iter_members(str(path), Limits()))
