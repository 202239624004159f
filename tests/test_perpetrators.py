"""Tests of perpetrators that the extractor infers from context (threatline.perpetrators)
and of 'we' in a group's statement (threatline.events): who did an attack that its own
sentence does not say, and how sure the report is of it."""

from __future__ import annotations

import pytest

from test_events import PUBLISHED, actor, only, roles, run, stances
from threatline.models import Actor, ActorKind

pytestmark = pytest.mark.model

ARMED = ActorKind.ARMED_GROUP


def _evidence_of_inference(text: str, event) -> list[str]:
    return [
        text[a.start : a.end]
        for a in event.attributions
        if a.source == "context" and a.start is not None and a.end is not None
    ]


def test_an_attack_takes_the_group_its_paragraph_names_as_inferred(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive in the north. "
        "Unidentified men bombed the town hall of Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    event = only(run(nlp, text, [front]))
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)
    # the evidence of the role is the sentence that names the group
    assert _evidence_of_inference(text, event) == [
        "The Popular Liberation Front announced a new offensive in the north."
    ]


def test_a_stated_perpetrator_is_not_inferred(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive. "
        "The Red Cells bombed the town hall of Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    cells = actor(text, "cells", ARMED, "Red Cells")
    event = only(run(nlp, text, [front, cells]))
    assert ("cells", "perpetrator") in roles(event)
    assert ("plf", "perpetrator") not in roles(event)
    assert ("context", "assumes") not in stances(event)


def test_a_group_of_another_paragraph_is_no_perpetrator_unless_known(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive.\n\n"
        "Unidentified men bombed the town hall of Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    assert ("plf", "perpetrator") not in roles(only(run(nlp, text, [front])))
    # a group the actor base knows, the one the article names most: the likely perpetrator
    known = front.model_copy(update={"in_kb": True})
    event = only(run(nlp, text, [known]))
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)


@pytest.mark.parametrize(
    "about_the_group",
    [
        "The Popular Liberation Front launched an offensive in the north last year.",
        "The Popular Liberation Front is held responsible for a wave of attacks.",
        # the clause that names it describes the group that acts in the sentence's verb
        "A group calling itself the Popular Liberation Front announced its birth with bombs.",
        # named in the sentence of another attack
        "A mayor was kidnapped near Arcos, where the Popular Liberation Front operates.",
    ],
)
def test_the_known_group_named_doing_violence_is_assumed_for_an_attack_far_from_it(
    nlp, about_the_group
):
    text = f"{about_the_group}\n\nUnidentified men bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    event = _the_bombing(run(nlp, text, [front]))
    assert ("plf", "perpetrator") in roles(event)
    # the text ties it to violence: an inference, no guess
    assert ("context", "assumes") in stances(event)
    assert ("context", "estimates") not in stances(event)


def _the_bombing(events):
    return only([e for e in events if e.type == "bombing"])


@pytest.mark.parametrize(
    "about_the_group",
    [
        "The Popular Liberation Front operates in the mountains of the north.",
        # violence it gives up is none it does
        "The Popular Liberation Front pledged to refrain from attacking the police.",
        # a war declared on the state tells of no act of its own
        "The Popular Liberation Front declared war on the state.",
        "The Popular Liberation Front has waged war on the state for ten years.",
    ],
)
def test_the_known_group_not_tied_to_violence_is_only_guessed_when_no_one_acts(
    nlp, about_the_group
):
    text = f"{about_the_group}\n\nUnidentified men bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    # no one told acting: nothing in the text ties the group to the attack, a guess
    event = _the_bombing(run(nlp, text, [front]))
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "estimates") in stances(event)
    assert ("context", "assumes") not in stances(event)
    text = f"{about_the_group}\n\nGuerrillas bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    guerrillas = actor(text, "guerrillas", ARMED, "Guerrillas")
    # guerrillas told acting: the article's own group is likely theirs
    event = _the_bombing(run(nlp, text, [front, guerrillas]))
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)
    assert ("context", "estimates") not in stances(event)


@pytest.mark.parametrize(
    "about_the_group",
    [
        # a party to talks
        "The Popular Liberation Front met envoys of the government for peace talks in Lisbon.",
        # a victim of violence
        "Two Popular Liberation Front rebels were killed by soldiers in the north.",
        # the side set against
        "Soldiers fought a battle against the Popular Liberation Front in the north.",
        # the one who condemns violence
        "The Popular Liberation Front condemned the massacre of peasants in the north.",
        # one who only speaks of violence
        "A chief of the Popular Liberation Front referred to the killings of peasants in the "
        "north.",
        # the group no one is tied to
        "The mayor said that none of his aides belonged to the Popular Liberation Front.",
        # what is told of its chiefs, not of the group
        "The leaders of the Popular Liberation Front financed the war in the north.",
    ],
)
def test_the_known_group_named_only_as_no_doer_is_not_assumed(nlp, about_the_group):
    text = f"{about_the_group}\n\nUnidentified men bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    event = _the_bombing(run(nlp, text, [front]))
    assert ("plf", "perpetrator") not in roles(event)


