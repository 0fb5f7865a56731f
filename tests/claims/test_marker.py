"""Framing markers."""

import pytest

from tests.helpers import claims_of, lone_findings


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Eyewitnesses reported the sound of anti-aircraft fire echoing across the city.",
            "witness",
        ),
        (
            "Analysts suggest that these operations may be part of a broader strategy.",
            "speculation",
        ),
        (
            "This unprecedented measure disrupted travel plans for thousands of passengers.",
            "intensifier",
        ),
        ("The governor called the incident a stark reminder of modern warfare.", "evaluative"),
    ],
)
def test_framing_markers(sentence, kind):
    assert kind in {c.label for c in claims_of(sentence) if c.kind == "marker"}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the scene named after "the" is what people did, not colour on a fact
        ("In the chaos that followed the shootings, several people were hurt.", False),
        ("Hundreds of patrons were fleeing the chaos on foot and in cars.", False),
        ("Chaos in Brooklyn as 100 teenagers riot on the streets.", True),
    ],
)
def test_the_scene_is_not_an_intensifier(sentence, found):
    labels = {c.label for c in claims_of(sentence) if c.kind == "marker"}
    assert ("mild_intensifier" in labels) == found


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        # how the war began and grew, and its toll so far: background colour
        (
            "The uprising began as peaceful protests but escalated into a full-scale "
            "insurgency after the regime launched a devastating crackdown on dissent.",
            set(),
        ),
        (
            "The revolt has turned into a brutal civil war that has killed more than "
            "100,000 people.",
            set(),
        ),
        # the event itself, told with the war's length: the outlet's framing stays
        (
            "Fighters gear up for a protracted battle that could mark a turning point in the "
            "five-year war.",
            {"speculation", "evaluative"},
        ),
        ("A brutal attack on the market killed 12 people on Sunday.", {"intensifier"}),
    ],
)
def test_colour_in_the_wider_story_is_background(sentence, labels):
    assert {c.label for c in claims_of(sentence) if c.kind == "marker"} == labels


def test_a_list_of_other_stories_is_page_furniture():
    """The titles after "Related News" are other articles', not this report's framing."""
    text = "Source: agencies. Related News Turkish jets hit Afrin in a bloodbath, monitor says"
    assert not [c for c in claims_of(text) if c.kind == "marker"]
    assert [c for c in claims_of("Turkish jets hit Afrin in a bloodbath.") if c.kind == "marker"]


