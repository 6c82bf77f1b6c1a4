"""Problems found in content, reported as ``file:line:column: what is wrong; what to write``.

Editors read these messages, so each says what is wrong and what to write instead.
Problems are collected across all files and reported together; :class:`ContentErrors`
carries them to the command line, which prints them without a traceback. A problem is
an error (nothing is built) or a warning (printed; ``check --strict`` fails on it).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
"""An error stops the build; a warning is printed and the build goes on."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file, at a 1-based line and column: an error or a warning."""

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = "error"

    @property
    def is_warning(self) -> bool:
        """True for a warning: printed, but the content is still built."""
        return self.severity == "warning"

    def display_path(self) -> str:
        """The file's path relative to the working directory when it is below it."""
        try:
            return Path(os.path.relpath(self.path)).as_posix()
        except ValueError:  # another drive on Windows
            return self.path.as_posix()

    def __str__(self) -> str:
        warning = "warning: " if self.is_warning else ""
        path = one_line(self.display_path())
        if path.startswith(":"):  # a line starting with "::" is a command to Actions
            path = f"./{path}"
        return f"{path}:{self.line}:{self.column}: {warning}{one_line(self.message)}"

    def as_github_annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on the line in a PR.

        The message and the file's path are escaped as the runner reads them back (its
        ``%0A`` is a line break inside the annotation, never a new command)."""
        message = one_line(_escape_data(self.message))
        path = one_line(_escape_data(self.display_path()).replace(",", "%2C").replace(":", "%3A"))
        return f"::{self.severity} file={path},line={self.line},col={self.column}::{message}"


_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters a log could read as the end of a line, and other controls."""


def one_line(text: str) -> str:
    """Text for one line of a log: line breaks and controls written as escapes (\\n...), so
    that an editor's value can never start a line of its own (such as '::add-mask::')."""
    return _LINE_BREAKING.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class FieldError(ValueError):
    """A model validator's error about one field, reported at that field's line.

    ``field`` is a key of the validated block (``"end"``) or a path below it
    (``("sides", 0, "actors", 2)``); the message says what is wrong and what to write.
    """

    def __init__(self, field: str | tuple[str | int, ...], message: str) -> None:
        self.field: tuple[str | int, ...] = (field,) if isinstance(field, str) else field
        super().__init__(message)


class ContentErrors(Exception):
    """Raised once, after every file was checked, when any error was found.

    ``problems`` holds the errors and every warning found in the same run, in file and
    line order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        self.errors = [problem for problem in self.problems if not problem.is_warning]
        self.warnings = [problem for problem in self.problems if problem.is_warning]
        super().__init__(f"{len(self.errors)} problem(s) in content")


SUGGEST_AMONG = 64
"""The most choices a "did you mean" compares a word with. Among more, it compares it
only with those one typing slip away (one letter left out, added, changed or two
swapped: :class:`Nearby`), at most this many of them, so that checking thousands of
unknown ids against thousands of known ones stays linear in the content."""


class Nearby:
    """The choices of a "did you mean", indexed by every form with one letter left out.

    Two words one typing slip apart share such a form, so the choices worth comparing
    with a word are found in a few look-ups (as many as its letters), not by comparing
    it with every choice. Build one for a set of choices asked about many times.
    """

    def __init__(self, choices: Iterable[str]) -> None:
        self.by_folded = {choice.casefold(): choice for choice in choices}
        self.index: dict[str, list[str]] = {}
        if len(self.by_folded) > SUGGEST_AMONG:
            for folded in self.by_folded:
                for form in _one_left_out(folded):
                    self.index.setdefault(form, []).append(folded)

    def candidates(self, word: str) -> list[str]:
        """The folded choices worth comparing with ``word`` (folded), at most
        :data:`SUGGEST_AMONG`, in a fixed order."""
        if len(self.by_folded) <= SUGGEST_AMONG:
            return list(self.by_folded)
        found: dict[str, None] = {}
        for form in _one_left_out(word):
            for choice in self.index.get(form, ()):
                found[choice] = None
                if len(found) == SUGGEST_AMONG:
                    return list(found)
        return list(found)


def _one_left_out(word: str) -> list[str]:
    return [word, *(word[:i] + word[i + 1 :] for i in range(len(word)))]


def did_you_mean(word: str, choices: Iterable[str] | Nearby) -> str:
    """ "did you mean 'x'? " for the choice nearest to ``word``, or "" when none is close.

    Compares ``word`` with :data:`SUGGEST_AMONG` choices at most (see :class:`Nearby`).
    """
    nearby = choices if isinstance(choices, Nearby) else Nearby(choices)
    folded = word.casefold()
    candidates = nearby.candidates(folded)
    matches = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
    return f"did you mean '{nearby.by_folded[matches[0]]}'? " if matches else ""


def one_of(choices: Iterable[str]) -> str:
    """A readable list of valid values: 'a', 'b' or 'c'."""
    quoted = [f"'{c}'" for c in choices]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
