"""Pair claims across the articles of one event.

Two claims are about the same thing when they share a slot: the same counted noun and predicate
class ("drone|downed"), the same absence, the same person's age. A place splits a slot only
when some report itself gives different figures for different places (Kaluga 40, Moscow 32);
otherwise reports that place a figure differently ("south Sacramento" / "Sacramento") or not at
all are still compared. Whole sentences are paired by fuzzy matching (RapidFuzz, on candidate
pairs found by blocking) so paraphrases count as support for one another.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from operator import itemgetter

from rapidfuzz import fuzz, utils

from checker.model import Claim, ClaimKind, Sentence, Slot
from checker.settings import DEFAULT, Settings

COMPARED_KINDS = (
    ClaimKind.QUANTITY,
    ClaimKind.MEASURE,
    ClaimKind.FACT,
    ClaimKind.ABSENCE,
    ClaimKind.RELATION,
    ClaimKind.AGE,
)

_PLACE_BOUND = (ClaimKind.ABSENCE, ClaimKind.FACT)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Claims from one or more articles about one slot."""

    key: Slot  # the slot as shown to the editor (the place most reports give)
    kind: ClaimKind
    claims: tuple[Claim, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({c.article for c in self.claims}))


def claim_order(c: Claim) -> tuple:
    return (c.article, c.sentence, c.start, c.end, c.kind, str(c.slot), c.label)


def base_key(c: Claim) -> tuple[str, str, str]:
    """The slot without its place: what is counted and what happened to it."""
    kind = ClaimKind.FACT if c.kind in (ClaimKind.QUANTITY, ClaimKind.FACT) else c.kind
    return kind, c.unit, c.predicate


def places_compatible(a: str, b: str) -> bool:
    """'south sacramento' and 'sacramento' are one place; '' matches nothing here."""
    if not a or not b:
        return False
    ta, tb = set(a.split()), set(b.split())
    return ta <= tb or tb <= ta


def align_claims(claims: Sequence[Claim]) -> tuple[Alignment, ...]:
    """Group the compared claims of one event by slot, splitting by place only where needed."""
    by_key: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=claim_order):
        if c.kind in COMPARED_KINDS:
            by_key[base_key(c)].append(c)
    out: list[Alignment] = []
    for key in sorted(by_key):
        group = by_key[key]
        parts = _split_by_place(group) if _place_splits(group) else [group]
        for part in parts:
            quantity = any(c.kind == ClaimKind.QUANTITY for c in part)
            kind = ClaimKind.QUANTITY if quantity else part[0].kind
            out.append(Alignment(_display_key(part, key), kind, tuple(part)))
    return tuple(out)


def _place_splits(group: Sequence[Claim]) -> bool:
    """Does any single report use the place to tell figures or facts apart? A consequence
    without a figure ("no injuries", "a fire") named in two different places is two facts."""
    if _bound(group):
        named = {c.place for c in group if c.place}
        if len(_distinct_places(named)) > 1:
            return True
    by_article: dict[str, set[str]] = defaultdict(set)
    values: dict[tuple[str, str], set] = defaultdict(set)
    for c in group:
        if c.place and not c.place_inherited and not c.partial:
            by_article[c.article].add(c.place)
            value = c.value if c.kind == ClaimKind.QUANTITY else (c.label or c.predicate)
            values[(c.article, c.place)].add(value)
    for article, places in by_article.items():
        distinct = _distinct_places(places)
        if len(distinct) > 1:
            seen = [values[(article, p)] for p in places]
            labelled = group[0].kind in (ClaimKind.ABSENCE, ClaimKind.RELATION)
            if labelled or len({frozenset(v) for v in seen}) > 1:
                return True
    return False


def _bound(group: Sequence[Claim]) -> bool:
    """Consequences without a figure only: a figure in the group makes it a count's slot."""
    return all(c.kind in _PLACE_BOUND for c in group)


