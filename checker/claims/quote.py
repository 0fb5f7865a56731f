"""Direct quotations: a quotation that appears in one report only.

Read at judging time from the sentences themselves (a quote is not a claim about the event).
A quotation credited to a speaker is additional reporting, not an embellishment: it is a
low-severity ``unique`` note, hidden from reports by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.align import QuoteIndex
from checker.claims.base import EventContext
from checker.model import Claim, ClaimKind, Finding, Slot, Verdict

# A direct quotation of 25+ characters; an apostrophe inside a word ("city's") opens nothing.
QUOTED = re.compile(r"(?<!\w)[\"“‘']([^\"”’]{25,}?)[\"”’'](?!\w)")
WHY = "a quotation no other report carries (additional reporting)"


def _may_quote(text: str) -> bool:
    """A mark a quotation opens with (QUOTED's first class) is in the text: three sentences
    in four have none, and four substring tests cost a tenth of the pattern's search, which
    is tried at every position (GVA dev+test: 0.31 s -> 0.10 s with the search kept)."""
    return '"' in text or "“" in text or "‘" in text or "'" in text


def judge(ev: EventContext) -> Iterator[Finding]:
    ids = ev.ids
    if len(ids) < 2 or ev.too_big:
        return
    found = [
        (a, s, m)
        for a in ids
        for s in ev.sentences.get(a, ())
        if _may_quote(s.text)
        for m in QUOTED.finditer(s.text)
    ]
    if not found:
        return
    # where a quotation could appear in the other reports, indexed by the quotations' words
    index = QuoteIndex(ev.mine, ev.settings, [m.group(1) for _, _, m in found])
    for a, s, m in found:
        quote = m.group(1)
        if index.carries(quote, a, ev.settings.paraphrase_min_score):
            continue
        claim = Claim(
            a,
            s.index,
            ClaimKind.MARKER,
            Slot("marker", "quote"),
            quote,
            s.text,
            m.start(1),
            m.end(1),
            label="quote",
        )
        slot = f"sentence {s.index}"
        yield ev.finding(Verdict.UNIQUE, "unique quote", slot, WHY, (claim,))
