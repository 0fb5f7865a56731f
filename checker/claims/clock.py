"""Clock times of a happening: "at 17:06 hours local time (13:36 GMT)", "about 6:15 p.m.".

Read: every moment of the day a sentence gives, with its zone when the words name one (a bare
time is the report's local time). A time to the minute allows a few minutes; a whole hour or a
hedged time ('about 6 p.m.') half an hour. Judge: times are compared in one zone only. A local
time meets a GMT time when a zone with a fixed offset is named, or when a report of the event
gives both for one moment ('17:06 (1336 GMT)'); otherwise they are never compared. Equal times
agree. Different times contradict only in sentences that say the same thing about the same
happening: a news story dates many things (the call, the arrest, the shooting) by the clock.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from checker.claims.base import Context, EventContext, Gate, clause_words
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import read_clocks
from checker.text.tokens import DIGIT

KIND = ClaimKind.CLOCK
_DAY = 24 * 60
_LOCAL = ("", "local")
_HALF_DAY = "local, a.m. or p.m."  # '6:30' alone: 6:30 or 18:30
_MIN_WORDS = 2  # lower-case words a sentence needs to be more than a timestamp line
_REACH = 8  # tokens before and after a time in which the happening it dates is named
_BREAKS = (";", ".", "—", "(", ")")


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every clock time starts with a
    number."""
    return Gate.of(DIGIT)


def read(ctx: Context) -> Iterator[Claim]:
    tables = ctx.lex.values
    clocks = read_clocks(ctx.toks, tables["zones"], tables["clock_hedges"])
    if not clocks or _timestamp(ctx, tables):
        return  # most sentences tell no time; a timestamp tells when the report was filed
    sporting = any(t.low in tables["periods"] for t in ctx.toks)
    for clock in clocks:
        if clock.bare and (sporting or clock.first == 0):
            continue  # '2:56' into a round, '2:24 Raw footage': no time of day
        slack = ctx.settings.clock_rounded_minutes if clock.rounded else 0
        figure = Figure(clock.minutes, clock.minutes - slack, clock.minutes + slack)
        zone = _HALF_DAY if clock.bare else "local" if clock.zone in _LOCAL else clock.zone
        words = clause_words(ctx, clock.first, clock.last, _REACH, _BREAKS, after=True)
        yield ctx.claim(
            KIND, clock.first, clock.last, "clock", "clock", "", figure=figure, label=zone,
            categories=words,
        )  # fmt: skip


def _timestamp(ctx: Context, tables) -> bool:
    """'Updated 5/5/2010 1:41 PM', 'MAR. 14, 2013, 8:12 PM': when the report was filed."""
    words = [t for t in ctx.toks if t.is_word and not t.capitalised and len(t.low) > 1]
    return len(words) < _MIN_WORDS or any(t.low in tables["clock_stamps"] for t in ctx.toks)


def judge(ev: EventContext) -> Iterator[Finding]:
    clocks = [c for c in ev.in_order(KIND) if c.figure is not None]
    offset = _local_offset(clocks)
    offsets = ev.lex.values["zone_offsets"]
    moments = [(c, _in_gmt(c, offset, offsets)) for c in clocks]
    yield from _agreements(ev, moments)
    yield from _contradictions(ev, moments)


