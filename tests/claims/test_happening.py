"""Counter-evidence of two happenings: ledes dated to other days, round-ups, update titles."""

import pytest

from checker.extract import extract_claims
from checker.judge import judge_event
from checker.model import Article, Event
from checker.split import split_article
from tests.test_judge import audit, verdicts


def _audit(*reports):
    """reports: (title, date, text)."""
    articles = {
        f"r{k}": Article(f"r{k}", text, title=title, date=date)
        for k, (title, date, text) in enumerate(reports)
    }
    sentences = {a: split_article(art) for a, art in articles.items()}
    claims = {a: extract_claims(ss) for a, ss in sentences.items()}
    return judge_event(Event("E1", tuple(sorted(articles))), articles, sentences, claims)


def test_ledes_dated_to_other_days_are_two_happenings():
    # Monday 2013-08-19 vs the Friday before 2013-06-29: seven weeks apart
    found = audit(
        "Five people were wounded in a shooting in Uptown on Monday evening.",
        "Six people were wounded in a shooting outside an Uptown store Friday evening.",
        dates={0: "2013-08-19", 1: "2013-06-29"},
    )
    assert verdicts(found, "contradiction") == []


def test_ledes_dated_to_one_day_still_contradict():
    # Sunday, read from a Sunday and from the Monday after: the same day
    found = audit(
        "Sixteen people were injured in a shooting at the playground on Sunday night.",
        "Seventeen people were injured in a shooting at the playground on Sunday night.",
        dates={0: "2014-11-23", 1: "2014-11-24"},
    )
    assert len(verdicts(found, "contradiction", "numeric")) == 1


def test_a_round_up_of_several_incidents_is_no_side():
    found = _audit(
        (
            "Four shot outside bar",
            "2016-08-13",
            "Four people were shot outside a bar early Saturday.",
        ),
        ("Multiple shootings overnight", "2016-08-13", "Two people were shot early Saturday."),
    )
    assert verdicts(found, "contradiction") == []


def test_a_later_report_titled_as_an_update_is_explained():
    seven = "Seven people were wounded in a drive-by shooting Monday night."
    six = "Six people were wounded in a drive-by shooting Monday night."
    later = _audit(("Seven wounded", "2015-10-19", seven), ("UPDATE: Six shot", "2015-10-20", six))
    assert verdicts(later, "contradiction") == [] and verdicts(later, "explained", "update")
    same_day = _audit(("Seven wounded", "2015-10-19", seven), ("Update: six", "2015-10-19", six))
    assert len(verdicts(same_day, "contradiction")) == 1


def test_a_report_giving_the_other_count_as_the_shot_is_no_side():
    found = audit(
        "A shooting injured 3 at the celebration. Eight people were shot, police said.",
        "The gunfire wounded eight people at the park on Monday.",
    )
    assert verdicts(found, "contradiction") == []


def test_weekdays_of_reports_months_apart_are_two_happenings():
    texts = (
        "Reno Police are investigating a shooting in Downtown Reno early Sunday morning, "
        "that left a 17 year-old girl dead.",
        "The Reno Police Department is investigating a shooting that killed a 17 year-old boy "
        "Tuesday night.",
    )
    months = audit(*texts, dates={0: "2016-10-23", 1: "2017-02-15"})
    assert verdicts(months, "contradiction", "temporal") == []
    same_week = audit(*texts, dates={0: "2016-10-23", 1: "2016-10-26"})
    assert verdicts(same_week, "contradiction", "temporal")


_LEDE = (
    "A man was shot and killed on Sunday night outside a bar in Midtown. "
    "Police said the gunman fled on foot. Officers found the victim on the sidewalk. "
    "Detectives are asking for help. "
)


def _framed(later: str, date: str | None = "2016-08-01"):
    found = _audit(("", date, _LEDE + later))
    return [f for f in found if f.verdict == "embellishment"]


def test_framing_of_an_earlier_incident_opened_by_its_date_is_background():
    assert _framed("Back on July 2, a man was shot on the same corner, witnesses said.") == []
    assert _framed("On March 23, neighbors reported hearing a woman scream.") == []


def test_framing_of_an_earlier_year_is_background():
    assert _framed("The war has killed thousands since the brutal crackdown of 2011.") == []
    assert _framed("The brutal crackdown killed thousands, witnesses said.")  # no year
    assert _framed("The brutal crackdown of 2016 killed thousands.")  # the report's year
    assert _framed("The brutal crackdown of 2011 killed thousands.", date=None)  # no date


def test_framing_dated_to_the_lede_day_or_undated_still_counts():
    # 2016-08-01 is a Monday: the lede's Sunday is July 31
    assert _framed("On July 31, witnesses said, the gunman ran toward the park.")
    assert _framed("Witnesses said the gunman ran toward the park.")
    assert _framed("On July 2, a man was shot on the same corner, witnesses said.", date=None)


@pytest.mark.parametrize(("second", "contradicts"), [("2017-04-20", True), ("2017-05-20", False)])
def test_figures_of_reports_published_weeks_apart_are_not_compared(second, contradicts):
    # no weekday in either lede: only the reports' dates tell the happenings apart
    found = _audit(
        ("", "2017-04-18", "An air strike killed 15 civilians in the town of Kafr Nabl."),
        ("", second, "An air strike killed five civilians in the town of Kafr Nabl."),
    )
    assert bool(verdicts(found, "contradiction", "numeric")) == contradicts


@pytest.mark.parametrize(
    ("dates", "contradict"),
    [(("2016-07-24", "2016-07-30"), True), (("2016-07-24", "2016-08-03"), False)],
)
def test_tolls_of_reports_more_than_a_week_apart_are_not_compared(dates, contradict):
    """Two strikes on one war's cities ten days apart, grouped by their shared names: no
    weekday in their ledes says so, their dates do (``figures_days_apart``)."""
    found = audit(
        "Five people were killed in the shelling of the city centre, a hospital said.",
        "Six people were killed in the shelling of the city centre, a hospital said.",
        dates=dict(enumerate(dates)),
    )
    assert bool(verdicts(found, "contradiction", "numeric")) is contradict
