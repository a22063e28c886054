"""Zip archives, scanned in place: members are read one at a time and never written to disk.

A member whose name could escape a folder (absolute, ``..``, a drive letter),
a symbolic link, or one that would inflate past the :class:`Limits` is refused
with an error naming it (``site.zip!../../etc/passwd``); the rest of the
archive is still scanned. Once the archive's total inflated bytes reach the
limit, every remaining member is refused. Nested archives are reported, not
opened. The limits are checked against the sizes the archive declares; that is
binding, because :mod:`zipfile` stops inflating at the declared size and the
CRC check then fails for a member that lied.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from govscan.errors import InputError
from govscan.sources.limits import Limits
from govscan.sources.locate import member


@dataclass(frozen=True)
class Member:
    """One archive member: its locator, its name inside the archive and its bytes — or why it was refused."""

    path: str
    name: str
    data: bytes = b""
    error: str | None = None


def iter_members(archive: str, limits: Limits, wanted: Callable[[str], bool] = lambda name: True) -> Iterator[Member]:
    """Members of the zip file at ``archive`` whose names ``wanted`` accepts, in archive order."""
    try:
        package = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(archive, f"not a readable zip archive ({error})") from error
    with package:
        inflated = 0
        for info in package.infolist():
            if info.is_dir():
                continue
            path = member(archive, info.filename)
            problem = _unsafe_name(info)
            if problem:
                yield Member(path, info.filename, error=problem)
                continue
            if not wanted(info.filename):
                continue
            if info.filename.lower().endswith(".zip"):
                yield Member(path, info.filename, error="nested archive not scanned; unpack it first")
                continue
            problem = limits.refuse(info)
            if problem is None and inflated + info.file_size > limits.max_total_bytes:
                problem = f"archive limit of {limits.max_total_bytes} inflated bytes reached"
            if problem:
                yield Member(path, info.filename, error=problem)
                continue
            try:
                data = package.read(info)
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as error:
                yield Member(path, info.filename, error=str(error))
                continue
            inflated += len(data)
            yield Member(path, info.filename, data=data)


def _unsafe_name(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\\" in name:
        return "refused: absolute or non-portable member name (path traversal)"
    if ".." in PurePosixPath(name).parts:
        return "refused: member name climbs out of the archive with '..' (path traversal)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "refused: member is a symbolic link"
    return None
