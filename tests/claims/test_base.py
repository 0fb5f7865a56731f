"""The event being judged: what it reads once for every rule that asks."""

from checker.claims.attribution import attribution_of
from checker.claims.base import EventContext
from checker.lexicons import lexicon
from checker.model import Article, Event
from checker.settings import DEFAULT
from checker.split import split_article
from checker.text.tokens import tokenize

TEXTS = (
    "Two men were shot Friday night, police said. Neighbors said they heard shots.",
    "Police said two men were wounded. The sheriff's office is investigating.",
)


def event_context() -> EventContext:
    articles = {f"r{k}": Article(f"r{k}", text) for k, text in enumerate(TEXTS)}
    sentences = {a: split_article(art) for a, art in articles.items()}
    event = Event("E1", tuple(sorted(articles)))
    return EventContext(event, articles, sentences, (), (), DEFAULT)


def test_a_text_is_tokenized_once_for_the_event_with_the_tokenizer_s_tokens():
    ev = event_context()
    for sentence in ev.mine["r0"] + ev.mine["r1"]:
        toks = ev.tokens(sentence.text)
        assert toks == tokenize(sentence.text)
        assert ev.tokens(sentence.text) is toks  # read once, however many rules ask


def test_a_text_s_source_is_the_attribution_reader_s():
    ev = event_context()
    sources = []
    for sentence in ev.mine["r0"] + ev.mine["r1"]:
        text = sentence.text
        sources.append(ev.source(text))
        assert sources[-1] == attribution_of(tokenize(text), text, lexicon())
    assert "police" in sources and "Neighbors" in sources


def test_each_report_s_lede_is_its_first_sentences_tokens():
    ev = event_context()
    assert [len(lede) for lede in ev.ledes.values()] == [2, 2]
    assert ev.ledes["r1"][0] is ev.tokens(ev.mine["r1"][0].text)
