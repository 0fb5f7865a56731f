"""One error type for everything the user can fix: the library raises, the CLI translates."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a path, what is wrong with it, and how to fix it.

    The CLI prints it as one line, ``Error: <path>: <problem> (<hint>)``, and exits 2.
    """

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        super().__init__(self.message())

    def message(self) -> str:
        text = f"{self.path}: {self.reason}" if self.path else self.reason
        return f"{text} ({self.hint})" if self.hint else text
