"""Read one YAML content file into plain data, remembering where every value was written.

This is the only place that parses YAML. It is deliberately stricter than YAML itself:
editors write a small, predictable subset, and anything outside it is a mistake to
report, not a feature to honour.

- Every scalar stays the text the editor typed (``no`` is the text "no", ``1:30`` is
  "1:30", ``012`` is "012", ``2019-02-28`` is "2019-02-28"); the schema types it later.
  Only an empty value, ``~`` and ``null`` mean "nothing".
- Refused: duplicate keys, tags (``!!python/object``), anchors and aliases (so no alias
  bombs), nesting deeper than :data:`MAX_DEPTH`, tabs, control characters, encodings
  other than UTF-8, symbolic links, files over :data:`MAX_BYTES`, empty files and
  files whose top level is not a mapping.
- Accepted: a UTF-8 byte-order mark and Windows line endings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.errors import Problem

MAX_BYTES = 1_000_000
"""Largest content file accepted; a story's biggest file is a few tens of kilobytes."""

MAX_DEPTH = 20
"""Deepest nesting accepted; the content model needs five levels."""

NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain scalars YAML reads as "no value" (its other words, such as yes, stay text)."""

Location = tuple[str | int, ...]
"""Where a value sits in a file: keys and list indexes from the top."""


@dataclass
class Document:
    """A YAML file as plain data (dicts, lists, str, None) plus the position of each part."""

    path: Path
    data: dict[str, Any]
    values: dict[Location, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def position(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value, or of its key, nearest to ``location``.

        A location that does not exist (a missing key) falls back to its parent.
        """
        table = self.keys if key else self.values
        for end in range(len(location), -1, -1):
            found = table.get(location[:end]) or self.values.get(location[:end])
            if found:
                return found
        return (1, 1)

    def problem(self, location: Location, message: str, *, key: bool = False) -> Problem:
        """A :class:`Problem` at ``location`` in this file."""
        line, column = self.position(location, key=key)
        return Problem(self.path, line, column, message)


class YamlProblem(Exception):
    """A mistake that stops the reading of one file."""

    def __init__(self, line: int, column: int, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message
        self.empty = empty


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


class PurePythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's own parser, for a PyYAML built without libyaml (same events, slower)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)

    def dispose(self) -> None:
        """Nothing to free (libyaml's parser has this method)."""


try:  # libyaml's parser, which PyYAML's wheels include: about ten times faster
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    _Parser = PurePythonParser  # type: ignore[assignment, misc]


_DEFAULT_TAGS = frozenset({
    None, "!",
    yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
})  # fmt: skip
_NO_KEY = object()


def read_document(path: Path, *, positions: bool = True) -> Document:
    """Read ``path`` into a :class:`Document`, or raise :class:`YamlProblem`.

    With ``positions=False`` the document does not record where each value was
    written (a third faster); the loader reads a file again with positions only when it
    has a problem to report. A duplicate key is then reported without its first line.
    """
    text = _decode(_read_bytes(path))
    _check_characters(text)
    document = Document(path, {})
    data = _parse(text, document if positions else None)
    if data is None:
        raise YamlProblem(1, 1, "the file is empty", empty=True)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise YamlProblem(
            *document.position(()),
            f"the file holds {kind}; it must be a mapping of 'key: value' lines",
        )
    document.data = data
    return document


def _read_bytes(path: Path) -> bytes:
    if path.is_symlink():
        raise YamlProblem(1, 1, "this file is a symbolic link; content files must be real files")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(
            1,
            1,
            f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit; a story's file "
            "is far smaller: check that it holds only this story",
        )
    return path.read_bytes()


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        raise YamlProblem(1, 1, "the file is saved as UTF-16; save it as UTF-8")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise YamlProblem(
            line,
            column,
            f"byte 0x{raw[error.start]:02x} is not UTF-8 (the file looks saved as Latin-1 "
            "or Windows-1252); save it as UTF-8",
        ) from None
    return text.replace("\r\n", "\n")


# Controls, tabs, line and paragraph separators, and the two non-characters U+FFFE, U+FFFF.
_FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# What a double-quoted scalar may write as an escape: "\0", "\x0b", "\u2028", "\e"...
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_ESCAPED = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", "N": "\x85", "L": "\u2028", "P": "\u2029",
}  # fmt: skip