def _local_offset(clocks: Sequence[Claim]) -> int | None:
    """Local minus GMT, from sentences giving both for one moment ('17:06 (1336 GMT)')."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in clocks:
        by_sentence[(c.article, c.sentence)].append(c)
    seen: Counter[int] = Counter()
    for cs in by_sentence.values():
        local = [c for c in cs if c.label == "local"]
        gmt = [c for c in cs if c.label == "gmt"]
        if len(local) == 1 and len(gmt) == 1:
            seen[(local[0].figure.value - gmt[0].figure.value) % _DAY] += 1
    return seen.most_common(1)[0][0] if len(seen) == 1 else None


def _in_gmt(c: Claim, local_offset: int | None, offsets) -> float | None:
    if c.label == "local":
        return None if local_offset is None else (c.figure.value - local_offset) % _DAY
    if c.label in offsets:
        return (c.figure.value - offsets[c.label]) % _DAY
    return None


def _comparable(a, b) -> tuple[float, float] | None:
    """Two moments in one zone (minutes), or None when their zones cannot be matched."""
    (ca, ga), (cb, gb) = a, b
    if ga is not None and gb is not None:
        return ga, gb
    labels = {ca.label, cb.label}
    if _HALF_DAY in labels and labels <= {_HALF_DAY, "local"}:
        va, vb = ca.figure.value, cb.figure.value  # on a 12-hour dial: 6:30 is 18:30
        return va % 720, min(
            (vb % 720, (vb % 720) + 720, (vb % 720) - 720), key=lambda v: abs(v - va % 720)
        )
    if ca.label == cb.label:
        return ca.figure.value, cb.figure.value
    return None


def _meet(a, b, settings) -> bool | None:
    """True when two times can be one moment, False when not, None when not comparable."""
    pair = _comparable(a, b)
    if pair is None:
        return None
    gap = abs(pair[0] - pair[1])
    gap = min(gap, _DAY - gap)
    slack = max(a[0].figure.high - a[0].figure.value, b[0].figure.high - b[0].figure.value)
    return gap <= slack + settings.clock_exact_minutes


def _agreements(ev: EventContext, moments) -> Iterator[Finding]:
    """Each moment to the minute that two reports give; hedged times join what they allow."""
    taken: set[int] = set()
    for i, lead in enumerate(moments):
        if i in taken:
            continue
        group = [
            k
            for k, m in enumerate(moments)
            if k not in taken and _meet(lead, m, ev.settings) and _exactly(lead, m)
        ]
        arts = sorted({moments[k][0].article for k in group})
        if len(arts) < 2:
            continue
        taken.update(group)
        members = [moments[k][0] for k in group]
        text = f"{len(arts)} reports give the time {lead[0].quote!r}"
        yield ev.finding(Verdict.AGREEMENT, "time", "clock", text, members)


def _exactly(a, b) -> bool:
    """One moment to the minute: a hedged '6 p.m.' supports no '5:40 p.m.'. Round hours
    ('4 p.m.') date many things in a day, so they agree only about one happening."""
    pair = _comparable(a, b)
    if pair is None or pair[0] != pair[1]:
        return False
    rounded = a[0].figure.low != a[0].figure.high or b[0].figure.low != b[0].figure.high
    return not rounded or bool(a[0].categories & b[0].categories)


def _contradictions(ev: EventContext, moments) -> Iterator[Finding]:
    """One finding per pair of reports whose times of one happening cannot be one moment."""
    done: set[tuple[str, str]] = set()
    for i, a in enumerate(moments):
        for b in moments[i + 1 :]:
            arts = (a[0].article, b[0].article)
            if arts[0] == arts[1] or arts in done or _meet(a, b, ev.settings) is not False:
                continue
            if not _same_happening(a[0], b[0], ev.settings):
                continue
            if _gives_both(a, b, moments, ev.settings):
                continue
            done.add(arts)
            text = f"{arts[0]} says {a[0].quote!r}, {arts[1]} says {b[0].quote!r}"
            yield ev.finding(Verdict.CONTRADICTION, "temporal", "clock", text, (a[0], b[0]))


def _same_happening(a: Claim, b: Claim, settings) -> bool:
    """Sentences that say much the same, and a word of the happening next to both times."""
    if not a.categories & b.categories:
        return False
    return fuzz.token_set_ratio(a.text, b.text) >= settings.self_similarity


def _gives_both(a, b, moments, settings) -> bool:
    """A report that also gives a time meeting the other report's is no side."""
    for x, y in ((a, b), (b, a)):
        if any(m[0].article == x[0].article and _meet(m, y, settings) for m in moments):
            return True
    return False
