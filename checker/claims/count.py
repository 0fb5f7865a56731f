"""Counts: '40 drones were shot down', 'killed two', 'An 11-year-old girl was killed'.

Read: a figure, the counted noun after it and the predicate of its clause. Judge: reports
agree when their intervals meet; they contradict when a report's figures are compatible with
none of another's, unless a stated counting convention or update explains the difference.
Parts of a count ("two critically") and figures of another time agree but never contradict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from checker.align import Alignment
from checker.claims import scope
from checker.claims.base import (
    Context,
    EventContext,
    consensus_summary,
    exact,
    figures_compatible,
    fmt,
    fmt_claim,
)
from checker.model import Claim, ClaimKind, Figure, Finding, Note, Verdict
from checker.text.numbers import Figure as Span
from checker.text.numbers import number_word_value, read_figures
from checker.text.tokens import PUNCT_BREAK, Tok, low_at

KIND = ClaimKind.QUANTITY
_BARE_FIGURE_PLACES = ("over", "in", "near", "across", "from", "at")
_OBJECT_PREPOSITIONS = ("with", "among", "for", "from", "by", "than")


# --------------------------------------------------------------------------- reading


def read(ctx: Context) -> Iterator[Claim]:
    yield from _other_injuries(list(_figures(ctx)))
    yield from _singular_casualties(ctx)


def _other_injuries(claims: list[Claim]) -> list[Claim]:
    """'Five dead, six more shot, and nearly 40 injured': injured counted beside those shot
    are hurt some other way (a stampede, broken glass), a part of no gunshot toll."""
    preds = {c.predicate for c in claims}
    if not {"shot", "injured"} <= preds:
        return claims
    return [
        replace(c, notes=c.notes | {Note.PARTIAL}) if c.predicate == "injured" else c
        for c in claims
    ]


def _figures(ctx: Context) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    last_unit = ""
    for fig in read_figures(toks, lex, ctx.settings.approx_tolerance):
        if low_at(toks, fig.last) == "of" and not fig.vague:
            continue  # "three of the four victims": a part of a count named next
        if ctx.used.intersection(range(fig.first, fig.last)):
            continue  # read as something else already (an age)
        unit, unit_first, unit_last = unit_after(toks, fig.last, lex)
        if _lone_one(toks, fig, unit, unit_first) or _after_a_name(toks, fig, unit):
            continue
        magnitude = _magnitude(toks, fig)
        pred, pred_at, pred_end = (
            ("magnitude", fig.first, fig.first)
            if magnitude
            else predicate_near(ctx, fig.first, max(unit_last, fig.last), _object_of(toks, fig))
        )
        if magnitude:
            unit = "earthquake"
        if not unit and _counts_something_else(toks, fig, lex):
            continue  # "shot two bailiffs": a noun we do not know is no head count
        if not unit and pred in lex.casualty_predicates and _close(fig, pred_at, pred_end):
            unit = lex.casualty_unit  # "killed two", "six were shot", "49 killed"
        if not unit and last_unit and low_at(toks, fig.last) in _BARE_FIGURE_PLACES:
            unit = last_unit  # "10 drones over Kaluga, 8 over Bryansk"
        if not unit or not pred or (fig.vague and fig.low <= 1) or not lex.takes(pred, unit):
            continue
        last_unit = unit
        first = min(fig.first, pred_at) if 0 <= pred_at < fig.first else fig.first
        last = max(unit_last, fig.last, pred_end)
        ctx.used.update(range(first, last))
        notes = ctx.notes | scope.count_notes(ctx, fig, unit_last, pred_at, pred_end)
        figure = Figure(fig.value, fig.low, fig.high, fig.vague)
        yield ctx.claim(KIND, first, last, unit, pred, notes=notes, figure=figure)


def unit_after(toks: Sequence[Tok], end: int, lex) -> tuple[str, int, int]:
    """The counted noun right after a figure: (unit, first, last) or ('', end, end)."""
    j = end
    for _ in range(4):
        if j >= len(toks):
            break
        n, unit = lex.units.match(toks, j)
        if n:
            return unit, j, j + n
        if toks[j].low in PUNCT_BREAK or toks[j].low in (",", ".", "and", "of", "were", "was"):
            break
        j += 1
    return "", end, end


def predicate_near(
    ctx: Context, first: int, unit_last: int, tight: bool = False
) -> tuple[str, int, int]:
    """Predicate class of a figure and its token span: adjacent before ('destroyed 40'), else in
    the clause after the counted noun ('32 drones were shot down'), parentheses skipped.
    ``tight``: the figure is the object of a preposition ('a house packed with 400 people ended
    in gunfire that killed...'), so only a predicate right after its noun belongs to it."""
    toks, lex = ctx.toks, ctx.lex
    j = first - 1
    while j >= 0 and toks[j].low in lex.fillers:
        j -= 1
    start, pred = lex.predicates.ending_at(toks, j + 1)
    if start >= 0:
        return pred, start, j + 1
    k, depth, seen = first, 0, 0
    reach = (unit_last - first) + (2 if tight else 7)
    while k < len(toks) and seen < reach:
        low = toks[k].low
        depth += (low == "(") - (low == ")")
        if depth == 0 and low not in ("(", ")"):
            if low in PUNCT_BREAK or (k >= unit_last and low in lex.clause_end):
                break
            n, pred = lex.predicates.match(toks, k)
            if n and pred not in lex.self_contained:
                return pred, k, k + n
            seen += 1
        k += 1
    return "", -1, -1


def _counts_something_else(toks, fig: Span, lex) -> bool:
    """'shot two bailiffs', 'two exit wounds': a lower-case word right after the figure that
    is no counted noun, predicate or function word is a noun we do not know."""
    nxt = toks[fig.last] if fig.last < len(toks) else None
    if not (nxt and nxt.is_word and not nxt.capitalised):
        return False
    if nxt.low in lex.count_followers or lex.predicates.match(toks, fig.last)[0]:
        return False
    return not lex.units.match(toks, fig.last)[0]


def _after_a_name(toks, fig: Span, unit: str) -> bool:
    """'Jerry Coleman, 31 all died': a bare number after a name and a comma is an age."""
    before, name = low_at(toks, fig.first - 1), fig.first - 2
    return before == "," and not unit and name >= 0 and toks[name].capitalised


def _object_of(toks, fig: Span) -> bool:
    return low_at(toks, fig.first - 1) in _OBJECT_PREPOSITIONS


def _close(fig: Span, pred_at: int, pred_end: int) -> bool:
    """Predicate right before the figure, or at most one word ('were') after it."""
    return (
        pred_end == fig.first
        or (pred_at >= fig.last and pred_at - fig.last <= 1)
        or (pred_end <= fig.first and fig.first - pred_end <= 2)
    )


def _lone_one(toks, fig: Span, unit: str, unit_first: int) -> bool:
    """'one' counts only right before its noun ('one person'); elsewhere it is a pronoun
    ('one for each person', 'one thing is clear')."""
    return toks[fig.last - 1].low == "one" and (not unit or unit_first != fig.last)


def _magnitude(toks, fig: Span) -> bool:
    """'magnitude 5.6', 'magnitude-5.2', '5.6-magnitude', '5.6 magnitude', 'magnitude of 5.6'."""
    before = [low_at(toks, fig.first - k) for k in (1, 2)]
    after = [low_at(toks, fig.last + k) for k in (0, 1)]
    dash = ("-", "–", "of")
    return (
        before[0] == "magnitude"
        or after[0] == "magnitude"
        or (before[0] in dash and before[1] == "magnitude")
        or (after[0] in dash and after[1] == "magnitude")
    )


def _singular_casualties(ctx: Context) -> Iterator[Claim]:
    """'An 11-year-old girl was killed', 'a man died': one victim, though not always the
    toll, so the claim agrees with a count of one but never contradicts another."""
    toks, lex = ctx.toks, ctx.lex
    for i, tok in enumerate(toks):
        if tok.low not in ("a", "an") or i in ctx.used:
            continue
        n, unit, j = 0, None, i + 1
        while j < min(len(toks), i + 4):
            n, unit = lex.units.match(toks, j)
            low = toks[j].low
            if n or low in PUNCT_BREAK or low in lex.clause_end or low[:1].isdigit():
                break
            if number_word_value(low, lex) is not None:
                break
            j += 1
        if not n or unit not in lex.people or toks[j + n - 1].low.endswith("s"):
            continue
        pred, pred_at, pred_end = predicate_near(ctx, j + n, j + n)
        if pred not in lex.casualty_predicates or pred_at < j + n or pred_at - (j + n) > 3:
            continue
        ctx.used.update(range(i, pred_end))
        notes = ctx.notes | {Note.PARTIAL}
        yield ctx.claim(KIND, i, pred_end, unit, pred, notes=notes, figure=exact(1.0))


# --------------------------------------------------------------------------- judging


def judge(ev: EventContext) -> Iterator[Finding]:
    yield from judge_kind(ev, KIND)


def judge_kind(ev: EventContext, kind: ClaimKind) -> Iterator[Finding]:
    """Figures of one kind (counts, measures) across the event's reports."""
    event_notes = scope.event_conventions(ev.pool)
    marks = _identifying_figures(ev)
    for al in ev.alignments:
        if al.kind == kind:
            yield from _judge_alignment(ev, al, event_notes, marks)


def _identifying_figures(ev: EventContext) -> dict[tuple[str, int], list[Claim]]:
    """Figures that say which happening a sentence is about (a quake's magnitude): counts in
    two sentences with different such figures are about two happenings, never a conflict."""
    out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == KIND and c.predicate in ev.settings.identifying_predicates:
            out[(c.article, c.sentence)].append(c)
    return out


def _same_happening(a: Claim, b: Claim, marks) -> bool:
    ma, mb = marks.get((a.article, a.sentence), ()), marks.get((b.article, b.sentence), ())
    return not (ma and mb) or any(figures_compatible(x, y) for x in ma for y in mb)


def _judge_alignment(ev: EventContext, al: Alignment, event_notes, marks) -> list[Finding]:
    figures = [c for c in al.claims if c.figure is not None]
    findings = []
    for value, members in _agreeing_clusters(figures):
        arts = sorted({c.article for c in members})
        if len(arts) > 1:
            what = _shown(value, members)
            text = f"{len(arts)} reports give {what}"
            findings.append(ev.finding(Verdict.AGREEMENT, "numeric", al.key, text, members))
    hedged = _hedged_sentences(ev)
    for sides in _by_happening(_conflicting_principals(figures, marks), marks):
        verdict, kind, why = scope.explain_difference(sides, event_notes)
        conflict, sure = _confident(sides, ev.settings, hedged)
        if verdict == Verdict.CONTRADICTION and sure < ev.settings.min_confidence:
            continue  # too unsure to put before an editor
        values = consensus_summary(conflict, figures_compatible)
        text = f"{why}: {values}" if why else f"reports disagree: {values}"
        findings.append(ev.finding(verdict, kind, al.key, text, conflict, confidence=sure))
    if not findings and len(al.articles) > 1 and not _disagree(list(_stated_all(figures))):
        # figures too vague to compare, or given by one report only: the fact itself agrees
        text = f"{len(al.articles)} reports state it"
        findings.append(ev.finding(Verdict.AGREEMENT, "fact", al.key, text, al.claims))
    return findings


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


def _disagree(claims: list[Claim]) -> bool:
    return any(not figures_compatible(a, b) for a in claims for b in claims)


def _stated(figures: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Each report's exact figures for the event itself (no part, no other time), in order."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(figures, key=lambda c: (c.article, c.sentence, c.start)):
        if not c.vague and not c.partial:
            by_article[c.article].append(c)
    return by_article


def _conflicting_principals(figures: Sequence[Claim], marks) -> list[Claim]:
    """One claim per report: the first figure it states (a lede states the toll; later
    sentences add parts, background and updates), for reports whose first figure is compatible
    with no figure of some other report. A report giving both values is no side."""
    stated = _stated(figures)
    arts = sorted(stated)
    involved = set()
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            first_a, first_b = stated[a][0], stated[b][0]
            if figures_compatible(first_a, first_b):
                continue
            if not _same_happening(first_a, first_b, marks):
                continue
            if any(figures_compatible(first_a, y) for y in stated[b]):
                continue
            if any(figures_compatible(x, first_b) for x in stated[a]):
                continue
            involved.update((a, b))
    return [stated[a][0] for a in sorted(involved)]


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


def added_details(ev: EventContext) -> Iterator[Finding]:
    """A figure that only one report gives, for a slot no other report mentions: on real news
    mostly a part of the toll, a later figure or another incident, so a ``unique`` note, not an
    embellishment."""
    if len(ev.ids) < 2:
        return
    for al in ev.alignments:
        if al.kind != KIND or len(al.articles) != 1:
            continue
        figures = [c for c in al.claims if c.kind == KIND and not c.vague]
        if figures:
            text = f"only this report gives the figure: {fmt_claim(figures[0])}"
            yield ev.finding(Verdict.UNIQUE, "unique figure", al.key, text, figures[:1])
