"""Sports records of a named fighter or team: "Klitschko (52-3, 46 KOs)", "Bowe, 43-1, 33 KO's",
"Klitschko, who improved his record to 58-3".

Read: a run "52-3" or "45-7-2" only where the text says it is a record (knockouts after it, a
record word before it, or a name with the record in brackets or between commas), and only with
the name it belongs to: a record of nobody is not checkable. Judge: records of one person agree
when equal where both say (a report may leave out draws or knockouts); they contradict when
they differ by a few bouts at most. Records further apart are from different times (before a
season, after another fight), which is background, never a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Tally, Verdict
from checker.text.names import Name, name_before, subject_before
from checker.text.numbers import hyphen_run, may_hold_hyphen_runs
from checker.text.tokens import DASH, low_at

KIND = ClaimKind.RECORD
_REACH = 4  # tokens before a record in which a record word ("improved his record to") counts
# 'improved the Ukrainian-born fighter to 52-3 with 46 KOs': a record whose owner is referred
# back to; it only joins the one person of the event given the same full record (see judge).
_UNNAMED = Name("", "")


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A record is digits joined by a
    dash: "52-3"."""
    return Gate.of(DASH)


def read(ctx: Context) -> Iterator[Claim]:
    toks, tables = ctx.toks, ctx.lex.values
    if not may_hold_hyphen_runs(toks):
        return
    i = 0
    while i < len(toks):
        run = hyphen_run(toks, i)
        if run is None or len(run[0]) < 2:
            i += 1
            continue
        numbers, last = run
        knockouts, end = _knockouts_after(toks, last, tables["knockouts"])
        tally = _tally(numbers, knockouts)
        who = _owner(ctx, i, end, knockouts is not None) if tally else None
        if who is None:
            i = last
            continue
        ctx.used.update(range(i, end))
        yield ctx.claim(
            KIND,
            i,
            end,
            "record",
            "record",
            "",
            who.surname,
            name=str(who),
            tally=tally,
            label=str(tally),
        )
        i = end


def _tally(numbers: Sequence[int], knockouts: int | None) -> Tally | None:
    """Knockouts are wins: more knockouts than wins is no record."""
    draws = numbers[2] if len(numbers) > 2 else None
    tally = Tally(numbers[0], numbers[1], draws, knockouts)
    return None if knockouts is not None and knockouts > tally.wins else tally


def _knockouts_after(toks, last: int, words) -> tuple[int | None, int]:
    """', 46 KOs', ' (51 KO)', ' with 46 knockouts': (knockouts, index after) or (None, last)."""
    j = last
    if low_at(toks, j) in (",", "(", "with"):
        j += 1
    if j < len(toks) and toks[j].is_digits and low_at(toks, j + 1) in words:
        end = j + 2
        if low_at(toks, end) == ")" and low_at(toks, last) == "(":
            end += 1
        return int(toks[j].low), end
    return None, last


def _owner(ctx: Context, first: int, end: int, knockouts: bool) -> Name | None:
    """Whose record: the name right before it ('Bowe (43-1)', 'Bowe, 43-1,'), the name before
    ', who' ('Klitschko, who improved his record to'), else the sentence's subject when a record
    word or knockouts say this is a record."""
    toks = ctx.toks
    opener = low_at(toks, first - 1)
    if opener in ("(", ","):
        closer = low_at(toks, end)
        if opener == "(" or knockouts or closer in (",", ".", ")"):
            name, _ = name_before(toks, first - 1, ctx.lex)
            if name is not None and not _shouted(toks, first - 2):
                return name
    worded = bool(ctx.lex.values["record_words"].find_all(toks[max(0, first - _REACH) : first]))
    if not (worded or knockouts):
        return None
    for k in range(first - 1, 0, -1):
        if toks[k].low == "who" and toks[k - 1].low == ",":
            name, _ = name_before(toks, k - 1, ctx.lex)
            return name
        if toks[k].low in (";", ".", "—"):
            break
    named = subject_before(toks, first, ctx.lex)
    return named if named is not None or not knockouts else _UNNAMED


