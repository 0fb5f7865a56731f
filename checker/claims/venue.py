"""Where the event happened, at the levels reports name it: "in Mannheim, Germany", "in Mannheim".

Read: in the first sentences of a report (the lede says where the happening was; later
sentences name where people live, were taken or were arrested), each place introduced by 'in',
with the place a report itself nests it in: an apposition ('in Dallas, Texas, police said') or a
place right after it ('in Alamo in Contra Costa County'). Background sentences are not read.

Judge: places nest (the nesting every report of the event writes, taken together: 'Mannheim,
Germany' in one report puts a plain 'in Germany' of another above Mannheim), so two reports that
name the place at two levels agree on the level they share. Each group of two or more reports
is named once, at the narrowest place two reports share (an agreement on 'Germany' is not
repeated when two reports also agree on 'Mannheim'). Two different places are never a
contradiction: without a gazetteer the checker cannot tell a suburb from its city.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from checker.claims.base import Context, EventContext
from checker.model import Claim, ClaimKind, Finding, Note, Verdict
from checker.text.places import PlaceMention, place_key
from checker.text.tokens import Tok, low_at

KIND = ClaimKind.VENUE


def read(ctx: Context) -> Iterator[Claim]:
    if ctx.sentence.index >= ctx.settings.venue_sentences or Note.BACKGROUND in ctx.notes:
        return
    toks, lex = ctx.toks, ctx.lex
    for m in ctx.places:
        if m.weak or low_at(toks, m.first - 1) not in lex.venue_prepositions:
            continue
        parent, last = _nesting_place(toks, m, ctx.places, lex, ctx.settings.venue_words)
        yield ctx.claim(KIND, m.first, max(m.last, last), "venue", m.key, place=parent)


def _nesting_place(
    toks: Sequence[Tok], m: PlaceMention, mentions: Sequence[PlaceMention], lex, limit: int
) -> tuple[str, int]:
    """The place a report nests ``m`` in, and where its words end: ', Texas' or 'in Texas'."""
    if low_at(toks, m.last) == ",":
        words, end = _apposition(toks, m.last + 1, lex, limit)
        if words:
            return place_key(words, lex), end
    following = next((n for n in mentions if n.first == m.last + 1 and not n.weak), None)
    if following is not None and low_at(toks, m.last) in lex.venue_prepositions:
        return following.key, following.last
    return "", m.last


def _apposition(toks: Sequence[Tok], j: int, lex, limit: int) -> tuple[list[str], int]:
    """', Germany on Saturday' -> ['Germany']: a short capitalised run that a clause boundary
    or a word of time follows, so ', Klitschko retained' is no place."""
    words: list[str] = []
    k = j
    while k < len(toks) and toks[k].capitalised and toks[k].is_word:
        if toks[k].low in lex.not_places or len(words) == limit:
            return [], -1
        words.append(toks[k].text)
        k += 1
    if not words or (k < len(toks) and toks[k].low not in lex.apposition_ends):
        return [], -1
    return words, k


def judge(ev: EventContext) -> Iterator[Finding]:
    claims = ev.in_order(KIND)
    above = _nesting(claims)
    held: dict[str, dict[str, Claim]] = defaultdict(dict)
    for c in claims:
        for key in (c.slot.predicate, *_ancestors(c.slot.predicate, above)):
            held[key].setdefault(c.article, c)
    shared = {key for key, reports in held.items() if len(reports) > 1}
    for key in sorted(shared):
        if any(key in _ancestors(other, above) for other in shared):
            continue  # told at the narrower place two reports share
        reports = held[key]
        text = f"{len(reports)} reports place the event in {_shown(key, claims, above)}"
        yield ev.finding(Verdict.AGREEMENT, "place", f"venue|{key}", text, list(reports.values()))


def _nesting(claims: Sequence[Claim]) -> dict[str, str]:
    """Each place's parent, as the reports nest it; a place two reports nest differently, or
    that would nest in itself, keeps no parent (no report is taken over another)."""
    parents: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.place and c.place != c.slot.predicate:
            parents[c.slot.predicate].add(c.place)
    above = {key: next(iter(ps)) for key, ps in parents.items() if len(ps) == 1}
    return {key: p for key, p in above.items() if key not in _ancestors(p, above)}


def _ancestors(key: str, above: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    while key in above and above[key] not in out and above[key] != key:
        key = above[key]
        out.append(key)
    return out


def _shown(key: str, claims: Sequence[Claim], above: Mapping[str, str]) -> str:
    """The place as the reports most often write it ('Morgan County', 'Mannheim, Germany'),
    with the level above when no report writes the two together."""
    written = Counter(c.quote for c in claims if c.slot.predicate == key)
    if not written:
        return key.title()
    best = min(written, key=lambda q: (-written[q], -len(q), q))
    if any(c.place for c in claims if c.slot.predicate == key) or key not in above:
        return best
    return f"{best}, {_shown(above[key], claims, above)}"
