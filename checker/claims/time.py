"""When it happened: 'last night', 'between 21:00 and 07:50', 'July 17', 'on Sunday'.

Judge: two reports dating the same fact to different days, in sentences that say the same
thing ('July 17' vs 'July 18'; weekdays two or more days apart — 'Saturday night' vs 'Sunday'
is one night). Only calendar dates and weekdays are compared: relative expressions depend on
when a report was written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.dates import DATE_WORDS, WEEKDAY_INDEX, read_dates
from checker.text.tokens import DIGIT, words_bit

KIND = ClaimKind.TIME
_CLAUSE_MARKS = (";", "—", "–")
_COMPARED = ("date", "day")
_STAMP_BETWEEN = frozenset((":", "-", ",", "on", "at", "am", "pm"))
_DOTTED_MERIDIEM = (("a", ".", "m", "."), ("p", ".", "m", "."))  # "a.m." is four tokens


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A time is a phrase of the table,
    or a date, weekday or clock time, which start at a month or weekday word or a digit."""
    return Gate.of(lex.times, DIGIT, words_bit(DATE_WORDS))


def read(ctx: Context) -> Iterator[Claim]:
    toks = ctx.toks
    spans = [
        (f, la, " ".join(t.low for t in toks[f:la])) for f, la, _ in ctx.lex.times.find_all(toks)
    ]
    spans += [
        (m.first, m.last, m.label)
        for m in read_dates(toks, ctx.lex.ambiguous_months)
        if m.kind != "year"
    ]
    stamped = -1  # where the page's own date stamp ends
    for first, last, label in sorted(spans):
        if _stamp_before(toks, first, ctx.lex.values, stamped):
            stamped = last
            continue
        yield ctx.claim(KIND, first, last, "time", "time", label=label)


def _stamp_before(toks, first: int, tables: dict, stamped: int) -> bool:
    """A date or time the page stamps itself with ("Published April 29 2017", "Updated 3:09
    AM EST Dec 19, 2008"): when the page was written, not when anything happened, so two
    reports written days apart do not contradict each other by it. ``stamped``: where the
    stamp read last ends (a date and a time in a row are one stamp)."""
    k = first - 1
    while k >= 0:
        if _within_stamp(toks[k].low, tables):
            k -= 1
        elif k >= 3 and tuple(t.low for t in toks[k - 3 : k + 1]) in _DOTTED_MERIDIEM:
            k -= 4
        else:
            break
    return k >= 0 and (toks[k].low in tables["clock_stamps"] or k + 1 == stamped)


def _within_stamp(low: str, tables: dict) -> bool:
    """What may stand between a stamp word and its date: punctuation, "on", a clock time
    and its zone ("3:09 AM EST")."""
    return (
        low in _STAMP_BETWEEN
        or low in tables["zones"].by_first
        or (":" in low and low.replace(":", "").isdigit())
    )


def _moment(c: Claim) -> tuple[str, str]:
    kind, _, value = c.label.partition(":")
    return (kind, value) if kind in _COMPARED else ("", "")


def judge(ev: EventContext) -> Iterator[Finding]:
    times = {key: [c for c in cs if _moment(c)[0]] for key, cs in ev.by_sentence(KIND).items()}
    for al in ev.alignments:
        if al.kind not in (ClaimKind.QUANTITY, ClaimKind.FACT) or len(al.articles) < 2:
            continue
        dated: dict[str, Claim] = {}
        for c in al.claims:
            near = [t for t in times.get((c.article, c.sentence), ()) if _same_clause(t, c)]
            if len({t.label for t in near}) == 1 and c.article not in dated:
                dated[c.article] = near[0]
        clash = _first_clash([dated[a] for a in sorted(dated)], ev.settings.self_similarity)
        if clash:
            x, y = clash
            text = f"{x.article} says {x.quote!r}, {y.article} says {y.quote!r} for {al.key}"
            yield ev.finding(Verdict.CONTRADICTION, "temporal", al.key, text, (x, y))


def _same_clause(a: Claim, b: Claim, reach: int = 60) -> bool:
    """Within a few words of each other, no semicolon or dash between."""
    lo, hi = sorted(((a.start, a.end), (b.start, b.end)))
    between = a.text[lo[1] : hi[0]]
    return len(between) <= reach and not any(mark in between for mark in _CLAUSE_MARKS)


def _first_clash(claims: Sequence[Claim], similarity: float) -> tuple[Claim, Claim] | None:
    """Only between sentences that otherwise say the same thing: a weekday in a news sentence
    often dates something else (the arrest, the hearing) than the fact it shares."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if fuzz.token_set_ratio(a.text, b.text) < similarity:
                continue
            (kind_a, day_a), (kind_b, day_b) = _moment(a), _moment(b)
            if kind_a != kind_b or day_a == day_b:
                continue
            if kind_a == "day":
                gap = abs(WEEKDAY_INDEX[day_a] - WEEKDAY_INDEX[day_b])
                if min(gap, 7 - gap) < 2:
                    continue
            return a, b
    return None
