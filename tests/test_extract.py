"""The extraction dispatcher: which sentences are read for claims."""

from checker.extract import extract_claims
from checker.model import Article
from checker.settings import DEFAULT
from checker.split import split_article


def _claims(text: str):
    return extract_claims(split_article(Article("v", text), DEFAULT), DEFAULT)


def test_no_claim_is_read_from_a_video_playlist():
    """Its lines are the outlet's other stories: "2 killed" there is another event's toll."""
    page = (
        "Police: 4 people shot in southeast Fresno\n"
        "2:55 Two killed in Olathe bar attack, police say\n"
        "1:15 Man, 32, shot dead outside Sacramento market\n"
    )
    claims = _claims(page)
    assert {c.sentence for c in claims} == {0}
    assert any(c.figure is not None and c.figure.value == 4 for c in claims)


def test_a_single_timed_line_is_read():
    story = "Shooting in Fresno\n2:55 Two people were killed, police say.\nNo arrests."
    assert 1 in {c.sentence for c in _claims(story)}


def test_names_are_kept_for_the_first_sentences_only():
    """Grouping's people rule reads an article's first ``group_people_chars`` characters."""
    from checker.extract import extract

    text = "Jordan Lane was shot in Des Moines.\n" + "A man was hurt. " * 300 + "Jane Doe spoke."
    names = extract(split_article(Article("v", text), DEFAULT), DEFAULT).names
    first = names["Jordan Lane was shot in Des Moines."]
    assert "jordan lane" in first.people and first.places == {"des moines"}
    assert "Jane Doe spoke." not in names


def test_closed_gates_hide_no_claim(monkeypatch):
    """A reader is not started on a sentence its gate shuts out (``claims.base.Gate``), which
    must change nothing but the time: the claims are those of every reader started on every
    sentence, on real reports of shootings, other news and the seeds."""
    import checker.extract as extraction
    from checker.claims.registry import READERS
    from checker.load import load_paths
    from tests.helpers import DATA, SEEDS

    paths = [str(DATA / "gva-discrepancies.jsonl"), str(DATA / "ecbplus-20.jsonl"), str(SEEDS)]
    sentences = [split_article(a, DEFAULT) for a in load_paths(paths).articles]
    gated = [extract_claims(s, DEFAULT) for s in sentences]
    ungated = tuple((read, None) for read, _ in READERS)
    monkeypatch.setattr(extraction, "_gated_readers", lambda lex: ungated)
    assert gated == [extract_claims(s, DEFAULT) for s in sentences]
    assert sum(map(len, gated)) > 500  # the reports hold claims of most kinds


def test_gates_shut_most_readers_out_of_most_sentences():
    """The point of the gates: a sentence with no number and none of a reader's words does
    not start the readers of figures, records, charges or framing."""
    from checker.claims.registry import READERS
    from checker.extract import _gated_readers
    from checker.lexicons import lexicon
    from checker.text.tokens import sentence_bits, tokenize

    bits = sentence_bits(tokenize("The family gathered at the church on the hill."))
    gates = _gated_readers(lexicon())
    started = {
        read.__module__.split(".")[-1] for read, gate in gates if not gate or gate.opens(bits)
    }
    assert started == {"venue"}
    bits = sentence_bits(tokenize("Two men were shot dead on Friday, police said."))
    started = {
        read.__module__.split(".")[-1] for read, gate in gates if not gate or gate.opens(bits)
    }
    assert {"count", "fact", "time"} <= started and "record" not in started
    assert len(gates) == len(READERS)


def _sources(text: str) -> list[tuple[int, str, bool]]:
    return [(c.sentence, c.attribution, c.attribution_inherited) for c in _claims(text)]


def test_a_sentence_without_a_source_carries_its_paragraphs_checkable_one():
    """'Police said ... . The man was possibly targeted.': read back through a sentence that
    makes no claim (whose source is read only when a later sentence asks for it), not across
    a paragraph break, and not from a vague source."""
    carried = "Police said the shooting began at night. He ran away. Two people were killed."
    assert _sources(carried) == [(0, "Police", False), (2, "Police", True)]
    apart = "Police said the shooting began at night.\n\nTwo people were killed."
    assert _sources(apart) == [(0, "Police", False), (1, "", False)]
    vague = "Witnesses said shots rang out. Two people were killed."
    assert _sources(vague) == [(0, "Witnesses", False), (1, "", False)]


def test_a_quotation_left_open_speaks_for_its_speaker():
    text = (
        'Jane Roe said: "I heard it all. Two men were shot dead on the street." Three others fled.'
    )
    assert _sources(text) == [(1, "Jane Roe", False), (2, "Jane Roe", True)]
