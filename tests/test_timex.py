"""find_timexes and anchor_on on hand-written sentences; expected values worked out by hand.

The publication date of most tests is Saturday 2024-03-23 (ISO week 2024-W12).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from threatline.models import Granularity, TimeSpan
from threatline.timex import (
    anchor_on,
    find_dateline,
    find_timexes,
    interval_of,
    is_event_anchored,
    local_day,
    suggest_publication_window,
)

PUB = dt.date(2024, 3, 23)
D = dt.date


def one(text: str, published: dt.date | None = PUB, surface: str | None = None) -> TimeSpan:
    """The single expression found (or the one whose text is `surface`)."""
    spans = find_timexes(text, published)
    if surface is not None:
        spans = [s for s in spans if s.text == surface]
    assert len(spans) == 1, spans
    return spans[0]


def test_timex_offsets_sorted_and_non_overlapping():
    text = "On March 7 and again last week, in 2022 and in the 1990s, the group struck."
    spans = find_timexes(text, PUB)
    assert [s.text for s in spans] == ["March 7", "last week", "2022", "the 1990s"]
    for s in spans:
        assert text[s.char_start : s.char_end] == s.text
    assert all(a.char_end <= b.char_start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("text", "surface", "value", "start", "end"),
    [
        ("The embassy warned on March 7.", "March 7", "2024-03-07", D(2024, 3, 7), None),
        ("The embassy warned on 7 March.", "7 March", "2024-03-07", D(2024, 3, 7), None),
        ("It happened on March 7, 2024.", "March 7, 2024", "2024-03-07", D(2024, 3, 7), None),
        ("It happened on 3/7/2024.", "3/7/2024", "2024-03-07", D(2024, 3, 7), None),
        ("The convoy was ambushed on the 7th.", "the 7th", "2024-03-07", D(2024, 3, 7), None),
        ("He was arrested last Tuesday.", "last Tuesday", "2024-03-19", D(2024, 3, 19), None),
        ("Police said yesterday that two died.", "yesterday", "2024-03-22", D(2024, 3, 22), None),
        ("The minister speaks today.", "today", "2024-03-23", D(2024, 3, 23), None),
        ("It struck last week.", "last week", "2024-W11", D(2024, 3, 11), D(2024, 3, 17)),
        (
            "It grew in January this year.",
            "January this year",
            "2024-01",
            D(2024, 1, 1),
            D(2024, 1, 31),
        ),
        ("It was founded in 2022.", "2022", "2022", D(2022, 1, 1), D(2022, 12, 31)),
        ("It rose in the 1990s.", "the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31)),
        (
            "Sales fell in the first quarter of 2024.",
            "the first quarter of 2024",
            "2024-Q1",
            D(2024, 1, 1),
            D(2024, 3, 31),
        ),
        ("Wars shaped the 20th century.", "20th century", "19", D(1900, 1, 1), D(1999, 12, 31)),
        ("They met last summer.", "last summer", "2023-SU", D(2023, 6, 1), D(2023, 8, 31)),
    ],
)
def test_timex_dates_resolve(text, surface, value, start, end):
    span = one(text, surface=surface)
    assert span.timex_type == "DATE"
    assert span.value == value
    assert span.start == start
    assert span.end == (end or start)


def test_timex_anchor_is_absolute_or_publication():
    assert one("It was founded in 2022.").anchor == "absolute"
    assert one("It was founded last year.").anchor == "publication"


def test_timex_tonight_and_last_night_are_times():
    spans = find_timexes("Shots were heard last night; more are feared tonight.", PUB)
    assert [(s.text, s.timex_type, s.value) for s in spans] == [
        ("last night", "TIME", "2024-03-22TNI"),
        ("tonight", "TIME", "2024-03-23TNI"),
    ]


def test_timex_last_evening_is_yesterday_evening():
    (span,) = find_timexes("Gunmen burned a bus near the market last evening.", PUB)
    assert (span.text, span.timex_type, span.value) == ("last evening", "TIME", "2024-03-22TEV")
    assert span.start == span.end == D(2024, 3, 22)
    (upper,) = find_timexes("LAST EVENING REBELS FIRED ON THE POST.", PUB)
    assert upper.value == "2024-03-22TEV"


@pytest.mark.parametrize(
    "text",
    [
        "The last evening of the fair ended in a brawl.",
        "On the last evening the delegates left the hotel.",
        "They left the village last morning.",
        "The last night of the talks passed quietly.",
    ],
)
def test_timex_the_last_evening_of_a_period_is_no_day(text):
    assert [s.text for s in find_timexes(text, PUB) if s.start is not None] == []


def test_timex_clock_time_joins_its_day():
    span = one("The blast came at 10 p.m. on Friday.")
    assert span.text == "10 p.m. on Friday"
    assert (span.timex_type, span.value, span.start) == ("TIME", "2024-03-22T22:00", D(2024, 3, 22))
    bare = one("The blast came at 10 p.m.")
    assert (bare.timex_type, bare.value, bare.start, bare.anchor) == (
        "TIME",
        "XXXX-XX-XXT22:00",
        None,
        None,
    )


def test_timex_tense_decides_weekday_direction():
    assert one("The gunmen attacked the hall on Friday.").value == "2024-03-22"
    assert one("The trial will open on Friday.").value == "2024-03-29"


def test_timex_tense_decides_which_weekend():
    thursday = dt.date(2024, 3, 21)
    (past,) = find_timexes("Rebels attacked the town over the weekend.", thursday)
    assert (past.value, past.start, past.end) == ("2024-W11-WE", D(2024, 3, 16), D(2024, 3, 17))
    (future,) = find_timexes("The ministers will meet over the weekend.", thursday)
    assert future.value == "2024-W12-WE"


def test_timex_tense_decides_month_year():
    # published in March: a past October is last year's, a coming October this year's
    assert one("The group was banned in October.").value == "2023-10"
    assert one("The court will rule in October.").value == "2024-10"
    assert one("The group will regroup in the summer.", surface="the summer").value == "2024-SU"


def test_timex_ranges_are_one_span():
    span = one("The group ruled the town in 2014-2019.")
    assert (span.text, span.start, span.end) == ("2014-2019", D(2014, 1, 1), D(2019, 12, 31))
    span = one("The group held the town from May to July.")
    assert (span.text, span.start, span.end) == ("May to July", D(2023, 5, 1), D(2023, 7, 31))
    span = one("Elections were held between 2014 and 2019.")
    assert (span.start, span.end) == (D(2014, 1, 1), D(2019, 12, 31))


def test_timex_range_start_takes_the_year_of_its_end():
    span = one("The rebels held the port from May to July 2021.")
    assert (span.text, span.start, span.end, span.anchor) == (
        "May to July 2021",
        D(2021, 5, 1),
        D(2021, 7, 31),
        "absolute",
    )
    span = one("The siege lasted from November to February 2022.")
    assert (span.start, span.end) == (D(2021, 11, 1), D(2022, 2, 28))
    # 'March' and 'May' are verbs too; after 'from' and 'to' they are a range of months
    span = one("The army fought there from March to May 2020.")
    assert (span.text, span.start, span.end) == ("March to May 2020", D(2020, 3, 1), D(2020, 5, 31))
    assert find_timexes("They will march to May Street.", PUB) == []


def test_timex_approximate_and_open_expressions():
    ago = one("The group was founded more than two decades ago.")
    assert (ago.text, ago.mod, ago.start, ago.end) == (
        "more than two decades ago",
        "BEFORE",
        None,
        D(2004, 3, 23),
    )
    since = one("It has ruled the area since 2021.")
    assert (since.text, since.start, since.end) == ("2021", D(2021, 1, 1), PUB)
    assert one("The group recently changed tactics.").value == "PAST_REF"
    earlier = one("Police raided the flat earlier this month.")
    assert (earlier.value, earlier.start, earlier.end) == ("2024-03", D(2024, 3, 1), PUB)
    recent = one("Attacks have grown in recent months.")
    assert (recent.text, recent.timex_type, recent.value, recent.end) == (
        "recent months",
        "DURATION",
        "PXM",
        PUB,
    )
    assert one("The group is now weaker.").value == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("The siege went on for three days.", "three days", "P3D", None),
        ("Two years passed.", "Two years", "P2Y", None),
        ("Talks lasted about 18 months.", "about 18 months", "P18M", "APPROX"),
        ("The raid took an hour.", "an hour", "PT1H", None),
        ("He served almost seven years.", "almost seven years", "P7Y", "LESS_THAN"),
        ("It was the worst in a decade.", "a decade", "P10Y", None),
    ],
)
def test_timex_durations(text, surface, value, mod):
    span = one(text, surface=surface)
    assert (span.timex_type, span.value, span.mod) == ("DURATION", value, mod)


def test_timex_past_n_years_is_a_duration_ending_at_publication():
    span = one("Attacks doubled over the past two years.")
    assert (span.text, span.value, span.start, span.end) == (
        "the past two years",
        "P2Y",
        D(2022, 3, 23),
        PUB,
    )


def test_timex_sets():
    assert one("Guards patrol every morning.").value == "XXXX-XX-XXTMO"
    assert one("The report is published annually.").timex_type == "SET"


def test_timex_upper_case_wire_text():
    text = "SAN SALVADOR, 18 NOV 89 -- GUERRILLAS ATTACKED THE BARRACKS LAST NIGHT, THE ARMY SAID."
    spans = find_timexes(text, D(1989, 11, 18), keep_dateline=True)
    assert [(s.text, s.value) for s in spans] == [
        ("18 NOV 89", "1989-11-18"),
        ("LAST NIGHT", "1989-11-17TNI"),
    ]
    span = one(
        "THE ARMY SAID TODAY THAT REBELS ATTACKED ON 12 JANUARY.",
        D(1990, 1, 15),
        surface="12 JANUARY",
    )
    assert span.value == "1990-01-12"


def test_timex_two_digit_years():
    assert one("THE TALKS ENDED ON 3 MAY 89.", None).value == "1989-05-03"
    assert one("It began in May '05.", None).value == "2005-05"


def test_timex_without_publication_date_stays_unresolved():
    spans = find_timexes("Police said on Friday that the bombing on March 7 killed six.", None)
    assert [(s.text, s.value, s.start, s.anchor) for s in spans] == [
        ("Friday", "XXXX-WXX-5", None, None),
        ("March 7", "XXXX-03-07", None, None),
    ]
    assert one("Nobody came yesterday.", None).start is None
    absolute = one("It happened on March 7, 2024.", None)
    assert (absolute.start, absolute.anchor) == (D(2024, 3, 7), "absolute")


@pytest.mark.parametrize(
    "text",
    [
        "They may march on the capital.",  # modal and verb, not months
        "A 20-year-old man was held.",  # an age
        "The blast killed 2000 people.",  # a count
        "He paid $2010 in fines.",
        "A second attack followed.",
        "Flight 2020 landed safely.",  # a number after a naming word
        "The fall of Kabul shocked the world.",
        "",
    ],
)
def test_timex_not_temporal(text):
    assert find_timexes(text, PUB) == []


def test_timex_event_anchored_spans_stay_unresolved():
    text = (
        "Shortly after the attack the group claimed it; more than a day later police "
        "arrested four men, two days before the vote, and released one the following day."
    )
    spans = find_timexes(text, PUB)
    assert [s.text for s in spans] == [
        "Shortly after the attack",
        "more than a day later",
        "two days before the vote",
        "the following day",
    ]
    assert all(s.anchor is None and s.start is None for s in spans)
    assert all(is_event_anchored(s) for s in spans)
    assert not is_event_anchored(one("It happened on March 7."))


def test_timex_anchor_on_event_date():
    event = TimeSpan(
        text="on Friday",
        start=D(2024, 3, 22),
        end=D(2024, 3, 22),
        granularity="day",
        anchor="publication",
    )
    later = anchor_on(one("Police came more than a day later."), event, "event:E1")
    assert (later.start, later.end, later.anchor) == (D(2024, 3, 23), None, "event:E1")
    before = anchor_on(one("It was two days before the vote."), event, "event:E2")
    assert (before.start, before.end, before.value) == (
        D(2024, 3, 20),
        D(2024, 3, 20),
        "2024-03-20",
    )
    following = anchor_on(one("He was freed the following day."), event, "event:E1")
    assert (following.start, following.end) == (D(2024, 3, 23), D(2024, 3, 23))
    shortly = anchor_on(one("Shortly after the attack, shots rang out."), event, "event:E1")
    assert (shortly.start, shortly.end) == (D(2024, 3, 22), D(2024, 3, 23))
    week = anchor_on(one("They returned a week later."), event, "event:E1")
    assert (week.start, week.end, week.granularity) == (D(2024, 3, 25), D(2024, 3, 31), "week")


def test_timex_anchor_on_some_hours_from_an_event_is_its_day():
    event = TimeSpan(
        text="on Friday",
        start=D(2024, 3, 22),
        end=D(2024, 3, 22),
        granularity="day",
        anchor="publication",
    )
    after = anchor_on(one("A few hours after the blast, a second bomb went off."), event, "E1")
    assert (after.start, after.end, after.value) == (D(2024, 3, 22), D(2024, 3, 22), "2024-03-22")
    before = anchor_on(one("Hours before the rally, a bomb exploded."), event, "E1")
    assert (before.start, before.end) == (D(2024, 3, 22), D(2024, 3, 22))
    # a count of days without a number still runs from the next day, open-ended
    days = anchor_on(one("Police came days later."), event, "E1")
    assert (days.start, days.end) == (D(2024, 3, 23), None)


@pytest.mark.parametrize("granularity", [Granularity.WEEK, "week"])
def test_timex_anchor_on_accepts_granularity_as_enum_or_string(granularity):
    # built through the model as other stages do: validation stores the plain string "week"
    event = TimeSpan.model_validate(
        {
            "text": "last week",
            "start": D(2024, 3, 11),
            "end": D(2024, 3, 17),
            "granularity": granularity,
            "anchor": "publication",
        }
    )
    same = anchor_on(one("Police made arrests the same week."), event, "event:E1")
    assert (same.start, same.end, same.value) == (D(2024, 3, 11), D(2024, 3, 17), "2024-W11")
    assert Granularity(same.granularity) is Granularity.WEEK
    # the result validates like any other model instance
    assert TimeSpan.model_validate(same.model_dump()).granularity == "week"


def test_timex_anchor_on_unresolved_anchor_changes_nothing():
    span = one("Police came a day later.")
    assert anchor_on(span, TimeSpan(text="then"), "event:E1") == span


def test_timex_interval_of_values():
    assert interval_of("2024-W12") == (D(2024, 3, 18), D(2024, 3, 24), "week")
    assert interval_of("2024-02") == (D(2024, 2, 1), D(2024, 2, 29), "month")
    assert interval_of("2012-12", "START")[:2] == (D(2012, 12, 1), D(2012, 12, 10))
    assert interval_of("XXXX-03-07") is None
    assert interval_of("P3D") is None


@pytest.mark.model
def test_timex_tense_from_parse(nlp):
    past = "Police said the gunmen attacked on Friday."
    future = "The court will sit on Friday."
    assert find_timexes(past, PUB, doc=nlp(past))[0].value == "2024-03-22"
    assert find_timexes(future, PUB, doc=nlp(future))[0].value == "2024-03-29"


def test_timex_vague_and_fractional_quantities():
    assert one("Talks took one and a half years.").value == "P18M"
    assert one("The raid took half an hour.").value == "PT30M"
    few = one("Police came a few days ago.")
    # 'a few' is read as 2 to 9: the interval runs from 9 days to 2 days before publication
    assert (few.value, few.start, few.end) == ("PAST_REF", D(2024, 3, 14), D(2024, 3, 21))


def test_timex_season_with_year():
    assert one("Kabul fell in the fall of 2021.").value == "2021-FA"


def test_timex_wire_style_clock_times():
    span = one("THE BOMB EXPLODED AT 2200 ON 5 NOVEMBER.", D(1989, 11, 8))
    assert (span.text, span.timex_type, span.value) == (
        "2200 ON 5 NOVEMBER",
        "TIME",
        "1989-11-05T22:00",
    )


def test_timex_numbers_that_are_not_years():
    spans = find_timexes("Under Resolution 1973, the UN acted in 2011.", PUB)
    assert [s.text for s in spans] == ["2011"]


def test_timex_upper_case_may_and_march_as_words():
    text = "THEY PLAN TO MARCH ON THE CAPITAL AND MAY BE ARRESTED."
    assert find_timexes(text, D(1990, 1, 15)) == []
    span = one("FROM APRIL TO MAY THE ARMY FOUGHT.", D(1990, 1, 15))
    assert (span.text, span.start, span.end) == ("APRIL TO MAY", D(1989, 4, 1), D(1989, 5, 31))


def test_timex_last_day_month_and_modified_days():
    pub = D(1989, 10, 1)
    assert one("THEY KIDNAPPED HIM LAST 9 AUGUST AT THE HOTEL.", pub).value == "1989-08-09"
    assert one("It opens next March 1.", pub).value == "1990-03-01"
    early = one("THERE WAS AN EXPLOSION EARLY THIS MORNING.", pub)
    assert (early.text, early.value, early.mod) == ("EARLY THIS MORNING", "1989-10-01TMO", "START")
    # 1 October 1989 was a Sunday: the Friday before is 29 September
    late = one("Gunmen struck late Friday.", pub)
    assert (late.text, late.value, late.mod) == ("late Friday", "1989-09-29", "END")


# ----------------------------------------------------------------- wire text (MUC-4 style)

WIRE_PUB = D(1989, 11, 17)  # a Friday


@pytest.mark.parametrize(
    ("text", "surface", "value", "start"),
    [
        ("REBELS ATTACKED ON THE NIGHT OF 15 NOVEMBER.", "THE NIGHT OF 15 NOVEMBER",
         "1989-11-15TNI", D(1989, 11, 15)),
        ("IN THE EARLY HOURS OF 15 NOVEMBER A BOMB WENT OFF.",
         "THE EARLY HOURS OF 15 NOVEMBER", "1989-11-15TMO", D(1989, 11, 15)),
        ("THE BOMB WENT OFF EARLY TODAY.", "EARLY TODAY", "1989-11-17", D(1989, 11, 17)),
        ("THE POLICE SAID THAT ON THE 9TH THE REBELS STRUCK.", "THE 9TH", "1989-11-09",
         D(1989, 11, 9)),
        ("THE JUDGE WAS KILLED ON NOVEMBER 14.", "NOVEMBER 14", "1989-11-14", D(1989, 11, 14)),
        ("THE JUDGE WAS KILLED ON 14 NOV.", "14 NOV.", "1989-11-14", D(1989, 11, 14)),
        ("HE WAS KIDNAPPED 2 DAYS AGO.", "2 DAYS AGO", "1989-11-15", D(1989, 11, 15)),
        # hours and minutes back stay on the day of the report
        ("A BOMB EXPLODED 2 HOURS AGO.", "2 HOURS AGO", "1989-11-17", D(1989, 11, 17)),
        ("A FEW MINUTES' AGO A BOMB EXPLODED.", "A FEW MINUTES' AGO", "PAST_REF",
         D(1989, 11, 17)),
        ("THE ATTACK OCCURRED AT 2330 (0530 GMT) YESTERDAY.", "2330 (0530 GMT) YESTERDAY",
         "1989-11-16T23:30", D(1989, 11, 16)),
        # 19:50 local is 00:50 GMT the next day: the local day is the 17th
        ("HE WAS SHOT AT 1950 (0050 GMT 18 NOVEMBER).", "1950 (0050 GMT 18 NOVEMBER)",
         "1989-11-17T19:50", D(1989, 11, 17)),
    ],
)  # fmt: skip
def test_timex_wire_forms_resolve_to_their_day(text, surface, value, start):
    span = one(text, WIRE_PUB, surface=surface)
    assert (span.value, span.start) == (value, start)


def test_timex_days_listed_before_one_month():
    spans = find_timexes("REBELS ATTACKED ON 12 AND 13 NOVEMBER.", WIRE_PUB)
    assert [(s.text, s.start) for s in spans] == [
        ("12", D(1989, 11, 12)),
        ("13 NOVEMBER", D(1989, 11, 13)),
    ]
    both = one("CURFEWS WERE IMPOSED ON 15-16 NOVEMBER.", WIRE_PUB)
    assert (both.start, both.end) == (D(1989, 11, 15), D(1989, 11, 16))
    between = one("TALKS WERE HELD BETWEEN 12 AND 14 NOVEMBER.", WIRE_PUB)
    assert (between.start, between.end) == (D(1989, 11, 12), D(1989, 11, 14))
    listed = find_timexes("Talks were held on November 12 and 13, 1989.", None)
    assert [(s.text, s.start) for s in listed] == [
        ("November 12", None),  # no year of its own and no publication date
        ("13, 1989", D(1989, 11, 13)),
    ]
    assert find_timexes("Police counted 9, 5 May.", PUB)[0].text == "5 May"  # not a list


def test_timex_wire_clock_times_are_not_years():
    assert one("A BOMB EXPLODED AT 1215 (1515 GMT).", WIRE_PUB).value == "XXXX-XX-XXT12:15"
    assert one("THE LEADER HAS STAYED HOME SINCE 1705.", WIRE_PUB).value == "XXXX-XX-XXT17:05"
    assert one("THE WAR HAS GONE ON SINCE 1985.", WIRE_PUB).value == "1985"
    assert one("The war has gone on since 1705.", PUB).value == "1705"  # mixed case: a year


def test_timex_past_few_hours_ends_at_publication():
    span = one("THE PAST FEW HOURS SAW HEAVY FIGHTING.", WIRE_PUB)
    assert (span.value, span.start, span.end) == ("PTXH", WIRE_PUB, WIRE_PUB)


# ----------------------------------------------------------------- datelines

WIRE = "SAN SALVADOR, 17 NOV 89 (RADIO) -- GUERRILLAS ATTACKED THE BARRACKS YESTERDAY."


def test_timex_dateline_date_is_left_out_of_the_expressions():
    assert [s.text for s in find_timexes(WIRE, WIRE_PUB)] == ["YESTERDAY"]
    kept = find_timexes(WIRE, WIRE_PUB, keep_dateline=True)
    assert [s.text for s in kept] == ["17 NOV 89", "YESTERDAY"]
    dateline = find_dateline(WIRE)
    assert dateline is not None
    assert (dateline.text, dateline.start, dateline.char_start) == ("17 NOV 89", WIRE_PUB, 14)


def test_timex_dateline_anchors_when_publication_is_unknown():
    assert one(WIRE, None).start == D(1989, 11, 16)
    text = "KABUL, Afghanistan, March 7, 2024 (Reuters) - Gunmen struck yesterday."
    assert [(s.text, s.start) for s in find_timexes(text, None)] == [("yesterday", D(2024, 3, 6))]


def test_timex_dateline_source_may_hold_a_dash_of_its_own():
    text = "LIMA, 3 MAY 89 (ACAN - EFE) -- A CAR BOMB EXPLODED TODAY."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.start == D(1989, 5, 3)
    assert [(s.text, s.start) for s in find_timexes(text, None)] == [("TODAY", D(1989, 5, 3))]


def test_timex_dateline_source_may_hold_brackets_of_its_own():
    text = "LIMA, 4 MAY 89 (PRENSA LATINA [PL]) -- A CAR BOMB EXPLODED TODAY."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.start == D(1989, 5, 4)
    assert [(s.text, s.start) for s in find_timexes(text, None)] == [("TODAY", D(1989, 5, 4))]


def test_timex_dateline_source_may_open_and_close_with_different_brackets():
    text = "BOGOTA, 27 APR 90 [RADIO CADENA 1) -- [TEXT] THE ATTACK TOOK PLACE YESTERDAY."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.start == D(1990, 4, 27)
    assert [s.text for s in find_timexes(text, None)] == ["YESTERDAY"]


def test_timex_wire_dateline_in_mixed_case_text():
    text = "Bogota, 12 MAR 90 (EFE) -- [Text] Rebels attacked the town yesterday."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.start == D(1990, 3, 12)
    assert [(s.text, s.start) for s in find_timexes(text, None)] == [("yesterday", D(1990, 3, 11))]


@pytest.mark.parametrize(
    "text",
    [
        'A group calling itself the "9 May" Liberation Forces set off a bomb.',
        "A package of dynamite went off on 1 May Avenue.",
    ],
)
def test_timex_day_that_names_a_group_or_a_street_is_no_time(text):
    assert find_timexes(text, D(1989, 7, 20)) == []


@pytest.mark.parametrize(
    "text",
    [
        "He said, March 7 - nothing changed.",  # no place name before the comma
        "On March 7, 2024 - a Thursday - nothing changed.",
        "Police said the attack. SAN SALVADOR, 17 NOV 89 -- NO.",  # not at the start
    ],
)
def test_timex_no_dateline(text):
    assert find_dateline(text) is None


# ----------------------------------------------------------------- unknown publication date


def test_timex_publication_window_from_absolute_dates():
    spans = find_timexes(
        "Police said on Friday that the bombing on March 7, 2024 killed six; the group, "
        "formed in 2021, grew last year.",
        None,
    )
    assert [s.anchor for s in spans] == [None, "absolute", "absolute", None]
    assert suggest_publication_window(spans) == (D(2024, 3, 7), D(2025, 3, 7))
    # a year alone: from its first day to a year after its last
    year_only = find_timexes("The group was formed in 2021.", None)
    assert suggest_publication_window(year_only) == (D(2021, 1, 1), D(2022, 12, 31))


def test_timex_no_publication_window_without_absolute_dates():
    assert suggest_publication_window(find_timexes("It struck last Friday.", None)) is None
    assert suggest_publication_window([]) is None


# ----------------------------------------------------------------- the issue's checklist


@pytest.mark.parametrize(
    ("text", "surface", "value", "start", "end"),
    [
        ("The raid on 3/7 killed two.", "3/7", "2024-03-07", D(2024, 3, 7), D(2024, 3, 7)),
        ("The curfew ran from 3/7 to 3/9.", "3/7 to 3/9", "2024-03-07", D(2024, 3, 7),
         D(2024, 3, 9)),
        ("Talks resume tonight.", "tonight", "2024-03-23TNI", PUB, PUB),
        # past tense in March: the last summer, not the coming one
        ("Fighting peaked in the summer.", "the summer", "2023-SU", D(2023, 6, 1),
         D(2023, 8, 31)),
        ("Talks will resume in the summer.", "the summer", "2024-SU", D(2024, 6, 1),
         D(2024, 8, 31)),
        ("The group formed in the 1990s.", "the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31)),
        ("Attacks rose from May to July.", "May to July", "2024-05", D(2024, 5, 1),
         D(2024, 7, 31)),
        ("He was arrested earlier this month.", "earlier this month", "2024-03", D(2024, 3, 1),
         PUB),
        ("The siege lasted for three days.", "three days", "P3D", None, None),
    ],
)  # fmt: skip
def test_timex_issue_checklist(text, surface, value, start, end):
    span = one(text, surface=surface)
    assert (span.value, span.start, span.end) == (value, start, end)


def test_timex_numbers_with_slash_that_are_not_dates():
    assert find_timexes("The team won 3/7 of its matches.", PUB) == []


@pytest.mark.parametrize(
    ("text", "country", "value"),
    [
        ("the bombs went off at 0400 GMT on 10 March", "GT", "2024-03-09T22:00"),
        ("the bombs went off at 0400 GMT on 10 March", "PH", "2024-03-10T12:00"),
        ("the bombs went off at 0400 GMT on 10 March", None, "2024-03-10T04:00"),
        ("THE REBELS STRUCK AT 2030 [0230 GMT ON 11 MARCH]", "GT", "2024-03-10T20:30"),
    ],
)
def test_timex_local_day_of_a_time_told_in_gmt(text: str, country: str | None, value: str):
    span = find_timexes(text, dt.date(2024, 3, 24))[0]
    local = local_day(span, country)
    assert local.value == value
    assert local.start == local.end == dt.date.fromisoformat(value[:10])


def test_timex_weekday_of_a_gmt_gloss_may_be_the_day_after_the_report():
    # a Saturday's report: 0300 GMT on Sunday is 2100 on Saturday evening where it happened
    text = "THE BOMB WENT OFF SHORTLY AFTER 2100 LOCAL TIME (0300 GMT ON SUNDAY)."
    span = find_timexes(text, dt.date(1989, 11, 18))[0]
    assert span.value == "1989-11-18T21:00"
