"""Bytes to text with the codec the user named; a wrong codec is an error with a hint."""

from __future__ import annotations

import codecs

from checker.errors import InputError


def check_codec(name: str | None) -> str:
    """Check --encoding once, up front: a typo would otherwise fail every file alike."""
    if name is None:
        return "utf-8-sig"
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(
            "--encoding",
            f"unknown text encoding {name!r}",
            "use a codec name such as utf-8, cp1252 or latin-1",
        )
    return info.name


def decode(data: bytes | str, path: str, codec: str) -> str:
    """Text without a byte-order mark, whichever codec was named (utf-8 keeps it)."""
    if isinstance(data, bytes):
        _refuse_binary(data, path, codec)
        try:
            data = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _decode_error(data, path, codec, error.start) from None
    return data.removeprefix("\ufeff")


def _refuse_binary(data: bytes, path: str, codec: str) -> None:
    offset = data.find(b"\x00")
    if offset < 0 or codec.startswith(("utf-16", "utf-32")):
        return  # NUL bytes are normal in UTF-16/32
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        reason = "looks like UTF-16 (it starts with a byte-order mark)"
        raise InputError(path, reason, "pass --encoding utf-16, or save it as UTF-8")
    reason = f"binary file: NUL byte at offset {offset}"
    raise InputError(path, reason, "give text files: .txt, .md, .csv or .jsonl")


def _decode_error(data: bytes, path: str, codec: str, offset: int) -> InputError:
    line = data.count(b"\n", 0, offset) + 1
    label = "UTF-8" if codec.startswith("utf-8") else codec
    reason = f"not valid {label}: byte 0x{data[offset]:02x} at offset {offset} (line {line})"
    if codec in ("cp1252", "windows-1252"):
        hint = "pass --encoding latin-1, which accepts every byte"
    else:
        hint = "pass --encoding cp1252 (or latin-1)"
    return InputError(path, reason, hint)