def _distinct_places(places: set[str]) -> list[str]:
    out: list[str] = []
    for p in sorted(places, key=lambda p: (len(p), p)):
        if not any(places_compatible(p, q) for q in out):
            out.append(p)
    return out


def _split_by_place(group: Sequence[Claim]) -> list[list[Claim]]:
    """One part per place named outright. A claim whose place is inherited or unsaid joins the
    part most reports name (the event's own place) when one part clearly leads; when two
    places are named as often, it is compared with neither."""
    bound = _bound(group)  # a consequence belongs to the place it is told of
    anchors = _distinct_places(
        {c.place for c in group if c.place and (bound or not c.place_inherited)}
    )
    parts: dict[str, list[Claim]] = {p: [] for p in anchors}
    loose = []
    for c in group:
        match = [p for p in anchors if places_compatible(p, c.place)]
        if match and (bound or not c.place_inherited or len(match) == 1):
            parts[match[0]].append(c)
        else:
            loose.append(c)
    reports = sorted((len({c.article for c in parts[p]}), p) for p in anchors)
    if loose and reports and (len(reports) == 1 or reports[-1][0] > reports[-2][0]):
        parts[reports[-1][1]].extend(loose)
    return [sorted(parts[p], key=claim_order) for p in anchors if parts[p]]


def _display_key(part: Sequence[Claim], key: tuple[str, str, str]) -> Slot:
    places = sorted({c.place for c in part if c.place})
    counts = {p: sum(c.place == p for c in part) for p in places}
    place = max(places, key=lambda p: (counts[p], -len(p), p)) if places else ""
    _, unit, predicate = key
    return Slot(unit, predicate, place, part[0].slot.person)


# --------------------------------------------------------------------------- sentences


def normalise(text: str) -> str:
    return utils.default_process(text)


def similar_sentences(
    sentences: Mapping[str, Sequence[Sentence]],
    settings: Settings = DEFAULT,
    among: Collection[tuple[str, int]] | None = None,
) -> dict[tuple[str, int], tuple[tuple[str, int, float], ...]]:
    """For every sentence, the sentences of *other* articles that say much the same.

    Scored with token_sort_ratio, which punishes extra content less than ratio and, unlike
    token_set_ratio, does not call a sentence a match for any longer one that contains its
    words. Not all pairs: a text repeated word for word is scored once, and other candidates
    come from blocking (``candidate_pairs``), so the cost grows with the sentences of an
    event, not with their square.

    ``among`` ((article, index) keys; all sentences when None): only texts that one of them
    writes are paired with each other, the rest counting only in the words' frequencies, so a
    sentence among them finds the same sentences among them as with all paired (and their
    copies). Judging asks only about the sentences that frame (on GVA dev a tenth of an
    event's sentences, and its pairs a far smaller share).
    """
    flat = [s for art in sorted(sentences) for s in sentences[art]]
    copies: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(flat):
        copies[normalise(s.text)].append(i)
    texts = list(copies)
    owners = [{flat[i].article for i in copies[text]} for text in texts]
    wanted = _wanted_texts(sentences, flat, copies, among)
    if len(set().union(*(owners[u] for u in wanted))) < 2:
        return {(s.article, s.index): () for s in flat}  # no two articles to pair
    hits: dict[int, list[tuple[int, float]]] = defaultdict(list)
    # A text against itself pairs only its copies in other articles: none when one article
    # has them all (the score of such a pair is never read).
    repeated = [(u, u) for u in wanted if len(owners[u]) > 1]
    for u, v in repeated + sorted(candidate_pairs(texts, owners, settings, wanted)):
        score = _rounded_score(texts[u], texts[v], settings.statement_min_score)
        if score is None:
            continue
        for i in copies[texts[u]]:
            for j in copies[texts[v]]:
                if flat[i].article != flat[j].article:
                    hits[i].append((j, score))
                    if u != v:
                        hits[j].append((i, score))
    return {
        (s.article, s.index): tuple(
            (flat[j].article, flat[j].index, score) for j, score in sorted(hits.get(i, ()))
        )
        for i, s in enumerate(flat)
    }


