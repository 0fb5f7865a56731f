"""The records of checker/model.py: pickled compactly (``Packed``), rebuilt equal."""

from __future__ import annotations

import pickle

from checker.model import (
    Article,
    Claim,
    ClaimKind,
    Event,
    Figure,
    Finding,
    Note,
    Sentence,
    Slot,
    Tally,
    Verdict,
)


def test_records_survive_pickling_equal_and_of_their_class():
    slot = Slot("person", "killed", "denver")
    claim = Claim(
        "a",
        2,
        ClaimKind.QUANTITY,
        slot,
        "3 killed",
        "Police said 3 killed.",
        12,
        20,
        figure=Figure(3.0, 3.0, 3.0),
        notes=frozenset({Note.PARTIAL}),
        tally=Tally(5, 2),
    )
    records = [
        slot,
        claim,
        Article("a", "text", title="t", date="2020-01-02"),
        Sentence("a", 0, 0, 4, "text", paragraph=1),
        Event("E1", ("a", "b"), "label", "why"),
        Finding("F1", "E1", Verdict.CONTRADICTION, "numeric", "s", "x", 5, (claim,), 0.5),
    ]
    for record in records:
        back = pickle.loads(pickle.dumps(record))
        assert back == record
        assert type(back) is type(record)
        assert type(getattr(back, "kind", None)) is type(getattr(record, "kind", None))
