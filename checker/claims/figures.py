"""How figures of two reports compare: the rules counts and measures share.

Reports agree when their intervals meet; they contradict when each report's first stated
figure for the event itself is compatible with nothing the other states, unless a stated
counting convention or update explains it. A contradiction carries a confidence: figures in
the lede and of one order of magnitude, in sentences that do not hedge, are what reports mean.
Counts in sentences that name different happenings (magnitude 5.2 and 5.6) are not compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property

from checker.align import Alignment
from checker.claims import scope
from checker.claims.base import (
    EventContext,
    consensus_summary,
    figures_compatible,
    fmt,
)
from checker.claims.happening import (
    happening_days,
    later_update,
    other_happenings,
    published_apart,
    published_days,
    roundups,
    updates,
)
from checker.model import Claim, ClaimKind, Finding, Note, Verdict

_HURT = ("injured", "shot")  # kindred slots: the wounded and the shot


def judge_kind(ev: EventContext, kind: ClaimKind) -> Iterator[Finding]:
    """Figures of one kind (counts, measures) across the event's reports."""
    compared = [al for al in ev.alignments if al.kind == kind and len(al.articles) > 1]
    if not compared:
        return  # one report's figures neither agree nor disagree with anything
    facts = ev.once(_event_facts)
    for al in compared:
        yield from _judge_alignment(ev, al, facts)


class _EventFacts:
    """What every alignment of an event is judged against, read from its pool once; what
    the ledes and titles tell (the happenings' days, round-ups, updates) only when a
    comparison asks, since they are tokenized for it (on GVA dev 29 of the 338 events
    with figures to compare asked)."""

    def __init__(self, ev: EventContext) -> None:
        self._ev = ev
        self.notes = scope.event_conventions(ev.pool)  # conventions for the whole event
        self.marks = _identifying_figures(ev)  # identifying figures by sentence
        self.hedged = _hedged_sentences(ev)  # sentences that hedge
        self.dead = _dead_by_sentence(ev)  # the killed count each sentence states
        self.hurt = _hurt_by_article(ev)  # each report's whole counts of wounded and shot
        self.published = published_days(ev)  # each report's date

    @cached_property
    def days(self) -> dict[str, int]:
        """The day each report's lede dates its happening to."""
        return self._ev.once(happening_days)

    @cached_property
    def roundups(self) -> frozenset[str]:
        """Reports of several incidents."""
        return roundups(self._ev)

    @cached_property
    def updates(self) -> dict[str, int]:
        """Reports whose title marks them as an update: their dates."""
        return updates(self._ev)


def _event_facts(ev: EventContext) -> _EventFacts:
    return _EventFacts(ev)


def _identifying_figures(ev: EventContext) -> dict[tuple[str, int], list[Claim]]:
    """Figures that say which happening a sentence is about (a quake's magnitude): counts in
    two sentences with different such figures are about two happenings, never a conflict."""
    out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == ClaimKind.QUANTITY and c.predicate in ev.settings.identifying_predicates:
            out[(c.article, c.sentence)].append(c)
    return out


def _same_happening(a: Claim, b: Claim, marks) -> bool:
    ma, mb = marks.get((a.article, a.sentence), ()), marks.get((b.article, b.sentence), ())
    return not (ma and mb) or any(figures_compatible(x, y) for x in ma for y in mb)


def _judge_alignment(ev: EventContext, al: Alignment, facts: _EventFacts) -> list[Finding]:
    figures = [c for c in al.claims if c.figure is not None]
    findings = []
    for value, members in _agreeing_clusters(figures):
        arts = sorted({c.article for c in members})
        if len(arts) > 1:
            what = _shown(value, members)
            text = f"{len(arts)} reports give {what}"
            findings.append(ev.finding(Verdict.AGREEMENT, "numeric", al.key, text, members))
    if _tally(al, ev.settings):
        return findings  # agrees, never contradicts (a running tally, per-shooter, per-party)
    marks = facts.marks
    apart = _apart(facts, ev.settings)
    also = facts.hurt if al.key.predicate in _HURT else {}
    principals = _conflicting_principals(figures, marks, apart, also)
    ratio = ev.settings.conflict_scale_ratio
    split = [s for g in _by_happening(principals, marks) for s in _by_scale(g, ratio)]
    for sides in _drop_contained(split):
        verdict, kind, why = scope.explain_difference(sides, facts.notes, facts.dead)
        if verdict == Verdict.CONTRADICTION and later_update(ev, facts.updates, _arts(sides)):
            verdict, kind, why = Verdict.EXPLAINED, "update", "a later report marked as an update"
        conflict, sure = _confident(sides, ev.settings, facts.hedged)
        if verdict == Verdict.CONTRADICTION and sure < ev.settings.min_confidence:
            continue  # too unsure to put before an editor
        values = consensus_summary(conflict, figures_compatible)
        text = f"{why}: {values}" if why else f"reports disagree: {values}"
        conflict = _with_body_restatements(conflict, figures)
        findings.append(ev.finding(verdict, kind, al.key, text, conflict, confidence=sure))
    if not findings and len(al.articles) > 1 and not _disagree(list(_stated_all(figures))):
        # figures too vague to compare, or given by one report only: the fact itself agrees
        text = f"{len(al.articles)} reports state it"
        findings.append(ev.finding(Verdict.AGREEMENT, "fact", al.key, text, al.claims))
    return findings