def test_news_boilerplate_is_not_speculation():
    text = "Anyone who may have information on this incident should contact the Sheriff."
    assert "speculation" not in {c.label for c in claims_of(text) if c.kind == "marker"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Analysts suggest that these operations may be part of a broader strategy.",
            "speculation",
        ),
        (
            "Neighbors said there are frequently loud, rowdy parties in the area.",
            "unsourced witness",
        ),
        ("Law enforcement sources say the teens had been playing basketball.", "unnamed source"),
        # a feeling with a fact is a fact
        ("Neighbors said they are upset that the house was a drug den.", "unsourced witness"),
        # one official sentence in twelve does not make the report the officials' account
        (
            "Police responded to shots on Elm Street.\n\nOne teen died.\n\nAnother was hurt."
            "\n\nThe street was busy.\n\nCars were parked.\n\nA dog barked.\n\nThe houses "
            "are old.\n\nIt was dark.\n\nRain fell.\n\nA bus passed.\n\nShops closed."
            "\n\nIt followed what appears to be a botched car-jacking.",
            "speculation",
        ),
        (
            '"The facade has changed," said a Western diplomat, who requested anonymity.',
            "unnamed source",
        ),
        ("It was a senseless shooting, a stark reminder of the danger.", "evaluative framing"),
        ("This unprecedented measure disrupted travel.", "intensifier"),
        # "you" inside a speaker's quotation does not make the outlet's hedge the reader's
        ('The fire was probably set, a day after he said "you will pay".', "speculation"),
        # a source three sentences back, in another paragraph, does not stand behind a hedge
        (
            "Police said two men were shot.\n\nThe bar was busy.\n\nMusic played.\n\n"
            "The shooting was probably gang-related.",
            "speculation",
        ),
        # witnesses after a record that relays none, or before the record
        ("Police said two men were shot.\n\nWitnesses said a car sped off.", "unsourced witness"),
        ("'It sounds like a war zone': Unprecedented riots hit Brooklyn.", "intensifier"),
        ("One of the witnesses said the gunman was laughing.", "unsourced witness"),
        # a neighbour named next to the witnesses is not a police statement
        (
            "Neighbors said they heard eight shots.\n\nPolice Chief Ray Diaz said two men "
            "were hurt.",
            "unsourced witness",
        ),
        # unnamed witnesses who add a figure or something seen are not routine
        ("Neighbors said they heard 20 shots.", "unsourced witness"),
        (
            "Neighbors said they heard gunshots and saw two men run to a red car.",
            "unsourced witness",
        ),  # fmt: skip
        # a named neighbour quoted after them does not cover a figure the group adds
        (
            'Neighbors said they heard up to 50 gunshots.\n\n"It was pop, pop, pop," resident '
            "Sudie Dorsey said.",
            "unsourced witness",
        ),
        # a named quote before them: the group adds to it, it does not introduce it
        (
            '"It was all blood," Hernandez said.\n\nOne woman was found shielding a child, '
            "residents said.",
            "unsourced witness",
        ),
        # the outlet's moral word is not a paraphrase of the quoted person's account
        (
            'This senseless crime hit the city.\n\n"He was a good man," Jane Roe said.',
            "evaluative framing",
        ),
        # an official who has not confirmed a rumour backs nothing
        (
            "Rumors circulated that it was a murder-suicide.\n\nInvestigators have not "
            "confirmed that information.",
            "unnamed source",
        ),
        # a named person mentioned after them who is not the source of what follows
        (
            "Neighbors said a feud escalated until a woman started shooting.\n\nWhen police "
            "arrived, they found Brandon Chaffin had been shot.",
            "unsourced witness",
        ),
        # an official named after them is the officials' account, not one of the witnesses
        (
            "Eyewitnesses reported anti-aircraft fire over the city.\n\nThe debate goes on."
            "\n\nIn Voronezh, the governor, Alexander Gusev, confirmed a strike.",
            "unsourced witness",
        ),
        # an unnamed source's age of the teen is not who lived where
        ("The teen, who sources said is about 16 years old, lived nearby.", "unnamed source"),
        # the outlet's own scene ahead of a named witness's unquoted account (the ECB+ key)
        (
            "Terrified workers ran screaming from the building.\n\nA woman ran screaming from "
            "the office after four loud pops, said Faud Ali, who owns a shop on the street.",
            "evaluative framing",
        ),
        # an official named next to it does not make the outlet's paraphrase an account
        (
            "The shooting had many people on edge.\n\nPolice Officer Johnna Watson said "
            "officers found four victims.",
            "evaluative framing",
        ),
        # an anonymous speaker's account, not a bare note
        (
            "One man, who declined to be named, said he saw the gunman reload twice.\n\n"
            '"It was awful," Jane Roe said.',
            "unnamed source",
        ),
        # a nearby official figure that differs does not back the unnamed source's
        (
            "Five people were shot, sources said.\n\nFour people were shot, authorities said.",
            "unnamed source",
        ),
        # the outlet's own point, with the event as its subject
        ("The shooting underscored how easily children find loaded guns.", "evaluative framing"),
        # one word a player also shows is no player ('Close' friends)
        ("Close friends said the horrific attack left the town in tears.", "intensifier"),
    ],
)
def test_embellishments_a_lone_report_still_gets(text, kind):
    assert kind in {f.kind for f in lone_findings(text)}


