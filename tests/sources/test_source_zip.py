"""Zip archives: members in order, path traversal refused, size/ratio/total limits stop inflation per member."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govscan.errors import InputError
from govscan.sources.limits import Limits
from govscan.sources.zip import iter_members


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


def test_nested_archives_are_reported_not_opened(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "s.zip", [("inner.zip", b"PK")])
    (inner,) = iter_members(archive, Limits())
    assert inner.error == "nested archive not scanned; unpack it first"


def test_a_file_that_is_not_a_zip_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "s.zip"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable zip archive"):
        list(iter_members(str(path), Limits()))