def _with_body_restatements(sides: list[Claim], figures: Sequence[Claim]) -> list[Claim]:
    """A side quoted from a headline ('Quake Kills 10; 80 Hurt') is shown with the body
    sentence of its report that states the same figure in full ('injuring 80'), if any."""
    out: list[Claim] = []
    for c in sides:
        out.append(c)
        if c.sentence != 0 or not (c.figure and c.figure.exact):
            continue
        same = [
            d
            for d in figures
            if d.article == c.article
            and d.sentence > 0
            and not d.partial
            and d.figure.exact
            and d.value == c.value
        ]
        if same:
            out.append(min(same, key=lambda d: (d.sentence, d.start)))
    return out


def _arts(claims: Sequence[Claim]) -> list[str]:
    return sorted({c.article for c in claims})


def _shown(value: float | None, members: Sequence[Claim]) -> str:
    """The agreed figure as reports write it: 40, or the quote of a measure ('$35,000')."""
    if value is None:
        return "compatible figures"
    if members[0].kind == ClaimKind.MEASURE:
        exact = [c for c in members if c.figure.exact and c.value == value]
        return repr((exact or list(members))[0].quote)
    return fmt(value)


def _stated_all(figures: Sequence[Claim]):
    return (c for cs in _stated(figures).values() for c in cs)


def _agreeing_clusters(figures: Sequence[Claim]) -> list[tuple[float | None, list[Claim]]]:
    """Claims grouped around each stated exact value; vague ones join what they allow."""
    exact_values = sorted({c.value for c in figures if c.figure.exact})
    clusters, taken = [], set()
    for v in exact_values:
        members = [c for c in figures if _near(c, v) and id(c) not in taken]
        if len({c.article for c in members}) > 1:
            clusters.append((v, members))
            taken.update(id(c) for c in members)
    rest = [c for c in figures if id(c) not in taken]
    if rest and len({c.article for c in rest}) > 1 and _all_overlap(rest):
        clusters.append((None, rest))  # compatible ranges, no single stated value
    return clusters


def _near(c: Claim, v: float) -> bool:
    """Allows v, and says so: 'more than 26' does not support 600."""
    return c.low <= v <= c.high and v <= max(c.value or 0, c.low) * 2 + 1


def _all_overlap(claims: Sequence[Claim]) -> bool:
    return max(c.low for c in claims) <= min(c.high for c in claims)


