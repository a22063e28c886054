"""Zip archives, scanned in place: members are read one at a time and never written to disk.

A member whose name could escape a folder (absolute, ``..``, a drive letter),
a symbolic link, or one that would inflate past the :class:`Limits` is refused
with an error naming it (``site.zip!../../etc/passwd``); the rest of the
archive is still scanned. Once the archive's total inflated bytes reach the
limit, every remaining member is refused. The limits are checked against the
sizes the archive declares; that is binding, because :mod:`zipfile` stops
inflating at the declared size and the CRC check then fails for a member that lied.

A zip inside a zip (attachments packed into a site export) is opened in memory
and its members read the same way, named ``site.zip!files.zip!a.html``, down to
``MAX_DEPTH`` archives deep: its bytes and its members' bytes all count against
the outer archive's limit, so nesting cannot multiply what a bomb inflates.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from govscan.errors import InputError
from govscan.sources.limits import Limits
from govscan.sources.locate import member

# Archives opened inside one another at most: the file named on the command line is depth 1.
MAX_DEPTH = 3


@dataclass(frozen=True)
class Member:
    """One archive member: its locator, its name inside the archive and its bytes — or why it was refused."""

    path: str
    name: str
    data: bytes = b""
    error: str | None = None


def iter_members(archive: str, limits: Limits, wanted: Callable[[str], bool] = lambda name: True) -> Iterator[Member]:
    """Members of the zip file at ``archive`` whose names ``wanted`` accepts, in archive order (nested zips
    opened in place of their member)."""
    try:
        package = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(archive, f"not a readable zip archive ({error})") from error
    with package:
        yield from _members(package, archive, limits, wanted, _Budget(), depth=1)


@dataclass
class _Budget:
    """Bytes inflated so far from one archive named on the command line, nested archives included."""

    inflated: int = 0


def _members(
    package: zipfile.ZipFile,
    archive: str,
    limits: Limits,
    wanted: Callable[[str], bool],
    budget: _Budget,
    depth: int,
) -> Iterator[Member]:
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
        nested = info.filename.lower().endswith(".zip")
        if nested and depth >= MAX_DEPTH:
            yield Member(path, info.filename, error=f"archive nested more than {MAX_DEPTH} deep not opened")
            continue
        problem = limits.refuse(info)
        if problem is None and budget.inflated + info.file_size > limits.max_total_bytes:
            problem = f"archive limit of {limits.max_total_bytes} inflated bytes reached"
        if problem:
            yield Member(path, info.filename, error=problem)
            continue
        try:
            data = package.read(info)
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as error:
            yield Member(path, info.filename, error=str(error))
            continue
        budget.inflated += len(data)
        if not nested:
            yield Member(path, info.filename, data=data)
            continue
        try:
            inner = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            yield Member(path, info.filename, error=f"not a readable zip archive ({error})")
            continue
        with inner:
            yield from _members(inner, path, limits, wanted, budget, depth + 1)


def _unsafe_name(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\\" in name:
        return "refused: absolute or non-portable member name (path traversal)"
    if ".." in PurePosixPath(name).parts:
        return "refused: member name climbs out of the archive with '..' (path traversal)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "refused: member is a symbolic link"
    return None
