"""Legal charges and outcomes: 'charged with first-degree murder', 'convicted of manslaughter'.

Read: a stage word (charged, convicted, acquitted...), then within its clause the charges it
names after a preposition ('with', 'of', 'to', 'on') or as 'N counts of'; the person is the full
name before the stage word in the sentence. Judge: reports naming one charge at one stage
agree ('murder' covers 'first-degree murder'); two charges for a death that neither covers
(murder vs manslaughter) contradict only for one named person, at one stage, in reports written
at the same time (charges are amended as a case goes on).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.dates import fractional_year
from checker.text.names import Name, person_mentions
from checker.text.tokens import PUNCT_BREAK, Tok, low_at

KIND = ClaimKind.CHARGE
_REACH = 8  # tokens after the stage word in which its first charge may stand


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every charge follows a stage of
    the table ('charged with')."""
    return Gate.of(lex.charges["stages"])


def read(ctx: Context) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    tables = lex.charges
    read_to = 0
    for first, last, stage in tables["stages"].find_all(toks):
        if first < read_to:
            continue  # 'booked on suspicion of murder': one stage, read once
        charges, end = _charges_after(toks, last, tables["names"], lex)
        if not charges or _conditional(toks, first, lex):
            continue
        read_to = end
        who = _subject(toks, first, lex)
        yield ctx.claim(
            KIND,
            first,
            end,
            "charge",
            stage,
            place="",
            person=who.surname if who else "",
            label=charges[0],
            categories=frozenset(charges),
            name=str(who) if who else "",
        )


def _charges_after(toks: Sequence[Tok], i: int, names, lex) -> tuple[list[str], int]:
    """Charges after a stage word: the first one led by a preposition or 'N counts of', then
    more joined by 'and' or commas ('capital murder and two counts of attempted murder')."""
    found: list[str] = []
    leads, between = lex.charge_leads, lex.charge_between
    end, k, led = i, i, low_at(toks, i - 1) in leads
    while k < len(toks) and k < i + _REACH + 6 * len(found):
        low = toks[k].low
        n, charge = names.match(toks, k)
        if n and led:
            if charge not in found:
                found.append(charge)
            k = end = k + n
            led = False
            continue
        if low in PUNCT_BREAK or low in (".", ";"):
            break
        joined = found and low in (",", "and")
        if found and not (joined or (led and (low in between or low[:1].isdigit()))):
            break
        led = joined or low in leads or (led and (low in between or low[:1].isdigit()))
        k += 1
    return found, end


def _conditional(toks: Sequence[Tok], first: int, lex) -> bool:
    """'if convicted of murder', 'could face a murder charge': a charge that is not laid."""
    return any(t.low in lex.conditionals for t in toks[max(0, first - 3) : first])


def _subject(toks: Sequence[Tok], stop: int, lex) -> Name | None:
    """The full name nearest before the stage word ('Jeremy Jones, 28, is charged with')."""
    named = person_mentions(toks[:stop], lex)
    return named[-1][0] if named else None


# --------------------------------------------------------------------------- judging


def judge(ev: EventContext) -> Iterator[Finding]:
    claims = sorted((c for c in ev.pool if c.kind == KIND), key=_order)
    if len({c.article for c in claims}) < 2:
        return
    general = ev.lex.charges["general"]
    yield from _agreements(ev, claims, general)
    yield from _conflicts(ev, claims, general, ev.lex.charges["homicide"])


def _order(c: Claim) -> tuple:
    return (c.article, c.sentence, c.start)


def _agreements(ev: EventContext, claims: list[Claim], general) -> Iterator[Finding]:
    """One finding per stage and specific charge that two reports or more name."""
    by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        for charge in sorted(c.categories):
            by_key[(c.predicate, charge)].append(c)
    for (stage, charge), members in sorted(by_key.items()):
        if _more_specific_named(charge, stage, by_key, general):
            continue  # 'murder' agrees within 'first-degree murder', shown there
        wider = [c for c in claims if c.predicate == stage and _covers(c, charge, general)]
        shown = sorted({id(c): c for c in members + wider}.values(), key=_order)
        arts = sorted({c.article for c in shown})
        if len(arts) > 1:
            text = f"{len(arts)} reports: {_stated(stage, charge)}"
            yield ev.finding(Verdict.AGREEMENT, "charge", f"charge|{stage}", text, shown)


def _covers(c: Claim, charge: str, general) -> bool:
    """Does the claim name the charge or a general one that covers it?"""
    return any(k == charge or charge in general.get(k, ()) for k in c.categories)


def _more_specific_named(charge: str, stage: str, by_key, general) -> bool:
    return any(k[0] == stage and k[1] in general.get(charge, ()) for k in by_key)


def _conflicts(ev: EventContext, claims: list[Claim], general, homicide) -> Iterator[Finding]:
    """Murder vs manslaughter for one named person at one stage, reports of the same days."""
    deaths = [c for c in claims if c.slot.person and c.label in homicide]
    seen: set[tuple[str, str, str]] = set()
    for a, b in combinations(deaths, 2):
        if a.article == b.article or a.predicate != b.predicate:
            continue
        if not Name(*_given_surname(a)).same_person(Name(*_given_surname(b))):
            continue
        if _compatible(a, b, general) or not _same_time(ev, a, b):
            continue
        key = (a.slot.person, a.predicate, "|".join(sorted((a.article, b.article))))
        if key in seen:
            continue
        seen.add(key)
        text = (
            f"{a.slot.person.title()} {_stated(a.predicate, _shown(a))} ({a.article}) vs "
            f"{_shown(b)} ({b.article})"
        )
        yield ev.finding(Verdict.CONTRADICTION, "charge", f"charge|{a.slot.person}", text, (a, b))


def _given_surname(c: Claim) -> tuple[str, str]:
    words = c.name.split()
    return (words[0] if len(words) > 1 else "", c.slot.person)


def _compatible(a: Claim, b: Claim, general) -> bool:
    """Either report names a charge that covers, or is covered by, one the other names."""
    return any(
        x == y or y in general.get(x, ()) or x in general.get(y, ())
        for x in a.categories
        for y in b.categories
    )


def _same_time(ev: EventContext, a: Claim, b: Claim) -> bool:
    ya, yb = (fractional_year(ev.articles[c.article].date) for c in (a, b))
    return not (ya and yb) or abs(ya - yb) <= ev.settings.charge_same_time_years


def _stated(stage: str, charge: str) -> str:
    """'charged with murder', 'convicted of murder', 'arrested on murder'."""
    words = {"charged": "with", "arrested": "on"}
    return f"{stage} {words.get(stage, 'of')} {charge.replace('_', ' ')}"


def _shown(c: Claim) -> str:
    return " and ".join(k.replace("_", " ") for k in sorted(c.categories, key=c.label.__ne__))
