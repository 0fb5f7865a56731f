"""What grouping needs from one article, read from that article alone.

Most of grouping's reading is per article: its tokens and feature bags, anchor facts and
decisive figures from its claims, its date and the day of its happening, the places its lede
names, every word it writes. A ``Digest`` holds all of it, so that it is computed where the
article is split and its claims extracted (in the workers, ``checker/pipeline.py``), and the
main process, which must see every article at once, only applies the collection statistics
(``common``: words the collection writes in lower case), pairs and clusters.

Nothing here depends on another article: a digest is the same wherever it is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.group import anchors as _anchors
from checker.group.dates import article_date, event_day, told_days
from checker.group.features import addresses, ages, own_features, tokenize
from checker.group.people import named_people
from checker.group.places import lede_place_words, written_words
from checker.group.words import DECISIVE
from checker.lexicons import lexicon
from checker.model import Article, Claim, Names, Packed
from checker.settings import Settings
from checker.text.pages import own_text


@dataclass(frozen=True, slots=True)
class Digest(Packed):
    """One article as grouping sees it, before the collection statistics are applied."""

    counts: dict[str, float]  # feature -> weighted count (anchor facts included), with ...
    surface: dict[str, str]  # ... how each was first written, and a name feature for ...
    named: frozenset[str]  # ... each of these words written as a name (see drop_common)
    lower: frozenset[str]  # words written in lower case (for ``common_words``)
    anchors: dict[str, _anchors.Values]  # slot -> figures of exact quantity claims
    decisive: dict[str, frozenset[float]]  # measure -> headline and lede figures
    addresses: frozenset[str]  # street addresses it gives (``features.addresses``)
    ages: frozenset[str]  # ages it writes, and those of age claims (``group_claimed_ages``)
    leads: dict[str, frozenset[float]]  # measure -> the figure the report leads with
    date: int  # the article's date as an ordinal, -1 when unknown
    day: int  # the day of its main happening, -1 when unknown
    told: frozenset[int]  # the calendar days it writes (``dates.told_days``)
    places: tuple[tuple[str, ...], ...]  # the lede's sure places, each as its words
    words: frozenset[str]  # every word it writes, in lower case
    headline_only: bool  # a video page: a headline and other stories' titles (``recall``)
    people: frozenset[str]  # full names of the people it names (``people.named_people``) ...
    place_names: frozenset[str]  # ... and the places of two words or more it names


def digest(
    article: Article,
    claims: Sequence[Claim],
    settings: Settings,
    names: Mapping[str, Names] | None = None,
) -> Digest:
    """The grouping digest of one article with its extracted claims. ``names``: the names
    extraction read in its first sentences, by their text (``extract.Extraction``), so that
    the people rule does not read those sentences again; the digest is the same without."""
    text = own_text(article.text)
    doc = tokenize(article, text)
    named = own_features(doc, settings)
    found = _anchors.anchors(claims)
    counts, surface = doc.counts, doc.surface
    for feature in _anchors.anchor_features(found):
        counts[feature] = counts.get(feature, 0) + 1
        surface.setdefault(feature, feature[2:])
    date = article_date(article.date, text, settings) or -1
    lex = lexicon(settings.lexicon_additions)
    people, place_names = named_people(text, lex, settings.group_people_chars, names)
    return Digest(
        counts=counts,
        surface=surface,
        named=named,
        lower=frozenset(doc.lower),
        anchors=found,
        decisive=_anchors.decisive(claims, DECISIVE, settings.group_decisive_sentences),
        addresses=addresses(counts, lex),
        ages=ages(counts) | (_anchors.ages(claims) if settings.group_claimed_ages else frozenset()),
        leads=_anchors.first_figures(claims, DECISIVE, settings.group_measure_sentences),
        date=date,
        day=event_day(doc.sentences, date, settings),
        told=told_days(text, date, settings),
        places=lede_place_words(text, lex, settings.group_place_chars),
        words=written_words(doc.distinct),
        headline_only=len(text) < len(article.text) and len(doc.sentences) <= 1,
        people=people,
        place_names=place_names,
    )