def _by_happening(principals: list[Claim], marks) -> list[list[Claim]]:
    """Split the sides of a conflict by the happening their sentences name (magnitude 5.2 vs
    5.6): one finding per happening, each with figures that still disagree."""
    named = [c for c in principals if marks.get((c.article, c.sentence))]
    groups: list[list[Claim]] = []
    for c in named:
        home = next((g for g in groups if _same_happening(g[0], c, marks)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    unnamed = [c for c in principals if c not in named]
    groups = [g + unnamed for g in groups] or [unnamed]
    return [sorted(g, key=lambda c: c.article) for g in groups if _disagree(g)]


def _by_scale(sides: list[Claim], ratio: float) -> list[list[Claim]]:
    """Split the sides where one figure is many times the next ('injured two', 'injured
    five' vs 'about 50 hurt', '80 hurt'): figures that far apart tell of another happening, a
    part or a later count, so each order of magnitude is judged on its own."""
    order = sorted(sides, key=lambda c: (_size(c), c.article, c.sentence))
    runs: list[list[Claim]] = []
    for c in order:
        if runs and _size(c) <= ratio * max(_size(runs[-1][-1]), 1):
            runs[-1].append(c)
        else:
            runs.append([c])
    return [sorted(r, key=lambda c: c.article) for r in runs if _disagree(r)]


def _drop_contained(groups: list[list[Claim]]) -> list[list[Claim]]:
    """Sides named by no happening join every happening's group, so one conflict can come out
    of two groups, once whole and once in part: keep each set of sides once, the largest."""
    keys = [frozenset(id(c) for c in g) for g in groups]
    return [
        g
        for i, g in enumerate(groups)
        if not any(keys[i] < k or (keys[i] == k and j < i) for j, k in enumerate(keys))
    ]


def _size(c: Claim) -> float:
    return c.value if c.value is not None else c.low


def _disagree(claims: list[Claim]) -> bool:
    return any(not figures_compatible(a, b) for a in claims for b in claims)


def _stated(figures: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Each report's exact figures for the event itself (no part, no other time), in order;
    a figure stated as the whole ('a total of 14') first: the steps of a sequence told
    before it ('shot three students, killing two') are parts of it."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    order = sorted(
        figures, key=lambda c: (c.article, Note.WHOLE not in c.notes, c.sentence, c.start)
    )
    for c in order:
        if not c.vague and not c.partial:
            by_article[c.article].append(c)
    return by_article


def _apart(facts: _EventFacts, settings):
    """Two reports that may tell of two happenings: ledes dated to different days, reports
    published weeks apart, or one of them a round-up of several incidents."""
    tolerance, most = settings.happening_day_tolerance, settings.figures_days_apart

    def apart(a: str, b: str) -> bool:
        return (
            a in facts.roundups
            or b in facts.roundups
            or other_happenings(facts.days, a, b, tolerance)
            or published_apart(facts.published, a, b, most)
        )

    return apart


def _hurt_by_article(ev: EventContext) -> dict[str, list[Claim]]:
    """Whole counts of the wounded and of the shot: a report stating '8 shot' besides
    'injured 3' gives the other report's '8 wounded' too."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in ev.pool:
        whole = c.figure and c.figure.exact and not c.partial and Note.BACKGROUND not in c.notes
        if c.kind == ClaimKind.QUANTITY and c.predicate in _HURT and whole:
            out[c.article].append(c)
    return out


def _conflicting_principals(figures: Sequence[Claim], marks, apart, also) -> list[Claim]:
    """One claim per report: the first figure it states (a lede states the toll; later
    sentences add parts, background and updates), for reports whose first figure is compatible
    with no figure of some other report. A report giving both values is no side (``also``: its
    figures of a kindred slot, the shot for the wounded), nor a pair of reports whose ledes
    date their happenings to different days or that tell of several incidents (``apart``)."""
    stated = _stated(figures)
    arts = sorted(stated)
    involved = set()
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            first_a, first_b = stated[a][0], stated[b][0]
            if figures_compatible(first_a, first_b):
                continue
            if not _same_happening(first_a, first_b, marks) or apart(a, b):
                continue
            if any(figures_compatible(first_a, y) for y in stated[b] + also.get(b, [])):
                continue
            if any(figures_compatible(x, first_b) for x in stated[a] + also.get(a, [])):
                continue
            involved.update((a, b))
    return [stated[a][0] for a in sorted(involved)]


def _tally(al: Alignment, settings) -> bool:
    slot = al.key
    keys = (slot.predicate, f"{slot.what}|{slot.predicate}")
    return any(k in settings.tally_slots for k in keys)


def _dead_by_sentence(ev: EventContext) -> dict[tuple[str, int], float]:
    """The killed count each sentence states ('one person was killed and three injured')."""
    out: dict[tuple[str, int], float] = {}
    for c in ev.pool:
        if c.kind == ClaimKind.QUANTITY and c.predicate == "killed" and c.figure:
            least = c.value if c.figure.exact else c.low  # "at least one person was killed"
            if least:
                out.setdefault((c.article, c.sentence), least)
    return out


def _hedged_sentences(ev: EventContext) -> set[tuple[str, int]]:
    """Sentences that hedge what they say ('looked like', 'may have'): weak sides."""
    return {
        (c.article, c.sentence)
        for c in ev.pool
        if c.kind == ClaimKind.MARKER and c.label == "speculation"
    }


def _confident(sides: list[Claim], settings, hedged) -> tuple[list[Claim], float]:
    """The sides that take part in at least one confident disagreeing pair, and the best
    pair's confidence: one far-fetched figure does not sink, or join, a clear conflict."""
    keep: list[Claim] = []
    best = 0.0
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if figures_compatible(a, b):
                continue
            sure = confidence((a, b), settings, hedged)
            best = max(best, sure)
            if sure >= settings.min_confidence:
                keep.extend(c for c in (a, b) if c not in keep)
    return (keep or list(sides)), best


def confidence(claims: Sequence[Claim], settings, hedged=frozenset()) -> float:
    """How sure a numeric contradiction is: figures stated early (in the title or lede) and of
    one order of magnitude are what reports mean as the toll; a figure deep in an article or
    several times another is more often a part, another incident or a later count."""
    score = 1.0
    late = sum(c.sentence >= settings.lede_sentences for c in claims)
    score -= settings.confidence_late_penalty * min(late, 2)
    values = [c.value for c in claims if c.value]
    if values and max(values) > settings.confidence_max_ratio * max(min(values), 1):
        score -= settings.confidence_ratio_penalty
    if any((c.article, c.sentence) in hedged for c in claims):
        score -= settings.confidence_hedge_penalty
    return round(max(score, 0.0), 2)
