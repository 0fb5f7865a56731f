"""Ages of named people: 'Norris Greenhouse Jr., 23,', 'a 23-year-old man, Jane Doe'.

Judge: ages of one person; a year apart is a birthday (more when the reports were written
years apart), not a conflict. Two people who share a surname are not compared when their
given names differ, and a bare surname is one person only if the event names one person of it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.align import Alignment
from checker.claims.base import Context, EventContext, Gate, consensus_summary, exact, value_summary
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import fractional_year
from checker.text.names import Name, name_after, name_before, subject_before
from checker.text.tokens import DIGIT, digit_positions, low_at, lows_of, words_bit

KIND = ClaimKind.AGE
_AGE_TOKEN = re.compile(r"^(\d{1,3})-years?-old$")
_APPOSITION_END = (",", ".", ";", "and", ")")
_MAX_AGE = 110
_THE_AGES_OF = ["the", "ages", "of"]


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. An age starts with a digit; a
    group's ages open with a word of a range or 'between'."""
    return Gate.of(DIGIT, words_bit(lex.age_range_words | {"between"}))


def read(ctx: Context) -> Iterator[Claim]:
    """'Jane Doe, 23,', '23-year-old Jane Doe', 'the 23-year-old' (the person named last),
    'Page died at 85', 'Doe, aged 23', 'Doe is 19 years old', 'she was 91' (named before)."""
    toks, lex = ctx.toks, ctx.lex
    yield from _age_ranges(ctx)
    for i in digit_positions(toks):  # an age starts with a digit
        tok = toks[i]
        m = _AGE_TOKEN.match(tok.low)
        if m:
            who, first, last = name_after(toks, i + 1, lex)
            if not who:
                who, first, last = _role_then_name(toks, i + 1, lex)
            if not who:
                who, first, last = _named_next(ctx, i)
            if who:
                yield _age(ctx, int(m.group(1)), min(i, first), max(i + 1, last), who)
        elif tok.is_digits and 0 < int(tok.low) < _MAX_AGE:
            found = _apposition(ctx, i) or _phrased(ctx, i)
            if found:
                yield found


def _age_ranges(ctx: Context) -> Iterator[Claim]:
    """'the victims range in age from 11 to 30', 'ranged in age between 11 to 30 years old',
    'between the ages of 11 and 30': the ages of a group, compared only as a whole."""
    toks = ctx.toks
    lows = lows_of(toks)
    if ctx.lex.age_range_words.isdisjoint(lows) and "between" not in lows:
        return  # most sentences: no word that opens a range of ages
    for i, tok in enumerate(toks):
        j = i + 1
        if (
            tok.low in ctx.lex.age_range_words
            and low_at(toks, j) == "in"
            and low_at(toks, j + 1) in ctx.lex.age_nouns
        ):
            j += 2
            j += low_at(toks, j) in ("from", "between")
        elif tok.low == "between" and [low_at(toks, j + k) for k in range(3)] == _THE_AGES_OF:
            j += 3
        else:
            continue
        ends = _two_ages(toks, j)
        if ends is None:
            continue
        low, high, last = ends
        ctx.used.update(range(i, last))
        figure = Figure(float(low), float(low), float(high), vague=True)  # no one age
        yield ctx.claim(
            KIND, i, last, "age", "range", place="", person="", figure=figure, label=f"{low}-{high}"
        )


def _two_ages(toks, j: int) -> tuple[int, int, int] | None:
    """'11 to 30', '11 and 30', '11-30' at j: (low, high, end) or None."""
    a, join, b = low_at(toks, j), low_at(toks, j + 1), low_at(toks, j + 2)
    if not (a.isdigit() and b.isdigit() and join in ("to", "and", "-", "–")):
        return None
    low, high = int(a), int(b)
    if not 0 < low < high < _MAX_AGE:
        return None
    end = j + 3
    n = 2 if [low_at(toks, end), low_at(toks, end + 1)] == ["years", "old"] else 0
    return low, high, end + n


