"""The data model: immutable records that flow one way through the pipeline stages.

load -> Article; split -> Sentence; extract -> Claim; group -> Event;
align + judge -> Finding; pipeline -> Report. Every stage takes and returns these,
so a stage can be tested, cached or distributed on its own. Names that other code compares
(verdicts, claim kinds, notes) are defined here once, as enums.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter


class _Name(StrEnum):
    """A name compared as a string and shown as one (``'contradiction'``, not the enum)."""

    def __repr__(self) -> str:
        return repr(self.value)


class Verdict(_Name):
    """Every verdict a finding can carry, most pressing first (the order reports use)."""

    CONTRADICTION = "contradiction"  # the same slot, incompatible values
    DISPUTED = "disputed"  # reports characterise an incident differently
    EMBELLISHMENT = "embellishment"  # something one report adds that no other supports
    EXPLAINED = "explained"  # figures that differ for a stated reason
    UNIQUE = "unique"  # a detail or quote only one report gives (low value)
    AGREEMENT = "agreement"  # two or more reports give the same fact
    OMISSION = "omission"  # a fact most reports carry and one leaves out

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


def format_number(value: float) -> str:
    """A figure as a report writes it: 40, not 40.0; 6.1 stays 6.1."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class ClaimKind(_Name):
    QUANTITY = "quantity"  # a figure with a counted noun and a predicate: "40 drones downed"
    MEASURE = "measure"  # a figure with a unit and a subject: "65 miles from Chicago", "$35,000"
    FACT = "fact"  # a consequence without a figure: "airports closed"
    ABSENCE = "absence"  # "no injuries"
    RELATION = "relation"  # "part of the same wave"
    AGE = "age"  # "Jane Doe, 23"
    TIME = "time"  # "July 17", "on Sunday", "21:00"
    RECORD = "record"  # a sports record of a named fighter or team: "Klitschko (52-3, 46 KOs)"
    CLOCK = "clock"  # a time of day with its zone: "at 17:06 local time (13:36 GMT)"
    ELAPSED = "elapsed"  # when a contest was stopped: "44 seconds into the seventh round"
    AGO = "ago"  # how long before: "a heart attack nine days earlier"
    SCORE = "score"  # the final score of a game: "a 31-24 win"
    WORK_YEAR = "work_year"  # the year of a titled work: "the 2005 film The Notorious Bettie Page"
    FREQUENCY = "frequency"  # how many times a named person did something: "Page married twice"
    MARKER = "marker"  # framing: speculation, unnamed witnesses, intensifiers, quotes
    CHARGE = "charge"  # a legal charge or outcome: "charged with first-degree murder"
    PERSON = "person"  # a named person and what happened to them: "Wayne Rusher was killed"
    ADDRESS = "address"  # a house number on a street: "at 19 Plymouth St."
    VENUE = "venue"  # where the event happened, nested: "in Mannheim, Germany"


class Note(_Name):
    """What a claim's context says about how it counts (its scope)."""

    PARTIAL = "partial"  # part of the count: "two critically", "the other four"
    BACKGROUND = "background"  # another time or incident: "last year", "in 2005"
    UPDATE = "update"  # a later figure: "the toll rose to"
    EXCLUDES_PERPETRATOR = "excludes_perpetrator"  # "49 plus the gunman"
    INCLUDES_PERPETRATOR = "includes_perpetrator"
    PERPETRATOR_DEAD = "perpetrator_dead"
    WHOLE = "whole"  # stated as the whole: "a total of 14", "in total"


class Packed:
    """Pickled as its class and a tuple of its field values.

    Records cross between processes by the million (sentences, claims and digests from the
    workers, events' records back to them). A frozen slotted dataclass pickles its fields as
    a list and is rebuilt by a Python loop of ``object.__setattr__``; as the class and one
    tuple it is rebuilt by one call of its ``__init__``: on GVA dev+test the per-article
    results pickle ~20 % and unpickle ~25 % faster."""

    __slots__ = ()
    _getters: dict[type, attrgetter] = {}

    def __reduce__(self):
        kind = type(self)
        values = Packed._getters.get(kind)
        if values is None:
            values = Packed._getters[kind] = attrgetter(*(f.name for f in fields(self)))
        return kind, values(self)


@dataclass(frozen=True, slots=True)
class Slot(Packed):
    """What a claim is about. Claims with equal slots (places aside) are compared."""

    what: str = ""  # the counted noun, canonical: "drone", "person", "absence", "time"
    predicate: str = ""  # what happened to it: "downed", "killed"
    place: str = ""  # normalised place key, "" when the sentence names none
    person: str = ""  # for claims about one person: the surname

    def __str__(self) -> str:
        if self.person:
            return f"age|{self.person}"
        return f"{self.place}|{self.what}|{self.predicate}"


