from checker.align import align_claims, places_compatible, similar_sentences
from checker.model import Claim, ClaimKind, Figure, Sentence, Slot


def q(article, value, place, sentence=0, unit="drone", predicate="downed", inherited=False):
    return Claim(
        article,
        sentence,
        ClaimKind.QUANTITY,
        Slot(unit, predicate, place),
        str(value),
        "t",
        figure=Figure(value, value, value),
        place_inherited=inherited,
    )


def test_place_splits_a_slot_only_when_one_report_does():
    claims = [
        q("a", 40, "kaluga", 1),
        q("a", 32, "moscow", 2),
        q("b", 40, "kaluga"),
        q("b", 32, "moscow", 3),
        q("c", 41, ""),
    ]
    groups = {str(al.key): {(c.article, c.value) for c in al.claims} for al in align_claims(claims)}
    assert groups["kaluga|drone|downed"] == {("a", 40), ("b", 40)}
    assert groups["moscow|drone|downed"] == {("a", 32), ("b", 32)}
    # the placeless figure is ambiguous between two places and is compared with neither
    assert not any(("c", 41) in g for g in groups.values())


def test_reports_that_place_a_figure_differently_are_still_compared():
    claims = [
        q("a", 16, "bunny friend playground", unit="person", predicate="injured"),
        q("b", 17, "ninth ward", unit="person", predicate="injured"),
    ]
    (al,) = align_claims(claims)
    assert al.articles == ("a", "b")


def test_nested_place_names_are_one_place():
    assert places_compatible("south sacramento", "sacramento")
    assert not places_compatible("kaluga", "moscow")
    assert not places_compatible("", "moscow")


def test_different_predicates_are_never_aligned():
    claims = [
        q("a", 3, "x", predicate="killed", unit="person"),
        q("b", 5, "x", predicate="injured", unit="person"),
    ]
    assert len(align_claims(claims)) == 2


def test_alignment_does_not_depend_on_claim_order():
    claims = [q("a", 40, "kaluga", 1), q("a", 32, "moscow", 2), q("b", 40, "kaluga")]
    assert align_claims(claims) == align_claims(list(reversed(claims)))


def s(article, index, text):
    return Sentence(article, index, 0, len(text), text)


def test_similar_sentences_pairs_paraphrases_across_reports_only():
    sentences = {
        "a": [
            s("a", 0, "Flights were redirected to Saint Petersburg, Nizhny Novgorod and Kazan."),
            s("a", 1, "Flights were redirected to Saint Petersburg, Nizhny Novgorod and Kazan!"),
        ],
        "b": [
            s("b", 0, "Flights were diverted to Saint Petersburg, Nizhny Novgorod and Kazan."),
            s("b", 1, "The governor called for calm."),
        ],
    }
    pairs = similar_sentences(sentences)
    assert [(a, i) for a, i, _ in pairs[("a", 0)]] == [("b", 0)]
    assert pairs[("b", 1)] == ()
