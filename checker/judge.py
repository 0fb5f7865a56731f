"""Turn aligned claims into findings: agreement, contradiction, embellishment, omission.

Two more verdicts: "explained", figures that differ for a stated reason (one report counts the
gunman, another does not; a later report updates a toll), shown but not as a conflict; and
"disputed", reports that characterise an incident differently ("part of the same wave" vs "a
separate incident"). A dispute is about interpretation, not a stated fact, and its sentences
usually also carry facts the reports agree on, so it is kept apart from contradictions.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from rapidfuzz import fuzz

from checker.align import (
    Alignment,
    QuoteIndex,
    align_claims,
    claim_order,
    similar_sentences,
)
from checker.extract import is_concrete_source
from checker.lexicons import WEEKDAYS
from checker.model import Article, Claim, Event, Finding, Sentence, format_number
from checker.settings import DEFAULT, Settings

VERDICT_ORDER = {
    "contradiction": 0,
    "disputed": 1,
    "embellishment": 2,
    "explained": 3,
    "agreement": 4,
    "omission": 5,
}
_PERPETRATOR = {"excludes_perpetrator", "includes_perpetrator", "perpetrator_dead"}
_WHY_EMBELLISHMENT = {
    "unsourced witness": "witnesses or residents with no name; no other report has them",
    "speculation": "speculation or unnamed experts; no other report says so",
    "intensifier on shared fact": "an intensifier on a fact the other reports state plainly",
    "intensifier": "an intensifier no other report uses",
    "evaluative framing": "the outlet's own framing, in no other report",
    "added quote": "a quotation no other report carries",
    "added detail": "only this report gives the figure",
}
_SELF_SIMILARITY = 70  # token_set_ratio of two sentences of one report stating one fact
_SELF_PAIRS = 40  # claims of one slot in one report compared (with each other, ages), at most
# A direct quotation of 25+ characters; an apostrophe inside a word ("city's") opens nothing.
_QUOTED = re.compile(r"(?<!\w)[\"“‘']([^\"”’]{25,}?)[\"”’'](?!\w)")


def judge_event(
    event: Event,
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
) -> list[Finding]:
    """All findings of one event (ids are assigned later, over the whole report)."""
    ids = sorted(event.articles)
    pool = [c for a in ids for c in claims.get(a, ())]
    alignments = align_claims(pool)
    findings: list[Finding] = []
    event_notes = _event_conventions(pool)
    for al in alignments:
        findings.extend(_judge_alignment(event, al, articles, event_notes, settings))
    findings.extend(_negations(event, alignments))
    findings.extend(_temporal(event, alignments, pool))
    if len(ids) > 1:
        mine = {a: sentences.get(a, ()) for a in ids}
        if too_many_sentences(mine, settings):  # pipeline notes it in the report
            findings.extend(_added_details(event, alignments, settings))
        else:
            support = similar_sentences(mine, settings)
            findings.extend(_embellishments(event, pool, alignments, support, mine, settings))
        findings.extend(_omissions(event, alignments, ids))
    return findings


def too_many_sentences(sentences: Mapping[str, Sequence[Sentence]], settings: Settings) -> bool:
    """Over ``max_event_sentences``, an event's sentences are not compared with each other."""
    return sum(len(group) for group in sentences.values()) > settings.max_event_sentences


def _finding(event: Event, verdict, kind, slot, explanation, severity, claims) -> Finding:
    ordered = tuple(sorted(claims, key=claim_order))
    return Finding("", event.id, verdict, kind, slot, explanation, severity, ordered)


# --------------------------------------------------------------------------- figures and facts


def compatible(a: Claim, b: Claim) -> bool:
    """Intervals overlap: 40 and 'about 40', 'more than 250' and '250 to 300'."""
    return a.low <= b.high and b.low <= a.high


def _judge_alignment(event, al: Alignment, articles, event_notes, settings) -> list[Finding]:
    if al.kind == "quantity":
        return _judge_quantities(event, al, articles, event_notes)
    if al.kind == "age":
        return _judge_ages(event, al, articles)
    if al.kind == "relation":
        return _judge_labels(event, al, "relation")
    if al.kind in ("fact", "absence") and len(al.articles) > 1:
        what = "no " + al.claims[0].label.replace(",", "/") if al.kind == "absence" else "it"
        return [
            _finding(
                event,
                "agreement",
                al.kind,
                al.key,
                f"{len(al.articles)} reports state {what}",
                1,
                al.claims,
            )
        ]
    return []


