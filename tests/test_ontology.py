"""Tests of threatline.ontology: the event type mapping table."""

from __future__ import annotations

from pathlib import Path

import pytest

from threatline.errors import ConfigError
from threatline.models import EventCodes, EventType
from threatline.ontology import (
    ACLED_EVENT_TYPE_OF,
    ACLED_SUB_EVENT_TYPES,
    CASE2021_EXTRA_LABELS,
    CASE2021_LABELS,
    GTD_ATTACK_TYPES,
    acled_sub_event_type,
    all_event_types,
    case2021_label,
    codes_for,
    gtd_attack_type,
    render_markdown_table,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "event_types.md"


def test_ontology_every_event_type_has_one_row() -> None:
    names = [info.name for info in all_event_types()]
    assert sorted(names) == sorted(t.value for t in EventType)
    assert len(names) == len(set(names))


def test_ontology_codes_are_valid_names() -> None:
    for info in all_event_types():
        assert ACLED_EVENT_TYPE_OF[info.acled_sub_event_type] == info.acled_event_type
        assert info.gtd_attack_type is None or info.gtd_attack_type in GTD_ATTACK_TYPES
        for refinement in info.refinements:
            sub = refinement.codes.get("acled_sub_event_type")
            assert sub is None or sub in ACLED_EVENT_TYPE_OF
            gtd = refinement.codes.get("gtd_attack_type")
            assert gtd is None or gtd in GTD_ATTACK_TYPES


def test_ontology_acled_taxonomy_has_25_sub_event_types() -> None:
    assert len(ACLED_SUB_EVENT_TYPES) == 25
    assert len(set(ACLED_EVENT_TYPE_OF.values())) == 6


def test_ontology_every_acled_sub_event_type_is_reachable() -> None:
    reachable = set()
    for info in all_event_types():
        reachable.add(info.acled_sub_event_type)
        reachable.update(
            r.codes["acled_sub_event_type"]
            for r in info.refinements
            if "acled_sub_event_type" in r.codes
        )
    assert reachable == set(ACLED_SUB_EVENT_TYPES)


def test_ontology_every_gtd_attack_type_is_reachable() -> None:
    reachable = {info.gtd_attack_type for info in all_event_types()}
    for info in all_event_types():
        reachable.update(r.codes.get("gtd_attack_type") for r in info.refinements)
    assert set(GTD_ATTACK_TYPES) <= reachable


def test_ontology_case2021_labels_cover_the_task_list() -> None:
    expected = {
        "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST",
        "ART_MISS_ATTACK", "ATTACK", "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP",
        "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT", "GRENADE", "HQ_ESTABLISHED",
        "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER", "OTHER",
        "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL",
        "SUIC_BOMB", "VIOL_DEMONSTR",
    }  # fmt: skip
    assert set(CASE2021_LABELS) == set(ACLED_SUB_EVENT_TYPES)
    assert set(CASE2021_LABELS.values()) == expected
    assert set(CASE2021_EXTRA_LABELS) == {
        "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "acled"),
    [
        (EventType.BOMBING, "Explosions/Remote violence / Remote explosive/landmine/IED"),
        (EventType.SUICIDE_BOMBING, "Explosions/Remote violence / Suicide bomb"),
        (EventType.ARMED_ASSAULT, "Violence against civilians / Attack"),
        (EventType.AIR_OR_DRONE_STRIKE, "Explosions/Remote violence / Air/drone strike"),
        (EventType.SHELLING, "Explosions/Remote violence / Shelling/artillery/missile attack"),
        (EventType.KIDNAPPING, "Violence against civilians / Abduction/forced disappearance"),
        (EventType.HOSTAGE_TAKING, "Violence against civilians / Abduction/forced disappearance"),
        (EventType.ARMED_CLASH, "Battles / Armed clash"),
        (EventType.ARREST, "Strategic developments / Arrests"),
        (EventType.PROTEST, "Protests / Peaceful protest"),
        (EventType.RIOT, "Riots / Violent demonstration"),
        (EventType.AGREEMENT, "Strategic developments / Agreement"),
        (EventType.PROPAGANDA_RELEASE, "Strategic developments / Other"),
        (EventType.CLAIM_OF_RESPONSIBILITY, "Strategic developments / Other"),
        (EventType.SEIZURE_OF_POWER, "Battles / Non-state actor overtakes territory"),
    ],
)
def test_ontology_acled_defaults(event_type: EventType, acled: str) -> None:
    assert codes_for(event_type).acled == acled
    assert codes_for(event_type.value).acled == acled


def test_ontology_codes_for_gives_all_three() -> None:
    assert codes_for(EventType.SUICIDE_BOMBING) == EventCodes(
        acled="Explosions/Remote violence / Suicide bomb",
        plover="ASSAULT / suicide-attack",
        gtd="Bombing/Explosion",
    )
    assert codes_for(EventType.ARREST).plover == "COERCE / arrest"
    assert codes_for(EventType.PROTEST).plover == "PROTEST / demo"


def test_ontology_gtd_only_for_attacks() -> None:
    assert gtd_attack_type(EventType.KIDNAPPING) == "Hostage Taking (Kidnapping)"
    assert gtd_attack_type(EventType.HOSTAGE_TAKING) == "Hostage Taking (Barricade Incident)"
    assert gtd_attack_type(EventType.ASSASSINATION) == "Assassination"
    assert gtd_attack_type(EventType.ATTACK) == "Unknown"
    assert gtd_attack_type(EventType.ARREST) is None
    assert gtd_attack_type(EventType.PROTEST) is None


@pytest.mark.parametrize(
    ("event_type", "context", "sub"),
    [
        (EventType.BOMBING, "a hand grenade was thrown into the crowd", "Grenade"),
        (EventType.SHELLING, "rockets carrying chlorine", "Chemical weapon"),
        (EventType.PROTEST, "police used tear gas on the crowd", "Protest with intervention"),
        (
            EventType.PROTEST,
            "troops opened fire on the march",
            "Excessive force against protesters",
        ),
        (EventType.RIOT, "a mob lynched the suspect", "Mob violence"),
        (EventType.ARMED_ASSAULT, "women were raped", "Sexual violence"),
        (
            EventType.SEIZURE_OF_POWER,
            "the army recaptured the town",
            "Government regains territory",
        ),
        (
            EventType.SEIZURE_OF_POWER,
            "rebels handed over the town",
            "Non-violent transfer of territory",
        ),
        (EventType.GROUP_FOUNDED, "set up a new headquarters", "Headquarters or base established"),
        (EventType.BOMBING, "a bomb exploded in a baggage hall", "Remote explosive/landmine/IED"),
        # arrests at a protest are its intervention; protesters' violence makes it a riot
        (EventType.ARREST, "police detained dozens of protesters", "Protest with intervention"),
        (EventType.ARREST, "police detained rioters who threw stones", "Violent demonstration"),
        (EventType.BOMBING, "warplanes bombed the market", "Air/drone strike"),
        (EventType.ARSON, "an angry mob set the house ablaze", "Mob violence"),
        (
            EventType.ARMED_CLASH,
            "students clashed with riot police during the demonstration",
            "Violent demonstration",
        ),
        (EventType.ARSON, "rioters set cars on fire", "Violent demonstration"),
        (
            EventType.PROTEST,
            "marchers threw stones at the police, who fired tear gas",
            "Violent demonstration",
        ),
        (
            EventType.PROTEST,
            "soldiers used live bullets to break up the march",
            "Excessive force against protesters",
        ),
        (EventType.EXTRAJUDICIAL_KILLING, "soldiers raped two women", "Sexual violence"),
        (EventType.ATTACK, "a rocket hit the convoy", "Shelling/artillery/missile attack"),
        (EventType.ATTACK, "a drone hit the convoy", "Air/drone strike"),
        (EventType.SHELLING, "warplanes fired missiles at the depot", "Air/drone strike"),
        (EventType.SHELLING, "shells filled with poisonous gas", "Chemical weapon"),
        (
            EventType.GROUP_FOUNDED,
            "the army set up an observation post",
            "Headquarters or base established",
        ),
    ],
)
def test_ontology_refinement_by_context(event_type: EventType, context: str, sub: str) -> None:
    assert acled_sub_event_type(event_type, context) == sub
    assert codes_for(event_type, context).acled == f"{ACLED_EVENT_TYPE_OF[sub]} / {sub}"


def test_ontology_cues_match_whole_words_only() -> None:
    # 'basement' must not trigger the 'base' cue
    assert acled_sub_event_type("group_founded", "met in a basement") == "Change to group/activity"


def test_ontology_case2021_label() -> None:
    assert case2021_label(EventType.SUICIDE_BOMBING) == "SUIC_BOMB"
    assert case2021_label(EventType.SHELLING) == "ART_MISS_ATTACK"


def test_ontology_unknown_type_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="unknown event type 'carjacking'"):
        codes_for("carjacking")


