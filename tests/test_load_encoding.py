"""Encoding hints: the detector suggests --encoding, and never decodes anything itself."""

from __future__ import annotations

import pytest

from checker.load import load_paths
from checker.load.encoding import suggest_codec
from tests.helpers import DATA

RUSSIAN = (
    "Президент заявил, что 40 беспилотников были сбиты над Калугой ночью. "
    "Жители сообщили о взрывах, пострадавших нет.\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (RUSSIAN, "cp1251", "cp1251"),  # not cp1252, which would garble it
        ("Café “quoted” — 3 died. Naïve résumé.\n", "cp1252", "cp1252"),
        ("Ο πρόεδρος είπε ότι 40 drones καταρρίφθηκαν χθες.\n" * 3, "cp1253", "cp1253"),
    ],
)
def test_suggest_codec(text, codec, expected):
    assert suggest_codec(text.encode(codec)) == expected


def test_cp1251_file_gets_a_cp1251_hint(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    [error] = load_paths([str(path)]).errors
    assert error.hint == "it looks like cp1251: pass --encoding cp1251"


def test_windows_text_with_stray_bytes_gets_latin1_not_a_failing_cp1252():
    data = (DATA / "fakes-sample.cp1252.csv").read_bytes()
    assert suggest_codec(data) == "latin-1"
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")


def test_the_detector_never_decodes_a_file():
    """Without --encoding a cp1251 file is an error with a hint, not a guessed article."""
    loaded = load_paths([str(DATA / "fakes-sample.cp1252.csv")])
    assert loaded.articles == ()
    assert len(loaded.errors) == 1
