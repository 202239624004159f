"""Cross-article merge: scoring, clustering, order independence, the store and a collection
of short articles written for these tests (tests/data/merge)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest

from threatline.merge import (
    THRESHOLD,
    ActorRef,
    MentionRecord,
    SourcedAttribution,
    build_event,
    consensus_fatalities,
    distinctive,
    mention_records,
    merge_records,
    odd_one_out,
    one_edit_apart,
    participant_similarity,
    regroup,
    same_word,
    score_pair,
    shared_named_target,
    told_apart,
)
from threatline.models import (
    Actor,
    Article,
    ArticleReport,
    Attribution,
    EventMention,
    EventPlace,
    Participant,
    Place,
    Quantity,
    Span,
    TimeSpan,
)
from threatline.store import Store

DATA = Path(__file__).parent / "data" / "merge"
KABUL = {"place_key": "geonames:1138958", "place_name": "Kabul", "lat": 34.53, "lon": 69.17}
JALALABAD = {"place_key": "geonames:1138336", "place_name": "Jalalabad", "lat": 34.43, "lon": 70.45}


def record(key: str, day: int | None = 4, kind: str = "bombing", **fields: object) -> MentionRecord:
    """A hand-made record in Afghanistan, March 2024, by default a day-precise bombing in
    Kabul."""
    values: dict[str, object] = {
        "key": key,
        "article_id": key.split(":")[0],
        "event_id": key.split(":")[1],
        "published": dt.date(2024, 3, 5),
        "type": kind,
        "status": "occurred",
        "country": "AF",
        "level": "settlement",
        **KABUL,
    }
    if day is not None:
        date = dt.date(2024, 3, day)
        values.update(date_start=date, date_end=date, granularity="day")
    values.update(fields)
    return MentionRecord.model_validate(values)


# --------------------------------------------------------------------------- scoring


def test_merge_score_same_event_reaches_threshold() -> None:
    a, b = record("a:E1"), record("b:E1", kind="attack")
    assert score_pair(a, b) >= THRESHOLD
    assert score_pair(a, b) == score_pair(b, a)


def test_merge_score_vetoes_lookalikes() -> None:
    bombing = record("a:E1")
    assert score_pair(bombing, record("b:E1", day=11)) == 0.0  # same city, a week later
    assert score_pair(bombing, record("b:E1", kind="arrest")) == 0.0  # the arrests after it
    assert score_pair(bombing, record("b:E1", country="PK")) == 0.0
    assert score_pair(bombing, record("b:E1", **JALALABAD)) == 0.0  # 117 km away
    assert score_pair(bombing, record("b:E1", status="foiled")) == 0.0


def test_merge_score_coarse_time_and_place_are_compatible() -> None:
    bombing = record("a:E1")
    march = record(
        "b:E1",
        date_start=dt.date(2024, 3, 1),
        date_end=dt.date(2024, 3, 31),
        granularity="month",
    )
    country = record("c:E1", place_key="iso3166:AF", place_name="Afghanistan", level="country")
    assert score_pair(bombing, march) >= THRESHOLD
    assert score_pair(bombing, country) >= THRESHOLD
    assert score_pair(bombing, record("d:E1", day=5)) >= THRESHOLD  # a day off: time zones


def test_merge_score_contradicting_perpetrators_lower_the_score() -> None:
    isk = ActorRef(id="islamic-state-khorasan", name="IS-K", in_kb=True)
    taliban = ActorRef(id="taliban", name="Taliban", in_kb=True)
    gunmen = ActorRef(id="gunmen", name="gunmen")
    base = score_pair(record("a:E1", perpetrators=[gunmen]), record("b:E1", claimants=[isk]))
    contradicting = score_pair(
        record("a:E1", perpetrators=[taliban]), record("b:E1", perpetrators=[isk])
    )
    assert contradicting < base
    assert base >= THRESHOLD


def test_merge_a_hostage_taking_and_a_clash_on_different_days_are_two_events() -> None:
    # One group in one town: hostages seized on Monday are not the fighting of Sunday,
    # while hostages taken in an assault are told on the assault's day.
    taliban = ActorRef(id="taliban", name="Taliban", in_kb=True)
    hostages = record("a:E1", day=5, kind="hostage_taking", perpetrators=[taliban])
    clash_the_day_before = record("b:E1", day=4, kind="armed_clash", perpetrators=[taliban])
    assert score_pair(hostages, clash_the_day_before) == 0.0
    assault_that_day = record("b:E1", day=5, kind="armed_assault", perpetrators=[taliban])
    assert score_pair(hostages, assault_that_day) > 0.0
    attack_the_day_before = record("b:E1", day=4, kind="attack", perpetrators=[taliban])
    assert score_pair(hostages, attack_the_day_before) > 0.0  # "the attack" fits either


def test_merge_a_shared_group_tells_one_event_only_where_both_places_are_known() -> None:
    # In an offensive one group attacks many places a day: "the Taliban attacked" without a
    # place is no evidence that it is the Taliban attack reported in Kabul.
    taliban = ActorRef(id="taliban", name="Taliban", in_kb=True)
    in_kabul = record("a:E1", kind="armed_assault", perpetrators=[taliban])
    somewhere = record(
        "b:E1", kind="arson", perpetrators=[taliban], place_key=None, place_name=None
    )
    assert participant_similarity(in_kabul, somewhere) == 0.5
    assert score_pair(in_kabul, somewhere) < THRESHOLD
    also_in_kabul = somewhere.model_copy(update=KABUL)
    assert participant_similarity(in_kabul, also_in_kabul) == 1.0
    assert score_pair(in_kabul, also_in_kabul) >= THRESHOLD


def test_merge_background_mention_joins_the_old_event() -> None:
    old = record(
        "a:E1",
        published=dt.date(2021, 8, 27),
        date_start=dt.date(2021, 8, 26),
        date_end=dt.date(2021, 8, 26),
    )
    background = record(
        "b:E3",
        published=dt.date(2024, 8, 26),
        date_start=dt.date(2021, 1, 1),
        date_end=dt.date(2021, 12, 31),
        granularity="year",
    )
    new = record(
        "b:E1",
        published=dt.date(2024, 8, 26),
        date_start=dt.date(2024, 8, 25),
        date_end=dt.date(2024, 8, 25),
    )
    clusters = merge_records([old, background, new])
    assert sorted(sorted(r.key for r in c) for c in clusters) == [["a:E1", "b:E3"], ["b:E1"]]


VICTIM = ActorRef(id="hamid-karimi", name="Hamid Karimi", kind="person")
AFGHANISTAN = {"place_key": "iso3166:AF", "place_name": "Afghanistan", "level": "country"}


def _undated(key: str, published: dt.date, **fields: object) -> MentionRecord:
    """A record without a date of its own: the publication window."""
    return record(
        key,
        day=None,
        published=published,
        date_start=published - dt.timedelta(days=10),
        date_end=published,
        dated_by_publication=True,
        **fields,
    )


def test_merge_background_mention_naming_the_victim_reaches_back_weeks() -> None:
    shooting = record("a:E1", kind="armed_assault", targets=[VICTIM])
    later = dt.date(2024, 4, 2)  # four weeks later: outside the publication window
    named = _undated("b:E1", later, kind="assassination", targets=[VICTIM], **AFGHANISTAN)
    unnamed = _undated("c:E1", later, kind="assassination", **AFGHANISTAN)
    assert score_pair(shooting, named) >= THRESHOLD
    assert score_pair(shooting, unnamed) == 0.0
    too_late = _undated("d:E1", dt.date(2024, 6, 1), targets=[VICTIM], **AFGHANISTAN)
    assert score_pair(shooting, too_late) == 0.0


def test_merge_victim_named_in_the_other_report_words() -> None:
    unplaced = {"place_key": None, "place_name": None}
    shot = record(
        "a:E1",
        kind="armed_assault",
        targets=[ActorRef(id="hamid", name="Hamid")],  # the name half recognized
        evidence=["Senator Hamid Karimi was shot at a rally on Monday."],
        **unplaced,
    )
    karimi = ActorRef(id="karimi", name="Karimi")
    surname = record("b:E1", kind="assassination", targets=[karimi], **unplaced)
    anonymous = record("c:E1", kind="assassination", **unplaced)
    assert score_pair(shot, surname) >= THRESHOLD
    assert score_pair(shot, anonymous) < THRESHOLD


def test_merge_a_target_named_as_the_other_reports_doer_is_no_shared_target() -> None:
    # "the Andean Teachers Union massacre" read as the union's deed: its name in that
    # report's words does not make the union a target both reports share
    union = ActorRef(id="andean-teachers-union", name="Andean Teachers Union", kind="organization")
    bombing = record("a:E1", targets=[union])
    words = ["The Andean Teachers Union massacre cannot be ignored."]
    doer = record("b:E1", kind="armed_assault", perpetrators=[union], evidence=words)
    teller = record("c:E1", kind="armed_assault", evidence=words)
    assert not shared_named_target(bombing, doer)
    assert shared_named_target(bombing, teller)


def test_merge_a_generic_attack_tells_less_than_a_kind_of_attack() -> None:
    # A week of fighting around one city: a report of "an attack" on civilians in a nearby
    # town, without a day of its own, fits the clash of six days before no better than any
    # other act of that week; told as a killing, it is of one kind with a shooting.
    nearby = {"place_key": "geonames:1", "place_name": "Qala", "lat": 34.58, "lon": 69.05}
    published = dt.date(2024, 3, 7)
    civilians = [ActorRef(id="civilians", name="civilians", kind="civilians")]
    clash = record("a:E1", day=1, kind="armed_clash")
    attack = _undated("b:E1", published, kind="attack", targets=civilians, **nearby)
    assert score_pair(clash, attack) < THRESHOLD
    shooting = record("c:E1", day=1, kind="armed_assault")
    killing = _undated("d:E1", published, kind="assassination", targets=civilians, **nearby)
    assert score_pair(shooting, killing) >= THRESHOLD
    # A named victim still makes "the attack" on him the killing reported elsewhere.
    unplaced = {"place_key": None, "place_name": None}
    attack_on = record("e:E1", kind="attack", targets=[VICTIM], **unplaced)
    murder = record("f:E1", day=5, kind="assassination", targets=[VICTIM], **unplaced)
    assert score_pair(attack_on, murder) >= THRESHOLD


def test_merge_two_reports_that_tell_the_hour_agree_on_the_day() -> None:
    # A car bomb "this afternoon" is not the shooting of "yesterday morning" in the same
    # city, though both killed one person.
    hour = {"granularity": "time", "fatalities": Quantity(text="one", min=1, max=1)}
    shooting = record("a:E1", day=4, kind="attack", **hour)
    car_bomb = record("b:E1", day=5, kind="bombing", **hour)
    assert score_pair(shooting, car_bomb) == 0.0
    # The same day with the hour, or the next day given without it, still match.
    same_day = record("c:E1", day=4, kind="bombing", **hour)
    assert score_pair(shooting, same_day) >= THRESHOLD
    next_day = record("d:E1", day=5, kind="bombing", fatalities=hour["fatalities"])
    assert score_pair(shooting, next_day) >= THRESHOLD
    # Reports that name one victim may still disagree on the day.
    shot = record("e:E1", day=4, kind="armed_assault", targets=[VICTIM], **hour)
    killed = record("f:E1", day=5, kind="assassination", targets=[VICTIM], **hour)
    assert score_pair(shot, killed) >= THRESHOLD


def test_merge_an_organisation_named_by_its_acronym_in_the_other_report() -> None:
    # One report says the rebels took the Organization of American States hostage (its
    # envoy); another names only the envoy, "the OAS envoy Pedro Alves".
    unplaced = {"place_key": None, "place_name": None}
    published = dt.date(2024, 3, 5)
    oas = ActorRef(
        id="oas",
        name="Organization of American States",
        kind="international_org",
        in_kb=True,
        aliases=["OAS"],
    )
    hostage = _undated("a:E1", published, kind="hostage_taking", targets=[oas], **unplaced)
    alves = ActorRef(id="pedro-alves", name="Pedro Alves", kind="person")

    def kidnapping(key: str, sentence: str) -> MentionRecord:
        return _undated(
            key, published, kind="kidnapping", targets=[alves], evidence=[sentence], **unplaced
        )

    envoy = kidnapping("b:E1", "Rebels tried to kidnap the OAS envoy Pedro Alves at his hotel.")
    assert score_pair(hostage, envoy) >= THRESHOLD
    # Without the acronym in its words the other report is no report of the same attack.
    plain = kidnapping("c:E1", "Rebels tried to kidnap the envoy Pedro Alves at his hotel.")
    assert score_pair(hostage, plain) < THRESHOLD
    # An acronym is matched as written: "who" is not the WHO.
    who = oas.model_copy(
        update={"id": "who", "name": "World Health Organization", "aliases": ["WHO"]}
    )
    health = _undated("d:E1", published, kind="hostage_taking", targets=[who], **unplaced)
    asked = kidnapping("e:E1", "Police asked who tried to kidnap Pedro Alves at his hotel.")
    assert score_pair(health, asked) < THRESHOLD
    # A party to the conflict is attacked everywhere: its acronym in passing is no evidence.
    army = ActorRef(
        id="national-army",
        name="National Army",
        kind="security_force",
        in_kb=True,
        aliases=["NAR"],
    )
    ambush = _undated("f:E1", published, kind="hostage_taking", targets=[army], **unplaced)
    seized = kidnapping("g:E1", "Men in NAR uniforms tried to kidnap Pedro Alves at his hotel.")
    assert score_pair(ambush, seized) < THRESHOLD


def test_merge_spelling_variants_of_a_victim_name_are_one_name() -> None:
    assert one_edit_apart("urquiza", "urquisa")  # a letter changed
    assert one_edit_apart("fenastras", "fensatras")  # two neighbours swapped
    assert one_edit_apart("karimi", "karimii") and one_edit_apart("karimii", "karimi")
    assert not one_edit_apart("karimi", "karimi")
    assert not one_edit_apart("urquiza", "orquisa")  # two letters
    assert same_word("valdemar", "waldemar")
    assert not same_word("ines", "inez")  # too short to tell a variant from another name
    unplaced = {"place_key": None, "place_name": None}

    def victim(key: str, name: str, kind: str) -> MentionRecord:
        return record(key, kind=kind, targets=[ActorRef(id=key, name=name)], **unplaced)

    shot = victim("a:E1", "Ana Isabel Urquiza", "armed_assault")
    assert score_pair(shot, victim("b:E1", "Isabel Urquisa", "assassination")) >= THRESHOLD
    assert score_pair(shot, victim("c:E1", "Isabel Urquijo", "assassination")) < THRESHOLD


def test_merge_a_country_given_only_as_a_country_gives_way_to_the_victim() -> None:
    kabul = record("a:E1", kind="armed_assault", targets=[VICTIM])
    speaker = {"place_key": "iso3166:US", "place_name": "United States", "country": "US"}
    abroad = record("b:E1", kind="attack", targets=[VICTIM], level="country", **speaker)
    assert score_pair(kabul, abroad) >= THRESHOLD
    assert score_pair(kabul, abroad.model_copy(update={"targets": []})) == 0.0
    # Two precise places in two countries stay apart, whoever the victim.
    lyon = {"place_key": "geonames:2996944", "place_name": "Lyon", "lat": 45.75, "lon": 4.85}
    assert score_pair(kabul, record("c:E1", targets=[VICTIM], country="FR", **lyon)) == 0.0


def test_merge_two_days_naming_one_person_within_a_week_are_one_event() -> None:
    # "On Monday" read in the wrong week, or a report's own day against another's: two
    # precise days that name one murdered person stay one event within a week.
    shot = record("a:E1", kind="armed_assault", targets=[VICTIM], place_key=None, place_name=None)
    misdated = record("b:E1", day=1, kind="assassination", targets=[VICTIM], place_key=None)
    assert score_pair(shot, misdated) >= THRESHOLD
    assert score_pair(shot, misdated.model_copy(update={"targets": []})) == 0.0
    weeks_later = record("c:E1", day=20, kind="assassination", targets=[VICTIM])
    assert score_pair(shot, weeks_later) == 0.0
    # An office can be attacked again days later: a named organisation bridges no days.
    office = ActorRef(id="union-office", name="Union Office", kind="organization")
    first = record("d:E1", targets=[office], place_key=None, place_name=None)
    second = record("e:E1", day=8, targets=[office], place_key=None, place_name=None)
    assert score_pair(first, second) == 0.0


def test_merge_a_misdated_report_of_the_victim_does_not_split_the_event() -> None:
    # One report dates the murder days early; it must not veto the same-day report that
    # names the victim away from the others that name it.
    today = record("a:E1", day=5, kind="attack", targets=[VICTIM], place_key=None, place_name=None)
    early = record("b:E1", day=1, kind="extrajudicial_killing", targets=[VICTIM], place_key=None)
    undated = [
        _undated(f"{name}:E1", dt.date(2024, 3, 5), kind="attack", targets=[VICTIM])
        for name in ("c", "d")
    ]
    clusters = merge_records([today, early, *undated])
    assert _partition(clusters) == [["a:E1", "b:E1", "c:E1", "d:E1"]]


def test_merge_the_named_victim_outranks_a_weak_undated_link() -> None:
    # A report without a date of its own names the victim; a same-town shooting days before
    # matches it only in type and town. The name joins first, the look-alike stays apart.
    shot = record("a:E1", kind="armed_assault", targets=[VICTIM], place_key=None, place_name=None)
    named = _undated("b:E1", dt.date(2024, 3, 5), kind="armed_assault", targets=[VICTIM])
    lookalike = record("c:E1", day=1, kind="armed_assault")
    assert score_pair(shot, named) > score_pair(named, lookalike) >= THRESHOLD
    assert _partition(merge_records([shot, named, lookalike])) == [["a:E1", "b:E1"], ["c:E1"]]


def test_merge_killings_of_differently_named_people_stay_apart() -> None:
    # Two killings in one town and days, each naming its own victim, are two events; a
    # background mention placed before its publication would otherwise join a look-alike.
    other = ActorRef(id="nadia-rahimi", name="Nadia Rahimi", kind="person")
    killing = record("a:E1", kind="assassination", targets=[VICTIM])
    other_killing = record("b:E1", day=5, kind="assassination", targets=[other])
    background = _undated("c:E1", dt.date(2024, 3, 6), kind="assassination", targets=[other])
    assert score_pair(killing, other_killing) == 0.0
    assert score_pair(killing, background) == 0.0
    clusters = merge_records([killing, other_killing, background])
    assert _partition(clusters) == [["a:E1"], ["b:E1", "c:E1"]]
    # Two reports naming one victim, one by surname only, still merge.
    surname = ActorRef(id="karimi", name="Karimi", kind="person")
    again = record("d:E1", day=5, kind="armed_assault", targets=[surname])
    assert score_pair(killing, again) >= THRESHOLD


def test_merge_reports_naming_different_victims_of_one_attack_with_several_victims() -> None:
    # Six priests were killed in one night: one report names one of them, another a second,
    # a third only counts them. The counted report leaves room for every name.
    first = ActorRef(id="ignacio-ruiz", name="Ignacio Ruiz", kind="person")
    second = ActorRef(id="pablo-moreno", name="Pablo Moreno", kind="person")
    killing = record("a:E1", kind="armed_assault", targets=[first])
    other_name = record("b:E1", kind="armed_assault", targets=[second])
    six = Quantity(min=6, max=6, text="six")
    counted = record("c:E1", kind="armed_assault", targets=[second], fatalities=six)
    assert score_pair(killing, other_name) == 0.0  # each names its only victim
    assert score_pair(killing, counted) >= THRESHOLD  # "six killed, among them Moreno"
    # A report of "the priests" (a group, no number) leaves room as well.
    priests = ActorRef(id="priests", name="priests", kind="civilians")
    grouped = record("d:E1", kind="armed_assault", targets=[second, priests])
    assert score_pair(killing, grouped) >= THRESHOLD
    assert _partition(merge_records([killing, other_name])) == [["a:E1"], ["b:E1"]]
    # Room alone is no evidence: "a senator and his bodyguards" in a report without a day
    # of its own may be another killing of those days.
    bodyguards = ActorRef(id="bodyguards", name="bodyguards", kind="civilians")
    undated = _undated(
        "e:E1", dt.date(2024, 3, 6), kind="armed_assault", targets=[second, bodyguards]
    )
    assert score_pair(killing, undated) == 0.0


def test_merge_a_report_naming_both_victims_bridges_the_reports_of_each() -> None:
    # One report names Ruiz, another Moreno; a third names both: one attack, three reports.
    first = ActorRef(id="ignacio-ruiz", name="Ignacio Ruiz", kind="person")
    second = ActorRef(id="pablo-moreno", name="Pablo Moreno", kind="person")
    both = record("a:E1", kind="armed_assault", targets=[first, second])
    of_first = record("b:E1", kind="armed_assault", targets=[first])
    of_second = _undated("c:E1", dt.date(2024, 3, 5), kind="armed_assault", targets=[second])
    assert score_pair(of_first, of_second) == 0.0
    records = [both, of_first, of_second]
    assert _partition(merge_records(records)) == [["a:E1", "b:E1", "c:E1"]]
    for order in itertools.permutations(records):
        assert _incremental(list(order)) == [["a:E1", "b:E1", "c:E1"]]
    # Without the bridging report, or with one that only mentions a name in passing, the
    # two stay apart.
    passing = record(
        "d:E1",
        kind="armed_assault",
        targets=[first],
        evidence=["Ignacio Ruiz was shot dead, weeks after Pablo Moreno."],
    )
    assert _partition(merge_records([of_first, of_second, passing])) == [
        ["b:E1", "d:E1"],
        ["c:E1"],
    ]


def test_merge_a_victim_named_in_passing_is_not_the_reports_victim() -> None:
    # A report of a second killing recalls the first victim in its own sentence: the name
    # in passing does not make it a report of the first killing.
    unplaced = {"place_key": None, "place_name": None}
    killing = record("a:E1", kind="assassination", targets=[VICTIM], **unplaced)
    aide = ActorRef(id="amir-sultani", name="Amir Sultani", kind="person")
    second = record(
        "b:E1",
        day=5,
        kind="assassination",
        targets=[aide],
        evidence=["Amir Sultani, an aide of the murdered senator Hamid Karimi, was shot."],
        **unplaced,
    )
    assert score_pair(killing, second) == 0.0
    # A name the extractor cut in two is still one name in the report's words.
    cut = record(
        "c:E1",
        kind="armed_assault",
        targets=[ActorRef(id="senator-hamid", name="Senator Hamid", kind="person")],
        evidence=["Senator Hamid Karimi was shot at a rally on Monday."],
        **unplaced,
    )
    assert score_pair(killing, cut) >= THRESHOLD
    assert score_pair(cut, second) == 0.0
    # A list of the victims of one attack names the other report's victim next to its own.
    moreno = ActorRef(id="pablo-moreno", name="Pablo Moreno", kind="person")
    listed = record(
        "d:E1",
        kind="armed_assault",
        targets=[ActorRef(id="ignacio-ruiz", name="Ignacio Ruiz", kind="person")],
        evidence=["Ignacio Ruiz and Father Pablo Moreno were shot dead at the mission."],
        **unplaced,
    )
    of_moreno = _undated(
        "e:E1", dt.date(2024, 3, 6), kind="assassination", targets=[moreno], **unplaced
    )
    assert score_pair(listed, of_moreno) >= THRESHOLD


def test_merge_a_lone_word_taken_for_a_person_vetoes_nothing() -> None:
    # "took the envoy hostage" read as a person "Hostage": one capitalized word is no name
    # that tells two victims apart, while two full names still do.
    envoy = ActorRef(id="tiago-ferraz", name="Tiago Ferraz", kind="person")
    misread = ActorRef(id="hostage", name="Hostage", kind="person")
    kidnapping = record("a:E1", kind="kidnapping", targets=[envoy])
    hostage = record("b:E1", kind="hostage_taking", targets=[misread])
    assert score_pair(kidnapping, hostage) >= THRESHOLD
    other = ActorRef(id="nadia-rahimi", name="Nadia Rahimi", kind="person")
    assert score_pair(kidnapping, hostage.model_copy(update={"targets": [other]})) == 0.0


def test_merge_reports_of_a_named_victim_join_before_a_same_day_lookalike() -> None:
    # The senator was shot in Kabul the day a bomb killed twelve there. The report that
    # gives the town matches the bombing reports in day and town better than the reports
    # that name the senator without a town or a date; the name decides.
    unplaced = {"place_key": None, "place_name": None}
    named = [
        record("a:E1", kind="assassination", targets=[VICTIM], **unplaced),
        _undated("b:E1", dt.date(2024, 3, 5), kind="assassination", targets=[VICTIM], **unplaced),
        _undated("c:E1", dt.date(2024, 3, 6), kind="assassination", targets=[VICTIM], **unplaced),
    ]
    in_kabul = record("d:E1", kind="armed_assault", targets=[VICTIM])
    twelve = Quantity(min=12, max=12, text="twelve")
    bombing = [
        record("e:E1", fatalities=twelve),
        record("f:E1", fatalities=twelve),
        _undated("g:E1", dt.date(2024, 3, 5)),
    ]
    assert score_pair(in_kabul, bombing[0]) > score_pair(in_kabul, named[0]) >= THRESHOLD
    records = [*named, in_kabul, *bombing]
    expected = [["a:E1", "b:E1", "c:E1", "d:E1"], ["e:E1", "f:E1", "g:E1"]]
    assert _partition(merge_records(records)) == expected
    for order in itertools.permutations(records[2:6]):
        assert _incremental([*order, *records[:2], *records[6:]]) == expected


def test_merge_common_words_for_people_are_no_shared_participant() -> None:
    # "people" and "gunmen" are in the reports of any attack; a named union tells one.
    people = ActorRef(id="people", name="people", kind="civilians")
    gunmen = ActorRef(id="gunmen", name="gunmen", kind="armed_group")
    union = ActorRef(id="union", name="Kabul Transport Union", kind="organization")
    plain = record("a:E1", place_key=None, place_name=None)
    generic = record("b:E1", day=5, place_key=None, place_name=None)
    assert score_pair(
        plain.model_copy(update={"targets": [people], "perpetrators": [gunmen]}),
        generic.model_copy(update={"targets": [people], "perpetrators": [gunmen]}),
    ) == score_pair(plain, generic)
    assert score_pair(
        plain.model_copy(update={"targets": [union]}),
        generic.model_copy(update={"targets": [union]}),
    ) > score_pair(plain, generic)


@pytest.mark.parametrize(
    "target",
    [
        ActorRef(id="union-members", name="union members", kind="civilians"),
        ActorRef(id="a-shopkeeper", name="a shopkeeper", kind="other"),
    ],
)
def test_merge_a_shared_description_of_the_victims_does_not_chain_two_attacks(
    target: ActorRef,
) -> None:
    # Two bombings a day apart, one report without a place: alike in all but the victims,
    # which both describe in words that many reports of a week use. Counting the shared
    # description as evidence would link them (and chain all their other reports).
    first = record("a:E1", place_key=None, place_name=None, targets=[target])
    second = record("b:E1", day=5, place_key=None, place_name=None, targets=[target])
    assert not distinctive(target)
    assert participant_similarity(first, second) == 0.5
    assert score_pair(first, second) < THRESHOLD
    assert _partition(merge_records([first, second])) == [["a:E1"], ["b:E1"]]


def test_merge_parties_to_the_conflict_and_descriptions_are_not_distinctive() -> None:
    # The police are attacked many times a week; a nationality is capitalized too.
    police = ActorRef(id="police", name="Afghan National Police", kind="security_force", in_kb=True)
    workers = ActorRef(id="afghan-workers", name="Afghan workers", kind="civilians")
    assert not distinctive(police)
    assert not distinctive(workers)
    first, second = record("a:E1", targets=[police, workers]), record("b:E1", targets=[police])
    assert participant_similarity(first, second) == 0.5


def test_merge_a_shared_named_victim_is_evidence_of_one_attack() -> None:
    # The same two reports naming one person, or one named organisation, are one event.
    for target in (
        ActorRef(id="ahmad-karimi", name="Ahmad Karimi", kind="person"),
        ActorRef(id="hotel", name="Hotel Continental", kind="organization"),
    ):
        first = record("a:E1", place_key=None, place_name=None, targets=[target])
        second = record("b:E1", day=5, place_key=None, place_name=None, targets=[target])
        assert distinctive(target)
        assert score_pair(first, second) >= THRESHOLD
        assert _partition(merge_records([first, second])) == [["a:E1", "b:E1"]]


def test_merge_two_mentions_of_one_article_are_not_linked() -> None:
    # The article told the shooting and the kidnapping after it apart.
    shooting = record("a:E1", kind="armed_assault", targets=[VICTIM])
    kidnapping = record("a:E2", kind="kidnapping", targets=[VICTIM])
    assert score_pair(shooting, kidnapping) < THRESHOLD
    assert _partition(merge_records([shooting, kidnapping])) == [["a:E1"], ["a:E2"]]
    # A mention the article gave twice still joins its event through another report.
    twice = [record("a:E1"), record("a:E2"), record("b:E1")]
    assert _partition(merge_records(twice)) == [["a:E1", "a:E2", "b:E1"]]


def test_merge_a_killing_and_a_kidnapping_an_article_told_apart_stay_apart() -> None:
    # One article: a banker shot dead in the morning, and in another sentence a couple
    # kidnapped the same day in the same town. A report of another article that says only
    # "the attack" that day fits both, yet it joins them into no one event.
    banker = ActorRef(id="tomas-arriaga", name="Tomas Arriaga", kind="person")
    shot = "Banker Tomas Arriaga was shot dead this morning as he left his home."
    taken = "It was also reported that gunmen kidnapped a young couple in the city."
    murder = record("a:E1", kind="armed_assault", targets=[banker], evidence=[shot])
    kidnapping = record("a:E2", kind="kidnapping", evidence=[taken])
    attack = record("b:E1", kind="attack", evidence=["The attack shocked the city."])
    assert told_apart(murder, kidnapping) and told_apart(kidnapping, murder)
    assert score_pair(murder, kidnapping) == 0.0
    assert score_pair(attack, murder) >= THRESHOLD
    assert score_pair(attack, kidnapping) >= THRESHOLD
    assert _partition(merge_records([murder, kidnapping, attack])) == [
        ["a:E1", "b:E1"],
        ["a:E2"],
    ]
    # Told in one sentence ("gunmen stormed the bank and took the staff hostage"), the
    # assault and the hostage taking may be one event: the third report joins them.
    both = "Gunmen stormed the bank and took the staff hostage."
    assault = record("a:E1", kind="armed_assault", evidence=[both, shot])
    hostages = record("a:E2", kind="hostage_taking", evidence=[both])
    assert not told_apart(assault, hostages)
    assert _partition(merge_records([assault, hostages, attack])) == [["a:E1", "a:E2", "b:E1"]]
    # Mentions of one family, or of two articles, are never told apart so.
    assert not told_apart(murder, record("a:E3", kind="bombing", evidence=[taken]))
    assert not told_apart(murder, record("c:E1", kind="kidnapping", evidence=[taken]))


def test_merge_bombing_and_arson_of_one_named_target_stay_apart() -> None:
    office = ActorRef(id="union-office", name="Union Office")
    bombing = record("a:E1", targets=[office], place_key=None, place_name=None)
    arson = record("b:E1", day=5, kind="arson", targets=[office], place_key=None, place_name=None)
    assert score_pair(bombing, arson) < THRESHOLD
    again = record("c:E1", day=5, kind="attack", targets=[office], place_key=None, place_name=None)
    assert score_pair(bombing, again) >= THRESHOLD


def test_merge_reports_of_the_attack_do_not_bridge_a_bombing_and_the_arson_next_day() -> None:
    # A bomb kills ten at a union office; the next day a bus is set on fire in protest and
    # one report of the fire names the office (and its dead). Reports that say only "the
    # attack on the office" fit both: they join the bombing, the fire stays its own event.
    office = ActorRef(id="union-office", name="Union Office")
    nowhere = {"place_key": None, "place_name": None, "targets": [office]}
    ten = Quantity(min=10, max=10, text="10")
    bombing = record("a:E1", fatalities=ten, **nowhere)
    blast = record("b:E1", **nowhere)
    fire = record("c:E1", day=5, kind="arson", fatalities=ten, **nowhere)
    attacks = [
        _undated("d:E1", dt.date(2024, 3, 6), kind="attack", fatalities=ten, **nowhere),
        _undated("e:E1", dt.date(2024, 3, 7), kind="attack", **nowhere),
    ]
    assert score_pair(fire, attacks[0]) >= THRESHOLD  # each link alone is plausible
    clusters = merge_records([bombing, blast, fire, *attacks])
    assert _partition(clusters) == [["a:E1", "b:E1", "d:E1", "e:E1"], ["c:E1"]]
    # A fire bomb the same day, told as a bombing by one report and an arson by another,
    # and a report of the fire without a date of its own are still one event.
    in_town = record("f:E1", kind="arson", targets=[office])
    assert score_pair(record("j:E1", targets=[office]), in_town) >= THRESHOLD
    undated_fire = _undated("g:E1", dt.date(2024, 3, 6), kind="arson", **nowhere)
    assert score_pair(fire, undated_fire) >= THRESHOLD
    # Two ways of killing (a shooting, an assassination) on consecutive days may be one;
    # so are a shooting and a bombing on consecutive days that name one person as victim.
    shot = record("h:E1", kind="armed_assault", targets=[VICTIM])
    killed = record("i:E1", day=5, kind="assassination", targets=[VICTIM])
    assert score_pair(shot, killed) >= THRESHOLD
    assert score_pair(shot, record("k:E1", day=5, targets=[VICTIM])) >= THRESHOLD
    assert score_pair(record("l:E1", kind="armed_assault"), record("m:E1", day=5)) == 0.0


def test_merge_a_lookalike_the_same_day_does_not_capture_the_named_reports() -> None:
    # A politician shot in Kabul, and a police commander killed elsewhere in the country
    # that day: the two same-day killings link, but the reports that name the politician
    # (days later) join each other first and the commander's killing stays its own event.
    shooting = record("a:E1", kind="armed_assault", targets=[VICTIM])
    commander = record(
        "b:E1", kind="assassination", place_key=None, place_name="Paghman", level="area"
    )
    follow_ups = [
        _undated(
            f"{name}:E1",
            dt.date(2024, 3, day),
            kind="assassination",
            targets=[VICTIM],
            place_key=None,
            place_name=None,
        )
        for name, day in (("c", 7), ("d", 8), ("e", 9))
    ]
    assert score_pair(shooting, commander) >= THRESHOLD
    clusters = merge_records([shooting, commander, *follow_ups])
    assert _partition(clusters) == [["a:E1", "c:E1", "d:E1", "e:E1"], ["b:E1"]]


def _office_reports(outlier_day: int) -> list[MentionRecord]:
    """Three reports of a bombing of the Union Office on 4 March, two that say only "the
    attack on the office", and a report published first that names the office with a
    shooting on ``outlier_day`` (a speaker's aside on another attack mixed into it)."""
    office = ActorRef(id="union-office", name="Union Office")
    early = dt.date(2024, 3, 4)
    return [
        record("a:E1", day=outlier_day, kind="armed_assault", targets=[office], published=early),
        *(record(f"{key}:E1", targets=[office]) for key in "bcd"),
        _undated("e:E1", dt.date(2024, 3, 6), kind="attack", targets=[office]),
        _undated("f:E1", dt.date(2024, 3, 7), kind="attack", targets=[office]),
    ]


def test_merge_a_report_at_odds_with_most_reports_of_its_target_joins_last() -> None:
    # The shooting of 3 March vetoes the three bombings of the 4th; joined first (it comes
    # first in the stable order and ties with the bombings), it would take the reports of
    # "the attack" away from the bombing.
    records = _office_reports(outlier_day=3)
    assert all(score_pair(records[0], bombing) == 0.0 for bombing in records[1:4])
    assert score_pair(records[0], records[4]) >= THRESHOLD
    clusters = merge_records(records)
    assert _partition(clusters) == [["a:E1"], ["b:E1", "c:E1", "d:E1", "e:E1", "f:E1"]]


def test_merge_a_report_at_odds_with_one_report_of_its_target_is_no_outlier() -> None:
    # The shooting told on the same day as the bombings vetoes none of them: it is one of
    # their reports, and the first report waits for nothing.
    records = _office_reports(outlier_day=4)
    assert all(score_pair(records[0], other) >= THRESHOLD for other in records[1:])
    assert _partition(merge_records(records)) == [[f"{key}:E1" for key in "abcdef"]]
    vetoed = {(0, 1)}
    scores = {(0, j): 0.8 for j in range(2, 6)}
    assert not odd_one_out(0, records, scores, vetoed)
    assert odd_one_out(0, records, scores, vetoed | {(0, 2), (0, 3)})


# --------------------------------------------------------------------------- clustering

RECORDS = [
    record("a:E1", fatalities=Quantity(min=60, text="at least 60")),
    record("b:E1", day=5, fatalities=Quantity(min=133, max=133, text="133")),
    record("c:E1", kind="attack"),
    record("d:E1", day=11),  # a second bombing a week later
    record("e:E1", day=12),
    record("f:E1", day=6, kind="arrest"),
    record("g:E1", day=None, published=dt.date(2024, 3, 13)),  # undated: publication window
]


def _partition(clusters: list[list[MentionRecord]]) -> list[list[str]]:
    return sorted(sorted(r.key for r in cluster) for cluster in clusters)


def test_merge_records_partition() -> None:
    assert _partition(merge_records(RECORDS)) == [
        ["a:E1", "b:E1", "c:E1"],
        ["d:E1", "e:E1", "g:E1"],
        ["f:E1"],
    ]


def _incremental(order: list[MentionRecord]) -> list[list[str]]:
    """Add records one at a time, as the store does, keeping components."""
    stored: dict[str, list[MentionRecord]] = {}
    clusters: dict[str, list[list[MentionRecord]]] = {}
    for item in order:
        change = regroup([item], stored)
        for removed in change.removed_components:
            stored.pop(removed)
            clusters.pop(removed)
        for component, cluster in change.clusters:
            stored.setdefault(component, []).extend(cluster)
            clusters.setdefault(component, []).append(cluster)
    return _partition([c for group in clusters.values() for c in group])


def test_merge_incremental_is_order_independent() -> None:
    expected = _partition(merge_records(RECORDS))
    for order in itertools.islice(itertools.permutations(RECORDS), 0, 5040, 97):
        assert _incremental(list(order)) == expected


# --------------------------------------------------------------------------- consensus


def test_merge_consensus_prefers_latest_official_figure() -> None:
    police = SourcedAttribution(source="police", name="police", stance="reports", official=True)
    claim = SourcedAttribution(source="isk", name="IS-K", stance="claims")
    early = record("a:E1", published=dt.date(2024, 3, 4), fatalities=Quantity(min=60, text="60"))
    later = record(
        "b:E1",
        published=dt.date(2024, 3, 6),
        fatalities=Quantity(min=137, max=137, text="137"),
        attributions=[police],
    )
    claimed = record(
        "c:E1",
        published=dt.date(2024, 3, 7),
        fatalities=Quantity(min=200, text="200"),
        attributions=[claim],
    )
    assert consensus_fatalities([early, later, claimed]).text == "137"
    # Without an official figure: the most conservative one not claimed by the perpetrator.
    assert consensus_fatalities([claimed, early]).text == "60"


def test_merge_build_event_keeps_reports_side_by_side() -> None:
    event = build_event(RECORDS[:3])
    assert [r.value for r in event.reports["fatalities"]] == ["at least 60", "133"]
    assert event.type == "bombing"  # a specific type before the generic "attack"
    assert event.n_reports == 3
    assert event.first_reported == event.latest_reported == dt.date(2024, 3, 5)


# --------------------------------------------------------------------------- store


def _report(
    name: str,
    published: dt.date,
    day: dt.date,
    killed: int,
    perpetrator: str | None,
    event_type: str = "bombing",
) -> ArticleReport:
    text = f"{name}: a bomb killed {killed} people in Kabul."
    article = Article.from_text(text, title=name, source=name.split()[0], published=published)
    actors = [Actor(id="police", name="police", kind="security_force")]
    participants = []
    if perpetrator:
        actors.append(
            Actor(id=perpetrator, name=perpetrator.upper(), kind="armed_group", in_kb=True)
        )
        participants.append(Participant(actor=perpetrator, role="claimant"))
    return ArticleReport(
        article=article,
        actors=actors,
        places=[
            Place(
                id="P1",
                name="Kabul",
                gazetteer_id="geonames:1138958",
                lat=34.53,
                lon=69.17,
                country="AF",
            )
        ],
        events=[
            EventMention(
                id="E1",
                type=event_type,
                trigger=Span(start=0, end=4, text=text[:4]),
                time=TimeSpan(text=str(day), start=day, end=day, granularity="day"),
                place=EventPlace(id="P1", text="Kabul", precision=1),
                participants=participants,
                fatalities=Quantity(min=killed, max=killed, text=str(killed)),
                attributions=[Attribution(source="police", stance="reports")],
                evidence=[Span(start=0, end=len(text), text=text)],
            )
        ],
    )


def _two_acts_in_one_sentence(arson_day: dt.date) -> ArticleReport:
    """A report whose one sentence tells of a burning and of the shelling it protests; the
    extractor gave the union as the shelling's target only."""
    text = (
        "A truck was set alight by students protesting the shelling of the Andean Teachers "
        "Union school in Kabul."
    )
    article = Article.from_text(text, title="Wire", source="Wire", published=dt.date(2024, 3, 5))
    union = Actor(
        id="andean-teachers-union",
        name="Andean Teachers Union",
        kind="organization",
        aliases=["ATU"],
    )
    sentence = Span(start=0, end=len(text), text=text)

    def mention(event_id: str, event_type: str, day: dt.date, targets: list[str]) -> EventMention:
        return EventMention(
            id=event_id,
            type=event_type,
            trigger=Span(start=0, end=4, text=text[:4]),
            time=TimeSpan(text=str(day), start=day, end=day, granularity="day"),
            participants=[Participant(actor=actor_id, role="target") for actor_id in targets],
            evidence=[sentence],
        )

    return ArticleReport(
        article=article,
        actors=[union],
        events=[
            mention("E1", "arson", arson_day, []),
            mention("E2", "shelling", dt.date(2024, 3, 4), ["andean-teachers-union"]),
        ],
    )


def test_merge_a_name_in_a_sentence_of_another_act_is_that_acts() -> None:
    union = ActorRef(id="atu", name="Andean Teachers Union", kind="organization", aliases=["ATU"])
    unplaced = {"place_key": None, "place_name": None}
    elsewhere = _undated("z:E1", dt.date(2024, 3, 6), kind="attack", targets=[union], **unplaced)
    arson, shelling = (
        r.model_copy(update=unplaced)
        for r in mention_records(_two_acts_in_one_sentence(dt.date(2024, 3, 5)))
    )
    assert [ref.name for ref in arson.others_targets] == ["Andean Teachers Union"]
    assert shelling.others_targets == []
    # The union is the shelling's target: another report of the attack on it is the
    # shelling's, not the burning's, though the burning's sentence names the union too.
    assert score_pair(elsewhere, shelling) >= THRESHOLD
    assert score_pair(elsewhere, arson) < THRESHOLD
    # Two mentions of one day may be one act told twice: the name is the burning's as well.
    same_day, _ = (
        r.model_copy(update=unplaced)
        for r in mention_records(_two_acts_in_one_sentence(dt.date(2024, 3, 4)))
    )
    assert same_day.others_targets == []
    assert score_pair(elsewhere, same_day) >= THRESHOLD


def test_merge_an_attack_dated_after_its_report_is_dated_by_the_report() -> None:
    published = dt.date(2024, 3, 5)
    misread = _report("Wire", published, dt.date(2024, 3, 8), 3, None)
    (record_,) = mention_records(misread)
    assert record_.dated_by_publication
    assert (record_.date_start, record_.date_end) == (dt.date(2024, 2, 24), published)
    # A day later is another time zone's date; a planned attack may lie ahead.
    (next_day,) = mention_records(_report("Wire", published, dt.date(2024, 3, 6), 3, None))
    assert not next_day.dated_by_publication
    planned = misread.model_copy(
        update={"events": [misread.events[0].model_copy(update={"status": "planned"})]}
    )
    assert mention_records(planned)[0].date_start == dt.date(2024, 3, 8)


def test_merge_a_perpetrator_inferred_from_context_is_shown_but_links_nothing() -> None:
    stated = _report("Wire", dt.date(2024, 3, 5), dt.date(2024, 3, 4), 3, "isk")
    event = stated.events[0]
    inferred = stated.model_copy(
        update={
            "events": [
                event.model_copy(
                    update={
                        "participants": [Participant(actor="isk", role="perpetrator")],
                        "attributions": [
                            *event.attributions,
                            Attribution(source="context", stance="assumes"),
                        ],
                    }
                )
            ]
        }
    )
    (record_,) = mention_records(inferred)
    assert record_.perpetrators == []
    assert [ref.id for ref in record_.inferred_perpetrators] == ["isk"]
    merged = build_event([record_])
    assert merged.perpetrators == ["ISK"]
    assert merged.perpetrator_ids == []
    (value,) = merged.reports["perpetrators"]
    assert value.value == "ISK (inferred from context)"
    # A stated perpetrator is still evidence of identity.
    stated_event = stated.events[0].model_copy(
        update={"participants": [Participant(actor="isk", role="perpetrator")]}
    )
    (stated_record,) = mention_records(stated.model_copy(update={"events": [stated_event]}))
    assert [ref.id for ref in stated_record.perpetrators] == ["isk"]


def _with_doer(report: ArticleReport, doer: str, *attributions: Attribution) -> ArticleReport:
    """The report's event with ``doer`` (a known group) as its perpetrator, told with
    ``attributions`` besides the report's own."""
    event = report.events[0]
    actors = [*report.actors, Actor(id=doer, name=doer.title(), kind="armed_group", in_kb=True)]
    event = event.model_copy(
        update={
            "participants": [Participant(actor=doer, role="perpetrator")],
            "attributions": [*event.attributions, *attributions],
        }
    )
    return report.model_copy(update={"actors": actors, "events": [event]})


def test_merge_an_alleged_or_denied_perpetrator_is_shown_but_neither_links_nor_splits() -> None:
    day, published = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
    charged = Attribution(source="article", stance="alleges")
    (alleged,) = mention_records(
        _with_doer(_report("Wire", published, day, 3, None), "hawks", charged)
    )
    assert alleged.perpetrators == []
    assert [ref.id for ref in alleged.alleged_perpetrators] == ["hawks"]
    merged = build_event([alleged])
    assert merged.perpetrators == ["Hawks"]
    assert merged.reports["perpetrators"][0].value == "Hawks (alleged)"
    denied = Attribution(source="hawks", stance="denies")
    (disputed,) = mention_records(
        _with_doer(_report("Post", published, day, 3, None), "hawks", denied)
    )
    assert [ref.id for ref in disputed.alleged_perpetrators] == ["hawks"]
    # Another report of the attack states another group: no contradiction that splits them.
    (stated,) = mention_records(_with_doer(_report("Courier", published, day, 3, None), "owls"))
    assert [ref.id for ref in stated.perpetrators] == ["owls"]
    assert participant_similarity(alleged, stated) == 0.5
    assert participant_similarity(disputed, stated) == 0.5
    assert score_pair(alleged, stated) >= THRESHOLD
    (other,) = mention_records(_with_doer(_report("Herald", published, day, 3, None), "hawks"))
    assert participant_similarity(stated, other) == 0.1  # two stated groups contradict
    # Nor does one accused doer named in two reports tell that they are one attack.
    assert participant_similarity(alleged, disputed) == 0.5
    assert participant_similarity(other, other.model_copy(update={"key": "x:E1"})) == 1.0


REPORTS = [
    _report("Wire first", dt.date(2024, 3, 4), dt.date(2024, 3, 4), 60, None),
    _report("Courier toll", dt.date(2024, 3, 5), dt.date(2024, 3, 4), 133, None),
    _report("Agency claim", dt.date(2024, 3, 6), dt.date(2024, 3, 4), 137, "isk"),
    _report("Wire second", dt.date(2024, 3, 11), dt.date(2024, 3, 11), 4, None),
    _report("Wire arrests", dt.date(2024, 3, 6), dt.date(2024, 3, 6), 0, None, "arrest"),
]


def _stored_events(reports: list[ArticleReport]) -> list[dict]:
    with Store.open(":memory:") as store:
        for report in reports:
            store.add_report(report)
        return [e.model_dump() for e in store.list_merged_events()]


def test_store_merge_is_incremental_and_order_independent() -> None:
    expected = _stored_events(REPORTS)
    assert [e["n_reports"] for e in expected] == [3, 1, 1]
    shuffled = list(REPORTS)
    for seed in range(4):
        random.Random(seed).shuffle(shuffled)
        assert _stored_events(shuffled) == expected
    assert _stored_events(REPORTS + REPORTS[::-1]) == expected  # ingesting twice


def test_store_get_event_and_actor_profile() -> None:
    with Store.open(":memory:") as store:
        for report in REPORTS:
            store.add_report(report)
        bombing = store.list_merged_events(type="bombing")[0]
        event = store.get_event(bombing.id)
        assert event is not None
        assert [r.value for r in event.reports["fatalities"]] == ["60", "133", "137"]
        assert event.fatalities is not None and event.fatalities.text == "137"  # latest police
        assert event.certainty == "confirmed"
        assert len(event.evidence) == 3
        mention = store.get_event(f"{REPORTS[0].article.id[:16]}:E1")
        assert mention is not None and mention.id == bombing.id
        assert store.list_merged_events(actor="ISK")[0].id == bombing.id
        assert store.list_merged_events(start=dt.date(2024, 3, 10))[0].n_reports == 1
        assert store.list_merged_events(country="pk") == []
        profile = store.get_actor("isk")
        assert profile is not None and profile.events == {"claimant": [bombing.id]}
        assert store.get_actor("nobody") is None


def _victim_report(name: str, published: dt.date, place: Place, dated: bool) -> ArticleReport:
    """A report of the shooting of Hamid Karimi, placed at ``place``; dated 2024-03-04 or
    (``dated`` false) only by its publication."""
    text = f"{name}: Senator Hamid Karimi was shot dead."
    article = Article.from_text(text, title=name, source=name, published=published)
    day = dt.date(2024, 3, 4)
    return ArticleReport(
        article=article,
        actors=[Actor(id="hamid-karimi", name="Hamid Karimi", kind="person")],
        places=[place],
        events=[
            EventMention(
                id="E1",
                type="assassination",
                trigger=Span(start=0, end=4, text=text[:4]),
                time=TimeSpan(text="Monday", start=day, end=day, granularity="day")
                if dated
                else None,
                place=EventPlace(id=place.id, text=place.name, precision=3),
                participants=[Participant(actor="hamid-karimi", role="victim")],
                evidence=[Span(start=0, end=len(text), text=text)],
            )
        ],
    )


def test_store_merges_a_report_placed_only_in_another_country() -> None:
    # "The US ambassador condemned the killing of Hamid Karimi": a country-level place in
    # another country must not block the report from the event it names.
    kabul = Place(id="P1", name="Kabul", gazetteer_id="geonames:1138958", country="AF")
    usa = Place(id="P1", name="United States", country="US", level="country")
    reports = [
        _victim_report("Wire", dt.date(2024, 3, 4), kabul, dated=True),
        _victim_report("Embassy", dt.date(2024, 3, 20), usa, dated=False),
    ]
    for order in (reports, reports[::-1]):
        [event] = _stored_events(order)
        assert event["n_articles"] == 2 and event["country"] == "AF"


# --------------------------------------------------------------------------- collection


def _merge_collection(paths: list[Path], db: Path) -> list[dict]:
    from threatline.pipeline import ingest_paths

    ingest_paths(paths, db)
    with Store.open(db) as store:
        return [e.model_dump() for e in store.list_merged_events()]


@pytest.mark.model
def test_merge_collection_gives_the_events_with_their_disagreements(tmp_path: Path) -> None:
    paths = sorted(DATA.glob("*.txt"))
    events = _merge_collection(paths, tmp_path / "a.sqlite")
    # Events the extractor dated and placed: the market bombing (four reports), the bus
    # station bombing a week later (two), the arrests, and the Kuriga kidnapping (three).
    placed = {
        (e["type"], str(e["date_start"]), e["place_name"]): e
        for e in events
        if e["place_name"] and e["granularity"] == "day"
    }
    market = placed["bombing", "2024-03-04", "Peshawar"]
    assert market["n_articles"] == 4
    # the first count, the toll that rose the next day, the claim's and the government's
    assert [r["value"] for r in market["reports"]["fatalities"]] == [
        "at least 12",
        "21",
        "23",
        "25",
    ]
    assert market["fatalities"]["text"] == "25"  # the latest official figure
    assert "Islamic State" in market["perpetrators"]
    # both wire reports of the bus station bombing ("a bomb exploded", "a bomb went off")
    assert placed["bombing", "2024-03-11", "Peshawar"]["n_articles"] == 2
    assert placed["arrest", "2024-03-08", "Peshawar"]["n_articles"] == 2
    assert placed["kidnapping", "2024-03-07", "Nigeria"]["n_articles"] == 3
    # The same collection in reverse order, and then again, gives the same events.
    again = _merge_collection(paths[::-1], tmp_path / "b.sqlite")
    assert again == events
    assert _merge_collection(paths, tmp_path / "b.sqlite") == events


@pytest.mark.model
def test_merge_collection_keeps_a_victim_named_in_passing_apart(tmp_path: Path) -> None:
    # Two reports of a senator's murder, and a report of the murder of his aide the next
    # day in the same town that names the senator in passing: two events, whatever order.
    paths = sorted((DATA.parent / "merge_names").glob("*.txt"))
    events = _merge_collection(paths, tmp_path / "a.sqlite")
    victims = sorted((e["target_ids"], e["n_articles"]) for e in events)
    assert victims == [(["amir-sultani"], 1), (["hamid-karimi"], 2)]
    assert _merge_collection(paths[::-1], tmp_path / "b.sqlite") == events


@pytest.mark.model
def test_merge_collection_keeps_a_killing_apart_from_a_same_day_bombing(tmp_path: Path) -> None:
    # A senator shot dead in Kabul the day a car bomb hit a market there: the reports that
    # name him without a town or a date join the one that gives them, not the bombing.
    paths = sorted((DATA.parent / "merge_same_day").glob("*.txt"))
    events = _merge_collection(paths, tmp_path / "a.sqlite")
    found = sorted((e["type"], e["target_ids"], e["n_articles"]) for e in events)
    assert found == [("armed_assault", ["hamid-karimi"], 3), ("bombing", ["people"], 2)]
    assert _merge_collection(paths[::-1], tmp_path / "b.sqlite") == events


@pytest.mark.model
def test_merge_collection_keeps_a_fire_the_day_after_a_bombing_apart(tmp_path: Path) -> None:
    # A bomb at a union office in Kandahar, and a bus set on fire outside it the next day:
    # same town, consecutive days, two events. The union's report of "the attack" that
    # killed its ten joins the bombing, whatever the order.
    paths = sorted((DATA.parent / "merge_bombing_arson").glob("*.txt"))
    events = _merge_collection(paths, tmp_path / "a.sqlite")
    found = sorted((e["type"], str(e["date_start"]), e["n_articles"]) for e in events)
    assert found == [("arson", "2024-06-11", 1), ("bombing", "2024-06-10", 3)]
    assert _merge_collection(paths[::-1], tmp_path / "b.sqlite") == events


def test_merge_a_second_mention_of_one_article_joins_the_event_another_report_links() -> None:
    # Article "a" tells one bombing twice (its extraction split it: a dated mention in Kabul
    # and a dated one without a place); "b" reports it too. The two mentions of "a" are never
    # linked to each other, so their pair must not pull the second one out of the event.
    first, again = (
        record("a:E1"),
        record("a:E2", place_key=None, place_name=None, lat=None, lon=None),
    )
    other = record("b:E1")
    assert score_pair(first, again) < THRESHOLD <= score_pair(again, other)
    for order in itertools.permutations([first, again, other]):
        assert sorted(sorted(r.key for r in c) for c in merge_records(list(order))) == [
            ["a:E1", "a:E2", "b:E1"]
        ]


def test_merge_two_mentions_of_one_article_alone_stay_two_events() -> None:
    # No other report links them: what one article told apart stays apart.
    first, again = (
        record("a:E1"),
        record("a:E2", place_key=None, place_name=None, lat=None, lon=None),
    )
    clusters = merge_records([first, again])
    assert sorted(sorted(r.key for r in c) for c in clusters) == [["a:E1"], ["a:E2"]]
    # nor does a report that links only one of them (a fire the article tells beside the
    # bombing) join the other
    fire = record("a:E2", kind="arson", place_key=None, place_name=None, lat=None, lon=None)
    other = record("b:E1")
    assert score_pair(fire, other) < THRESHOLD
    clusters = merge_records([first, fire, other])
    assert sorted(sorted(r.key for r in c) for c in clusters) == [["a:E1", "b:E1"], ["a:E2"]]


def test_merge_one_text_published_twice_is_merged_once_whatever_the_order() -> None:
    # The same text under two titles is one article (one id, so the same keys): its
    # records count once, and which copy arrives first changes nothing.
    copy_one = record("a:E1", title="first title")
    copy_two = record("a:E1", title="second title")
    other, far = record("b:E1", day=5), record("c:E1", **JALALABAD)
    results = {
        tuple(tuple((r.key, r.title) for r in c) for c in merge_records(list(order)))
        for order in itertools.permutations([copy_one, copy_two, other, far])
    }
    assert results == {((("a:E1", "first title"), ("b:E1", None)), (("c:E1", None),))}


def test_merge_distinct_keys_are_all_kept() -> None:
    records = [record("a:E1"), record("a:E2", day=20), record("b:E1", day=5)]
    assert sorted(r.key for c in merge_records(records) for r in c) == ["a:E1", "a:E2", "b:E1"]
