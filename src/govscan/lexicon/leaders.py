"""Schema of ``lexicons/leaders.yaml`` (``kind: leaders``, rule LEX303).

Leaders' names and the posts (title strings) each held, with dates; the title
strings the check knows; and a small table of visually similar characters. Near-
misses of a name are derived from the name itself (this table plus homophones
from pypinyin), never listed.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from govscan.lexicon.data_file import load_data_file
from govscan.lexicon.load import packaged_lexicon_dir
from govscan.lexicon.schema import Examples, RuleHeader, StrictModel
from govscan.models import Source

KIND = "leaders"


class Title(StrictModel):
    """A title string that may stand next to a leader's name."""

    text: str = Field(pattern=r"^\p{Han}+$")
    generic: bool = Field(default=False, description="Also used below national level (主席, 同志).")
    honorific: bool = Field(default=False, description="Belongs to everyone (同志): never a wrong title.")


class Post(StrictModel):
    """A post one leader holds or held, written as any of ``titles``; dates inclusive, open when absent."""

    titles: list[str] = Field(min_length=1)
    since: dt.date | None = None
    until: dt.date | None = None
    source: Source

    def held_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class Leader(StrictModel):
    """One leader: exact name, posts, and the day from which ``posts`` lists every checked title held."""

    name: str = Field(pattern=r"^\p{Han}{2,4}$")
    record_from: dt.date
    posts: list[Post] = Field(min_length=1)
    examples: Examples

    def titles_on(self, day: dt.date) -> list[str]:
        return [title for post in self.posts if post.held_on(day) for title in post.titles]


class Leaders(RuleHeader):
    """The whole ``leaders.yaml`` file."""

    kind: str = Field(pattern=f"^{KIND}$")
    similar_shapes: dict[str, str] = Field(description="Character → characters of similar shape.")
    similar_shapes_source: Source
    examples_as_of: dt.date = Field(description="The document date the examples are judged at.")
    titles: list[Title] = Field(min_length=1)
    leaders: list[Leader] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Leaders:
        known = {title.text for title in self.titles}
        names = [leader.name for leader in self.leaders]
        if len(set(names)) != len(names):
            raise ValueError("a leader is listed twice")
        for leader in self.leaders:
            for post in leader.posts:
                unknown = [t for t in post.titles if t not in known]
                if unknown:
                    raise ValueError(f"{leader.name}: titles {unknown} are not in the titles list")
                if post.since and post.until and post.since > post.until:
                    raise ValueError(f"{leader.name}: a post's since is after its until")
        return self


def load_leaders(path: Path) -> Leaders:
    """Parse and validate a ``kind: leaders`` file."""
    return load_data_file(path, Leaders, KIND)


@cache
def packaged_leaders() -> Leaders:
    """The leaders data shipped with govscan."""
    return load_leaders(packaged_lexicon_dir() / "leaders.yaml")