@dataclass(frozen=True, slots=True)
class Figure(Packed):
    """A figure as an interval: 40 is [40, 40], "about 40" [36, 44], "dozens" vague."""

    value: float
    low: float
    high: float
    vague: bool = False

    @property
    def exact(self) -> bool:
        return not self.vague and self.low == self.high

    def compatible(self, other: Figure) -> bool:
        """Intervals overlap: 40 and 'about 40', 'more than 250' and '250 to 300'."""
        return self.low <= other.high and other.low <= self.high


@dataclass(frozen=True, slots=True)
class Tally(Packed):
    """A sports record as written: wins-losses(-draws), knockouts when given ("52-3, 46 KOs").
    A part a report leaves out (draws, knockouts) is unknown, not zero."""

    wins: int
    losses: int
    draws: int | None = None
    knockouts: int | None = None

    def __str__(self) -> str:
        text = f"{self.wins}-{self.losses}" + (f"-{self.draws}" if self.draws is not None else "")
        return text + (f", {self.knockouts} KOs" if self.knockouts is not None else "")

    @property
    def bouts(self) -> int:
        return self.wins + self.losses + (self.draws or 0)

    def compatible(self, other: Tally) -> bool:
        """Equal wherever both say: '45-7' and '45-7-2, 36 KOs' can be one record."""
        pairs = ((self.draws, other.draws), (self.knockouts, other.knockouts))
        same_known = all(a is None or b is None or a == b for a, b in pairs)
        return self.wins == other.wins and self.losses == other.losses and same_known


@dataclass(frozen=True, slots=True)
class Article(Packed):
    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD when known
    source: str | None = None
    url: str | None = None
    path: str = ""  # where it was read from, for messages and the JSON


@dataclass(frozen=True, slots=True)
class Sentence(Packed):
    article: str
    index: int  # 0-based position in the article
    start: int  # character offsets into Article.text
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Names:
    """The people one sentence names in full ("jane doe") and the places of two words or more
    it surely names ("des moines"). Extraction reads them in every sentence near the top of
    an article and hands them on with its claims (``checker.extract.Extraction``): grouping's
    people rule reads the same of each line of the article's first characters
    (``checker/group/people.py``) and takes a line's names from here when it is a sentence
    extraction read, instead of tokenizing it again."""

    people: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True, slots=True)
class Claim(Packed):
    """One checkable statement found in one sentence.

    The payload depends on the kind: ``figure`` for quantities and ages, ``label`` for
    relations, markers and times (one canonical value), ``categories`` for absences,
    ``name`` for the person an age belongs to.
    """

    article: str
    sentence: int
    kind: ClaimKind
    slot: Slot
    quote: str  # the words of the sentence that carry the claim
    text: str  # the whole sentence, as it stands in the article
    start: int = 0  # offsets of quote inside text
    end: int = 0
    figure: Figure | None = None
    label: str = ""
    categories: frozenset[str] = frozenset()
    name: str = ""  # full name of the person of an age claim, as a key ("jane doe")
    place_inherited: bool = False  # place taken from an earlier sentence
    attribution: str = ""  # who says it, as written
    attribution_inherited: bool = False  # the source of the sentence before, continued
    notes: frozenset[Note] = frozenset()
    tally: Tally | None = None  # a sports record or score: "52-3, 46 KOs"

    @property
    def value(self) -> float | None:
        return self.figure.value if self.figure else None

    @property
    def low(self) -> float | None:
        return self.figure.low if self.figure else None

    @property
    def high(self) -> float | None:
        return self.figure.high if self.figure else None

    @property
    def vague(self) -> bool:
        return bool(self.figure and self.figure.vague)

    @property
    def place(self) -> str:
        return self.slot.place

    @property
    def unit(self) -> str:
        return self.slot.what

    @property
    def predicate(self) -> str:
        return self.slot.predicate

    @property
    def partial(self) -> bool:
        """Part of a count, or a count from another time: agrees, never contradicts."""
        return bool(self.notes & {Note.PARTIAL, Note.BACKGROUND})


@dataclass(frozen=True, slots=True)
class Event(Packed):
    id: str
    articles: tuple[str, ...]
    label: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class Finding(Packed):
    id: str
    event: str
    verdict: Verdict
    kind: str  # the rule that made it: numeric, negation, age, speculation, ...
    slot: str  # what it is about, as shown to the editor
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
