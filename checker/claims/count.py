"""Counts: '40 drones were shot down', 'killed two', 'An 11-year-old girl was killed'.

Read: a figure, the counted noun after it and the predicate of its clause. Judge: reports
agree when their intervals meet; they contradict when a report's figures are compatible with
none of another's, unless a stated counting convention or update explains the difference.
Parts of a count ("two critically") and figures of another time agree but never contradict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from checker.align import Alignment
from checker.claims import scope
from checker.claims.base import (
    Context,
    EventContext,
    compatible_sides,
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


# --------------------------------------------------------------------------- reading


def read(ctx: Context) -> Iterator[Claim]:
    yield from _figures(ctx)
    yield from _singular_casualties(ctx)


def _figures(ctx: Context) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    last_unit = ""
    for fig in read_figures(toks, lex, ctx.settings.approx_tolerance):
        if low_at(toks, fig.last) == "of" and not fig.vague:
            continue  # "three of the four victims": a part of a count named next
        unit, unit_first, unit_last = unit_after(toks, fig.last, lex)
        if _lone_one(toks, fig, unit, unit_first):
            continue
        magnitude = _magnitude(toks, fig)
        pred, pred_at, pred_end = (
            ("magnitude", fig.first, fig.first)
            if magnitude
            else predicate_near(ctx, fig.first, max(unit_last, fig.last))
        )
        if magnitude:
            unit = "earthquake"
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


def predicate_near(ctx: Context, first: int, unit_last: int) -> tuple[str, int, int]:
    """Predicate class of a figure and its token span: adjacent before ('destroyed 40'), else in
    the clause after the counted noun ('32 drones were shot down'), parentheses skipped."""
    toks, lex = ctx.toks, ctx.lex
    j = first - 1
    while j >= 0 and toks[j].low in lex.fillers:
        j -= 1
    start, pred = lex.predicates.ending_at(toks, j + 1)
    if start >= 0:
        return pred, start, j + 1
    k, depth, seen = first, 0, 0
    while k < len(toks) and seen < 7 + (unit_last - first):
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
    before, after = low_at(toks, fig.first - 1), low_at(toks, fig.last)
    return "magnitude" in (before, after) or (
        after in ("-", "–") and low_at(toks, fig.last + 1) == "magnitude"
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
    event_notes = scope.event_conventions(ev.pool)
    for al in ev.alignments:
        if al.kind == KIND:
            yield from _judge_alignment(ev, al, event_notes)


def _judge_alignment(ev: EventContext, al: Alignment, event_notes) -> list[Finding]:
    figures = [c for c in al.claims if c.kind == KIND]
    findings = []
    for value, members in _agreeing_clusters(figures):
        arts = sorted({c.article for c in members})
        if len(arts) > 1:
            what = fmt(value) if value is not None else "compatible figures"
            text = f"{len(arts)} reports give {what}"
            findings.append(ev.finding(Verdict.AGREEMENT, "numeric", al.key, text, members))
    conflict = _conflicting_principals(figures)
    if conflict:
        verdict, kind, why = scope.explain_difference(conflict, event_notes)
        values = compatible_sides(conflict, figures_compatible)
        text = f"{why}: {values}" if why else f"reports disagree: {values}"
        findings.append(ev.finding(verdict, kind, al.key, text, conflict))
    if not findings and len(al.articles) > 1:
        # figures too vague to compare, or given by one report only: the fact itself agrees
        text = f"{len(al.articles)} reports state it"
        findings.append(ev.finding(Verdict.AGREEMENT, "fact", al.key, text, al.claims))
    findings.extend(_self_contradictions(ev, al, figures))
    return findings


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


def _principal(claims: Sequence[Claim]) -> Claim:
    """The figure a report stands by: its largest exact figure, the first stated on ties."""
    return max(claims, key=lambda c: (not c.vague, c.value or 0, -c.sentence, -c.start))


def _conflicting_principals(figures: Sequence[Claim]) -> list[Claim]:
    """One claim per report whose figures are compatible with no figure of some other report."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in figures:
        if not c.vague and not c.partial:
            by_article[c.article].append(c)
    arts = sorted(by_article)
    involved = set()
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if not any(figures_compatible(x, y) for x in by_article[a] for y in by_article[b]):
                involved.update((a, b))
    return [_principal(by_article[a]) for a in sorted(involved)]


def _self_contradictions(ev: EventContext, al: Alignment, figures) -> list[Finding]:
    """One report giving two incompatible figures for the same explicitly placed slot, in two
    sentences that otherwise say the same thing (a round-up lists many tolls for one place).

    At most one finding per report and slot, and at most ``self_pairs`` claims compared, so a
    pathological article cannot make the audit quadratic.
    """
    out = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in figures:
        if not c.vague and c.place and not c.place_inherited and not c.partial:
            by_article[c.article].append(c)
    limit = ev.settings.self_pairs
    for art, cs in sorted(by_article.items()):
        pair = _first_clash(cs[:limit], ev.settings.self_similarity)
        if pair:
            a, b = pair
            text = f"{art} gives both {fmt_claim(a)} and {fmt_claim(b)}"
            out.append(ev.finding(Verdict.CONTRADICTION, "numeric", al.key, text, (a, b)))
    return out


def _first_clash(claims: Sequence[Claim], similarity: float) -> tuple[Claim, Claim] | None:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if (
                a.place == b.place
                and a.sentence != b.sentence
                and not figures_compatible(a, b)
                and fuzz.token_set_ratio(a.text, b.text) >= similarity
            ):
                return a, b
    return None


def added_details(ev: EventContext) -> Iterator[Finding]:
    """A figure that only one report gives, for a slot no other report mentions."""
    if len(ev.ids) < 2:
        return
    for al in ev.alignments:
        if al.kind != KIND or len(al.articles) != 1:
            continue
        figures = [c for c in al.claims if c.kind == KIND and not c.vague]
        if figures:
            text = f"only this report gives the figure: {fmt_claim(figures[0])}"
            yield ev.finding(Verdict.EMBELLISHMENT, "added detail", al.key, text, figures[:1])
