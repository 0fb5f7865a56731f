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


def decode(data: bytes | str, path: str, codec: str, sample: int = 1_000_000) -> str:
    """Text without a byte-order mark, whichever codec was named (utf-8 keeps it). On a
    decoding error the first ``sample`` bytes go to the detector behind the hint."""
    if isinstance(data, bytes):
        _refuse_binary(data, path, codec)
        try:
            data = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _decode_error(data, path, codec, error.start, sample) from None
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


def _decode_error(data: bytes, path: str, codec: str, offset: int, sample: int) -> InputError:
    line = data.count(b"\n", 0, offset) + 1
    label = "UTF-8" if codec.startswith("utf-8") else codec
    reason = f"not valid {label}: byte 0x{data[offset]:02x} at offset {offset} (line {line})"
    if codec in ("cp1252", "windows-1252"):
        return InputError(path, reason, _LATIN1_HINT)
    guess = suggest_codec(data[:sample])
    if guess is None or codecs.lookup(guess).name == codecs.lookup(codec).name:
        return InputError(path, reason, "pass --encoding with the file's encoding, or latin-1")
    if guess == "latin-1":
        return InputError(path, reason, _LATIN1_HINT + "; it reads like cp1252 with stray bytes")
    return InputError(path, reason, f"it looks like {guess}: pass --encoding {guess}")


def suggest_codec(data: bytes) -> str | None:
    """The encoding to suggest to the user, from charset-normalizer; never used to decode.

    The detector tells scripts apart well (a Cyrillic file is cp1251, not cp1252) but not the
    code pages of Latin text (it may say cp775 for a Windows file), so for Latin text cp1252
    is preferred where it reads the bytes as well, and latin-1 where bytes cp1252 lacks stray.
    """
    import charset_normalizer  # only on this error path: it takes a moment to import

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    chaos = {name: m.chaos for m in matches for name in m.could_be_from_charset}  # ties too
    if chaos.get("cp1252", 1.0) <= best.chaos:
        return "cp1252"
    if any(not name.startswith(_LATIN_BLOCKS) for name in best.alphabets):
        return _windows_first(chaos, best.chaos) or best.encoding
    if _stray_cp1252(data):
        return "latin-1"
    return best.encoding


def _windows_first(chaos: dict[str, float], least: float) -> str | None:
    """Of the encodings that read the bytes best, a Windows code page: the usual legacy
    encoding of news text (the detector may rank mac_cyrillic above cp1253 for Greek)."""
    tied = sorted(name for name, value in chaos.items() if value <= least)
    return next((name for name in tied if name.startswith("cp125")), None)


def _stray_cp1252(data: bytes) -> bool:
    """Latin text that cp1252 fails on only for the bytes it does not define (0x81, 0x8d ...):
    Windows text with stray bytes, which latin-1 reads as cp1252 (see clean.py)."""
    return any(bytes([byte]) in data for byte in _CP1252_UNDEFINED)


_LATIN1_HINT = "pass --encoding latin-1, which accepts every byte"
_LATIN_BLOCKS = ("Basic Latin", "Latin", "Control character", "General Punctuation")
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