def _judge_quantities(event, al: Alignment, articles, event_notes) -> list[Finding]:
    figures = [c for c in al.claims if c.kind == "quantity"]
    findings = []
    clusters = _agreeing_clusters(figures)
    for value, members in clusters:
        arts = sorted({c.article for c in members})
        if len(arts) > 1:
            what = _fmt(value) if value is not None else "compatible figures"
            text = f"{len(arts)} reports give {what}"
            findings.append(_finding(event, "agreement", "numeric", al.key, text, 2, members))
    conflict = _conflicting_principals(figures)
    if conflict:
        verdict, kind, why = _explain_difference(conflict, articles, event_notes)
        values = _compatible_sides(conflict, compatible)
        text = f"{why}: {values}" if why else f"reports disagree: {values}"
        severity = 6 if verdict == "contradiction" else 2
        findings.append(_finding(event, verdict, kind, al.key, text, severity, conflict))
    if not findings and len(al.articles) > 1:
        # figures too vague to compare, or given by one report only: the fact itself agrees
        text = f"{len(al.articles)} reports state it"
        findings.append(_finding(event, "agreement", "fact", al.key, text, 1, al.claims))
    findings.extend(_self_contradictions(event, al, figures))
    return findings


def _agreeing_clusters(figures: Sequence[Claim]) -> list[tuple[float | None, list[Claim]]]:
    """Claims grouped around each stated exact value; vague ones join what they allow."""
    exact = sorted({c.value for c in figures if not c.vague and c.low == c.high})
    clusters, taken = [], set()
    for v in exact:
        members = [c for c in figures if _near(c, v) and id(c) not in taken]
        if len({c.article for c in members}) > 1:
            clusters.append((v, members))
            taken.update(id(c) for c in members)
    rest = [c for c in figures if id(c) not in taken]
    if rest and len({c.article for c in rest}) > 1 and _all_overlap(rest):
        clusters.append((None, rest))  # compatible ranges, no single stated value
    return clusters


def _near(c: Claim, v: float) -> bool:
    """Allows v, and says so: 'more than 26' does not support 600."""
    return c.low <= v <= c.high and v <= max(c.value or 0, c.low) * 2 + 1


def _all_overlap(claims: Sequence[Claim]) -> bool:
    return max(c.low for c in claims) <= min(c.high for c in claims)


def _principal(claims: Sequence[Claim]) -> Claim:
    """The figure a report stands by: its largest exact figure, the first stated on ties."""
    return max(claims, key=lambda c: (not c.vague, c.value or 0, -c.sentence, -c.start))


def _conflicting_principals(figures: Sequence[Claim]) -> list[Claim]:
    """One claim per report whose figures are compatible with no figure of some other report."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in figures:
        if not c.vague and not _partial(c):
            by_article[c.article].append(c)
    arts = sorted(by_article)
    involved = set()
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if not any(compatible(x, y) for x in by_article[a] for y in by_article[b]):
                involved.update((a, b))
    return [_principal(by_article[a]) for a in sorted(involved)]


def _explain_difference(claims: Sequence[Claim], articles, event_notes: set[str]):
    """Is the difference a counting convention or a stated update rather than a conflict?"""
    notes = set(event_notes)
    for c in claims:
        notes.update(filter(None, c.convention.split(",")))
    values = sorted({c.value for c in claims})
    casualty = claims[0].predicate in ("killed", "shot")
    perpetrator = notes & _PERPETRATOR
    if casualty and perpetrator and len(values) == 2 and values[1] - values[0] == 1:
        return (
            "explained",
            "convention",
            ("differ by one: one report counts the perpetrator, the other does not"),
        )
    updated = [c for c in claims if "update" in c.convention.split(",")]
    if updated:
        return "explained", "update", "a later figure updates an earlier one"
    return "contradiction", "numeric", ""


def _event_conventions(pool: Sequence[Claim]) -> set[str]:
    """Counting notes that hold for the whole event: any report saying the gunman died, or
    counting with or without him, explains a difference of one in every report's toll."""
    notes = {n for c in pool for n in c.convention.split(",") if n in _PERPETRATOR}
    if any(c.unit == "suspect" and c.predicate == "killed" for c in pool):
        notes.add("perpetrator_dead")
    return notes


def _partial(c: Claim) -> bool:
    """Part of a count, or a count from another time: agrees, never contradicts."""
    notes = c.convention.split(",")
    return "partial" in notes or "background" in notes