@pytest.mark.parametrize(
    "text",
    [
        '"Five people got hit, probably all teenagers," a vendor said.',
        'Another man reported, "A car was off the road, it looked like it had been in a crash.',
    ],
)
def test_an_unnamed_speakers_hedge_is_not_the_outlets_speculation(text):
    """The quote stands as an unnamed source's, never as the outlet's speculation."""
    assert [f.kind for f in lone_findings(text)] == ["unnamed source"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said the shooting appears to be gang-related.",  # an official source
        "Witnesses reported hearing several gunshots in the area, Kelly said.",  # relayed
        "Witnesses told police a large group was talking in front of a home.",
        "“We believe one of the victims may have been the initial target.”",  # a quote
        '"This is probably going to be the retaliation shooting,” said Lt.',
        "His widow said Monday it’s devastating to know what it cost him.",
        "For the first time foreign observers and experts monitor elections.",  # no source
        "A body could be seen on the front steps of a house.",
        "Here is how Eyewitness News coverage has progressed.",
        "The attack was less severe in terms of casualties.",
        "The strike caused significant damage.",  # mild colour on a fact nobody else states
        # a hedge that continues a named source's account, before or after it
        "Officers say two men started shooting. The boy ran. He was hurt, possibly by a ricochet.",
        "The shooting appears to be accidental. It happened at home, police said.",
        # the source's own hedge, repeated in the lede
        "A gunman killed a man and possibly injured a girl.\n\nPolice say the gunman fired "
        "ten shots, possibly injuring a girl.",
        # witnesses relayed by an official record
        "According to a probable cause statement, witnesses told police the group walked away."
        "\n\nWitnesses said there was a confrontation.",
        "The crowd scattered, according to witnesses and police.",
        # routine wording of injuries, charges and appeals
        "The wound did not appear to be life-threatening.",
        "He was charged for leaving a firearm where it could be accessed by a child.",
        "Police seek witnesses that could lead them to the shooters.",
        "Snohomish County Sheriff officials said the boy was possibly shot by a sibling.",
        "@CityPolice shooting is senseless and unacceptable.",  # a post, its author's
        "Investigators removed what looked like a semi-automatic rifle.",  # a description
        '"Mondale is not a monster," their stepfather said.',  # a relative's words
        # words around a quote that name no one: the quote is not the outlet's
        'The governor offered condolences to the families and said he was "saddened by this '
        'senseless tragedy".',
        "The team's head, Alireza Safa, estimated that half the homes might have been destroyed.",
        # capitalised inside a sentence: a name, not a word
        "A large blue Cookie Monster figure was on one of the picnic tables.",
        "You can follow the entire saga on MLB Trade Rumors.",
        # a lede sums up the named source's account that follows it
        "A girl was hurt in what appears to be an accidental shooting.\n\nIt happened at noon."
        "\n\nA police spokesperson says a child was playing with a gun when it fired.",
        # a post quoted with its author's handle
        "This senseless violence must end.\n— Jane Roe (@janeroe) February 21, 2017",
        # a sentence inside a quotation that runs over several sentences
        '"It is a tragedy," Cannon said.\n\n"Suddenly it seems wrong to praise him.\n\n'
        'A family is suffering a senseless loss.\n\nThat is where the focus needs to be."',
        "The other families said they are grateful during this time of horrific loss.",
        # a hedge inside a named speaker's quoted words is the speaker's
        '"Five people got hit, probably all teenagers," Jane Roe, a vendor, said.',
        # a quoted speaker's colour is never the outlet's intensifier, even an unnamed one
        '"It is just so devastating when it happens," said one man who knew him.',
        # a degree measured by the outcome the sentence states
        "The fire was so intense it melted the paint off nearby cars.",
        # the speaker is the grandmother, not the witnesses
        "A gunman killed two people, the grandmother of one of the witnesses said.",
        "Police have not said what the motive may have been.",
        "Will he sign? Probably.",  # a fragment answers a question
        "The Red Sox feel that Teixeira could be the centerpiece of their lineup.",  # theirs
        # the named neighbour in the next sentence tells it
        "Neighbors reported hearing numerous shots.\n\nEugene Warner, 83, said gunshots "
        "and screams woke him up.",
        # a hedge in a report told through the police (a release rewritten)
        "The Sheriff's Office responded to a report of a gunshot.\n\nThe Sheriff's Office is "
        "investigating.\n\nThe child is in stable condition.\n\nThis appears to be an "
        "accidental shooting.",
        # ... even when most of its sentences tell the scene: two official sentences in ten
        "Police responded to a report of shots on Elm Street.\n\nOne teen died.\n\nAnother "
        "was hurt.\n\nThe street was busy.\n\nCars were parked.\n\nA dog barked.\n\nThe "
        "houses are old.\n\nIt was dark.\n\nIt followed what appears to be a botched "
        "car-jacking.\n\nThe sheriff's office is investigating.",
        # unnamed groups that only say how they feel or what they hope
        "In the meantime, neighbors said they are hoping to find out what happened.",
        "Neighbors said they are upset and confused.",
        # unnamed witnesses who only heard the shots, or say who had just moved in
        "Neighbors said they heard gunshots Monday around 8 p.m.",
        "Neighbors reported hearing gunshots, and officers discovered the body of the victim.",
        "Neighbors said they heard what they thought were fireworks on Tuesday.",
        "Witnesses told the station there were sounds of gunfire around 10:30 a.m.",
        "Wilta, who attended a nearby school, had just moved into the building, neighbors said.",
        "Residents described the area as peaceful.",
        "Witnesses told the station they saw ambulances taking victims from the scene.",
        # witnesses credited to an official record, in the sentence or the one before
        "A witness told the officer that Howard grabbed the revolver, according to the report.",
        "According to court documents, Sanders was pointing a revolver at his friend.\n\n"
        "Witnesses say the victim told him to stop just before the gun went off.",
        # ... or relayed by officials next to them
        "Witnesses reported an altercation at the gas station.\n\nWitnesses told investigators "
        "that they heard two shotgun blasts.",
        # the unnamed group introduces the named person quoted right after it
        'Neighbors said they were frightened.\n\n"It\'s scary, being a father," Alfonso '
        "Gonzales said.",
        'Witnesses told FOX 4 News their versions of what happened.\n\n"Everyone was ducking.'
        '\n\nIt was like a movie," said Mark Newton.',
        # how people lived it, next to a named person telling it
        'That is putting residents on edge.\n\n"I don\'t like it.\n\nThis is way too close," '
        "tenant Charlotte Adams said.",
        'Kyle Alcorn and his neighbors were on edge Sunday.\n\n"Concerning," said Alcorn.',
        # the outlet's hedge just before a named person's quotation is that person's view
        "The street was quiet on Tuesday.\n\nCandles lined the sidewalk.\n\n"
        "People want change, and some say it starts with the police.\n\n"
        "“Everyone has the same question,” said Nuss.",
        # an official confirms what the rumour said
        "Rumors began circulating that the suspect was at the scene when police arrived.\n\n"
        "Investigators confirmed that information on Wednesday.",
        # an unnamed source's figures, credited to the authorities in the next sentence
        "Four people were shot, one critically, in an attack on Madison Avenue, sources said."
        "\n\nFour people were shot, one critically, outside a deli Wednesday, authorities said.",
        # ... or a named person tells it in the sentences after
        "Witnesses say a car drove up to the party and started shooting.\n\nFive people were "
        "hit.\n\nWith a cast on his foot, 19-year-old Walter Barnes says he saw the car.",
        "Neighbors said they were left confused by the accident.\n\nDonald Hanlon has lived "
        "here for 35 years, and he said it was the most commotion he had seen.",
        # where it happened, which every report says
        "Witnesses said the shooting took place in the parking lot of a restaurant.",
        # a bare anonymity note next to a named person's quotation
        "Residents who know the victims find that hard to believe.\n\nShe did not want to be "
        'identified.\n\n"They are good kids," Jamela said.',
        # a named quotation with a quotation inside it
        "Neighbors said they saw her outside in the wee hours.\n\n“She was closing the "
        "shutters and my boyfriend said, “What is she doing,” said Chaunecia Gresham.",
        # an anonymous neighbour who only heard the shots
        "One neighbor who did not want to be identified heard multiple gunshots.",
        '"All I know is I was at the car wash and I heard some shooting," a witness told News 8.',
        "\"I just heard 'boom boom boom' three or four times,\" one witness said.",
        # descriptions and statistics, not hedges
        "Cars pass a different scene than what a neighbor says it looked like that night.",
        "Children who suffered trauma are more likely to have health issues later in life.",
        # addressed to the reader: a promotion, a reader's comment, a columnist's aside
        "If you loved his show, you're probably hosting your own party anyway.",
        "You fail twice in this league, you might be done for a while.",
        # page furniture: a reference list's footnote, a video player's controls
        "[54] A law enforcement source stated that Wang was there, but other sources say "
        "that Wang shared the apartment.",
        "^ The road was where, in 2001, sources say he lived.",
        "CLOSE Skip in Skip x Embed x Share Police speak on the horrific incident of a man.",
        # an evaluative verb with a person as its subject is that person's speech
        "Capt. Jack Owen spoke to reporters.\n\nHe underscored the need to keep guns from "
        "children.",
        # words of size describe, they do not frame
        "The shootings at a home in north Phoenix led to a massive police presence.",
        "Residents evacuated after a huge fire at a store have been allowed to return.",
    ],
)
def test_not_embellishments(text):
    assert lone_findings(text) == []


