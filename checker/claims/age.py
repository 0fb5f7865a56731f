"""Ages of named people: 'Norris Greenhouse Jr., 23,', 'a 23-year-old man, Jane Doe'.

Judge: ages of one person; a year apart is a birthday (more when the reports were written
years apart), not a conflict. Two people who share a surname are not compared when their
given names differ, and a bare surname is one person only if the event names one person of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from checker.align import Alignment
from checker.claims.base import Context, EventContext, compatible_sides, exact, value_summary
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.dates import fractional_year
from checker.text.names import Name, name_after, name_before
from checker.text.tokens import low_at

KIND = ClaimKind.AGE
_AGE_TOKEN = re.compile(r"^(\d{1,3})-years?-old$")
_APPOSITION_END = (",", ".", ";", "and", ")")
_MAX_AGE = 110


def read(ctx: Context) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    for i, tok in enumerate(toks):
        m = _AGE_TOKEN.match(tok.low)
        if m:
            who, first, last = name_after(toks, i + 1, lex)
            if who:
                yield _age(ctx, int(m.group(1)), min(i, first), max(i + 1, last), who)
        elif tok.is_digits and 0 < int(tok.low) < _MAX_AGE and _is_apposition(toks, i):
            who, first = name_before(toks, i - 1, lex)
            if who:
                yield _age(ctx, int(tok.low), first, i + 1, who)


def _is_apposition(toks, i: int) -> bool:
    """'Jane Doe, 23,': a number alone between commas after a name."""
    return i >= 2 and low_at(toks, i - 1) == "," and low_at(toks, i + 1) in _APPOSITION_END


def _age(ctx: Context, age: int, first: int, last: int, who: Name) -> Claim:
    return ctx.claim(
        KIND,
        first,
        last,
        "age",
        who.surname,
        place="",
        person=who.surname,
        figure=exact(float(age)),
        name=str(who),
    )


def _name(c: Claim) -> Name:
    words = c.name.split()
    return Name(words[0] if len(words) > 1 else "", c.slot.person)


def judge(ev: EventContext) -> Iterator[Finding]:
    for al in ev.alignments:
        if al.kind == KIND:
            yield from _judge_alignment(ev, al)


def _judge_alignment(ev: EventContext, al: Alignment) -> list[Finding]:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in al.claims:
        by_article[c.article].append(c)
    if len(by_article) < 2:
        return []
    arts = sorted(by_article)
    written = {a: fractional_year(ev.articles[a].date) if a in ev.articles else 0.0 for a in arts}
    given = {_name(c).given for c in al.claims if _name(c).given}
    same = _same_person_test(given)
    conflicts: set[str] = set()
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            years = abs(written[a] - written[b]) if written[a] and written[b] else 0
            pairs = [(x, y) for x in by_article[a] for y in by_article[b] if same(x, y)]
            if pairs and not any(abs(x.value - y.value) <= 1 + years for x, y in pairs):
                conflicts.update((a, b))
    who = al.claims[0].slot.person.title()
    out = []
    agreeing = [
        c
        for c in al.claims
        if c.article not in conflicts
        and any(
            o.article != c.article and abs(o.value - c.value) <= 1 and same(o, c) for o in al.claims
        )
    ]
    if len({c.article for c in agreeing}) > 1:
        text = f"age of {who}: {value_summary(agreeing, lambda c: f'{c.value:g}', '; ')}"
        out.append(ev.finding(Verdict.AGREEMENT, "age", al.key, text, agreeing))
    if conflicts:
        picked = [by_article[a][0] for a in sorted(conflicts)]
        sides = compatible_sides(picked, lambda x, y: abs(x.value - y.value) <= 1)
        text = f"age of {who} differs: {sides}"
        out.append(ev.finding(Verdict.CONTRADICTION, "age", al.key, text, picked))
    return out


def _agree(a: Claim, b: Claim) -> bool:
    return abs(a.value - b.value) <= 1


def _same_person_test(given: set[str]):
    """Same given name where both give one; a bare surname is the same person only when the
    event names one person of that surname."""

    def same(a: Claim, b: Claim) -> bool:
        na, nb = _name(a), _name(b)
        if na.given and nb.given:
            return na.given == nb.given
        return len(given) <= 1

    return same
