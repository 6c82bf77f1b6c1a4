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

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

MAX_BYTES = 1_000_000
"""Largest content file accepted; a story's biggest file is a few tens of kilobytes."""

MAX_DEPTH = 20
"""Deepest nesting accepted; the content model needs five levels."""

NULL_WORDS = frozenset({"", "~", "null"})

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


def _at(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only; refuses aliases, anchors, tags and deep nesting on the way."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        # Every node gets its kind's default tag, so a scalar is never turned into a
        # bool, number or date, and any other tag on a node was written by the editor.
        return {
            ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
            SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
            MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        }[kind]

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line, column = _at(event.start_mark)
        if isinstance(event, AliasEvent):
            raise YamlProblem(
                line, column, "aliases (*name) are not allowed; write the value out in full"
            )
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor:
            raise YamlProblem(
                line, column, f"anchors (&{event.anchor}) are not allowed; remove the '&' part"
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlProblem(
                line, column, f"nesting is deeper than {MAX_DEPTH} levels; content never needs this"
            )
        node = super().compose_node(parent, index)
        assert node is not None  # only the document root can be absent
        self._depth -= 1
        return node


def read_document(path: Path) -> Document:
    """Read ``path`` into a :class:`Document`, or raise :class:`YamlProblem`."""
    text = _decode(_read_bytes(path))
    _check_characters(text)
    node = _compose(text)
    if node is None:
        raise YamlProblem(1, 1, "the file is empty", empty=True)
    if not isinstance(node, MappingNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        line, column = _at(node.start_mark)
        raise YamlProblem(
            line, column, f"the file holds {kind}; it must be a mapping of 'key: value' lines"
        )
    document = Document(path, {})
    document.data = _to_python(node, (), document)
    return document


def _read_bytes(path: Path) -> bytes:
    if path.is_symlink():
        raise YamlProblem(1, 1, "this file is a symbolic link; content files must be real files")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit; split it up"
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


def _check_characters(text: str) -> None:
    for line_number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if char == "\t":
                raise YamlProblem(
                    line_number, column, "a tab character; indent and separate with spaces"
                )
            if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
                raise YamlProblem(
                    line_number,
                    column,
                    f"an invisible control character (U+{ord(char):04X}); delete it",
                )


def _compose(text: str) -> Node | None:
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found at the end of the file; point at where it opened.
        unclosed = "quoted scalar" in (error.context or "")
        mark = error.context_mark if unclosed else error.problem_mark or error.context_mark
        line, column = _at(mark)
        raise YamlProblem(line, column, _explain_syntax_error(error)) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting first
        raise YamlProblem(1, 1, "nesting too deep to read") from None
    finally:
        loader.dispose()


def _explain_syntax_error(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    if "quoted scalar" in (error.context or ""):
        return "YAML syntax error: this quoted value is never closed; add the closing quote"
    if "expected a single document" in (error.context or "") + problem:
        return "the file holds more than one document ('---'); keep one document per file"
    if "mapping values are not allowed" in problem:
        return "YAML syntax error: a ': ' inside a value; put the whole value in double quotes"
    if "could not find expected ':'" in problem:
        return "YAML syntax error: a line without 'key: value'; check the indentation above"
    return f"YAML syntax error: {problem}; check the quotes and indentation on this line"


def _to_python(node: Node, location: Location, document: Document) -> Any:
    document.values[location] = _at(node.start_mark)
    defaults = (
        yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
        yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    )
    if node.tag not in defaults:
        line, column = _at(node.start_mark)
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(line, column, f"YAML tags such as '{tag}' are not allowed; remove it")
    if isinstance(node, ScalarNode):
        plain = node.style is None
        return None if plain and node.value.lower() in NULL_WORDS else node.value
    if isinstance(node, SequenceNode):
        return [_to_python(item, (*location, i), document) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    return _mapping_to_python(node, location, document)


def _mapping_to_python(node: MappingNode, location: Location, document: Document) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, column = _at(key_node.start_mark)
        if (
            not isinstance(key_node, ScalarNode)
            or key_node.tag != yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
        ):
            raise YamlProblem(line, column, "a key must be a plain word such as 'title'")
        key = key_node.value
        if key in result:
            first_line = document.keys[(*location, key)][0]
            raise YamlProblem(
                line,
                column,
                f"'{key}' appears twice in this block (first on line {first_line}); keep one",
            )
        document.keys[(*location, key)] = (line, column)
        result[key] = _to_python(value_node, (*location, key), document)
    return result
