"""Limits that stop a zip bomb before it is inflated (zip archives and .docx packages)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

# Members up to this size are never refused for their ratio (short repetitive pages compress well).
SMALL = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """``max_member_bytes``: largest uncompressed member; ``max_ratio``: largest uncompressed/compressed
    ratio; ``max_total_bytes``: most bytes inflated from one archive (then the remaining members are refused).
    """

    max_member_bytes: int = 64 * 1024 * 1024
    max_ratio: float = 200.0
    max_total_bytes: int = 4 * 1024 * 1024 * 1024

    def refuse(self, info: zipfile.ZipInfo) -> str | None:
        """Why the member described by ``info`` must not be inflated, or None."""
        if info.file_size > self.max_member_bytes:
            return f"member is {info.file_size} bytes uncompressed, over the {self.max_member_bytes}-byte limit"
        if info.file_size > SMALL and info.file_size > self.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            return f"compression ratio {ratio:.0f}:1 is over the {self.max_ratio:.0f}:1 limit (zip bomb?)"
        return None


DEFAULT_LIMITS = Limits()