def _shouted(toks, k: int) -> bool:
    """An acronym ('IBF', 'WBO') is an organisation, never the owner of a record."""
    return 0 <= k < len(toks) and len(toks[k].text) > 1 and toks[k].text.isupper()


def judge(ev: EventContext) -> Iterator[Finding]:
    """Per person: an agreement for each record two reports give, a contradiction for each
    two records of nearby bouts that two reports give without the other."""
    by_person: dict[str, list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == KIND and c.tally is not None:
            by_person[c.slot.person].append(c)
    _attach_unnamed(by_person)
    for person in sorted(by_person):
        claims = by_person[person]
        slot = f"record|{person}"
        for members in _clusters(claims):
            arts = sorted({c.article for c in members})
            if len(arts) > 1:
                text = f"{len(arts)} reports give {person.title()}'s record as {members[0].label}"
                yield ev.finding(Verdict.AGREEMENT, "numeric", slot, text, members)
        for x, y in _conflicts(claims, ev.settings.record_max_gap):
            text = f"reports disagree on {person.title()}'s record: {_sides(x)} vs {_sides(y)}"
            yield ev.finding(Verdict.CONTRADICTION, "numeric", slot, text, x + y)


def _attach_unnamed(by_person: dict[str, list[Claim]]) -> None:
    """A record of someone referred back to ('the fighter') joins the one person of the event
    given the very same record with knockouts in another report; otherwise it is dropped, as a
    record of nobody is not checkable."""
    unnamed = by_person.pop("", [])
    for c in unnamed:
        owners = [
            p
            for p in sorted(by_person)
            if any(o.article != c.article and _same_full(o.tally, c.tally) for o in by_person[p])
        ]
        if len(owners) == 1:
            by_person[owners[0]].append(c)


def _same_full(a: Tally, b: Tally) -> bool:
    """Wins, losses and knockouts all stated and equal (draws equal where both say)."""
    return (
        a.knockouts is not None
        and (a.wins, a.losses, a.knockouts) == (b.wins, b.losses, b.knockouts)
        and (a.draws is None or b.draws is None or a.draws == b.draws)
    )


def _same_person(a: Claim, b: Claim) -> bool:
    """'Wladimir Klitschko' and 'Klitschko' are one person; 'Vitali' and 'Wladimir' are two."""
    ga, gb = a.name.rpartition(" ")[0], b.name.rpartition(" ")[0]
    return not (ga and gb) or ga == gb


def _clusters(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims around each fully stated record; partial ones join what they allow."""
    out: list[list[Claim]] = []
    full = sorted(claims, key=lambda c: (-_known(c.tally), c.article, c.sentence, c.start))
    taken: set[int] = set()
    for lead in full:
        if id(lead) in taken:
            continue
        members = [
            c
            for c in claims
            if id(c) not in taken and lead.tally.compatible(c.tally) and _same_person(lead, c)
        ]
        taken.update(id(c) for c in members)
        out.append(members)
    return out


def _known(t: Tally) -> int:
    return (t.draws is not None) + (t.knockouts is not None)


def _conflicts(claims: Sequence[Claim], max_gap: int) -> list[tuple[list[Claim], list[Claim]]]:
    """Two clusters conflict when no report gives a record of both, the two are of one person
    and a few bouts apart, and each side is one claim per report."""
    clusters = _clusters(claims)
    out = []
    for i, xs in enumerate(clusters):
        for ys in clusters[i + 1 :]:
            ax, ay = {c.article for c in xs}, {c.article for c in ys}
            if ax & ay or not _same_person(xs[0], ys[0]):
                continue
            if abs(xs[0].tally.bouts - ys[0].tally.bouts) > max_gap:
                continue
            out.append((_one_per_report(xs), _one_per_report(ys)))
    return out


def _one_per_report(claims: Sequence[Claim]) -> list[Claim]:
    first: dict[str, Claim] = {}
    for c in sorted(claims, key=lambda c: (c.article, c.sentence, c.start)):
        first.setdefault(c.article, c)
    return [first[a] for a in sorted(first)]


def _sides(claims: Sequence[Claim]) -> str:
    return f"{claims[0].label} ({', '.join(c.article for c in claims)})"