def _self_contradictions(event, al: Alignment, figures) -> list[Finding]:
    """One report giving two incompatible figures for the same explicitly placed slot, in two
    sentences that otherwise say the same thing (a round-up lists many tolls for one place).

    At most one finding per report and slot, and at most ``_SELF_PAIRS`` claims compared, so a
    pathological article cannot make the audit quadratic.
    """
    out = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in figures:
        if not c.vague and c.place and not c.place_inherited and not _partial(c):
            by_article[c.article].append(c)
    for art, cs in sorted(by_article.items()):
        pair = _first_clash(cs[:_SELF_PAIRS])
        if pair:
            a, b = pair
            text = f"{art} gives both {_fmt_claim(a)} and {_fmt_claim(b)}"
            out.append(_finding(event, "contradiction", "numeric", al.key, text, 5, (a, b)))
    return out


def _first_clash(claims: Sequence[Claim]) -> tuple[Claim, Claim] | None:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if (
                a.place == b.place
                and a.sentence != b.sentence
                and not compatible(a, b)
                and fuzz.token_set_ratio(a.text, b.text) >= _SELF_SIMILARITY
            ):
                return a, b
    return None


def _judge_ages(event, al: Alignment, articles) -> list[Finding]:
    """Ages of one named person; a year apart is a birthday, not a conflict. Two people who
    share a surname ('Tasha Jonas, 11', 'John Jonas, 49') are not compared."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in al.claims:
        if len(by_article[c.article]) < _SELF_PAIRS:  # the pairs below stay bounded
            by_article[c.article].append(c)
    if len(by_article) < 2:
        return []
    arts = sorted(by_article)
    compared = [c for a in arts for c in by_article[a]]
    slack = {a: _year_of(articles.get(a)) for a in arts}
    given = {c.label.split()[0] for c in al.claims if len(c.label.split()) > 1}
    conflicts, agree = set(), []
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            years = abs(slack[a] - slack[b]) if slack[a] and slack[b] else 0
            pairs = [
                (x, y) for x in by_article[a] for y in by_article[b] if _same_person(x, y, given)
            ]
            if pairs and not any(abs(x.value - y.value) <= 1 + years for x, y in pairs):
                conflicts.update((a, b))
    same = [
        c
        for c in compared
        if c.article not in conflicts
        and any(
            o.article != c.article and abs(o.value - c.value) <= 1 and _same_person(o, c, given)
            for o in compared
        )
    ]
    if len({c.article for c in same}) > 1:
        agree.append(
            _finding(
                event,
                "agreement",
                "age",
                al.key,
                f"age of {al.claims[0].predicate.title()}: "
                f"{_value_summary(same, _fmt_claim, '; ')}",
                1,
                same,
            )
        )
    if conflicts:
        picked = [by_article[a][0] for a in sorted(conflicts)]
        sides = _compatible_sides(picked, lambda x, y: abs(x.value - y.value) <= 1)
        text = f"age of {al.claims[0].predicate.title()} differs: {sides}"
        agree.append(_finding(event, "contradiction", "age", al.key, text, 5, picked))
    return agree


def _same_person(a: Claim, b: Claim, given: set[str]) -> bool:
    """Same surname, and the same given name where both reports give one. A bare surname is
    taken to be the same person only when the event names one person of that surname."""
    first_a, first_b = a.label.split()[:-1], b.label.split()[:-1]
    if first_a and first_b:
        return first_a[0] == first_b[0]
    return len(given) <= 1


def _year_of(article: Article | None) -> float:
    if article is None or not article.date:
        return 0.0
    try:
        d = date.fromisoformat(article.date)
    except ValueError:
        return 0.0
    return d.year + d.timetuple().tm_yday / 366


def _judge_labels(event, al: Alignment, kind: str) -> list[Finding]:
    """'part of the same wave' vs 'a separate incident'."""
    labels = {c.label for c in al.claims}
    if len(al.articles) < 2:
        return []
    if len(labels) > 1:
        text = f"reports disagree: {_value_summary(al.claims, lambda c: repr(c.quote))}"
        return [_finding(event, "disputed", kind, al.key, text, 5, al.claims)]
    text = f"{len(al.articles)} reports say {al.claims[0].label}"
    return [_finding(event, "agreement", kind, al.key, text, 1, al.claims)]


def _negations(event, alignments: Sequence[Alignment]) -> list[Finding]:
    """'no injuries' in one report, 'two injured' in another, for the same place.

    Only between a report that says only the one and a report that says only the other: a
    report saying both is not clear about either. One finding per pair of reports.
    """
    out = []
    absences = [a for a in alignments if a.kind == "absence"]
    counts: dict[str, list[Alignment]] = defaultdict(list)  # by place: no all-pairs scan
    for al in alignments:
        if al.kind in ("quantity", "fact"):
            counts[al.key.split("|")[0]].append(al)
    for ab in absences:
        cats = set(ab.claims[0].label.split(","))
        for al in counts.get(ab.key.split("|")[0], ()):
            pred = al.claims[0].predicate
            if not ((pred in cats) or (pred == "damaged" and "damage" in cats)):
                continue
            positive = [c for c in al.claims if c.kind != "quantity" or (c.low or 0) > 0]
            denies = {c.article for c in ab.claims}
            states = {c.article for c in positive}
            for a in sorted(denies - states):
                for b in sorted(states - denies):
                    x = next(c for c in ab.claims if c.article == a)
                    y = next(c for c in positive if c.article == b)
                    text = f"{a} says {x.quote!r}, {b} says {y.quote!r}"
                    out.append(
                        _finding(event, "contradiction", "negation", al.key, text, 6, (x, y))
                    )
    return out


_WEEKDAY_INDEX = {d: k for k, d in enumerate(WEEKDAYS)}


def _temporal(event, alignments: Sequence[Alignment], pool: Sequence[Claim]) -> list[Finding]:
    """Two reports dating the same fact to different days, in sentences that say the same
    thing: 'July 17' vs 'July 18', or weekdays two or more days apart ('Saturday night' vs
    'Sunday' is one night, not a conflict)."""
    times: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in pool:
        if c.kind == "time" and c.label.startswith(("date:", "day:")):
            times[(c.article, c.sentence)].append(c)
    out = []
    for al in alignments:
        if al.kind not in ("quantity", "fact") or len(al.articles) < 2:
            continue
        dated: dict[str, Claim] = {}
        for c in al.claims:
            near = [t for t in times.get((c.article, c.sentence), ()) if _same_clause(t, c)]
            if len({t.label for t in near}) == 1 and c.article not in dated:
                dated[c.article] = near[0]
        clash = _first_date_clash([dated[a] for a in sorted(dated)])
        if clash:
            x, y = clash
            text = f"{x.article} says {x.quote!r}, {y.article} says {y.quote!r} for {al.key}"
            out.append(_finding(event, "contradiction", "temporal", al.key, text, 4, (x, y)))
    return out


def _same_clause(a: Claim, b: Claim) -> bool:
    """Within a few words of each other, no semicolon or dash between."""
    lo, hi = sorted(((a.start, a.end), (b.start, b.end)))
    between = a.text[lo[1] : hi[0]]
    return len(between) <= 60 and not any(mark in between for mark in (";", "—", "–"))


def _first_date_clash(claims: Sequence[Claim]) -> tuple[Claim, Claim] | None:
    """Only between sentences that otherwise say the same thing: a weekday in a news sentence
    often dates something else (the arrest, the hearing) than the fact it shares."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if fuzz.token_set_ratio(a.text, b.text) < _SELF_SIMILARITY:
                continue
            kind_a, _, day_a = a.label.partition(":")
            kind_b, _, day_b = b.label.partition(":")
            if kind_a != kind_b or day_a == day_b:
                continue
            if kind_a == "day":
                gap = abs(_WEEKDAY_INDEX[day_a] - _WEEKDAY_INDEX[day_b])
                if min(gap, 7 - gap) < 2:
                    continue
            return a, b
    return None


