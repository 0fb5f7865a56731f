"""Group articles into events: which reports tell of the same night, the same shooting.

The steps, one module each (all sorted, so the result does not depend on the input order):

1. ``features``: each article (title, then text) becomes a bag of features (names, pairs of
   names, numbers with their word, days, years, content words); ``anchors`` adds the
   extractor's exact quantity claims as anchor facts (``kaluga|drone|downed=40``).
2. ``vectors``: TF-IDF rows (``scipy.sparse``) with the collection's statistics (document
   frequencies, words the collection writes in lower case) computed once and passed in.
3. ``blocking``: candidate pairs from rare shared features only.
4. ``scoring``: cosine x date factor (``dates``) x counter-evidence factors (``conflicts``:
   addresses, ages, figures; ``people``: no person in common across a long gap), each <= 1.
5. ``cluster``: connected components of the pairs at ``group_threshold``, then average
   linkage inside each; ``split``: a large event that is two look-alikes is cut in two;
   ``recall``: a lone report or fragment joins the event whose decisive facts it shares, or
   the one it scores far best with and whose main person it names (the margin pass); a
   page with nothing of its own but a headline joins the event it plainly belongs to after
   the clustering, and never links two reports (``recall.follow_headlines``).
6. ``explain``: the ``why`` and ``label`` of each event.

Events are numbered E1, E2, ... largest first, ties by the smallest article id; each lists its
articles sorted by id. ``overrides`` applies an editor's events file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from checker.group.blocking import candidates
from checker.group.cluster import blocks, cluster_blocks, mean_score
from checker.group.conflicts import build_evidence
from checker.group.dates import Told, date_factors
from checker.group.digest import Digest, digest
from checker.group.explain import explain, look_alikes, nearest
from checker.group.gather import Gathered
from checker.group.measure_split import split_measures
from checker.group.overrides import apply_overrides, load_event_overrides
from checker.group.people import People
from checker.group.places import own_places
from checker.group.recall import follow_headlines, reattach, reattach_by_margin
from checker.group.scoring import Scorer
from checker.group.split import split_look_alikes
from checker.model import Article, Claim, Event
from checker.settings import DEFAULT, Settings

__all__ = [
    "Digest",
    "Gathered",
    "Grouping",
    "apply_overrides",
    "digest",
    "find_events",
    "group_events",
    "load_event_overrides",
    "prepare",
]


def prepare(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings,
    digests: Mapping[str, Digest] | None = None,
    gathered: Gathered | None = None,
) -> Scorer:
    """Everything pair scores need about these articles (rows in the order given).
    ``digests``: each article's digest by id, when the per-article stage made them already;
    ``gathered``: those digests read as they came (``gather``), else they are read here."""
    digs = [
        digests[a.id] if digests is not None else digest(a, claims.get(a.id, ()), settings)
        for a in articles
    ]
    ids = [a.id for a in articles]
    if gathered is None:
        gathered = Gathered(ids)
        gathered.add(digs)
    common = gathered.common(settings)
    vectors = gathered.vectors(ids, digs, common, settings)
    evidence = build_evidence(
        [d.addresses for d in digs],
        [d.ages for d in digs],
        [d.anchors for d in digs],
        [d.decisive for d in digs],
        [d.leads for d in digs],
    )
    dates = np.asarray([d.date for d in digs], dtype=np.int64)
    places = [own_places(d.places, common) for d in digs]
    return Scorer(
        vectors=vectors,
        evidence=evidence,
        dates=dates,
        date_table=date_factors([d for d in dates if d >= 0], settings),
        days=np.asarray([d.day for d in digs], dtype=np.int64),
        places=places,
        placed=np.asarray([bool(p) for p in places], dtype=bool),
        words=[d.words for d in digs],
        told=Told.of([d.told for d in digs], dates),
        people=People.of([d.people for d in digs], [d.place_names for d in digs], settings),
        headline_only=np.asarray(
            [d.headline_only and settings.group_headlines_follow for d in digs], dtype=bool
        ),
        settings=settings,
    )


def _content_key(article: Article) -> tuple[str, ...]:
    return (
        article.text,
        article.title,
        article.date or "",
        article.source or "",
        article.url or "",
        article.id,
    )


def group_events(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
    digests: Mapping[str, Digest] | None = None,
) -> tuple[Event, ...]:
    """Group articles into events; every article is in exactly one event.

    ``claims`` maps an article id to its extracted claims (may be empty): exact quantity
    claims give anchor facts (shared: evidence for; disagreeing: evidence against).
    ``digests`` (optional): each article's ``Digest`` by id, made with these claims and
    settings where the articles were read; without them they are made here.
    """
    return find_events(articles, claims, settings, digests).explained()


@dataclass(frozen=True)
class Grouping:
    """The events found, numbered, before their ``label`` and ``why`` are written: judging
    needs only each event's id and articles, so the pipeline sends the events to be judged
    and explains them meanwhile (``bare``, then ``explained``)."""

    scorer: Scorer | None
    ids: list[str]
    clusters: list[tuple[np.ndarray, float]]
    cuts: list[tuple[int, int, str, str]]
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray]  # candidate pairs i, j and their cosines
    order: list[int]  # clusters in event order
    names: list[str]  # E1, E2, ... of each cluster
    members: list[list[str]]  # the article ids of each cluster, sorted

    def bare(self) -> tuple[Event, ...]:
        """The events with their ids and articles only (no label, no why)."""
        return tuple(Event(id=self.names[k], articles=tuple(self.members[k])) for k in self.order)

    def explained(self) -> tuple[Event, ...]:
        """The events with their ``label`` and ``why``."""
        if self.scorer is None:
            return ()
        scorer, names, clusters = self.scorer, self.names, self.clusters
        i, j, cos = self.pairs
        closest = nearest(scorer, i, j, cos)
        event_of = np.empty(len(self.ids), dtype=np.int64)
        for k in self.order:
            event_of[clusters[k][0]] = k
        apart = look_alikes(scorer, event_of, i, j, cos, names)
        for a, b, name_a, name_b in self.cuts:  # the cut's reason first: it is why they are apart
            for k, other, mine, theirs in ((a, b, name_a, name_b), (b, a, name_b, name_a)):
                ek, eo = int(event_of[k]), int(event_of[other])
                if ek != eo:
                    apart[ek] = f"cut from {names[eo]}: {mine} vs {theirs}"
        events = []
        for k in self.order:
            idx, mean = clusters[k]
            label, why = explain(scorer, self.ids, [int(m) for m in idx], mean, closest)
            if k in apart:
                why = f"{why}; {apart[k]}"
            events.append(Event(id=names[k], articles=tuple(self.members[k]), label=label, why=why))
        return tuple(events)


def find_events(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
    digests: Mapping[str, Digest] | None = None,
    gathered: Gathered | None = None,
) -> Grouping:
    """``group_events`` up to the events' members and names (see ``Grouping``);
    ``gathered``: the digests as the pipeline read them while they came (``prepare``)."""
    unique: dict[str, Article] = {}
    for art in sorted(articles, key=_content_key):
        unique.setdefault(art.id, art)
    # Work in content order, not id order: ties then break the same way whatever the ids.
    arts = sorted(unique.values(), key=_content_key)
    if not arts:
        none = np.zeros(0, dtype=np.int64)
        return Grouping(None, [], [], [], (none, none, np.zeros(0)), [], [], [])
    ids = [a.id for a in arts]
    scorer = prepare(arts, claims, settings, digests, gathered)
    threshold = settings.group_threshold
    i, j = candidates(scorer.vectors, settings)
    cos = scorer.cosines(i, j)
    # Every factor is <= 1: a pair whose cosine is below the threshold is no edge anyway.
    near = cos >= min(threshold, settings.group_recall_threshold)
    score = np.zeros_like(cos)
    score[near] = cos[near] * scorer.factors(i[near], j[near])
    follower = scorer.headline_only
    touches = follower[i] | follower[j]  # pairs with a headline page: it joins, never links
    linked = np.where(touches, 0.0, score)
    everyone = np.arange(len(arts))
    found = blocks(everyone, i, j, linked, threshold, settings.group_max_block)
    clusters = cluster_blocks(scorer, found, threshold)
    linked_means = {_members_key(c): mean for c, mean in clusters}
    parts = [c for c, _ in clusters if not follower[c[0]]]
    heads = [int(c[0]) for c, _ in clusters if follower[c[0]]]  # each alone: it had no edge
    parts, cuts = split_look_alikes(scorer, parts)
    parts, measure_cuts = split_measures(scorer, parts)
    cuts += measure_cuts
    kept = ~touches
    parts = reattach(scorer, parts, i[kept], j[kept], score[kept])
    parts = reattach_by_margin(scorer, parts, i[kept], j[kept], score[kept])
    parts = follow_headlines(scorer, parts, heads, i[touches], j[touches])
    clusters = _with_means(scorer, parts, linked_means)
    members = [sorted(ids[int(m)] for m in c) for c, _ in clusters]
    order = sorted(range(len(clusters)), key=lambda k: (-len(members[k]), members[k][0]))
    names = [""] * len(clusters)
    for number, k in enumerate(order, start=1):
        names[k] = f"E{number}"
    return Grouping(scorer, ids, clusters, cuts, (i, j, cos), order, names, members)


def _members_key(members: np.ndarray) -> tuple[int, ...]:
    return tuple(sorted(members.tolist()))


def _with_means(
    scorer: Scorer, clusters: list[np.ndarray], linked: dict[tuple, float]
) -> list[tuple[np.ndarray, float]]:
    """Each cluster with the mean pair score of its members, as its ``why`` gives it: the
    clustering's for the clusters the splits and the recall pass left as they were, worked
    out for the others."""
    out = []
    for members in clusters:
        key = _members_key(members)
        out.append((members, linked[key] if key in linked else mean_score(scorer, members)))
    return out
