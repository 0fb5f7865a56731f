"""How many times a named person did or underwent something: "Page married twice", "Page was
divorced three times", "Smith was shot three times".

Read: 'once', 'twice' or 'N times' right after a happening of the lexicon ('married', 'shot'),
with the person the sentence is about; a count of nobody is not read. A happening that bounds
another from below ('divorced three times': married three times or more) is read as that one.
Judge: counts of one person's one happening agree when they meet and contradict when they do
not, unless a report gives both or a count is placed ('shot twice in the leg': maybe a part).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.names import Name, name_before, person_mentions
from checker.text.tokens import low_at, lows_of, words_bit

KIND = ClaimKind.FREQUENCY
_GAP = 2  # words allowed between the happening and its count ('shot him twice')


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. 'times', 'twice' or 'once':
    every count of times has one."""
    tables = lex.values["frequency"]
    return Gate.of(words_bit(tables["times"]), words_bit(tables["adverbs"]))


def read(ctx: Context) -> Iterator[Claim]:
    tables = ctx.lex.values["frequency"]
    toks = ctx.toks
    lows = lows_of(toks)
    if tables["times"].isdisjoint(lows) and tables["adverbs"].keys().isdisjoint(lows):
        return  # no 'times', 'twice' or 'once': no count of times to read
    for i in range(len(toks)):
        count, last = _count_at(ctx, i, tables)
        if not count or ctx.used.intersection(range(i, last)):
            continue
        found = _happening_before(ctx, i, tables)
        if found is None:
            continue
        start, what, bounded = found
        who = _owner(ctx, start, tables)
        if who is None:
            continue
        figure = Figure(count, count, count + 1 if bounded else count)
        part = "part" if low_at(toks, last) in tables["parts"] else ""
        yield ctx.claim(
            KIND, start, last, what, "times", "", who.surname, figure=figure, name=str(who),
            label=part,
        )  # fmt: skip


def _owner(ctx: Context, start: int, tables) -> Name | None:
    """The name right before the happening ('Walker had been arrested twice', 'Page married'),
    else the full name nearest before it ('Gerald Pugh, 28, was shot twice')."""
    j = start
    while j > 0 and ctx.toks[j - 1].low in tables["auxiliaries"]:
        j -= 1
    name = name_before(ctx.toks, j, ctx.lex)[0]
    if name is not None:
        return name
    named = [name for name, _first, last in person_mentions(ctx.toks, ctx.lex) if last <= start]
    return named[-1] if named else None


def _count_at(ctx: Context, i: int, tables) -> tuple[int, int]:
    """'twice' -> (2, i + 1); 'three times' -> (3, i + 2); else (0, i)."""
    low = ctx.toks[i].low
    if low in tables["adverbs"]:
        return tables["adverbs"][low], i + 1
    number = int(low) if low.isdecimal() and len(low) <= 2 else ctx.lex.number_words.get(low)
    after = low_at(ctx.toks, i + 2)
    if number and low_at(ctx.toks, i + 1) in tables["times"] and after not in tables["comparisons"]:
        return number, i + 2
    return 0, i


def _happening_before(ctx: Context, i: int, tables) -> tuple[int, str, bool] | None:
    """(first token, happening, is a lower bound) of the happening just before the count."""
    for k in range(i - 1, max(-1, i - 2 - _GAP), -1):
        n, what = tables["happenings"].match(ctx.toks, k)
        if n and k + n <= i:
            return k, what, False
        n, what = tables["at_least"].match(ctx.toks, k)
        if n and k + n <= i:
            return k, what, True
        if not ctx.toks[k].is_word:
            return None
    return None


def judge(ev: EventContext) -> Iterator[Finding]:
    slots: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == KIND and c.figure is not None:
            slots[(c.slot.person, c.unit)].append(c)
    for (person, what), claims in sorted(slots.items()):
        claims.sort(key=lambda c: (c.article, c.sentence, c.start))
        slot = f"{person} {what}|times"
        for a, b in _pairs(claims):
            meet = a.figure.compatible(b.figure)
            if not meet and (_gives_both(claims, a, b) or a.label or b.label):
                continue  # 'shot twice in the leg' may be a part of 'shot three times'
            verdict = Verdict.AGREEMENT if meet else Verdict.CONTRADICTION
            text = f"{a.article} says {a.quote!r}, {b.article} says {b.quote!r}"
            yield ev.finding(verdict, "numeric", slot, text, (a, b))


def _pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """The first claim of each report against the first of each other report."""
    first: dict[str, Claim] = {}
    for c in claims:
        first.setdefault(c.article, c)
    arts = sorted(first)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if _same_person(first[a], first[b]):
                yield first[a], first[b]


def _same_person(a: Claim, b: Claim) -> bool:
    ga, gb = a.name.rpartition(" ")[0], b.name.rpartition(" ")[0]
    return not (ga and gb) or ga == gb


def _gives_both(claims: Sequence[Claim], a: Claim, b: Claim) -> bool:
    for x, y in ((a, b), (b, a)):
        if any(c.article == x.article and c.figure.compatible(y.figure) for c in claims):
            return True
    return False