# --------------------------------------------------------------------------- embellishment


def _embellishments(event, pool, alignments, support, sentences, settings) -> list[Finding]:
    out = []
    shared: dict[tuple[str, int], list[Claim]] = defaultdict(list)  # by sentence: no pool scan
    for al in alignments:
        if len(al.articles) > 1:
            for c in al.claims:
                shared[(c.article, c.sentence)].append(c)
    markers: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in pool:
        if c.kind == "marker":
            markers[(c.article, c.sentence)].append(c)
    marker_kinds = {k: {c.label for c in cs} for k, cs in markers.items()}
    for key in sorted(markers):
        found = _marker_embellishment(
            event, key, markers[key], shared, support, marker_kinds, settings
        )
        if found:
            out.append(found)
    out.extend(_added_details(event, alignments, settings))
    out.extend(_added_quotes(event, sentences, settings))
    return out


def _marker_embellishment(event, key, claims, shared, support, marker_kinds, settings):
    """A sentence's framing that no similar sentence of another report shares."""
    kinds = {c.label for c in claims}
    similar = support.get(key, ())
    backed = {k for a, s, _ in similar for k in marker_kinds.get((a, s), ())}
    unsupported = sorted(kinds - backed)
    if not unsupported:
        return None
    sourced = is_concrete_source(claims[0].attribution)
    kind = _embellishment_kind(unsupported, sourced, claims)
    if kind is None:
        return None
    severity = settings.embellishment_severity(kind)
    facts = shared.get(key, ())
    if kind == "intensifier" and facts:
        kind, severity = (
            "intensifier on shared fact",
            settings.embellishment_severity("intensifier on shared fact"),
        )
    text = _WHY_EMBELLISHMENT[kind]
    picked = [c for c in claims if c.label in unsupported]
    return _finding(event, "embellishment", kind, f"sentence {key[1]}", text, severity, picked)


