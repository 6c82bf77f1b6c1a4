"""Pagefind's index, byte-identical from one build of the same site to the next.

Pagefind 1.5 writes the values of a filter (the ``story`` filter: one value per story)
in the order of a hash map seeded at random on every run, so each build of a site of two
stories or more gives its filter file, and the files that name it, other bytes and other
names (its source says so: "TODO: Change filter indexes to BTree to give them a stable
hash", pagefind/src/index/mod.rs). :func:`settle_filters` rewrites them in a fixed order
after Pagefind has run: each filter's values sorted by name, each value's pages by number,
the filters by name; then the names that follow from the bytes, as Pagefind makes them
(the first hex digits of a SHA-1), in the metadata file that lists the filters and in
``pagefind-entry.json`` that names the metadata file.

The pages' numbers are settled before: :func:`generator.publish.search.index_site`
hands Pagefind the pages in the order of their paths, not in the order a file system
lists them (tests/test_search.py).

The files are Pagefind's: gzip of ``pagefind_dcd`` followed by CBOR (minicbor: arrays of
definite length, text, unsigned integers). :func:`_decode` and :func:`_encode` read and
write just that; anything else is from a Pagefind this code does not know, and fails.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import TypeAlias

FILTER_DIGITS = 7
"""Hex digits of a filter file's name after the language (a metadata file's name has the
language's length and 8 more)."""
SIGNATURE = b"pagefind_dcd"
"""What Pagefind writes before the CBOR of each of its binary files, inside the gzip."""

Value: TypeAlias = "int | str | list[Value]"
"""What a Pagefind file holds: numbers, text and arrays of them."""


class UnknownIndexFormat(ValueError):
    """A Pagefind file holds CBOR of a kind this module does not write back."""


def settle_filters(bundle: Path) -> None:
    """Rewrite the filter files of the index in ``bundle`` (the site's ``pagefind/``) in a
    fixed order, and the names that follow from them. A site without filters is left as is."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for prefix, language in entry["languages"].items():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(old_meta)
        if not isinstance(meta, list) or len(meta) < 4 or not isinstance(meta[3], list):
            raise UnknownIndexFormat(f"{old_meta}: not Pagefind 1.5's metadata")
        if not meta[3]:
            continue  # no filter: nothing in a random order
        filters: list[tuple[str, str]] = []
        for item in meta[3]:
            if not isinstance(item, list) or len(item) != 2:
                raise UnknownIndexFormat(f"{old_meta}: a filter that is not [name, hash]")
            name, old_hash = item
            old_file = bundle / "filter" / f"{old_hash}.pf_filter"
            index = _encode(_settled(_read(old_file)))
            new_hash = _short_name(prefix, index, FILTER_DIGITS)
            old_file.unlink()
            _write(bundle / "filter" / f"{new_hash}.pf_filter", index)
            filters.append((str(name), new_hash))
        meta[3] = [[name, new_hash] for name, new_hash in sorted(filters)]
        encoded = _encode(meta)
        new_meta_hash = _short_name(prefix, encoded, len(prefix) + 8)
        old_meta.unlink()
        _write(bundle / f"pagefind.{new_meta_hash}.pf_meta", encoded)
        language["hash"] = new_meta_hash
    written = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    entry_path.write_text(written, encoding="utf-8")


def _settled(index: Value) -> Value:
    """A filter file ([name, [[value, [page, ...]], ...]]) with its values sorted by name
    and each value's pages by number."""
    if not (isinstance(index, list) and len(index) == 2 and isinstance(index[1], list)):
        raise UnknownIndexFormat("a filter file that is not [name, values]")
    values: list[tuple[str, list[Value]]] = []
    for value in index[1]:
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
            raise UnknownIndexFormat("a filter value that is not [value, pages]")
        values.append((str(value[0]), sorted(value[1], key=_number)))
    return [index[0], [[name, pages] for name, pages in sorted(values, key=lambda v: v[0])]]


def _number(value: Value) -> int:
    if not isinstance(value, int):
        raise UnknownIndexFormat("a page number that is not a number")
    return value


def _short_name(language: str, cbor: bytes, digits: int) -> str:
    """Pagefind's name for a file of these bytes: the language, ``_``, and the first
    ``digits`` of their SHA-1 written as Pagefind writes it (each byte in hex, unpadded)."""
    written = "".join(f"{byte:x}" for byte in hashlib.sha1(cbor, usedforsecurity=False).digest())
    return f"{language}_{written[:digits]}"


def _read(path: Path) -> Value:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownIndexFormat(f"{path}: not a Pagefind file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise UnknownIndexFormat(f"{path}: bytes after the CBOR")
    return value


def _write(path: Path, cbor: bytes) -> None:
    """A Pagefind file of this CBOR (:func:`_encode`'s), gzipped as the same bytes each time."""
    path.write_bytes(gzip.compress(SIGNATURE + cbor, compresslevel=9, mtime=0))


def _decode(data: bytes, at: int) -> tuple[Value, int]:
    """One CBOR item of ``data`` from ``at``: its value and where the next item starts."""
    major, length, at = _head(data, at)
    if major == 0:
        return length, at
    if major == 3:
        return data[at : at + length].decode("utf-8"), at + length
    if major == 4:
        items: list[Value] = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise UnknownIndexFormat(f"CBOR of major type {major}")


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    first = data[at]
    major, info = first >> 5, first & 0x1F
    if info < 24:
        return major, info, at + 1
    if info > 27:
        raise UnknownIndexFormat("CBOR of indefinite length")
    size = 1 << (info - 24)
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def _encode(value: Value) -> bytes:
    if isinstance(value, bool):
        raise UnknownIndexFormat("a boolean")
    if isinstance(value, int):
        return _encode_head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    return _encode_head(4, len(value)) + b"".join(_encode(item) for item in value)


def _encode_head(major: int, length: int) -> bytes:
    """A CBOR head in its shortest form, as minicbor writes it."""
    if length < 24:
        return bytes([major << 5 | length])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([major << 5 | info]) + length.to_bytes(size, "big")
    raise UnknownIndexFormat("a number too large for CBOR")