def test_ontology_committed_doc_matches_table() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown_table(), (
        "docs/event_types.md is stale: regenerate it with "
        "threatline.ontology.render_markdown_table()"
    )


def test_ontology_snippet_cues_name_only_case2021_labels():
    from threatline.evaluate.case2021 import SUBTASK3_LABELS
    from threatline.ontology import case2021_snippet_cues

    cues = case2021_snippet_cues()
    assert {cue.label for cue in cues} <= set(SUBTASK3_LABELS)
    assert {cue.overrides for cue in cues} <= {"none", "generic", "all"}
    assert all(cue.when for cue in cues)


def test_ontology_snippet_label_replaces_only_the_labels_a_cue_overrides():
    from threatline.ontology import case2021_snippet_label

    allowed = {"ATTACK", "GRENADE", "ARREST", "NATURAL_DISASTER", "ORG_CRIME", "AGREEMENT"}
    quake = "An earthquake killed forty people in the mountains."
    assert case2021_snippet_label(quake, allowed, None) == "NATURAL_DISASTER"
    assert case2021_snippet_label(quake, allowed, "GRENADE") == "NATURAL_DISASTER"  # all
    assert case2021_snippet_label(quake, allowed - {"NATURAL_DISASTER"}, "ATTACK") is None
    cartel = "Gunmen from a drug cartel shot dead two men."
    assert case2021_snippet_label(cartel, allowed, "ATTACK") == "ORG_CRIME"  # generic
    assert case2021_snippet_label(cartel, allowed, "ARREST") is None
    truce = "The two sides signed a truce on Sunday."
    assert case2021_snippet_label(truce, allowed, None) == "AGREEMENT"  # none: no event
    assert case2021_snippet_label(truce, allowed, "OTHER") == "AGREEMENT"
    # an agreement reached replaces a generic label; a truce merely named does not
    assert case2021_snippet_label(truce, allowed, "ATTACK") == "AGREEMENT"
    broken = "Gunmen broke the truce and killed a farmer."
    assert case2021_snippet_label(broken, allowed, "ATTACK") is None
    # whole words only: "flooded" is not "flood"
    assert case2021_snippet_label("Calls flooded the hotline.", allowed, None) is None