def test_lexicon_additions_reach_the_source_check():
    """A configuration that makes 'Channel' a vague speaker turns what a channel relays into
    the outlet's own speculation (the additions reach extraction and judging alike)."""
    from dataclasses import replace

    from checker.extract import extract_claims
    from checker.judge import judge_event
    from checker.model import Article, Event
    from checker.settings import DEFAULT
    from checker.split import split_article

    text = "The attack could signal more violence, Channel Four said."
    article = Article("a", text)
    sentences = split_article(article)

    def kinds(settings):
        claims = extract_claims(sentences, settings)
        found = judge_event(Event("E1", ("a",)), {"a": article}, {"a": sentences},
                            {"a": claims}, settings)  # fmt: skip
        return [f.kind for f in found if f.verdict == "embellishment"]

    assert kinds(DEFAULT) == []
    vague = replace(DEFAULT, lexicon_additions=(("markers.vague_speakers", ("channel",)),))
    assert kinds(vague) == ["speculation"]


def event_findings(*texts: str) -> list:
    """Embellishments of several reports judged as one event."""
    from checker.extract import extract_claims
    from checker.judge import judge_event
    from checker.model import Article, Event
    from checker.split import split_article

    ids = [chr(ord("a") + k) for k in range(len(texts))]
    articles = {i: Article(i, t) for i, t in zip(ids, texts, strict=True)}
    sentences = {i: split_article(articles[i]) for i in ids}
    claims = {i: extract_claims(sentences[i]) for i in ids}
    found = judge_event(Event("E1", tuple(ids)), articles, sentences, claims)
    return [f for f in found if f.verdict == "embellishment"]


