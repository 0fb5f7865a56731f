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


def _all_pairs(sentences, least=80.0):
    """Reference: every pair of sentences of different articles, scored one by one."""
    from rapidfuzz import fuzz

    from checker.align import normalise

    flat = [x for a in sorted(sentences) for x in sentences[a]]
    out = {}
    for x in flat:
        hits = []
        for y in flat:
            if y.article != x.article:
                score = fuzz.token_sort_ratio(normalise(x.text), normalise(y.text))
                if int(score + 0.5) >= least:
                    hits.append((y.article, y.index, float(int(score + 0.5))))
        out[(x.article, x.index)] = tuple(hits)
    return out


def test_blocking_finds_the_pairs_all_pairs_scoring_finds():
    """On a real event (ECB+ dev topic 20, shipped in tests/data) blocking loses no pair."""
    from checker.load import load_paths
    from checker.split import split_article

    articles = load_paths(["tests/data/ecbplus-20.jsonl"]).articles
    sentences = {a.id: split_article(a) for a in articles}
    expected = _all_pairs(sentences)
    assert sum(map(len, expected.values())) > 20  # the event has paraphrases to find
    assert similar_sentences(sentences) == expected


def test_pairs_among_some_sentences_are_those_found_over_all():
    """Asked about some sentences only (judging asks about those that frame), each of them
    finds the same similar sentences among them as when every sentence is paired."""
    from checker.load import load_paths
    from checker.split import split_article

    articles = load_paths(["tests/data/ecbplus-20.jsonl"]).articles
    sentences = {a.id: split_article(a) for a in articles}
    everything = similar_sentences(sentences)
    among = {key for key, found in everything.items() if found}
    among = set(sorted(among)[::2]) | {key for key in everything if key[1] % 5 == 0}
    some = similar_sentences(sentences, among=among)

    def within(found):
        return [hit for hit in found if hit[:2] in among]

    assert sum(len(within(everything[key])) for key in among) > 5  # pairs to find
    for key in among:
        assert within(some[key]) == within(everything[key])
    assert similar_sentences(sentences, among=set()) == {key: () for key in everything}


def test_words_in_every_sentence_make_no_candidate_pairs():
    """A word in more sentences than the budget allows is not indexed: cost stays bounded."""
    from dataclasses import replace

    from checker.align import candidate_pairs
    from checker.settings import DEFAULT

    texts = [f"common words everywhere token{k}" for k in range(200)]
    owners = [{"a"} if k % 2 else {"b"} for k in range(200)]
    tight = replace(DEFAULT, similar_max_postings=10, similar_pair_budget=100)
    assert candidate_pairs(texts, owners, tight) == set()
    assert len(candidate_pairs(texts, owners, DEFAULT)) == 100 * 100


def test_a_sentence_repeated_word_for_word_is_matched_in_every_other_report():
    text = "The governor called for calm after the attack."
    sentences = {a: [s(a, 0, text)] for a in ("a", "b", "c")}
    pairs = similar_sentences(sentences)
    assert pairs[("a", 0)] == (("b", 0, 100.0), ("c", 0, 100.0))
    assert pairs[("c", 0)] == (("a", 0, 100.0), ("b", 0, 100.0))


def test_quote_index_finds_a_quote_in_another_report_only():
    from rapidfuzz import fuzz

    from checker.align import QuoteIndex
    from checker.settings import DEFAULT

    quote = "we will rebuild every house that was destroyed"
    sentences = {
        "a": [s("a", 0, f'The mayor said: "{quote}."')],
        "b": [
            s("b", 0, "The mayor spoke."),
            s("b", 1, "We will rebuild every home that was destroyed."),
        ],
        "c": [s("c", 0, "Nothing about it here at all.")],
    }
    index = QuoteIndex(sentences, DEFAULT)
    body = "the mayor spoke. we will rebuild every home that was destroyed."
    full_scan = fuzz.partial_ratio(quote, body)
    # the best passage scores exactly what a full scan of b scores
    assert index.carries(quote, "a", full_scan)
    assert not index.carries(quote, "a", full_scan + 1e-6)
    assert full_scan >= DEFAULT.paraphrase_min_score
    assert index.carries(quote, "b", 100.0)  # found in a, word for word
    only_c = QuoteIndex({"a": sentences["a"], "c": sentences["c"]}, DEFAULT)
    assert not only_c.carries(quote, "a", DEFAULT.paraphrase_min_score)
    assert only_c.carries(quote, "c", 100.0)  # a, seen from c, has it word for word


def test_a_quote_index_of_the_asked_quotes_words_answers_as_the_whole_index():
    """Indexing only the words of the quotations it will be asked about (judging knows them
    all beforehand) changes no answer: on ECB+ dev topic 20, every quotation asked from
    every report, at several scores."""
    from checker.align import QuoteIndex
    from checker.claims.quote import QUOTED
    from checker.load import load_paths
    from checker.settings import DEFAULT
    from checker.split import split_article

    articles = load_paths(["tests/data/ecbplus-20.jsonl"]).articles
    sentences = {a.id: split_article(a) for a in articles}
    quotes = [m.group(1) for ss in sentences.values() for x in ss for m in QUOTED.finditer(x.text)]
    quotes += ["the police said the gunman was killed", "an earthquake struck the island"]
    whole = QuoteIndex(sentences, DEFAULT)
    asked = QuoteIndex(sentences, DEFAULT, quotes)
    answers = []
    for quote in quotes:
        for article in sorted(sentences):
            for least in (60.0, 82.0, 95.0):
                answer = whole.carries(quote, article, least)
                assert asked.carries(quote, article, least) == answer
                answers.append(answer)
    assert len(quotes) > 5 and any(answers) and not all(answers)