def _embellishment_kind(kinds: list[str], sourced: bool, claims) -> str | None:
    if "witness" in kinds:
        return "unsourced witness"
    if "speculation" in kinds or "vague_source" in kinds:
        return None if sourced and "vague_source" not in kinds else "speculation"
    if sourced:
        return None  # the source's own words, not the outlet's framing
    if "intensifier" in kinds:
        return "intensifier"
    if "evaluative" in kinds:
        return "evaluative framing"
    return None


def _added_details(event, alignments: Sequence[Alignment], settings) -> list[Finding]:
    """A figure that only one report gives, for a slot no other report mentions."""
    out = []
    for al in alignments:
        if al.kind != "quantity" or len(al.articles) != 1:
            continue
        figures = [c for c in al.claims if c.kind == "quantity" and not c.vague]
        if not figures:
            continue
        c = figures[0]
        text = f"{_WHY_EMBELLISHMENT['added detail']}: {_fmt_claim(c)}"
        out.append(
            _finding(
                event,
                "embellishment",
                "added detail",
                al.key,
                text,
                settings.embellishment_severity("added detail"),
                (c,),
            )
        )
    return out


def _added_quotes(event, sentences, settings) -> list[Finding]:
    """A direct quotation that appears in one report only."""
    out = []
    ids = sorted(sentences)
    index = QuoteIndex(sentences, settings)
    for a in ids:
        for s in sentences[a]:
            for m in _QUOTED.finditer(s.text):
                quote = m.group(1)
                if index.best_match(quote, a) >= settings.paraphrase_min_score:
                    continue
                claim = Claim(
                    a,
                    s.index,
                    "marker",
                    "quote",
                    quote,
                    s.text,
                    m.start(1),
                    m.end(1),
                    unit="marker",
                    predicate="quote",
                    label="quote",
                )
                out.append(
                    _finding(
                        event,
                        "embellishment",
                        "added quote",
                        f"sentence {s.index}",
                        _WHY_EMBELLISHMENT["added quote"],
                        settings.embellishment_severity("added quote"),
                        (claim,),
                    )
                )
    return out


def _omissions(event, alignments: Sequence[Alignment], ids: Sequence[str]) -> list[Finding]:
    """A fact most reports carry and one leaves out (events of three or more reports)."""
    if len(ids) < 3:
        return []
    out = []
    need = max(2, math.ceil(2 * len(ids) / 3))
    for al in alignments:
        if al.kind not in ("quantity", "absence") or len(al.articles) < need:
            continue
        for missing in sorted(set(ids) - set(al.articles)):
            text = f"{missing} does not mention {al.key} ({len(al.articles)} of {len(ids)} do)"
            out.append(_finding(event, "omission", al.kind, al.key, text, 1, al.claims))
    return out


# --------------------------------------------------------------------------- formatting


def _fmt(value: float | None) -> str:
    return "?" if value is None else format_number(value)


def _fmt_claim(c: Claim) -> str:
    if c.kind == "age" or c.low == c.high:
        return _fmt(c.value)
    return repr(c.quote)


def _compatible_sides(claims: Sequence[Claim], agree) -> str:
    """'23 (a, b); 24 (c) vs 32 (d)': values that agree with each other on one side."""
    sides: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.value or 0, claim_order(c))):
        home = next((side for side in sides if any(agree(c, o) for o in side)), None)
        if home is None:
            sides.append([c])
        else:
            home.append(c)
    return " vs ".join(_value_summary(side, _fmt_claim, "; ") for side in sides)


def _value_summary(claims: Sequence[Claim], show, sep: str = " vs ") -> str:
    """'40 (000, 001) vs 41 (002)': each distinct value with the reports that give it."""
    by_value: dict[str, list[str]] = defaultdict(list)
    for c in sorted(claims, key=claim_order):
        label = show(c)
        if c.article not in by_value[label]:
            by_value[label].append(c.article)
    return sep.join(f"{v} ({', '.join(a)})" for v, a in sorted(by_value.items()))
