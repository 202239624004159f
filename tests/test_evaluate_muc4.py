"""MUC-4 evaluation: key parsing, slot scoring, template alignment, entity F1, event mapping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import cast

import pytest

from threatline.evaluate.muc4 import (
    _PHYSICAL_TARGET_TYPES,
    Filler,
    MucTemplate,
    SlotFill,
    _classify,
    _describe_by_the_role_told_apart,
    _drop_a_person_told_again,
    _drop_doers_told_again_by_the_act,
    _drop_groups_of_the_named,
    _drop_harms_of_no_one_told_of_a_victim,
    _drop_names_told_in_full_too,
    _drop_people_told_again,
    _filler_text,
    _incident_location,
    _merge_into,
    _no_bare_weapon_beside_a_named_one,
    _one_description_of_the_doers,
    _one_description_of_the_fighters,
    _one_kind_of_thing_hit,
    _places_listed_after,
    _same_incident,
    _singular_role,
    _total_of_a_group_including_others,
    _total_only_beside_many_victims,
    _total_told_of_the_named,
    format_report,
    parse_filler,
    parse_key_file,
    parse_keys,
    parse_slot,
    perpetrator_confidence,
    read_keys,
    report_to_templates,
    run,
    score_entities,
    score_filler,
    score_slot,
    score_templates,
)
from threatline.merge import one_edit_apart
from threatline.models import (
    Actor,
    Article,
    ArticleReport,
    Attribution,
    EventMention,
    EventPlace,
    Participant,
    Place,
    PlaceLevel,
    Quantity,
    Span,
    TimeSpan,
)
from threatline.perpetrators import INFERRED_SOURCE

KEY_TEXT = r""";;; a hand-written key in the answer-key layout
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 12 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         "CAR BOMB" / "BOMB"
7.  INCIDENT: INSTRUMENT TYPE       VEHICLE BOMB: "CAR BOMB" / "BOMB"
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             ? "TERRORISTS"
10. PERP: ORGANIZATION ID           "SHINING PATH"
11. PERP: ORGANIZATION CONFIDENCE   SUSPECTED OR ACCUSED BY AUTHORITIES: "SHINING PATH"
12. PHYS TGT: ID                    "\"EL SOL\" HOTEL" / "HOTEL"
13. PHYS TGT: TYPE                  COMMERCIAL: "\"EL SOL\" HOTEL" / "HOTEL"
14. PHYS TGT: NUMBER                1: "\"EL SOL\" HOTEL" / "HOTEL"
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    SOME DAMAGE: "\"EL SOL\" HOTEL" / "HOTEL"
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   "JUAN PEREZ"
19. HUM TGT: DESCRIPTION            "MAYOR": "JUAN PEREZ"
                                    "GUESTS"
20. HUM TGT: TYPE                   GOVERNMENT OFFICIAL: "JUAN PEREZ"
                                    CIVILIAN: "GUESTS"
21. HUM TGT: NUMBER                 1: "JUAN PEREZ"
                                    3 - 5: "GUESTS"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "JUAN PEREZ"
                                    INJURY: "GUESTS"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  (11 MAR 90) / (- 12 MAR 90)
3.  INCIDENT: LOCATION              PERU: LIMA (CITY / PROVINCE)
4.  INCIDENT: TYPE                  KIDNAPPING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         *
7.  INCIDENT: INSTRUMENT TYPE       *
8.  PERP: INCIDENT CATEGORY         -
9.  PERP: INDIVIDUAL ID             "ARMED MEN"
10. PERP: ORGANIZATION ID           -
11. PERP: ORGANIZATION CONFIDENCE   -
12. PHYS TGT: ID                    *
13. PHYS TGT: TYPE                  *
14. PHYS TGT: NUMBER                *
15. PHYS TGT: FOREIGN NATION        *
16. PHYS TGT: EFFECT OF INCIDENT    *
17. PHYS TGT: TOTAL NUMBER          *
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "DRIVER"
20. HUM TGT: TYPE                   CIVILIAN: "DRIVER"
21. HUM TGT: NUMBER                 1: "DRIVER"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     -
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
4.  INCIDENT: TYPE                  *
"""


def make(message_id: str = "M1", optional: bool = False, **slots: str | list[str]) -> MucTemplate:
    """A template from slot fills written as in a key: make(s4="BOMBING", s10='"FMLN"')."""
    template = MucTemplate(message_id=message_id, optional=optional)
    for name, value in slots.items():
        number = int(name[1:])
        template.slots[number] = parse_slot(number, [value] if isinstance(value, str) else value)
    return template


# --------------------------------------------------------------------------- parsing


def test_muc4_parse_keys_reads_alternatives_xrefs_and_optional_fills() -> None:
    keys = parse_keys(KEY_TEXT)
    assert list(keys) == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    assert keys["TST9-MUC4-0002"] == []  # irrelevant message: no templates
    first, second = keys["TST9-MUC4-0001"]
    assert (first.template_id, first.optional, second.optional) == ("1", False, True)
    assert first.slot(6).fillers[0].alternatives == ("CAR BOMB", "BOMB")
    assert first.slot(7).fillers[0].alternatives == ("VEHICLE BOMB",)
    assert first.slot(7).fillers[0].xref == ("CAR BOMB", "BOMB")
    assert first.slot(9).fillers[0].optional
    assert first.slot(12).fillers[0].alternatives == ('"EL SOL" HOTEL', "HOTEL")
    assert [f.alternatives for f in first.slot(19).fillers] == [("MAYOR",), ("GUESTS",)]
    assert first.slot(19).fillers[0].xref == ("JUAN PEREZ",)
    assert first.slot(19).fillers[1].xref == ()
    assert first.slot(21).fillers[1].alternatives == ("3 - 5",)
    assert first.slot(15).empty and not first.slot(15).inapplicable
    assert second.slot(12).inapplicable
    assert second.slot(2).fillers[0].alternatives == ("11 MAR 90", "- 12 MAR 90")
    assert second.slot(3).fillers[0].alternatives == ("PERU: LIMA (CITY / PROVINCE)",)


def test_muc4_template_text_round_trips_through_the_parser() -> None:
    template = parse_keys(KEY_TEXT)["TST9-MUC4-0001"][0]
    again = parse_keys(template.to_text())["TST9-MUC4-0001"][0]
    assert again.slots == template.slots


# --------------------------------------------------------------------------- filler rules


@pytest.mark.parametrize(
    ("slot", "response", "key", "credit"),
    [
        (10, '"SHINING PATH"', '"SHINING PATH" / "SL"', 1.0),
        (19, '"THE 3 PEASANTS"', '"PEASANTS"', 1.0),  # nonessential modifiers
        (18, '"TORRES"', '"ALBERTO ROBERTO TORRES"', 0.5),  # incomplete name
        (10, '"ARMY OF NATIONAL LIBERATION (ELN)"', '"ARMY OF NATIONAL LIBERATION" / "ELN"', 1.0),
        (12, '"BANK"', '"HOTEL"', 0.0),
        (4, "ATTACK", "BOMBING", 0.5),
        (4, "BOMBING", "ATTACK", 0.0),
        (7, 'EXPLOSIVE: "CAR BOMB"', 'VEHICLE BOMB: "CAR BOMB"', 0.5),  # superset type
        (7, 'VEHICLE BOMB: "CAR BOMB"', 'BOMB: "CAR BOMB"', 0.0),
        (11, 'SUSPECTED OR ACCUSED: "FMLN"', 'SUSPECTED OR ACCUSED BY AUTHORITIES: "FMLN"', 0.5),
        (11, 'REPORTED AS FACT: "FMLN"', 'REPORTED AS FACT: "FMLN" / "FARABUNDO"', 1.0),
        (23, 'DEATH: "MAYOR"', 'DEATH: "JUAN PEREZ"', 0.5),  # right value, wrong referent
        (23, 'NO INJURY: "-"', 'NO INJURY OR DEATH: "-"', 0.5),
        (21, '7: "JUDGES"', '5 - 7: "JUDGES"', 0.5),
        (21, '7: "JUDGES"', '~7: "JUDGES"', 0.5),
        (21, '6: "JUDGES"', '5 - 7: "JUDGES"', 0.0),
        (2, "26 AUG 89", "25 AUG 89 - 26 AUG 89", 0.5),
        (2, "25 AUG 89", "- 26 AUG 89", 0.5),
        (2, "- 26 AUG 89", "26 AUG 89", 0.5),
        (2, "- 26 AUG 89", "25 AUG 89", 0.0),
        (2, "- 26 AUG 89", "24 AUG 89 - 25 AUG 89", 0.0),
        (2, "26 AUG 89", "26 AUG 89", 1.0),
        (3, "COLOMBIA: MEDELLIN (CITY)", "COLOMBIA: MEDELLIN (CITY)", 1.0),
        (3, "COLOMBIA", "COLOMBIA: MEDELLIN (CITY)", 0.5),
        (3, "COLOMBIA: CALI (CITY)", "COLOMBIA: ANTIOQUIA (DEPARTMENT): MEDELLIN (CITY)", 0.5),
        (3, "COLOMBIA: MEDELLIN (CITY)", "COLOMBIA: MEDELLIN (CITY) - CALI (CITY)", 0.5),
        (3, "PERU: LIMA (CITY)", "COLOMBIA: MEDELLIN (CITY)", 0.0),
    ],
)
def test_muc4_score_filler_follows_the_scoring_guidelines(
    slot: int, response: str, key: str, credit: float
) -> None:
    assert score_filler(slot, parse_filler(slot, response), parse_filler(slot, key)) == credit


def test_muc4_score_slot_counts_missing_spurious_and_optional_fillers() -> None:
    key = parse_slot(19, ['"MAYOR": "JUAN PEREZ"', '"GUESTS"', '? "WAITER"'])
    response = parse_slot(19, ['"GUESTS"', '"DRIVER"', '"COOK"'])
    counts = score_slot(19, response, key)
    # GUESTS correct; DRIVER paired with the non-optional MAYOR (incorrect); COOK spurious;
    # the optional WAITER is neither matched nor missing.
    assert (counts.cor, counts.par, counts.inc, counts.mis, counts.spu) == (1, 0, 1, 0, 1)
    assert score_slot(12, parse_slot(12, ['"BANK"']), parse_slot(12, ["*"])).actual == 0


# --------------------------------------------------------------------------- template scoring


def test_muc4_score_templates_is_perfect_for_the_key_itself() -> None:
    keys = parse_keys(KEY_TEXT)
    metrics = score_templates(keys, keys)
    assert (metrics["r"], metrics["p"], metrics["f"]) == (100.0, 100.0, 100.0)
    assert metrics["n_messages"] == 2 and metrics["n_key_templates"] == 2


def test_muc4_score_templates_gives_partial_credit() -> None:
    key = {"M1": [make(s2="25 AUG 89 - 26 AUG 89", s4="BOMBING", s10='"SHINING PATH"',
                       s18='"ALBERTO ROBERTO TORRES"')]}  # fmt: skip
    response = {"M1": [make(s2="26 AUG 89", s4="ATTACK", s10='"SHINING PATH"', s18='"TORRES"')]}
    metrics = score_templates(key, response)
    # COR 1 (org), PAR 3 (date, type, name): (1 + 1.5) / 4 both ways.
    assert metrics["all"]["cor"] == 1 and metrics["all"]["par"] == 3
    assert (metrics["r"], metrics["p"], metrics["f"]) == (62.5, 62.5, 62.5)
    assert metrics["slots"]["incident_type"]["f"] == 50.0


def test_muc4_score_templates_counts_optional_filler_only_when_given() -> None:
    key = {"M1": [make(s4="BOMBING", s9='? "TERRORISTS"')]}
    without = score_templates(key, {"M1": [make(s4="BOMBING")]})
    assert without["all"]["pos"] == 1 and without["r"] == 100.0
    with_it = score_templates(key, {"M1": [make(s4="BOMBING", s9='"TERRORISTS"')]})
    assert with_it["all"]["pos"] == 2 and with_it["all"]["cor"] == 2


def test_muc4_score_templates_counts_spurious_and_missing_templates() -> None:
    key = {
        "M1": [make("M1", s4="KIDNAPPING", s18='"MARIA LOPEZ"')],
        "M2": [make("M2", s4="ARSON", s12='"HOUSE"'), make("M2", optional=True, s4="ATTACK")],
    }
    response = {
        "M1": [
            make("M1", s4="BOMBING", s12='"BANK"'),  # spurious: 2 fillers
            make("M1", s4="KIDNAPPING", s18='"MARIA LOPEZ"'),  # matched: 2 correct
        ],
        "M3": [make("M3", s4="ATTACK")],  # a message the key does not have: ignored
    }
    metrics = score_templates(key, response)
    # M2's ARSON template is missing (2 fillers); its OPTIONAL template costs nothing.
    assert metrics["all"] == {"pos": 4, "act": 4, "cor": 2, "par": 0, "inc": 0, "mis": 2,
                              "spu": 2}  # fmt: skip
    assert (metrics["r"], metrics["p"], metrics["f"]) == (50.0, 50.0, 50.0)
    assert metrics["n_key_templates"] == 3 and metrics["n_response_templates"] == 2
    assert metrics["n_matched_templates"] == 1


def test_muc4_score_templates_aligns_templates_whatever_their_order() -> None:
    a = make(s4="BOMBING", s12='"BANK"', s3="PERU: LIMA (CITY)")
    b = make(s4="ATTACK", s18='"JUAN PEREZ"', s3="PERU: CUZCO (CITY)")
    metrics = score_templates({"M1": [a, b]}, {"M1": [b, a]})
    assert metrics["f"] == 100.0 and metrics["n_matched_templates"] == 2


def test_muc4_score_templates_does_not_map_without_a_shared_target_or_perpetrator() -> None:
    key = {"M1": [make(s4="BOMBING", s12='"BANK"')]}
    response = {"M1": [make(s4="BOMBING", s12='"CHURCH"')]}
    metrics = score_templates(key, response)
    assert metrics["n_matched_templates"] == 0
    assert metrics["all"]["mis"] == 2 and metrics["all"]["spu"] == 2


def test_muc4_format_report_has_a_row_per_slot_and_the_total() -> None:
    keys = parse_keys(KEY_TEXT)
    text = format_report({**score_templates(keys, keys), **_ree_fields(keys)})
    assert "INCIDENT: DATE" in text and "ALL TEMPLATES" in text and "PerpOrg" in text


def _ree_fields(keys: dict[str, list[MucTemplate]]) -> dict[str, object]:
    entities = score_entities(keys, keys)
    return {"ree": entities["roles"], "ree_p": entities["p"], "ree_r": entities["r"],
            "ree_f1": entities["f"]}  # fmt: skip


# --------------------------------------------------------------------------- entity F1


def test_muc4_score_entities_counts_a_second_mention_of_one_entity_as_false() -> None:
    key = {"D1": [make(
        "D1",
        s9='"GUERRILLA COLUMN" / "GUERRILLAS"',
        s10='"FMLN" / "FARABUNDO MARTI NATIONAL LIBERATION FRONT"',
        s18='"JUAN PEREZ"',
        s19='"PEASANTS"',
    )]}  # fmt: skip
    response = {"D1": [make(
        "D1",
        s9=['"guerrillas"', '"the guerrilla column"'],  # same entity twice: one is false
        s10='"FMLN"',
        s18='"Juan Perez"',
        s12='"bank"',
    )]}  # fmt: skip
    scores = score_entities(key, response)
    # TP 3 of 5 predicted, 4 gold entities: P 60, R 75, F1 2*.6*.75/1.35 = 66.67.
    assert (scores["p"], scores["r"], scores["f"]) == (60.0, 75.0, 66.67)
    assert scores["roles"]["PerpInd"]["p"] == 50.0 and scores["roles"]["PerpInd"]["r"] == 100.0
    assert scores["roles"]["Victim"]["r"] == 50.0 and scores["roles"]["Target"]["p"] == 0.0


def test_muc4_score_entities_merges_an_entity_named_in_two_templates() -> None:
    key = {"D1": [make("D1", s9='"GUERRILLAS"'), make("D1", s9='"GUERRILLAS" / "REBELS"')]}
    scores = score_entities(key, {"D1": [make("D1", s9='"REBELS"')]})
    assert scores["roles"]["PerpInd"]["n_gold"] == 1 and scores["f"] == 100.0


# --------------------------------------------------------------------------- events -> templates


def _report() -> ArticleReport:
    text = (
        "Guerrillas of the Shining Path set off a car bomb at a hotel in Lima yesterday, "
        "killing Juan Perez. The police blamed the Shining Path. Soldiers clashed with rebels."
    )
    article = Article.from_text(text, title="TST9-MUC4-0001", published=dt.date(1990, 3, 12))

    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start=start, end=start + len(phrase), text=phrase)

    def mention(phrase: str) -> tuple[int, int]:
        return (text.index(phrase), text.index(phrase) + len(phrase))

    actors = [
        Actor(id="a1", name="Guerrillas", kind="armed_group", mentions=[mention("Guerrillas")]),
        Actor(id="a2", name="Shining Path", kind="armed_group", in_kb=True,
              mentions=[mention("Shining Path")]),
        Actor(id="a3", name="Juan Perez", kind="person", mentions=[mention("Juan Perez")]),
        Actor(id="a4", name="police", kind="security_force", mentions=[mention("police")]),
        Actor(id="a5", name="Soldiers", kind="security_force", mentions=[mention("Soldiers")]),
    ]  # fmt: skip
    bombing = EventMention(
        id="E1",
        type="bombing",
        trigger=span("set off"),
        time=TimeSpan(text="yesterday", start=dt.date(1990, 3, 11), end=dt.date(1990, 3, 11)),
        place=EventPlace(id="P1", text="Lima", precision=1),
        participants=[
            Participant(actor="a1", role="perpetrator"),
            Participant(actor="a2", role="perpetrator"),
            Participant(actor="a3", role="victim"),
        ],
        fatalities=Quantity(min=1, max=1, text="killing"),
        attributions=[Attribution(source="a4", stance="alleges")],
        instruments=[span("car bomb")],
        physical_targets=[span("hotel")],
    )
    clash = EventMention(
        id="E2",
        type="armed_clash",
        trigger=span("clashed"),
        participants=[Participant(actor="a5", role="perpetrator")],
    )
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    return ArticleReport(article=article, actors=actors, places=[lima], events=[bombing, clash])


def test_muc4_report_to_templates_fills_the_slots_by_the_fill_rules() -> None:
    templates = report_to_templates(_report())
    assert len(templates) == 1  # the clash between soldiers and rebels is not a MUC incident

    def values(slot: int) -> list[str]:
        return [f.value for f in templates[0].slot(slot).fillers]

    assert values(2) == ["11 MAR 90"]
    assert values(3) == ["PERU: LIMA (CITY)"]
    assert values(4) == ["BOMBING"] and values(5) == ["ACCOMPLISHED"]
    assert values(6) == ["CAR BOMB"] and values(7) == ["VEHICLE BOMB"]
    assert values(8) == ["TERRORIST ACT"]
    assert values(9) == ["GUERRILLAS"] and values(10) == ["SHINING PATH"]
    assert values(11) == ["SUSPECTED OR ACCUSED BY AUTHORITIES"]
    assert values(12) == ["HOTEL"] and values(13) == ["COMMERCIAL"] and values(14) == ["1"]
    assert values(18) == ["JUAN PEREZ"] and values(20) == ["CIVILIAN"]
    assert values(23) == ["DEATH"]
    assert templates[0].slot(23).fillers[0].xref == ("JUAN PEREZ",)


def test_muc4_target_fills_leave_their_count_to_the_number_slot() -> None:
    report = _report()
    event = report.events[0].model_copy(
        update={"physical_targets": [Span(start=0, end=0, text="two buses")]}
    )
    report = report.model_copy(update={"events": [event]})
    template = report_to_templates(report)[0]
    assert [f.value for f in template.slot(12).fillers] == ["BUSES"]
    assert [(f.value, f.xref) for f in template.slot(14).fillers] == [("2", ("BUSES",))]


def test_muc4_a_victim_named_by_surname_gets_the_full_name_the_text_gives() -> None:
    text = "Gunmen shot Juan Carlos Perez in Lima yesterday. Perez died at once."
    article = Article.from_text(text, title="TST9-MUC4-0002", published=dt.date(1990, 3, 12))
    second = text.rindex("Perez")
    actors = [
        Actor(id="a1", name="Juan Carlos Perez", kind="person",
              mentions=[(text.index("Juan"), text.index("Juan") + 17)]),
        Actor(id="a2", name="Perez", kind="person", mentions=[(second, second + 5)]),
    ]  # fmt: skip
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[
            Participant(actor="a1", role="victim"),
            Participant(actor="a2", role="victim"),
        ],
    )
    report = ArticleReport(article=article, actors=actors, events=[shooting])
    template = report_to_templates(report)[0]
    assert [f.value for f in template.slot(18).fillers] == ["JUAN CARLOS PEREZ"]


@pytest.mark.parametrize(
    ("name", "kind", "names", "descriptions"),
    [
        ("Pedro Valdivia", "expert", ["PEDRO VALDIVIA"], ["POLITICAL ANALYST"]),
        ("analysts", "civilians", [], ["ANALYSTS"]),
    ],
)
def test_muc4_an_expert_harmed_is_a_named_person(name, kind, names, descriptions) -> None:
    text = f"Gunmen shot political analyst {name} in Lima yesterday."
    article = Article.from_text(text, title="TST9-MUC4-0003", published=dt.date(1990, 3, 12))
    at = text.index(name.split()[0])
    actors = [Actor(id="a1", name=name, kind=kind, mentions=[(at, at + len(name))])]
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[Participant(actor="a1", role="victim")],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[shooting])
    )[0]
    assert [f.value for f in template.slot(18).fillers] == names
    assert [f.value for f in template.slot(19).fillers] == descriptions


@pytest.mark.parametrize(
    ("sentence", "noun", "description"),
    [
        (
            "Gunmen killed three members of the rural defense committee, police said.",
            "members",
            "MEMBERS OF THE RURAL DEFENSE COMMITTEE",
        ),
        (
            "Gunmen killed three members of his escort in Arequipa.",
            "members",
            "MEMBERS OF HIS ESCORT",
        ),
        ("Gunmen killed three members yesterday.", "members", "MEMBERS"),
        ("Gunmen killed three peasants of the region, police said.", "peasants", "PEASANTS"),
    ],
)
def test_muc4_members_are_described_with_the_body_they_belong_to(
    sentence, noun, description
) -> None:
    article = Article.from_text(sentence, title="TST9-MUC4-0004", published=dt.date(1990, 3, 12))
    at = sentence.index(noun)
    actors = [Actor(id="a1", name=noun, kind="civilians", mentions=[(at, at + len(noun))])]
    killing = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(
            start=sentence.index("killed"), end=sentence.index("killed") + 6, text="killed"
        ),
        participants=[Participant(actor="a1", role="victim")],
    )
    template = report_to_templates(ArticleReport(article=article, actors=actors, events=[killing]))[
        0
    ]
    assert [f.value for f in template.slot(19).fillers] == [description]


@pytest.mark.parametrize(("own_sentence", "number"), [(True, "16"), (False, "44")])
def test_muc4_a_group_harmed_in_two_acts_is_counted_in_the_act_s_own_sentence(
    own_sentence, number
) -> None:
    text = (
        "Rebels have killed 44 peasants in the province this year. "
        "On Monday the rebels shot 16 peasants in Villa Norte."
    )
    article = Article.from_text(text, title="TST9-MUC4-0005", published=dt.date(1990, 3, 12))
    mentions = [(m.start(), m.end()) for m in re.finditer("peasants", text)]
    actors = [Actor(id="a1", name="peasants", kind="civilians", mentions=mentions)]
    second = text.index("On Monday")
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[Participant(actor="a1", role="victim")],
        evidence=[Span(start=second, end=len(text), text=text[second:])] if own_sentence else [],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[shooting])
    )[0]
    assert [f.value for f in template.slot(21).fillers] == [number]


@pytest.mark.parametrize(
    ("sentence", "descriptions"),
    [
        ("Gunmen kidnapped the bishop and his assistant, Mario Tello, yesterday.", ["ASSISTANT"]),
        ("Gunmen kidnapped the bishop and Mario Tello, his assistant, yesterday.", []),
        ("Gunmen kidnapped the bishop with Mario Tello yesterday.", []),
    ],
)
def test_muc4_a_person_s_relation_told_before_his_name_is_his_role(sentence, descriptions) -> None:
    article = Article.from_text(sentence, title="TST9-MUC4-0006", published=dt.date(1990, 3, 12))
    at = sentence.index("Mario Tello")
    actors = [Actor(id="a1", name="Mario Tello", kind="person", mentions=[(at, at + 11)])]
    kidnapping = EventMention(
        id="E1",
        type="kidnapping",
        trigger=Span(
            start=sentence.index("kidnapped"), end=sentence.index("kidnapped") + 9, text="kidnapped"
        ),
        participants=[Participant(actor="a1", role="victim")],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[kidnapping])
    )[0]
    assert [f.value for f in template.slot(18).fillers] == ["MARIO TELLO"]
    assert [f.value for f in template.slot(19).fillers] == descriptions


@pytest.mark.parametrize(
    ("told", "names", "descriptions"),
    [
        ("Pedro Valdivia", ["PEDRO VALDIVIA"], []),
        # a noun for people ends it: a group the name tagger took for a person
        ("Morazan civilians", [], ["MORAZAN CIVILIANS"]),
        ("newsmen", [], ["NEWSMEN"]),
    ],
)
def test_muc4_words_that_end_with_a_noun_for_people_are_no_name(told, names, descriptions) -> None:
    text = f"Gunmen shot {told} in Santa Clara yesterday."
    article = Article.from_text(text, title="TST9-MUC4-0012", published=dt.date(1990, 3, 12))
    at = text.index(told)
    actors = [Actor(id="a1", name=told, kind="person", mentions=[(at, at + len(told))])]
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[Participant(actor="a1", role="victim")],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[shooting])
    )[0]
    assert [f.value for f in template.slot(18).fillers] == names
    assert [f.value for f in template.slot(19).fillers] == descriptions


def test_muc4_the_next_person_of_a_list_is_no_apposition_of_the_one_before() -> None:
    names = ["Pedro Soto", "Luis Mena", "Juan Rios"]
    text = "Rebels killed major Pedro Soto, captain Luis Mena, and corporal Juan Rios."
    article = Article.from_text(text, title="TST9-MUC4-0011", published=dt.date(1990, 3, 12))
    actors = [
        Actor(id=n, name=n, kind="person", mentions=[(text.index(n), text.index(n) + len(n))])
        for n in names
    ]
    killing = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("killed"), end=text.index("killed") + 6, text="killed"),
        participants=[Participant(actor=a.id, role="victim") for a in actors],
    )
    template = report_to_templates(ArticleReport(article=article, actors=actors, events=[killing]))[
        0
    ]
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [
        ("MAJOR", ("PEDRO SOTO",)),
        ("CAPTAIN", ("LUIS MENA",)),
        ("CORPORAL", ("JUAN RIOS",)),
    ]


@pytest.mark.parametrize(
    ("second", "names"),
    [
        # the one mayor the text names is the mayor wounded
        ("Mayor Pedro Valdivia had left his office.", ["PEDRO VALDIVIA"]),
        # two mayors named: which one is not told
        ("Mayor Pedro Valdivia and mayor Luis Soto were there.", []),
        # a name told with another role names someone else
        ("Judge Pedro Valdivia had left his office.", []),
    ],
)
def test_muc4_a_victim_told_by_a_role_is_the_one_person_named_with_it(second, names) -> None:
    text = f"Gunmen wounded the mayor in Santa Clara. {second}"
    article = Article.from_text(text, title="TST9-MUC4-0010", published=dt.date(1990, 3, 12))

    def mention(phrase: str) -> list[tuple[int, int]]:
        return [(text.index(phrase), text.index(phrase) + len(phrase))]

    actors = [Actor(id="m", name="mayor", kind="civilians", mentions=mention("the mayor"))]
    actors += [
        Actor(id=n, name=n, kind="person", mentions=mention(n))
        for n in ("Pedro Valdivia", "Luis Soto")
        if n in text
    ]
    wounding = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("wounded"), end=text.index("wounded") + 7, text="wounded"),
        participants=[Participant(actor="m", role="victim")],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[wounding])
    )[0]
    assert [f.value for f in template.slot(18).fillers] == names
    assert [f.value for f in template.slot(19).fillers] == ["MAYOR"]


@pytest.mark.parametrize(
    ("sentence", "descriptions"),
    [
        ("Gunmen killed Mario Tello, a school teacher, yesterday.", ["SCHOOL TEACHER"]),
        # the list goes on: the official is another victim, not Tello's role
        ("Gunmen killed Mario Tello, and a school teacher died later.", []),
    ],
)
def test_muc4_a_person_after_a_name_and_its_comma_is_no_apposition(sentence, descriptions) -> None:
    article = Article.from_text(sentence, title="TST9-MUC4-0009", published=dt.date(1990, 3, 12))
    at = sentence.index("Mario Tello")
    actors = [Actor(id="a1", name="Mario Tello", kind="person", mentions=[(at, at + 11)])]
    killing = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(
            start=sentence.index("killed"), end=sentence.index("killed") + 6, text="killed"
        ),
        participants=[Participant(actor="a1", role="victim")],
    )
    template = report_to_templates(ArticleReport(article=article, actors=actors, events=[killing]))[
        0
    ]
    assert [f.value for f in template.slot(18).fillers] == ["MARIO TELLO"]
    assert [f.value for f in template.slot(19).fillers] == descriptions


@pytest.mark.parametrize(
    ("group", "descriptions"),
    [
        # as many named as the group counts: each is one of them, in the singular
        ("three peasants", ["PEASANT", "PEASANT", "PEASANT"]),
        # a group counted otherwise holds others too: it stays, and names keep no role
        ("five peasants", ["PEASANTS"]),
        # a group of no role ('people') describes no one
        ("three people", ["PEOPLE"]),
    ],
)
def test_muc4_named_victims_as_many_as_their_group_are_described_by_its_role(
    group, descriptions
) -> None:
    names = ["Pedro Valdivia", "Luis Soto", "Ramon Ibarra"]
    text = f"Gunmen killed {group} in Santa Clara: {', '.join(names)}."
    article = Article.from_text(text, title="TST9-MUC4-0007", published=dt.date(1990, 3, 12))

    def mention(phrase: str) -> list[tuple[int, int]]:
        return [(text.index(phrase), text.index(phrase) + len(phrase))]

    actors = [Actor(id="g", name=group.split()[-1], kind="civilians", mentions=mention(group))]
    actors += [Actor(id=n, name=n, kind="person", mentions=mention(n)) for n in names]
    killing = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("killed"), end=text.index("killed") + 6, text="killed"),
        participants=[Participant(actor=a.id, role="victim") for a in actors],
    )
    template = report_to_templates(ArticleReport(article=article, actors=actors, events=[killing]))[
        0
    ]
    assert len(template.slot(18).fillers) == 3
    assert [f.value for f in template.slot(19).fillers] == descriptions


@pytest.mark.parametrize(
    ("group", "descriptions"),
    [
        # 'a magistrate' and 'magistrate Pedro Valdivia': one person, told twice
        ("a magistrate", [("MAGISTRATE", ("PEDRO VALDIVIA",))]),
        # another role is another victim
        ("a judge", [("JUDGE", ()), ("MAGISTRATE", ("PEDRO VALDIVIA",))]),
        # more than one of them: the others stay
        ("two magistrates", [("MAGISTRATES", ()), ("MAGISTRATE", ("PEDRO VALDIVIA",))]),
    ],
)
def test_muc4_one_victim_told_by_his_role_and_by_his_name_is_one_victim(
    group, descriptions
) -> None:
    text = f"Gunmen shot {group} in Santa Clara. Magistrate Pedro Valdivia died at once."
    article = Article.from_text(text, title="TST9-MUC4-0008", published=dt.date(1990, 3, 12))

    def mention(phrase: str) -> list[tuple[int, int]]:
        return [(text.index(phrase), text.index(phrase) + len(phrase))]

    actors = [
        Actor(id="g", name=group.split()[-1], kind="civilians", mentions=mention(group)),
        Actor(id="p", name="Pedro Valdivia", kind="person", mentions=mention("Pedro Valdivia")),
    ]
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[Participant(actor=a.id, role="victim") for a in actors],
    )
    template = report_to_templates(
        ArticleReport(article=article, actors=actors, events=[shooting])
    )[0]
    assert [f.value for f in template.slot(18).fillers] == ["PEDRO VALDIVIA"]
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == descriptions
    assert len(template.slot(20).fillers) == len(descriptions)


@pytest.mark.parametrize(("other_effect", "kept"), [("INJURY", False), ("DEATH", True)])
def test_muc4_a_person_told_again_beside_one_victim_harmed_alike_goes(other_effect, kept) -> None:
    # 'the attack left one person injured ... the charges injured a passerby'
    template = MucTemplate("M1")
    template.slots[19] = SlotFill([Filler(("ONE PERSON",)), Filler(("PASSERBY",))])
    template.slots[20] = SlotFill(
        [Filler(("CIVILIAN",), ("ONE PERSON",)), Filler(("CIVILIAN",), ("PASSERBY",))]
    )
    template.slots[21] = SlotFill([Filler(("1",), ("ONE PERSON",)), Filler(("1",), ("PASSERBY",))])
    template.slots[23] = SlotFill(
        [Filler(("INJURY",), ("ONE PERSON",)), Filler((other_effect,), ("PASSERBY",))]
    )
    _drop_a_person_told_again(template)
    assert ("ONE PERSON" in [f.value for f in template.slot(19).fillers]) == kept
    assert len(template.slot(20).fillers) == (2 if kept else 1)
    assert len(template.slot(23).fillers) == (2 if kept else 1)


@pytest.mark.parametrize(
    ("names", "kept"),
    [
        (["LUIS SOTO MENA", "SOTO MENA"], ["LUIS SOTO MENA"]),
        # two people of one family name: neither holds the other
        (["LUIS SOTO", "ANA SOTO"], ["LUIS SOTO", "ANA SOTO"]),
    ],
)
def test_muc4_a_name_told_in_part_beside_it_in_full_is_one_victim(names, kept) -> None:
    template = MucTemplate("M1")
    template.slots[18] = SlotFill([Filler((n,)) for n in names])
    template.slots[20] = SlotFill([Filler(("CIVILIAN",), (n,)) for n in names])
    template.slots[23] = SlotFill([Filler(("DEATH",), (n,)) for n in names])
    _drop_names_told_in_full_too(template)
    assert [f.value for f in template.slot(18).fillers] == kept
    assert [f.xref for f in template.slot(20).fillers] == [(n,) for n in kept]
    assert [f.xref for f in template.slot(23).fillers] == [(n,) for n in kept]


@pytest.mark.parametrize(
    ("other_count", "other_effect", "kept"),
    [("6", "INJURY", False), ("4", "INJURY", True), ("6", "DEATH", True)],
)
def test_muc4_people_told_again_beside_a_group_counted_and_harmed_alike_go(
    other_count, other_effect, kept
) -> None:
    # 'six people were wounded ... the six wounded vendors'
    template = MucTemplate("M1")
    template.slots[19] = SlotFill([Filler(("PEOPLE",)), Filler(("VENDORS",))])
    template.slots[21] = SlotFill(
        [Filler(("6",), ("PEOPLE",)), Filler((other_count,), ("VENDORS",))]
    )
    template.slots[23] = SlotFill(
        [Filler(("INJURY",), ("PEOPLE",)), Filler((other_effect,), ("VENDORS",))]
    )
    _drop_people_told_again(template)
    assert ("PEOPLE" in [f.value for f in template.slot(19).fillers]) == kept
    assert len(template.slot(21).fillers) == (2 if kept else 1)
    assert len(template.slot(23).fillers) == (2 if kept else 1)


def test_muc4_people_told_only_as_persons_are_kept_beside_another_victim() -> None:
    template = MucTemplate("M1")
    template.slots[19] = SlotFill([Filler(("PERSONS",)), Filler(("PASSERBY",))])
    template.slots[21] = SlotFill([Filler(("5",), ("PERSONS",)), Filler(("1",), ("PASSERBY",))])
    _drop_a_person_told_again(template)
    assert len(template.slot(19).fillers) == 2


@pytest.mark.parametrize(("count", "kept"), [("2", False), ("5", True), ("PLURAL", True)])
def test_muc4_a_merged_group_counted_as_many_as_its_named_members_goes(count, kept) -> None:
    # 'two peasants' of one report, 'peasant: A' and 'peasant: B' of another, merged
    template = MucTemplate("M1")
    template.slots[18] = SlotFill([Filler(("ANA SOTO",)), Filler(("LUIS MENA",))])
    template.slots[19] = SlotFill(
        [
            Filler(("PEASANTS",)),
            Filler(("PEASANT",), ("ANA SOTO",)),
            Filler(("PEASANT",), ("LUIS MENA",)),
        ]
    )
    template.slots[21] = SlotFill(
        [
            Filler((count,), ("PEASANTS",)),
            Filler(("1",), ("ANA SOTO",)),
            Filler(("1",), ("LUIS MENA",)),
        ]
    )
    template.slots[23] = SlotFill([Filler(("DEATH",), ("PEASANTS",))])
    _drop_groups_of_the_named(template)
    assert ("PEASANTS" in [f.value for f in template.slot(19).fillers]) == kept
    assert len(template.slot(21).fillers) == (3 if kept else 2)
    assert len(template.slot(23).fillers) == (1 if kept else 0)
    # the count of the group dropped is the total of the named (part1 7.25)
    assert [f.value for f in template.slot(24).fillers] == ([] if kept else ["2"])


def _named_victims_template(roles: list[str]) -> MucTemplate:
    names = ["ANA SOTO", "LUIS MENA", "RAUL VEGA"][: len(roles)]
    template = MucTemplate("M1")
    template.slots[18] = SlotFill([Filler((n,)) for n in names])
    described = [(r, n) for r, n in zip(roles, names, strict=True) if r]
    template.slots[19] = SlotFill([Filler((r,), (n,)) for r, n in described])
    template.slots[21] = SlotFill([Filler(("1",), (n,)) for n in names])
    return template


@pytest.mark.parametrize(
    ("roles", "sentences", "elsewhere", "total"),
    [
        (["FARMER", "FARMER"], "GUNMEN SHOT TWO FARMERS ON A ROAD NEAR THE TOWN.", set(), ["2"]),
        (["", ""], "THE TWO WERE FOUND DEAD ON MONDAY.", set(), ["2"]),
        (["", ""], "BOTH HAD RECEIVED THREATS.", set(), ["2"]),
        (["", "", ""], "MEN IN UNIFORM SEIZED THREE CANADIANS AT A HOTEL.", set(), ["3"]),
        # a count of other people, of other things or another number
        (["FARMER", "FARMER"], "GUNMEN SHOT TWO FARMERS NEAR THE TOWN.", {"FARMERS"}, []),
        (["", ""], "THE ATTACKERS FIRED ON TWO POLICE CHECKPOINTS.", set(), []),
        (["", ""], "THE ATTACK CAME TWO DAYS AFTER THE ELECTION.", set(), []),
        (["", ""], "THREE PEOPLE WERE KILLED.", set(), []),
    ],
)
def test_muc4_victims_named_one_by_one_and_counted_get_their_total(
    roles, sentences, elsewhere, total
) -> None:
    template = _named_victims_template(roles)
    _total_told_of_the_named(template, sentences, elsewhere)
    assert [f.value for f in template.slot(24).fillers] == total


@pytest.mark.parametrize(
    ("count", "sentences", "total"),
    [
        ("6", "A MINE KILLED SIX SOLDIERS, INCLUDING A CAPTAIN.", ["6"]),
        ("6-", "AT LEAST SIX SOLDIERS, AMONG THEM A CAPTAIN, DIED.", ["6-"]),
        # the captain told apart from the soldiers: no total told
        ("6", "A MINE KILLED SIX SOLDIERS AND A CAPTAIN.", []),
        ("6", "A MINE KILLED SEVEN SOLDIERS, INCLUDING A CAPTAIN.", []),
    ],
)
def test_muc4_a_group_counted_with_its_members_told_is_the_total(count, sentences, total) -> None:
    template = MucTemplate("M1")
    template.slots[19] = SlotFill([Filler(("SOLDIERS",)), Filler(("CAPTAIN",))])
    template.slots[21] = SlotFill([Filler((count,), ("SOLDIERS",)), Filler(("1",), ("CAPTAIN",))])
    _total_of_a_group_including_others(template, sentences)
    _total_only_beside_many_victims(template)
    assert [f.value for f in template.slot(24).fillers] == total


@pytest.mark.parametrize(
    ("counts", "kept"), [(["1", "1"], True), (["1"], False), (["1", "1", "1"], False)]
)
def test_muc4_a_total_is_kept_only_as_the_sum_of_two_victims_or_more(counts, kept) -> None:
    template = MucTemplate("M1")
    template.slots[21] = SlotFill([Filler((c,), (f"V{i}",)) for i, c in enumerate(counts)])
    template.slots[24] = SlotFill([Filler(("2",))])
    _total_only_beside_many_victims(template)
    assert bool(template.slot(24).fillers) == kept


@pytest.mark.parametrize(
    ("doers", "kept"),
    [
        # the kidnappers are the armed men told before
        (["GROUP OF ARMED MEN", "KIDNAPPERS"], ["GROUP OF ARMED MEN"]),
        # a count describes them too
        (["THREE INDIVIDUALS", "ATTACKERS"], ["THREE INDIVIDUALS"]),
        # the attackers told first are kept beside the description told after them
        (["ATTACKERS", "GROUP OF ARMED MEN"], ["ATTACKERS", "GROUP OF ARMED MEN"]),
        # a named man is no description: the attackers may be his companions
        (["PEDRO VALDIVIA", "ATTACKERS"], ["PEDRO VALDIVIA", "ATTACKERS"]),
        # a doer noun of no act may name other people: kept
        (["GROUP OF ARMED MEN", "GUERRILLAS"], ["GROUP OF ARMED MEN", "GUERRILLAS"]),
    ],
)
def test_muc4_doers_told_again_by_their_act_are_one_fill(doers: list[str], kept: list[str]) -> None:
    template = MucTemplate("M1")
    template.slots[9] = SlotFill([Filler((d,)) for d in doers])
    _drop_doers_told_again_by_the_act(template)
    assert [f.value for f in template.slot(9).fillers] == kept


@pytest.mark.parametrize(
    ("doers", "kept"),
    [
        # 'urban guerrillas ... the rebels': the same fighters told by two words
        (["URBAN GUERRILLAS", "REBELS"], ["URBAN GUERRILLAS"]),
        (["SALVADORAN GUERRILLAS", "URBAN GUERRILLAS"], ["SALVADORAN GUERRILLAS"]),
        # a count and the members of a named unit are other descriptions: kept
        (
            ["200 GUERRILLAS", "REBELS", "FRONT 5 MEMBERS"],
            ["200 GUERRILLAS", "FRONT 5 MEMBERS"],
        ),
        # people of no fighting word beside the fighters are kept
        (["GUERRILLAS", "GROUP OF ARMED MEN"], ["GUERRILLAS", "GROUP OF ARMED MEN"]),
        (["PEDRO VALDIVIA", "REBELS"], ["PEDRO VALDIVIA", "REBELS"]),
    ],
)
def test_muc4_fighters_told_by_two_words_are_one_fill(doers: list[str], kept: list[str]) -> None:
    template = MucTemplate("M1")
    template.slots[9] = SlotFill([Filler((d,)) for d in doers])
    _one_description_of_the_fighters(template)
    assert [f.value for f in template.slot(9).fillers] == kept


@pytest.mark.parametrize(
    ("text", "doers", "kept"),
    [
        # 'the individuals' only refers back to the hooded men described first
        (
            "Four hooded men stopped the car. The individuals then shot the driver.",
            ["FOUR HOODED MEN", "INDIVIDUALS"],
            ["FOUR HOODED MEN"],
        ),
        (
            "Armed men entered the shop; these persons took the money.",
            ["ARMED MEN", "PERSONS"],
            ["ARMED MEN"],
        ),
        # told without the article too: maybe more people, kept
        (
            "Four hooded men stopped the car. Individuals were seen fleeing.",
            ["FOUR HOODED MEN", "INDIVIDUALS"],
            ["FOUR HOODED MEN", "INDIVIDUALS"],
        ),
        # no description before it, or a named man: kept
        (
            "Pedro Valdivia led them. The individuals shot the driver.",
            ["PEDRO VALDIVIA", "INDIVIDUALS"],
            ["PEDRO VALDIVIA", "INDIVIDUALS"],
        ),
        # members are told by their body, maybe a second group: kept
        (
            "Gunmen fired on the post. The members of the army answered.",
            ["GUNMEN", "MEMBERS OF THE ARMY"],
            ["GUNMEN", "MEMBERS OF THE ARMY"],
        ),
    ],
)
def test_muc4_doers_told_again_with_the_article_are_one_fill(
    text: str, doers: list[str], kept: list[str]
) -> None:
    template = MucTemplate("M1")
    template.slots[9] = SlotFill([Filler((d,)) for d in doers])
    _one_description_of_the_doers(template, text)
    assert [f.value for f in template.slot(9).fillers] == kept


@pytest.mark.model
def test_muc4_the_assailants_told_after_the_men_are_the_same_doers(
    nlp, gazetteer, actor_kb
) -> None:
    text = (
        "Two unidentified men murdered the mayor of Chimbote yesterday. After the murder, "
        "the assailants wounded a policeman and fled."
    )
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0014")
    assert [[f.value for f in t.slot(9).fillers] for t in templates] == [["TWO UNIDENTIFIED MEN"]]


def _named_and_role_template(name: str, role: str) -> MucTemplate:
    """A named victim with no role and a victim told only by a role, each with his type,
    number and harm."""
    template = MucTemplate("M1")
    template.slots[18] = SlotFill([Filler((name,))])
    template.slots[19] = SlotFill([Filler((role,))])
    template.slots[20] = SlotFill(
        [Filler(("CIVILIAN",), (name,)), Filler(("LAW ENFORCEMENT",), (role,))]
    )
    template.slots[21] = SlotFill([Filler(("1",), (role,)), Filler(("1",), (name,))])
    template.slots[23] = SlotFill([Filler(("DEATH",), (role,)), Filler(("DEATH",), (name,))])
    return template


def test_muc4_a_role_told_in_its_own_sentence_describes_the_one_named_victim() -> None:
    text = (
        "A policeman was shot dead in the market of the town on Sunday. "
        "Witnesses said that Pedro Ruiz Mena was buying bread when two men fired at him."
    )
    template = _named_and_role_template("PEDRO RUIZ MENA", "POLICEMAN")
    _describe_by_the_role_told_apart(template, text)
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [
        ("POLICEMAN", ("PEDRO RUIZ MENA",))
    ]
    assert [(f.value, f.xref) for f in template.slot(20).fillers] == [
        ("LAW ENFORCEMENT", ("PEDRO RUIZ MENA",))
    ]
    assert [(f.value, f.xref) for f in template.slot(21).fillers] == [("1", ("PEDRO RUIZ MENA",))]
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("DEATH", ("PEDRO RUIZ MENA",))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one sentence tells both: two people
        "Gunmen killed Pedro Ruiz Mena and a policeman who guarded his house on Sunday.",
        # the role is a plural group, not one person
        "Two policemen were killed on Sunday. Pedro Ruiz Mena was also killed.",
    ],
)
def test_muc4_a_role_told_with_the_name_stays_a_victim_of_its_own(text: str) -> None:
    role = "POLICEMEN" if "policemen" in text else "POLICEMAN"
    template = _named_and_role_template("PEDRO RUIZ MENA", role)
    _describe_by_the_role_told_apart(template, text)
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [(role, ())]
    assert len(template.slot(21).fillers) == 2


def test_muc4_report_to_templates_scores_against_a_matching_key() -> None:
    key = parse_keys(KEY_TEXT)
    response = {"TST9-MUC4-0001": report_to_templates(_report())}
    metrics = score_templates(key, response)
    assert metrics["n_matched_templates"] == 1
    assert metrics["slots"]["perp_organization_id"]["f"] == 100.0
    assert metrics["slots"]["incident_date"]["r"] == 50.0  # 11 MAR on or before 12 MAR


def _two_sentence_report(second_place: str | None) -> ArticleReport:
    """Two mentions of bombings in one message: the first in Lima with a target and the
    FMLN (named first as "the terrorists") as perpetrator; the second, optionally
    elsewhere, with no participants and a victim named "Castellar"."""
    text = (
        "The terrorists of the FMLN bombed a bank in Lima. "
        "The blast also killed Ricardo Castellar, the mayor; Castellar was the target."
    )
    article = Article.from_text(text, title="TST9-MUC4-0002", published=dt.date(1990, 3, 12))

    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start=start, end=start + len(phrase), text=phrase)

    def mentions(*phrases: str) -> list[tuple[int, int]]:
        return [(span(p).start, span(p).end) for p in phrases]

    actors = [
        Actor(id="fmln", name="Farabundo Marti National Liberation Front", kind="armed_group",
              in_kb=True, mentions=mentions("The terrorists", "FMLN")),
        Actor(id="castellar", name="Castellar", kind="organization",
              mentions=mentions("Ricardo Castellar", "the mayor", "Castellar was")),
    ]  # fmt: skip
    places = [
        Place(id="P1", name="Lima", country="PE", level="settlement", mentions=mentions("Lima")),
        Place(id="P2", name="Cuzco", country="PE", level="settlement"),
    ]
    first = EventMention(
        id="E1",
        type="bombing",
        trigger=span("bombed"),
        place=EventPlace(id="P1", text="Lima", precision=1),
        participants=[Participant(actor="fmln", role="perpetrator")],
        physical_targets=[span("bank")],
    )
    second = EventMention(
        id="E2",
        type="bombing",
        trigger=span("blast"),
        place=EventPlace(id="P2", text="Cuzco", precision=1) if second_place else None,
        participants=[Participant(actor="castellar", role="victim")],
        fatalities=Quantity(min=1, max=1, text="killed"),
    )
    bare = EventMention(id="E3", type="bombing", trigger=span("blast"))
    return ArticleReport(
        article=article, actors=actors, places=places, events=[first, second, bare]
    )


def test_muc4_report_to_templates_merges_mentions_of_one_incident() -> None:
    templates = report_to_templates(_two_sentence_report(second_place=None))
    assert len(templates) == 1  # no different place or date: one incident; bare one dropped
    template = templates[0]
    assert [f.value for f in template.slot(3).fillers] == ["PERU: LIMA (CITY)"]
    assert [f.value for f in template.slot(10).fillers] == ["FMLN"]
    assert [f.value for f in template.slot(9).fillers] == ["TERRORISTS"]
    # An unknown "organization" that is killed and has no organization word is a person.
    assert [f.value for f in template.slot(18).fillers] == ["RICARDO CASTELLAR"]
    assert [f.value for f in template.slot(19).fillers] == ["MAYOR"]
    assert [f.value for f in template.slot(20).fillers] == ["GOVERNMENT OFFICIAL"]
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("DEATH", ("RICARDO CASTELLAR",))
    ]


def _with_confidences(*pairs: tuple[str, str]) -> MucTemplate:
    return MucTemplate(
        message_id="TST9-MUC4-0002",
        slots={
            10: SlotFill(fillers=[Filler((group,)) for _, group in pairs]),
            11: SlotFill(fillers=[Filler((value,), (group,)) for value, group in pairs]),
        },
    )


def test_muc4_merged_templates_give_one_group_one_confidence_the_firmest() -> None:
    # one report tells the attack as fact, another quotes the group's claim of it
    target = _with_confidences(("REPORTED AS FACT", "NORTHERN FRONT"))
    _merge_into(target, _with_confidences(("CLAIMED OR ADMITTED", "NORTHERN FRONT")))
    assert [(f.value, f.xref) for f in target.slot(11).fillers] == [
        ("CLAIMED OR ADMITTED", ("NORTHERN FRONT",))
    ]


def test_muc4_merged_templates_keep_the_confidences_of_two_groups() -> None:
    target = _with_confidences(("SUSPECTED OR ACCUSED", "NORTHERN FRONT"))
    _merge_into(target, _with_confidences(("REPORTED AS FACT", "RED CELLS")))
    assert [(f.value, f.xref) for f in target.slot(11).fillers] == [
        ("SUSPECTED OR ACCUSED", ("NORTHERN FRONT",)),
        ("REPORTED AS FACT", ("RED CELLS",)),
    ]


def test_muc4_report_to_templates_keeps_incidents_in_two_places_apart() -> None:
    templates = report_to_templates(_two_sentence_report(second_place="Cuzco"))
    assert [t.slot(3).fillers[0].value for t in templates] == [
        "PERU: LIMA (CITY)",
        "PERU: CUZCO (CITY)",
    ]
    assert [t.template_id for t in templates] == ["1", "2"]


# --------------------------------------------------------------------------- bench data


def test_muc4_parse_key_file_reads_all_tst1_keys(bench_dir) -> None:
    path = bench_dir / "muc4" / "tst1" / "key-tst1.v7"
    keys = parse_key_file(path)
    text = path.read_text(encoding="latin-1")
    assert len(keys) == 100
    numbered = re.findall(r"^1\.\s+MESSAGE: TEMPLATE\s+\d", text, re.MULTILINE)
    assert sum(len(t) for t in keys.values()) == len(numbered)
    metrics = score_templates(keys, keys)
    assert metrics["f"] == 100.0
    assert score_entities(keys, keys)["r"] == 100.0


class _FakeExtractor:
    """Reports one bombing of the article's first word in every article, with nothing else
    (a template needs a target or perpetrator to be kept)."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleReport]:
        for article in articles:
            first = Span(start=0, end=1, text=article.text[:1])
            event = EventMention(id="E1", type="bombing", trigger=first, physical_targets=[first])
            yield ArticleReport(article=article, events=[event])


def test_muc4_run_scores_three_messages_with_a_fake_extractor(bench_dir, tmp_path) -> None:
    source = (bench_dir / "muc4" / "tst1" / "tst1-muc3").read_text(encoding="latin-1")
    starts = [m.start() for m in re.finditer(r"^TST1-MUC3-\d+", source, re.MULTILINE)]
    texts = tmp_path / "three-messages"
    texts.write_text(source[: starts[3]], encoding="latin-1")
    full_key = read_keys([bench_dir / "muc4" / "tst1" / "key-tst1.v7"])
    wanted = set(list(full_key)[:3])
    key_source = (bench_dir / "muc4" / "tst1" / "key-tst1.v7").read_text(encoding="latin-1")
    blocks = re.split(r"(?m)^(?=0\.\s+MESSAGE: ID)", key_source)
    key_file = tmp_path / "key-three"
    key_file.write_text(
        "".join(b for b in blocks if b.split()[3:4] and b.split()[3] in wanted),
        encoding="latin-1",
    )
    metrics = run([texts], [key_file], extractor=_FakeExtractor())
    assert metrics["n_messages"] == 3 and metrics["n_texts"] == 3
    assert metrics["n_response_templates"] == 3
    assert 0.0 <= metrics["f"] <= 100.0 and 0.0 <= metrics["ree_f1"] <= 100.0
    assert set(metrics["ree"]) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert "ALL TEMPLATES" in format_report(metrics)


def test_muc4_person_name_fill_is_a_name_not_a_longer_description() -> None:
    text = "Gunmen killed Ana Ruiz, the mayor of the town of Achi, in her office."
    article = Article.from_text(text, title="TST9-MUC4-0003", published=dt.date(1990, 3, 12))

    def mention(phrase: str) -> tuple[int, int]:
        return (text.index(phrase), text.index(phrase) + len(phrase))

    actors = [
        Actor(id="a1", name="Gunmen", kind="armed_group", mentions=[mention("Gunmen")]),
        Actor(id="a2", name="Ana Ruiz", kind="person", aliases=["Ana Ruiz"],
              mentions=[mention("Ana Ruiz"), mention("mayor of the town of Achi")]),
    ]  # fmt: skip
    killing = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=7, end=13, text="killed"),
        participants=[
            Participant(actor="a1", role="perpetrator"),
            Participant(actor="a2", role="victim"),
        ],
    )
    report = ArticleReport(article=article, actors=actors, events=[killing])
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(18).fillers] == ["ANA RUIZ"]
    assert [f.value for f in template.slot(19).fillers] == ["MAYOR OF THE TOWN OF ACHI"]


def test_muc4_time_on_or_before_a_day_is_the_on_or_before_form() -> None:
    report = _report()
    bombing = report.events[0]
    assert bombing.time is not None
    bound = bombing.time.model_copy(update={"text": "11 March", "mod": "BEFORE"})
    report.events[0] = bombing.model_copy(update={"time": bound})
    templates = report_to_templates(report)
    assert [f.value for f in templates[0].slot(2).fillers] == ["- 11 MAR 90"]


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # 'the mayor said yesterday that rebels had burned the depot': a bound counted
        # from the dateline is dated by default from the dateline (part1 7.3 note 3)
        ("yesterday", dt.date(1990, 3, 11), "- 12 MAR 90"),
        ("last night", dt.date(1990, 3, 11), "- 12 MAR 90"),
        # a bound the article gives by its date is the best known anchor
        ("on Friday, 9 March", dt.date(1990, 3, 9), "- 09 MAR 90"),
        ("9 March 1990", dt.date(1990, 3, 9), "- 09 MAR 90"),
    ],
)
def test_muc4_bound_counted_from_the_dateline_is_the_default_form(
    text: str, day: dt.date, expected: str
) -> None:
    assert _dated(_day(text, day, mod="BEFORE")) == [expected]


# --------------------------------------------------------------------------- incidents


def _article_report(
    text: str, actors: list[tuple[str, str, str, bool]], events: list[dict[str, object]]
) -> ArticleReport:
    """A report on ``text`` with actors (id, phrase, kind, in_kb) named by their phrase and
    events given as EventMention fields; phrases stand for spans of the text."""
    article = Article.from_text(text, title="TST9-MUC4-0004", published=dt.date(1990, 3, 12))

    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start=start, end=start + len(phrase), text=phrase)

    def sentence(phrase: str) -> Span:
        start = text.rfind(".", 0, text.index(phrase)) + 1
        end = text.index(".", text.index(phrase)) + 1
        return Span(start=start, end=end, text=text[start:end])

    people = [
        Actor(id=i, name=p, kind=kind, in_kb=kb, mentions=[(span(p).start, span(p).end)])
        for i, p, kind, kb in actors
    ]
    mentions = []
    for number, fields in enumerate(events, start=1):
        trigger = str(fields.pop("trigger"))
        physical = cast(list[str], fields.pop("physical", []))
        instruments = cast(list[str], fields.pop("instruments", []))
        mention = EventMention.model_validate(
            {
                "id": f"E{number}",
                "trigger": span(trigger),
                "evidence": [sentence(trigger)],
                "physical_targets": [span(p) for p in physical],
                "instruments": [span(p) for p in instruments],
                **fields,
            }
        )
        mentions.append(mention)
    return ArticleReport(article=article, actors=people, events=mentions)


@pytest.mark.parametrize(
    ("physical", "targets"),
    [
        (["garrison", "pickup truck"], ["PICKUP TRUCK"]),
        (["helicopters", "school"], ["SCHOOL"]),
        # the police's posts are of a law enforcement facility, a target of terrorism
        (["police post", "pickup truck"], ["POLICE POST", "PICKUP TRUCK"]),
    ],
)
def test_muc4_the_army_s_installations_beside_a_civilian_target_are_no_targets(
    physical: list[str], targets: list[str]
) -> None:
    report = _article_report(
        "Rebels fired rockets at the garrison and the police post, hitting a pickup truck "
        "and a school; the helicopters flew off.",
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "fired",
                "physical": physical,
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(12).fillers] == targets


@pytest.mark.parametrize(
    ("kind", "individuals"),
    [
        ("person", ["BANDITS"]),
        ("civilians", ["BANDITS"]),
    ],
)
def test_muc4_a_person_reporting_an_attack_is_not_its_doer(
    kind: str, individuals: list[str]
) -> None:
    """The parser may take the speaker for a doer of the act he tells of ('admitted that
    the bandits bombed ...'); a person who is the report's source is no perpetrator."""
    report = _article_report(
        "Minister Tomas Arce admitted today that bandits bombed the water plant.",
        [("a1", "Minister Tomas Arce", kind, False), ("a2", "bandits", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["water plant"],
                "participants": [
                    Participant(actor="a2", role="perpetrator"),
                    Participant(actor="a1", role="claimant"),
                    Participant(actor="a1", role="source_of_report"),
                ],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == individuals


def test_muc4_an_incident_long_before_the_message_is_history() -> None:
    report = _article_report(
        "Guerrillas killed Ana Ruiz in 1980.",
        [("a1", "Guerrillas", "armed_group", False), ("a2", "Ana Ruiz", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "time": TimeSpan(text="1980", start=dt.date(1980, 1, 1), end=dt.date(1980, 12, 31)),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    assert report_to_templates(report) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Let us recall the bomb explosion at the Valdivia bank.", False),
        (
            "I will remind you that the cartel organized the bomb explosion at the Valdivia bank.",
            False,
        ),
        ("The cartel organized the bomb explosion at the Valdivia bank.", True),
    ],
)
def test_muc4_an_undated_incident_recalled_for_context_is_history(text: str, kept: bool) -> None:
    """'Let us recall that ...' tells an incident as history (part1 1.0, point 6)."""
    report = _article_report(
        text,
        [("a1", "cartel", "armed_group", False)] if "cartel" in text else [],
        [
            {
                "type": "bombing",
                "trigger": "explosion",
                "physical": ["Valdivia bank"],
                "participants": (
                    [Participant(actor="a1", role="perpetrator")] if "cartel" in text else []
                ),
            }
        ],
    )
    assert bool(report_to_templates(report)) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # a gerund in a frame of habit, liking, ability, threat or end: no specific act
        ("They sent rifles so the rebels could continue attacking the Valdivia bank.",
         "attacking", False),
        ("He spoke of the rebels who like throwing bombs at the Valdivia bank.", "throwing",
         False),
        ("The rebels should stop bombing the Valdivia bank.", "bombing", False),
        ("The rebels threatened attacking the Valdivia bank.", "attacking", False),
        # the course of one attack, or an act told by a finite verb: an incident
        ("The rebels continued firing at the Valdivia bank.", "firing", True),
        ("The rebels continue to attack the Valdivia bank; they attacked it today.",
         "attacked", True),
    ],
)  # fmt: skip
def test_muc4_an_act_told_as_a_habit_is_no_incident(text: str, trigger: str, kept: bool) -> None:
    report = _article_report(
        text,
        [("a1", "rebels", "armed_group", False)],
        [
            {
                "type": "attack",
                "trigger": trigger,
                "physical": ["Valdivia bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    assert bool(report_to_templates(report)) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "victim", "kept"),
    [
        # a relative clause in the present perfect tells a record, not a specific act
        ("The rebels, who have dynamited the Valdivia pipeline many times, met today.",
         "dynamited", None, False),
        ("The farmers who have been robbed, kidnapped and killed by the rebels marched.",
         "kidnapped", ("farmers", "civilians"), False),
        # the perfect is shared by participles told each with its object
        ("The rebels, who have jailed the mayor and dynamited the Valdivia pipeline, fled.",
         "dynamited", None, False),
        # a clause told after the relative one is a main clause of its own
        ("Police, who have searched the town, said the rebels dynamited the Valdivia pipeline.",
         "dynamited", None, True),
        # so does one in the present progressive: what is going on at large
        ("The rebels, who are dynamiting the Valdivia pipeline again, met today.",
         "dynamiting", None, False),
        ("The farmers who are being kidnapped by the rebels marched.",
         "kidnapped", ("farmers", "civilians"), False),
        ("The rebels are dynamiting the Valdivia pipeline.", "dynamiting", None, True),
        # victims the text names make the act specific; a main clause tells an act
        ("Ana Ruiz and her son, who have been kidnapped by the rebels, were seen today.",
         "kidnapped", ("Ana Ruiz", "person"), True),
        ("The rebels have dynamited the Valdivia pipeline.", "dynamited", None, True),
        ("Police said that the rebels have dynamited the Valdivia pipeline.", "dynamited",
         None, True),
    ],
)  # fmt: skip
def test_muc4_an_act_told_as_a_record_is_no_incident(
    text: str, trigger: str, victim: tuple[str, str] | None, kept: bool
) -> None:
    actors = [("a1", "rebels", "armed_group", False)]
    participants = [Participant(actor="a1", role="perpetrator")]
    if victim is not None:
        actors.append(("a2", victim[0], victim[1], False))
        participants.append(Participant(actor="a2", role="victim"))
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "kidnapping" if trigger == "kidnapped" else "bombing",
                "trigger": trigger,
                "physical": ["Valdivia pipeline"] if "pipeline" in text else [],
                "participants": participants,
            }
        ],
    )
    assert bool(report_to_templates(report)) is kept


def test_muc4_a_victim_s_name_spelled_two_ways_is_one_incident() -> None:
    """Reports spell a name two ways ('Cueller', 'Cuellar'): one victim, one incident, even
    where a misread place tells the two apart."""
    first = make(s2="07 JAN 90", s3="COLOMBIA: CALI (CITY)", s4="KIDNAPPING",
                 s18='"ORLANDO CUELLER OSORIO"')  # fmt: skip
    second = make(s2="07 JAN 90", s3="COLOMBIA: BOGOTA (CITY)", s4="KIDNAPPING",
                  s18='"ORLANDO CUELLAR OSORIO"')  # fmt: skip
    other = make(s2="07 JAN 90", s3="COLOMBIA: BOGOTA (CITY)", s4="KIDNAPPING",
                 s18='"ORLANDO CUELLAR ORTIZ"')  # fmt: skip
    assert _same_incident(first, second) and _same_incident(second, first)
    assert not _same_incident(first, other)


@pytest.mark.parametrize(
    ("doer", "kind", "incident", "instrument"),
    [
        ("The air force", "security_force", "ATTACK", "AERIAL BOMB"),
        ("The rebels", "armed_group", "BOMBING", "BOMB"),
    ],
)
def test_muc4_a_bombardment_by_the_state_is_an_attack_with_aerial_bombs(
    doer: str, kind: str, incident: str, instrument: str
) -> None:
    """BOMBING is not for aerial bombing: ATTACK with AERIAL BOMB (part2, slot 4)."""
    report = _article_report(
        f"{doer} bombed the village, killing three peasants.",
        [("a1", doer, kind, False), ("a2", "peasants", "civilians", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(4).fillers] == [incident]
    assert [f.value for f in template.slot(7).fillers] == [instrument]


def test_muc4_an_ambush_of_a_military_vehicle_is_guerrilla_warfare() -> None:
    report = _article_report(
        "Rebels ambushed a military vehicle carrying soldiers.",
        [("a1", "Rebels", "armed_group", False), ("a2", "soldiers", "security_force", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "ambushed",
                "physical": ["military vehicle"],
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    assert report_to_templates(report) == []


@pytest.mark.parametrize(
    ("text", "victim", "written"),
    [
        ("The air force bombed the hills near Santa Rosa.", None, 0),
        ("The air force bombed the house of Ana Ruiz near Santa Rosa.", "Ana Ruiz", 1),
    ],
)
def test_muc4_a_bombardment_by_the_state_is_warfare_unless_it_harms_named_people(
    text: str, victim: str | None, written: int
) -> None:
    actors = [("a1", "air force", "security_force", False)]
    participants = [Participant(actor="a1", role="perpetrator")]
    if victim:
        actors.append(("a2", victim, "person", False))
        participants.append(Participant(actor="a2", role="victim"))
    report = _article_report(
        text, actors, [{"type": "bombing", "trigger": "bombed", "participants": participants}]
    )
    assert len(report_to_templates(report)) == written


def test_muc4_a_bomb_planted_by_soldiers_is_still_an_incident() -> None:
    report = _article_report(
        "Soldiers planted a bomb at the union office.",
        [("a1", "Soldiers", "security_force", False)],
        [
            {
                "type": "bombing",
                "trigger": "planted",
                "physical": ["union office"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    assert len(report_to_templates(report)) == 1


@pytest.mark.parametrize(
    ("text", "doer", "people"),
    [
        ("Air force planes strafed the civilian population of Chimbote.", None,
         ["CIVILIAN POPULATION"]),
        # hills are no people
        ("Air force planes strafed the hills of Chimbote.", None, []),
        # no craft: not a bombing from the air
        ("The rebels strafed the population of Chimbote.", "rebels", []),
    ],
)  # fmt: skip
def test_muc4_the_people_a_bombing_from_the_air_struck_are_its_targets(
    text: str, doer: str | None, people: list[str]
) -> None:
    """Planes strafing 'the population' strike civilians: a human target described by the
    text (part2, slot 19), though the event names no victim."""
    actors = [("a1", doer, "armed_group", False)] if doer else []
    participants = [Participant(actor="a1", role="perpetrator")] if doer else []
    report = _article_report(
        text, actors, [{"type": "bombing", "trigger": "strafed", "participants": participants}]
    )
    templates = report_to_templates(report)
    assert [f.value for t in templates for f in t.slot(19).fillers] == people
    assert [f.value for t in templates for f in t.slot(20).fillers] == ["CIVILIAN"] * len(people)


def test_muc4_a_group_that_claims_the_attack_is_its_perpetrator() -> None:
    report = _article_report(
        "The MRTA said it bombed a bank.",
        [("a1", "MRTA", "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [Participant(actor="a1", role="claimant")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == ["MRTA"]
    assert [f.value for f in template.slot(11).fillers] == ["CLAIMED OR ADMITTED"]


def test_muc4_an_outlet_or_a_government_is_no_perpetrator_organization() -> None:
    report = _article_report(
        "Radio Sur said the MRTA bombed a bank, which the government ordered.",
        [
            ("a1", "MRTA", "armed_group", True),
            ("a2", "Radio Sur", "media", True),
            ("a3", "government", "government", True),
        ],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="claimant"),
                    Participant(actor="a3", role="perpetrator"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == ["MRTA"]
    assert template.slot(9).fillers == []


@pytest.mark.parametrize(
    ("names", "fills"),
    [
        (["Pedro Valdivia", "Jorge Tamayo"], ["PEDRO VALDIVIA", "JORGE TAMAYO"]),
        (["Pedro Valdivia"], ["TWO MEN", "PEDRO VALDIVIA"]),
    ],
)
def test_muc4_the_names_of_the_doers_replace_their_description(
    names: list[str], fills: list[str]
) -> None:
    text = "Two men bombed the bank of Arcos. They are " + " and ".join(names) + "."
    actors = [("men", "Two men", "civilians", False)]
    actors += [(f"p{i}", n, "person", False) for i, n in enumerate(names)]
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [Participant(actor=a[0], role="perpetrator") for a in actors],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == fills


@pytest.mark.parametrize(
    ("name", "kind", "fill"),
    [
        ("helicopter gunships", "organization", None),
        ("army helicopter", "person", None),
        ("gunmen", "armed_group", "GUNMEN"),
    ],
)
def test_muc4_craft_are_no_individual_perpetrators(name: str, kind: str, fill: str | None) -> None:
    report = _article_report(
        f"The {name} fired on the market of Arcos and killed a vendor.",
        [("a1", name, kind, False)],
        [
            {
                "type": "armed_assault",
                "trigger": "fired",
                "physical": ["market"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == ([fill] if fill else [])


@pytest.mark.parametrize(
    ("doers", "fills"),
    [
        # a description of an armed group is of individuals
        (["unidentified armed group"], ["UNIDENTIFIED ARMED GROUP"]),
        # one fill for the singular and the plural of one description
        (["paramilitary groups", "paramilitary group"], ["PARAMILITARY GROUPS"]),
        # no bare collective noun, no negated description
        (["group"], []),
        (["no guerrilla group"], []),
    ],
)
def test_muc4_descriptions_of_armed_groups_are_individuals(
    doers: list[str], fills: list[str]
) -> None:
    text = "Judge Pedro Valdivia was shot in Arcos by " + " and ".join(doers) + "."
    actors = [(f"a{i}", d, "armed_group", False) for i, d in enumerate(doers)]
    actors.append(("v", "Pedro Valdivia", "person", False))
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "participants": [
                    *(Participant(actor=a[0], role="perpetrator") for a in actors[:-1]),
                    Participant(actor="v", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == fills


@pytest.mark.parametrize(
    ("text", "name", "fills"),
    [
        # the name is the group's: its members did it, not the man
        ("The Pedro Valdivia faction shot the judge.", "Pedro Valdivia", []),
        ("Pedro Valdivia's troops shot the judge.", "Pedro Valdivia", []),
        ("The Pedro Valdivia urban commandos shot the judge.", "Pedro Valdivia", []),
        ("Troops of the (Pedro Valdivia) battalion shot the judge.", "Pedro Valdivia", []),
        # the man himself
        ("Pedro Valdivia shot the judge.", "Pedro Valdivia", ["PEDRO VALDIVIA"]),
        (
            "Pedro Valdivia ordered troops that shot the judge.",
            "Pedro Valdivia",
            ["PEDRO VALDIVIA"],
        ),
        (
            "Pedro Valdivia's men said Pedro Valdivia shot the judge.",
            "Pedro Valdivia",
            ["PEDRO VALDIVIA"],
        ),
    ],
)
def test_muc4_a_name_that_names_a_group_is_no_individual_perpetrator(
    text: str, name: str, fills: list[str]
) -> None:
    report = _article_report(
        text,
        [("a1", name, "person", False), ("a2", "judge", "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    if text.count(name) > 1:
        # every mention counts: the second names the man himself
        (actor,) = (a for a in report.actors if a.id == "a1")
        second = text.rindex(name)
        actor.mentions.append((second, second + len(name)))
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == fills


@pytest.mark.parametrize(
    ("attribution", "confidence"),
    [
        # a group the report names near the attack: inferred, and reported as the actor
        (Attribution(source="context", stance="assumes", start=0, end=33), "REPORTED AS FACT"),
        (Attribution(source="a1", stance="claims"), "CLAIMED OR ADMITTED"),
        (Attribution(source="a2", stance="alleges"), "SUSPECTED OR ACCUSED BY AUTHORITIES"),
        (Attribution(source="article", stance="alleges"), "SUSPECTED OR ACCUSED"),
        # the group's own charge (against its victims) casts no doubt on its role
        (Attribution(source="a1", stance="alleges"), "REPORTED AS FACT"),
    ],
)
def test_muc4_perpetrators_and_their_confidence_come_from_the_events(
    attribution: Attribution, confidence: str
) -> None:
    text = "The FMLN stepped up its campaign. Gunfire hit a bus, the police said."
    report = _article_report(
        text,
        [("a1", "FMLN", "armed_group", True), ("a2", "police", "security_force", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "Gunfire",
                "physical": ["bus"],
                "participants": [Participant(actor="a1", role="perpetrator")],
                "attributions": [attribution],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == ["FMLN"]
    assert [f.value for f in template.slot(11).fillers] == [confidence]


@pytest.mark.parametrize(
    ("claimant", "other_group", "confidence"),
    [
        # a unit of the group claims: the group claims
        (
            Actor(id="u", name="Vega Unit", kind="armed_group", parent="a1"),
            False,
            "CLAIMED OR ADMITTED",
        ),
        # its members described claim, and the group is the only one named in the event
        (Actor(id="u", name="the guerrillas", kind="armed_group"), False, "CLAIMED OR ADMITTED"),
        # two named groups: the members' claim is not known to be either one's
        (Actor(id="u", name="the guerrillas", kind="armed_group"), True, "REPORTED AS FACT"),
        # another named group's claim is not the perpetrator's
        (Actor(id="u", name="ELN", kind="armed_group", in_kb=True), False, "REPORTED AS FACT"),
    ],
)
def test_muc4_a_claim_by_a_unit_or_the_members_of_a_group_is_its_claim(
    claimant: Actor, other_group: bool, confidence: str
) -> None:
    group = Actor(id="a1", name="FMLN", kind="armed_group", in_kb=True)
    other = Actor(id="a3", name="FPL", kind="armed_group", in_kb=True)
    participants = [Participant(actor="a1", role="perpetrator")]
    if other_group:
        participants.append(Participant(actor="a3", role="perpetrator"))
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=0, end=4, text="bomb"),
        participants=participants,
        attributions=[Attribution(source="u", stance="claims")],
    )
    actors = {a.id: a for a in (group, other, claimant)}
    assert perpetrator_confidence(event, group, actors) == confidence


@pytest.mark.parametrize(
    ("attributions", "confidence"),
    [
        ([Attribution(source="a1", stance="claims")], "CLAIMED OR ADMITTED"),
        # 'the Front said it had not ordered the killing': its words deny, and a denial
        # answers a charge
        (
            [
                Attribution(source="a1", stance="claims"),
                Attribution(source="a1", stance="denies"),
            ],
            "SUSPECTED OR ACCUSED",
        ),
        (
            [
                Attribution(source="a1", stance="claims"),
                Attribution(source="communique", stance="denies"),
            ],
            "SUSPECTED OR ACCUSED",
        ),
        ([Attribution(source="a1", stance="denies")], "SUSPECTED OR ACCUSED"),
        # another's denial (the government denies its own part) is no charge on the group
        ([Attribution(source="a2", stance="denies")], "REPORTED AS FACT"),
    ],
)
def test_muc4_a_group_that_denies_the_act_claims_nothing_and_is_accused(
    attributions: list[Attribution], confidence: str
) -> None:
    group = Actor(id="a1", name="FMLN", kind="armed_group", in_kb=True)
    government = Actor(id="a2", name="government", kind="government")
    event = EventMention(
        id="E1",
        type="assassination",
        trigger=Span(start=0, end=7, text="killing"),
        participants=[Participant(actor="a1", role="perpetrator")],
        attributions=attributions,
    )
    actors = {a.id: a for a in (group, government)}
    assert perpetrator_confidence(event, group, actors) == confidence


def test_muc4_writer_infers_no_perpetrator_of_its_own() -> None:
    text = "The FMLN stepped up its campaign. Gunfire hit a bus."
    report = _article_report(
        text,
        [("a1", "FMLN", "armed_group", True)],
        [{"type": "armed_assault", "trigger": "Gunfire", "physical": ["bus"]}],
    )
    (template,) = report_to_templates(report)
    assert template.slot(10).fillers == []  # inference is the extractor's (perpetrators.py)


def test_muc4_attacks_on_two_targets_told_apart_are_two_incidents() -> None:
    text = "Terrorists bombed a bank in Lima. A bomb damaged a bridge."
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")

    def report(perpetrator: bool) -> ArticleReport:
        built = _article_report(
            text,
            [("a1", "Terrorists", "armed_group", False)] if perpetrator else [],
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": ["bank"],
                    "place": EventPlace(id="P1", text="Lima", precision=1),
                    "participants": [Participant(actor="a1", role="perpetrator")]
                    if perpetrator
                    else [],
                },
                {"type": "bombing", "trigger": "damaged", "physical": ["bridge"]},
            ],
        )
        return built.model_copy(update={"places": [lima]})

    assert len(report_to_templates(report(perpetrator=True))) == 2
    # nothing but the targets to tell them apart: 'attacks on a bank and a bridge'
    assert len(report_to_templates(report(perpetrator=False))) == 1


@pytest.mark.parametrize(
    ("second", "target", "written"),
    [
        # 'the office' is the telephone office told again: one incident
        ("An explosion wrecked the office.", "office", 1),
        # another head noun: another target, another incident
        ("A bomb wrecked the bank.", "bank", 2),
        # a modifier of the first target is not the target ('the bomb' would be the one
        # told before, whatever it wrecked)
        ("An explosion wrecked the telephone lines.", "telephone lines", 2),
    ],
)
def test_muc4_a_target_told_again_by_its_head_noun_is_one_incident(
    second: str, target: str, written: int
) -> None:
    """One target told in full and again by its head noun ('the telephone office', 'the
    office') is one incident (part1 5.0), though a doer and a town tell the first apart."""
    text = "Terrorists bombed the telephone office in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    built = _article_report(
        text,
        [("a1", "Terrorists", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["telephone office"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
            {"type": "bombing", "trigger": "wrecked", "physical": [target]},
        ],
    )
    report = built.model_copy(update={"places": [lima]})
    assert len(report_to_templates(report)) == written


def test_muc4_effects_and_implied_instruments() -> None:
    report = _article_report(
        "Gunmen shot and killed the judge. A bomb destroyed the town hall.",
        [("a1", "Gunmen", "armed_group", False), ("a2", "the judge", "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "bombing",
                "trigger": "destroyed",
                "instruments": ["bomb"],
                "physical": ["town hall"],
            },
        ],
    )
    shooting, bombing = report_to_templates(report)
    assert [f.value for f in shooting.slot(7).fillers] == ["GUN"]  # 'shot', no weapon named
    assert [f.value for f in shooting.slot(23).fillers] == ["DEATH"]  # 'killed'
    assert [(f.value, f.xref) for f in bombing.slot(16).fillers] == [("DESTROYED", ("TOWN HALL",))]


def test_muc4_a_title_opening_a_name_is_the_description() -> None:
    report = _article_report(
        "Gunmen attacked Msgr Oscar Romero.",
        [("a1", "Gunmen", "armed_group", False), ("a2", "Msgr Oscar Romero", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(18).fillers] == ["OSCAR ROMERO"]
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [("MSGR", ("OSCAR ROMERO",))]


def _one_victim_report(text: str, name: str) -> ArticleReport:
    return _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", name, "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Gunmen killed bodyguard Pedro Valdivia in Soacha.", "Pedro Valdivia", ["BODYGUARD"]),
        ("Gunmen killed former inspector Ana Rios today.", "Ana Rios", ["FORMER INSPECTOR"]),
        ("Gunmen killed Father Pedro Valdivia in Soacha.", "Pedro Valdivia", ["FATHER"]),
        ("Gunmen killed presidential hopeful Ana Rios.", "Ana Rios", ["PRESIDENTIAL HOPEFUL"]),
        # a plural role before a list of names: each one has it in the singular
        ("Gunmen killed photographers Ana Rios and Luis Soto.", "Ana Rios", ["PHOTOGRAPHER"]),
        ("Gunmen killed former municipal judge Ana Rios.", "Ana Rios", ["FORMER MUNICIPAL JUDGE"]),
        # an adjective that is no role's ('the final') stays out
        ("Gunmen killed the final guard Ana Rios.", "Ana Rios", ["GUARD"]),
        # the words that name him before the name describe him
        ("Gunmen killed an elderly man named Julio Soto.", "Julio Soto", ["ELDERLY MAN"]),
        # no role before the name: no description
        ("Gunmen killed Pedro Valdivia in Soacha.", "Pedro Valdivia", []),
        ("Gunmen killed the brother of Pedro Valdivia.", "Pedro Valdivia", []),
    ],
)
def test_muc4_a_role_told_before_a_name_is_the_description(text, name, description) -> None:
    (template,) = report_to_templates(_one_victim_report(text, name))
    assert [f.value for f in template.slot(18).fillers] == [name.upper()]
    assert [f.value for f in template.slot(19).fillers] == description


@pytest.mark.parametrize(
    ("text", "group", "description"),
    [
        # a noun of kinship keeps whose kin they are when the text names him
        ("Gunmen killed the cook's daughter in Soacha.", "daughter", "COOK'S DAUGHTER"),
        ("Gunmen killed the driver's two sons in Soacha.", "sons", "DRIVER'S TWO SONS"),
        (
            "Gunmen killed the wife of the editor of La Voz on Monday.",
            "wife",
            "WIFE OF THE EDITOR OF LA VOZ",
        ),
        # a pronoun names no one
        ("Gunmen killed his wife in Soacha.", "wife", "WIFE"),
        # a noun that is no kinship's stays as it is
        ("Gunmen killed the mayor's bodyguards in Soacha.", "bodyguards", "BODYGUARDS"),
        # the harm done is left out of the description, unless it is all of it
        (
            "Gunmen killed the kidnapped university students in Soacha.",
            "kidnapped university students",
            "UNIVERSITY STUDENTS",
        ),
        ("Gunmen killed the wounded in Soacha.", "wounded", "WOUNDED"),
    ],
)
def test_muc4_a_group_victim_s_description(text: str, group: str, description: str) -> None:
    (template,) = report_to_templates(_killing_report(text, [(group, "civilians")]))
    assert [f.value for f in template.slot(19).fillers] == [description]
    # the other slots of the victim refer to it by that description
    assert [f.xref for f in template.slot(20).fillers] == [(description,)]


def _killing_report(text: str, victims: list[tuple[str, str]], named: str = "") -> ArticleReport:
    """Gunmen who kill the ``victims`` (phrase, kind) in ``text``; ``named``, when given, is
    a person the text names who is no victim of the event."""
    actors = [("a1", "Gunmen", "armed_group", False)]
    actors += [(f"v{i}", phrase, kind, False) for i, (phrase, kind) in enumerate(victims)]
    actors += [("p", named, "person", False)] if named else []
    participants = [Participant(actor="a1", role="perpetrator")]
    participants += [Participant(actor=f"v{i}", role="victim") for i in range(len(victims))]
    event = {"type": "armed_assault", "trigger": "killed", "participants": participants}
    return _article_report(text, actors, [event])


def test_muc4_every_name_a_plural_role_opens_has_that_role() -> None:
    text = "Gunmen killed engineers Ana Rios, Luis Soto, and Pedro Mena near Soacha."
    names = ["Ana Rios", "Luis Soto", "Pedro Mena"]
    (template,) = report_to_templates(_killing_report(text, [(n, "person") for n in names]))
    described = {f.xref[0]: f.value for f in template.slot(19).fillers}
    # each one listed is an engineer, in the singular as the first
    assert described == {"ANA RIOS": "ENGINEER", "LUIS SOTO": "ENGINEER", "PEDRO MENA": "ENGINEER"}
    # names told without a role before the list have none
    text = "Gunmen killed Ana Rios, Luis Soto, and Pedro Mena near Soacha."
    (template,) = report_to_templates(_killing_report(text, [(n, "person") for n in names]))
    assert not template.slot(19).fillers


def test_muc4_a_nationality_noun_before_a_name_is_left_out_of_it() -> None:
    text = "Gunmen killed Frenchman Pierre Lafont and German Soto in Lima."
    victims = [("Frenchman Pierre Lafont", "person"), ("German Soto", "person")]
    (template,) = report_to_templates(_killing_report(text, victims))
    # 'German' is also a given name: only a noun for a nation's man is left out
    assert [f.value for f in template.slot(18).fillers] == ["PIERRE LAFONT", "GERMAN SOTO"]
    assert not template.slot(19).fillers


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Gunmen killed an engineer, identified as 40-year-old Ana Rios, in Soacha.", "engineer"),
        ("Gunmen killed a teacher identified as Ana Rios in Soacha.", "teacher"),
        ("Gunmen killed a man in Soacha; the man was identified as Ana Rios.", "the man"),
    ],
)
def test_muc4_a_victim_told_by_a_role_and_then_named_is_that_person(text, role) -> None:
    report = _killing_report(text, [(role, "civilians")], named="Ana Rios")
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(18).fillers] == ["ANA RIOS"]
    description = role.upper().removeprefix("THE ")
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [(description, ("ANA RIOS",))]


def test_muc4_merged_mentions_give_a_named_person_one_description() -> None:
    into = make()
    into.slots[19] = SlotFill(fillers=[Filler(("HIGH COURT JUDGE",), ("ANA RIOS",))])
    other = make()
    other.slots[19] = SlotFill(
        fillers=[Filler(("JUDGE",), ("ANA RIOS",)), Filler(("DRIVER",), ("LUIS SOTO",))]
    )
    _merge_into(into, other)
    assert [f.value for f in into.slot(19).fillers] == ["HIGH COURT JUDGE", "DRIVER"]


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("SERVICE STATION", "COMMERCIAL"),
        ("GAS STATION", "COMMERCIAL"),
        ("STATION", "TRANSPORTATION FACILITY"),
        ("HIGH-TENSION POSTS", "ENERGY"),
        ("POLICE POST", "LAW ENFORCEMENT FACILITY"),
        ("OFFICES OF THE TELECOMMUNICATIONS COMPANY", "COMMUNICATIONS"),
        ("TELEPHONE COMPANY SUBSTATION", "COMMUNICATIONS"),
        ("ELECTRIC SUBSTATION", "ENERGY"),
        ("OFFICES OF THE DOCKERS UNION", "ORGANIZATION OFFICE"),
        ("OFFICES OF THE CUSTOMS SERVICE", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("BRANCH OFFICE OF BANCO DEL NORTE", "FINANCIAL"),
        ("RESIDENCE OF THE ARGENTINE AMBASSADOR", "DIPLOMAT OFFICE OR RESIDENCE"),
        ("HOME OF THE FINANCE MINISTER", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("PRESIDENTIAL HOUSE", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("HOME OF A TEACHER", "CIVILIAN RESIDENCE"),
        # a vehicle is one whoever owns it; a car dealer's is not
        ("HEALTH MINISTRY VEHICLE", "TRANSPORT VEHICLE"),
        ("POLICE PATROL CAR", "TRANSPORT VEHICLE"),
        ("CAR OF THE MINISTER", "TRANSPORT VEHICLE"),
        ("MINISTRY OF TRANSPORT", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("AMBULANCES", "TRANSPORT VEHICLE"),
        ("PUBLIC TRANSPORTATION", "TRANSPORT VEHICLE"),
        # a party's office is an organization's, a newspaper's is of communications
        ("NATIONAL RENEWAL PARTY OFFICE", "ORGANIZATION OFFICE"),
        # so is the office of a committee, an alliance or an association
        ("OFFICE OF THE COMMITTEE OF WIDOWS", "ORGANIZATION OFFICE"),
        ("OFFICES OF THE RULING DEMOCRATIC ALLIANCE", "ORGANIZATION OFFICE"),
        ("BUILDING OF THE RANCHERS SOCIETY", "ORGANIZATION OFFICE"),
        ("OFFICE OF THE PEASANT MOVEMENT", "ORGANIZATION OFFICE"),
        ("BRANCH OFFICE OF THE DAILY LA VOZ", "COMMUNICATIONS"),
        ("OFFICES OF THE TAX SERVICE", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("MUNICIPAL TREASURY", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("HOUSE OF THE PREFECT", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("FARM", "OTHER"),
        ("FARMHOUSE", "OTHER"),
        ("HOUSE ON A FARM", "CIVILIAN RESIDENCE"),
        ("ELECTRIC POLES", "ENERGY"),
        ("POLES", "ENERGY"),
        ("FUEL INSTALLATIONS", "ENERGY"),
        ("BUS DEPOT", "TRANSPORTATION FACILITY"),
        ("SAVINGS COOPERATIVE", "FINANCIAL"),
        # a trust, a lender or a mortgage house is a financial one
        ("BRANCH OF THE FARMERS TRUST", "FINANCIAL"),
        ("HOUSING LOAN AGENCY", "FINANCIAL"),
        ("AGRARIAN CREDIT INSTITUTE", "FINANCIAL"),
        ("SHOPPING MALL", "COMMERCIAL"),
        ("DENTAL CLINIC", "COMMERCIAL"),
        ("HEADQUARTERS OF THE 4TH INFANTRY BRIGADE", "OTHER"),
        ("HEADQUARTERS OF THE TEACHERS UNION", "ORGANIZATION OFFICE"),
        # a word that only modifies the head does not give its kind
        ("CAR DEALERSHIP", "COMMERCIAL"),
        ("LIBERTY TOWER BUILDING", "OTHER"),
        ("TRANSMISSION TOWER", "ENERGY"),
        ("POSTS OF THE ELECTRIC NETWORK", "ENERGY"),
        ("ELECTRICITY POSTS", "ENERGY"),
        ("GUARD POST", "LAW ENFORCEMENT FACILITY"),
        ("CULTURAL INSTITUTE", "ORGANIZATION OFFICE"),
        # a stall is a business; the lines of a utility are of its kind
        ("FOOD STANDS", "COMMERCIAL"),
        ("VENDOR STALLS", "COMMERCIAL"),
        ("HIGH VOLTAGE LINES", "ENERGY"),
        ("TELEPHONE EXCHANGE", "COMMUNICATIONS"),
    ],
)
def test_muc4_physical_target_types_follow_the_fill_rules(target, kind) -> None:
    assert (_classify(target, _PHYSICAL_TARGET_TYPES) or "OTHER") == kind


def test_muc4_a_person_s_apposition_is_the_description() -> None:
    report = _article_report(
        "Gunmen attacked Jorge Iribarne, the presidential candidate, in Dalton.",
        [("a1", "Gunmen", "armed_group", False), ("a2", "Jorge Iribarne", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == ["PRESIDENTIAL CANDIDATE"]


def test_muc4_a_description_leaves_its_nationality_out() -> None:
    text = (
        "Gunmen attacked Pedro Ruiz, the Bolivian labor minister, and three Chilean "
        "engineers and a Peruvian engineer in Oruro."
    )
    report = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "Pedro Ruiz", "person", False),
            ("a3", "three Chilean engineers", "civilians", False),
            ("a4", "engineer", "civilians", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                    Participant(actor="a3", role="victim"),
                    Participant(actor="a4", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    descriptions = [f.value for f in template.slot(19).fillers]
    assert descriptions == ["LABOR MINISTER", "ENGINEERS", "ENGINEER"]
    assert [(f.value, f.xref) for f in template.slot(21).fillers][1] == ("3", ("ENGINEERS",))
    # a nationality alone is the whole description; a name is no nationality
    from threatline.evaluate.muc4 import _without_nationality

    assert _without_nationality("AMERICANS") == "AMERICANS"
    assert _without_nationality("LIMA BUS DRIVERS") == "LIMA BUS DRIVERS"


@pytest.mark.parametrize(
    ("text", "doers", "fill"),
    [
        ("Two gunmen shot the judge in Soacha.", "gunmen", "TWO GUNMEN"),
        ("A group of armed men shot the judge.", "armed men", "GROUP OF ARMED MEN"),
        ("About 20 rebels shot the judge.", "rebels", "ABOUT 20 REBELS"),
        ("Two Salvadoran guerrillas shot the judge.", "guerrillas", "TWO SALVADORAN GUERRILLAS"),
        ("The gunmen shot the judge in Soacha.", "gunmen", "GUNMEN"),
        # a clock time before the phrase counts no one; 'another' is no part of the fill
        ("At about 1330, gunmen shot the judge.", "gunmen", "GUNMEN"),
        ("Another gunman shot the judge.", "Another gunman", "GUNMAN"),
        # a hyphened compound keeps its first word
        ("Motorcycle-riding gunmen shot the judge.", "-riding gunmen", "MOTORCYCLE-RIDING GUNMEN"),
        # the clothes told right after the doers are part of their description
        ("Two men wearing army uniforms shot the judge.", "men", "TWO MEN WEARING ARMY UNIFORMS"),
        (
            "Men dressed in civilian clothes shot the judge.",
            "Men",
            "MEN DRESSED IN CIVILIAN CLOTHES",
        ),
        ("Eight men in civilian clothes shot the judge.", "men", "EIGHT MEN IN CIVILIAN CLOTHES"),
        # what they carry or where they are is not what they wear
        ("Two men wearing rifles shot the judge.", "men", "TWO MEN"),
        ("Two men in a red car shot the judge.", "men", "TWO MEN"),
        # a comparison the parser split keeps its first word
        ("More than seven men shot the judge.", "than seven men", "MORE THAN SEVEN MEN"),
        ("Fewer than ten rebels shot the judge.", "than ten rebels", "FEWER THAN TEN REBELS"),
        # 'some' alone counts no one; 'some 30' is a count
        ("Some unidentified men shot the judge.", "unidentified men", "UNIDENTIFIED MEN"),
        ("Some 30 rebels shot the judge.", "rebels", "SOME 30 REBELS"),
        ("Some twenty rebels shot the judge.", "rebels", "SOME TWENTY REBELS"),
    ],
)
def test_muc4_individual_perpetrators_keep_their_count_and_nationality(
    text: str, doers: str, fill: str
) -> None:
    report = _article_report(
        text,
        [("a1", doers, "armed_group", False), ("a2", "judge", "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(9).fillers] == [fill]


@pytest.mark.parametrize(
    ("target", "names"),
    [
        ("residence of Pedro Ruiz", ["PEDRO RUIZ"]),
        ("home of Pedro Ruiz", ["PEDRO RUIZ"]),
        # a house may be a body's or a firm's, and a car is no home
        ("house of Pedro Ruiz", []),
        ("car of Pedro Ruiz", []),
    ],
)
def test_muc4_the_one_whose_home_is_hit_is_the_human_target(target: str, names: list[str]) -> None:
    report = _article_report(
        f"A bomb exploded at the {target} in Soacha on Monday.",
        [("a1", "Pedro Ruiz", "person", False)],
        [{"type": "bombing", "trigger": "exploded", "physical": [target]}],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(18).fillers] == names


@pytest.mark.parametrize(
    ("apposition", "description"),
    [
        ("a news photographer", ["NEWS PHOTOGRAPHER"]),
        ("a resident of Soacha", []),
        # a post told by its 'of', whatever its noun, less a transcriber's note
        ("rector of the Andean University", ["RECTOR OF THE ANDEAN UNIVERSITY"]),
        (
            "second in charge of the Trade Institute [TI]",
            ["SECOND IN CHARGE OF THE TRADE INSTITUTE"],
        ),
        ("one of the passers-by", []),
        ("the extension of the curfew", []),  # the next of a list of things
    ],
)
def test_muc4_an_occupation_in_apposition_is_the_description(
    apposition: str, description: list[str]
) -> None:
    report = _article_report(
        f"Gunmen killed Pedro Ruiz, {apposition}, on Monday.",
        [("a1", "Gunmen", "armed_group", False), ("a2", "Pedro Ruiz", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == description


@pytest.mark.parametrize(
    ("weapon", "fill"),
    [
        ("two bombs", "BOMBS"),
        ("the second car bomb", "CAR BOMB"),
        ("20 kg bomb", "20 KG BOMB"),
        ("9 mm pistol", "9 MM PISTOL"),
        ("two powerful bombs", "BOMBS"),
        ("a powerful car bomb", "CAR BOMB"),
    ],
)
def test_muc4_an_instrument_leaves_its_count_out(weapon: str, fill: str) -> None:
    report = _article_report(
        f"Rebels set off {weapon} at the town hall.",
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "set off",
                "participants": [Participant(actor="a1", role="perpetrator")],
                "physical": ["town hall"],
                "instruments": [weapon],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(6).fillers] == [fill]


@pytest.mark.parametrize(
    ("told", "weapon", "fill"),
    [
        ("a charge of dynamite", "dynamite", "CHARGE OF DYNAMITE"),
        ("several sticks of TNT", "TNT", "STICKS OF TNT"),
        ("a 3-kg package of explosives", "explosives", "3-KG PACKAGE OF EXPLOSIVES"),
        # no charge told, or a charge of something that is no explosive matter
        ("a truck full of dynamite", "dynamite", "DYNAMITE"),
        ("the charge of a bomb", "bomb", "BOMB"),
        ("dynamite", "dynamite", "DYNAMITE"),
    ],
)
def test_muc4_an_explosive_instrument_keeps_the_charge_it_is_told_in(
    told: str, weapon: str, fill: str
) -> None:
    report = _article_report(
        f"Rebels set off {told} at the town hall.",
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "set off",
                "participants": [Participant(actor="a1", role="perpetrator")],
                "physical": ["town hall"],
                "instruments": [weapon],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(6).fillers] == [fill]


def test_muc4_a_kind_inferred_from_the_act_yields_to_the_named_weapon() -> None:
    # 'exploded' alone would say EXPLOSIVE; the grenade told in another act of the same
    # incident says which explosive it was
    report = _article_report(
        "A device exploded at the town hall of Valdivia today. "
        "Rebels threw a grenade at the town hall of Valdivia today.",
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "exploded",
                "physical": ["town hall of Valdivia"],
            },
            {
                "type": "bombing",
                "trigger": "threw",
                "participants": [Participant(actor="a1", role="perpetrator")],
                "physical": ["town hall of Valdivia"],
                "instruments": ["grenade"],
            },
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(7).fillers] == ["GRENADE"]


def _weapons_template(weapons: list[tuple[str, str]]) -> MucTemplate:
    template = MucTemplate(message_id="TST-0001")
    template.slots[6] = SlotFill(fillers=[Filler((text,)) for text, _ in weapons])
    template.slots[7] = SlotFill(fillers=[Filler((kind,), (text,)) for text, kind in weapons])
    return template


@pytest.mark.parametrize(
    ("weapons", "kept"),
    [
        # 'a truck bomb went off ... the bomb killed two': one bomb, named in full
        ([("BOMB", "BOMB"), ("TRUCK BOMB", "VEHICLE BOMB")], ["TRUCK BOMB"]),
        ([("POWERFUL BOMBS", "BOMB"), ("BOMB", "BOMB")], ["POWERFUL BOMBS"]),
        # 'a bomb ... the explosive device': bare words only, the first stays
        ([("BOMB", "BOMB"), ("EXPLOSIVE DEVICE", "EXPLOSIVE")], ["BOMB"]),
        # 'M-16s ... the rifles': one kind of gun, named
        ([("M-16", "RIFLE"), ("RIFLES", "RIFLE")], ["M-16"]),
        ([("RIFLES", "RIFLE"), ("PISTOLS", "HANDGUN")], ["RIFLES", "PISTOLS"]),
        # dynamite and a bomb may be two devices
        ([("DYNAMITE", "DYNAMITE"), ("BOMB", "BOMB")], ["DYNAMITE", "BOMB"]),
    ],
)
def test_muc4_a_bare_weapon_beside_its_full_name_is_one_weapon(
    weapons: list[tuple[str, str]], kept: list[str]
) -> None:
    template = _weapons_template(weapons)
    _no_bare_weapon_beside_a_named_one(template)
    assert [f.value for f in template.slot(6).fillers] == kept
    assert [f.xref for f in template.slot(7).fillers] == [(text,) for text in kept]


def test_muc4_seized_weapons_are_no_attempted_attack_but_a_defused_bomb_is() -> None:
    def report(instrument: str) -> ArticleReport:
        return _article_report(
            f"Police seized a {instrument} of the FMLN near the embassy.",
            [("a1", "FMLN", "armed_group", True)],
            [
                {
                    "type": "foiled_attack",
                    "status": "foiled",
                    "trigger": "seized",
                    "instruments": [instrument],
                    "physical": ["embassy"],
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )

    assert report_to_templates(report("rifle")) == []
    (template,) = report_to_templates(report("bomb"))
    assert [f.value for f in template.slot(4).fillers + template.slot(5).fillers] == [
        "BOMBING",
        "ATTEMPTED",
    ]


def test_muc4_a_bomb_defused_with_no_target_or_doer_named_is_still_written() -> None:
    """'Police defused five bombs in Huanta this morning': an attempted bombing on a day and in
    a town, though the text names neither what the bombs were meant for nor who planted
    them; weapons merely seized are not, nor bombs counted over a period ('have defused')."""

    def report(trigger: str, instrument: str, auxiliary: str = "") -> ArticleReport:
        text = f"Police {auxiliary}{trigger} five {instrument} in Huanta this morning."
        start = text.index("Huanta")
        report = _article_report(
            text,
            [("a1", "Police", "security_force", False)],
            [
                {
                    "type": "foiled_attack",
                    "status": "foiled",
                    "trigger": trigger,
                    "instruments": [instrument],
                    "time": TimeSpan(
                        text="this morning", start=dt.date(1990, 3, 12), end=dt.date(1990, 3, 12)
                    ),
                    "place": EventPlace(id="P1", text="Huanta", start=start, end=start + 6),
                    "participants": [Participant(actor="a1", role="security_force")],
                }
            ],
        )
        report.places = [Place(id="P1", name="Huanta", country="PE", mentions=[(start, start + 6)])]
        return report

    (template,) = report_to_templates(report("defused", "bombs"))
    assert [f.value for f in template.slot(4).fillers + template.slot(5).fillers] == [
        "BOMBING",
        "ATTEMPTED",
    ]
    assert template.slot(3).fillers[0].value == "PERU: HUANTA (CITY)"
    assert report_to_templates(report("seized", "rifles")) == []
    assert report_to_templates(report("defused", "bombs", "have ")) == []


def test_muc4_an_exact_casualty_count_numbers_one_group_of_victims() -> None:
    report = _article_report(
        "Terrorists massacred peasants in the village.",
        [("a1", "Terrorists", "armed_group", False), ("a2", "peasants", "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "massacred",
                "fatalities": Quantity(min=12, max=12, text="12"),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [(f.value, f.xref) for f in template.slot(21).fillers] == [("12", ("PEASANTS",))]


def _dated(time: TimeSpan, timexes: list[TimeSpan] | None = None) -> list[str]:
    report = _report()
    report.events[0] = report.events[0].model_copy(update={"time": time})
    report.timexes = [time, *(timexes or [])]
    (template,) = report_to_templates(report)
    return [f.value for f in template.slot(2).fillers]


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity", "value", "expected"),
    [
        # not a count of days: dated by default, from the dateline (part1 7.3)
        ("last week", dt.date(1990, 3, 5), dt.date(1990, 3, 11), "week", "1990-W10", "- 12 MAR 90"),
        ("in recent days", None, dt.date(1990, 3, 12), "day", "PXD", "- 12 MAR 90"),
        ("a few days ago", dt.date(1990, 3, 3), dt.date(1990, 3, 10), "day", "PAST_REF",
         "- 12 MAR 90"),
        ("this year", dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year", "1990", "- 12 MAR 90"),
        ("in 1990", dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year", "1990", "- 12 MAR 90"),
        # a count of days is easily calculable: the range or the day itself
        ("the last 72 hours", dt.date(1990, 3, 9), dt.date(1990, 3, 12), "time", "PT72H",
         "09 MAR 90 - 12 MAR 90"),
        ("3 days ago", dt.date(1990, 3, 9), dt.date(1990, 3, 9), "day", "1990-03-09", "09 MAR 90"),
        ("in the past few hours", dt.date(1990, 3, 12), dt.date(1990, 3, 12), "time", "PTXH",
         "12 MAR 90"),
        # a weekday is dated by default (note 1), unless the expression names its day
        ("last Friday", dt.date(1990, 3, 9), dt.date(1990, 3, 9), "day", "1990-03-09",
         "- 12 MAR 90"),
        ("on Friday, 9 March", dt.date(1990, 3, 9), dt.date(1990, 3, 9), "day", "1990-03-09",
         "09 MAR 90"),
        # a named month is a calendar period, not a vague one
        ("in February", dt.date(1990, 2, 1), dt.date(1990, 2, 28), "month", "1990-02",
         "01 FEB 90 - 28 FEB 90"),
    ],
)  # fmt: skip
def test_muc4_vague_period_before_the_dateline_is_the_default_form(
    text: str,
    start: dt.date | None,
    end: dt.date,
    granularity: str,
    value: str,
    expected: str,
) -> None:
    time = TimeSpan(
        text=text, start=start or end, end=end, granularity=granularity, value=value,
        anchor="publication",
    )  # fmt: skip
    assert _dated(time) == [expected]


def test_muc4_year_before_the_datelines_is_its_range() -> None:
    report = _report()
    report.article = report.article.model_copy(update={"published": dt.date(1990, 1, 20)})
    time = TimeSpan(
        text="in 1989", start=dt.date(1989, 1, 1), end=dt.date(1989, 12, 31),
        granularity="year", value="1989", anchor="absolute",
    )  # fmt: skip
    report.events[0] = report.events[0].model_copy(update={"time": time})
    report.timexes = [time]
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(2).fillers] == ["01 JAN 89 - 31 DEC 89"]


def test_muc4_weekday_whose_day_the_article_names_by_date_is_that_day() -> None:
    friday = TimeSpan(
        text="last Friday", start=dt.date(1990, 3, 9), end=dt.date(1990, 3, 9),
        granularity="day", value="1990-03-09", anchor="publication",
    )  # fmt: skip
    named = TimeSpan(
        text="9 March", start=dt.date(1990, 3, 9), end=dt.date(1990, 3, 9),
        granularity="day", value="1990-03-09", anchor="publication",
    )  # fmt: skip
    other = named.model_copy(
        update={"text": "8 March", "start": dt.date(1990, 3, 8), "end": dt.date(1990, 3, 8)}
    )
    assert _dated(friday, timexes=[named]) == ["09 MAR 90"]
    # another day named by date, or none: the weekday keeps the default form (note 1)
    assert _dated(friday, timexes=[other]) == ["- 12 MAR 90"]
    assert _dated(friday) == ["- 12 MAR 90"]


def _day(text: str, day: dt.date, mod: str | None = None) -> TimeSpan:
    return TimeSpan(
        text=text, start=day, end=day, granularity="day", value=day.isoformat(),
        anchor="publication", mod=mod,
    )  # fmt: skip


def _dated_by_article(time: TimeSpan | None, timexes: list[TimeSpan]) -> list[str]:
    """The date fill of the bombing of :func:`_report` (dateline 12 March 1990), with its
    own time and the article's time expressions."""
    report = _report()
    report.events[0] = report.events[0].model_copy(update={"time": time})
    report.timexes = [*([time] if time is not None else []), *timexes]
    (template,) = report_to_templates(report)
    return [f.value for f in template.slot(2).fillers]


def test_muc4_incident_without_a_day_of_its_own_is_of_the_one_day_the_article_writes() -> None:
    sixth = _day("6 March", dt.date(1990, 3, 6))
    eighth = _day("the night of 8 March", dt.date(1990, 3, 8))
    # no time, or only the day it was condemned on: the one day written out before
    assert _dated_by_article(None, [sixth]) == ["06 MAR 90"]
    condemned = _day("today", dt.date(1990, 3, 12), mod="BEFORE")
    assert _dated_by_article(condemned, [sixth]) == ["06 MAR 90"]
    # a bound of 5 March leaves no day written out before it: the bound stays
    bound = _day("5 March", dt.date(1990, 3, 5), mod="BEFORE")
    assert _dated_by_article(bound, [sixth]) == ["- 05 MAR 90"]
    # two days, none, only a later day, a bound or a day told from another: the default form
    assert _dated_by_article(None, [sixth, eighth]) == ["- 12 MAR 90"]
    assert _dated_by_article(None, []) == ["- 12 MAR 90"]
    assert _dated_by_article(None, [_day("20 March", dt.date(1990, 3, 20))]) == ["- 12 MAR 90"]
    before = _day("before 6 March", dt.date(1990, 3, 6), mod="BEFORE")
    assert _dated_by_article(None, [before]) == ["- 12 MAR 90"]
    after = _day("2 days after 4 March", dt.date(1990, 3, 6)).model_copy(
        update={"anchor": "event:E9"}
    )
    assert _dated_by_article(None, [after]) == ["- 12 MAR 90"]
    # a weekday is dated by default (note 1), whatever other day the article writes out
    friday = _day("last Friday", dt.date(1990, 3, 9))
    assert _dated_by_article(friday, [sixth]) == ["- 12 MAR 90"]


def test_muc4_one_day_told_more_than_two_months_before_is_history() -> None:
    # '15 November' read as last year's, four months before the dateline: not the incident's
    november = _day("15 November", dt.date(1989, 11, 15))
    assert _dated_by_article(None, [november]) == ["- 12 MAR 90"]
    # its year written out, the day is told as the incident's (part1 7.3: best known date)
    with_year = _day("15 November 1989", dt.date(1989, 11, 15))
    assert _dated_by_article(None, [with_year]) == ["15 NOV 89"]
    # a clock time's four digits are no year
    clock = _day("2200 on 15 November", dt.date(1989, 11, 15))
    assert _dated_by_article(None, [clock]) == ["- 12 MAR 90"]
    # within two months, the bare day is the incident's
    january = _day("20 January", dt.date(1990, 1, 20))
    assert _dated_by_article(None, [january]) == ["20 JAN 90"]


def _dated_by_a_sentence(tail: str, phrase: str) -> list[str]:
    """The date fill of :func:`_report`'s bombing, told with no time, in an article that a
    sentence added to its text (``tail``) writes one day in (``phrase``, 6 March)."""
    report = _report()
    text = report.article.text + " " + tail
    report.article = Article.from_text(text, title="TST9-MUC4-0001", published=dt.date(1990, 3, 12))
    start = text.index(phrase)
    day = _day(phrase, dt.date(1990, 3, 6)).model_copy(
        update={"char_start": start, "char_end": start + len(phrase)}
    )
    report.events[0] = report.events[0].model_copy(update={"time": None})
    report.timexes = [day]
    (template,) = report_to_templates(report)
    return [f.value for f in template.slot(2).fillers]


def test_muc4_one_day_told_of_no_act_of_violence_does_not_date_the_incident() -> None:
    # the one day written out tells of an act: the incident's
    wounded = "Mayor Tomas Ocampo was wounded by gunmen on 6 March."
    assert _dated_by_a_sentence(wounded, "6 March") == ["06 MAR 90"]
    missing = "Tomas Ocampo, who was reported missing early on 6 March, owns a mill."
    assert _dated_by_a_sentence(missing, "6 March") == ["06 MAR 90"]
    # the day of a swearing-in or a news conference: dated by default
    sworn = "Tomas Ocampo was sworn in as mayor on 6 March."
    assert _dated_by_a_sentence(sworn, "6 March") == ["- 12 MAR 90"]
    conference = "The minister held a news conference on 6 March."
    assert _dated_by_a_sentence(conference, "6 March") == ["- 12 MAR 90"]
    truce = "The cease-fire the rebels declared on 6 March still holds."
    assert _dated_by_a_sentence(truce, "6 March") == ["- 12 MAR 90"]
    # a day that opens a period ('since'): only an act told in its own clause dates it
    took_office = "Gunmen tried to kill Ocampo twice since he took office on 6 March."
    assert _dated_by_a_sentence(took_office, "6 March") == ["- 12 MAR 90"]
    since_murder = "Patrols have grown since the murder of the judge on 6 March."
    assert _dated_by_a_sentence(since_murder, "6 March") == ["06 MAR 90"]
    # an act told in the sentence before does not make the day its own
    apart = "The mayor was wounded last year. He was sworn in again on 6 March."
    assert _dated_by_a_sentence(apart, "6 March") == ["- 12 MAR 90"]


def _dated_by_days_told(tail: str, days: dict[str, int]) -> list[str]:
    """The date fill of :func:`_report`'s bombing, told with no time, in an article that a
    sentence added to its text (``tail``) writes several March days in (phrase: day)."""
    report = _report()
    text = report.article.text + " " + tail
    report.article = Article.from_text(text, title="TST9-MUC4-0001", published=dt.date(1990, 3, 12))
    report.events[0] = report.events[0].model_copy(update={"time": None})
    report.timexes = [
        _day(phrase, dt.date(1990, 3, day)).model_copy(
            update={"char_start": text.index(phrase), "char_end": text.index(phrase) + len(phrase)}
        )
        for phrase, day in days.items()
    ]
    (template,) = report_to_templates(report)
    return [f.value for f in template.slot(2).fillers]


def test_muc4_of_several_days_told_the_one_in_a_clause_of_its_type_dates_the_incident() -> None:
    # the day of the report and the day of the bombing: the bombing's day
    reported = "On 9 March, a weekly reported that rebels had bombed the embassy on 6 March."
    assert _dated_by_days_told(reported, {"9 March": 9, "6 March": 6}) == ["06 MAR 90"]
    # a bombing and a shooting on two days: the day of the bombing
    shot = "Gunmen shot a judge on 9 March; rebels bombed the embassy on 6 March."
    assert _dated_by_days_told(shot, {"9 March": 9, "6 March": 6}) == ["06 MAR 90"]
    # two bombings on two days: no one day is the incident's, the default form
    two = "Rebels bombed a bank on 9 March, and bombed the embassy on 6 March."
    assert _dated_by_days_told(two, {"9 March": 9, "6 March": 6}) == ["- 12 MAR 90"]


def _dated_between(tail: str, first: str, second: str, days: tuple[int, int]) -> list[str]:
    """The date fill of :func:`_report`'s bombing, timed by the ``first`` of two March days
    that a sentence added to its text (``tail``) tells."""
    report = _report()
    text = report.article.text + " " + tail
    report.article = Article.from_text(text, title="TST9-MUC4-0001", published=dt.date(1990, 3, 12))

    def timex(phrase: str, day: int) -> TimeSpan:
        start = text.index(phrase)
        return _day(phrase, dt.date(1990, 3, day)).model_copy(
            update={"char_start": start, "char_end": start + len(phrase)}
        )

    own, other = timex(first, days[0]), timex(second, days[1])
    report.events[0] = report.events[0].model_copy(update={"time": own})
    report.timexes = [own, other]
    (template,) = report_to_templates(report)
    return [f.value for f in template.slot(2).fillers]


def test_muc4_incident_told_between_one_day_and_the_next_spans_both() -> None:
    tail = "The bombs went off between the night of 10 March and early 11 March."
    assert _dated_between(tail, "the night of 10 March", "11 March", (10, 11)) == [
        "10 MAR 90 - 11 MAR 90"
    ]
    # the incident's time read from the second day: the same range
    tail = "It lasted between 2100 on 10 March and 0200 11 March."
    assert _dated_between(tail, "0200 11 March", "10 March", (11, 10)) == ["10 MAR 90 - 11 MAR 90"]
    # no 'between': two separate acts, one each day; days further apart; another clause
    tail = "Two shootings took place late on 10 March and early on 11 March."
    assert _dated_between(tail, "10 March", "11 March", (10, 11)) == ["10 MAR 90"]
    tail = "The bombs went off between 8 March and 10 March."
    assert _dated_between(tail, "8 March", "10 March", (8, 10)) == ["08 MAR 90"]
    tail = "The bombs went off between 9 March and noon, and police came on 10 March."
    assert _dated_between(tail, "9 March", "10 March", (9, 10)) == ["09 MAR 90"]


def test_muc4_incident_told_in_a_night_and_the_morning_after_spans_both() -> None:
    tail = "Rebels shelled the barracks late last night and early this morning."
    assert _dated_between(tail, "early this morning", "late last night", (12, 11)) == [
        "11 MAR 90 - 12 MAR 90"
    ]
    # two acts told apart, one in the night and one in the morning: each keeps its day
    tail = "Rebels shot two guards in separate attacks late last night and early this morning."
    assert _dated_between(tail, "early this morning", "late last night", (12, 11)) == ["12 MAR 90"]
    # no night: a day and the next are not one span without 'between'
    tail = "Rebels shelled the barracks on 11 March and early on 12 March."
    assert _dated_between(tail, "12 March", "11 March", (12, 11)) == ["12 MAR 90"]


def test_muc4_fallback_country_is_the_datelines_when_the_body_names_it_again() -> None:
    from threatline.evaluate.muc4 import _main_country

    text = "LIMA, 12 MAR 90 (RADIO) -- Police in Lima said that Bolivian and Bolivian rebels..."
    lima = Place(
        id="P1", name="Lima", country="PE", level="settlement", mentions=[(0, 4), (34, 38)]
    )
    bolivia = Place(
        id="P2",
        name="Bolivia",
        country="BO",
        level="country",
        mentions=[(45, 53), (58, 66), (1, 2)],
    )
    assert _main_country([lima, bolivia], text) == "PERU"
    assert _main_country([lima, bolivia]) == "BOLIVIA"  # no text: the most mentioned
    named_once = lima.model_copy(update={"mentions": [(0, 4)]})
    assert _main_country([named_once, bolivia], text) == "BOLIVIA"


def test_muc4_fallback_country_does_not_count_the_datelines_own_mentions() -> None:
    from threatline.evaluate.muc4 import _main_country

    text = "OSLO (NORWAY), 3 MAY 90 (RADIO) -- Rebels in Ecuador burned a bus near Ambato, Ecuador."

    def place(pid: str, name: str, code: str, level: str, *starts: int) -> Place:
        return Place(
            id=pid,
            name=name,
            country=code,
            level=level,
            mentions=[(s, s + len(name)) for s in starts],
        )

    oslo = place("P1", "Oslo", "NO", "settlement", 0)
    norway = place("P2", "Norway", "NO", "country", text.index("NORWAY"))
    ecuador = place("P3", "Ecuador", "EC", "country", text.index("Ecuador"), text.rindex("Ecuador"))
    ambato = place("P4", "Ambato", "EC", "settlement", text.index("Ambato"))
    # the town and its country in the dateline say where the report was filed: the country
    # the article mentions most
    assert _main_country([oslo, norway, ecuador, ambato], text) == "ECUADOR"
    # named again in the body: a report from where it happened
    told = text + " Police in Oslo said nothing."
    oslo_again = place("P1", "Oslo", "NO", "settlement", 0, told.index("Oslo", 10))
    assert _main_country([oslo_again, norway, ecuador, ambato], told) == "NORWAY"


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_muc4_merged_incident_keeps_the_default_date_over_a_date_of_the_past(
    order: tuple[int, int],
) -> None:
    report = _two_sentence_report(second_place=None)  # dated 12 MAR 90
    old = TimeSpan(text="1985", start=dt.date(1985, 1, 1), end=dt.date(1985, 12, 31))
    recent = TimeSpan(text="on 10 March", start=dt.date(1990, 3, 10), end=dt.date(1990, 3, 10))
    for time, expected in ((old, "- 12 MAR 90"), (recent, "10 MAR 90")):
        events = list(report.events)
        events[order[0]] = events[order[0]].model_copy(update={"time": time})
        (template,) = report_to_templates(report.model_copy(update={"events": events}))
        assert [f.value for f in template.slot(2).fillers] == [expected]


def test_muc4_incident_of_a_past_month_within_four_months_is_recent() -> None:
    # an incident of a month told three months back may still be recent (part1 1.0, 6);
    # one of half a year back is history
    report = _report()  # dated 12 MAR 90
    for start, end, expected in (
        (dt.date(1989, 12, 1), dt.date(1989, 12, 31), 1),
        (dt.date(1989, 9, 1), dt.date(1989, 9, 30), 0),
    ):
        time = TimeSpan(text="in the month", start=start, end=end, granularity="month")
        events = [report.events[0].model_copy(update={"time": time}), report.events[1]]
        templates = report_to_templates(report.model_copy(update={"events": events}))
        assert len(templates) == expected


def test_muc4_group_fill_is_the_report_s_words_not_a_bracketed_insertion() -> None:
    from threatline.evaluate.muc4 import _actor_text

    text = "The ALF [Andean Liberation Front] bombed a bridge. The group fled. The ALF said so."
    spans = [(m.start(), m.end()) for m in re.finditer(r"ALF|Andean Liberation Front|group", text)]
    spans.sort()
    alf = Actor(
        id="alf",
        name="Andean Liberation Front",
        kind="armed_group",
        in_kb=True,
        mentions=[spans[1], spans[0], spans[2]],
    )
    article = Article(id="a", text=text)
    # the bracketed expansion comes first among the mentions; the bare noun is no name
    assert _actor_text(alf, article) == "ALF"
    only_inserted = Actor(
        id="alf",
        name="Andean Liberation Front",
        kind="armed_group",
        in_kb=True,
        mentions=[spans[1], spans[2]],
    )
    assert _actor_text(only_inserted, article) == "ANDEAN LIBERATION FRONT"


@pytest.mark.parametrize(
    ("kind", "text", "individuals"),
    [
        ("armed_group", "COLOMBIAN DRUG TRAFFICKERS", True),
        ("security_force", "ARMED POLICEMEN", True),
        ("security_force", "MILITARY PERSONNEL", True),
        ("security_force", "ARMY PATROL", True),
        # one man named by his post in a force
        ("security_force", "AIR FORCE MEMBER", True),
        ("security_force", "ARMY COLONEL", True),
        ("security_force", "POLICE AGENT", True),
        ("armed_group", "HIRED KILLER", True),
        ("civilians", "HOTEL STAFF", True),
        # a leader of a party or a union is a person, not the body he leads
        ("other", "SOCIALIST LEADER", True),
        ("other", "UNION LEADER", True),
        ("organization", "DOCKERS UNION", False),
        ("political_party", "SOCIALIST PARTY", False),
        ("armed_group", "ANDEAN LIBERATION FRONT", False),
        ("armed_group", "PATRIOTIC ARMED FORCES", False),
        ("organization", "SUGAR WORKERS FEDERATION", False),
    ],
)
def test_muc4_a_plural_description_of_people_is_no_organization(
    kind: str, text: str, individuals: bool
) -> None:
    from threatline.evaluate.muc4 import _is_description

    actor = Actor(id="x", name=text.title(), kind=kind)
    assert _is_description(actor, text) is individuals


def test_muc4_foreign_nation_of_targets_marked_as_another_country_s() -> None:
    from threatline.evaluate.muc4 import SlotFill, _fill_foreign_nations, _foreign_nation

    assert _foreign_nation("NICARAGUAN EMBASSY", "HONDURAS") == "NICARAGUA"
    assert _foreign_nation("PERUVIAN-U.S. CULTURAL CENTER", "PERU") == "UNITED STATES"
    assert _foreign_nation("PERUVIAN TELEPHONE OFFICE", "PERU") is None
    assert _foreign_nation("POLICE STATION", "PERU") is None
    # the people of a nation, and a nation told by name only where the words say so
    assert _foreign_nation("TWO ITALIANS", "PERU") == "ITALY"
    assert _foreign_nation("FRENCHMAN", "PERU") == "FRANCE"
    assert _foreign_nation("SPAIN", "PERU") is None
    assert _foreign_nation("SPAIN", "PERU", by_name=True) == "SPAIN"
    # a region's adjective names no nation
    assert _foreign_nation("CENTRAL AMERICAN UNIVERSITY", "EL SALVADOR") is None
    assert _foreign_nation("LATIN AMERICAN COUNCIL", "PERU") is None
    assert _foreign_nation("AMERICAN EMBASSY", "PERU") == "UNITED STATES"
    assert _foreign_nation("SOUTH KOREAN EMBASSY", "PERU") == "SOUTH KOREA"
    # a demonym of two words, and the set list's names of the period's states
    assert _foreign_nation("COSTA RICAN CONSULATE", "PERU") == "COSTA RICA"
    assert _foreign_nation("COSTA RICAN CONSULATE", "COSTA RICA") is None
    assert _foreign_nation("USSR EMBASSY", "PERU") == "USSR"
    assert _foreign_nation("CHINESE EMBASSY", "PERU") == "PEOPLES REP OF CHINA"
    assert _foreign_nation("COSTA AZUL HOTEL", "PERU") is None
    assert _foreign_nation("SPANISH-LANGUAGE NETWORK", "PERU") is None
    assert _foreign_nation("SPANISH-SPEAKING REPORTERS", "PERU") is None
    assert _foreign_nation("SPANISH-BORN PRIEST", "PERU") == "SPAIN"

    text = "Gunmen shot the Spanish priest Juan Lopez and a local teacher in Lima."
    article = Article(id="a", text=text)
    priest = Actor(id="p", name="Juan Lopez", kind="person", mentions=_spans(text, "Juan Lopez"))
    teacher = Actor(id="t", name="teacher", kind="civilians", mentions=_spans(text, "teacher"))
    template = MucTemplate(message_id="m")
    template.slots[3] = parse_slot(3, ["PERU: LIMA (CITY)"])
    template.slots[12] = SlotFill()
    _fill_foreign_nations(template, [priest, teacher], article)
    fills = [(f.value, f.xref) for f in template.slot(22).fillers]
    assert fills == [("SPAIN", ("JUAN LOPEZ",))]
    # a nationality told as his title is not part of his name
    text = "Gunmen shot Spaniard Juan Lopez in Lima."
    article = Article(id="a", text=text)
    spaniard = Actor(
        id="s",
        name="Spaniard Juan Lopez",
        kind="person",
        mentions=_spans(text, "Spaniard Juan Lopez"),
    )
    _fill_foreign_nations(template, [spaniard], article)
    assert [(f.value, f.xref) for f in template.slot(22).fillers] == [("SPAIN", ("JUAN LOPEZ",))]
    template.slots[3] = SlotFill()  # no incident country: nothing is foreign
    template.slots[22] = SlotFill()
    _fill_foreign_nations(template, [priest], article)
    assert not template.slot(22).fillers


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


def _first_span(text: str, surface: str) -> Span:
    start = text.index(surface)
    return Span(start=start, end=start + len(surface), text=surface)


def _rebels_attack_is_kept(text: str, trigger: str, physical: list[str]) -> bool:
    """Whether an attack by rebels on the things of ``physical`` gives a template."""
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "attack",
                "trigger": trigger,
                "physical": physical,
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    return bool(report_to_templates(report))


@pytest.mark.parametrize(
    ("text", "trigger", "physical", "kept"),
    [
        ("Rebels attacked the air force headquarters at dawn.", "attacked", [], False),
        ("Rebels launched an attack against a 3d brigade unit.", "attack", [], False),
        ("Rebels attacked the town hall at dawn.", "attacked", ["town hall"], True),
        # a police or guard post is a force's installation too (part1 1.0, point 1b)
        ("Rebels attacked the police station of the town.", "attacked", ["police station"], False),
        ("Rebels attacked a national guard post.", "attacked", ["national guard post"], False),
        ("Rebels hit two armored vehicles.", "hit", ["armored vehicles"], False),
        ("Rebels hit two delivery vehicles.", "hit", ["delivery vehicles"], True),
        (
            "Rebels attacked the police station and a bank.",
            "attacked",
            ["police station", "bank"],
            True,
        ),
    ],
)
def test_muc4_an_attack_on_a_military_object_alone_is_guerrilla_warfare(
    text: str, trigger: str, physical: list[str], kept: bool
) -> None:
    assert _rebels_attack_is_kept(text, trigger, physical) is kept


@pytest.mark.parametrize(
    ("text", "physical", "kept"),
    [
        # vehicles of a convoy the article calls military are the army's, hit in the war
        ("Rebels destroyed two trucks of an army convoy near the bridge.", ["trucks"], False),
        ("Rebels destroyed two trucks, both part of military motorcades.", ["trucks"], False),
        # so is one told as carrying the forces' men
        ("Rebels bombed a bus carrying 20 army soldiers.", ["bus"], False),
        ("Rebels bombed a bus carrying 20 students.", ["bus"], True),
        # no convoy, or one the article does not call military: vehicles of anyone
        ("Rebels destroyed two trucks near the bridge.", ["trucks"], True),
        ("Rebels destroyed two trucks of a convoy carrying coffee.", ["trucks"], True),
        # a thing beside the vehicles that is not one of them
        ("Rebels destroyed two trucks of an army convoy and a school.", ["trucks", "school"],
         True),
    ],
)  # fmt: skip
def test_muc4_vehicles_of_the_forces_are_struck_in_the_war(
    text: str, physical: list[str], kept: bool
) -> None:
    trigger = "destroyed" if "destroyed" in text else "bombed"
    assert _rebels_attack_is_kept(text, trigger, physical) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "physical", "kept"),
    [
        # craft brought down over the fighting are the air arm's, hit in the war
        ("Rebels shot down an aircraft near the river.", "shot", ["aircraft"], False),
        ("Rebels downed two planes near the river.", "downed", ["planes"], False),
        # a plane blown up on the ground, or a thing beside the craft, is a target
        ("Rebels dynamited a plane at the airport.", "dynamited", ["plane"], True),
        ("Rebels shot down a helicopter over a school.", "shot", ["helicopter", "school"],
         True),
    ],
)  # fmt: skip
def test_muc4_aircraft_shot_down_are_hit_in_the_war(
    text: str, trigger: str, physical: list[str], kept: bool
) -> None:
    assert _rebels_attack_is_kept(text, trigger, physical) is kept


@pytest.mark.parametrize(
    ("text", "instruments", "physical", "kept"),
    [
        # a missile that struck no one and nothing named was fired at the army's aircraft
        ("Rebels fired a SAM-7 missile yesterday; it missed.", ["SAM-7 missile"], [], False),
        ("Rebels fired two missiles yesterday near the port.", ["missiles"], [], False),
        # a missile that hit a civilian thing is an attack on it; a grenade is not aimed up
        (
            "Rebels fired a missile yesterday at the power plant.",
            ["missile"],
            ["power plant"],
            True,
        ),
        ("Rebels fired a grenade yesterday; it missed.", ["grenade"], [], True),
    ],
)
def test_muc4_a_missile_that_struck_nothing_is_fire_at_aircraft(
    text: str, instruments: list[str], physical: list[str], kept: bool
) -> None:
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "shelling",
                "trigger": "fired",
                "instruments": instruments,
                "physical": physical,
                "time": TimeSpan(
                    text="yesterday", start=dt.date(1990, 3, 11), end=dt.date(1990, 3, 11)
                ),
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    assert bool(report_to_templates(report)) is kept


def _two_places_report(second_victim: str) -> ArticleReport:
    """Gunmen shoot Carlos Mendez in Cuzco; a second sentence tells of a killing in Lima."""
    text = f"Gunmen shot Carlos Mendez in Cuzco. Gunmen killed {second_victim} in Lima."
    built = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "Carlos Mendez", "person", False),
            ("a3", second_victim, "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "place": EventPlace(id="P1", text="Cuzco", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "armed_assault",
                "trigger": "killed",
                "place": EventPlace(id="P2", text="Lima", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a3", role="victim"),
                ],
            },
        ],
    )
    places = [
        Place(id="P1", name="Cuzco", country="PE", level="settlement"),
        Place(id="P2", name="Lima", country="PE", level="settlement"),
    ]
    return built.model_copy(update={"places": places})


def test_muc4_one_named_victim_in_two_places_is_one_incident() -> None:
    # 'Mendez' is the victim of the first sentence: the second place is no second attack.
    templates = report_to_templates(_two_places_report("Mendez"))
    assert len(templates) == 1
    assert [f.value for f in templates[0].slot(18).fillers] == ["CARLOS MENDEZ"]
    # one of the two places is wrong: the first report keeps its own
    assert [f.value for f in templates[0].slot(3).fillers] == ["PERU: CUZCO (CITY)"]
    # Two victims in two places are two incidents.
    assert len(report_to_templates(_two_places_report("Ana Ruiz"))) == 2


def test_muc4_a_physical_target_named_twice_is_one_filler() -> None:
    def slot_values(physical: list[str]) -> dict[int, list[str]]:
        text = (
            "Rebels dynamited the northern oil pipeline and the pipeline station, causing damage."
        )
        report = _article_report(
            text,
            [("a1", "Rebels", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "dynamited",
                    "physical": physical,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return {s: [f.value for f in template.slot(s).fillers] for s in (12, 13, 16)}

    fills = slot_values(["northern oil pipeline", "pipeline"])
    assert fills[12] == ["NORTHERN OIL PIPELINE"]
    assert len(fills[13]) == 1 and len(fills[16]) == 1
    # A different head noun is a different target: the station of the pipeline.
    assert slot_values(["northern oil pipeline", "pipeline station"])[12] == [
        "NORTHERN OIL PIPELINE",
        "PIPELINE STATION",
    ]


def test_muc4_a_physical_target_told_with_fewer_words_is_one_filler() -> None:
    def physical_targets(physical: list[str]) -> list[str]:
        text = (
            "Rebels dynamited the Sur oil pipeline near Lima. The blast on the Sur pipeline "
            "and the Norte pipeline cut the fuel supply."
        )
        report = _article_report(
            text,
            [("a1", "Rebels", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "dynamited",
                    "physical": physical,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    # 'the Sur pipeline' is 'the Sur oil pipeline' with a word left out
    assert physical_targets(["Sur oil pipeline", "Sur pipeline"]) == ["SUR OIL PIPELINE"]
    # another name before the same head is another pipeline
    assert physical_targets(["Sur oil pipeline", "Norte pipeline"]) == [
        "SUR OIL PIPELINE",
        "NORTE PIPELINE",
    ]


def test_muc4_a_physical_target_told_by_an_acronym_too_is_one_filler() -> None:
    def physical_targets(first: str) -> list[str]:
        text = (
            f"Gunmen bombed the offices of the Workers Federation {first} today. The blast "
            "at the FETRA offices killed two clerks."
        )
        report = _article_report(
            text,
            [("a1", "Gunmen", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": ["offices of the Workers Federation", "FETRA offices"],
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    # the text gives 'FETRA' as the federation's acronym
    assert physical_targets("(FETRA)") == ["FETRA OFFICES"]
    # without it, the two may be offices of two bodies
    assert physical_targets("in Lima") == [
        "OFFICES OF THE WORKERS FEDERATION",
        "FETRA OFFICES",
    ]


def test_muc4_a_network_beside_the_towers_hit_is_no_physical_target() -> None:
    def physical_targets(physical: list[str]) -> list[str]:
        text = "Rebels blew up two pylons and a bank, cutting off the power grid of the valley."
        report = _article_report(
            text,
            [("a1", "Rebels", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "blew up",
                    "physical": physical,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    assert physical_targets(["pylons", "power grid"]) == ["PYLONS"]
    # told alone, or beside no part of it, the network stays
    assert physical_targets(["bank", "power grid"]) == ["BANK", "POWER GRID"]


def test_muc4_the_vehicle_that_carried_the_bomb_is_no_physical_target() -> None:
    def physical_targets(text: str, physical: list[str]) -> list[str]:
        report = _article_report(
            text,
            [("a1", "Terrorists", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "exploded",
                    "physical": physical,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    carried = "Terrorists left a bomb inside a van that exploded near the Sol hotel."
    assert physical_targets(carried, ["van", "Sol hotel"]) == ["SOL HOTEL"]
    packed = "Terrorists drove a truck, packed with 200 kg of dynamite, that exploded there."
    assert physical_targets(packed + " It hit the Sol hotel.", ["truck", "Sol hotel"]) == [
        "SOL HOTEL"
    ]
    # the only thing told as hit stays
    assert physical_targets(carried, ["van"]) == ["VAN"]
    # a vehicle the blast struck, or one full of people, is a target
    struck = "Terrorists' bomb exploded near the Sol hotel and wrecked a van parked outside."
    assert physical_targets(struck, ["van", "Sol hotel"]) == ["VAN", "SOL HOTEL"]
    riders = "Terrorists' bomb exploded near the Sol hotel as a van filled with tourists passed."
    assert physical_targets(riders, ["van", "Sol hotel"]) == ["VAN", "SOL HOTEL"]


def test_muc4_the_building_beside_one_named_thing_is_that_thing() -> None:
    def physical_targets(physical: list[str]) -> list[str]:
        text = (
            "Terrorists bombed the Sol hotel and the shops beside it; the building was destroyed."
        )
        report = _article_report(
            text,
            [("a1", "Terrorists", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": physical,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    assert physical_targets(["Sol hotel", "building"]) == ["SOL HOTEL"]
    # beside things told in the plural, the building may be another one
    assert physical_targets(["shops", "building"]) == ["SHOPS", "BUILDING"]
    assert physical_targets(["building"]) == ["BUILDING"]


def test_muc4_the_scene_of_an_attack_on_a_person_is_no_physical_target() -> None:
    def physical_targets(trigger: str) -> list[str]:
        text = f"Gunmen {trigger} Judge Ana Ruiz in her car outside the court."
        report = _article_report(
            text,
            [("a1", "Gunmen", "armed_group", False), ("a2", "Ana Ruiz", "person", False)],
            [
                {
                    "type": "armed_assault",
                    "trigger": trigger,
                    "physical": ["car"],
                    "participants": [
                        Participant(actor="a1", role="perpetrator"),
                        Participant(actor="a2", role="victim"),
                    ],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(12).fillers]

    assert physical_targets("shot") == []  # she was shot: the car is where it happened
    assert physical_targets("attacked") == ["CAR"]  # an attack may be on her car too


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "physical"),
    [
        # the doers ride in the truck while they shoot: how they came
        ("Three gunmen in a green truck shot at the guards of the bank.", "shot",
         "armed_assault", ["BANK"]),
        # the truck carries the people shot at: it is hit
        ("Three farmers in a green truck were shot at near the bank.", "shot",
         "armed_assault", ["GREEN TRUCK", "BANK"]),
        # told after the act, the truck is what they fired on
        ("Gunmen shot at three farmers in a green truck near the bank.", "shot",
         "armed_assault", ["GREEN TRUCK", "BANK"]),
        # in a bombing the car they came in may carry the bomb
        ("Three men in a green truck bombed the bank.", "bombed", "bombing",
         ["GREEN TRUCK", "BANK"]),
    ],
)  # fmt: skip
def test_muc4_the_vehicle_the_doers_ride_in_is_no_physical_target(
    text: str, trigger: str, event_type: str, physical: list[str]
) -> None:
    """A vehicle told between the people acting and the act's verb ('gunmen in a truck shot
    at ...') is how the doers came, not a target (part2, slot 12); one the people harmed
    ride in, or one told after the verb, may be hit."""
    report = _article_report(
        text,
        [],
        [{"type": event_type, "trigger": trigger, "physical": ["green truck", "bank"]}],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(12).fillers] == physical


def _group_bombing_template(text: str, group_name: str, mentions: str) -> MucTemplate:
    """The one template of a report in which a known group bombed a bank, the group named
    wherever the pattern ``mentions`` matches ``text``."""
    report = _article_report(
        text,
        [("a1", group_name, "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    names = [m.span() for m in re.finditer(mentions, text)]
    group = report.actors[0].model_copy(update={"mentions": names})
    (template,) = report_to_templates(report.model_copy(update={"actors": [group]}))
    return template


def test_muc4_a_group_fill_is_the_name_the_report_uses_most() -> None:
    def organization(text: str) -> list[str]:
        template = _group_bombing_template(
            text, "Popular Liberation Army", r"Popular Liberation Army|PLA"
        )
        return [f.value for f in template.slot(10).fillers]

    many = "Popular Liberation Army (PLA) rebels bombed a bank. The PLA said the PLA did it."
    assert organization(many) == ["PLA"]
    once = (
        "Popular Liberation Army (PLA) rebels bombed a bank. The Popular Liberation Army said so."
    )
    assert organization(once) == ["POPULAR LIBERATION ARMY"]


def test_muc4_members_of_a_group_are_the_individuals_of_their_own_sentence() -> None:
    def individuals(text: str) -> list[str]:
        template = _group_bombing_template(text, "FPL", r"FPL|guerrillas")
        return [f.value for f in template.slot(9).fillers]

    assert individuals("FPL guerrillas bombed a bank.") == ["GUERRILLAS"]
    # the members named in another story of the report are not this attack's doers
    assert individuals("The FPL bombed a bank. Last year guerrillas of the FPL met.") == []


def test_muc4_a_groups_guerrillas_are_told_without_its_acronym() -> None:
    def individuals(text: str) -> list[str]:
        report = _article_report(
            text,
            [("a1", "PLA", "armed_group", True)],
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": ["bank"],
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        names = [
            m.span() for m in re.finditer(r"PLA (?:urban )?\w+|Popular Liberation \w+ \w+", text)
        ]
        group = report.actors[0].model_copy(
            update={"name": "Popular Liberation Army", "aliases": ["PLA"], "mentions": names}
        )
        (template,) = report_to_templates(report.model_copy(update={"actors": [group]}))
        return [f.value for f in template.slot(9).fillers]

    assert individuals("PLA guerrillas bombed a bank.") == ["GUERRILLAS"]
    assert individuals("PLA urban guerrillas bombed a bank.") == ["URBAN GUERRILLAS"]
    # other members keep it, and so do guerrillas of a group named in words
    assert individuals("PLA terrorists bombed a bank.") == ["PLA TERRORISTS"]
    assert individuals("Popular Liberation Army guerrillas bombed a bank. The PLA did.") == [
        "POPULAR LIBERATION ARMY GUERRILLAS"
    ]


def test_muc4_the_events_own_description_of_its_doers_is_their_one_fill() -> None:
    def individuals(text: str, description: str | None, kind: str = "armed_group") -> list[str]:
        actors = [("a1", "FPL", "armed_group", True)]
        participants = [Participant(actor="a1", role="perpetrator")]
        if description is not None:
            actors.append(("a2", description, kind, False))
            participants.append(Participant(actor="a2", role="perpetrator"))
        report = _article_report(
            text,
            actors,
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": ["bank"],
                    "participants": participants,
                }
            ],
        )
        group = report.actors[0].model_copy(
            update={"mentions": [m.span() for m in re.finditer(r"FPL guerrillas|FPL", text)]}
        )
        report = report.model_copy(update={"actors": [group, *report.actors[1:]]})
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(9).fillers]

    # 'armed men' are the doers of this attack; 'FPL guerrillas' would count them twice
    text = "Armed men bombed a bank as FPL guerrillas watched."
    assert individuals(text, "Armed men") == ["ARMED MEN"]
    # with no description of its own the group's members stand for the doers
    text = "FPL guerrillas bombed a bank. The FPL is blamed for it."
    assert individuals(text, None) == ["FPL GUERRILLAS"]
    # a man named beside them is no description of the members: both stay
    text = "Pedro Valdivia bombed a bank as FPL guerrillas watched."
    assert sorted(individuals(text, "Pedro Valdivia", "person")) == [
        "FPL GUERRILLAS",
        "PEDRO VALDIVIA",
    ]


def test_muc4_unnamed_doers_alone_are_no_specific_incident() -> None:
    def templates(place: bool) -> list[MucTemplate]:
        built = _article_report(
            "Terrorists attacked in Lima.",
            [("a1", "Terrorists", "armed_group", False)],
            [
                {
                    "type": "attack",
                    "trigger": "attacked",
                    "place": EventPlace(id="P1", text="Lima", precision=1) if place else None,
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        lima = Place(id="P1", name="Lima", country="PE", level="settlement")
        return report_to_templates(built.model_copy(update={"places": [lima]}))

    assert templates(place=False) == []  # 'terrorists attacked': attacks in general
    (template,) = templates(place=True)  # a place of its own makes it one incident
    assert [f.value for f in template.slot(9).fillers] == ["TERRORISTS"]


def test_muc4_an_attack_that_hurt_no_one_has_no_injury_or_death() -> None:
    def effects(text: str) -> list[tuple[str, tuple[str, ...]]]:
        report = _article_report(
            text,
            [("a1", "Rebels", "armed_group", False)],
            [
                {
                    "type": "bombing",
                    "trigger": "bombed",
                    "physical": ["bank"],
                    "participants": [Participant(actor="a1", role="perpetrator")],
                }
            ],
        )
        (template,) = report_to_templates(report)
        return [(f.value, f.xref) for f in template.slot(23).fillers]

    no_one = [("NO INJURY OR DEATH", ("-",))]
    assert effects("Rebels bombed a bank; there were no casualties.") == no_one
    assert effects("Rebels bombed a bank; it did not result in any casualties.") == no_one
    assert effects("Rebels bombed a bank, without inflicting any casualties.") == no_one
    assert effects("Rebels bombed a bank; there were no human casualties.") == no_one
    assert effects("Rebels bombed a bank; there were no fatalities.") == no_one
    assert effects("Rebels bombed a bank; not a single person was hurt.") == no_one
    # the paragraph after the act's goes on about it when it tells no act of its own
    assert effects("Rebels bombed a bank in Lima.\n\nThe police said no one was hurt.") == no_one
    assert effects("Rebels bombed a bank; the damage was heavy.") == []


def test_muc4_no_casualties_told_of_another_act_are_not_this_one_s() -> None:
    report = _article_report(
        "Rebels bombed a bank in Lima.\n\nIn Cuzco, guerrillas burned a bus; no one was hurt.",
        [("a1", "Rebels", "armed_group", False), ("a2", "guerrillas", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
            {
                "type": "arson",
                "trigger": "burned",
                "physical": ["bus"],
                "participants": [Participant(actor="a2", role="perpetrator")],
            },
        ],
    )
    effects = {
        template.slot(12).fillers[0].value: [f.value for f in template.slot(23).fillers]
        for template in report_to_templates(report)
    }
    assert effects == {"BANK": [], "BUS": ["NO INJURY OR DEATH"]}


# --------------------------------------------------------------------------- location


def _located_report(text: str, places: list[Place], place_id: str | None = "P1") -> ArticleReport:
    """A report of one shooting of Ana Ruiz at the place ``place_id`` (None: at no place
    the sentence names), told in ``text``."""
    report = _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", "Ana Ruiz", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "place": EventPlace(id=place_id, text=places[0].name) if place_id else None,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    return report.model_copy(update={"places": places})


def _location(report: ArticleReport) -> list[str]:
    return [f.value for f in report_to_templates(report)[0].slot(3).fillers]


_VILLA_ROSA = Place(
    id="P1", name="Villa Rosa", country="PE", level="settlement", mentions=[(0, 10)]
)


@pytest.mark.parametrize(
    ("sentence", "fill"),
    [
        (
            "Gunmen shot Ana Ruiz in the Las Acacias neighborhood of Villa Rosa.",
            "PERU: VILLA ROSA (CITY): LAS ACACIAS (NEIGHBORHOOD)",
        ),
        (
            "Gunmen shot Ana Ruiz at the Cruz Alta airport of Villa Rosa.",
            "PERU: VILLA ROSA (CITY): CRUZ ALTA AIRPORT (AIRPORT)",
        ),
        # A part that names no place of its own is left out.
        (
            "Gunmen shot Ana Ruiz in a residential neighborhood of Villa Rosa.",
            "PERU: VILLA ROSA (CITY)",
        ),
    ],
)
def test_muc4_location_names_the_part_of_the_town_the_sentence_names(sentence, fill) -> None:
    assert _location(_located_report(sentence, [_VILLA_ROSA])) == [fill]


def test_muc4_location_names_the_department_of_a_town_when_the_article_names_it() -> None:
    text = "Gunmen shot Ana Ruiz in Villa Rosa. Troops patrol Altamira department."
    town = _VILLA_ROSA.model_copy(update={"admin1": "Altamira"})
    region = Place(id="P2", name="Altamira", country="PE", level="region", admin1="Altamira")
    assert _location(_located_report(text, [town, region])) == [
        "PERU: ALTAMIRA (DEPARTMENT): VILLA ROSA (CITY)"
    ]
    # The article names no department: the town alone.
    assert _location(_located_report(text, [town])) == ["PERU: VILLA ROSA (CITY)"]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        (
            "Gunmen shot Ana Ruiz in Villa Rosa, Altamira department, on Monday.",
            "PERU: ALTAMIRA (DEPARTMENT): VILLA ROSA (CITY)",
        ),
        (
            "Gunmen shot Ana Ruiz in Villa Rosa, 40 km from the coast, in the department of "
            "Altamira.",
            "PERU: ALTAMIRA (DEPARTMENT): VILLA ROSA (CITY)",
        ),
        # The department told in another sentence, or another department: the town alone.
        (
            "Gunmen shot Ana Ruiz in Villa Rosa. Troops patrol Altamira department.",
            "PERU: VILLA ROSA (CITY)",
        ),
        ("Gunmen shot Ana Ruiz in Villa Rosa, Cardonal department.", "PERU: VILLA ROSA (CITY)"),
    ],
)
def test_muc4_location_names_the_department_told_right_after_the_town(text, fill) -> None:
    start = text.index("Villa Rosa")
    town = _VILLA_ROSA.model_copy(
        update={"admin1": "Altamira", "mentions": [(start, start + len("Villa Rosa"))]}
    )
    assert _location(_located_report(text, [town])) == [fill]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        (
            "Gunmen shot Ana Ruiz in Los Pinos, Altamira department, on Monday.",
            "PERU: ALTAMIRA (DEPARTMENT): LOS PINOS (REGION)",
        ),
        (
            "Gunmen shot Ana Ruiz in Los Pinos, in the department of Altamira on Monday.",
            "PERU: ALTAMIRA (DEPARTMENT): LOS PINOS (REGION)",
        ),
        (
            "Gunmen shot Ana Ruiz in Los Pinos, in Altamira province.",
            "PERU: ALTAMIRA (DEPARTMENT): LOS PINOS (REGION)",
        ),
        # A department the article does not know as a place, or told in another sentence:
        # the place alone.
        (
            "Gunmen shot Ana Ruiz in Los Pinos, Cardonal department.",
            "PERU: LOS PINOS (REGION)",
        ),
        (
            "Gunmen shot Ana Ruiz in Los Pinos. Troops patrol Altamira department.",
            "PERU: LOS PINOS (REGION)",
        ),
    ],
)
def test_muc4_location_names_the_department_told_right_after_a_place_the_gazetteer_lacks(
    text, fill
) -> None:
    start = text.index("Los Pinos")
    hamlet = Place(
        id="P1",
        name="Los Pinos",
        country="PE",
        level="area",
        mentions=[(start, start + len("Los Pinos"))],
    )
    at = text.rfind("Altamira")
    region = Place(
        id="P2",
        name="Altamira",
        country="PE",
        level="region",
        admin1="Altamira",
        mentions=[(at, at + len("Altamira"))],
    )
    assert _location(_located_report(text, [hamlet, region])) == [fill]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot Ana Ruiz in Los Pinos, Vado Alto, and Piedra Negra, in Altamira department.",
        "Gunmen shot Ana Ruiz in Los Pinos and Vado Alto, in the department of Altamira.",
    ],
)
def test_muc4_location_names_the_department_told_after_a_list_of_places(text) -> None:
    start = text.index("Los Pinos")
    hamlet = Place(
        id="P1",
        name="Los Pinos",
        country="PE",
        level="area",
        mentions=[(start, start + len("Los Pinos"))],
    )
    at = text.rfind("Altamira")
    region = Place(
        id="P2",
        name="Altamira",
        country="PE",
        level="region",
        admin1="Altamira",
        mentions=[(at, at + len("Altamira"))],
    )
    fill = "PERU: ALTAMIRA (DEPARTMENT): LOS PINOS (REGION)"
    assert _location(_located_report(text, [hamlet, region])) == [fill]
    # the department the article knows only as the one of a town it names
    text += " Troops reached Villa Rosa."
    at = text.index("Villa Rosa")
    town = Place(
        id="P2",
        name="Villa Rosa",
        country="PE",
        level="settlement",
        admin1="Altamira",
        mentions=[(at, at + len("Villa Rosa"))],
    )
    assert _location(_located_report(text, [hamlet, town])) == [fill]


def test_muc4_a_neighborhood_read_as_a_town_goes_below_the_town_of_the_dateline() -> None:
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in the Las Acacias district."
    part = Place(id="P2", name="Las Acacias", country="PE", level="settlement")
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: VILLA ROSA (CITY): LAS ACACIAS (DISTRICT)"]
    # Not called a district or neighborhood: a town of its own.
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in Las Acacias."
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: LAS ACACIAS (CITY)"]


_SAN_ROQUE = Place(id="P2", name="San Roque", country="PE", level="settlement")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot Ana Ruiz in Villa Rosa, in the Las Acacias neighborhood in northern "
        "San Roque.",
        "Gunmen shot Ana Ruiz in Villa Rosa, in the Las Acacias district of the city of San Roque.",
        "Gunmen shot Ana Ruiz in Villa Rosa, in the Las Acacias neighborhood in the western "
        "section of San Roque.",
    ],
)
def test_muc4_a_part_told_with_its_own_town_goes_below_that_town(text) -> None:
    kind = "DISTRICT" if "district" in text else "NEIGHBORHOOD"
    fill = f"PERU: SAN ROQUE (CITY): LAS ACACIAS ({kind})"
    assert _location(_located_report(text, [_VILLA_ROSA, _SAN_ROQUE])) == [fill]
    # its own town the article does not know as a town: the town of the incident
    assert _location(_located_report(text, [_VILLA_ROSA])) == [
        f"PERU: VILLA ROSA (CITY): LAS ACACIAS ({kind})"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen shot Ana Ruiz in the Las Acacias district, Santa Marta department.",
        "Gunmen shot Ana Ruiz in the district of Las Acacias in Santa Marta province.",
    ],
)
def test_muc4_a_district_told_with_its_department_is_no_part_of_the_town_of_the_dateline(
    sentence,
) -> None:
    text = f"VILLA ROSA, 3 MAR 90 -- {sentence}"
    assert _location(_located_report(text, [_VILLA_ROSA])) == ["PERU: LAS ACACIAS (DISTRICT)"]
    part = Place(id="P2", name="Las Acacias", country="PE", level="area")
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: LAS ACACIAS (DISTRICT)"]


def test_muc4_an_incident_told_by_its_country_is_in_a_part_of_the_town_of_the_dateline() -> None:
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz on a road of Las Acacias neighborhood."
    country = Place(id="P3", name="Peru", country="PE", level="country")
    report = _located_report(text, [country, _VILLA_ROSA], place_id="P3")
    assert _location(report) == ["PERU: VILLA ROSA (CITY): LAS ACACIAS (NEIGHBORHOOD)"]


def test_muc4_a_neighborhood_read_as_a_place_goes_below_the_town_of_the_dateline() -> None:
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in the Las Acacias neighborhood."
    part = Place(id="P2", name="Las Acacias", country="PE", level="area")
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: VILLA ROSA (CITY): LAS ACACIAS (NEIGHBORHOOD)"]
    # Without a dateline, no town to put it in.
    text = "Gunmen shot Ana Ruiz in the Las Acacias neighborhood on 3 March."
    report = _located_report(text, [part], place_id="P2")
    assert _location(report) == ["PERU: LAS ACACIAS (REGION)"]
    # the end of the part's name read as the place: the part's whole name
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in the exclusive Las Acacias neighborhood."
    part = part.model_copy(update={"name": "Acacias"})
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: VILLA ROSA (CITY): LAS ACACIAS (NEIGHBORHOOD)"]


def _shot_near_villa_rosa(sentence: str) -> list[str]:
    """The location of a shooting the event stage placed 'near' Villa Rosa, told as the
    mark of a distance in ``sentence``."""
    text = sentence.upper()
    at = text.rindex("VILLA ROSA")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(at, at + 10)]})
    places = [town]
    if "SAN ROQUE" in text:
        start = text.index("SAN ROQUE")
        places.append(_SAN_ROQUE.model_copy(update={"mentions": [(start, start + 9)]}))
    report = _located_report(sentence, places)
    event = report.events[0]
    near = EventPlace(id="P1", text="Villa Rosa", relation="near", start=at, end=at + 10)
    report = report.model_copy(update={"events": [event.model_copy(update={"place": near})]})
    return _location(report)


def test_muc4_a_town_told_as_the_mark_of_a_distance_is_not_where_the_act_was() -> None:
    told = "Gunmen shot Ana Ruiz in San Roque, a mining town, 120 km north of Villa Rosa."
    assert _shot_near_villa_rosa(told) == ["PERU: SAN ROQUE (CITY)"]
    # no place told before the distance, or one told far before it: the mark stands
    assert _shot_near_villa_rosa("Gunmen shot Ana Ruiz 120 km north of Villa Rosa.") == [
        "PERU: VILLA ROSA (CITY)"
    ]
    far = (
        "Gunmen of the San Roque gang, who had fled the police for months, shot Ana Ruiz "
        "on a road 120 km north of Villa Rosa."
    )
    assert _shot_near_villa_rosa(far) == ["PERU: VILLA ROSA (CITY)"]


def test_muc4_a_place_called_a_neighborhood_elsewhere_goes_below_the_town_of_the_dateline() -> None:
    text = (
        "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in Las Acacias.\n\n"
        "Troops now patrol the neighborhood of Las Acacias."
    )
    part = Place(id="P2", name="Las Acacias", country="PE", level="area")
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: VILLA ROSA (CITY): LAS ACACIAS (NEIGHBORHOOD)"]
    # never called a part of a town: a place of its own
    text = "VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz in Las Acacias."
    report = _located_report(text, [part, _VILLA_ROSA], place_id="P2")
    assert _location(report) == ["PERU: LAS ACACIAS (REGION)"]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        ("Rebels reached Villa Rosa on Monday. Gunmen shot Ana Ruiz.", "PERU: VILLA ROSA (CITY)"),
        # The town is told in another paragraph, or only as the dateline: the country alone.
        ("Rebels reached Villa Rosa on Monday.\n\nGunmen shot Ana Ruiz.", "PERU"),
        ("VILLA ROSA, 3 MAR 90 -- Gunmen shot Ana Ruiz.", "PERU"),
    ],
)
def test_muc4_an_incident_with_no_place_of_its_own_is_at_the_town_of_its_paragraph(
    text, fill
) -> None:
    start = text.upper().index("VILLA ROSA")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(start, start + 10)]})
    assert _location(_located_report(text, [town], place_id=None)) == [fill]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        ("The bishop of Villa Rosa spoke on Monday. Gunmen shot Ana Ruiz.", "PERU"),
        ("Villa Rosa judicial authorities met on Monday. Gunmen shot Ana Ruiz.", "PERU"),
        ("The Villa Rosa cartel grew on Monday. Gunmen shot Ana Ruiz.", "PERU"),
        ("The road 20 km north of Villa Rosa is closed. Gunmen shot Ana Ruiz.", "PERU"),
        ("Villa Rosa and San Roque were hit on Monday. Gunmen shot Ana Ruiz.", "PERU"),
        ("San Roque, Villa Rosa, and Lima were hit on Monday. Gunmen shot Ana Ruiz.", "PERU"),
        # a part of the town, or the town and its region, tell where
        (
            "Rebels reached the center of Villa Rosa. Gunmen shot Ana Ruiz.",
            "PERU: VILLA ROSA (CITY)",
        ),
        (
            "Rebels reached Villa Rosa, Santa Marta department. Gunmen shot Ana Ruiz.",
            "PERU: VILLA ROSA (CITY)",
        ),
    ],
)
def test_muc4_the_town_of_the_paragraph_is_no_town_told_of_someone_else_or_in_a_list(
    text, fill
) -> None:
    places = []
    for n, name in enumerate(("Villa Rosa", "San Roque")):
        if name in text:
            start = text.index(name)
            places.append(
                Place(
                    id=f"P{n + 1}",
                    name=name,
                    country="PE",
                    level="settlement",
                    mentions=[(start, start + len(name))],
                )
            )
    places.sort(key=lambda p: p.mentions[0][0])
    assert _location(_located_report(text, places, place_id=None)) == [fill]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        ("Rebels reached Villa Rosa. Gunmen shot Ana Ruiz on a road.", "PERU: VILLA ROSA (CITY)"),
        # an act its own sentence tells of the whole country is not the town's
        ("Rebels reached Villa Rosa. Gunmen shot Ana Ruiz on the country's roads.", "PERU"),
        ("Rebels reached Villa Rosa. Gunmen shot Ana Ruiz and others nationwide.", "PERU"),
    ],
)
def test_muc4_an_act_told_of_the_country_is_not_at_the_town_of_its_paragraph(
    text: str, fill: str
) -> None:
    start = text.index("Villa Rosa")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(start, start + 10)]})
    assert _location(_located_report(text, [town], place_id=None)) == [fill]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        (
            "Gunmen shot Ana Ruiz on the road between Villa Rosa and San Roque.",
            "PERU: VILLA ROSA (CITY) - SAN ROQUE (CITY)",
        ),
        (
            "Gunmen shot Ana Ruiz on the highway linking Villa Rosa with San Roque.",
            "PERU: VILLA ROSA (CITY) - SAN ROQUE (CITY)",
        ),
        # two towns named apart from a road: the place of the act stays
        ("Gunmen shot Ana Ruiz in Villa Rosa and fled to San Roque.", "PERU: VILLA ROSA (CITY)"),
    ],
)
def test_muc4_an_act_on_a_road_between_two_towns_is_located_by_the_range(
    text: str, fill: str
) -> None:
    places = [
        Place(
            id=f"P{n}",
            name=name,
            country="PE",
            level="settlement",
            mentions=[(text.index(name), text.index(name) + len(name))],
        )
        for n, name in enumerate(("Villa Rosa", "San Roque"), start=1)
    ]
    assert _location(_located_report(text, places)) == [fill]


@pytest.mark.parametrize("a_person", [True, False])
def test_muc4_a_town_read_in_a_person_s_name_is_no_place_of_the_act(a_person: bool) -> None:
    text = "Gunmen shot Ana Ruiz, a cousin of Villa Rosa mayor Luis Soto."
    start = text.index("Villa Rosa")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(start, start + 10)]})
    report = _located_report(text, [town])
    event = report.events[0]
    placed = event.place.model_copy(update={"start": start, "end": start + 10})
    report = report.model_copy(update={"events": [event.model_copy(update={"place": placed})]})
    if a_person:
        mayor = Actor(id="a3", name="Luis Soto", kind="person", mentions=[(start, len(text) - 1)])
        report = report.model_copy(update={"actors": [*report.actors, mayor]})
    assert _location(report) == (["PERU"] if a_person else ["PERU: VILLA ROSA (CITY)"])


@pytest.mark.parametrize(
    ("description", "fill"),
    [
        ("the owner of a bakery in Villa Rosa", "PERU: VILLA ROSA (CITY)"),
        ("the mayor of Villa Rosa", "PERU"),
    ],
)
def test_muc4_a_town_where_a_person_works_stays_the_place_of_the_act(
    description: str, fill: str
) -> None:
    # the person's description, read as one mention, tells where the person works with
    # 'in': that town is where the act on them most likely was
    text = f"Gunmen shot Ana Ruiz, {description}, on Monday."
    start = text.index("Villa Rosa")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(start, start + 10)]})
    report = _located_report(text, [town])
    event = report.events[0]
    placed = event.place.model_copy(update={"start": start, "end": start + 10})
    owner = text.index(description)
    victim = Actor(
        id="a3", name="Ana Ruiz", kind="person", mentions=[(owner, owner + len(description))]
    )
    report = report.model_copy(
        update={
            "events": [event.model_copy(update={"place": placed})],
            "actors": [*report.actors, victim],
        }
    )
    assert _location(report) == [fill]


@pytest.mark.parametrize("a_person", [True, False])
def test_muc4_a_word_of_a_person_s_name_is_no_town_of_the_paragraph(a_person: bool) -> None:
    # the place stage took the title of a person's name for a mention of the town
    text = "Msgr Oscar Mena spoke on Monday. Gunmen shot Ana Ruiz."
    town = _VILLA_ROSA.model_copy(update={"mentions": [(0, 4)]})
    report = _located_report(text, [town], place_id=None)
    if a_person:
        priest = Actor(id="a3", name="Msgr Oscar Mena", kind="person", mentions=[(0, 15)])
        report = report.model_copy(update={"actors": [*report.actors, priest]})
    assert _location(report) == (["PERU"] if a_person else ["PERU: VILLA ROSA (CITY)"])


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        (
            "Rebels reached Villa Rosa on Monday.\n\nIn Villa Rosa, Gunmen shot Ana Ruiz.",
            "PERU: VILLA ROSA (CITY)",
        ),
        # Another name that begins the same way is no mention of the town.
        ("Rebels reached Villa Rosa on Monday.\n\nIn Villa Rosales, Gunmen shot Ana Ruiz.", "PERU"),
    ],
)
def test_muc4_the_town_of_the_paragraph_may_be_a_mention_the_place_stage_missed(text, fill) -> None:
    # only the first mention of the town is recorded
    start = text.index("Villa Rosa")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(start, start + 10)]})
    assert _location(_located_report(text, [town], place_id=None)) == [fill]


@pytest.mark.parametrize(
    ("text", "context", "kind"),
    [
        ("ANA RIOS SERGEANT", "THE POLICE SAID SERGEANT ANA RIOS DIED", "LAW ENFORCEMENT"),
        ("ANA RIOS CORPORAL", "CORPORAL ANA RIOS DIED", "LAW ENFORCEMENT"),
        ("LUIS SOTO CAPTAIN", "ARMY CAPTAIN LUIS SOTO OF THE 5TH BATTALION", "ACTIVE MILITARY"),
        ("PEDRO MENA RETIRED GENERAL", "", "FORMER ACTIVE MILITARY"),
        ("PEDRO MENA GEN", "THE ARMY SAID GEN PEDRO MENA DIED", "ACTIVE MILITARY"),
        ("ANA RIOS PRESIDENTIAL HOPEFUL", "", "POLITICAL FIGURE"),
        ("PEDRO MENA FORMER DEFENSE MINISTER", "", "FORMER GOVERNMENT OFFICIAL"),
        ("PEDRO MENA DEFENSE MINISTER", "", "GOVERNMENT OFFICIAL"),
        ("PRESIDENT OF THE SUPREME COURT", "", "LEGAL OR JUDICIAL"),
        ("CONGRESS PRESIDENT", "", "GOVERNMENT OFFICIAL"),
        ("SECURITY OFFICERS", "", "SECURITY GUARD"),
        ("GUARDS", "THE GUARDS OF THE FACTORY", "SECURITY GUARD"),
        # 'general' of an office is no rank; a name or a trade is no role
        ("PARTY SECRETARY GENERAL", "", "GOVERNMENT OFFICIAL"),
        ("PEDRO MENA", "THE POLICE FOUND PEDRO MENA", "CIVILIAN"),
        ("TEACHER", "", "CIVILIAN"),
        # 'president' alone heads the state; a party's or a union's does not
        ("ANA RIOS PRESIDENT", "", "GOVERNMENT OFFICIAL"),
        ("ANA RIOS FORMER PRESIDENT", "", "FORMER GOVERNMENT OFFICIAL"),
        ("PRESIDENT OF THE REPUBLIC", "", "GOVERNMENT OFFICIAL"),
        ("PEDRO MENA NATIONAL FRONT PRESIDENT", "", "CIVILIAN"),
        ("PRESIDENT OF THE CHESS CLUB", "", "CIVILIAN"),
        # a party's members are political figures
        ("PARTY MILITANTS", "", "POLITICAL FIGURE"),
        ("PEDRO MENA MEMBER OF THE GREEN PARTY", "", "POLITICAL FIGURE"),
        # a relative is of no one's kind but his own
        ("ANA RIOS WIFE OF COLONEL PEDRO MENA", "", "CIVILIAN"),
        ("DAUGHTER OF THE CHILEAN AMBASSADOR", "", "CIVILIAN"),
        ("THE MAYOR'S SON", "", "CIVILIAN"),
        ("THE AGENT'S 2-YEAR-OLD SON", "", "CIVILIAN"),
        # a candidate holds no office yet
        ("ANA RIOS CANDIDATE FOR MAYOR OF SOACHA", "", "POLITICAL FIGURE"),
        ("SONS", "", "CIVILIAN"),
        ("PEDRO MENA CHARGE D'AFFAIRES", "", "DIPLOMAT"),
        # a private citizen holds no rank
        ("PRIVATE CITIZENS", "", "CIVILIAN"),
        ("ANA RIOS PRIVATE", "THE ARMY SAID PRIVATE ANA RIOS DIED", "ACTIVE MILITARY"),
        # the police and the civil defense enforce the law, the national guard is a force
        ("PEDRO MENA POLICE DEPARTMENT CHIEF", "", "LAW ENFORCEMENT"),
        ("A POLICE OFFICIAL", "", "LAW ENFORCEMENT"),
        ("CIVIL DEFENSE MEMBERS", "", "LAW ENFORCEMENT"),
        ("NATIONAL GUARD UNITS", "", "ACTIVE MILITARY"),
        ("U.S. MARINE", "", "ACTIVE MILITARY"),
        ("WIFE OF A POLICEMAN", "", "CIVILIAN"),
        # officials of an embassy are diplomats, of the courts judicial
        ("EMBASSY OFFICIALS", "", "DIPLOMAT"),
        ("JUDICIAL OFFICIALS", "", "LEGAL OR JUDICIAL"),
        ("FINANCE OFFICIALS", "", "GOVERNMENT OFFICIAL"),
        # lawyers and investigators serve the law; the police's investigators enforce it
        ("ANA RIOS UNIVERSITY LAWYER", "", "LEGAL OR JUDICIAL"),
        ("MEMBERS OF A LEGAL COMMISSION", "", "LEGAL OR JUDICIAL"),
        ("INVESTIGATORS", "", "LEGAL OR JUDICIAL"),
        ("POLICE INVESTIGATORS", "", "LAW ENFORCEMENT"),
    ],
)
def test_muc4_human_target_type_from_ranks_former_roles_and_courts(text, context, kind) -> None:
    from threatline.evaluate.muc4 import _human_target_type

    actor = Actor(id="x", name="x", kind="person")
    assert _human_target_type(actor, text, context) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("POLICE OFFICERS", "LAW ENFORCEMENT"),
        ("ARMY OFFICERS", "ACTIVE MILITARY"),
        ("SOLDIERS", "ACTIVE MILITARY"),
        ("AGENTS", "LAW ENFORCEMENT"),
    ],
)
def test_muc4_officers_of_a_force_are_of_its_kind(text, kind) -> None:
    from threatline.evaluate.muc4 import _human_target_type

    actor = Actor(id="x", name="x", kind="security_force")
    assert _human_target_type(actor, text) == kind


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("WOMEN", "PLURAL"),
        ("POLICEMEN", "PLURAL"),
        ("PEOPLE", "PLURAL"),
        ("PASSERSBY", "PLURAL"),
        ("WOMAN", "1"),
    ],
)
def test_muc4_plural_nouns_without_a_plural_ending_count_as_plural(text, number) -> None:
    from threatline.evaluate.muc4 import _count

    assert _count(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PUBLIC BUS", "1"),
        ("PARTY HEADQUARTERS", "1"),
        ("CHURCH OF THE HOLY MARTYRS", "1"),
        ("UNIVERSITY OF THE ANDES", "1"),
        ("OFFICES OF A LAWYER", "PLURAL"),
        ("POSTS OF THE POWER NETWORK", "PLURAL"),
        ("ONE OF THE WAREHOUSES", "1"),
        ("GROUP OF PEASANTS", "PLURAL"),
        ("SEVERAL OF THE SHOPS", "PLURAL"),
    ],
)
def test_muc4_a_description_is_counted_by_its_head_noun(text, number) -> None:
    from threatline.evaluate.muc4 import _count

    assert _count(text) == number


@pytest.mark.parametrize(
    ("text", "phrase", "number"),
    [
        ("Gunmen killed 16 peasants in Soacha.", "peasants", "16"),
        # a count a modifier qualifies is written as part1 writes it (slot 21)
        ("Gunmen killed about six peasants in Soacha.", "peasants", "~6"),
        ("Gunmen killed at least six peasants in Soacha.", "peasants", "6-"),
        ("Gunmen killed more than 30 peasants in Soacha.", "peasants", "30-"),
        # a count of some of a group, or of others like them
        ("Gunmen killed two of his bodyguards in Soacha.", "bodyguards", "2"),
        ("Gunmen killed one of his bodyguards in Soacha.", "bodyguards", "1"),
        ("Gunmen killed two other peasants in Soacha.", "peasants", "2"),
        # a year or no count before the group: only its plural
        ("Since 1989 peasants were killed by Gunmen in Soacha.", "peasants", "PLURAL"),
        ("Gunmen killed peasants in Soacha.", "peasants", "PLURAL"),
    ],
)
def test_muc4_the_count_told_before_a_group_is_its_number(text, phrase, number) -> None:
    trigger = "killed"
    report = _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", phrase, "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": trigger,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [(f.value, f.xref) for f in template.slot(21).fillers] == [(number, (phrase.upper(),))]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Gunmen killed at least five persons in Soacha.", "5-"),
        # told plainly once: the count stands
        ("Gunmen killed at least five persons in Soacha. The five persons were farmers.", "5"),
    ],
)
def test_muc4_a_count_in_a_groups_words_keeps_its_modifier(text, number) -> None:
    start = text.index("five persons")
    begin = text.index("at least five persons")
    mentions = [(begin, start + len("five persons"))]
    if text.count("five persons") > 1:
        later = text.index("five persons", start + 1)
        mentions.append((later, later + len("five persons")))
    report = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "at least five persons", "civilians", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    report.actors[1].mentions = mentions
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(21).fillers] == [number]


def test_muc4_merged_templates_give_a_target_one_type_and_number() -> None:
    into = make()
    into.slots[20] = SlotFill(fillers=[Filler(("CIVILIAN",), ("ANA RIOS",))])
    into.slots[21] = SlotFill(fillers=[Filler(("PLURAL",), ("PEASANTS",))])
    other = make()
    other.slots[20] = SlotFill(
        fillers=[
            Filler(("GOVERNMENT OFFICIAL",), ("ANA RIOS",)),
            Filler(("CIVILIAN",), ("LUIS SOTO",)),
        ]
    )
    other.slots[21] = SlotFill(fillers=[Filler(("5",), ("PEASANTS",))])
    _merge_into(into, other)
    assert [(f.value, f.xref) for f in into.slot(20).fillers] == [
        ("GOVERNMENT OFFICIAL", ("ANA RIOS",)),
        ("CIVILIAN", ("LUIS SOTO",)),
    ]
    assert [f.value for f in into.slot(21).fillers] == ["5"]
    # a type a role gave stays over a later CIVILIAN
    again = make()
    again.slots[20] = SlotFill(fillers=[Filler(("CIVILIAN",), ("ANA RIOS",))])
    _merge_into(into, again)
    assert [f.value for f in into.slot(20).fillers] == ["GOVERNMENT OFFICIAL", "CIVILIAN"]
    # a person described first keeps the type of that description
    titled = make()
    titled.slots[19] = SlotFill(fillers=[Filler(("MSGR",), ("LUIS SOTO",))])
    titled.slots[20] = SlotFill(fillers=[Filler(("CIVILIAN",), ("LUIS SOTO",))])
    other = make()
    other.slots[20] = SlotFill(fillers=[Filler(("LAW ENFORCEMENT",), ("LUIS SOTO",))])
    _merge_into(titled, other)
    assert [f.value for f in titled.slot(20).fillers] == ["CIVILIAN"]


def _victims_report(text: str, names: list[str]) -> ArticleReport:
    actors = [("a0", "Gunmen", "armed_group", False)]
    actors += [(f"a{i}", name, "person", False) for i, name in enumerate(names, start=1)]
    participants = [Participant(actor="a0", role="perpetrator")]
    participants += [Participant(actor=f"a{i}", role="victim") for i in range(1, len(names) + 1)]
    return _article_report(
        text,
        actors,
        [{"type": "armed_assault", "trigger": "killed", "participants": participants}],
    )


@pytest.mark.parametrize(
    ("text", "names", "descriptions"),
    [
        (
            "Gunmen killed corporal Ana Rios, corporal Luis Soto and others.",
            ["Ana Rios", "Luis Soto"],
            [("CORPORAL", ("ANA RIOS",)), ("CORPORAL", ("LUIS SOTO",))],
        ),
        # a role told once is one name's
        (
            "Gunmen killed colonel Ana Rios and Luis Soto in Oruro.",
            ["Ana Rios", "Luis Soto"],
            [("COLONEL", ("ANA RIOS",))],
        ),
    ],
)
def test_muc4_each_name_has_the_role_told_before_it(text, names, descriptions) -> None:
    (template,) = report_to_templates(_victims_report(text, names))
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == descriptions


@pytest.mark.parametrize(
    ("text", "victim", "kind", "nations"),
    [
        (
            "Gunmen killed two U.S. missionaries in Lima.",
            "missionaries",
            "civilians",
            ["UNITED STATES"],
        ),
        ("Gunmen killed Ana Rios, a U.S. nun, in Lima.", "Ana Rios", "person", ["UNITED STATES"]),
        # 'us' is no nation; an apposition must open with an article
        ("A man told us that gunmen killed Ana Rios in Lima.", "Ana Rios", "person", []),
        ("Gunmen killed Ana Rios, who met U.S. envoys, in Lima.", "Ana Rios", "person", []),
        # an origin told after the name; a country's name in a surname is none
        (
            "Gunmen seized Carla Benedetti, 40, from Italy, in Lima.",
            "Carla Benedetti",
            "person",
            ["ITALY"],
        ),
        (
            "Gunmen seized Carla Benedetti, from France, in Lima.",
            "Carla Benedetti",
            "person",
            ["FRANCE"],
        ),
        ("Gunmen seized Carla Benedetti, from Callao, in Lima.", "Carla Benedetti", "person", []),
        ("Gunmen seized Marco Panama in Lima.", "Marco Panama", "person", []),
        # a phrase set before the name, a title between
        ("Gunmen shot the Chilean nun, Sister Ana Rios, in Lima.", "Ana Rios", "person", ["CHILE"]),
        (
            "The Chilean nun, who saw it, said gunmen shot Ana Rios in Lima.",
            "Ana Rios",
            "person",
            [],
        ),
        # a pronoun is not in apposition to the phrase before it
        ("Gunmen shot a man known as the Chilean, his neighbor said in Lima.", "his", "person", []),
        # a group's members counted by their nations
        (
            "Gunmen killed six priests, five of them Spaniards, in Lima.",
            "priests",
            "civilians",
            ["SPAIN"],
        ),
        (
            "Gunmen killed the monks -- four Spanish citizens and one Peruvian -- in Lima.",
            "monks",
            "civilians",
            ["SPAIN"],
        ),
        ("Gunmen killed six priests, five of them in bed, in Lima.", "priests", "civilians", []),
        ("Gunmen killed Ana Rios, two Spaniards said in Lima.", "Ana Rios", "person", []),
    ],
)
def test_muc4_a_victim_s_nation_from_the_words_before_him_or_his_apposition(
    text, victim, kind, nations
) -> None:
    from threatline.evaluate.muc4 import _fill_foreign_nations, _settle_foreign_nations

    article = Article(id="a", text=text)
    actor = Actor(id="v", name=victim, kind=kind, mentions=_spans(text, victim))
    template = MucTemplate(message_id="m")
    template.slots[3] = parse_slot(3, ["PERU: LIMA (CITY)"])
    template.slots[12] = SlotFill()
    _fill_foreign_nations(template, [actor], article)
    _settle_foreign_nations(template)
    assert [f.value for f in template.slot(22).fillers] == nations


@pytest.mark.parametrize(
    ("text", "nations"),
    [
        (
            "Rebels seized the Chilean engineers Pedro Valdivia, Ana Rios, and Luis Soto.",
            [("CHILE", ("PEDRO VALDIVIA",)), ("CHILE", ("ANA RIOS",)), ("CHILE", ("LUIS SOTO",))],
        ),
        # a name with a nation of its own keeps it; a lead in the singular is one man's
        (
            "Rebels seized the Chilean engineers Pedro Valdivia, Peruvian Ana Rios and Luis Soto.",
            [("CHILE", ("PEDRO VALDIVIA",))],
        ),
        (
            "Rebels seized the Chilean engineer Pedro Valdivia, Ana Rios, and Luis Soto.",
            [("CHILE", ("PEDRO VALDIVIA",))],
        ),
    ],
)
def test_muc4_names_listed_after_a_nation_and_a_plural_noun_share_the_nation(text, nations) -> None:
    from threatline.evaluate.muc4 import _fill_foreign_nations, _settle_foreign_nations

    article = Article(id="a", text=text)
    names = ["Pedro Valdivia", "Ana Rios", "Luis Soto"]
    actors = [
        Actor(id=f"v{i}", name=name, kind="person", mentions=_spans(text, name))
        for i, name in enumerate(names)
    ]
    template = MucTemplate(message_id="m")
    template.slots[3] = parse_slot(3, ["PERU: LIMA (CITY)"])
    template.slots[12] = SlotFill()
    _fill_foreign_nations(template, actors, article)
    _settle_foreign_nations(template)
    assert [(f.value, f.xref) for f in template.slot(22).fillers] == nations


def test_muc4_a_victim_s_nation_is_told_against_the_incident_s_settled_place() -> None:
    from threatline.evaluate.muc4 import _fill_foreign_nations, _settle_foreign_nations

    text = "Gunmen killed two U.S. missionaries and a Peruvian teacher."
    article = Article(id="a", text=text)
    victims = [
        Actor(id="m", name="missionaries", kind="civilians", mentions=_spans(text, "missionaries")),
        Actor(id="t", name="teacher", kind="civilians", mentions=_spans(text, "teacher")),
    ]

    def settled(first: str, final: str) -> list[str]:
        template = MucTemplate(message_id="m")
        template.slots[3] = parse_slot(3, [first])
        template.slots[12] = SlotFill()
        _fill_foreign_nations(template, victims, article)
        template.slots[3] = parse_slot(3, [final])  # the place the writer settles on
        _settle_foreign_nations(template)
        return [f.value for f in template.slot(22).fillers]

    # a place first misread as the victims' own country does not hide their nation
    assert settled("UNITED STATES", "PERU: LIMA (CITY)") == ["UNITED STATES"]
    # a victim of the settled place's own country has no foreign nation
    assert settled("PERU", "UNITED STATES") == ["PERU"]
    assert settled("PERU", "PERU") == ["UNITED STATES"]


def test_muc4_an_event_without_a_place_takes_the_article_s_country() -> None:
    from threatline.evaluate.muc4 import event_to_template

    report = _victims_report("Gunmen killed the Spanish priest Ana Rios.", ["Ana Rios"])
    actors = {a.id: a for a in report.actors}
    (event,) = report.events
    template = event_to_template(event, report.article, actors, {}, "m", fallback_country="PERU")
    assert template is not None
    assert [f.value for f in template.slot(3).fillers] == ["PERU"]
    assert [f.value for f in template.slot(22).fillers] == ["SPAIN"]
    bare = event_to_template(event, report.article, actors, {}, "m")
    assert bare is not None and not bare.slot(22).fillers


@pytest.mark.parametrize(
    ("victim_kind", "dated", "kept"),
    [
        ("civilians", True, True),
        ("security_force", True, False),
        ("civilians", False, False),
    ],
)
def test_muc4_a_dated_clash_that_harms_civilians_is_an_attack(
    victim_kind: str, dated: bool, kept: bool
) -> None:
    """A fight between rebels and soldiers is warfare, not a MUC-4 incident; one that
    wounds civilians on a day the text gives is an attack on them (part1 1.0, point 2);
    an undated one is told of fighting in general."""
    victim = "two farmers" if victim_kind == "civilians" else "army patrol"
    report = _article_report(
        "Rebels of the Eastern Column clashed with an army patrol near Valle Hondo today, "
        "wounding two farmers.",
        [("a1", "Rebels", "armed_group", False), ("a2", victim, victim_kind, False)],
        [
            {
                "type": "armed_clash",
                "trigger": "clashed",
                "time": TimeSpan(text="today", start=dt.date(1990, 3, 12), end=dt.date(1990, 3, 12))
                if dated
                else None,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    templates = report_to_templates(report)
    assert bool(templates) is kept
    if kept:
        assert [f.value for f in templates[0].slot(4).fillers] == ["ATTACK"]
        assert [f.value for f in templates[0].slot(19).fillers] == ["FARMERS"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Pedro Valdivia, a reporter for Radio Sol, was killed today in a shootout.", True),
        ("Radio Sol cameraman Pedro Valdivia was killed today in a shootout.", True),
        ("Pedro Valdivia, the mayor of San Lucas, was killed today in a shootout.", True),
        ("Judge Pedro Valdivia was killed today in a shootout.", True),
        # a fighter, or a name alone, may be one of those who fought
        ("Pedro Valdivia, a commander of the Northern Front, was killed today in a fight.", False),
        ("Pedro Valdivia was killed today in a shootout.", False),
    ],
)
def test_muc4_a_dated_clash_that_kills_the_press_or_an_official_is_an_attack(
    text: str, kept: bool
) -> None:
    """One of the press or an official killed in a fight is no fighter: like a civilian,
    he is the victim of an attack (part1 1.0, point 2)."""
    today = dt.date(1990, 3, 12)
    report = _article_report(
        text,
        [("a1", "Pedro Valdivia", "person", False)],
        [
            {
                "type": "armed_clash",
                "trigger": "killed",
                "time": TimeSpan(text="today", start=today, end=today),
                "participants": [Participant(actor="a1", role="victim")],
            }
        ],
    )
    templates = report_to_templates(report)
    assert bool(templates) is kept
    if kept:
        assert [f.value for f in templates[0].slot(4).fillers] == ["ATTACK"]
        assert [f.value for f in templates[0].slot(18).fillers] == ["PEDRO VALDIVIA"]


@pytest.mark.parametrize(
    ("text", "trigger", "victim", "victim_kind", "named_force", "category"),
    [
        (
            "Soldiers of the Fourth Brigade killed three union members in Valle Hondo.",
            "killed",
            "three union members",
            "other",
            True,
            "STATE-SPONSORED VIOLENCE",
        ),
        (
            "Soldiers of the Fourth Brigade murdered Ana Rios in Valle Hondo.",
            "murdered",
            "Ana Rios",
            "person",
            True,
            "STATE-SPONSORED VIOLENCE",
        ),
        (
            "The attack of the Fourth Brigade killed two farmers in Valle Hondo.",
            "attack",
            "two farmers",
            "civilians",
            False,
            "STATE-SPONSORED VIOLENCE",
        ),
        # fighters killed by the troops: warfare, not an attack
        (
            "Soldiers of the Fourth Brigade killed six rebels in Valle Hondo.",
            "killed",
            "six rebels",
            "armed_group",
            True,
            None,
        ),
        (
            "Soldiers of the Fourth Brigade killed two policemen in Valle Hondo.",
            "killed",
            "two policemen",
            "security_force",
            True,
            None,
        ),
        # a raid, or an attack that kills no one, is no killing
        (
            "Soldiers of the Fourth Brigade raided three union members in Valle Hondo.",
            "raided",
            "three union members",
            "other",
            True,
            None,
        ),
        (
            "The attack of the Fourth Brigade frightened two farmers in Valle Hondo.",
            "attack",
            "two farmers",
            "civilians",
            False,
            None,
        ),
    ],
)
def test_muc4_troops_killing_unarmed_people_is_an_attack(
    text: str,
    trigger: str,
    victim: str,
    victim_kind: str,
    named_force: bool,
    category: str | None,
) -> None:
    """The state's forces killing people who are neither fighters nor troops commit an
    attack on them, of the state's violence (part1 1.0, point 2); killing rebels or raiding
    a house is an operation of war or of police, no MUC-4 incident."""
    actors = [("a2", victim, victim_kind, False)]
    participants = [Participant(actor="a2", role="target")]
    if named_force:
        actors.append(("a1", "Soldiers", "security_force", False))
        participants.append(Participant(actor="a1", role="security_force"))
    toll = Quantity(min=2, max=2, text="two") if "killed two" in text else None
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "security_operation",
                "trigger": trigger,
                "participants": participants,
                "fatalities": toll,
            }
        ],
    )
    templates = report_to_templates(report)
    if category is None:
        assert templates == []
        return
    (template,) = templates
    assert [f.value for f in template.slot(4).fillers] == ["ATTACK"]
    assert [f.value for f in template.slot(8).fillers] == [category]
    assert bool(template.slot(9).fillers or template.slot(10).fillers) is named_force


@pytest.mark.parametrize(
    ("second", "trigger", "n_templates"),
    [
        ("Another bomb went off at the Norte bakery.", "went off", 2),
        ("A third explosion damaged the Norte bakery.", "explosion", 2),
        ("The explosion also damaged the Norte bakery.", "explosion", 1),
        # 'another' of another noun phrase: the car, the one before
        ("Men in another car then blew up the Norte bakery.", "blew up", 1),
        ("It was another that blew up the Norte bakery.", "blew up", 1),
        # a sentence that opens on a time told from another act's
        ("Three days earlier, a bomb damaged the Norte bakery.", "damaged", 2),
        ("The following Sunday a bomb damaged the Norte bakery.", "damaged", 2),
        ("On that very day, a bomb damaged the Norte bakery.", "damaged", 2),
        ("Moments later the explosion also damaged the Norte bakery.", "explosion", 1),
    ],
)
def test_muc4_another_explosion_is_another_incident(
    second: str, trigger: str, n_templates: int
) -> None:
    """Two bombings in one town with nothing to tell them apart are one incident (part1
    5.0); 'another bomb', 'a third explosion', 'three days earlier, a bomb' tell them apart."""
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    built = _article_report(
        "A bomb exploded at the Valdivia bank in Lima. " + second,
        [],
        [
            {
                "type": "bombing",
                "trigger": word,
                "physical": [target],
                "place": EventPlace(id="P1", text="Lima", precision=1),
            }
            for word, target in (("exploded", "Valdivia bank"), (trigger, "Norte bakery"))
        ],
    )
    templates = report_to_templates(built.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("second", "trigger", "target", "victim", "n_templates"),
    [
        # the general word 'attack' on the thing the bomb hit: the bombing told again
        ("The attack on the Sur pipeline cut the fuel supply.", "attack", "Sur pipeline", None, 1),
        # the words of the bombing's target, in order, with more of its own
        (
            "The attack on the Sur oil pipeline cut the fuel supply.",
            "attack",
            "Sur oil pipeline",
            None,
            1,
        ),
        # another target, another act
        ("The attack on the Norte bridge cut the road.", "attack", "Norte bridge", None, 2),
        # things of the kind the bomb hit, told in the plural
        (
            "The attacks on the Sur pipelines cut the fuel supply.",
            "attacks",
            "Sur pipelines",
            None,
            1,
        ),
        # a word the two share that heads neither names no one kind of thing
        ("The attack on the Sur bridge cut the road.", "attack", "Sur bridge", None, 2),
        # a way of doing it of its own: a shooting is no bomb
        ("Gunmen shot at the Sur pipeline guards.", "shot", "Sur pipeline", None, 2),
        # people harmed of whom the bombing tells none
        (
            "Pedro Valdivia died in the attack on the Sur pipeline.",
            "attack",
            "Sur pipeline",
            "Pedro Valdivia",
            2,
        ),
        # the text counts it apart
        (
            "Another attack on the Sur pipeline cut the fuel supply.",
            "attack",
            "Sur pipeline",
            None,
            2,
        ),
    ],
)
def test_muc4_an_attack_on_the_thing_a_bomb_hit_is_that_bombing(
    second: str, trigger: str, target: str, victim: str | None, n_templates: int
) -> None:
    """'A bomb destroyed the pipeline ... the attack on the pipeline' is one bombing (part1
    5.0): the general word tells the same act again, not a second incident."""
    text = "A bomb tore open the Sur pipeline in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    actors = [("a1", victim, "person", False)] if victim else []
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "bombing",
                "trigger": "tore open",
                "physical": ["Sur pipeline"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
            },
            {
                "type": "armed_assault" if trigger == "shot" else "attack",
                "trigger": trigger,
                "physical": [target],
                "participants": ([Participant(actor="a1", role="victim")] if victim else []),
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates
    assert [f.value for f in templates[0].slot(4).fillers] == ["BOMBING"]


@pytest.mark.parametrize(
    ("bombed", "over_days", "attack_first", "types"),
    [
        # the bombs hurled at the power station the rebels stormed: one attack
        (["Sur power station"], False, True, [["ATTACK"]]),
        # the bombs hit a bridge the attack did not: a bombing of its own
        (["Sur power station", "Norte bridge"], False, True, [["ATTACK"], ["BOMBING"]]),
        # acts told over a span of days may be several acts on one target
        (["Sur power station"], True, True, [["ATTACK"], ["BOMBING"]]),
        # a bombing told first is an act of its own that the attack followed
        (["Sur power station"], False, False, [["BOMBING"], ["ATTACK"]]),
    ],
)
def test_muc4_bombs_thrown_at_what_an_attack_hit_are_that_attack(
    bombed: list[str], over_days: bool, attack_first: bool, types: list[list[str]]
) -> None:
    """'Rebels stormed the station ... bombs were hurled at the station': a bombing told after
    an attack, of only what the attack hit, on the same day and in the same town, tells how
    the attack was done (part1 5.0); the attack stays an ATTACK."""
    attack = "Rebels stormed the Sur power station in Lima. "
    bombing = "Bombs were hurled at the Sur power station and the Norte bridge. "
    text = attack + bombing if attack_first else bombing + attack
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    days = (
        TimeSpan(text="this week", start=dt.date(1990, 3, 9), end=dt.date(1990, 3, 11))
        if over_days
        else None
    )
    events: list[dict[str, object]] = [
        {
            "type": "armed_assault",
            "trigger": "stormed",
            "physical": ["Sur power station"],
            "place": EventPlace(id="P1", text="Lima", precision=1),
            "time": days,
        },
        {
            "type": "bombing",
            "trigger": "hurled",
            "physical": bombed,
            "place": EventPlace(id="P1", text="Lima", precision=1),
            "time": days,
        },
    ]
    report = _article_report(text, [], events if attack_first else events[::-1])
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert [[f.value for f in t.slot(4).fillers] for t in templates] == types


def test_muc4_people_hurt_in_an_attack_on_what_a_bomb_hit_are_those_the_bombing_hurt() -> None:
    """'A bomb wounded two guards ... the attack left five people hurt': when the bombing
    tells of people harmed too, those the general word tells of are no sign of a second act."""
    text = (
        "A bomb tore open the Sur pipeline in Lima and wounded two guards. "
        "The attack on the Sur pipeline left five people hurt."
    )
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    report = _article_report(
        text,
        [("a1", "two guards", "person", False), ("a2", "five people", "person", False)],
        [
            {
                "type": "bombing",
                "trigger": "tore open",
                "physical": ["Sur pipeline"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [Participant(actor="a1", role="victim")],
            },
            {
                "type": "attack",
                "trigger": "attack",
                "physical": ["Sur pipeline"],
                "participants": [Participant(actor="a2", role="victim")],
            },
        ],
    )
    (template,) = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert [f.value for f in template.slot(4).fillers] == ["BOMBING"]


@pytest.mark.parametrize(
    ("a", "b", "one_kind"),
    [
        ({"BANK BRANCHES"}, {"BANKS"}, True),
        ({"PIPELINE"}, {"NORTHERN OIL PIPELINE"}, True),
        ({"POLICE STATION"}, {"POLICE VEHICLE"}, False),
        ({"SUR BRIDGE"}, {"SUR PIPELINE"}, False),
    ],
)
def test_muc4_targets_of_one_kind_share_a_head_noun(
    a: set[str], b: set[str], one_kind: bool
) -> None:
    assert _one_kind_of_thing_hit(a, b) == one_kind
    assert _one_kind_of_thing_hit(b, a) == one_kind


@pytest.mark.parametrize(
    ("second", "trigger", "n_templates"),
    [
        # 'the attack' with nothing after it that says which: the one told before
        ("His driver Juan Soto was wounded in the attack.", "attack", 1),
        ("During the assault, his driver Juan Soto was wounded.", "assault", 1),
        # an attack of its own
        ("His driver Juan Soto was wounded in an attack.", "attack", 2),
        ("His driver Juan Soto was wounded in the attack on the Norte bank.", "attack", 2),
    ],
)
def test_muc4_the_attack_told_with_the_article_is_the_one_before(
    second: str, trigger: str, n_templates: int
) -> None:
    """'Rebels shot Pedro Valdivia in Lima. His driver was wounded in the attack': the act
    named with 'the' and nothing after it is the one just told, though its victim differs."""
    text = "Rebels shot Pedro Valdivia in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    report = _article_report(
        text,
        [
            ("a1", "Rebels", "armed_group", False),
            ("a2", "Pedro Valdivia", "person", False),
            ("a3", "Juan Soto", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "attack",
                "trigger": trigger,
                "physical": ["Norte bank"] if "Norte bank" in text else [],
                "participants": [Participant(actor="a3", role="victim")],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("doers", "n_templates"),
    [
        # one band told by its own long description: one act on both
        ("A dozen men in grey raincoats", 1),
        # a short kind of doers may be several bands
        ("Urban guerrillas", 2),
    ],
)
def test_muc4_one_band_described_at_length_is_one_incident(doers: str, n_templates: int) -> None:
    """Two victims apart, each killed by doers told with one long description on one day
    and in one town, are one incident; a short kind of doers does not join them."""
    text = f"{doers} shot Pedro Valdivia in Lima. Later {doers.lower()} killed Juan Soto."
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    second = doers.lower()
    report = _article_report(
        text,
        [
            ("a1", doers, "other", False),
            ("a2", "Pedro Valdivia", "person", False),
            ("a3", second, "other", False),
            ("a4", "Juan Soto", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a3", role="perpetrator"),
                    Participant(actor="a4", role="victim"),
                ],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(("opening", "n_templates"), [("A bomb", 1), ("Another bomb", 2)])
def test_muc4_templates_joined_by_a_target_told_later_are_one_incident(
    opening: str, n_templates: int
) -> None:
    """Two templates apart by their targets until a later sentence tells one blast hit
    both are one incident, whatever the order their events came in; 'another bomb' keeps
    them apart."""
    text = (
        "Rebels bombed the Valdivia bank in Lima. "
        + opening
        + " damaged the Norte bakery. The blast at the Valdivia bank shattered the Norte bakery."
    )
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    rebels = [Participant(actor="a1", role="perpetrator")]
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["Valdivia bank"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": rebels,
            },
            {"type": "bombing", "trigger": "damaged", "physical": ["Norte bakery"]},
            {
                "type": "bombing",
                "trigger": "blast",
                "physical": ["Valdivia bank", "Norte bakery"],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The Northern Front has stepped up its attacks.", False),
        ("The Northern Front attacked in Valle Hondo.", True),
    ],
)
def test_muc4_a_group_s_attacks_with_no_target_day_or_town_are_no_incident(
    text: str, kept: bool
) -> None:
    """A group named with no target, no date of its own and no town tells of its attacks
    in general, not of a specific incident (part1 1.0)."""
    town = "Valle Hondo" in text
    report = _article_report(
        text,
        [("a1", "Northern Front", "armed_group", True)],
        [
            {
                "type": "attack",
                "trigger": "attack",
                "place": EventPlace(id="P1", text="Valle Hondo", precision=1) if town else None,
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    hondo = Place(id="P1", name="Valle Hondo", country="SV", level="settlement")
    report = report.model_copy(update={"places": [hondo] if town else []})
    assert bool(report_to_templates(report)) is kept


@pytest.mark.parametrize(
    ("text", "doer", "kept"),
    [
        # a group alone on a day, with no target and no town: its campaign that day
        ("The Northern Front attacked on 10 March.", "Northern Front", False),
        # rebels of its own who did it, a target or a town make it an incident
        ("Rebels of the Northern Front attacked on 10 March.", "Rebels", True),
        ("The Northern Front attacked Pedro Valdivia on 10 March.", "Northern Front", True),
        ("The Northern Front attacked in Valle Hondo on 10 March.", "Northern Front", True),
    ],
)
def test_muc4_a_group_alone_on_a_day_with_no_target_or_town_is_no_incident(
    text: str, doer: str, kept: bool
) -> None:
    town = "Valle Hondo" in text
    actors = [("a1", doer, "armed_group", doer == "Northern Front")]
    participants = [Participant(actor="a1", role="perpetrator")]
    if "Pedro Valdivia" in text:
        actors.append(("a2", "Pedro Valdivia", "person", False))
        participants.append(Participant(actor="a2", role="victim"))
    day = TimeSpan(text="10 March", start=dt.date(1990, 3, 10), end=dt.date(1990, 3, 10))
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "attack",
                "trigger": "attacked",
                "time": day,
                "place": EventPlace(id="P1", text="Valle Hondo", precision=1) if town else None,
                "participants": participants,
            }
        ],
    )
    hondo = Place(id="P1", name="Valle Hondo", country="SV", level="settlement")
    salvador = Place(id="P2", name="El Salvador", country="SV", level="country")
    places = [hondo, salvador] if town else [salvador]
    report = report.model_copy(update={"places": places, "timexes": [day]})
    templates = report_to_templates(report)
    assert bool(templates) is kept
    if kept:
        assert [f.value for f in templates[0].slot(2).fillers] == ["10 MAR 90"]


def _inferred_group_template(second: str, group: str) -> MucTemplate:
    """The template of a bombing by ``group``, whose doer the sentence ``second`` (after
    the one that tells the bombing) ties to it."""
    text = f"A bomb hit the Central Bank in Santa Rosa. {second}"
    start = text.index(second)
    report = _article_report(
        text,
        [("a1", group, "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bomb",
                "physical": ["Central Bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
                "attributions": [
                    Attribution(source="article", stance="asserts"),
                    Attribution(
                        source="context", stance="assumes", start=start, end=start + len(second)
                    ),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    return template


@pytest.mark.parametrize(
    ("second", "confidence"),
    [
        # the doers were inferred from a sentence in which the police suspect the group
        ("The police suspect the Northern Front.", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
        ("Witnesses blamed the Northern Front.", "SUSPECTED OR ACCUSED"),
        # army sources tie the doers to the group; the government condemns its deed
        (
            "Army sources link the gunmen to the Northern Front.",
            "SUSPECTED OR ACCUSED BY AUTHORITIES",
        ),
        (
            "The government condemned the raid by the Northern Front.",
            "SUSPECTED OR ACCUSED BY AUTHORITIES",
        ),
        ("Local priests condemned the Northern Front.", "SUSPECTED OR ACCUSED"),
        # 'links' that tie the group to no one: no charge
        ("The Northern Front has old links with the coffee growers.", "REPORTED AS FACT"),
        # a sentence that only names the group reports it as the actor
        ("The Northern Front is active in the town.", "REPORTED AS FACT"),
    ],
)
def test_muc4_an_inferred_group_is_suspected_where_its_sentence_suspects_it(
    second: str, confidence: str
) -> None:
    template = _inferred_group_template(second, "Northern Front")
    assert [(f.value, f.xref) for f in template.slot(11).fillers] == [
        (confidence, ("NORTHERN FRONT",))
    ]


@pytest.mark.parametrize(
    ("second", "confidence"),
    [
        # 'alleged' doubts the doers as 'allegedly' does; the group's own name ('Armed
        # Forces') is no authority that suspects it
        (
            "Some say alleged members of the ninth urban column of the People's Armed Forces "
            "did it.",
            "SUSPECTED OR ACCUSED",
        ),
        (
            "The army says alleged members of the People's Armed Forces did it.",
            "SUSPECTED OR ACCUSED BY AUTHORITIES",
        ),
        ("Members of the People's Armed Forces did it.", "REPORTED AS FACT"),
    ],
)
def test_muc4_a_group_whose_name_holds_armed_forces_is_no_authority_on_itself(
    second: str, confidence: str
) -> None:
    template = _inferred_group_template(second, "People's Armed Forces")
    assert [f.value for f in template.slot(11).fillers] == [confidence]


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        ("Alleged members of the Northern Front bombed the Central Bank.", "SUSPECTED OR ACCUSED"),
        ("Suspected Northern Front rebels bombed the Central Bank.", "SUSPECTED OR ACCUSED"),
        ("Members of the Northern Front bombed the Central Bank.", "REPORTED AS FACT"),
        # the modifier belongs to another phrase, across a clause break
        ("In an alleged plot, the Northern Front bombed the Central Bank.", "REPORTED AS FACT"),
        ("It is possible that the Northern Front bombed the Central Bank.", "POSSIBLE"),
        ("It could have been the Northern Front that bombed the Central Bank.", "POSSIBLE"),
        ("They study the possibility that the Northern Front bombed the Central Bank.", "POSSIBLE"),
        ("The Central Bank was apparently bombed by the Northern Front.", "POSSIBLE"),
        # six words and the quote that opens the name still tie the doubt to the group
        (
            'Police asked whether the Central Bank was bombed by "Northern Front" rebels.',
            "POSSIBLE",
        ),
        (
            'Residents said the Central Bank was bombed by "Northern Front" rebels.',
            "REPORTED AS FACT",
        ),
        # '1 May' is a day, not a possibility
        ("On 1 May the Northern Front bombed the Central Bank.", "REPORTED AS FACT"),
    ],
)
def test_muc4_a_group_named_as_alleged_or_possible_doer_lowers_its_confidence(
    text: str, confidence: str
) -> None:
    report = _article_report(
        text,
        [("a1", "Northern Front", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["Central Bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
                "attributions": [Attribution(source="article", stance="asserts")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(11).fillers] == [confidence]


def _group_in_text(text: str, name: str, kind: str = "armed_group") -> Actor:
    start = text.index(name)
    return Actor(id="a1", name=name, kind=kind, mentions=[(start, start + len(name))])


def _person_in_text(text: str, name: str) -> Actor:
    start = text.index(name)
    return Actor(id="p1", name=name, kind="person", mentions=[(start, start + len(name))])


@pytest.mark.parametrize(
    ("text", "group_kind", "confidence"),
    [
        # a minister's turn of an interview: the authorities charge the group
        (
            "Interview with Justice Minister Ana Ruiz. [BEGIN RECORDING] [RUIZ] We think the "
            "Northern Front bombed the Central Bank.",
            "armed_group",
            "SUSPECTED OR ACCUSED BY AUTHORITIES",
        ),
        # a reporter's turn is no authority's word
        (
            "Interview with reporter Ana Ruiz.\n[RUIZ] We think the Northern Front bombed the "
            "Central Bank.",
            "armed_group",
            "REPORTED AS FACT",
        ),
        # the reporter's turn: his question charges no one
        (
            "Interview with Justice Minister Ana Ruiz.\n[RUIZ] We want peace.\n[REPORTER] Did "
            "The Northern Front bomb the Central Bank?",
            "armed_group",
            "REPORTED AS FACT",
        ),
        # the recording ended: the report's own words follow
        (
            "Interview with Justice Minister Ana Ruiz.\n[RUIZ] We want peace. [END RECORDING] "
            "The Northern Front bombed the Central Bank.",
            "armed_group",
            "REPORTED AS FACT",
        ),
        # an official telling of the state's own force charges no one
        (
            "Interview with Justice Minister Ana Ruiz.\n[RUIZ] The Northern Front raided the "
            "Central Bank.",
            "security_force",
            "REPORTED AS FACT",
        ),
    ],
)
def test_muc4_an_officials_turn_of_a_transcript_is_the_authorities_charge(
    text: str, group_kind: str, confidence: str
) -> None:
    article = Article.from_text(text, title="TST9-MUC4-0006", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front", group_kind)
    minister = _person_in_text(text, "Ana Ruiz")
    sentence = text.index("The Northern Front" if "The Northern" in text else "We think")
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=sentence, end=sentence + 2, text=text[sentence : sentence + 2]),
        evidence=[Span(start=sentence, end=len(text), text=text[sentence:])],
        participants=[Participant(actor="a1", role="perpetrator")],
    )
    actors = {"a1": group, "p1": minister}
    assert perpetrator_confidence(event, group, actors, article=article) == confidence


@pytest.mark.parametrize(
    ("speaker", "confidence"),
    [
        ("Information Secretary Ana Ruiz", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
        ("Colonel Ana Ruiz", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
        # the elected head of state speaks for the authorities before taking office
        ("President-elect Ana Ruiz", "SUSPECTED OR ACCUSED BY AUTHORITIES"),
        ("The lawyer Ana Ruiz", "SUSPECTED OR ACCUSED"),
    ],
)
def test_muc4_an_official_named_with_his_office_accuses_for_the_authorities(
    speaker: str, confidence: str
) -> None:
    text = f"{speaker} accused the Northern Front of the murder."
    article = Article.from_text(text, title="TST9-MUC4-0008", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front")
    official = _person_in_text(text, "Ana Ruiz")
    event = EventMention(
        id="E1",
        type="assassination",
        trigger=Span(start=text.index("murder"), end=text.index("murder") + 6, text="murder"),
        participants=[Participant(actor="a1", role="perpetrator")],
        attributions=[Attribution(source="p1", stance="alleges")],
    )
    actors = {"a1": group, "p1": official}
    assert perpetrator_confidence(event, group, actors, article=article) == confidence


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        (
            "Juan Soto, the leader of the Northern Front, said the kidnapping was political.",
            "CLAIMED OR ADMITTED",
        ),
        (
            "Northern Front military commander Juan Soto said it was political.",
            "CLAIMED OR ADMITTED",
        ),
        ("Juan Soto, a critic of the Northern Front, said it was political.", "REPORTED AS FACT"),
    ],
)
def test_muc4_the_groups_chief_telling_its_act_admits_it(text: str, confidence: str) -> None:
    article = Article.from_text(text, title="TST9-MUC4-0007", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front")
    chief = _person_in_text(text, "Juan Soto")
    event = EventMention(
        id="E1",
        type="kidnapping",
        trigger=Span(start=0, end=4, text=text[:4]),
        participants=[Participant(actor="a1", role="perpetrator")],
        attributions=[Attribution(source="p1", stance="reports")],
    )
    actors = {"a1": group, "p1": chief}
    assert perpetrator_confidence(event, group, actors, article=article) == confidence


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        (
            "In the opinion of the police, the blast at the bank was the work of the "
            "Northern Front.",
            "SUSPECTED OR ACCUSED BY AUTHORITIES",
        ),
        (
            "In the view of the bishop, the blast at the bank was the work of the Northern Front.",
            "SUSPECTED OR ACCUSED",
        ),
        ("The blast at the bank was the work of the Northern Front.", "REPORTED AS FACT"),
    ],
)
def test_muc4_an_opinion_naming_the_doers_makes_them_suspects(text: str, confidence: str) -> None:
    article = Article.from_text(text, title="TST9-MUC4-0011", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front")
    blast = text.index("blast")
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=blast, end=blast + 5, text="blast"),
        evidence=[Span(start=0, end=len(text), text=text)],
        participants=[Participant(actor="a1", role="perpetrator")],
    )
    assert perpetrator_confidence(event, group, {"a1": group}, article=article) == confidence


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        # the group reports its own act: it names itself again in what it tells
        (
            "The Northern Front reported that its units blew up the bridge at dawn.",
            "CLAIMED OR ADMITTED",
        ),
        (
            "The Northern Front [NF] today announced that Northern Front commandos blew up "
            "the bridge.",
            "CLAIMED OR ADMITTED",
        ),
        # words of acts to come are a threat, not an admission
        (
            "The Northern Front announced that its units will blow up the bridge.",
            "REPORTED AS FACT",
        ),
        # the group telling of no act of its own admits nothing
        ("The Northern Front reported that the bridge was blown up.", "REPORTED AS FACT"),
        # a plain 'said' as often brings a comment on others' deeds
        ("The Northern Front said that its enemies blew up the bridge.", "REPORTED AS FACT"),
    ],
)
def test_muc4_the_group_reporting_its_own_act_admits_it(text: str, confidence: str) -> None:
    article = Article.from_text(text, title="TST9-MUC4-0012", published=dt.date(1990, 3, 12))
    names = [m.start() for m in re.finditer("Northern Front", text)]
    group = _group_in_text(text, "Northern Front").model_copy(
        update={"mentions": [(start, start + len("Northern Front")) for start in names]}
    )
    blew = text.index(" bl") + 1
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=blew, end=blew + 4, text=text[blew : blew + 4]),
        evidence=[Span(start=0, end=len(text), text=text)],
        participants=[Participant(actor="a1", role="perpetrator")],
    )
    assert perpetrator_confidence(event, group, {"a1": group}, article=article) == confidence


@pytest.mark.parametrize(
    ("author", "act", "confidence"),
    [
        # the group's own communique tells its act
        ("Northern Front General Command", "Our units blew up the bridge.", "CLAIMED OR ADMITTED"),
        # acts to come are a threat, not an admission
        (
            "Northern Front General Command",
            "Our units will blow up the bridge.",
            "REPORTED AS FACT",
        ),
        # another author's communique tells the group's act
        ("Civic Union", "Our units blew up the bridge.", "REPORTED AS FACT"),
    ],
)
def test_muc4_the_groups_own_communique_admits_its_acts(
    author: str, act: str, confidence: str
) -> None:
    text = f"PORT CITY, 3 MAY 90 -- [COMMUNIQUE] [{author}] [TEXT] {act}"
    article = Article.from_text(text, title="TST9-MUC4-0013", published=dt.date(1990, 5, 3))
    names = [m.start() for m in re.finditer("Northern Front", text)]
    group = Actor(
        id="a1",
        name="Northern Front",
        kind="armed_group",
        mentions=[(start, start + len("Northern Front")) for start in names],
    )
    start = text.index(act)
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=start + 10, end=start + 14, text=text[start + 10 : start + 14]),
        evidence=[Span(start=start, end=len(text), text=act)],
        participants=[Participant(actor="a1", role="perpetrator")],
    )
    assert perpetrator_confidence(event, group, {"a1": group}, article=article) == confidence


@pytest.mark.parametrize(
    ("other_group", "confidence"),
    [
        # the claim's speaker is no actor of the text: it speaks for the only named group
        (False, "CLAIMED OR ADMITTED"),
        # with two named groups it speaks for neither
        (True, "REPORTED AS FACT"),
    ],
)
def test_muc4_an_unnamed_claimant_claims_for_the_events_only_group(
    other_group: bool, confidence: str
) -> None:
    text = (
        "Rebels of the Northern Front blew up the pipeline. A woman who said she spoke for "
        "the rebels called the radio to claim the attack."
    )
    article = Article.from_text(text, title="TST9-MUC4-0010", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front").model_copy(update={"in_kb": True})
    participants = [Participant(actor="a1", role="perpetrator")]
    actors = {"a1": group}
    if other_group:
        actors["a2"] = Actor(id="a2", name="Southern Front", kind="armed_group", in_kb=True)
        participants.append(Participant(actor="a2", role="perpetrator"))
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=text.index("blew"), end=text.index("blew") + 4, text="blew"),
        participants=participants,
        attributions=[Attribution(source="woman", stance="claims")],
    )
    assert perpetrator_confidence(event, group, actors, article=article) == confidence


@pytest.mark.parametrize(
    ("lead", "confidence"),
    [
        # the group announces itself with the blasts: its own word on its act
        (
            "With two blasts in the port, a new group calling itself the Northern Front "
            "announced its emergence.",
            "CLAIMED OR ADMITTED",
        ),
        (
            "The Northern Front sent written messages to the radio stations.",
            "CLAIMED OR ADMITTED",
        ),
        # a vow of acts to come claims none done
        (
            "The Northern Front announced that it would strike the port again.",
            "REPORTED AS FACT",
        ),
        # the authorities' announcement is not the group's word
        (
            "The police announced that the Northern Front was active in the port.",
            "REPORTED AS FACT",
        ),
    ],
)
def test_muc4_doers_inferred_from_the_groups_own_announcement_claim_the_act(
    lead: str, confidence: str
) -> None:
    text = f"{lead} A bomb exploded at the customs office."
    article = Article.from_text(text, title="TST9-MUC4-0009", published=dt.date(1990, 3, 12))
    group = _group_in_text(text, "Northern Front")
    bomb = text.index("A bomb")
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=bomb, end=bomb + 6, text="A bomb"),
        evidence=[Span(start=bomb, end=len(text), text=text[bomb:])],
        participants=[Participant(actor="a1", role="perpetrator")],
        attributions=[
            Attribution(source=INFERRED_SOURCE, stance="assumes", start=0, end=len(lead))
        ],
    )
    assert perpetrator_confidence(event, group, {"a1": group}, article=article) == confidence


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        # the faction's name joins the group's acronym by a hyphen: the report's own name
        ("Rebels of the UC-NLF bombed the Central Bank.", "UC-NLF"),
        ("Rebels of the NLF-UC bombed the Central Bank.", "NLF-UC"),
        # a prefix makes no new name
        ("Pro-NLF rebels bombed the Central Bank.", "NLF"),
        ("NLF-led rebels bombed the Central Bank.", "NLF"),
    ],
)
def test_muc4_a_groups_name_is_the_whole_hyphenated_word(text: str, fill: str) -> None:
    report = _article_report(
        text,
        [("a1", "NLF", "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["Central Bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == [fill]


def test_muc4_a_group_and_its_acronym_in_brackets_are_one_organization() -> None:
    report = _article_report(
        'The "Secret Army" (SA) bombed the Central Bank.',
        [("a1", "Secret Army", "armed_group", False), ("a2", "SA", "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["Central Bank"],
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="perpetrator"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == ["SECRET ARMY"]
    assert [f.xref for f in template.slot(11).fillers] == [("SECRET ARMY",)]


def test_muc4_an_authority_that_suspects_a_possible_doer_accuses_it() -> None:
    text = "A bomb hit the Central Bank. It could be the Northern Front, the police said."
    article = Article.from_text(text, title="TST9-MUC4-0005", published=dt.date(1990, 3, 12))
    start = text.index("Northern Front")
    group = Actor(
        id="a1", name="Northern Front", kind="armed_group", mentions=[(start, start + 14)]
    )
    police = Actor(id="a2", name="police", kind="security_force")
    actors = {"a1": group, "a2": police}
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=2, end=6, text="bomb"),
        evidence=[Span(start=0, end=len(text), text=text)],
        participants=[Participant(actor="a1", role="perpetrator")],
        attributions=[Attribution(source="a2", stance="alleges")],
    )
    confidence = perpetrator_confidence(event, group, actors, article=article)
    assert confidence == "SUSPECTED OR ACCUSED BY AUTHORITIES"
    # without the police's word the group is only a possible doer
    event = event.model_copy(update={"attributions": []})
    assert perpetrator_confidence(event, group, actors, article=article) == "POSSIBLE"
    # without the article, only the attributions count
    assert perpetrator_confidence(event, group, actors) == "REPORTED AS FACT"


@pytest.mark.model
def test_muc4_the_police_suspecting_the_group_is_read_from_real_text(nlp, gazetteer, actor_kb):
    from threatline.extract import Extractor

    extractor = Extractor(nlp=nlp, gazetteer=gazetteer, actor_kb=actor_kb)
    lead = "Santa Rosa, 3 May 1990 (AFP) -- A bomb exploded today at the offices of the "
    lead += "National Bank in Santa Rosa, killing two guards. "
    found = {}
    for second in (
        "The police suspect the Northern Liberation Front.",
        "The Northern Liberation Front has bombed banks in the capital before.",
    ):
        article = Article.from_text(
            lead + second, title="TST9-MUC4-0006", published=dt.date(1990, 5, 3)
        )
        templates = report_to_templates(extractor.extract(article))
        found[second] = [f.value for t in templates for f in t.slot(11).fillers]
    assert list(found.values()) == [["SUSPECTED OR ACCUSED BY AUTHORITIES"], ["REPORTED AS FACT"]]


@pytest.mark.parametrize(
    ("second_group", "second_day", "liberty_first", "locations"),
    [
        # one group's bombing on one day, its branch read as a town abroad: one incident,
        # at home whichever report comes first
        ("Northern Front", 11, False, ["PERU: LIMA (CITY)"]),
        ("Northern Front", 11, True, ["PERU: LIMA (CITY)"]),
        # another group or another day: two incidents (the one read abroad is placed in the
        # country of interest the article names)
        ("Red Cells", 11, False, ["PERU", "PERU: LIMA (CITY)"]),
        ("Northern Front", 8, False, ["PERU", "PERU: LIMA (CITY)"]),
    ],
)
def test_muc4_one_group_s_attack_on_one_day_at_home_and_abroad_is_one_incident(
    second_group: str, second_day: int, liberty_first: bool, locations: list[str]
) -> None:
    text = (
        "Members of the Northern Front bombed the Valdivia bank in Lima, Peru. "
        f"Police said the {second_group} set off a bomb at the bank's Liberty branch."
    )
    places = [
        Place(id="P1", name="Lima", country="PE", level="settlement",
              mentions=[(text.index("Lima"), text.index("Lima") + 4)]),
        Place(id="P2", name="Peru", country="PE", level="country",
              mentions=[(text.index("Peru"), text.index("Peru") + 4)]),
        Place(id="P3", name="Liberty", country="US", level="settlement",
              mentions=[(text.index("Liberty"), text.index("Liberty") + 7)]),
    ]  # fmt: skip

    def day(number: int) -> TimeSpan:
        date = dt.date(1990, 3, number)
        return TimeSpan(text="that day", start=date, end=date)

    groups = [("a1", "Northern Front", "armed_group", True)]
    if second_group != "Northern Front":
        groups.append(("a2", second_group, "armed_group", True))
    events: list[dict[str, object]] = [
        {
            "type": "bombing",
            "trigger": "bombed",
            "physical": ["Valdivia bank"],
            "place": EventPlace(id="P1", text="Lima", precision=1),
            "participants": [Participant(actor="a1", role="perpetrator")],
            "time": day(11),
        },
        {
            "type": "bombing",
            "trigger": "set off",
            "physical": ["Liberty branch"],
            "place": EventPlace(id="P3", text="Liberty", precision=1),
            "participants": [Participant(actor=groups[-1][0], role="perpetrator")],
            "time": day(second_day),
        },
    ]
    report = _article_report(text, groups, events[::-1] if liberty_first else events)
    templates = report_to_templates(report.model_copy(update={"places": places}))
    assert sorted(t.slot(3).fillers[0].value for t in templates) == sorted(locations)


@pytest.mark.parametrize(
    ("second", "n_templates"),
    [
        # the attempt on him and the attack on him: one act told twice
        ("Police said gunmen attacked Pedro Valdivia on Friday.", 1),
        # an attempt on another man is another incident
        ("Police said gunmen attacked Tomas Arce on Friday.", 2),
    ],
)
def test_muc4_an_attempt_and_an_attack_on_one_named_man_are_one_incident(
    second: str, n_templates: int
) -> None:
    text = "Gunmen tried to kill Pedro Valdivia on Friday. " + second
    victim = "Tomas Arce" if "Tomas Arce" in second else "Pedro Valdivia"
    actors = [("a1", "Gunmen", "armed_group", False), ("a2", "Pedro Valdivia", "person", False)]
    if victim != "Pedro Valdivia":
        actors.append(("a3", victim, "person", False))
    friday = TimeSpan(text="Friday", start=dt.date(1990, 3, 9), end=dt.date(1990, 3, 9))
    report = _article_report(
        text,
        actors,
        [
            {
                "type": "armed_assault",
                "trigger": "tried",
                "status": "failed",
                "time": friday,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "time": friday,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor=actors[-1][0], role="victim"),
                ],
            },
        ],
    )
    templates = report_to_templates(report)
    assert len(templates) == n_templates
    assert [f.value for f in templates[0].slot(5).fillers] == ["ATTEMPTED"]


def test_muc4_incident_in_the_capital_is_in_the_town_of_the_dateline() -> None:
    from threatline.evaluate.muc4 import _capital_of_the_dateline

    home = Place(id="P1", name="Nairobi", country="KE", level="settlement", mentions=[(0, 7)])
    places = {"P1": home}

    def located(value: str, text: str, town: Place | None = home) -> str:
        template = MucTemplate(message_id="m")
        template.slots[3] = SlotFill(fillers=[Filler((value,))])
        _capital_of_the_dateline(template, [text], town, places)
        return template.slot(3).fillers[0].value

    assert located("KENYA", "Gunmen shot a judge in the capital.") == "KENYA: NAIROBI (CITY)"
    assert located("KENYA", "A bomb went off in this city last night.") == "KENYA: NAIROBI (CITY)"
    # the capital told as the owner or the kind of what was hit
    assert located("KENYA", "Mortars fell on the capital's homes.") == "KENYA: NAIROBI (CITY)"
    assert located("KENYA", "Troops shot him on a capital city avenue.") == "KENYA: NAIROBI (CITY)"
    # a street told with no town of its own is a street of the town the report comes from
    assert located("KENYA", "Gunmen shot a judge on Moi Avenue.") == "KENYA: NAIROBI (CITY)"
    assert located("KENYA", "A grenade killed him in Uhuru Square.") == "KENYA: NAIROBI (CITY)"
    assert located("KENYA", "A bomb went off at the corner of two streets.") == (
        "KENYA: NAIROBI (CITY)"
    )
    # no word of the capital: the country stays
    assert located("KENYA", "Gunmen shot a judge in the north.") == "KENYA"
    assert located("KENYA", "The capital was quiet after the judge was shot.") == "KENYA"
    # the incident's own place, and a dateline town in another country, are kept
    assert located("KENYA: MOMBASA (CITY)", "Gunmen in the capital.") == "KENYA: MOMBASA (CITY)"
    abroad = home.model_copy(update={"name": "Kampala", "country": "UG"})
    assert located("KENYA", "Gunmen shot a judge in the capital.", abroad) == "KENYA"
    assert located("KENYA", "Gunmen shot a judge in the capital.", None) == "KENYA"
    # 'this capital' is the dateline's town even when the fill names another country
    embassy = "A bomb went off near the embassy of Norway in this capital."
    assert located("NORWAY", embassy) == "KENYA: NAIROBI (CITY)"
    assert located("NORWAY", "A bomb went off near the embassy in the capital.") == "NORWAY"


def test_muc4_dateline_town_missed_in_the_dateline_is_the_town_of_its_name() -> None:
    from threatline.evaluate.muc4 import _dateline_town

    text = "PUERTO LINDO, 3 MAY 90 (RADIO) -- A bomb went off in Puerto Lindo today."
    later = Place(
        id="P1", name="Puerto Lindo", country="KE", level="settlement", mentions=[(53, 65)]
    )
    other = Place(id="P2", name="Villa Rosa", country="KE", level="settlement", mentions=[(70, 80)])
    assert _dateline_town([other, later], 12, text) == later
    # a town of another name is not the dateline's
    assert _dateline_town([other], 12, text) is None
    # the town found in the dateline comes first
    first = later.model_copy(update={"name": "Lindo Viejo", "mentions": [(0, 12)]})
    assert _dateline_town([later, first], 12, text) == first
    assert _dateline_town([later], None, text) is None


def _surname_report(person: str, gazetteer_id: str | None, level: str = "area") -> ArticleReport:
    """Gunmen shot ``person`` at 'Ruiz', a place the gazetteer may not know."""
    text = f"Gunmen shot {person} at Ruiz."
    ruiz = Place(
        id="P1",
        name="Ruiz",
        country="PE",
        level=level,
        gazetteer_id=gazetteer_id,
        mentions=[(text.index(" Ruiz.") + 1, len(text) - 1)],
    )
    report = _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", person, "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "shot",
                "place": EventPlace(id="P1", text="Ruiz"),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    return report.model_copy(update={"places": [ruiz]})


def test_muc4_unknown_place_named_like_a_persons_surname_is_no_town() -> None:
    assert _location(_surname_report("Ana Ruiz", None)) == ["PERU"]
    # a place the gazetteer knows, or a person who goes by the place's whole name, stays
    assert _location(_surname_report("Ana Ruiz", "geonames:1")) == ["PERU: RUIZ (REGION)"]
    assert _location(_surname_report("Ruiz", None)) == ["PERU: RUIZ (REGION)"]
    assert _location(_surname_report("Ana Lopez", None)) == ["PERU: RUIZ (REGION)"]
    # read as a building or a site, the surname is no place either
    assert _location(_surname_report("Ana Ruiz", None, level="venue")) == ["PERU"]


@pytest.mark.parametrize(
    ("text", "fill"),
    [
        # a name the text glosses as a body, or a word read inside the gloss: no place
        ("Gunmen shot Ana Ruiz at Petrocol [National Oil Company] tanks.", "PERU"),
        ("Gunmen shot Ana Ruiz at Petrocol [National Oil Company].", "PERU"),
        # a gloss that names no body leaves the place
        ("Gunmen shot Ana Ruiz at Petrocol [as received] tanks.", "PERU: PETROCOL (REGION)"),
        ("Gunmen shot Ana Ruiz at Petrocol tanks.", "PERU: PETROCOL (REGION)"),
    ],
)
def test_muc4_a_name_glossed_as_a_body_is_no_place(text, fill) -> None:
    name = "Company" if text.endswith("Company].") else "Petrocol"
    start = text.index(name)
    place = Place(
        id="P1",
        name=name,
        country="PE",
        level="area",
        mentions=[(start, start + len(name))],
    )
    assert _location(_located_report(text, [place])) == [fill]


def _shooting_on_a_street(*places: Place) -> ArticleReport:
    """Gunmen shoot a judge on a street whose name is read as a town (place P1)."""
    text = (
        "Gunmen shot Pedro Valdivia, a judge, on Liberty Street in the south of Peru. "
        "Peru and Chile condemned the shooting."
    )
    article = Article.from_text(text, title="TST9-MUC4-0003", published=dt.date(1990, 3, 12))
    start = text.index("shot")
    victim = Actor(
        id="a1",
        name="Pedro Valdivia",
        kind="person",
        mentions=[(text.index("Pedro"), text.index("Pedro") + len("Pedro Valdivia"))],
    )
    shooting = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=start, end=start + len("shot"), text="shot"),
        place=EventPlace(id="P1", text=places[0].name, precision=1),
        participants=[Participant(actor="a1", role="victim")],
    )
    return ArticleReport(article=article, actors=[victim], places=list(places), events=[shooting])


def test_muc4_an_incident_read_abroad_is_in_the_country_of_interest_named_most() -> None:
    text_start = "Gunmen shot Pedro Valdivia, a judge, on Liberty Street in the south of Peru. "
    peru_at = [text_start.index("Peru"), len(text_start)]
    liberty = Place(id="P1", name="Liberty", country="US", level="settlement", mentions=[(45, 52)])
    peru = Place(
        id="P2", name="Peru", country="PE", level="country", mentions=[(s, s + 4) for s in peru_at]
    )
    chile = Place(id="P3", name="Chile", country="CL", level="country", mentions=[(86, 91)])
    template = report_to_templates(_shooting_on_a_street(liberty, peru, chile))[0]
    assert [f.value for f in template.slot(3).fillers] == ["PERU"]
    # a place in a country of interest stays as it is
    arequipa = liberty.model_copy(update={"name": "Arequipa", "country": "PE"})
    template = report_to_templates(_shooting_on_a_street(arequipa, peru, chile))[0]
    assert [f.value for f in template.slot(3).fillers] == ["PERU: AREQUIPA (CITY)"]
    # an article that names no country of interest keeps the place abroad
    canada = chile.model_copy(update={"name": "Canada", "country": "CA"})
    template = report_to_templates(_shooting_on_a_street(liberty, canada))[0]
    assert template.slot(3).fillers[0].value.startswith("UNITED STATES")


def test_muc4_an_incident_placed_by_a_country_alone_is_in_the_country_of_its_victims() -> None:
    from threatline.evaluate.muc4 import _in_the_country_of_its_victims

    def located(place: str, nations: list[tuple[str, ...]], sentence: str) -> str:
        template = MucTemplate(message_id="m")
        template.slots[3] = parse_slot(3, [place])
        template.slots[22] = SlotFill(fillers=[Filler(n, ("JUAN LOPEZ",)) for n in nations])
        _in_the_country_of_its_victims(template, [sentence])
        return template.slot(3).fillers[0].value

    told = "The president deplored the murder of the Chilean deputy Juan Lopez."
    # a report from Lima on a Chilean's murder that names no place: it happened in Chile
    assert located("PERU", [("CHILE",)], told) == "CHILE"
    # the incident's country told in its sentence, or a town of it, stands
    assert located("PERU", [("CHILE",)], "Juan Lopez, a Chilean, was killed in Peru.") == "PERU"
    assert located("PERU: LIMA (CITY)", [("CHILE",)], told) == "PERU: LIMA (CITY)"
    # victims of several nations, or of a nation the task does not cover, say nothing
    assert located("PERU", [("CHILE",), ("BOLIVIA",)], told) == "PERU"
    assert located("PERU", [("SPAIN",)], told) == "PERU"


def test_muc4_an_incident_placed_by_a_country_alone_is_in_the_nation_its_demonym_says() -> None:
    from threatline.evaluate.muc4 import _in_the_nation_its_sentences_place_it

    def located(place: str, sentence: str) -> str:
        template = MucTemplate(message_id="m")
        template.slots[3] = parse_slot(3, [place])
        _in_the_nation_its_sentences_place_it(template, [sentence])
        return template.slot(3).fillers[0].value

    # a report from Quito on shelling 'near the Bolivian capital' names no place of its own
    assert located("ECUADOR", "Troops shelled a hill near the Bolivian capital today.") == "BOLIVIA"
    assert located("ECUADOR", "Rebels raided a farm on Chilean territory.") == "CHILE"
    # the country told in the sentence, or a town of it, stands
    told_in = "Troops from Ecuador shelled a hill near the Bolivian capital."
    assert located("ECUADOR", told_in) == "ECUADOR"
    assert located("ECUADOR: QUITO (CITY)", "Near the Bolivian capital.") == "ECUADOR: QUITO (CITY)"
    # two nations told so, or one the task does not cover, say nothing
    two = "Shells fell on Bolivian territory and near the Chilean capital."
    assert located("ECUADOR", two) == "ECUADOR"
    assert located("ECUADOR", "A bomb exploded near the Spanish capital.") == "ECUADOR"


def test_muc4_an_incident_in_its_nations_capital_is_in_the_capital_city() -> None:
    from threatline.evaluate.muc4 import _in_the_capital_of_its_nation

    home = Place(id="P1", name="Paris", country="FR", level="settlement", mentions=[(0, 5)])

    def located(place: str, sentence: str, town: Place | None = home) -> str:
        template = MucTemplate(message_id="m")
        template.slots[3] = parse_slot(3, [place])
        _in_the_capital_of_its_nation(template, [sentence], town)
        return template.slot(3).fillers[0].value

    # a report from Paris tells the capital by its nation's demonym
    told = "Two car bombs went off last night in the Chilean capital."
    assert located("CHILE", told) == "CHILE: SANTIAGO (CITY)"
    # 'the capital' alone is the nation's only where the dateline names no town
    bare = "The guerrillas attacked a police car in the capital."
    assert located("CHILE", bare, None) == "CHILE: SANTIAGO (CITY)"
    assert located("CHILE", bare) == "CHILE"
    # another nation's capital, a town already told, or no capital at all say nothing
    assert located("CHILE", "Two car bombs went off in the Bolivian capital.") == "CHILE"
    assert located("CHILE: TEMUCO (CITY)", told) == "CHILE: TEMUCO (CITY)"
    assert located("CHILE", "Two car bombs went off in the south.") == "CHILE"


def test_muc4_a_large_toll_with_no_day_or_place_sums_up_incidents() -> None:
    from threatline.evaluate.muc4 import _summary_toll

    def toll(number: str, date: str = "- 12 MAR 90", place: str = "PERU", **more: str) -> bool:
        template = MucTemplate(message_id="m")
        template.slots[2] = SlotFill(fillers=[Filler((date,))])
        template.slots[3] = SlotFill(fillers=[Filler((place,))])
        template.slots[19] = SlotFill(fillers=[Filler(("PEOPLE",))])
        template.slots[21] = SlotFill(fillers=[Filler((number,), ("PEOPLE",))])
        for slot, value in more.items():
            template.slots[int(slot[1:])] = SlotFill(fillers=[Filler((value,))])
        return _summary_toll(template)

    # 'some 2,000 people have been killed' in a report with no day or town of its own
    assert toll("2000")
    assert toll("~ 150")
    # a toll of a few people, or one on a day or in a town the text gives, is one incident
    assert not toll("12")
    assert not toll("PLURAL")
    assert not toll("2000", date="11 MAR 90")
    assert not toll("2000", place="PERU: LIMA (CITY)")
    # a named victim or a building hit make it specific
    assert not toll("2000", s18="PEDRO VALDIVIA")
    assert not toll("2000", s12="MARKET")
    # a toll told as a bound ('more than 70,000 people') counts by the events' own toll
    template = MucTemplate(message_id="m")
    template.slots[19] = SlotFill(fillers=[Filler(("PEOPLE",))])
    template.slots[21] = SlotFill(fillers=[Filler(("PLURAL",), ("PEOPLE",))])
    killing = EventMention(
        id="E1",
        type="attack",
        trigger=Span(start=0, end=6, text="killed"),
        fatalities=Quantity(min=70001, text="more than 70,000"),
    )
    assert _summary_toll(template, [killing])
    assert not _summary_toll(template, [killing.model_copy(update={"fatalities": None})])


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "effect"),
    [
        # 'blown up' is total destruction (part1, 7.17)
        ("Rebels blew up the town hall.", "blew", "bombing", "DESTROYED"),
        (
            "A bomb exploded at the town hall, which was badly damaged.",
            "exploded",
            "bombing",
            "SOME DAMAGE",
        ),
        # a bombing does not imply damage
        ("A bomb exploded near the town hall.", "exploded", "bombing", None),
        # unless a later sentence of its paragraph tells the blast did some
        (
            "A bomb exploded at the town hall. The blast caused heavy damage.",
            "exploded",
            "bombing",
            "SOME DAMAGE",
        ),
        (
            "A bomb exploded at the town hall. Rebels damaged a bridge last year.",
            "exploded",
            "bombing",
            None,
        ),
        (
            "Rebels attacked the town hall. The attack caused heavy damage nearby.",
            "attacked",
            "attack",
            None,
        ),
        # nor does another attack, unless the words tell it
        ("Rebels attacked and destroyed the town hall.", "attacked", "attack", "DESTROYED"),
        ("Rebels attacked the town hall.", "attacked", "attack", None),
        # charges leveled against a thing destroy nothing; a thing leveled is destroyed
        (
            "Rebels attacked the town hall, against which they had leveled accusations.",
            "attacked",
            "attack",
            None,
        ),
        ("Rebels attacked and leveled the town hall.", "attacked", "attack", "DESTROYED"),
        # a destroying word told only of a part: the thing is damaged, not destroyed
        (
            "Rebels hurled a bomb at the town hall. The blast partially destroyed the building.",
            "blast",
            "bombing",
            "SOME DAMAGE",
        ),
        (
            "Rebels hurled a bomb at the town hall. The blast destroyed 40 percent of the roof.",
            "blast",
            "bombing",
            "SOME DAMAGE",
        ),
        (
            "Rebels hurled a bomb at the town hall. The blast destroyed the front windows.",
            "blast",
            "bombing",
            "SOME DAMAGE",
        ),
        (
            "Rebels hurled a bomb at the town hall. The blast destroyed the whole building.",
            "blast",
            "bombing",
            "DESTROYED",
        ),
        # a bomb defused does no damage
        ("Police defused a bomb at the town hall.", "defused", "foiled_attack", "NO DAMAGE"),
    ],
)
def test_muc4_effect_on_a_physical_target_is_told(text, trigger, kind, effect) -> None:
    status = "foiled" if kind == "foiled_attack" else "occurred"
    instruments = ["bomb"] if kind == "foiled_attack" else []
    report = _article_report(
        text,
        [],
        [
            {
                "type": kind,
                "status": status,
                "trigger": trigger,
                "physical": ["town hall"],
                "instruments": instruments,
            }
        ],
    )
    (template,) = report_to_templates(report)
    expected = [(effect, ("TOWN HALL",))] if effect else []
    assert [(f.value, f.xref) for f in template.slot(16).fillers] == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Rebels attacked Pedro Valdivia, who died of bullet wounds.", ["GUN"]),
        ("Rebels attacked Pedro Valdivia, riddling him with machinegun fire.", ["MACHINE GUN"]),
        ("Rebels attacked Pedro Valdivia, who died of his wounds.", []),
        ("Rebels attacked Pedro Valdivia and gunned him down.", ["GUN"]),
        # the shots told in a later sentence of the attack's paragraph
        ("Rebels attacked Pedro Valdivia in Lima. His body was riddled with bullets.", ["GUN"]),
        ("Rebels attacked Pedro Valdivia and then had a firing squad kill him.", ["GUN"]),
    ],
)
def test_muc4_an_attack_told_by_its_shots_implies_the_gun(text, kinds) -> None:
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False), ("a2", "Pedro Valdivia", "person", False)],
        [
            {
                "type": "attack",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(7).fillers] == kinds


@pytest.mark.parametrize(
    ("weapon", "kind"),
    [
        ("explosive device", "EXPLOSIVE"),
        ("homemade bomb", "BOMB"),
        ("car bombs", "VEHICLE BOMB"),
        ("truck-bomb", "VEHICLE BOMB"),
    ],
)
def test_muc4_an_explosive_device_is_an_explosive(weapon, kind) -> None:
    text = f"A {weapon} exploded at the town hall."
    report = _article_report(
        text,
        [],
        [
            {
                "type": "bombing",
                "trigger": "exploded",
                "instruments": [weapon],
                "physical": ["town hall"],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(7).fillers] == [kind]


@pytest.mark.parametrize(("trigger", "kind"), [("explosion", "EXPLOSIVE"), ("bombing", "BOMB")])
def test_muc4_an_explosion_implies_an_explosive_a_bombing_a_bomb(trigger, kind) -> None:
    text = f"The {trigger} hit the town hall."
    report = _article_report(
        text, [], [{"type": "bombing", "trigger": trigger, "physical": ["town hall"]}]
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(7).fillers] == [kind]


@pytest.mark.parametrize(
    ("weapon", "kinds"),
    [("bullet", ["CUTTING DEVICE", "GUN"]), ("rope", ["CUTTING DEVICE"])],
)
def test_muc4_a_bullet_is_of_a_gun(weapon, kinds) -> None:
    text = f"Gunmen killed Pedro Valdivia in Santa Rita with a machete; he had a {weapon} wound."
    report = _article_report(
        text,
        [("a1", "Pedro Valdivia", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "instruments": ["machete", weapon],
                "participants": [Participant(actor="a1", role="victim")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(7).fillers] == kinds


def _lima_templates(nlp, gazetteer, actor_kb, text: str, title: str) -> list[MucTemplate]:
    """The templates the real extractor and writer give for ``text`` under a Lima dateline."""
    from threatline.extract import Extractor

    extractor = Extractor(nlp=nlp, gazetteer=gazetteer, actor_kb=actor_kb)
    article = Article.from_text(
        "LIMA, 12 MAR 90 -- " + text, title=title, published=dt.date(1990, 3, 12)
    )
    return report_to_templates(extractor.extract(article))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "organizations", "confidences"),
    [
        # a band of criminals that does the act is its organization, though named in plural
        (
            "The justice minister and her son have been threatened by the drug mafias.",
            ["DRUG MAFIAS"],
            ["REPORTED AS FACT"],
        ),
        (
            "The mafia has sworn to kill ten judges for every trafficker who is extradited.",
            ["MAFIA"],
            ["REPORTED AS FACT"],
        ),
        # the act an adjunct attributes to it
        (
            "In one more attack attributed to the drug trafficking rings, a bomb wrecked a clinic "
            "in Chimbote on Sunday night.",
            ["DRUG TRAFFICKING RINGS"],
            ["SUSPECTED OR ACCUSED"],
        ),
    ],
)
def test_muc4_a_band_of_criminals_is_the_doers_organization(
    nlp, gazetteer, actor_kb, text, organizations, confidences
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0031")
    assert [_filler_text(10, f) for t in templates for f in t.slot(10).fillers] == [
        f'"{o}"' for o in organizations
    ]
    assert [f.value for t in templates for f in t.slot(11).fillers] == confidences


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The army launched an attack against the drug mafia in Chimbote yesterday.",
        "The president threatened the drug cartels with extradition yesterday.",
    ],
)
def test_muc4_a_band_of_criminals_struck_by_the_state_is_no_victim(
    nlp, gazetteer, actor_kb, text
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0032")
    assert not [f for t in templates for s in (18, 19) for f in t.slot(s).fillers]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "incident", "doers", "physical"),
    [
        # the craft did it: the state's, whatever group the source is
        ("Military planes bombed the villages near Chimbote yesterday, the Northern Front "
         "said.", "ATTACK", ["MILITARY"], []),
        # the craft used are its weapons, not its targets
        ("The air force, with two helicopter gunships and a transport plane, bombed the houses "
         "of Chimbote yesterday.", "ATTACK", ["AIR FORCE"], ["HOUSES OF CHIMBOTE"]),
        # no craft: a group's bombing
        ("The Northern Front bombed the market of Chimbote yesterday.", "BOMBING",
         ["NORTHERN FRONT"], ["MARKET OF CHIMBOTE"]),
        # craft told in another sentence did not bomb
        ("A helicopter landed in Chimbote. The Northern Front bombed the market of Chimbote"
         " yesterday.", "BOMBING", ["NORTHERN FRONT"], ["MARKET OF CHIMBOTE"]),
    ],
)  # fmt: skip
def test_muc4_a_bombing_by_craft_is_the_states_attack_from_the_air(
    nlp, gazetteer, actor_kb, text: str, incident: str, doers: list[str], physical: list[str]
) -> None:
    """Planes or helicopters that bomb or strafe are the state's arm bombing from the air:
    an ATTACK (part2, slot 4), by the air force or the military the text names, never by a
    group the text names elsewhere, and the craft are no physical targets."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(4).fillers] == [incident]
    assert [f.value for f in template.slot(10).fillers] == doers
    assert [f.value for f in template.slot(12).fillers] == physical


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "physical", "instrument_types"),
    [
        # the craft named after the act as the ones that did it
        ("The bombings carried out by military planes destroyed the houses of Chimbote "
         "yesterday.", ["HOUSES OF CHIMBOTE"], ["AERIAL BOMB"]),
        # strafing told by the craft's gun: the craft is no target, and no bomb was dropped
        ("A transport plane fitted with machineguns machinegunned the market of Chimbote "
         "yesterday.", ["MARKET OF CHIMBOTE"], ["MACHINE GUN"]),
        ("A transport plane machinegunned the market of Chimbote yesterday.",
         ["MARKET OF CHIMBOTE"], ["MACHINE GUN"]),
        # 'aircrafts', as some translations write the plural
        ("The air force used 15 aircrafts to bomb the houses of Chimbote yesterday.",
         ["HOUSES OF CHIMBOTE"], ["AERIAL BOMB"]),
    ],
)  # fmt: skip
def test_muc4_craft_told_as_the_doers_are_no_targets(
    nlp, gazetteer, actor_kb, text: str, physical: list[str], instrument_types: list[str]
) -> None:
    """Craft told after the act as its doers ('carried out by planes'), or that machinegun
    a place, bomb or strafe from the air: they are the state's weapons, not its physical
    targets (part2, slot 12), and a craft's machine gun drops no bomb (slot 7)."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(12).fillers] == physical
    assert [f.value for f in template.slot(7).fillers] == instrument_types


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "physical"),
    [
        # the craft told as the one that strafed, in a clause of its own
        ("Soldiers indiscriminately bombed the houses near Chimbote yesterday, where a C-47 "
         "aircraft strafed this densely populated area.", ["HOUSES"]),
        # a craft that was struck stays a target
        ("Rebels bombed a transport plane near Chimbote yesterday.", ["TRANSPORT PLANE"]),
        ("A transport plane was machinegunned by rebels near Chimbote yesterday, wounding two "
         "passengers.", ["TRANSPORT PLANE"]),
    ],
)  # fmt: skip
def test_muc4_a_craft_told_as_the_one_that_struck_is_no_target(
    nlp, gazetteer, actor_kb, text: str, physical: list[str]
) -> None:
    """A plane or a helicopter followed by its verb of bombing or strafing in the active voice
    did the act: the state's weapon, not a physical target (part2, slot 12); one that was
    bombed or machinegunned is one."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(12).fillers] == physical


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        # the other side tells it: its charge
        ("Military planes bombed the villages near Chimbote yesterday, the Northern Front "
         "said.", "SUSPECTED OR ACCUSED"),
        ("The air force, with two helicopter gunships and a transport plane, bombed the houses "
         "of Chimbote yesterday.", "REPORTED AS FACT"),
    ],
)  # fmt: skip
def test_muc4_the_air_arm_a_group_says_bombed_is_accused(
    nlp, gazetteer, actor_kb, text: str, confidence: str
) -> None:
    """The air arm that bombed from the air is SUSPECTED OR ACCUSED when the other side (or
    anyone who alleges it) tells the act (part2, slot 11), else REPORTED AS FACT."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(11).fillers] == [confidence]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "written"),
    [
        # craft bombing fighters' positions, no civilian struck: warfare
        ("Military planes bombed rebel positions near Chimbote yesterday, the Northern "
         "Front said.", 0),
        ("Military planes bombed the villages near Chimbote yesterday, the Northern Front "
         "said.", 1),
    ],
)  # fmt: skip
def test_muc4_craft_bombing_no_civilian_target_is_warfare(
    nlp, gazetteer, actor_kb, text: str, written: int
) -> None:
    """The state's craft bombing with no civilian target are at war, not an incident (part1
    1.0), whatever group the text names as the source or elsewhere."""
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert len(templates) == written


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "physical"),
    [
        # the highway is where the bus burned
        ("Rebels burned a bus on the coastal highway near Chimbote yesterday.", ["BUS"]),
        ("Rebels dynamited the coastal highway near Chimbote yesterday.", ["COASTAL HIGHWAY"]),
        # the airport the plane stood at, and one struck
        ("An incendiary bomb exploded in a cargo plane at the Chimbote airport yesterday.",
         ["CARGO PLANE"]),
        ("Rebels dynamited the Chimbote airport yesterday.", ["CHIMBOTE AIRPORT"]),
        # the part of the town the hotel is in
        ("A car bomb went off at a hotel in the tourist center of Chimbote yesterday.",
         ["HOTEL"]),
        # a road's part it struck is a target
        ("Rebels dynamited a bridge of the coastal highway near Chimbote yesterday.",
         ["BRIDGE OF THE COASTAL HIGHWAY NEAR CHIMBOTE"]),
    ],
)  # fmt: skip
def test_muc4_a_road_told_as_the_scene_is_no_physical_target(
    nlp, gazetteer, actor_kb, text: str, physical: list[str]
) -> None:
    """A road or a part of a town the act happened in ('on the coastal highway', 'in the
    tourist center') is its place, not a physical target (part2, slot 12), unlike a road it
    struck ('dynamited the highway')."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0013")
    assert [f.value for f in template.slot(12).fillers] == physical


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "physical"),
    [
        # the station told of the attack
        ("Rebels attacked the police post of Chimbote yesterday, killing a teacher, "
         "according to the radio station.", ["POLICE POST OF CHIMBOTE"]),
        # the station was attacked
        ("Rebels attacked the radio station of Chimbote yesterday.",
         ["RADIO STATION OF CHIMBOTE"]),
    ],
)  # fmt: skip
def test_muc4_a_news_outlet_told_as_the_source_is_no_physical_target(
    nlp, gazetteer, actor_kb, text: str, physical: list[str]
) -> None:
    """A radio station the report came from ('according to the radio station') is no
    physical target of the act it tells (part2, slot 12), unlike one attacked."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0014")
    assert [f.value for f in template.slot(12).fillers] == physical


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Heavy shooting by the rebels was heard in Chimbote this morning.", 0),
        ("Powerful explosions set off by the rebels could be heard in Chimbote this "
         "morning.", 0),
        # the shooting that was heard killed someone
        ("Heavy shooting by the rebels killed a teacher in Chimbote this morning, and was "
         "heard across the town.", 1),
        # the attack is told as an act, the shooting heard is part of it
        ("The Northern Front guerrillas attacked Chimbote this morning. Heavy shooting was "
         "heard in the town.", 1),
    ],
)  # fmt: skip
def test_muc4_shooting_or_explosions_only_heard_are_no_incident(
    nlp, gazetteer, actor_kb, text: str, written: int
) -> None:
    """Sounds heard with no target ('explosions could be heard') tell of fighting somewhere,
    no specific act on anyone (part1 1.0)."""
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0015")
    assert len(templates) == written


def _casualty_report(
    text: str, victim: str, killed: str, wounded: str, kind: str = "civilians"
) -> ArticleReport:
    """An attack on ``text`` whose victim is the phrase ``victim`` (an actor of ``kind``),
    with a death count and an injury count given by the phrases that tell them."""

    def count(phrase: str, value: int) -> Quantity:
        start = text.index(phrase)
        return Quantity(min=value, max=value, text=phrase, start=start, end=start + len(phrase))

    return _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", victim, kind, False)],
        [
            {
                "type": "armed_assault",
                "trigger": "attack",
                "fatalities": count(killed, 2),
                "injuries": count(wounded, 15),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Gunmen killed two people and wounded 15 others in an attack on the market.", "OTHERS"),
        ("In the attack of the Gunmen two people died and 15 other persons were hurt.",
         "OTHER PERSONS"),
        # a count with no noun counts the people of the count before it
        ("Two people were killed and 15 injured in an attack by Gunmen.", "INJURED"),
        ("Gunmen left two people dead and 15 wounded in an attack on the bank.", "WOUNDED"),
    ],
)  # fmt: skip
def test_muc4_the_wounded_of_a_count_are_victims_of_their_own(text, description) -> None:
    killed = "two" if "two" in text else "Two"
    wounded = "15"
    (template,) = report_to_templates(_casualty_report(text, "people", killed, wounded))
    assert [f.value for f in template.slot(19).fillers] == ["PEOPLE", description]
    assert [(f.value, f.xref) for f in template.slot(21).fillers] == [
        ("2", ("PEOPLE",)),
        ("15", (description,)),
    ]
    assert sorted((f.value, f.xref) for f in template.slot(23).fillers) == [
        ("DEATH", ("PEOPLE",)),
        ("INJURY", (description,)),
    ]


def _dead_and_wounded_report(text: str, dead: str, wounded: str) -> ArticleReport:
    """An attack on ``text`` whose victims are one group of 'people', told at each place
    the word is, counted 4 dead at ``dead`` and 20 wounded at ``wounded``."""

    def count(phrase: str, value: int) -> Quantity:
        start = text.index(phrase)
        return Quantity(min=value, max=value, text=phrase, start=start, end=start + len(phrase))

    report = _casualty_report(text, "people", dead, wounded)
    people = report.actors[1]
    people.mentions = [(m.start(), m.end()) for m in re.finditer(r"\bpeople\b", text)]
    report.events[0].fatalities = count(dead, 4)
    report.events[0].injuries = count(wounded, 20)
    return report


def test_muc4_the_dead_and_the_wounded_each_counted_by_the_noun_are_two_victims() -> None:
    text = "Four people died and 20 people were wounded in an attack by Gunmen on the market."
    (template,) = report_to_templates(_dead_and_wounded_report(text, "Four", "20"))
    assert [f.value for f in template.slot(19).fillers] == ["PEOPLE", "PEOPLE"]
    assert [f.value for f in template.slot(20).fillers] == ["CIVILIAN", "CIVILIAN"]
    assert [(f.value, f.xref) for f in template.slot(21).fillers] == [
        ("4", ("PEOPLE",)),
        ("20", ("PEOPLE",)),
    ]
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("DEATH", ("PEOPLE",)),
        ("INJURY", ("PEOPLE",)),
    ]


def test_muc4_the_wounded_counted_with_no_noun_stay_in_the_group() -> None:
    # '20 were wounded' may count all the people: one victim, as before
    text = "Four people died and 20 were wounded in an attack by Gunmen on the market."
    (template,) = report_to_templates(_dead_and_wounded_report(text, "Four", "20"))
    assert [f.value for f in template.slot(19).fillers] == ["PEOPLE"]


def test_muc4_people_told_again_go_one_twin_at_a_time() -> None:
    # '4 people died and 20 people were wounded ... the 20 wounded vendors'
    template = MucTemplate("M1")
    template.slots[19] = SlotFill([Filler(("PEOPLE",)), Filler(("PEOPLE",)), Filler(("VENDORS",))])
    template.slots[21] = SlotFill(
        [
            Filler(("4",), ("PEOPLE",)),
            Filler(("20",), ("PEOPLE",)),
            Filler(("20",), ("VENDORS",)),
        ]
    )
    template.slots[23] = SlotFill(
        [
            Filler(("DEATH",), ("PEOPLE",)),
            Filler(("INJURY",), ("PEOPLE",)),
            Filler(("INJURY",), ("VENDORS",)),
        ]
    )
    _drop_people_told_again(template)
    assert [f.value for f in template.slot(19).fillers] == ["PEOPLE", "VENDORS"]
    assert [(f.value, f.xref[0]) for f in template.slot(21).fillers] == [
        ("4", "PEOPLE"),
        ("20", "VENDORS"),
    ]
    assert [(f.value, f.xref[0]) for f in template.slot(23).fillers] == [
        ("DEATH", "PEOPLE"),
        ("INJURY", "VENDORS"),
    ]


def test_muc4_a_merge_keeps_the_count_of_each_twin() -> None:
    target = MucTemplate("M1")
    target.slots[19] = SlotFill([Filler(("PEOPLE",)), Filler(("PEOPLE",))])
    target.slots[21] = SlotFill([Filler(("4",), ("PEOPLE",)), Filler(("20",), ("PEOPLE",))])
    other = MucTemplate("M1")
    other.slots[19] = SlotFill([Filler(("PEOPLE",))])
    other.slots[21] = SlotFill([Filler(("4",), ("PEOPLE",))])
    _merge_into(target, other)
    assert [f.value for f in target.slot(21).fillers] == ["4", "20"]


@pytest.mark.parametrize(
    ("text", "victim", "kind", "injured"),
    [
        # the wounded of a count with no noun are of the group of victims
        ("Gunmen killed two people in an attack on the market; 15 were wounded.", "people",
         "civilians", "PEOPLE"),
        # a person named is no group: the wounded are no one in particular
        ("Gunmen killed Ana Rios in an attack on the market; 15 were wounded.", "Ana Rios",
         "person", "-"),
    ],
)  # fmt: skip
def test_muc4_a_harm_no_victim_is_told_to_suffer_befalls_the_group(
    text, victim, kind, injured
) -> None:
    killed = "two" if "two" in text else "killed"
    (template,) = report_to_templates(_casualty_report(text, victim, killed, "15", kind))
    assert ("INJURY", (injured,)) in [(f.value, f.xref) for f in template.slot(23).fillers]


def test_muc4_a_harm_of_no_one_goes_when_a_victim_is_told_to_suffer_it() -> None:
    template = MucTemplate("M1")
    template.slots[23] = SlotFill(
        fillers=[
            Filler(("DEATH",), ("ANA RIOS",)),
            Filler(("DEATH",), ("-",)),
            Filler(("INJURY",), ("-",)),
        ]
    )
    _drop_harms_of_no_one_told_of_a_victim(template)
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("DEATH", ("ANA RIOS",)),
        ("INJURY", ("-",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the counted people are the victim already
        "Gunmen killed two of them and wounded 15 people in an attack on the market.",
        # a noun follows the harm word: not the count's own description
        "Two people were killed and 15 wounded soldiers fled the attack of the Gunmen.",
        # no count before it to leave the noun out of
        "Two people were killed in the attack of the Gunmen, which the press, the radio and "
        "the police chief said had left 15 injured.",
    ],
)
def test_muc4_a_count_of_named_victims_adds_no_group(text) -> None:
    victim = "people" if "15 people" in text else "Two people"
    killed = "two" if "two of" in text else "Two"
    (template,) = report_to_templates(_casualty_report(text, victim, killed, "15"))
    assert len(template.slot(19).fillers) == 1


def test_muc4_a_victim_told_in_full_elsewhere_takes_that_person_s_role() -> None:
    text = "Magistrate Pedro Valdivia Soto was shot in an attack in Lima. Valdivia died."
    full, role, short = (text.index(p) for p in ("Pedro", "Magistrate", "Valdivia died"))
    actors = [
        Actor(id="a1", name="Pedro Valdivia Soto", kind="person",
              mentions=[(role, role + 10), (full, full + 19)]),
        Actor(id="a2", name="Valdivia", kind="person", mentions=[(short, short + 8)]),
    ]  # fmt: skip
    attack = EventMention(
        id="E1",
        type="armed_assault",
        trigger=Span(start=text.index("shot"), end=text.index("shot") + 4, text="shot"),
        participants=[Participant(actor="a2", role="victim")],
    )
    article = Article.from_text(text, title="TST9-MUC4-0002", published=dt.date(1990, 3, 12))
    report = ArticleReport(article=article, actors=actors, events=[attack])
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(18).fillers] == ["PEDRO VALDIVIA SOTO"]
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [
        ("MAGISTRATE", ("PEDRO VALDIVIA SOTO",))
    ]
    # another person of the text whose names hold no role gives none
    plain = [a.model_copy(update={"mentions": a.mentions[1:]}) if a.id == "a1" else a
             for a in actors]  # fmt: skip
    (template,) = report_to_templates(report.model_copy(update={"actors": plain}))
    assert template.slot(19).fillers == []


def test_muc4_a_residence_takes_its_owner_s_kind_and_nation() -> None:
    from threatline.evaluate.muc4 import (
        SlotFill,
        _fill_foreign_nations,
        _owner,
        _physical_target_type,
    )

    text = "A bomb damaged the Swedish consul's house and a bakery in Lima."
    article = Article(id="a", text=text)

    event = EventMention(
        id="E1",
        type="bombing",
        trigger=_first_span(text, "bomb"),
        physical_targets=[_first_span(text, "house"), _first_span(text, "bakery")],
    )
    assert _owner("HOUSE", event, article) == "SWEDISH CONSUL'S"
    assert _owner("BAKERY", event, article) == ""  # 'and a' is no owner
    assert _physical_target_type("HOUSE", "SWEDISH CONSUL'S") == "DIPLOMAT OFFICE OR RESIDENCE"
    assert _physical_target_type("RESIDENCE", "PRESIDENT ANA RUIZ'S") == (
        "GOVERNMENT OFFICE OR RESIDENCE"
    )
    # a plain person's house stays a civilian's; a business keeps its own kind
    assert _physical_target_type("HOUSE", "PEDRO VALDIVIA'S") == "CIVILIAN RESIDENCE"
    assert _physical_target_type("HOTEL", "MAYOR'S") == "COMMERCIAL"
    template = MucTemplate(message_id="m")
    template.slots[3] = parse_slot(3, ["PERU: LIMA (CITY)"])
    template.slots[12] = SlotFill(fillers=[Filler(("HOUSE",)), Filler(("BAKERY",))])
    _fill_foreign_nations(template, [], article, owners={"HOUSE": "SWEDISH CONSUL'S"})
    assert [(f.value, f.xref) for f in template.slot(15).fillers] == [("SWEDEN", ("HOUSE",))]
    _fill_foreign_nations(template, [], article)
    assert not template.slot(15).fillers


def test_muc4_a_target_that_names_its_owner_in_the_possessive() -> None:
    from threatline.evaluate.muc4 import _damage_told_of, _names_one_target, _owner

    text = (
        "A bomb went off at the Swedish consul's house in Lima. "
        "The blast destroyed the door of the house."
    )
    article = Article(id="a", text=text)
    surface = "Swedish consul's house"
    start = text.index(surface)
    target = Span(start=start, end=start + len(surface), text=surface)
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=2, end=6, text="bomb"),
        physical_targets=[target],
    )
    # the owner the fill names gives the target its kind and nation
    assert _owner("SWEDISH CONSUL'S HOUSE", event, article) == "SWEDISH CONSUL'S"
    # the house told again without its owner ('the door of the house') tells its damage
    assert _damage_told_of("SWEDISH CONSUL'S HOUSE", article) == "SOME DAMAGE"
    # 'the daily's office' repeats 'the branch office of the daily'; the owned one stays
    assert _names_one_target("MORNING DAILY'S OFFICE", "BRANCH OFFICE OF THE DAILY EL SOL")
    assert _names_one_target("OFFICE", "MAYOR'S OFFICE")
    assert not _names_one_target("MAYOR'S OFFICE", "OFFICE")


def test_muc4_a_residence_named_by_its_owner_takes_the_owner_s_roles() -> None:
    from threatline.evaluate.muc4 import _owner, _physical_target_type

    text = (
        "Gunmen attacked the house of Pedro Valdivia and the farm of Ana Ruiz. "
        "Valdivia, the Swedish consul, was unhurt. Ruiz was away."
    )
    article = Article(id="a", text=text)

    consul = Actor(
        id="p",
        name="Pedro Valdivia",
        kind="person",
        mentions=_spans(text, "Pedro Valdivia") + _spans(text, "Valdivia")[1:],
    )
    farmer = Actor(id="r", name="Ana Ruiz", kind="person", mentions=_spans(text, "Ruiz"))
    event = EventMention(
        id="E1",
        type="armed_assault",
        trigger=_first_span(text, "attacked"),
        physical_targets=[
            _first_span(text, "house of Pedro Valdivia"),
            _first_span(text, "farm of Ana Ruiz"),
        ],
    )
    owner = _owner("HOUSE OF PEDRO VALDIVIA", event, article, [consul, farmer])
    assert "SWEDISH CONSUL" in owner
    assert _physical_target_type("HOUSE OF PEDRO VALDIVIA", owner) == (
        "DIPLOMAT OFFICE OR RESIDENCE"
    )
    # an owner the text gives no role keeps his house a civilian's
    assert _owner("FARM OF ANA RUIZ", event, article, [consul, farmer]) == ""
    assert _owner("HOUSE OF PEDRO VALDIVIA", event, article) == ""
    from threatline.evaluate.muc4 import SlotFill, _fill_foreign_nations

    template = MucTemplate(message_id="m")
    template.slots[3] = parse_slot(3, ["PERU: LIMA (CITY)"])
    template.slots[12] = SlotFill(fillers=[Filler(("HOUSE OF PEDRO VALDIVIA",))])
    _fill_foreign_nations(template, [], article, owners={"HOUSE OF PEDRO VALDIVIA": owner})
    assert [f.value for f in template.slot(15).fillers] == ["SWEDEN"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # people harmed in the perfect over a period, none named, no day or town: a tally
        ("Hundreds of people have been killed in the region, including judges and "
         "journalists, the bishop said.", []),
        ("More than 40 peasants have been murdered this year in the northern provinces, "
         "the church said.", []),
        ("In less than a month, 11 students have been kidnapped, the union said.", []),
        ("Hundreds of people have been killed since January, including judges and "
         "journalists, the bishop said.", []),
        # the act of one day, or one told in the past tense, is an incident
        ("Forty peasants were murdered yesterday in the village of Santa Clara.",
         ["PEASANTS"]),
        ("More than 40 peasants were murdered in the northern provinces, the church said.",
         ["PEASANTS"]),
        # the people who did it make it an account of their acts
        ("In less than a month, 11 students have been kidnapped by unidentified men, "
         "the union said.", ["STUDENTS"]),
        # the perfect with no period is no tally either
        ("Two peasants have been killed by the Northern Front, the army said.", ["PEASANTS"]),
    ],
)  # fmt: skip
def test_muc4_a_tally_of_people_harmed_so_far_is_no_incident(
    nlp, gazetteer, actor_kb, text: str, victims: list[str]
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0007")
    assert [f.value for t in templates for f in t.slot(19).fillers[:1]] == victims


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "groups"),
    [
        # the victim's own group, named in his description, did not attack him
        ("Pedro Valdivia, a leader of the Northern Front, was shot dead yesterday in Santa "
         "Clara. The Northern Front has held talks with the government since January.", []),
        # the group that did it stays its perpetrator
        ("Northern Front rebels killed three peasants yesterday in Santa Clara.",
         ["NORTHERN FRONT"]),
        ("Pedro Valdivia, a leader of the Workers Union, was shot dead yesterday in Santa Clara "
         "by the Northern Front.", ["NORTHERN FRONT"]),
    ],
)  # fmt: skip
def test_muc4_the_victims_own_group_is_not_the_perpetrator(
    nlp, gazetteer, actor_kb, text: str, groups: list[str]
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0008")
    assert [f.value for t in templates for f in t.slot(10).fillers] == groups
    assert len([f for t in templates for f in t.slot(11).fillers]) == len(groups)


def test_muc4_a_residence_takes_the_role_set_after_its_owner_s_name() -> None:
    from threatline.evaluate.muc4 import _owner, _physical_target_type

    text = (
        "Gunmen fired at the residence of Olaf Berg [name as received], the Norwegian "
        "ambassador in Quito, and at the house of Rosa Paz, the police said."
    )
    article = Article(id="a", text=text)

    event = EventMention(
        id="E1",
        type="armed_assault",
        trigger=_first_span(text, "fired"),
        physical_targets=[
            _first_span(text, "residence of Olaf Berg"),
            _first_span(text, "house of Rosa Paz"),
        ],
    )
    owner = _owner("RESIDENCE OF OLAF BERG", event, article)
    assert owner == "THE NORWEGIAN AMBASSADOR IN QUITO"
    assert _physical_target_type("RESIDENCE OF OLAF BERG", owner) == (
        "DIPLOMAT OFFICE OR RESIDENCE"
    )
    # 'the police said' tells who speaks, not whose the house is
    assert _owner("HOUSE OF ROSA PAZ", event, article) == ""


@pytest.mark.parametrize(
    ("text", "owner", "kind"),
    [
        ("HOME OF THE INTERIOR MINISTER", "", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("HOUSE OF JOSE ROCA", "THE INTERIOR MINISTER", "GOVERNMENT OFFICE OR RESIDENCE"),
        ("HOUSE OF A TEACHER", "", "CIVILIAN RESIDENCE"),
        ("HOUSE OF A MAYORAL CANDIDATE", "", "CIVILIAN RESIDENCE"),
    ],
)
def test_muc4_a_home_is_of_its_owner_s_kind(text, owner, kind) -> None:
    from threatline.evaluate.muc4 import _physical_target_type

    assert _physical_target_type(text, owner) == kind


@pytest.mark.parametrize(
    ("text", "owner", "kind"),
    [
        ("MAIN OFFICES OF LA VOZ", "", "COMMUNICATIONS"),
        ("BRANCH OF LA VOZ", "", "COMMUNICATIONS"),
        ("OFFICES", "LA VOZ'S", "COMMUNICATIONS"),
        ("OFFICE", "THE MORNING DAILY'S", "COMMUNICATIONS"),
        # a thing of its own kind keeps it, whoever owns it
        ("CAR OF LA VOZ", "", "TRANSPORT VEHICLE"),
        ("HOME OF THE LA VOZ DIRECTOR", "", "CIVILIAN RESIDENCE"),
        ("OFFICES OF THE HEALTH MINISTRY", "", "GOVERNMENT OFFICE OR RESIDENCE"),
    ],
)
def test_muc4_the_offices_of_a_news_outlet_are_of_communications(text, owner, kind) -> None:
    from threatline.evaluate.muc4 import _physical_target_type

    assert _physical_target_type(text, owner, ["LA VOZ"]) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ANUT BUILDING", "ORGANIZATION OFFICE"),
        ("OFFICES OF THE SIP", "LAW ENFORCEMENT FACILITY"),
        ("SIP HEADQUARTERS", "LAW ENFORCEMENT FACILITY"),
        # a thing of its own kind keeps it, whoever owns it
        ("SIP VEHICLE", "TRANSPORT VEHICLE"),
        ("HOUSE OF AN ANUT LEADER", "CIVILIAN RESIDENCE"),
        ("SAN ROQUE UNIVERSITY", "OTHER"),
        ("BUILDING", "OTHER"),
    ],
)
def test_muc4_a_building_named_by_a_known_body_is_of_that_body_s_kind(text, kind) -> None:
    from threatline.evaluate.muc4 import _bodies_kinds, _physical_target_type
    from threatline.models import Actor, Article

    article = Article(
        id="a",
        text="A bomb went off at the ANUT building and the SIP offices near San Roque University.",
    )
    actors = {
        "anut": Actor(
            id="anut",
            name="Andean Nurses Association",
            kind="organization",
            aliases=["ANUT"],
            in_kb=True,
        ),
        "sip": Actor(
            id="sip",
            name="Andean Security Police",
            kind="security_force",
            aliases=["SIP"],
            in_kb=True,
        ),
        "uni": Actor(
            id="uni",
            name="San Roque University",
            kind="organization",
            in_kb=True,
            mentions=[(62, 82)],
        ),
    }
    assert _physical_target_type(text, "", (), _bodies_kinds(actors, article)) == kind


def test_muc4_a_group_named_among_the_victims_leaves_the_perpetrators() -> None:
    from threatline.evaluate.muc4 import _drop_the_victims_groups

    template = MucTemplate(message_id="m")
    template.slots[10] = SlotFill(fillers=[Filler(("NORTHERN FRONT",)), Filler(("RED CELLS",))])
    template.slots[11] = SlotFill(
        fillers=[
            Filler(("REPORTED AS FACT",), ("NORTHERN FRONT",)),
            Filler(("CLAIMED OR ADMITTED",), ("RED CELLS",)),
        ]
    )
    template.slots[19] = SlotFill(fillers=[Filler(("LEADER OF THE RED CELLS",))])
    _drop_the_victims_groups(template)
    assert [f.value for f in template.slot(10).fillers] == ["NORTHERN FRONT"]
    assert [f.value for f in template.slot(11).fillers] == ["REPORTED AS FACT"]
    # a word of a group's name inside another word is no mention of it
    template.slots[19] = SlotFill(fillers=[Filler(("NORTHERN FRONTIER GUARDS",))])
    _drop_the_victims_groups(template)
    assert [f.value for f in template.slot(10).fillers] == ["NORTHERN FRONT"]


@pytest.mark.parametrize(
    ("army_confidence", "kept"),
    [
        # the army told as fact beside the rebels: the side they fought
        ("REPORTED AS FACT", ["NORTHERN FRONT"]),
        # the army charged beside them: a second suspect
        ("SUSPECTED OR ACCUSED", ["ARMY", "NORTHERN FRONT"]),
    ],
)
def test_muc4_the_states_force_told_as_fact_beside_an_armed_group_is_the_side_fought(
    army_confidence: str, kept: list[str]
) -> None:
    from threatline.evaluate.muc4 import _drop_the_state_fighting_the_doers

    template = MucTemplate(message_id="m")
    template.slots[10] = SlotFill(fillers=[Filler(("ARMY",)), Filler(("NORTHERN FRONT",))])
    template.slots[11] = SlotFill(
        fillers=[
            Filler((army_confidence,), ("ARMY",)),
            Filler(("CLAIMED OR ADMITTED",), ("NORTHERN FRONT",)),
        ]
    )
    _drop_the_state_fighting_the_doers(template)
    assert [f.value for f in template.slot(10).fillers] == kept
    assert [f.xref[0] for f in template.slot(11).fillers] == kept


def test_muc4_the_states_forces_alone_stay_the_doers() -> None:
    from threatline.evaluate.muc4 import _drop_the_state_fighting_the_doers

    template = MucTemplate(message_id="m")
    template.slots[10] = SlotFill(fillers=[Filler(("ARMY",)), Filler(("NATIONAL POLICE",))])
    template.slots[11] = SlotFill(
        fillers=[
            Filler(("REPORTED AS FACT",), ("ARMY",)),
            Filler(("REPORTED AS FACT",), ("NATIONAL POLICE",)),
        ]
    )
    _drop_the_state_fighting_the_doers(template)
    assert [f.value for f in template.slot(10).fillers] == ["ARMY", "NATIONAL POLICE"]


def test_muc4_a_template_told_as_an_act_in_one_sentence_is_no_tally() -> None:
    from threatline.evaluate.muc4 import _counts_harm_so_far

    def template(date: str = "- 12 MAR 90", place: str = "PERU", **more: str) -> MucTemplate:
        made = MucTemplate(message_id="m")
        made.slots[2] = SlotFill(fillers=[Filler((date,))])
        made.slots[3] = SlotFill(fillers=[Filler((place,))])
        made.slots[19] = SlotFill(fillers=[Filler(("TEACHERS",))])
        for slot, value in more.items():
            made.slots[int(slot[1:])] = SlotFill(fillers=[Filler((value,))])
        return made

    tally = "MORE THAN 40 TEACHERS HAVE BEEN MURDERED THIS YEAR."
    act = "TWO TEACHERS WERE KILLED NEAR THE TOWN."
    assert _counts_harm_so_far(template(), [tally])
    # the period of the tally as its date ('since January') is no day of its own
    assert _counts_harm_so_far(template(date="01 JAN 90 - 12 MAR 90"), [tally])
    # one sentence that tells an act makes the template an incident
    assert not _counts_harm_so_far(template(), [tally, act])
    assert not _counts_harm_so_far(template(), [act])
    # the perfect alone, or a period alone, is no tally
    assert not _counts_harm_so_far(template(), ["TWO TEACHERS HAVE BEEN KILLED."])
    assert not _counts_harm_so_far(template(), ["40 TEACHERS WERE KILLED THIS YEAR."])
    # a day, a town, a named victim or a building make it specific
    assert not _counts_harm_so_far(template(date="11 MAR 90"), [tally])
    assert not _counts_harm_so_far(template(date="10 MAR 90 - 11 MAR 90"), [tally])
    assert not _counts_harm_so_far(template(place="PERU: LIMA (CITY)"), [tally])
    assert not _counts_harm_so_far(template(s18="PEDRO VALDIVIA"), [tally])
    assert not _counts_harm_so_far(template(s12="SCHOOL"), [tally])
    # so do the people told as its doers
    assert not _counts_harm_so_far(template(s9="UNIDENTIFIED MEN"), [tally])


def test_muc4_acts_counted_over_weeks_are_a_tally() -> None:
    from threatline.evaluate.muc4 import _counts_acts_over_weeks

    def template(date: str = "- 12 MAR 90", **more: str) -> MucTemplate:
        made = MucTemplate(message_id="m")
        made.slots[2] = SlotFill(fillers=[Filler((date,))])
        made.slots[3] = SlotFill(fillers=[Filler(("PERU: LIMA (CITY)",))])
        made.slots[9] = SlotFill(fillers=[Filler(("HIRED GUNMEN",))])
        for slot, value in more.items():
            made.slots[int(slot[1:])] = SlotFill(fillers=[Filler((value,))])
        return made

    weeks = "FOUR MAYORS HAVE BEEN SHOT BY HIRED GUNMEN IN LIMA OVER THE PAST 5 WEEKS."
    months = "THE GANGS HAVE SET OFF 20 BOMBS IN THE CITY DURING THE LAST TWO MONTHS."
    act = "A BOMB WENT OFF AT THE BANK LAST NIGHT."
    # counted over weeks or months, even with its doers and town told: a tally
    assert _counts_acts_over_weeks(template(s19="MAYORS"), [weeks])
    assert _counts_acts_over_weeks(template(s12="BOMBS"), [months])
    assert _counts_acts_over_weeks(template(date="01 JAN 90 - 12 MAR 90"), [weeks])
    # one sentence that tells an act, a day of its own or a named victim make it an incident
    assert not _counts_acts_over_weeks(template(), [weeks, act])
    assert not _counts_acts_over_weeks(template(date="11 MAR 90"), [weeks])
    assert not _counts_acts_over_weeks(template(s18="PEDRO VALDIVIA"), [weeks])
    # a period that is not counted back from the report is no tally
    assert not _counts_acts_over_weeks(template(), ["HE WAS HELD FOR TWO WEEKS."])
    assert not _counts_acts_over_weeks(template(), ["THE TALKS WILL END IN TWO MONTHS."])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # the act itself denied, with no doer: no incident
        ("The regional command denied the killing of peasants in Santa Clara.", []),
        # a doer who denies his part: the act is still told
        ("The Northern Front denied the murder of Pedro Valdivia, the mayor of Santa Clara.",
         ["PEDRO VALDIVIA"]),
        ("The Northern Front today denied that it murdered Pedro Valdivia, the mayor of "
         "Santa Clara.", ["PEDRO VALDIVIA"]),
        # the same act told as fact
        ("Soldiers killed peasants in Santa Clara.", ["PEASANTS"]),
    ],
)  # fmt: skip
def test_muc4_an_act_denied_with_no_doer_is_no_incident(
    nlp, gazetteer, actor_kb, text: str, victims: list[str]
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0009")
    found = [f.value for t in templates for slot in (18, 19) for f in t.slot(slot).fillers[:1]]
    assert found[:1] == victims


@pytest.mark.parametrize(
    ("text", "doer", "kind", "category"),
    [
        # a description that names the state's forces: the state's violence
        ("Members of the army killed Ana Ruiz.", "Members", "other",
         "STATE-SPONSORED VIOLENCE"),
        ("Armed forces members killed Ana Ruiz.", "Armed forces members", "other",
         "STATE-SPONSORED VIOLENCE"),
        ("The police killed Ana Ruiz.", "police", "security_force",
         "STATE-SPONSORED VIOLENCE"),
        # men dressed as the state's forces are taken for them
        ("Men wearing military uniforms killed Ana Ruiz.", "Men wearing military uniforms",
         "other", "STATE-SPONSORED VIOLENCE"),
        ("Uniformed individuals killed Ana Ruiz.", "Uniformed individuals", "other",
         "STATE-SPONSORED VIOLENCE"),
        # a rebel army, a group's members or a mere uniform is not the state
        ("Members of the Army of Southern Liberation killed Ana Ruiz.", "Members", "other",
         "TERRORIST ACT"),
        ("The Army of Southern Liberation killed Ana Ruiz.", "Army", "security_force",
         "TERRORIST ACT"),
        ("Members of the Northern Front killed Ana Ruiz.", "Members", "other",
         "TERRORIST ACT"),
        ("Men wearing green uniforms killed Ana Ruiz.", "Men wearing green uniforms",
         "other", "TERRORIST ACT"),
        ("Unidentified men killed Ana Ruiz.", "Unidentified men", "other", "TERRORIST ACT"),
    ],
)  # fmt: skip
def test_muc4_doers_told_as_the_states_forces_commit_state_violence(
    text: str, doer: str, kind: str, category: str
) -> None:
    report = _article_report(
        text,
        [("a1", doer, kind, False), ("a2", "Ana Ruiz", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(8).fillers] == [category]


@pytest.mark.parametrize(
    ("text", "actors", "organizations"),
    [
        # the doers' own phrase names the state's force they belong to
        ("Members of the armed forces killed Ana Ruiz.",
         [("a1", "Members", "other")], ["ARMED FORCES"]),
        ("Army members killed Ana Ruiz in Santa Clara.",
         [("a1", "Army members", "other")], ["ARMY"]),
        # a rebel army's men are no state force
        ("Members of the Army of Southern Liberation killed Ana Ruiz.",
         [("a1", "Members", "other")], []),
        # a force named elsewhere is not said to be theirs
        ("Soldiers killed Ana Ruiz in Santa Clara. The army denied it.",
         [("a1", "Soldiers", "security_force"), ("a3", "army", "security_force")], []),
        # a group named as the doer keeps the slot to itself
        ("Members of the army and the Northern Front killed Ana Ruiz.",
         [("a1", "Members", "other"), ("a4", "Northern Front", "armed_group")],
         ["NORTHERN FRONT"]),
    ],
)  # fmt: skip
def test_muc4_the_states_force_is_the_organization_of_its_men(
    text: str, actors: list[tuple[str, str, str]], organizations: list[str]
) -> None:
    doers = [i for i, _, _ in actors if i != "a3"]  # a3: a force only named
    report = _article_report(
        text,
        [(i, name, kind, False) for i, name, kind in actors]
        + [("a2", "Ana Ruiz", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [Participant(actor=i, role="perpetrator") for i in doers]
                + [Participant(actor="a2", role="victim")],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == organizations
    assert len(template.slot(11).fillers) == len(organizations)


@pytest.mark.parametrize(
    ("text", "group", "both", "organizations"),
    [
        # a known group's name in another word order is that group, written once
        ("The Army of Southern Liberation killed Ana Ruiz. The Southern Liberation Army is "
         "active.", "Southern Liberation Army", False, ["SOUTHERN LIBERATION ARMY"]),
        ("The Army of Southern Liberation-Red Faction killed Ana Ruiz. The Southern "
         "Liberation Army is active.", "Southern Liberation Army", True,
         ["SOUTHERN LIBERATION ARMY"]),
        # another group's name, or the state's army, is no such name
        ("The Army of Southern Liberation killed Ana Ruiz. The Northern Front is active.",
         "Northern Front", False, ["ARMY"]),
        ("The Army of Southern Liberation killed Ana Ruiz. The Liberation Front is active.",
         "Liberation Front", False, ["ARMY"]),
        ("The army of the republic killed Ana Ruiz. The Southern Liberation Army is active.",
         "Southern Liberation Army", False, ["ARMY"]),
    ],
)  # fmt: skip
def test_muc4_a_rebel_army_named_in_another_word_order_is_the_known_group(
    text: str, group: str, both: bool, organizations: list[str]
) -> None:
    participants = [
        Participant(actor="a1", role="perpetrator"),
        Participant(actor="a2", role="victim"),
    ]
    if both:
        participants.append(Participant(actor="a3", role="perpetrator"))
    report = _article_report(
        text,
        [
            ("a1", "Army" if "Army" in text else "army", "security_force", False),
            ("a2", "Ana Ruiz", "person", False),
            ("a3", group, "armed_group", True),
        ],
        [{"type": "armed_assault", "trigger": "killed", "participants": participants}],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == organizations


@pytest.mark.parametrize(
    ("first", "second", "category"),
    [
        # the doers told later give the category the first report could only presume
        (None, "soldiers", "STATE-SPONSORED VIOLENCE"),
        ("soldiers", None, "STATE-SPONSORED VIOLENCE"),
        # a doer told first keeps his category
        ("guerrillas", "soldiers", "TERRORIST ACT"),
        (None, None, "TERRORIST ACT"),
    ],
)
def test_muc4_a_category_presumed_for_want_of_a_doer_yields_to_a_doers(
    first: str | None, second: str | None, category: str
) -> None:
    text = (
        "Ana Ruiz was shot dead on Monday. Witnesses said guerrillas or soldiers gunned her down."
    )
    kinds = {"guerrillas": "armed_group", "soldiers": "security_force"}
    events = []
    for trigger, doer in (("shot dead", first), ("gunned", second)):
        participants = [Participant(actor="a9", role="victim")]
        if doer:
            participants.append(Participant(actor=doer, role="perpetrator"))
        events.append({"type": "armed_assault", "trigger": trigger, "participants": participants})
    report = _article_report(
        text,
        [(name, name, kind, False) for name, kind in kinds.items()]
        + [("a9", "Ana Ruiz", "person", False)],
        events,
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(8).fillers] == [category]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Members of the army killed Pedro Valdivia, the mayor of Santa Clara.",
         "STATE-SPONSORED VIOLENCE"),
        ("Members of the Northern Front killed Pedro Valdivia, the mayor of Santa Clara.",
         "TERRORIST ACT"),
    ],
)  # fmt: skip
def test_muc4_members_of_the_army_commit_state_violence(
    nlp, gazetteer, actor_kb, text: str, category: str
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0009")
    assert [f.value for t in templates for f in t.slot(8).fillers] == [category]


@pytest.mark.parametrize(
    ("group", "role"),
    [
        ("PEASANTS", "PEASANT"),
        ("ARMY POLICEMEN", "ARMY POLICEMAN"),
        ("MISSIONARIES", "MISSIONARY"),
        # no role noun, one person, or a long group: none
        ("PEOPLE", None),
        ("PEASANT", None),
        ("LEADERS OF THE NORTHERN FRONT", None),
    ],
)
def test_muc4_singular_role_of_a_group(group: str, role: str | None) -> None:
    assert _singular_role(group) == role


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "descriptions"),
    [
        # a role told in apposition ('an ideologist of the Front')
        ("Pedro Valdivia, an ideologist of the Northern Front, was shot dead yesterday in Santa "
         "Clara.", ["IDEOLOGIST OF THE NORTHERN FRONT"]),
    ],
)  # fmt: skip
def test_muc4_role_in_apposition_describes_the_victim(
    nlp, gazetteer, actor_kb, text: str, descriptions: list[str]
) -> None:
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0009")
    assert [f.value for f in template.slot(19).fillers] == descriptions


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the people hurt, named one by one right after the act
        ("A bomb exploded yesterday at a bank in Santa Clara, injuring three people. One of "
         "them is Rosa Ibarra, who lives in the Lomas neighborhood.", ["ROSA IBARRA"]),
        ("A bomb exploded yesterday at a bank in Santa Clara, injuring three people. The other "
         "victim, Luis Soto, is recovering in a hospital.", ["LUIS SOTO"]),
        # a person named after the act who is none of them
        ("A bomb exploded yesterday at a bank in Santa Clara, injuring three people. Mayor Rosa "
         "Ibarra condemned the attack.", []),
    ],
)  # fmt: skip
def test_muc4_victims_named_one_by_one_after_the_act(
    nlp, gazetteer, actor_kb, text: str, names: list[str]
) -> None:
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0010")
    assert [f.value for f in template.slot(18).fillers] == names


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doers"),
    [
        # a one-word description first told as a modifier ('guerrilla attacks') takes the
        # doer noun it modifies in the act's own phrase
        ("Several guerrilla attacks took place last night. Guerrilla urban commandos bombed a "
         "bank in the capital this morning.", ["GUERRILLA URBAN COMMANDOS"]),
        ("Guerrilla urban commando units raided the house of judge Pedro Valdivia today, "
         "killing a policeman.", ["GUERRILLA URBAN COMMANDO UNITS"]),
        # the act's own sentence calls the doers otherwise than the report first did
        ("Guerrillas attacked an army post in Santa Rita on Monday, the army said. Radio Sol "
         "reported that the rebels destroyed the town hall in Santa Rita.", ["REBELS"]),
    ],
)  # fmt: skip
def test_muc4_the_doers_as_the_act_describes_them(
    nlp, gazetteer, actor_kb, text: str, doers: list[str]
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0011")
    assert [f.value for f in templates[-1].slot(9).fillers] == doers


def _doers_of(text: str, mentions: list[str]) -> list[str]:
    """PERP: INDIVIDUAL ID of one bombing of a bank, triggered by 'bombed', whose doer is a
    group with the given mentions (phrases of ``text``, each its first occurrence)."""
    report = _article_report(
        text,
        [("a1", mentions[0], "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["bank"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    spans = [(text.index(m), text.index(m) + len(m)) for m in mentions]
    group = report.actors[0].model_copy(update={"mentions": spans})
    (template,) = report_to_templates(report.model_copy(update={"actors": [group]}))
    return [f.value for f in template.slot(9).fillers]


def test_muc4_a_modifier_takes_only_a_doer_noun_of_its_own_phrase() -> None:
    assert _doers_of("The guerrilla urban commandos bombed a bank.", ["guerrilla"]) == [
        "GUERRILLA URBAN COMMANDOS"
    ]
    # a verb between the word and a doer noun: no phrase of doers
    assert _doers_of("A guerrilla shot soldiers and bombed a bank.", ["guerrilla"]) == ["GUERRILLA"]
    # a plural is the doers' own noun, whatever follows it
    assert _doers_of("The rebels bombed a bank.", ["rebels"]) == ["REBELS"]


def test_muc4_the_act_s_own_description_of_its_doers() -> None:
    text = "Rebels shot a judge in May. The terrorists bombed a bank."
    assert _doers_of(text, ["Rebels", "terrorists"]) == ["TERRORISTS"]
    # the description told in another sentence only: the report's first
    text = "The terrorists shot a judge in May. Then they bombed a bank."
    assert _doers_of(text, ["terrorists"]) == ["TERRORISTS"]
    # a word of no doers, or a bare collective, in the act's sentence does not replace it
    text = "Rebels shot a judge in May. The group bombed a bank."
    assert _doers_of(text, ["Rebels", "group"]) == ["REBELS"]
    text = "Rebels shot a judge in May. Their unit bombed a bank."
    assert _doers_of(text, ["Rebels", "unit"]) == ["REBELS"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an act told over a list of towns: the towns after the first
        ("Rebels burned the homes of peasants in Yurimaguas, Vado Alto and Los Olmos on Sunday.",
         ["VADO ALTO", "LOS OLMOS"]),
        ("BOMBS EXPLODED IN YURIMAGUAS AND IN PIEDRA NEGRA, DAMAGING TWO BANKS.", ["PIEDRA NEGRA"]),
        ("REBELS KIDNAPPED 20 PEASANTS IN YURIMAGUAS AND LOS OLMOS DISTRICTS.", ["LOS OLMOS"]),
        ("IN YURIMAGUAS AND VADO ALTO THE REBELS SET TWO SCHOOLS ON FIRE.", ["VADO ALTO"]),
        # a town and its department, a road, streets: no list of places of the act
        ("Rebels burned the homes of peasants in Yurimaguas, in the department of Ribera.", []),
        ("Rebels burned two buses on the road between Yurimaguas and Vado Alto.", []),
        ("Rebels burned the homes of peasants in Yurimaguas and Ribera department.", []),
        ("A bomb exploded at the corner of Yurimaguas and Nogal streets.", []),
        ("Rebels burned the homes of peasants in Yurimaguas and Peru.", []),
        # the list ends with no name: a verb, a clause, a time
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS AND PROMISED THAT MORE WOULD BURN.", []),
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS AND KILLED TWO PEASANTS.", []),
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS, KILLING TWO PEASANTS.", []),
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS, VADO ALTO.", []),
        ("BOMBS WENT OFF IN YURIMAGUAS AND THIS MORNING IN VADO ALTO.", []),
        # the list ends its sentence: the period is no part of the last name
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS, VADO ALTO, AND LOS OLMOS. POLICE CAME LATER.",
         ["VADO ALTO", "LOS OLMOS"]),
        ("REBELS BURNED TWO HOUSES IN YURIMAGUAS. POLICE CAME LATER.", []),
    ],
)  # fmt: skip
def test_muc4_places_listed_after_the_place_of_an_act(text: str, names: list[str]) -> None:
    start = text.lower().index("yurimaguas")
    peru = Place(id="P9", name="Peru", country="PE", level=PlaceLevel.COUNTRY)
    assert _places_listed_after(text, start, start + len("yurimaguas"), [peru]) == names


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "towns"),
    [
        # one act told over a list of towns: one incident in each
        ("Rebels of the Northern Front set fire to the homes of peasants in Yurimaguas, Vado Alto "
         "and Los Olmos on Sunday.", ["YURIMAGUAS", "VADO ALTO", "LOS OLMOS"]),
        ("REBELS OF THE NORTHERN FRONT DYNAMITED THE HOMES OF PEASANTS IN YURIMAGUAS AND IN LOS "
         "OLMOS ON SUNDAY.", ["YURIMAGUAS", "LOS OLMOS"]),
        # a town and its department; one person hit; the state's forces sweeping two places
        ("Rebels of the Northern Front set fire to the homes of peasants in Yurimaguas, in the "
         "department of Ribera, on Sunday.", ["YURIMAGUAS"]),
        ("Rebels of the Northern Front attacked the mayor Pedro Valdivia in Yurimaguas and Vado "
         "Alto on Sunday.", ["YURIMAGUAS"]),
        ("Soldiers strafed the homes of peasants in Yurimaguas and Vado Alto on Sunday, killing "
         "four peasants.", ["YURIMAGUAS"]),
        # the act told first, its towns in a later sentence about it
        ("REBELS OF THE NORTHERN FRONT BURNED THE HOMES OF PEASANTS IN ATTACKS ON FOUR TOWNS "
         "YESTERDAY. THE ATTACKS TOOK PLACE IN THE TOWNS OF YURIMAGUAS, VADO ALTO, PIEDRA NEGRA, "
         "AND LOS OLMOS. THE POLICE ARRIVED LATER.",
         ["YURIMAGUAS", "VADO ALTO", "PIEDRA NEGRA", "LOS OLMOS"]),
        # towns the doers came from are not where the act was done: a list of towns not told
        # as where something happened names no place of the act
        ("REBELS OF THE NORTHERN FRONT BURNED THE HOMES OF PEASANTS IN ATTACKS ON FOUR TOWNS "
         "YESTERDAY. THE REBELS CAME FROM THE TOWNS OF YURIMAGUAS, VADO ALTO, PIEDRA NEGRA, AND "
         "LOS OLMOS. THE POLICE ARRIVED LATER.", ["PERU"]),
    ],
)  # fmt: skip
def test_muc4_an_act_told_over_a_list_of_towns_is_one_incident_in_each(
    nlp, gazetteer, actor_kb, text: str, towns: list[str]
) -> None:
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0011")
    locations = [t.slot(3).fillers[0].value for t in templates]
    assert [re.sub(r" \(\w+\)$", "", v.split(": ")[-1]) for v in locations] == towns
    if len(templates) > 1:  # the same doers in each
        assert len({str(t.slot(10).fillers) for t in templates}) == 1


@pytest.mark.parametrize(
    ("text", "victims", "towns"),
    [
        ("Guerrillas killed the peasants in Vado Alto, Piedra Negra and Los Olmos.",
         ["the peasants"], ["VADO ALTO", "PIEDRA NEGRA", "LOS OLMOS"]),
        # the towns of the list are what the act hit, not where it happened
        ("Guerrillas attacked Vado Alto, Piedra Negra and Los Olmos.",
         ["Piedra Negra", "Los Olmos"], ["VADO ALTO"]),
    ],
)  # fmt: skip
def test_muc4_towns_hit_by_an_act_are_no_list_of_its_places(
    text: str, victims: list[str], towns: list[str]
) -> None:
    report = _article_report(
        text,
        [("a1", "Guerrillas", "armed_group", False)]
        + [(f"v{i}", v, "civilians", False) for i, v in enumerate(victims)],
        [
            {
                "type": "armed_assault",
                "trigger": text.split()[1],
                "place": EventPlace(
                    id="P1",
                    text="Vado Alto",
                    start=text.index("Vado Alto"),
                    end=text.index("Vado Alto") + len("Vado Alto"),
                ),
                "participants": [Participant(actor="a1", role="perpetrator")]
                + [Participant(actor=f"v{i}", role="victim") for i in range(len(victims))],
            }
        ],
    )
    start = text.index("Vado Alto")
    report.places = [Place(id="P1", name="Vado Alto", country="PE", mentions=[(start, start + 9)])]
    locations = [t.slot(3).fillers[0].value for t in report_to_templates(report)]
    assert locations == [f"PERU: {town} (CITY)" for town in towns]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doers"),
    [
        # 'members' of a named body are described with it, their count kept
        ("Eight members of the army killed the mayor of Chimbote yesterday, police said.",
         ["EIGHT MEMBERS OF THE ARMY"]),
        ("Members of the Northern Front killed the mayor of Chimbote on Tuesday.",
         ["MEMBERS OF THE NORTHERN FRONT"]),
        # up to the body's name: the verb after it stays out
        ("Members of the army killed six priests and two women in Chimbote yesterday.",
         ["MEMBERS OF THE ARMY"]),
        # no body named after them: the bare noun
        ("Eight members killed the mayor of Chimbote yesterday.", ["EIGHT MEMBERS"]),
    ],
)  # fmt: skip
def test_muc4_doers_told_as_members_of_a_body(
    nlp, gazetteer, actor_kb, text: str, doers: list[str]
) -> None:
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(9).fillers] == doers


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doers"),
    [
        # the people who found the body are no doers
        ("The body of the judge was found by residents of the area in Chimbote yesterday.", []),
        # the doers the act names are kept
        ("Armed men shot dead the judge in Chimbote yesterday. His son, who was with him, was "
         "unhurt.", ["ARMED MEN"]),
    ],
)  # fmt: skip
def test_muc4_bystanders_read_as_doers_are_dropped(
    nlp, gazetteer, actor_kb, text: str, doers: list[str]
) -> None:
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0013")
    assert [f.value for f in template.slot(9).fillers] == doers
    assert [f.value for f in template.slot(19).fillers] == ["JUDGE"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doers"),
    [
        # a doer told by surname after his full name: named in full
        ("Police identified Ramiro Quesada Pardo as a member of the Northern Front. Quesada "
         "shot the mayor of Chimbote yesterday, police said.", ["RAMIRO QUESADA PARDO"]),
        # two full names hold the surname: left as the act tells it
        ("Police identified Ramiro Quesada Pardo and Julio Quesada Lima as members of the "
         "Northern Front. Quesada shot the mayor of Chimbote yesterday, police said.",
         ["QUESADA"]),
    ],
)  # fmt: skip
def test_muc4_a_doer_named_by_surname_gets_the_full_name(
    nlp, gazetteer, actor_kb, text: str, doers: list[str]
) -> None:
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0014")
    assert [f.value for f in template.slot(9).fillers] == doers


@pytest.mark.parametrize(
    ("text", "name", "level", "fill"),
    [
        # a street is in the town named last before it
        (
            "Villa Rosa: Gunmen shot Ana Ruiz on 12th Street.",
            "12th Street",
            "venue",
            "PERU: VILLA ROSA (CITY)",
        ),
        (
            "Villa Rosa: Gunmen shot Ana Ruiz on Los Olivos avenue.",
            "Los Olivos avenue",
            "venue",
            "PERU: VILLA ROSA (CITY)",
        ),
        # a code of letters and digits (a plane's model) is no place: the country, and the
        # town its paragraph names
        (
            "Villa Rosa: Gunmen shot Ana Ruiz in a KX-47 plane.",
            "KX-47",
            "area",
            "PERU: VILLA ROSA (CITY)",
        ),
        ("Gunmen shot Ana Ruiz in a KX-47 plane.", "KX-47", "area", "PERU"),
        # a venue that is neither keeps its own name
        (
            "Villa Rosa: Gunmen shot Ana Ruiz in Cerro Alto.",
            "Cerro Alto",
            "venue",
            "PERU: CERRO ALTO (CITY)",
        ),
    ],
)
def test_muc4_location_of_a_street_or_a_code_is_no_town(text, name, level, fill) -> None:
    start = text.index(name)
    spot = Place(
        id="P2", name=name, country="PE", level=level, mentions=[(start, start + len(name))]
    )
    towns = [_VILLA_ROSA] if text.startswith("Villa Rosa") else []
    report = _located_report(text, [*towns, spot], place_id="P2")
    event = report.events[0].model_copy(
        update={"place": EventPlace(id="P2", text=name, start=start, end=start + len(name))}
    )
    report = report.model_copy(update={"events": [event]})
    assert _location(report) == [fill]


def test_muc4_location_of_a_street_with_no_town_before_it_is_the_country() -> None:
    # the town told after the street, in another paragraph
    text = "Gunmen shot Ana Ruiz on 12th Street.\n\nVilla Rosa mourned."
    start = text.index("12th Street")
    town = _VILLA_ROSA.model_copy(update={"mentions": [(text.index("Villa"), len(text) - 9)]})
    street = Place(
        id="P2", name="12th Street", country="PE", level="venue", mentions=[(start, start + 11)]
    )
    report = _located_report(text, [town, street], place_id="P2")
    event = report.events[0].model_copy(
        update={"place": EventPlace(id="P2", text="12th Street", start=start, end=start + 11)}
    )
    assert _location(report.model_copy(update={"events": [event]})) == ["PERU"]


@pytest.mark.parametrize(
    ("text", "physical", "humans"),
    [
        # the outlet named in the building hit owns it: no human target
        (
            "Gunmen bombed the offices of the daily El Faro.",
            ["offices of the daily El Faro"],
            [],
        ),
        (
            "Gunmen bombed the El Faro newspaper building.",
            ["El Faro newspaper building"],
            [],
        ),
        # the outlet attacked with another building hit is still a body, not a person
        ("Gunmen bombed a bank and threatened El Faro.", ["bank"], []),
    ],
)
def test_muc4_a_body_named_in_the_building_hit_is_no_human_target(text, physical, humans) -> None:
    report = _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", "El Faro", "media", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": physical,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="target"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == humans
    assert [f.value for f in template.slot(12).fillers] == [p.upper() for p in physical]


@pytest.mark.parametrize(
    ("victim", "kind", "in_kb", "humans"),
    [
        # a university, a union federation, a relief body: bodies, not people
        ("the university, UCN", "organization", True, ["PRIEST"]),
        ("the Andean Workers Federation", "organization", False, ["PRIEST"]),
        ("the Red Cross", "international_org", True, ["PRIEST"]),
        # a name the tagger took for a body's is a person's: he stays
        ("Tomas Arancibia", "organization", False, ["TOMAS ARANCIBIA", "PRIEST"]),
        # the men of the state are people; those of an armed group, told only as fighters,
        # are doers or fighters harmed, no human targets either
        ("the soldiers", "security_force", False, ["SOLDIERS", "PRIEST"]),
        ("the guerrillas", "armed_group", False, ["PRIEST"]),
    ],
)
def test_muc4_a_body_harmed_is_no_human_target(victim, kind, in_kb, humans) -> None:
    text = f"Gunmen attacked {victim} and killed a priest."
    report = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", victim, kind, in_kb),
            ("a3", "priest", "civilians", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="target"),
                    Participant(actor="a3", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    names = [f.value for f in template.slot(18).fillers]
    descriptions = [f.value for f in template.slot(19).fillers]
    assert [*names, *descriptions] == humans
    # the body leaves no type or number behind
    assert {f.xref[0] for f in template.slot(20).fillers} == set(humans)
    assert {f.xref[0] for f in template.slot(21).fillers} == set(humans)


def test_muc4_a_body_harmed_alone_stays_the_target() -> None:
    """With nothing else harmed the body is the only target the template can be matched by:
    it stays, as the physical target its offices are."""
    text = "Gunmen attacked the Andean Workers Federation."
    report = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "the Andean Workers Federation", "organization", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="target"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(12).fillers] == ["ANDEAN WORKERS FEDERATION"]


@pytest.mark.parametrize(
    ("role", "description"),
    [
        # the tagger told the title apart from the name, with the role: it is the name's
        ("Attorney General Dr", "ATTORNEY GENERAL"),
        ("Labor Minister Mr", "LABOR MINISTER"),
        # a role with no title after it stays whole, a word that only starts like one too
        ("Attorney General", "ATTORNEY GENERAL"),
        ("Deputy Director Drummond", "DEPUTY DIRECTOR DRUMMOND"),
    ],
)
def test_muc4_a_title_left_at_the_end_of_a_role_is_no_part_of_it(role, description) -> None:
    text = f"Gunmen killed {role} Pablo Mena."
    report = _article_report(
        text,
        [("a1", "Gunmen", "armed_group", False), ("a2", "Pablo Mena", "person", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    start = text.index(role)
    report.actors[1].mentions.insert(0, (start, start + len(role)))
    (template,) = report_to_templates(report)
    assert [(f.value, f.xref) for f in template.slot(19).fillers] == [
        (description, ("PABLO MENA",))
    ]


def _victims_per_template(text: str) -> list[list[str]]:
    """HUM TGT: NAME of each template written for one shooting of two named people."""
    report = _article_report(
        text,
        [
            ("a1", "Soldiers", "security_force", False),
            ("a2", "Pedro Valdivia", "person", False),
            ("a3", "Tomas Vega", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                    Participant(actor="a3", role="victim"),
                ],
            }
        ],
    )
    return [[f.value for f in t.slot(18).fillers] for t in report_to_templates(report)]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # the text counts one act per named victim: one incident each
        ("Soldiers killed two reporters, Pedro Valdivia and Tomas Vega, in two separate "
         "shootings in Lima last night.", [["PEDRO VALDIVIA"], ["TOMAS VEGA"]]),
        ("Soldiers killed Pedro Valdivia and Tomas Vega in separate attacks in Lima.",
         [["PEDRO VALDIVIA"], ["TOMAS VEGA"]]),
        # one act on both, or a count of acts that is not one per victim: one incident
        ("Soldiers killed Pedro Valdivia and Tomas Vega in one attack in Lima.",
         [["PEDRO VALDIVIA", "TOMAS VEGA"]]),
        ("Soldiers killed Pedro Valdivia and Tomas Vega in three separate attacks in Lima.",
         [["PEDRO VALDIVIA", "TOMAS VEGA"]]),
        ("Soldiers killed Pedro Valdivia and Tomas Vega, and they separated the bodies.",
         [["PEDRO VALDIVIA", "TOMAS VEGA"]]),
    ],
)  # fmt: skip
def test_muc4_named_victims_of_separate_acts_are_one_incident_each(
    text: str, victims: list[list[str]]
) -> None:
    assert _victims_per_template(text) == victims


@pytest.mark.parametrize(
    ("second", "trigger", "target", "count"),
    [
        # one more target told as 'also attacked': one more act
        ("The residence of Tomas Vega was also attacked.", "attacked", "The residence", 2),
        ("The residences of two judges were also attacked.", "attacked", "The residences", 2),
        # no 'also', or a harm that the act told before may have done: that act
        ("The residence of Tomas Vega was attacked.", "attacked", "The residence", 1),
        ("The residence was also hit by the gunfire.", "hit", "The residence", 1),
    ],
)
def test_muc4_a_target_also_attacked_is_one_more_act(
    second: str, trigger: str, target: str, count: int
) -> None:
    """'X was also attacked' tells one more act on one more target (part1 5.0)."""
    text = f"Rebels fired on the residence of Pedro Valdivia last night. {second}"
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "fired",
                "physical": ["residence"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
            {
                "type": "armed_assault",
                "trigger": trigger,
                "physical": [target],
            },
        ],
    )
    assert len(report_to_templates(report)) == count


@pytest.mark.parametrize(
    ("second", "count"),
    [
        # the doers 'also blew up' something: one more act of theirs
        ("The rebels also blew up two power towers.", 2),
        ("They also dynamited two power towers.", 2),
        # no 'also': the towers may be what the blast told before hit
        ("The rebels blew up two power towers.", 1),
    ],
)
def test_muc4_doers_that_also_blew_up_a_target_did_one_more_act(second: str, count: int) -> None:
    text = f"A bomb exploded at the central market of Lima last night, injuring Ana Ruiz. {second}"
    trigger = "dynamited" if "dynamited" in second else "blew"
    doers = "They" if second.startswith("They") else "rebels"
    report = _article_report(
        text,
        [("a1", doers, "armed_group", False), ("a2", "Ana Ruiz", "person", False)],
        [
            {
                "type": "bombing",
                "trigger": "exploded",
                "time": TimeSpan(
                    text="last night", start=dt.date(1990, 3, 11), end=dt.date(1990, 3, 11)
                ),
                "participants": [Participant(actor="a2", role="victim")],
            },
            {
                "type": "bombing",
                "trigger": trigger,
                "physical": ["two power towers"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
        ],
    )
    assert len(report_to_templates(report)) == count


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the list gives each bomb its own target: one incident per target
        (
            "Three bombs went off in Lima last night, one at the central market, another at "
            "the Valdivia Bank, and another at a school for nurses.",
            [["CENTRAL MARKET"], ["VALDIVIA BANK"], ["SCHOOL"]],
        ),
        (
            "Two bombs went off in Lima last night, one in front of the central market and "
            "the other at the Valdivia Bank; a school was also damaged.",
            [["CENTRAL MARKET", "SCHOOL"], ["VALDIVIA BANK"]],
        ),
        # bombs told at targets together, or a list that names one of them: one incident
        (
            "Three bombs went off in Lima last night at the central market, the Valdivia Bank "
            "and a school for nurses.",
            [["CENTRAL MARKET", "VALDIVIA BANK", "SCHOOL"]],
        ),
        (
            "Two bombs went off at the central market, the Valdivia Bank and a school for "
            "nurses, one at the entrance and another at the back door.",
            [["CENTRAL MARKET", "VALDIVIA BANK", "SCHOOL"]],
        ),
    ],
)
def test_muc4_bombs_listed_one_per_target_are_one_incident_each(
    text: str, targets: list[list[str]]
) -> None:
    """'Three bombs went off, one at A, another at B': one incident per bomb (part1 5.0)."""
    report = _article_report(
        f"{text} The Northern Front said it set off the bombs.",
        [("a1", "The Northern Front", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "went off",
                "physical": ["central market", "Valdivia Bank", "school"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    written = [[f.value for f in t.slot(12).fillers] for t in report_to_templates(report)]
    assert written == targets


@pytest.mark.model
@pytest.mark.parametrize(
    ("second", "named_apart"),
    [
        # a participle told with no day of its own: an older act on the one it names
        (
            "WORKERS SAID THAT THE SHOP, WHOSE OWNER WAS A FOLLOWER OF RECENTLY ASSASSINATED "
            "PRESIDENTIAL CANDIDATE PEDRO VALDIVIA, WAS BURNED BY YOUTHS.",
            True,
        ),
        # told with no participle before the name: one more harm of the act told before
        (
            "WORKERS SAID THAT THE SHOP, WHOSE OWNER WAS A FOLLOWER OF PRESIDENTIAL CANDIDATE "
            "PEDRO VALDIVIA, WHO WAS ASSASSINATED RECENTLY, WAS BURNED BY YOUTHS.",
            False,
        ),
        # the victim told again on the day of the killing: the same act
        ("THE POLICE SAID THE MURDERED BANKER PEDRO VALDIVIA HAD RECEIVED THREATS.", False),
    ],
)
def test_muc4_a_killing_told_in_passing_before_its_victim_is_its_own_incident(
    nlp, gazetteer, actor_kb, second: str, named_apart: bool
) -> None:
    """'a follower of the recently murdered candidate X': an act told in passing on a person
    of its own, not one more harm of the act told before (part1 5.0)."""
    text = "THE NORTHERN FRONT CLAIMED AN ATTACK TODAY ON THE CITY AIRPORT, IN WHICH A GUNMAN "
    text += "KILLED ONE PERSON. " + second
    templates = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0031")
    named = [t for t in templates if t.slot(18).fillers]
    assert [f.value for f in named[0].slot(18).fillers] == ["PEDRO VALDIVIA"]
    alone = not any(f.value == "PERSON" for f in named[0].slot(19).fillers)
    assert alone == named_apart


def _robbery_report(doer: str, kind: str, target: str = "pharmacy") -> ArticleReport:
    text = f"{doer} robbed a {target} in Villa Serena yesterday."
    article = Article.from_text(text, title="TST9-MUC4-0002", published=dt.date(1990, 3, 12))
    start, at = text.index("robbed"), text.index(target)
    robbery = EventMention(
        id="E1",
        type="robbery",
        trigger=Span(start=start, end=start + len("robbed"), text="robbed"),
        time=TimeSpan(text="yesterday", start=dt.date(1990, 3, 11), end=dt.date(1990, 3, 11)),
        participants=[Participant(actor="a1", role="perpetrator")],
        physical_targets=[Span(start=at, end=at + len(target), text=target)],
    )
    doers = Actor(id="a1", name=doer, kind=kind, mentions=[(0, len(doer))])
    return ArticleReport(article=article, actors=[doers], events=[robbery])


def test_muc4_a_robbery_by_an_armed_group_is_a_robbery_and_one_by_civilians_is_none() -> None:
    (template,) = report_to_templates(_robbery_report("Gunmen of the Front", "armed_group"))
    assert [f.value for f in template.slot(4).fillers] == ["ROBBERY"]
    assert report_to_templates(_robbery_report("Two neighbours", "civilians")) == []


@pytest.mark.parametrize(
    ("target", "effect"),
    [
        ("pharmacy", "PROPERTY TAKEN FROM TARGET"),
        ("bank branch", "MONEY TAKEN FROM TARGET"),
    ],
)
def test_muc4_a_robbery_took_a_bank_s_money_and_another_s_property(target, effect) -> None:
    (template,) = report_to_templates(_robbery_report("Gunmen of the Front", "armed_group", target))
    assert [(f.value, f.xref) for f in template.slot(16).fillers] == [(effect, (target.upper(),))]


def test_muc4_an_attack_on_the_robbed_person_is_part_of_the_robbery() -> None:
    robbery = make(s2="07 JAN 90", s4="ROBBERY", s19='"TRADER"')
    shooting = make(s2="07 JAN 90", s4="ATTACK", s18='"PEDRO VALDIVIA"', s19='"TRADER"')
    # 'robbed a trader ... the trader, Pedro Valdivia, ... they shot him': the description
    # tied to the name is the nameless one
    named = make(
        s2="07 JAN 90", s4="ATTACK", s18='"PEDRO VALDIVIA"', s19='"TRADER": "PEDRO VALDIVIA"'
    )
    assert _same_incident(robbery, named) and _same_incident(named, robbery)
    other = make(s2="07 JAN 90", s4="ATTACK", s12='"POWER PYLON"')
    later = make(s2="19 JAN 90", s4="ATTACK", s19='"TRADER"')
    assert _same_incident(robbery, shooting) and _same_incident(shooting, robbery)
    assert not _same_incident(robbery, other) and not _same_incident(robbery, later)


def test_muc4_a_group_and_its_members_told_one_by_one_are_one_incident() -> None:
    """'Gunmen killed three farmers in Villa Serena ... the victims were identified as
    Pedro Valdivia, a farmer, ...': the group and the people told by the role's singular
    are the same victims, though only one sentence names the town."""
    group = make(s2="07 JAN 90", s3="PERU: VILLA SERENA (CITY)", s4="ATTACK",
                 s10='"SHINING PATH"', s19='"FARMERS"')  # fmt: skip
    members = make(s2="07 JAN 90", s3="PERU", s4="ATTACK", s18='"PEDRO VALDIVIA"',
                   s19='"FARMER": "PEDRO VALDIVIA"')  # fmt: skip
    assert _same_incident(group, members) and _same_incident(members, group)
    others = make(s2="07 JAN 90", s3="PERU", s4="ATTACK", s18='"PEDRO VALDIVIA"',
                  s19='"JUDGE": "PEDRO VALDIVIA"')  # fmt: skip
    assert not _same_incident(group, others)


def test_muc4_robberies_by_one_band_at_one_time_and_place_are_one_raid() -> None:
    def robbery(date: str, doers: str, target: str, kind: str = "ROBBERY") -> MucTemplate:
        return make(s2=date, s3="PERU: VILLA SERENA (CITY)", s4=kind, s9=doers, s12=target)

    bank = robbery("- 08 JAN 90", '"REBELS"', '"BANK"')
    assert _same_incident(bank, robbery("07 JAN 90", '"REBELS"', '"STORES"'))
    # another band, or attacks rather than robberies: targets apart are incidents apart
    assert not _same_incident(bank, robbery("07 JAN 90", '"BANDITS"', '"STORES"'))
    assert not _same_incident(
        robbery("- 08 JAN 90", '"REBELS"', '"BANK"', "ATTACK"),
        robbery("07 JAN 90", '"REBELS"', '"STORES"', "ATTACK"),
    )
    earlier = robbery("07 JAN 90", '"REBELS"', '"BANK"')
    assert not _same_incident(earlier, robbery("19 JAN 90", '"REBELS"', '"STORES"'))


def test_muc4_a_nameless_description_gives_way_to_the_same_one_with_a_name() -> None:
    robbery = make(s4="ROBBERY", s19='"TRADER"', s20='CIVILIAN: "TRADER"', s21='1: "TRADER"')
    shooting = make(
        s4="ATTACK",
        s18='"PEDRO VALDIVIA"',
        s19='"TRADER": "PEDRO VALDIVIA"',
        s20='CIVILIAN: "PEDRO VALDIVIA"',
        s21='1: "PEDRO VALDIVIA"',
    )
    _merge_into(robbery, shooting)
    assert [_filler_text(19, f) for f in robbery.slot(19).fillers] == ['"TRADER": "PEDRO VALDIVIA"']
    assert [_filler_text(20, f) for f in robbery.slot(20).fillers] == ['CIVILIAN: "PEDRO VALDIVIA"']
    guard = make(s4="ATTACK", s19='"TRADER"', s20='CIVILIAN: "TRADER"')
    other = make(s4="ATTACK", s18='"ANA LUZ"', s19='"NURSE": "ANA LUZ"')
    _merge_into(guard, other)  # another description: both stay
    assert [_filler_text(19, f) for f in guard.slot(19).fillers] == [
        '"TRADER"',
        '"NURSE": "ANA LUZ"',
    ]


@pytest.mark.parametrize(
    ("victims", "same"),
    [
        # those who go with the person named, harmed beside him: one incident
        ({"s19": '"BODYGUARDS"'}, True),
        ({"s19": '"DRIVER"'}, True),
        ({"s19": '"WIFE"'}, True),
        # a victim of his own, named or not, or a thing hit: another attack
        ({"s19": '"FARMER"'}, False),
        ({"s18": '"LUIS ORTEGA"', "s19": '"DRIVER"'}, False),
        ({"s19": '"DRIVER"', "s12": '"BUS"'}, False),
    ],
)
def test_muc4_people_harmed_beside_the_one_named_are_his_incident(
    victims: dict[str, str], same: bool
) -> None:
    senator = make(
        s2="07 JAN 90",
        s3="PERU: VILLA SERENA (CITY)",
        s4="ATTACK",
        s9='"GUNMEN"',
        s18='"PEDRO VALDIVIA"',
        s19='"SENATOR"',
    )
    other = make(s4="ATTACK", s9='"GUNMEN"', **victims)
    assert _same_incident(senator, other) is same
    assert _same_incident(other, senator) is same


@pytest.mark.parametrize(
    ("date", "same"),
    [
        # a day of a span of a few days ('in the last 24 hours'): the same bombing
        ("24 SEP 89", True),
        ("23 SEP 89", True),
        # a day outside it
        ("26 SEP 89", False),
    ],
)
def test_muc4_an_act_told_on_a_day_of_a_short_span_is_the_act_told_over_it(
    date: str, same: bool
) -> None:
    def bombing(day: str) -> MucTemplate:
        return make(s2=day, s3="PERU: LIMA (CITY)", s4="BOMBING", s12='"NORTE BANK"')

    assert _same_incident(bombing("23 SEP 89 - 24 SEP 89"), bombing(date)) is same
    assert _same_incident(bombing(date), bombing("23 SEP 89 - 24 SEP 89")) is same


def test_muc4_a_day_of_a_long_span_is_no_act_told_over_it() -> None:
    """A span of a week or more is the period of a tally: no day of it is its act."""
    month = make(s2="01 SEP 89 - 30 SEP 89", s3="PERU: LIMA (CITY)", s4="BOMBING")
    day = make(s2="24 SEP 89", s3="PERU: LIMA (CITY)", s4="BOMBING", s12='"NORTE BANK"')
    assert not _same_incident(month, day)
    assert not _same_incident(day, month)


def _event_at(place_id: str) -> EventMention:
    return EventMention(
        id="E1",
        type="bombing",
        trigger=Span(text="bomb", start=0, end=4),
        place=EventPlace(id=place_id, text="x", precision=1),
    )


def test_muc4_location_of_a_misspelled_town_is_the_town_the_article_names() -> None:
    town = Place(id="P1", name="Valdivia", gazetteer_id="g:1", country="CL", level="settlement")
    slip = Place(id="P2", name="Valdivai", country="CL", level=PlaceLevel.AREA)
    other = Place(id="P3", name="Villarrica", country="CL", level=PlaceLevel.AREA)
    known = Place(id="P4", name="Valdivias", gazetteer_id="g:2", country="CL", level="area")
    places = {p.id: p for p in (town, slip, other, known)}
    assert _incident_location(_event_at("P2"), places) == "CHILE: VALDIVIA (CITY)"
    # a name far from every town, or one the gazetteer knows, stays what it is
    assert _incident_location(_event_at("P3"), places) == "CHILE: VILLARRICA (REGION)"
    assert _incident_location(_event_at("P4"), places) == "CHILE: VALDIVIAS (REGION)"
    # a town of another country is no spelling of the name
    abroad = town.model_copy(update={"country": "AR"})
    places = {p.id: p for p in (abroad, slip)}
    assert _incident_location(_event_at("P2"), places) == "CHILE: VALDIVAI (REGION)"


def test_muc4one_edit_apart() -> None:
    assert one_edit_apart("valdivia", "valdivai")  # two neighbouring letters swapped
    assert one_edit_apart("valdivia", "valdiviia")  # one letter more
    assert one_edit_apart("valdivia", "valdivua")  # one letter changed
    assert not one_edit_apart("valdivia", "valdivia")
    assert not one_edit_apart("valdivia", "vildavia")
    assert not one_edit_apart("valdivia", "valdiv")


def _attack_report(
    text: str, trigger: str, names: list[str], kind: str = "armed_assault"
) -> ArticleReport:
    """An act of ``kind`` on ``text``, told by ``trigger``, by gunmen on the persons
    ``names``, each named wherever the text names him, as the tagger's coreference gives
    him."""
    actors = [("a0", "Gunmen", "armed_group", False)]
    actors += [(f"a{i}", name, "person", False) for i, name in enumerate(names, start=1)]
    participants = [Participant(actor="a0", role="perpetrator")]
    participants += [Participant(actor=f"a{i}", role="victim") for i in range(1, len(names) + 1)]
    report = _article_report(
        text, actors, [{"type": kind, "trigger": trigger, "participants": participants}]
    )
    named = []
    for actor, (_, phrase, _, _) in zip(report.actors, actors, strict=True):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
        named.append(actor.model_copy(update={"mentions": spans}))
    return report.model_copy(update={"actors": named})


@pytest.mark.parametrize(
    ("text", "effects"),
    [
        # each target has the damage told of it, not the worst one of the act
        ("A bomb exploded at the town hall. It destroyed the town hall and damaged a bank.",
         [("DESTROYED", ("TOWN HALL",)), ("SOME DAMAGE", ("BANK",))]),
        # told in a later sentence of its own
        ("A bomb exploded at the town hall and near a bank. The bank was partially destroyed.",
         [("SOME DAMAGE", ("BANK",))]),
        ("A bomb exploded near a bank. The blast left a big hole in the roof of the bank.",
         [("SOME DAMAGE", ("BANK",))]),
        # a damage only meant was none
        ("A bomb exploded near a bank. The rebels had meant to destroy the bank.", []),
        # a part destroyed: the thing is damaged
        ("A bomb exploded near a bank. It destroyed the doors and windows of the bank.",
         [("SOME DAMAGE", ("BANK",))]),
        # charges leveled against a bank leave it whole
        ("A bomb exploded near a bank. Police leveled charges against the bank.", []),
    ],
)  # fmt: skip
def test_muc4_each_physical_target_has_the_damage_told_of_it(text, effects) -> None:
    physical = [t for t in ("town hall", "bank") if t in text]
    report = _article_report(
        text, [], [{"type": "bombing", "trigger": "exploded", "physical": physical}]
    )
    (template,) = report_to_templates(report)
    assert [(f.value, f.xref) for f in template.slot(16).fillers] == effects


@pytest.mark.parametrize(
    ("text", "trigger", "effects"),
    [
        # each victim's own sentence tells his harm, though the act's sentence tells none
        ("Gunmen attacked a bus in Lima. Ana Rios died and Luis Soto was seriously wounded.",
         "attacked", [("DEATH", ("ANA RIOS",)), ("INJURY", ("LUIS SOTO",))]),
        # a harm word takes the name after it as its object
        ("Gunmen killed Ana Rios and wounded Luis Soto in Lima.",
         "killed", [("DEATH", ("ANA RIOS",)), ("INJURY", ("LUIS SOTO",))]),
        # a list after the harm
        ("Gunmen attacked a bus in Lima. Among the injured are Ana Rios and Luis Soto.",
         "attacked", [("INJURY", ("ANA RIOS",)), ("INJURY", ("LUIS SOTO",))]),
        # one told unhurt: no injury or death
        ("Gunmen attacked a bus in Lima. Ana Rios was unhurt, but Luis Soto died.",
         "attacked", [("NO INJURY OR DEATH", ("ANA RIOS",)), ("DEATH", ("LUIS SOTO",))]),
        ("Gunmen attacked a bus in Lima. Ana Rios escaped unwounded, but Luis Soto died.",
         "attacked", [("NO INJURY OR DEATH", ("ANA RIOS",)), ("DEATH", ("LUIS SOTO",))]),
        ("Gunmen attacked a bus in Lima. Ana Rios escaped without injury, but Luis Soto died.",
         "attacked", [("NO INJURY OR DEATH", ("ANA RIOS",)), ("DEATH", ("LUIS SOTO",))]),
        ("Gunmen attacked a bus in Lima. Ana Rios suffered no injuries, but Luis Soto died.",
         "attacked", [("NO INJURY OR DEATH", ("ANA RIOS",)), ("DEATH", ("LUIS SOTO",))]),
        # a harm noun with an object of its own befell that one, not the name before it
        ("Gunmen attacked Ana Rios in Lima. Luis Soto left after the murder of a guard.",
         "attacked", []),
        # a harm denied by a subject opened by 'neither': no one was harmed
        ("Gunmen fired at a bus in Lima. Neither Ana Rios nor Luis Soto were injured.",
         "fired", [("NO INJURY OR DEATH", ("ANA RIOS",)), ("NO INJURY OR DEATH", ("LUIS SOTO",))]),
        # a death negated: no death
        ("Gunmen fired at a bus in Lima. Ana Rios was not killed, but Luis Soto was wounded.",
         "fired", [("NO DEATH", ("ANA RIOS",)), ("INJURY", ("LUIS SOTO",))]),
        # a harm told after a name's possessive is of whom he has: 'A's driver was killed'
        ("Gunmen attacked a bus in Lima. Ana Rios's driver was killed; Ana Rios and Luis Soto "
         "were unhurt.",
         "attacked",
         [("NO INJURY OR DEATH", ("ANA RIOS",)), ("NO INJURY OR DEATH", ("LUIS SOTO",))]),
        # a harm only meant befell no one
        ("Gunmen attacked a bus in Lima. Police foiled a plot to murder Ana Rios and Luis Soto.",
         "attacked", []),
        ("Gunmen attacked Ana Rios and Luis Soto in Lima; they could have been killed.",
         "attacked", []),
    ],
)  # fmt: skip
def test_muc4_each_victim_has_the_harm_the_sentences_naming_him_tell(
    text, trigger, effects
) -> None:
    (template,) = report_to_templates(_attack_report(text, trigger, ["Ana Rios", "Luis Soto"]))
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == effects


def test_muc4_a_death_denied_is_no_killing_of_the_act() -> None:
    """'A was not killed but his driver was wounded': the act killed no one, so the wounded
    driver suffered only an injury, not the death the denial's word would give."""
    text = "Gunmen attacked a car in Lima. Ana Rios was not killed but a guard was wounded."
    report = _article_report(
        text,
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "Ana Rios", "person", False),
            ("a3", "guard", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "evidence": [Span(start=0, end=len(text), text=text)],
                "injuries": Quantity(
                    min=1,
                    max=1,
                    text="a guard",
                    start=text.index("a guard"),
                    end=text.index("a guard") + 7,
                ),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                    Participant(actor="a3", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("NO DEATH", ("ANA RIOS",)),
        ("INJURY", ("GUARD",)),
    ]


def test_muc4_a_kidnapped_person_found_dead_suffered_death() -> None:
    text = "Gunmen kidnapped Ana Rios in Lima on Monday. The body of Ana Rios was found today."
    (template,) = report_to_templates(
        _attack_report(text, "kidnapped", ["Ana Rios"], kind="kidnapping")
    )
    assert [f.value for f in template.slot(4).fillers] == ["KIDNAPPING"]
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [("DEATH", ("ANA RIOS",))]


def test_muc4_a_kidnapped_person_released_regained_freedom() -> None:
    text = "Gunmen kidnapped Ana Rios in Lima on Monday. Ana Rios was released today."
    (template,) = report_to_templates(
        _attack_report(text, "kidnapped", ["Ana Rios"], kind="kidnapping")
    )
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [
        ("REGAINED FREEDOM", ("ANA RIOS",))
    ]


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Gunmen attacked the bus in Lima, resulting in the injury of Ana Rios.", "INJURY"),
        ("Gunmen attacked the bus in Lima, which caused the death of Ana Rios.", "DEATH"),
    ],
)
def test_muc4_a_harm_noun_with_its_of_phrase_tells_the_victim_s_harm(text, effect) -> None:
    (template,) = report_to_templates(_attack_report(text, "attacked", ["Ana Rios"]))
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == [(effect, ("ANA RIOS",))]


def test_muc4_a_harm_told_of_a_pronoun_is_not_the_victim_s() -> None:
    # 'he' may be another man: only what the text tells of the name counts
    text = "Gunmen attacked Ana Rios in Lima. He died later."
    report = _attack_report(text, "attacked", ["Ana Rios"])
    victim = report.actors[1]
    he = (text.index("He"), text.index("He") + 2)
    report.actors[1] = victim.model_copy(update={"mentions": [*victim.mentions, he]})
    (template,) = report_to_templates(report)
    assert template.slot(23).fillers == []


@pytest.mark.parametrize(
    ("text", "struck", "physical", "kept"),
    [
        # a force told by its military name, or the attackers' own dead: warfare
        ("Rebels attacked the navy headquarters.", [("navy", "organization")], [], False),
        (
            "Rebels attacked the troops at the bridge and one rebel was killed.",
            [("troops", "security_force"), ("one rebel", "armed_group")],
            [],
            False,
        ),
        ("Rebels attacked an army post and one rebel was killed.", [("one rebel", "armed_group")],
         ["army post"], False),
        # fighters told only as fighters harmed alone: fighting, no incident; a body of no
        # military name: an incident
        ("Rebels shot one rebel who had left the column.", [("one rebel", "armed_group")], [],
         False),
        ("Rebels attacked the union headquarters.", [("union", "organization")], [], True),
    ],
)  # fmt: skip
def test_muc4_an_attack_on_a_force_named_by_a_military_word_is_warfare(
    text: str, struck: list[tuple[str, str]], physical: list[str], kept: bool
) -> None:
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)]
        + [(f"v{i}", phrase, kind, False) for i, (phrase, kind) in enumerate(struck)],
        [
            {
                "type": "attack",
                "trigger": "attacked" if "attacked" in text else "shot",
                "physical": physical,
                "time": TimeSpan(
                    text="today", start=dt.date(1990, 3, 12), end=dt.date(1990, 3, 12)
                ),
                "participants": [Participant(actor="a1", role="perpetrator")]
                + [Participant(actor=f"v{i}", role="victim") for i in range(len(struck))],
            }
        ],
    )
    assert bool(report_to_templates(report)) is kept


@pytest.mark.parametrize(
    ("text", "struck", "humans"),
    [
        # doers or fighters harmed beside those the act was aimed at: no human targets
        ("Rebels attacked the bus and killed a peasant and one terrorist.",
         [("a peasant", "civilians", "victim"), ("one terrorist", "armed_group", "victim")],
         ["PEASANT"]),
        ("Rebels attacked the bus and killed the driver and two guerrillas.",
         [("the driver", "civilians", "victim"), ("two guerrillas", "armed_group", "victim")],
         ["DRIVER"]),
        # fighters the act was aimed at are no human targets either: that part is fighting
        ("Rebels attacked the bus and the guerrillas in it and killed the driver.",
         [("the driver", "civilians", "victim"), ("the guerrillas", "armed_group", "target")],
         ["DRIVER"]),
        # a named group is no description of doers
        ("Rebels attacked the bus and killed the driver and the FMLN.",
         [("the driver", "civilians", "victim"), ("FMLN", "armed_group", "victim")],
         ["DRIVER", "FMLN"]),
    ],
)  # fmt: skip
def test_muc4_doers_harmed_beside_the_people_aimed_at_are_no_human_targets(
    text: str, struck: list[tuple[str, str, str]], humans: list[str]
) -> None:
    """'The bomb killed two passers-by and the terrorist who carried it': the doers or
    fighters harmed are no human targets (part2, slot 18)."""
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)]
        + [(f"v{i}", phrase, kind, phrase == "FMLN") for i, (phrase, kind, _) in enumerate(struck)],
        [
            {
                "type": "attack",
                "trigger": "attacked",
                "physical": ["bus"],
                "participants": [Participant(actor="a1", role="perpetrator")]
                + [Participant(actor=f"v{i}", role=role) for i, (_, _, role) in enumerate(struck)],
            }
        ],
    )
    (template,) = report_to_templates(report)
    names = [f.value for f in template.slot(18).fillers]
    descriptions = [f.value for f in template.slot(19).fillers]
    assert sorted([*names, *descriptions]) == sorted(humans)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "doers", "victims"),
    [
        ("Two guerrillas and a peasant were killed yesterday when rebels attacked the town "
         "hall of Chimbote.", ["REBELS"], ["PEASANT"]),
        ("A car bomb exploded in the Chimbote market yesterday, killing three vendors and the "
         "terrorist who was driving the car.", [], ["VENDORS"]),
    ],
)  # fmt: skip
def test_muc4_doers_harmed_in_their_act_are_no_human_targets(
    nlp, gazetteer, actor_kb, text: str, doers: list[str], victims: list[str]
) -> None:
    """The fighters or the bomber who die in an act that kills others are not among the
    people it was aimed at, read from real text."""
    (template,) = _lima_templates(nlp, gazetteer, actor_kb, text, "TST9-MUC4-0012")
    assert [f.value for f in template.slot(9).fillers] == doers
    assert [f.value for f in template.slot(19).fillers] == victims


def test_muc4_a_town_struck_told_by_its_name_is_no_human_target() -> None:
    """'Rebels attacked Los Olmos and killed Pedro Valdivia': the town is where it was."""
    text = "Rebels attacked Los Olmos and killed Pedro Valdivia."
    town = Place(id="P1", name="Los Olmos", country="PE", level="settlement",
                 mentions=[(text.index("Los Olmos"), text.index("Los Olmos") + 9)])  # fmt: skip
    report = _article_report(
        text,
        [
            ("a1", "Rebels", "armed_group", False),
            ("a2", "Los Olmos", "organization", False),
            ("a3", "Pedro Valdivia", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "place": EventPlace(id="P1", text="Los Olmos", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="target"),
                    Participant(actor="a3", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report.model_copy(update={"places": [town]}))
    assert [f.value for f in template.slot(18).fillers] == ["PEDRO VALDIVIA"]


@pytest.mark.parametrize(
    ("second", "n_templates"),
    [
        # 'the attack' names no kind: the bombing just told, whatever the act is called
        ("Police said the attack set the building on fire.", 1),
        # an attack of its own, told with 'an'
        ("Police said an attack set a school on fire.", 2),
    ],
)
def test_muc4_the_attack_told_with_the_article_is_the_one_before_of_any_kind(
    second: str, n_templates: int
) -> None:
    text = "Rebels bombed a car dealership in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    struck = "the building" if "the building" in second else "a school"
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["car dealership"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
            {"type": "arson", "trigger": "attack", "physical": [struck]},
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("second", "n_templates"),
    [
        # the harm told 'as a result of the attack': the arson just told, whatever its kind
        ("As a result of the attack, Pedro Valdivia was killed.", 1),
        ("Pedro Valdivia was killed in the raid.", 1),
        # a killing told on its own is another act of another kind
        ("Pedro Valdivia was killed in an ambush.", 2),
        ("Pedro Valdivia was killed in the attack on the Norte bank.", 2),
    ],
)
def test_muc4_harm_told_in_the_act_is_of_the_one_before_of_any_kind(
    second: str, n_templates: int
) -> None:
    """'Rebels set fire to the houses. As a result of the attack, Valdivia was killed': the
    killing is the harm of the arson told just before, not an attack of its own."""
    text = "Rebels set fire to the houses of the farmers in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False), ("a2", "Pedro Valdivia", "person", False)],
        [
            {
                "type": "arson",
                "trigger": "set",
                "physical": ["houses"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
            {
                "type": "attack",
                "trigger": "killed",
                "physical": ["Norte bank"] if "Norte bank" in second else [],
                "participants": [Participant(actor="a2", role="victim")],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates
    if n_templates == 1:
        assert [f.value for f in templates[0].slot(4).fillers] == ["ARSON"]
        assert [f.value for f in templates[0].slot(18).fillers] == ["PEDRO VALDIVIA"]


@pytest.mark.parametrize(
    ("second", "trigger", "n_templates"),
    [
        # 'the bomb' told again: the device of the bombing just told, with its doers
        ("Witnesses said the bomb was left there by two men in a van.", "left", 1),
        ("Witnesses said two men in a van had planted the explosive device.", "planted", 1),
        # a bomb of its own, or one the text counts apart
        ("Witnesses said a bomb was left there by two men in a van.", "left", 2),
        ("Witnesses said the second bomb was left there by two men in a van.", "left", 2),
        # a compound that names an act of its own by its target
        ("Witnesses said two men in a van carried out the bomb attack on the hotel.", "attack", 2),
    ],
)
def test_muc4_the_device_told_with_the_article_is_of_the_one_before(
    second: str, trigger: str, n_templates: int
) -> None:
    """'A bomb exploded at the telephone office. The bomb was left there by two men in a van':
    the device named with 'the' is the one that went off, and its van no other target."""
    text = "A bomb exploded at the telephone office in Lima. " + second
    lima = Place(id="P1", name="Lima", country="PE", level="settlement")
    report = _article_report(
        text,
        [("a1", "two men", "civilians", False)],
        [
            {
                "type": "bombing",
                "trigger": "exploded",
                "physical": ["telephone office"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
            },
            {
                "type": "bombing",
                "trigger": trigger,
                "physical": ["van", "hotel"] if "hotel" in second else ["van"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [lima]}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("second_target", "n_templates"),
    [
        # one group's bomb at one office, the second report with no day of its own and its
        # firm's name read as a town abroad: one incident
        ("office", 1),
        # another target: another incident
        ("hotel", 2),
    ],
)
def test_muc4_one_group_s_attack_on_one_target_at_home_and_abroad_is_one_incident(
    second_target: str, n_templates: int
) -> None:
    text = (
        "Members of the Northern Front bombed the telephone office in Lima, Peru. "
        f"The bomb went off in the {second_target} of the Liberty company."
    )
    places = [
        Place(id="P1", name="Lima", country="PE", level="settlement",
              mentions=[(text.index("Lima"), text.index("Lima") + 4)]),
        Place(id="P2", name="Peru", country="PE", level="country",
              mentions=[(text.index("Peru"), text.index("Peru") + 4)]),
        Place(id="P3", name="Liberty", country="US", level="settlement",
              mentions=[(text.index("Liberty"), text.index("Liberty") + 7)]),
    ]  # fmt: skip
    today = TimeSpan(text="today", start=dt.date(1990, 3, 12), end=dt.date(1990, 3, 12))
    report = _article_report(
        text,
        [("a1", "Northern Front", "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["telephone office"],
                "place": EventPlace(id="P1", text="Lima", precision=1),
                "participants": [Participant(actor="a1", role="perpetrator")],
                "time": today,
            },
            {
                "type": "bombing",
                "trigger": "went off",
                "physical": [second_target],
                "place": EventPlace(id="P3", text="Liberty", precision=1),
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": places}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("second_victim", "n_templates"),
    [
        # the businessman kidnapped abroad, told again by his description with the country of
        # the report: one incident
        ("55-year-old businessman", 1),
        # someone else: another incident
        ("55-year-old teacher", 2),
    ],
)
def test_muc4_one_group_s_act_on_one_person_at_home_and_abroad_is_one_incident(
    second_victim: str, n_templates: int
) -> None:
    text = (
        "Peru's Northern Front is holding the Spanish businessman Pedro Valdivia, whom it "
        f"kidnapped in Quito, Ecuador. Police said the rebels kidnapped the {second_victim} on "
        "9 March at his hotel."
    )

    def mentions(name: str) -> list[tuple[int, int]]:
        return [(text.index(name), text.index(name) + len(name))]

    places = [
        Place(id="P1", name="Peru", country="PE", level="country", mentions=mentions("Peru")),
        Place(id="P2", name="Quito", country="EC", level="settlement", mentions=mentions("Quito")),
        Place(id="P3", name="Ecuador", country="EC", level="country", mentions=mentions("Ecuador")),
    ]
    day = TimeSpan(text="9 March", start=dt.date(1990, 3, 9), end=dt.date(1990, 3, 9))
    report = _article_report(
        text,
        [
            ("a1", "Northern Front", "armed_group", True),
            ("a2", "Pedro Valdivia", "person", False),
            ("a3", second_victim, "person", False),
        ],
        [
            {
                "type": "kidnapping",
                "trigger": "kidnapped in",
                "place": EventPlace(id="P2", text="Quito", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "kidnapping",
                "trigger": "kidnapped the",
                "place": EventPlace(id="P1", text="Peru", precision=3),
                "time": day,
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a3", role="victim"),
                ],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": places}))
    assert len(templates) == n_templates


@pytest.mark.parametrize(
    ("text", "body", "kept"),
    [
        # the body that tells of the attack, or is told of it, is not struck
        ("The president's office reported an attack by rebels.", "president's office", False),
        ("Rebels attacked, according to the foreign ministry.", "foreign ministry", False),
        ("The army reported the rebels' attack to the prosecutor's office.", "prosecutor's office",
         False),
        # the body struck
        ("Rebels attacked the foreign ministry at dawn.", "foreign ministry", True),
    ],
)  # fmt: skip
def test_muc4_the_body_that_gives_or_takes_the_report_is_no_physical_target(
    text: str, body: str, kept: bool
) -> None:
    trigger = "attack" if "attack " in text or "attack." in text else "attacked"
    report = _article_report(
        text,
        [("a1", "Rebels" if "Rebels" in text else "rebels", "armed_group", False)],
        [
            {
                "type": "attack",
                "trigger": trigger,
                "physical": [body],
                "participants": [Participant(actor="a1", role="perpetrator")],
            }
        ],
    )
    targets = [f.value for t in report_to_templates(report) for f in t.slot(12).fillers]
    assert bool(targets) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "stage"),
    [
        ("A rebel died when a grenade that he was attempting to hurl at the courthouse went"
         " off.", "died", "ATTEMPTED"),
        ("The bomb exploded before they could plant it at the courthouse.", "exploded",
         "ATTEMPTED"),
        ("A grenade thrown at the courthouse exploded.", "exploded", "ACCOMPLISHED"),
    ],
)  # fmt: skip
def test_muc4_a_device_that_went_off_in_its_carriers_hands_is_an_attempt(
    text: str, trigger: str, stage: str
) -> None:
    device = "grenade" if "grenade" in text else "bomb"
    report = _article_report(
        text,
        [],
        [
            {
                "type": "bombing",
                "trigger": trigger,
                "instruments": [device],
                "physical": ["courthouse"],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(5).fillers] == [stage]


@pytest.mark.parametrize(
    ("text", "event_type", "trigger", "category"),
    [
        # an extrajudicial killing is the state's by its nature, its doers unnamed
        ("Ana Ruiz was executed without trial.", "extrajudicial_killing", "executed",
         "STATE-SPONSORED VIOLENCE"),
        ("Ana Ruiz was killed.", "armed_assault", "killed", "TERRORIST ACT"),
        # a craft that attacked or dropped a bomb is flown by the state's forces
        ("A military helicopter attacked a fishing boat near Santa Clara.",
         "air_or_drone_strike", "attacked", "STATE-SPONSORED VIOLENCE"),
        ("An air force jet dropped a bomb on a house near Santa Clara.", "bombing", "dropped",
         "STATE-SPONSORED VIOLENCE"),
        ("Unknown men dropped a bomb at a house in Santa Clara.", "bombing", "dropped",
         "TERRORIST ACT"),
    ],
)  # fmt: skip
def test_muc4_acts_of_the_states_forces_by_their_kind(
    text: str, event_type: str, trigger: str, category: str
) -> None:
    victim = "Ana Ruiz" if "Ana Ruiz" in text else None
    physical = [] if victim else ["boat" if "boat" in text else "house"]
    report = _article_report(
        text,
        [("a2", victim, "person", False)] if victim else [],
        [
            {
                "type": event_type,
                "trigger": trigger,
                "physical": physical,
                "participants": [Participant(actor="a2", role="victim")] if victim else [],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(8).fillers] == [category]


@pytest.mark.parametrize(
    ("text", "names", "effects"),
    [
        # the one victim, told as 'the victim' a sentence later, died of the act
        (
            "Gunmen attacked Ana Rios in Lima. The victim was taken to a clinic, where she "
            "passed away.",
            ["Ana Rios"],
            [("DEATH", ("ANA RIOS",))],
        ),
        (
            "Gunmen attacked Ana Rios in Lima. Police arrived soon. The victim succumbed to "
            "her wounds at noon.",
            ["Ana Rios"],
            [("DEATH", ("ANA RIOS",))],
        ),
        # wounded first, then dead: the death outweighs the wound
        (
            "Gunmen attacked and wounded Ana Rios in Lima. The victim died at a clinic "
            "hours later.",
            ["Ana Rios"],
            [("DEATH", ("ANA RIOS",))],
        ),
        # another person's natural death is no effect of the act
        (
            "Gunmen attacked Ana Rios in Lima. Her uncle passed away last year.",
            ["Ana Rios"],
            [],
        ),
        # a death only supposed tells nothing
        (
            "Gunmen attacked Ana Rios in Lima. The victim could have died.",
            ["Ana Rios"],
            [],
        ),
        # with two victims, 'the victim' does not say which one
        (
            "Gunmen attacked Ana Rios and Luis Vega in Lima. The victim died at a clinic.",
            ["Ana Rios", "Luis Vega"],
            [],
        ),
    ],
)
def test_muc4_a_death_told_later_of_the_one_victim_is_the_act_s(
    text: str, names: list[str], effects: list[tuple[str, tuple[str, ...]]]
) -> None:
    (template,) = report_to_templates(_attack_report(text, "attacked", names))
    assert [(f.value, f.xref) for f in template.slot(23).fillers] == effects


@pytest.mark.parametrize(
    ("second", "place", "n_templates"),
    [
        # the rebels' grenades, told with no target and no town: the attack told again
        ("The Red Front rebels threw grenades on 10 March.", None, 1),
        # the same rebels at a town of their own: an act there, kept apart
        ("The Red Front rebels fired at Ocros on 10 March.", "Ocros", 2),
    ],
)
def test_muc4_doers_told_acting_with_no_target_are_the_attack_they_made(
    second: str, place: str | None, n_templates: int
) -> None:
    """'Gunmen attacked a meeting in Sayan ... the gunmen threw grenades': an act with no
    target, no victim and no town, by doers an incident of that day names, is that incident
    told again by another of its acts (part1 5.0)."""
    text = "Red Front gunmen attacked a town meeting in Sayan on 10 March and killed Luis Pardo. "
    text += second
    sayan = Place(id="P1", name="Sayan", country="PE", level="settlement")
    ocros = Place(id="P2", name="Ocros", country="PE", level="settlement")
    day = TimeSpan(text="10 March", start=dt.date(1990, 3, 10), end=dt.date(1990, 3, 10))
    report = _article_report(
        text,
        [
            ("a1", "Red Front", "armed_group", False),
            ("a2", "Luis Pardo", "person", False),
            ("a3", "gunmen", "person", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "time": day,
                "place": EventPlace(id="P1", text="Sayan", precision=1),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a3", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            },
            {
                "type": "bombing" if place is None else "armed_assault",
                "trigger": "threw" if place is None else "fired",
                "time": day,
                **({"place": EventPlace(id="P2", text=place, precision=1)} if place else {}),
                "participants": [Participant(actor="a3", role="perpetrator")],
            },
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [sayan, ocros]}))
    assert len(templates) == n_templates
    assert [f.value for f in templates[0].slot(4).fillers] == ["ATTACK"]
    assert templates[0].slot(18).fillers


@pytest.mark.parametrize(
    ("place", "one"),
    [
        # the same department, told once alone and once with the town: one incident
        ("COLOMBIA: HUILA (DEPARTMENT): NEIVA (CITY)", True),
        # a town of another department: another place
        ("COLOMBIA: META (DEPARTMENT): GRANADA (CITY)", False),
    ],
)
def test_muc4_a_place_and_a_town_within_it_agree(place: str, one: bool) -> None:
    """'A bomb hit the Sur pipeline in Huila ... the blast on the pipeline near Neiva, Huila':
    a place told once alone and once with a town within it is one place told at two
    precisions, as a bare country is with a town of it."""
    first = make(s2="18 JUN 89", s3="COLOMBIA: HUILA (DEPARTMENT)", s4="BOMBING",
                 s12='"SUR PIPELINE"')  # fmt: skip
    second = make(s2="18 JUN 89", s3=place, s4="BOMBING", s12='"SUR PIPELINE"')
    assert _same_incident(first, second) is one
    assert _same_incident(second, first) is one


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Dorada", False),
        ("Mesa Alta Refinery", False),
        ("Sur River", False),
        ("Central Headquarters", False),
        ("Luis Pardo", True),
    ],
)
def test_muc4_a_place_told_as_a_person_is_no_human_target(name: str, kept: bool) -> None:
    """'The pipeline that runs from Neiva to Dorada was blown up near La Dorada': a name the
    tagger took for a person's that is the name of a place the text tells, or of a thing, is
    no victim."""
    text = f"A bomb tore open the Sur pipeline near La Dorada and hurt {name}."
    dorada = Place(id="P1", name="La Dorada", country="CO", level="settlement")
    report = _article_report(
        text,
        [("a1", name, "person", False)],
        [
            {
                "type": "bombing",
                "trigger": "tore open",
                "physical": ["Sur pipeline"],
                "place": EventPlace(id="P1", text="La Dorada", precision=1),
                "participants": [Participant(actor="a1", role="victim")],
            }
        ],
    )
    templates = report_to_templates(report.model_copy(update={"places": [dorada]}))
    assert len(templates) == 1
    assert bool(templates[0].slot(18).fillers) is kept
    assert bool(templates[0].slot(21).fillers) is kept
    assert [f.value for f in templates[0].slot(12).fillers] == ["SUR PIPELINE"]


def test_muc4_a_body_attacked_with_no_one_harmed_is_the_physical_target() -> None:
    """'the attack against the union federation': an attack on a body strikes its offices
    (part2, slot 12); the body is no person harmed (slot 19)."""
    report = _article_report(
        "Gunmen attacked the Dockers Union Federation in the port on 10 March.",
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "Dockers Union Federation", "organization", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "attacked",
                "time": TimeSpan(
                    text="10 March", start=dt.date(1990, 3, 10), end=dt.date(1990, 3, 10)
                ),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="target"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(12).fillers] == ["DOCKERS UNION FEDERATION"]
    assert [f.value for f in template.slot(13).fillers] == ["ORGANIZATION OFFICE"]
    assert template.slot(19).empty


def test_muc4_a_body_told_killed_stays_the_people_harmed() -> None:
    """'gunmen murdered the Andean Workers Federation': a body told killed stands for its
    people, not for its offices."""
    report = _article_report(
        "Gunmen murdered the Andean Workers Federation on 10 March.",
        [
            ("a1", "Gunmen", "armed_group", False),
            ("a2", "Andean Workers Federation", "organization", False),
        ],
        [
            {
                "type": "armed_assault",
                "trigger": "murdered",
                "time": TimeSpan(
                    text="10 March", start=dt.date(1990, 3, 10), end=dt.date(1990, 3, 10)
                ),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(23).fillers] == ["DEATH"]
    assert [f.value for f in template.slot(19).fillers] == ["ANDEAN WORKERS FEDERATION"]
    assert template.slot(12).empty


def test_muc4_killing_told_by_the_remains_found_is_on_or_before_that_day() -> None:
    from threatline.evaluate.muc4 import _incident_date

    report = _report()
    ninth = _day("on 9 March", dt.date(1990, 3, 9))
    found = report.events[0].model_copy(
        update={"type": "attack", "trigger": Span(start=0, end=5, text="found"), "time": ninth}
    )
    # 'the bodies of two farmers were found on 9 March': killed then or before
    assert _incident_date(found, report.article) == "- 09 MAR 90"
    # the killing told by its own verb keeps its day, and so does a bomb found
    killed = found.model_copy(update={"trigger": Span(start=0, end=6, text="killed")})
    assert _incident_date(killed, report.article) == "09 MAR 90"
    bomb = found.model_copy(update={"type": "bombing"})
    assert _incident_date(bomb, report.article) == "09 MAR 90"


def _dates_of_a_bombing_and_an_arson(bombing_day: int) -> list[list[str]]:
    """The date fills of :func:`_report`'s bombing, dated by its own time on March
    ``bombing_day``, and of an arson told with no time, in an article that writes 6 March in
    a sentence of the bombing."""
    report = _report()
    tail = "The embassy was bombed on 6 March. Rebels also burned a bus in Lima."
    text = report.article.text + " " + tail
    report.article = Article.from_text(text, title="TST9-MUC4-0001", published=dt.date(1990, 3, 12))
    start = text.index("6 March")
    sixth = _day("6 March", dt.date(1990, 3, 6)).model_copy(
        update={"char_start": start, "char_end": start + len("6 March")}
    )
    own = sixth if bombing_day == 6 else _day("yesterday", dt.date(1990, 3, bombing_day))
    burned, bus = text.index("burned"), text.index("bus")
    arson = EventMention(
        id="E3",
        type="arson",
        trigger=Span(start=burned, end=burned + len("burned"), text="burned"),
        place=EventPlace(id="P1", text="Lima", precision=1),
        participants=[Participant(actor="a2", role="perpetrator")],
        physical_targets=[Span(start=bus, end=bus + len("bus"), text="bus")],
    )
    report.events = [report.events[0].model_copy(update={"time": own}), arson]
    report.timexes = [sixth]
    templates = report_to_templates(report)
    return [[f.value for f in t.slot(2).fillers] for t in templates]


def test_muc4_day_of_another_incident_does_not_date_one_told_without_a_day() -> None:
    # 6 March is the bombing's own day: the arson told after it keeps the default date
    assert _dates_of_a_bombing_and_an_arson(6) == [["06 MAR 90"], ["- 12 MAR 90"]]
    # the bombing dated otherwise: the one day written out dates the arson
    assert _dates_of_a_bombing_and_an_arson(11) == [["11 MAR 90"], ["06 MAR 90"]]


def test_muc4_vague_period_told_from_another_act_is_dated_by_default() -> None:
    def dated(time: TimeSpan) -> list[str]:
        report = _report()
        report.events[0] = report.events[0].model_copy(update={"time": time})
        (template,) = report_to_templates(report)
        return [f.value for f in template.slot(2).fillers]

    # 'a few days ago' carried over from the act told before: no count of days
    few_days = TimeSpan(
        text="a few days ago", start=dt.date(1990, 3, 3), end=dt.date(1990, 3, 10),
        granularity="day", value="PAST_REF", anchor="event:E9",
    )  # fmt: skip
    assert dated(few_days) == ["- 12 MAR 90"]
    # a range of written days from another act keeps its range
    written = few_days.model_copy(update={"text": "between 3 and 10 March", "value": None})
    assert dated(written) == ["03 MAR 90 - 10 MAR 90"]


@pytest.mark.parametrize(
    ("target", "group", "victims"),
    [
        # 'workers' names the federation that owns the building, no people harmed
        ("offices of the Farm Workers Federation", "Workers", ["PEOPLE"]),
        # the workers whose houses were hit may be harmed
        ("houses of the workers", "workers", ["WORKERS", "PEOPLE"]),
    ],
)
def test_muc4_a_group_named_inside_a_target_s_name_is_no_victim(
    target: str, group: str, victims: list[str]
) -> None:
    report = _article_report(
        f"A bomb damaged the {target} today, wounding three people.",
        [("a1", group, "civilians", False), ("a2", "three people", "civilians", False)],
        [
            {
                "type": "bombing",
                "trigger": "damaged",
                "physical": [target],
                "participants": [
                    Participant(actor="a1", role="victim"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == victims


def test_muc4_a_death_squad_tells_no_killing() -> None:
    """'Death squad' names the doers: an attack by one that wounds people kills no one."""
    text = "Members of a death squad bombed the house of a lawyer today, wounding two people."
    report = _article_report(
        text,
        [("a1", "death squad", "armed_group", False), ("a2", "two people", "civilians", False)],
        [
            {
                "type": "bombing",
                "trigger": "bombed",
                "physical": ["house of a lawyer"],
                "injuries": Quantity(min=2, max=2, text="two"),
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(23).fillers] == ["INJURY"]


@pytest.mark.parametrize("act_before", [True, False])
def test_muc4_the_harm_of_the_clash_told_after_an_act_is_the_act_s(act_before: bool) -> None:
    """'Rebels hurled explosives at the police. Two people died in the clash': the clash is
    the act told before, and its dead are that act's; with no act before it, an undated
    clash tells of fighting at large."""
    first = "Rebels hurled explosives at a bus" if act_before else "Rebels marched"
    text = f"{first} in San Lucas today. The minister said two people died in the clash."
    events: list[dict[str, object]] = [
        {
            "type": "armed_clash",
            "trigger": "clash",
            "fatalities": Quantity(min=2, max=2, text="two"),
            "participants": [Participant(actor="a2", role="victim")],
        }
    ]
    if act_before:
        events.insert(
            0,
            {
                "type": "bombing",
                "trigger": "hurled",
                "physical": ["bus"],
                "participants": [Participant(actor="a1", role="perpetrator")],
            },
        )
    report = _article_report(
        text,
        [("a1", "Rebels", "armed_group", False), ("a2", "two people", "civilians", False)],
        events,
    )
    templates = report_to_templates(report)
    assert len(templates) == int(act_before)
    if act_before:
        assert [f.value for f in templates[0].slot(4).fillers] == ["BOMBING"]
        assert [f.value for f in templates[0].slot(19).fillers] == ["PEOPLE"]
        assert [f.value for f in templates[0].slot(23).fillers] == ["DEATH"]


@pytest.mark.parametrize(
    ("victim", "description"),
    [
        ("a well-known banker", "BANKER"),
        ("three humble women", "WOMEN"),
        ("a prominent union leader", "UNION LEADER"),
        # a word that tells who they are stays
        ("two young students", "YOUNG STUDENTS"),
    ],
)
def test_muc4_words_of_renown_or_pity_leave_the_description(victim: str, description: str) -> None:
    """The keys describe a victim by who he is, without what the reporter thinks of him."""
    report = _article_report(
        f"Gunmen killed {victim} in San Lucas today.",
        [("a1", "Gunmen", "armed_group", False), ("a2", victim, "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == [description]


@pytest.mark.parametrize(
    ("told", "effect"),
    [
        ("nobody was injured", "NO INJURY"),
        ("it caused no injuries", "NO INJURY"),
        ("there were no casualties", "NO INJURY OR DEATH"),
        ("nobody was injured or killed", "NO INJURY OR DEATH"),
    ],
)
def test_muc4_an_attack_that_wounded_no_one_is_no_injury(told: str, effect: str) -> None:
    """Words that deny only wounds say nothing of deaths: NO INJURY; 'no casualties' denies
    both (part2, slot 23)."""
    report = _article_report(
        f"A bomb damaged a bank in San Lucas today, and {told}.",
        [],
        [{"type": "bombing", "trigger": "damaged", "physical": ["bank"]}],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(23).fillers] == [effect]


@pytest.mark.parametrize(
    ("victim", "description"),
    [
        # 'citizens' says who they are only with their nation
        ("two Mexican citizens", "MEXICAN CITIZENS"),
        # the nation has its own slot
        ("two Mexican engineers", "ENGINEERS"),
    ],
)
def test_muc4_a_citizen_keeps_his_nation_in_the_description(victim: str, description: str) -> None:
    report = _article_report(
        f"Gunmen killed {victim} in San Lucas today.",
        [("a1", "Gunmen", "armed_group", False), ("a2", victim, "civilians", False)],
        [
            {
                "type": "armed_assault",
                "trigger": "killed",
                "participants": [
                    Participant(actor="a1", role="perpetrator"),
                    Participant(actor="a2", role="victim"),
                ],
            }
        ],
    )
    [template] = report_to_templates(report)
    assert [f.value for f in template.slot(19).fillers] == [description]


@pytest.mark.model
def test_muc4_a_unit_told_by_its_number_commits_state_violence(nlp, gazetteer, actor_kb) -> None:
    templates = _lima_templates(
        nlp,
        gazetteer,
        actor_kb,
        "The killing of two farmers in Chimbote yesterday, carried out by the 4th military "
        "detachment, was condemned by the bishop.",
        "TST9-MUC4-0033",
    )
    assert [t.slot(8).fillers[0].value for t in templates] == ["STATE-SPONSORED VIOLENCE"]
    assert [f.value for t in templates for f in t.slot(10).fillers] == ["4TH MILITARY DETACHMENT"]


@pytest.mark.model
def test_muc4_a_unit_of_a_force_struck_is_no_human_target(nlp, gazetteer, actor_kb) -> None:
    templates = _lima_templates(
        nlp,
        gazetteer,
        actor_kb,
        "The Northern Front began an offensive yesterday. The rebels attacked the 4th infantry "
        "brigade and burned a bus in Chimbote.",
        "TST9-MUC4-0034",
    )
    assert templates
    assert not [f for t in templates for s in (18, 19) for f in t.slot(s).fillers]


@pytest.mark.parametrize(("stance", "fills"), [("estimates", []), ("assumes", ["NORTHERN FRONT"])])
def test_muc4_a_group_only_guessed_as_the_doer_is_no_perpetrator(
    stance: str, fills: list[str]
) -> None:
    # the article's main group taken for an act the text ties it to by no word: a guess
    # (GUESSED_STANCE) is left out, an inference from its context stays
    lead = "The Northern Front operates in the mountains."
    report = _article_report(
        f"{lead} A bomb destroyed the customs office of the port.",
        [("a1", "Northern Front", "armed_group", True)],
        [
            {
                "type": "bombing",
                "trigger": "A bomb",
                "physical": ["customs office"],
                "participants": [Participant(actor="a1", role="perpetrator")],
                "attributions": [
                    Attribution(source=INFERRED_SOURCE, stance=stance, start=0, end=len(lead))
                ],
            }
        ],
    )
    (template,) = report_to_templates(report)
    assert [f.value for f in template.slot(10).fillers] == fills
    assert len(template.slot(11).fillers) == len(fills)


def test_muc4_a_template_told_only_as_fighting_is_a_clash() -> None:
    from threatline.evaluate.muc4 import _only_fighting

    def event(trigger: str) -> EventMention:
        return EventMention(
            id="E1", type="armed_clash", trigger=Span(start=0, end=len(trigger), text=trigger)
        )

    # 'scores were wounded in the fighting': combat, no act on a target
    assert _only_fighting([event("fighting")])
    assert _only_fighting([event("Fighting"), event("hostilities")])
    # one event told as an act makes it an incident
    assert not _only_fighting([event("fighting"), event("bombed")])
    assert not _only_fighting([event("attack")])
    assert not _only_fighting([])


def test_muc4_a_template_told_only_as_a_raid_is_no_act() -> None:
    from threatline.evaluate.muc4 import _only_raids

    def event(trigger: str) -> EventMention:
        return EventMention(
            id="E1", type="armed_assault", trigger=Span(start=0, end=len(trigger), text=trigger)
        )

    raid = MucTemplate(message_id="m")
    # 'the warehouse was raided by looters': a raid, no act on a target
    assert _only_raids(raid, [event("raided")])
    assert _only_raids(raid, [event("raids"), event("Raid")])
    # a killing or a blast told of it makes it an incident
    assert not _only_raids(raid, [event("raided"), event("killed")])
    assert not _only_raids(raid, [event("attacked")])
    assert not _only_raids(raid, [])
    killing = event("raided").model_copy(update={"fatalities": Quantity(min=1, max=1, text="one")})
    assert not _only_raids(raid, [killing])
    harmed = MucTemplate(message_id="m")
    harmed.slots[24] = SlotFill(fillers=[Filler(("DEATH",))])
    assert not _only_raids(harmed, [event("raided")])
