"""Named people and what happened to them: who died, by name.

Read: the dead named in full, in the common phrasings: 'in the deaths of 31-year-old Gary Rusher
and Christopher Beatty', 'Jane Doe, 23, was killed', 'Christopher Beatty and Wayne Rusher were
identified as the victims who died'. Judge: two reports that each name one dead person of a
surname, with different given names, contradict when the event's reports name more dead people
than its largest stated toll: one of the two names is wrong (two people who share a surname
stay two people while the toll leaves room for both).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext, Gate, stated_tolls
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Note, Verdict
from checker.text.names import edit_distance_one, person_mentions
from checker.text.tokens import Tok, low_at

KIND = ClaimKind.PERSON
_DEAD = "killed"
_IN_A_LIST = frozenset({",", "and"})
_BEFORE_AS = 8  # tokens between 'identified' and 'as the victims who died'


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. The dead are named after, before
    or as one of the tables' phrases."""
    return Gate.of(*lex.named_dead.values())


def read(ctx: Context) -> Iterator[Claim]:
    """Names in a background sentence are read too: a name says which person it is about
    (the judge compares only the dead of one surname, against the event's toll)."""
    toks, lex = ctx.toks, ctx.lex
    if not any(table.may_match(toks) for table in lex.named_dead.values()):
        return  # most sentences hold no word every phrase of a table needs: none is scanned
    spans: list[tuple[int, int]] = []
    phrases = lex.named_dead
    for _first, last, _ in phrases["nouns_of"].find_all(toks):
        spans.append((last, _list_end(toks, last)))
    for first, _last, _ in phrases["passive"].find_all(toks):
        spans.append((_list_start(toks, first), first))
    for first, _last, _ in _identified(toks, phrases["identified_as"]):
        spans.append((_list_start(toks, first), first))
    if not spans:
        return
    seen: set[str] = set()
    for name, first, last in person_mentions(toks, lex):
        inside = any(lo <= first and last <= hi for lo, hi in spans)
        if inside and str(name) not in seen and not _function_word(name.given, lex):
            seen.add(str(name))
            yield ctx.claim(
                KIND, first, last, "person", _DEAD, place="", person=name.surname, name=str(name)
            )


def _function_word(word: str, lex) -> bool:
    """'Both Long and Ebner were shot': a capital at the start of a sentence is no name."""
    return (
        word in lex.referring_numbers
        or word in lex.number_words
        or word in lex.fillers
        or word in lex.auxiliaries
    )


def _identified(toks: Sequence[Tok], table) -> list[tuple[int, int, object]]:
    """'were identified [by police on Monday] as the victims who died': the span starts at
    'were' so the names before it are the list."""
    out = []
    for i, tok in enumerate(toks):
        if tok.low != "identified" or low_at(toks, i - 1) not in ("was", "were"):
            continue
        for k in range(i + 1, min(len(toks), i + _BEFORE_AS)):
            if toks[k].low == "as" and table.match(toks, k + 1)[0]:
                out.append((i - 1, k, None))
                break
    return out


def _list_token(tok: Tok) -> bool:
    """Tokens of a list of names with ages: 'Jane Doe, 23, and 31-year-old John Roe'."""
    return (tok.capitalised and tok.is_word) or tok.low in _IN_A_LIST or tok.low[:1].isdigit()


def _list_end(toks: Sequence[Tok], i: int) -> int:
    j = i
    while j < len(toks) and (_list_token(toks[j]) or toks[j].low == "."):
        if toks[j].low == "." and not (j > 0 and len(toks[j - 1].low) <= 2):
            break  # an initial's full stop continues a name; another ends the list
        j += 1
    return j


def _list_start(toks: Sequence[Tok], i: int) -> int:
    j = i
    while j > 0 and (_list_token(toks[j - 1]) or toks[j - 1].low == "."):
        j -= 1
    return j


# --------------------------------------------------------------------------- judging


def judge(ev: EventContext) -> Iterator[Finding]:
    dead = [c for c in ev.pool if c.kind == KIND and c.predicate == _DEAD]
    toll = _largest_toll(ev.pool, ev.lex)
    if not dead or not toll or _people(dead) <= toll:
        return
    by_surname: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in dead:
        by_surname[c.slot.person][c.article].append(c)
    for surname, per_article in sorted(by_surname.items()):
        yield from _differing_given_names(ev, surname, per_article)


def _differing_given_names(ev: EventContext, surname: str, per_article) -> Iterator[Finding]:
    """Reports that each name one dead person of the surname, not all by one given name."""
    single = {a: cs[0] for a, cs in sorted(per_article.items()) if len({c.name for c in cs}) == 1}
    given = {_given(c) for c in single.values()}
    if len(given) < 2 or "" in given or _variants(given):
        return
    sides = list(single.values())
    shown = "; ".join(
        f"{g.title()} ({', '.join(c.article for c in sides if _given(c) == g)})"
        for g in sorted(given)
    )
    text = f"the dead {surname.title()} is named differently: {shown}"
    yield ev.finding(Verdict.CONTRADICTION, "name", f"name|{surname}", text, sides)


def _given(c: Claim) -> str:
    words = c.name.split()
    return words[0] if len(words) > 1 else ""


def _variants(given: set[str]) -> bool:
    """'Isiah' / 'Isaiah', 'Josh' / 'Joshua': a spelling variant or a short form, not another
    person."""
    names = sorted(given)
    return any(_variant(a, b) for a in names for b in names if a < b)


def _variant(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return edit_distance_one(a, b) or (len(short) >= 3 and long.startswith(short))


def _people(dead: list[Claim]) -> int:
    """How many people the names stand for: variants of one given name are one person."""
    kept: list[tuple[str, str]] = []
    for c in sorted(dead, key=lambda c: c.name):
        key = (_given(c), c.slot.person)
        if not any(k[1] == key[1] and (k[0] == key[0] or _variant(k[0], key[0])) for k in kept):
            kept.append(key)
    return len(kept)


def _largest_toll(pool: Sequence[Claim], lex) -> int:
    """The largest count of dead the event's reports state for the event itself."""
    tolls = [
        c.value
        for c in stated_tolls(pool, lex)
        if c.figure.exact and Note.BACKGROUND not in c.notes
    ]
    return int(max(tolls)) if tolls else 0
