"""The data model: immutable records that flow one way through the pipeline stages.

load -> Article; split -> Sentence; extract -> Claim; group -> Event;
align + judge -> Finding; pipeline -> Report. Every stage takes and returns these,
so a stage can be tested, cached or distributed on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """Every verdict a finding can carry, most pressing first (the order reports use)."""

    CONTRADICTION = "contradiction"  # the same slot, incompatible values
    DISPUTED = "disputed"  # reports characterise an incident differently
    EMBELLISHMENT = "embellishment"  # something one report adds that no other supports
    EXPLAINED = "explained"  # figures that differ for a stated reason
    UNIQUE = "unique"  # a detail or quote only one report gives (low value)
    AGREEMENT = "agreement"  # two or more reports give the same fact
    OMISSION = "omission"  # a fact most reports carry and one leaves out


VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


def format_number(value: float) -> str:
    """A figure as a report writes it: 40, not 40.0; 6.1 stays 6.1."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD when known
    source: str | None = None
    url: str | None = None
    path: str = ""  # where it was read from, for messages and the JSON


@dataclass(frozen=True, slots=True)
class Sentence:
    article: str
    index: int  # 0-based position in the article
    start: int  # character offsets into Article.text
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement found in one sentence.

    kind is one of: quantity, absence, fact, relation, age, marker.
    slot says what the claim is about ("kaluga|drone|downed"); claims with the same slot
    in different articles are compared.
    """

    article: str
    sentence: int
    kind: str
    slot: str
    quote: str  # the words of the sentence that carry the claim
    text: str  # the whole sentence, as it stands in the article
    start: int = 0  # offsets of quote inside text
    end: int = 0
    value: float | None = None  # the figure as stated (exact or central)
    low: float | None = None  # interval the figure allows
    high: float | None = None
    vague: bool = False  # "dozens", "several": never a numeric contradiction
    place: str = ""  # normalised place key
    place_inherited: bool = False  # place taken from an earlier sentence
    unit: str = ""  # what is counted, canonical ("drone", "person")
    predicate: str = ""  # canonical predicate class ("downed", "killed")
    label: str = ""  # marker kind / relation value / absence categories
    attribution: str = ""  # who says it, as written
    convention: str = ""  # counting convention noted near the figure


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    articles: tuple[str, ...]
    label: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    event: str
    verdict: str  # agreement | contradiction | embellishment | omission
    kind: str  # numeric, negation, relation, age, speculation, ...
    slot: str
    explanation: str
    severity: int  # higher = more important for an editor
    claims: tuple[Claim, ...]
    confidence: float = 1.0  # how sure the rule is that the finding is right (0-1)


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    sentences: tuple[tuple[Sentence, ...], ...]  # parallel to articles
    events: tuple[Event, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())
    reference: str | None = None  # the article every other report is checked against
    hidden: tuple[Finding, ...] = ()  # left out by a filter (still in scorecards and titles)

    def to_json(self) -> str:
        """The ``checker.audit/1`` JSON document."""
        from checker.render.json import render_json

        return render_json(self)

    def to_dataframe(self):
        """A pandas DataFrame, one row per finding (pandas is imported only here)."""
        from checker.render.frame import findings_frame

        return findings_frame(self)
