"""Relations: "part of the same wave" / "a separate incident"."""

from tests.helpers import claims_of


def test_relation_claims_same_and_separate():
    same = claims_of("Authorities believe it was part of the same wave of attacks.")
    sep = claims_of("The region reported a separate incident involving a drone.")
    assert [c.label for c in same if c.kind == "relation"] == ["same"]
    assert [c.label for c in sep if c.kind == "relation"] == ["separate"]