def test_ontology_snippet_cue_with_two_word_lists_needs_one_of_each():
    from threatline.ontology import case2021_snippet_label

    allowed = {"ATTACK", "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST"}
    dispersed = "Police fired tear gas to disperse the protesters."
    assert case2021_snippet_label(dispersed, allowed, None) == "PROTEST_WITH_INTER"
    assert case2021_snippet_label("Police fired tear gas at the farm.", allowed, None) is None
    shot = "Soldiers shot dead three demonstrators."
    assert case2021_snippet_label(shot, allowed, "ATTACK") == "FORCE_AGAINST_PROTEST"
    assert case2021_snippet_label("Workers marched to parliament.", allowed, None) == (
        "PEACE_PROTEST"
    )
    # the month is no march
    assert case2021_snippet_label("In March, gunmen killed a farmer.", allowed, "ATTACK") is None


@pytest.mark.parametrize(
    ("text", "event_label", "label"),
    [
        ("The rebels and the army agreed a ceasefire after a week of fighting.", "ARMED_CLASH",
         "AGREEMENT"),
        ("Troops set up a new military base near the border.", None, "HQ_ESTABLISHED"),
        ("Police seized rifles and ammunition from a farmhouse.", None, "DISR_WEAP"),
        ("Two commanders defected to the government with their men.", None,
         "CHANGE_TO_GROUP_ACT"),
        ("Villagers said soldiers raped two women.", "ATTACK", "SEX_VIOL"),
        ("The shells fired at the town carried chlorine.", "ATTACK", "CHEM_WEAP"),
        ("A fuel tanker collided with a ferry in the strait.", None, "MAN_MADE_DISASTER"),
        ("Demonstrators blocked roads with burning tyres.", None, "VIOL_DEMONSTR"),
        ("The ministry denied responsibility for the blast at the depot.", "REM_EXPLOS",
         "ATTRIB"),
        ("Coast guards stopped a boat used to smuggle migrants.", "ATTACK", "ORG_CRIME"),
        ("Torrential rain washed away two bridges and killed nine people.", "ATTACK",
         "NATURAL_DISASTER"),
        ("Attackers set off suicide vests outside the hotel.", "ATTACK", "SUIC_BOMB"),
        ("A mortar round hit the school yard.", None, "ART_MISS_ATTACK"),
        ("A grenade was hurled into the bus station.", None, "GRENADE"),
        ("Two soldiers were killed when their truck hit a landmine.", None, "REM_EXPLOS"),
    ],
)  # fmt: skip
def test_ontology_snippet_cues_of_codebook_types(
    text: str, event_label: str | None, label: str
) -> None:
    from threatline.evaluate.case2021 import SUBTASK3_LABELS
    from threatline.ontology import case2021_snippet_label

    assert case2021_snippet_label(text, set(SUBTASK3_LABELS), event_label) == label