def _check_characters(text: str) -> None:
    match = _FORBIDDEN.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise YamlProblem(line, column, _forbidden(match.group()))


def _forbidden(char: str) -> str:
    """What is wrong with a character :data:`_FORBIDDEN` finds, typed or escaped."""
    if char == "\t":
        return "a tab character; indent and separate with spaces"
    return f"an invisible control character (U+{ord(char):04X}); delete it"


def _check_escapes(event: Any, text: str) -> None:
    """Refuse a control character written as an escape ("\0", "\x0b", "\u2028"...) as
    if it were typed, at the escape's own line and column."""
    start, end = event.start_mark.index, event.end_mark.index
    for escape in _ESCAPE.finditer(text, start, end):
        code = escape.group()[1:]
        char = chr(int(code[1:], 16)) if code[0] in "xuU" and len(code) > 1 else _ESCAPED.get(code)
        if char is not None and _FORBIDDEN.fullmatch(char):
            line = text.count("\n", 0, escape.start()) + 1
            column = escape.start() - (text.rfind("\n", 0, escape.start()) + 1) + 1
            raise YamlProblem(line, column, _forbidden(char))
    # Not found where expected (a mark off by a line break): the scalar's own position.
    match = _FORBIDDEN.search(event.value)
    raise YamlProblem(*_at(event.start_mark), _forbidden(match.group() if match else "\0"))


def _parse(text: str, document: Document | None) -> Any:
    """The document's data, built from the parser's events; None for an empty file."""
    parser = _Parser(text)
    try:
        return _build(parser, document, text)
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found at the end of the file; point at where it opened.
        unclosed = "quoted scalar" in (error.context or "")
        mark = error.context_mark if unclosed else error.problem_mark or error.context_mark
        line, column = _at(mark)
        raise YamlProblem(line, column, _explain_syntax_error(error, text)) from None
    finally:
        parser.dispose()


def _build(parser: Any, document: Document | None, text: str) -> Any:
    """Turn events into dicts, lists and strings, without recursion.

    Each open mapping or list is a frame on a stack: [the container, its location, the
    key waiting for its value]. Every refusal (aliases, anchors, tags, depth, duplicate
    keys, complex keys, several documents, control characters written as escapes)
    happens where the event is seen. This loop runs once per value of every file, so it
    dispatches on the event's type.
    """
    root: Any = None
    documents = 0
    stack: list[list[Any]] = []
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is _SCALAR or kind is _MAPPING or kind is _SEQUENCE:
            if kind is _SCALAR and event.style == '"' and _FORBIDDEN.search(event.value):
                _check_escapes(event, text)
            if stack:
                _add_node(event, kind, stack, document)
            else:
                root = _add_node(event, kind, stack, document)
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            stack.pop()
        elif kind is yaml.StreamEndEvent:
            return root
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    *_at(event.start_mark),
                    "the file holds more than one document ('---'); keep one document per file",
                )
        elif kind is yaml.AliasEvent:
            _refuse(event, len(stack))


def _add_node(event: Any, kind: type, stack: list[list[Any]], document: Document | None) -> Any:
    """The value of a scalar, mapping or list event, put where it belongs; returns it.

    A mapping or a list opens a frame; a scalar where a key is due becomes the frame's
    pending key. Locations and positions are recorded only when there is a document to
    record them in.
    """
    if event.anchor or event.tag not in _DEFAULT_TAGS or len(stack) >= MAX_DEPTH:
        _refuse(event, len(stack))
    if kind is _SCALAR:
        value: Any = None if event.implicit[0] and event.value in NULL_WORDS else event.value
    else:
        value = {} if kind is _MAPPING else []
    location: Location = ()
    if stack:
        frame = stack[-1]
        parent, where, key = frame
        if type(parent) is list:
            parent.append(value)
            key = len(parent) - 1
        elif key is _NO_KEY:
            _check_key(event, kind, parent, where, document)
            frame[2] = event.value
            return value
        else:
            parent[key] = value
            frame[2] = _NO_KEY
        if document is not None:
            location = (*where, key)
    if document is not None:
        document.values[location] = _at(event.start_mark)
    if kind is not _SCALAR:
        stack.append([value, location, _NO_KEY])
    return value


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent


