"""The year of a titled work: "the 2005 film The Notorious Bettie Page" vs "the 2006 HBO movie,
The Notorious Bettie Page".

Read: 'the' + a year + at most two words + a work noun (film, book, album) + its title, a run
of capitalised words right after it. The title is the key: one work, one year. Judge: reports
giving one title different years contradict; the same year agrees; a report giving both years
is no side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import is_year
from checker.text.tokens import DIGIT, digit_positions, low_at

KIND = ClaimKind.WORK_YEAR
_BETWEEN = 2  # words between the year and the work noun ('the 2006 HBO movie')


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A titled work's year starts with
    a digit."""
    return Gate.of(DIGIT)


def read(ctx: Context) -> Iterator[Claim]:
    toks, works = ctx.toks, ctx.lex.values["works"]
    for i in digit_positions(toks):  # a year starts with a digit
        tok = toks[i]
        if not is_year(tok.low) or low_at(toks, i - 1) != "the":
            continue
        noun = next((k for k in range(i + 1, i + 2 + _BETWEEN) if low_at(toks, k) in works), -1)
        if noun < 0:
            continue
        start = noun + 2 if low_at(toks, noun + 1) == "," else noun + 1
        end = start
        while end < len(toks) and toks[end].capitalised and toks[end].is_word:
            end += 1
        words = [t.low for t in toks[start:end]]
        if words[:1] == ["the"]:
            words = words[1:]
        if len(words) < 2:
            continue  # a one-word title is too often a name or a place
        year = int(tok.low)
        yield ctx.claim(
            KIND, i - 1, end, "work", " ".join(words), "", figure=Figure(year, year, year)
        )


def judge(ev: EventContext) -> Iterator[Finding]:
    by_title: dict[str, list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == KIND and c.figure is not None:
            by_title[c.predicate].append(c)
    for title in sorted(by_title):
        claims = sorted(by_title[title], key=lambda c: (c.article, c.sentence, c.start))
        years: dict[str, set[float]] = defaultdict(set)
        first: dict[str, Claim] = {}
        for c in claims:
            years[c.article].add(c.value)
            first.setdefault(c.article, c)
        arts = sorted(first)
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                x, y = first[a], first[b]
                if x.value != y.value and (x.value in years[b] or y.value in years[a]):
                    continue  # a report giving both years is no side
                verdict = Verdict.AGREEMENT if x.value == y.value else Verdict.CONTRADICTION
                text = f"{a} says {x.quote!r}, {b} says {y.quote!r}"
                yield ev.finding(verdict, "numeric", f"year of {title}", text, (x, y))