def _role_then_name(toks, i: int, lex):
    """'the 45-year-old suspect, Larry Darnell Gordon,': a role word, a comma and a full name
    closed by punctuation or a verb, so the name is the role's apposition."""
    if not (low_at(toks, i + 1) == "," and i < len(toks) and toks[i].is_word):
        return None, -1, -1
    if toks[i].capitalised:
        return None, -1, -1
    who, first, last = name_after(toks, i + 2, lex)
    if not who or not who.given or low_at(toks, last) not in _APPOSITION_END:
        return None, -1, -1
    return who, first, last


def _named_next(ctx: Context, i: int):
    """'A 63-year-old woman and two men were shot. The woman, identified by the police as
    Madeline Kafoury, died': the next sentence opens on 'The <same noun>' and names it with
    'identified as' a full name; only when this sentence has one such age for that noun."""
    toks, nxt = ctx.toks, ctx.following
    noun = low_at(toks, i + 1)
    if not (noun.isalpha() and low_at(toks, i - 1) in ("a", "an") and len(nxt) > 4):
        return None, -1, -1
    if [low_at(nxt, 0), low_at(nxt, 1)] != ["the", noun] or toks[i + 1].capitalised:
        return None, -1, -1
    same_noun = [
        k for k, t in enumerate(toks) if _AGE_TOKEN.match(t.low) and low_at(toks, k + 1) == noun
    ]
    if len(same_noun) > 1:
        return None, -1, -1
    head = [t.low for t in nxt[2:9]]
    if "identified" not in head:
        return None, -1, -1
    k = 2 + head.index("identified")
    rest = [t.low for t in nxt[k + 1 : k + 6]]
    if "as" not in rest:
        return None, -1, -1
    who, _, _ = name_after(nxt, k + 2 + rest.index("as"), ctx.lex)
    if who is None or not who.given:
        return None, -1, -1
    return who, i - 1, i + 2


def _in_a_range(toks, i: int) -> bool:
    """'10 or 11 years old', 'between 30 and 40 years old', '11 to 30': one end of a range."""
    joins = ("or", "to", "and", "-", "–")
    before = low_at(toks, i - 1) in joins and low_at(toks, i - 2)[:1].isdigit()
    after = low_at(toks, i + 1) in joins and low_at(toks, i + 2)[:1].isdigit()
    return before or after


def _pronoun_was(toks, i: int, lex) -> bool:
    """'she was 91.', 'he is 19,': a pronoun, a copula and a number closing the clause."""
    return (
        low_at(toks, i - 1) in ("was", "is")
        and low_at(toks, i - 2) in lex.person_pronouns
        and low_at(toks, i + 1) in (".", ",", ";", "when", "")
    )


def _apposition(ctx: Context, i: int) -> Claim | None:
    if not _is_apposition(ctx.toks, i):
        return None
    who, first = name_before(ctx.toks, i - 1, ctx.lex)
    return _age(ctx, int(ctx.toks[i].low), first, i + 1, who) if who else None