def _wanted_texts(
    sentences: Mapping[str, Sequence[Sentence]],
    flat: Sequence[Sentence],
    copies: Mapping[str, list[int]],
    among: Collection[tuple[str, int]] | None,
) -> list[int]:
    """The texts (their numbers, in order) that a sentence ``among`` writes (all when None);
    found from the few sentences among them, not by asking of every sentence."""
    if among is None:
        return list(range(len(copies)))
    start, offset = {}, 0  # where each article's sentences begin in ``flat``
    for art in sorted(sentences):
        start[art] = offset
        offset += len(sentences[art])
    number = {text: u for u, text in enumerate(copies)}
    wanted = set()
    for article, index in among:
        mine = sentences.get(article, ())
        at = index if 0 <= index < len(mine) and mine[index].index == index else None
        if at is None:  # sentences not numbered by their position (made by hand)
            at = next((k for k, x in enumerate(mine) if x.index == index), None)
        if at is not None:
            wanted.add(number[normalise(flat[start[article] + at].text)])
    return sorted(wanted)


def _rounded_score(a: str, b: str, least: float) -> float | None:
    """token_sort_ratio in whole points (rounded half up), or None below ``least``."""
    score = fuzz.token_sort_ratio(a, b, processor=None, score_cutoff=least - 0.5)
    score = float(math.floor(score + 0.5))
    return score if score >= least else None


def candidate_pairs(
    texts: Sequence[str],
    owners: Sequence[set[str]],
    settings: Settings = DEFAULT,
    wanted: Sequence[int] | None = None,
) -> set[tuple[int, int]]:
    """Pairs (i < j) of distinct texts, not all of one article, that may say the same thing.

    Prefix filtering: words are ranked rarest first within the event, and each text is
    indexed under the first part of its ranked words (all but ``similar_prefix_share`` of
    them, plus one). Two texts that share at least that share of their words share one of
    those words, so the likely pairs are found. The most frequent words are left out of the
    index (see ``_indexed_words``), which bounds the work; lengths too different to reach
    ``statement_min_score`` are skipped. ``wanted``: only these texts are indexed, so only
    pairs of two of them are made (the words' ranks are still read over all texts).
    """
    words = [_content_words(text) for text in texts]
    frequency: Counter[str] = Counter(chain.from_iterable(words))
    rank = _indexed_words(frequency, settings)
    postings: dict[str, list[int]] = defaultdict(list)
    share = settings.similar_prefix_share
    for i in range(len(texts)) if wanted is None else wanted:
        ranked = sorted(filter(rank.__contains__, words[i]), key=rank.__getitem__)
        keep = len(ranked) - math.ceil(len(ranked) * share) + 1
        for w in ranked[:keep]:
            postings[w].append(i)
    indexed = {i for ids in postings.values() for i in ids}
    # as token_sort_ratio sees them
    lengths = {i: len(" ".join(texts[i].split())) for i in indexed}
    score = settings.statement_min_score - 0.5  # scores are rounded to whole points
    least = score / (200 - score)  # shortest / longest that can still reach it
    # the one article of a text that only one article writes, else None (owners never empty)
    only = {i: next(iter(owners[i])) if len(owners[i]) == 1 else None for i in indexed}
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2:
            continue
        for k, i in enumerate(ids):
            li, oi = lengths[i], only[i]
            for j in ids[k + 1 :]:
                lj = lengths[j]
                close = lj >= least * li if li >= lj else li >= least * lj
                # not all of one article
                if close and (oi is None or only[j] != oi):
                    pairs.add((i, j))
    return pairs


def _indexed_words(frequency: Counter[str], settings: Settings) -> dict[str, int]:
    """Words in at most ``similar_max_postings`` texts always; more frequent ones, rarest
    first, only while the pairs they make fit in ``similar_pair_budget``: a word in most
    sentences of an event names no particular statement, and would make all pairs. Each
    with its rank, rarest first (ties by the word): texts sort their words by it."""
    kept: dict[str, int] = {}
    spent = 0
    for word, count in sorted(frequency.items(), key=itemgetter(1, 0)):
        spent += count * (count - 1) // 2
        if count > settings.similar_max_postings and spent > settings.similar_pair_budget:
            break
        kept[word] = len(kept)
    return kept


