"""What one load collects besides articles: errors and notes, capped per file."""

from __future__ import annotations

from dataclasses import dataclass

from checker.errors import InputError
from checker.model import Article
from checker.settings import Settings


@dataclass(frozen=True, slots=True)
class Item:
    """An article with the place it came from, so a duplicate can name both places."""

    article: Article
    place: str


class Problems:
    """Collects errors and notes; caps row errors per file so one misnamed file can't flood."""

    def __init__(self, settings: Settings) -> None:
        self.errors: list[InputError] = []
        self.notes: list[str] = []
        self._cap = max(settings.max_errors_per_file, 1)
        self._per_file: dict[str, int] = {}

    def add(self, error: InputError) -> None:
        self.errors.append(error)

    def add_row(self, error: InputError) -> None:
        count = self._per_file.get(error.path, 0) + 1
        self._per_file[error.path] = count
        if count <= self._cap:
            self.errors.append(error)

    def summarise_rows(self, path: str) -> None:
        extra = self._per_file.get(path, 0) - self._cap
        if extra > 0:
            reason = f"{extra} more bad rows not listed"
            self.errors.append(InputError(path, reason, "fix the rows above first"))