def _refuse(event: Any, depth: int) -> None:
    """Raise the problem that makes this event unacceptable."""
    line, column = _at(event.start_mark)
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            line, column, "aliases (*name) are not allowed; write the value out in full"
        )
    if event.anchor:
        raise YamlProblem(
            line, column, f"anchors (&{event.anchor}) are not allowed; remove the '&' part"
        )
    if event.tag not in _DEFAULT_TAGS:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(line, column, f"YAML tags such as '{tag}' are not allowed; remove it")
    raise YamlProblem(
        line, column, f"nesting is deeper than {MAX_DEPTH} levels; content never needs this"
    )


def _check_key(
    event: Any, kind: type, parent: dict[str, Any], location: Location, document: Document | None
) -> None:
    if kind is not _SCALAR:
        raise YamlProblem(*_at(event.start_mark), "a key must be a plain word such as 'title'")
    key = event.value
    if key in parent:
        first = f" (first on line {document.keys[(*location, key)][0]})" if document else ""
        raise YamlProblem(
            *_at(event.start_mark), f"'{key}' appears twice in this block{first}; keep one"
        )
    if document is not None:
        document.keys[(*location, key)] = _at(event.start_mark)


def _explain_syntax_error(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "").strip()
    if "maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels)
        return f"nesting is deeper than {MAX_DEPTH} levels; content never needs this"
    if "quoted scalar" in (error.context or ""):
        return "YAML syntax error: this quoted value is never closed; add the closing quote"
    if "mapping values are not allowed" in problem:
        return _colon_in_value(text, error.problem_mark)
    if "could not find expected ':'" in problem:
        return "YAML syntax error: a line without 'key: value'; check the indentation above"
    return f"YAML syntax error: {problem}; check the quotes and indentation on this line"


_KEY_BEFORE = re.compile(r"[ ]*(?:-[ ]+)*(?P<key>[^\s:#'\"\[{][^:]*?):[ ]")
_LONE_KEY = re.compile(r"[ ]+(?P<key>[A-Za-z_][\w-]*):")


def _one_column_off(lines: list[str], index: int) -> bool:
    """Whether line ``index`` starts one column right of the key on the line above it."""
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    key = _KEY_BEFORE.match(above) or re.match(r"[ ]*(?:-[ ]+)*(?P<key>[\w-]+):", above)
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    return key is not None and indent == key.start("key") + 1


def _colon_in_value(text: str, mark: Any) -> str:
    """The advice CONTRIBUTING.md gives for a ': ' inside a value: '>-', naming the key.

    The key is named when the refused colon follows a 'key: ' on the same line; on a
    value's continuation line there is none to name.
    """
    lines = text.split("\n")
    line = lines[mark.line] if mark else ""
    lone = _LONE_KEY.match(line)
    if lone and mark and lone.end("key") == mark.column and _one_column_off(lines, mark.line):
        # "     name: ..." refused at its own colon, one column right of the key above: the
        # key was indented a space too far, so YAML read it as more of the value above.
        return (
            f"YAML syntax error: '{lone['key']}:' is one space to the right of the key above "
            "it; start it in the same column as the keys of its block"
        )
    key = _KEY_BEFORE.match(line)
    if key and mark and key.end() <= mark.column:
        write, under = f"'{key['key']}: >-'", f"'{key['key']}'"
    else:
        write, under = "'>-' after the key", "the key"
    return (
        f"YAML syntax error: a ': ' inside a value; write {write}, "
        f"then the value on the next line, indented more than {under}"
    )