def _content_words(text: str) -> set[str]:
    """The words of a normalised sentence that can tell statements apart (not 'a', 'of')."""
    return {w for w in text.split() if len(w) > 2}


class QuoteIndex:
    """Where a quotation could appear in an event's other reports, without scanning them all.

    ``carries`` scores the quote (partial_ratio) against the passages (a sentence and its
    neighbours) of other articles that share the most rare words with it: a passage that
    carries the quote, even reworded, shares its words. The cost per quote is bounded by
    ``quote_postings_budget`` and ``quote_passages``, not by the length of the event.
    """

    def __init__(
        self,
        sentences: Mapping[str, Sequence[Sentence]],
        settings: Settings,
        asked: Iterable[str] | None = None,
    ) -> None:
        """``asked``: the quotations ``carries`` will be asked about, when known; then only
        their words are indexed (the postings a quotation reads are the same)."""
        self._settings = settings
        self._asked = (
            None
            if asked is None
            else frozenset(w for q in asked for w in _content_words(normalise(q.lower())))
        )
        self._texts = {a: [s.text.lower() for s in sentences[a]] for a in sorted(sentences)}
        self._bodies = {a: " ".join(texts) for a, texts in self._texts.items()}

    @cached_property
    def _postings(self) -> dict[str, list[tuple[str, int]]]:
        """Each content word's sentences (article, index), built when a quotation is first
        not found word for word (in an event whose quotations all are, never)."""
        postings: dict[str, list[tuple[str, int]]] = defaultdict(list)
        asked = self._asked
        for a, texts in self._texts.items():
            for k, text in enumerate(texts):
                place = (a, k)
                if asked is None:
                    words: Iterable[str] = _content_words(normalise(text))
                else:  # the asked words are content words: their share of the text's words
                    words = asked.intersection(normalise(text).split())
                for w in words:
                    postings[w].append(place)
        return postings

    def carries(self, quote: str, article: str, least: float) -> bool:
        """Whether an article but ``article`` has ``quote`` word for word, or a passage whose
        partial_ratio with it reaches ``least``: the first such passage settles it, and
        partial_ratio gives up on a passage as soon as it cannot reach ``least``
        (``score_cutoff``)."""
        quote = quote.lower()
        if self._verbatim(quote, article):
            return least <= 100.0
        return any(
            fuzz.partial_ratio(quote, p, score_cutoff=least) >= least
            for p in self._passages(quote, article)
        )

    def _verbatim(self, quote: str, article: str) -> bool:
        """``quote`` (lower case) is written word for word in another article."""
        return any(quote in body for a, body in self._bodies.items() if a != article)

    def _passages(self, quote: str, article: str) -> Iterator[str]:
        """The passages of other articles sharing the most rare words with ``quote`` (lower
        case), best first, at most ``quote_passages`` (the best by a heap, not by sorting
        every sentence that shares a word: on GVA dev, hundreds for most quotations)."""
        postings = self._postings
        shared: dict[tuple[str, int], float] = {}
        add = shared.get
        budget = self._settings.quote_postings_budget
        words = sorted(_content_words(normalise(quote)), key=lambda w: len(postings.get(w, ())))
        for w in words:  # rarest first, while the budget lasts
            places = postings.get(w, ())
            budget -= len(places)
            if budget < 0:
                break
            if not places:
                continue
            weight = 1 / len(places)  # a rare word says more
            for place in places:
                if place[0] != article:
                    shared[place] = add(place, 0.0) + weight
        best = [(-weight, place) for place, weight in shared.items()]
        for _, (a, k) in heapq.nsmallest(self._settings.quote_passages, best):
            yield " ".join(self._texts[a][max(k - 1, 0) : k + 2])
