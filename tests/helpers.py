"""Small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

from checker.extract import extract_claims
from checker.model import Article
from checker.split import split_article

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def claims_of(text: str, article_id: str = "a"):
    article = Article(article_id, text)
    return extract_claims(split_article(article))


def seed_articles() -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append(Article(path.stem, text, title=text.strip().splitlines()[0], path=str(path)))
    return out


def quantities(text: str):
    return [c for c in claims_of(text) if c.kind == "quantity"]


def one(text: str):
    got = quantities(text)
    assert len(got) == 1, [(c.quote, str(c.slot)) for c in got]
    return got[0]


def lone_findings(text: str, verdict: str = "embellishment"):
    """Findings of one article audited alone (its own event), of one verdict."""
    from checker.judge import judge_event
    from checker.model import Event

    article = Article("a", text)
    sentences = split_article(article)
    claims = extract_claims(sentences)
    found = judge_event(Event("E1", ("a",)), {"a": article}, {"a": sentences}, {"a": claims})
    return [f for f in found if f.verdict == verdict]


# Unrelated one-sentence stories to pad a grouping test: each its own event, sharing no
# name, place or figure with the story under test.
OTHER_STORIES = [
    "Flooding closed the Harbour Road bridge in Dunmore after the river rose overnight.",
    "The city council of Ashford approved a new budget for schools and libraries.",
    "A fire destroyed a warehouse owned by Redline Logistics near the Kestrel rail yard.",
    "Farmers in the Tamsin valley reported a poor harvest after a dry summer.",
    "The Northgate museum opened an exhibition of paintings by Clara Vos.",
    "Two ships collided off the coast of Port Elwin; no one was hurt.",
    "The Brightwater hospital opened a new ward for children with cancer.",
    "Voters in Larkspur elected Mayor Helen Drake to a third term.",
]