def test_ontology_weapon_named_without_its_use_is_no_attack() -> None:
    from threatline.evaluate.case2021 import SUBTASK3_LABELS
    from threatline.ontology import case2021_snippet_label

    text = "The ministry presented its new missile programme to parliament."
    assert case2021_snippet_label(text, set(SUBTASK3_LABELS), None) != "ART_MISS_ATTACK"


def test_ontology_snippet_cue_yields_to_words_that_deny_its_event() -> None:
    from threatline.ontology import case2021_snippet_label

    allowed = {"REM_EXPLOS", "ATTRIB"}
    claimed = "A roadside mine wounded four guards; the rebels claimed responsibility."
    assert case2021_snippet_label(claimed, allowed, "REM_EXPLOS") == "ATTRIB"
    unclaimed = "A roadside mine wounded four guards; no group claimed responsibility."
    assert case2021_snippet_label(unclaimed, allowed, "REM_EXPLOS") is None


def test_ontology_snippet_cue_of_the_event_label_keeps_it_over_later_cues() -> None:
    from threatline.ontology import case2021_snippet_label

    # the claim's cue comes before the industrial site's: the attack was no accident
    text = "The rebels claimed responsibility for Monday's rocket strike that hit a gas plant."
    allowed = {"ATTRIB", "MAN_MADE_DISASTER", "ART_MISS_ATTACK"}
    assert case2021_snippet_label(text, allowed, "ATTRIB") is None
    assert case2021_snippet_label("A fire broke out at the gas plant.", allowed, None) == (
        "MAN_MADE_DISASTER"
    )


def test_ontology_named_cue_lists_expand_where_they_are_used() -> None:
    from threatline.ontology import _cue_words

    named = {"aircraft": ["Warplane", "jet"]}
    assert _cue_words(["@aircraft", "Drone"], named, "a test") == ("warplane", "jet", "drone")
    with pytest.raises(ConfigError, match="names the cue list '@helicopter'"):
        _cue_words(["@helicopter"], named, "a test")
    # a shared list reaches every refinement that names it
    for event_type in (EventType.ARMED_ASSAULT, EventType.KIDNAPPING):
        assert acled_sub_event_type(event_type, "the soldiers raped the women") == (
            "Sexual violence"
        )