def _phrased(ctx: Context, i: int) -> Claim | None:
    """An age said in words around the number, its person named before it in the sentence or,
    after 'he'/'she', in an earlier one."""
    toks, lex = ctx.toks, ctx.lex
    start, _ = lex.age_before.ending_at(toks, i, longest=5)
    after = lex.age_after.match(toks, i + 1)[0] if i + 1 < len(toks) else 0
    if start < 0 and _pronoun_was(toks, i, lex):
        start = i - 2  # "She was 91."
    if start < 0 and not after:
        return None
    if _in_a_range(toks, i):
        return None  # "10 or 11 years old": a guess between two ages, neither of them stated
    first = start if start >= 0 else i
    if after:
        named, _, name_end = name_after(toks, i + 1 + after, lex)
        if named:  # "killing 16 year old Elijah Jackson": the age is the name's after it
            ctx.used.update(range(first, name_end))
            return _age(ctx, int(toks[i].low), first, name_end, named)
    who = subject_before(toks, first, lex)
    if who is None and any(
        t.low in lex.person_pronouns for t in toks[max(0, first - 4) : first + 1]
    ):
        who = ctx.named_last()
    if who is None:
        return None
    ctx.used.update(range(first, i + 1 + after))
    return _age(ctx, int(toks[i].low), first, i + 1 + after, who)


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
    if al.key.predicate == "range":
        return _judge_ranges(ev, al)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in al.claims:
        if len(by_article[c.article]) < ev.settings.self_pairs:  # pairs below stay bounded
            by_article[c.article].append(c)
    if len(by_article) < 2:
        return []
    compared = [c for a in sorted(by_article) for c in by_article[a]]
    arts = sorted(by_article)
    written = {a: fractional_year(ev.articles[a].date) if a in ev.articles else 0.0 for a in arts}
    given = {_name(c).given for c in al.claims if _name(c).given}
    same = _same_person_test(given)
    conflicts: dict[str, Claim] = {}
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            slack = _slack(written[a], written[b], ev.settings)
            pairs = [
                (x, y)
                for x in by_article[a]
                for y in by_article[b]
                if same(x, y) and _same_bearer(x, y, ev.settings)
            ]
            if pairs and not any(abs(x.value - y.value) <= slack for x, y in pairs):
                x, y = max(pairs, key=_likeness)  # the two sentences that tell it most alike
                if _likeness((x, y)) < ev.settings.age_similarity:
                    continue  # ages in unlike sentences were other people on dev audits
                conflicts.setdefault(a, x)
                conflicts.setdefault(b, y)
    who = al.claims[0].slot.person.title()
    out = []
    agreeing = [
        c
        for c in compared
        if c.article not in conflicts
        and any(_agree(o, c) and same(o, c) for o in compared if o.article != c.article)
    ]
    if len({c.article for c in agreeing}) > 1:
        text = f"age of {who}: {value_summary(agreeing, lambda c: f'{c.value:g}', '; ')}"
        out.append(ev.finding(Verdict.AGREEMENT, "age", al.key, text, agreeing))
    if conflicts:
        picked = [conflicts[a] for a in sorted(conflicts)]
        sides = consensus_summary(picked, _agree)
        text = f"age of {who} differs: {sides}"
        out.append(ev.finding(Verdict.CONTRADICTION, "age", al.key, text, picked))
    return out


def _judge_ranges(ev: EventContext, al: Alignment) -> list[Finding]:
    """Ranges of a group's ages agree when both ends are equal; two ranges may be of two
    groups (the victims, the suspects), so they never contradict."""
    out = []
    by_label: dict[str, list[Claim]] = defaultdict(list)
    for c in al.claims:
        by_label[c.label].append(c)
    for label, members in sorted(by_label.items()):
        arts = sorted({c.article for c in members})
        if len(arts) > 1:
            text = f"{len(arts)} reports give ages from {label.replace('-', ' to ')}"
            out.append(ev.finding(Verdict.AGREEMENT, "age", al.key, text, members))
    return out


def _same_bearer(a: Claim, b: Claim, settings) -> bool:
    """Ages far apart for one name are a father and son ('John Hoffman', 5 and 49), unless the
    digits are swapped (23 and 32), the usual typo."""
    x, y = int(a.value), int(b.value)
    return abs(x - y) <= settings.age_max_gap or str(x)[::-1] == str(y)


def _likeness(pair: tuple[Claim, Claim]) -> float:
    """How alike two sentences give a person's age ('Derrick Stafford, 32, was charged' /
    'Derrick Stafford, 23, was charged'): alike enough, the same person told of the same way."""
    a, b = pair
    return fuzz.token_set_ratio(a.text, b.text)


def _slack(year_a: float, year_b: float, settings) -> float:
    """A birthday between two reports is no conflict: the whole years between them, rounded
    up, when both dates are known (reports of one week give one age), or
    ``age_slack_undated`` when one is not."""
    if year_a and year_b:
        gap = abs(year_a - year_b)
        return 0.0 if gap < settings.age_same_time_years else float(math.ceil(gap))
    return settings.age_slack_undated


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