@pytest.mark.parametrize(
    "text",
    [
        "The Popular Liberation Front denounced the massacre of twelve peasants in Arcos.",
        "In a communique, the Popular Liberation Front condemned the bombing of the town hall.",
        # it only says something beside the charge it makes
        "The Popular Liberation Front claimed a rise in repression and blamed the army for "
        "the bombing of the town hall.",
    ],
)
def test_a_group_that_denounces_an_act_is_not_its_inferred_doer(nlp, text):
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    for event in run(nlp, text, [front]):
        assert ("plf", "perpetrator") not in roles(event)


@pytest.mark.parametrize(
    "text",
    [
        "The Popular Liberation Front was active in Arcos, where the town hall was bombed.",
        # one who denies an act stays its suspect
        "The Popular Liberation Front denied the bombing of the town hall in Arcos.",
    ],
)
def test_a_group_named_beside_an_act_it_does_not_denounce_is_inferred(nlp, text):
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    event = only([e for e in run(nlp, text, [front]) if e.type == "bombing"])
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)


@pytest.mark.parametrize(
    "before",
    [
        # it has something
        "The Popular Liberation Front has an office in the capital.",
        # it demands something
        "The reforms demanded by the Popular Liberation Front were debated in the assembly.",
        # it only speaks of violence
        "A chief of the Popular Liberation Front commented on the killings of peasants.",
        # it is named in a negated clause
        "The mayor was not a member of the Popular Liberation Front.",
        "No one in the village belonged to the Popular Liberation Front.",
        "Their views did not agree with those of the Popular Liberation Front.",
    ],
)
def test_a_group_named_where_it_does_not_act_is_no_inferred_doer_of_its_paragraph(nlp, before):
    text = f"{before} Unidentified men bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    assert ("plf", "perpetrator") not in roles(_the_bombing(run(nlp, text, [front])))


@pytest.mark.parametrize(
    "before",
    [
        # it says something that tells violence
        "The Popular Liberation Front said it would step up its attacks in the north.",
        # it has what tells violence
        "The Popular Liberation Front has planned a new offensive in the north.",
    ],
)
def test_a_group_that_tells_violence_is_the_inferred_doer_of_its_paragraph(nlp, before):
    text = f"{before} Unidentified men bombed the town hall of Arcos on Monday."
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    event = _the_bombing(run(nlp, text, [front]))
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)


@pytest.mark.parametrize(
    "text",
    [
        # the people a relative clause says resisted the attack
        "Gunmen attacked the village of Arcos on Monday, and two of them died at the hands of "
        "members of the Arcos Patrol, who resisted the attack with machetes.",
        # the subject of a verb that holds the attack off
        "Gunmen attacked the village of Arcos on Monday. The Arcos Patrol repelled the attack.",
    ],
)
def test_a_group_that_resists_an_attack_is_not_its_inferred_doer(nlp, text):
    patrol = actor(text, "patrol", ARMED, "Arcos Patrol")
    for event in run(nlp, text, [patrol]):
        assert ("patrol", "perpetrator") not in roles(event)