OTHER = (
    "Four teenagers were shot in a drive-by in Newark on Friday night and one of them died. "
    "A 43-year-old man and a 24-year-old woman on the sidewalk were grazed. "
    "The mayor called for calm."
)


@pytest.mark.parametrize(
    "text",
    [
        # an unnamed source on what another report states: it adds nothing
        "Four teenagers were shot in a drive-by in Newark on Friday, and one of them died, "
        "police sources say.",
        "A 43-year-old man was grazed in the chest and a 24-year-old woman was grazed in the "
        "arm, police sources said.",
        "The four teenagers were shot in a drive-by in Newark on Friday night, witnesses said.",
    ],
)
def test_corroborated_sources_are_not_embellishments(text):
    assert event_findings(OTHER, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what the unnamed source adds is in no other report
        ("Police sources said three of the victims are gang members.", "unnamed source"),
        (
            "Witnesses said the mother was holding a baby wrapped in a bloody blanket.",
            "unsourced witness",
        ),  # fmt: skip
        (
            "The shooting was probably over a drug debt owed by one of the teenagers.",
            "speculation",
        ),  # fmt: skip
    ],
)
def test_uncorroborated_sources_still_are(text, kind):
    assert kind in {f.kind for f in event_findings(OTHER, text)}


def test_a_sentence_whose_source_names_a_record_passes_the_record_pre_check():
    """The pre-check before a sentence's source is read never hides a record it names."""
    from checker.claims.accounts import _may_name_a_record
    from checker.claims.attribution import attribution_of
    from checker.lexicons import lexicon
    from checker.text.tokens import tokenize

    lex = lexicon()
    named = [
        "According to the arrest reports, several witnesses saw the car.",
        "According to court documents, the man fled, witnesses said.",
        "The shooting happened at 2 a.m., according to a police report.",
    ]
    for text in named:
        source = attribution_of(tokenize(text), text, lex)
        assert lex.records.find_all(tokenize(source)) and _may_name_a_record(text, lex)
    assert not _may_name_a_record("Police said two men were shot on Sunday.", lex)