def test_members_described_take_the_known_group_their_context_names(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive in the north. "
        "Guerrillas bombed the town hall of Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    guerrillas = actor(text, "guerrillas", ARMED, "Guerrillas")
    event = only(run(nlp, text, [front, guerrillas]))
    # the description stays, the group is added as inferred
    assert ("guerrillas", "perpetrator") in roles(event)
    assert ("plf", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)


def test_members_described_take_no_group_unknown_to_the_knowledge_base(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive in the north. "
        "Guerrillas bombed the town hall of Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    guerrillas = actor(text, "guerrillas", ARMED, "Guerrillas")
    event = only(run(nlp, text, [front, guerrillas]))
    assert ("plf", "perpetrator") not in roles(event)
    assert ("context", "assumes") not in stances(event)


@pytest.mark.parametrize(
    "text",
    [
        'The Popular Liberation Front said in a communique that "we bombed the town hall '
        'of Arcos on Monday."',
        "The Popular Liberation Front said in a statement that we carried out the attack "
        "on the bank in Arcos.",
        'The Popular Liberation Front issued a communique on Monday. "We set fire to the '
        'town hall of Arcos," the communique said.',
    ],
)
def test_we_in_a_groups_statement_is_the_group_that_claims_the_attack(nlp, text):
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    event = only(run(nlp, text, [front]))
    assert {("plf", "perpetrator"), ("plf", "claimant")} <= roles(event)
    assert ("plf", "claims") in stances(event)
    assert ("context", "assumes") not in stances(event)


def test_we_in_a_broadcast_of_a_groups_radio_is_the_group(nlp):
    text = (
        "CLANDESTINE, 12 NOV 89 (RADIO LIBERTAD) -- [TEXT] The struggle goes on. "
        "We bombed the offices of the mayor of San Miguel."
    )
    radio = actor(text, "radio-libertad", ActorKind.MEDIA, "RADIO LIBERTAD")
    radio = radio.model_copy(update={"parent": "plf"})
    front = Actor(id="plf", name="Popular Liberation Front", kind=ARMED)
    event = only(run(nlp, text, [radio, front]))
    assert {("plf", "perpetrator"), ("plf", "claimant")} <= roles(event)
    assert ("plf", "claims") in stances(event)
    # a quotation in the broadcast may be someone else's 'we'
    quoted = text.replace(
        "We bombed the offices of the mayor of San Miguel.",
        '"We bombed the offices of the mayor of San Miguel," a soldier said.',
    )
    radio = actor(quoted, "radio-libertad", ActorKind.MEDIA, "RADIO LIBERTAD")
    radio = radio.model_copy(update={"parent": "plf"})
    for event in run(nlp, quoted, [radio, front]):
        assert ("plf", "claimant") not in roles(event)


def test_we_of_a_speaker_that_is_no_armed_group_claims_nothing(nlp):
    text = 'Mayor Juan Perez said: "We set fire to nothing, we only protested."'
    mayor = actor(text, "perez", ActorKind.PERSON, "Juan Perez")
    for event in run(nlp, text, [mayor]):
        assert ("perez", "claimant") not in roles(event)
        assert ("perez", "perpetrator") not in roles(event)


def test_an_event_with_an_inferred_perpetrator_is_alleged_once_merged(nlp):
    from threatline.annotate import annotate
    from threatline.events import extract_events
    from threatline.merge import merge_reports
    from threatline.models import Article, ArticleReport

    text = (
        "The Popular Liberation Front announced a new offensive in the north. "
        "Unidentified men bombed the town hall of Arcos on Monday."
    )
    article = Article.from_text(text, published=PUBLISHED)
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    events = extract_events(annotate(article, nlp), article, [front], [], [])
    report = ArticleReport(article=article, actors=[front], events=events)
    (merged,) = merge_reports([report])
    assert merged.certainty == "alleged"  # not "reported": no one states who did it


def test_people_told_acting_in_the_sentence_before_an_attack_are_its_doers(nlp):
    text = (
        "The car of Luis Vega was intercepted by heavily armed men on Monday.\n\n"
        "Vega was kidnapped as he left the airport."
    )
    men = actor(text, "men", ARMED, "heavily armed men")
    vega = actor(text, "vega", ActorKind.PERSON, "Luis Vega", "Vega")
    event = only([e for e in run(nlp, text, [men, vega]) if e.type == "kidnapping"])
    assert ("men", "perpetrator") in roles(event)
    assert ("context", "assumes") in stances(event)
    assert _evidence_of_inference(text, event) == [
        "The car of Luis Vega was intercepted by heavily armed men on Monday."
    ]


@pytest.mark.parametrize(
    "before",
    [
        # two sentences before, in another paragraph
        "Heavily armed men stole cattle near Arcos.\n\nThe harvest was poor.\n\n",
        # people who tell, not act (a paragraph before: no group of its paragraph either)
        "Heavily armed men told reporters that the town was quiet.\n\n",
        # people who are arrested
        "Heavily armed men were arrested in Arcos.\n\n",
    ],
)
def test_people_who_do_not_act_next_to_an_attack_are_not_its_doers(nlp, before):
    text = f"{before}Luis Vega was kidnapped as he left the airport."
    men = actor(text, "men", ARMED, "Heavily armed men")
    vega = actor(text, "vega", ActorKind.PERSON, "Luis Vega")
    event = only([e for e in run(nlp, text, [men, vega]) if e.type == "kidnapping"])
    assert ("men", "perpetrator") not in roles(event)


def test_people_inferred_to_have_acted_leave_room_for_the_known_group_of_the_paragraph(nlp):
    text = (
        "The Popular Liberation Front announced a new offensive in the north. "
        "Heavily armed men stopped the car of Luis Vega on Monday. "
        "Vega was kidnapped as he left the airport."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    men = actor(text, "men", ARMED, "Heavily armed men")
    vega = actor(text, "vega", ActorKind.PERSON, "Luis Vega", "Vega")
    known = front.model_copy(update={"in_kb": True})
    event = only([e for e in run(nlp, text, [known, men, vega]) if e.type == "kidnapping"])
    assert ("men", "perpetrator") in roles(event)
    assert ("plf", "perpetrator") in roles(event)
    # like members described, inferred doers take no group unknown to the knowledge base
    event = only([e for e in run(nlp, text, [front, men, vega]) if e.type == "kidnapping"])
    assert ("men", "perpetrator") in roles(event)
    assert ("plf", "perpetrator") not in roles(event)


def test_people_of_the_paragraph_who_are_told_of_are_inferred(nlp):
    text = (
        "Armed drug traffickers threatened the people of Arcos last week. "
        "A bomb destroyed the town hall of Arcos on Monday."
    )
    traffickers = actor(text, "traffickers", ARMED, "drug traffickers")
    bombing = next(e for e in run(nlp, text, [traffickers]) if e.type == "bombing")
    assert ("traffickers", "perpetrator") in roles(bombing)


@pytest.mark.parametrize(
    "before",
    [
        "The government stepped up its campaign against drug traffickers last week.",
        "The mayor of Arcos labelled the strikers as drug traffickers last week.",
        "The police closed a drug traffickers network in Arcos last week.",
    ],
)
def test_people_only_named_as_a_kind_in_the_paragraph_are_not_inferred(nlp, before):
    text = f"{before} A bomb destroyed the town hall of Arcos on Monday."
    traffickers = actor(text, "traffickers", ARMED, "drug traffickers")
    bombing = next(e for e in run(nlp, text, [traffickers]) if e.type == "bombing")
    assert ("traffickers", "perpetrator") not in roles(bombing)


def test_people_acting_in_the_sentence_of_a_known_groups_attack_are_its_doers_too(nlp):
    text = (
        "The Popular Liberation Front bombed the oil pipeline near Arcos on Monday; two men "
        "set off a charge of dynamite beside it."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    men = actor(text, "men", ActorKind.CIVILIANS, "two men")
    bombed = only([e for e in run(nlp, text, [front, men]) if e.trigger.text == "bombed"])
    assert ("plf", "perpetrator") in roles(bombed)
    assert ("men", "perpetrator") in roles(bombed)


def test_people_acting_next_to_a_known_groups_attack_are_not_its_doers(nlp):
    # with the group named as the doer, only the act's own sentence may add its men
    text = (
        "Two men set fire to a bus in Arcos on Sunday. "
        "The Popular Liberation Front bombed the oil pipeline near Arcos on Monday."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front").model_copy(update={"in_kb": True})
    men = actor(text, "men", ActorKind.CIVILIANS, "Two men")
    bombed = only([e for e in run(nlp, text, [front, men]) if e.trigger.text == "bombed"])
    assert ("plf", "perpetrator") in roles(bombed)
    assert ("men", "perpetrator") not in roles(bombed)


def _span_of(text: str, surface: str, start: int = 0) -> tuple[int, int]:
    at = text.index(surface, start)
    return at, at + len(surface)


def test_a_bracketed_gloss_of_a_groups_name_is_judged_with_the_name_it_glosses():
    from threatline.perpetrators import _unglossed

    text = "None of them belonged to the Popular Front [PF]. The PF (Popular Front) struck."
    full, gloss = _span_of(text, "Popular Front"), _span_of(text, "PF")
    later = _span_of(text, "PF", gloss[1])
    later_gloss = _span_of(text, "Popular Front", later[1])
    # the parser may cut '[PF].' off as a sentence of its own: it only repeats the name
    assert _unglossed([later_gloss, gloss, full, later], text) == [full, later]


def test_a_group_named_in_an_editors_note_on_a_speaker_is_no_inferred_doer(nlp):
    text = (
        "Comrade Ramos [a member of the command of the Popular Liberation Front] referred "
        "to the bombing of the town hall of Arcos."
    )
    front = actor(text, "plf", ARMED, "Popular Liberation Front")
    for event in run(nlp, text, [front]):
        assert ("plf", "perpetrator") not in roles(event)
