"""Tests of the actors stage: knowledge base, matching, ad-hoc actors, coreference."""

from __future__ import annotations

import json

import pytest

from threatline.actors import ActorKB, actor_at, actor_mentions_in, find_actors
from threatline.errors import ConfigError
from threatline.models import Actor, ActorKind, Article

# --------------------------------------------------------------------------- helpers


def _run(text: str, nlp, kb: ActorKB) -> tuple[Article, list[Actor]]:
    from threatline.annotate import annotate

    article = Article.from_text(text)
    return article, find_actors(annotate(article, nlp), kb)


def _by_id(actors: list[Actor]) -> dict[str, Actor]:
    return {actor.id: actor for actor in actors}


def _surfaces(article: Article, actor: Actor) -> list[str]:
    return [article.text[s:e] for s, e in actor.mentions]


def _referent(article: Article, actors: list[Actor], word: str, occurrence: int = 0) -> str | None:
    """Id of the actor that the n-th occurrence of ``word`` (whole word) refers to."""
    import re

    matches = list(re.finditer(rf"\b{re.escape(word)}\b", article.text))
    start, end = matches[occurrence].span()
    for actor in actors:
        if (start, end) in actor.mentions:
            return actor.id
    return None


# --------------------------------------------------------------------------- knowledge base


def test_actors_kb_entries_are_well_formed(actor_kb: ActorKB) -> None:
    entries = actor_kb.entries
    assert 120 <= len(entries) <= 260
    ids = {entry.id for entry in entries}
    assert len(ids) == len(entries)
    for entry in entries:
        assert entry.parent is None or entry.parent in ids, entry.id
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())


def test_actors_kb_match_spellings(actor_kb: ActorKB) -> None:
    for name in [
        "IS-K",
        "ISKP",
        "ISIS-K",
        "Islamic State Khorasan Province",
        "islamic state-khorasan",
    ]:
        entry = actor_kb.match(name)
        assert entry is not None and entry.id == "islamic-state-khorasan", name
    assert actor_kb.get("islamic-state-khorasan").parent == "islamic-state"
    assert actor_kb.match("Daesh").id == "islamic-state"
    assert actor_kb.match("Sendero Luminoso").id == "shining-path"
    assert actor_kb.match("the Kremlin").id == "russian-government"
    assert actor_kb.match("Washington").id == "us-government"
    assert actor_kb.match("no such group") is None
    # Acronyms are matched as written: the lower-case word "is" is not Islamic State.
    assert actor_kb.match("is") is None


def test_actors_kb_load_is_memoised() -> None:
    assert ActorKB.load() is ActorKB.load()


def test_actors_kb_user_extension(tmp_path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "entries": [
                    {"id": "islamic-state-khorasan", "aliases": ["Wilayat Khurasan"]},
                    {
                        "id": "valley-front",
                        "name": "Valley Liberation Front",
                        "kind": "armed_group",
                        "acronyms": ["VLF"],
                        "country": "XK",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=[extra])
    assert kb is not ActorKB.load()
    extended = kb.match("Wilayat Khurasan")
    assert extended is not None and extended.id == "islamic-state-khorasan"
    assert extended.parent == "islamic-state"  # fields the file did not give are kept
    assert "ISKP" in extended.acronyms
    assert kb.match("VLF").kind == ActorKind.ARMED_GROUP
    assert ActorKB.load().match("VLF") is None  # the default base is untouched


def test_actors_kb_rejects_bad_kind(tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "kind": "wizards"}]), encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown kind"):
        ActorKB.load(extra=[bad])


def test_actors_mention_helpers() -> None:
    a = Actor(id="a", name="A", mentions=[(0, 5), (20, 25)])
    b = Actor(id="b", name="B", mentions=[(10, 15), (20, 23)])
    assert [(x.id, s) for x, s, _ in actor_mentions_in([a, b], 8, 30)] == [
        ("b", 10),
        ("b", 20),
        ("a", 20),
    ]
    assert actor_at([a, b], 0, 5).id == "a"
    assert actor_at([a, b], 20, 25).id == "a"  # largest overlap
    assert actor_at([a, b], 6, 9) is None


# --------------------------------------------------------------------------- matching


@pytest.mark.model
def test_actors_acronym_and_alias(nlp, actor_kb) -> None:
    article, actors = _run(
        "ISIS claimed the bombing. Daesh later released a video, and AFP said the "
        "Islamic State group had used a truck.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    assert _surfaces(article, found["islamic-state"]) == [
        "ISIS",
        "Daesh",
        "the Islamic State group",
    ]
    assert found["afp"].kind == ActorKind.MEDIA
    assert found["islamic-state"].in_kb


@pytest.mark.model
def test_actors_upper_case_is_verb_is_not_islamic_state(nlp, actor_kb) -> None:
    article, actors = _run(
        "THE SITUATION IS CRITICAL, THE ARMY SAID. IT IS BELIEVED THAT IS FIGHTERS "
        "ENTERED THE TOWN. THE ATTACK IS THE WORK OF THE ERP, THE ARMY SAID.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    islamic_state = [article.text[s:e] for s, e in found["islamic-state"].mentions]
    assert all(article.text[s - 5 : s] == "THAT " for s, _ in found["islamic-state"].mentions)
    assert islamic_state  # "THAT IS FIGHTERS": the group
    assert "erp-sv" in found and found["erp-sv"].parent == "fmln"


@pytest.mark.model
def test_actors_upper_case_acronym_that_opens_a_person_s_name_is_a_given_name(
    nlp, actor_kb
) -> None:
    article, actors = _run(
        "GUNMEN SHOT AND WOUNDED SISTER ANA MARIA GALVEZ AND SISTER JUANA ROSA MEJIA IN SAN "
        "MIGUEL. THE ANA HAS NO TROOPS THERE.",
        nlp,
        actor_kb,
    )
    people = [a for a in actors if a.kind == ActorKind.PERSON]
    assert any("ANA MARIA GALVEZ" in _surfaces(article, a) for a in people)
    assert _referent(article, actors, "ANA", 1) == "afghan-security-forces"


@pytest.mark.model
def test_actors_upper_case_muc_sentence(nlp, actor_kb) -> None:
    article, actors = _run(
        "URBAN GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A "
        "POLICE POST IN SAN SALVADOR LAST NIGHT. THE FMLN CLAIMED RESPONSIBILITY ON "
        "RADIO VENCEREMOS.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    fmln = _surfaces(article, found["fmln"])
    assert "FARABUNDO MARTI NATIONAL LIBERATION FRONT" in fmln
    assert "FMLN" in fmln
    assert "URBAN GUERRILLAS" in fmln  # the guerrillas "of" the front are the front
    assert found["radio-venceremos"].kind == ActorKind.MEDIA


@pytest.mark.model
def test_actors_upper_case_name_introduced_by_its_role_is_a_person(nlp, actor_kb) -> None:
    article, actors = _run(
        "LIMA, 4 MAY 89 -- [TEXT] ANSELMO QUIROGA, LEADER OF THE TEACHERS UNION, WAS "
        "UNHARMED AFTER THE ATTACK.",
        nlp,
        actor_kb,
    )
    people = [a for a in actors if a.kind == ActorKind.PERSON]
    assert [_surfaces(article, a)[0] for a in people] == ["ANSELMO QUIROGA"]


@pytest.mark.model
def test_actors_upper_case_name_keeps_the_given_name_the_tagger_left_out(nlp, actor_kb) -> None:
    _, actors = _run(
        "IT WAS LEARNED THAT TOMAS ORTEGA AND RUBEN DARIO MENDEZ WERE SHOT TO DEATH BY ARMED MEN.",
        nlp,
        actor_kb,
    )
    people = sorted(a.name for a in actors if a.kind == ActorKind.PERSON)
    assert people == ["Ruben Dario Mendez", "Tomas Ortega"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, names",
    [
        # a surname truecasing took for a plural noun ends the name
        ("GUNMEN KILLED TOMAS ANIBAL FLORES AT HIS FARM YESTERDAY.", ["Tomas Anibal Flores"]),
        # given names that are also English nouns open the names
        (
            "THE VICTIMS WERE IDENTIFIED AS SILVIA ROSA MEJIA AND VICTOR HUGO PAREDES.",
            ["Silvia Rosa Mejia", "Victor Hugo Paredes"],
        ),
        # a role before a name is no given name, in lower case or not
        (
            "THE DEAD WERE SERGEANT LUIS MORA, AGENT PEDRO SOTO VEGA, AND DRIVER TOMAS ORTEGA.",
            ["Luis Mora", "Pedro Soto Vega", "Tomas Ortega"],
        ),
    ],
)
def test_actors_upper_case_name_keeps_the_words_truecasing_wrote_in_lower_case(
    nlp, actor_kb, text, names
) -> None:
    _, actors = _run(text, nlp, actor_kb)
    assert sorted(a.name for a in actors if a.kind == ActorKind.PERSON) == names


@pytest.mark.model
@pytest.mark.parametrize(
    "text, name",
    [
        # in apposition to a people noun
        ("THE FARMER, ANSELMO VIDAURRE QUIROGA, TRIED TO ESCAPE; THE MEN SHOT HIM.", "Anselmo"),
        # in a list with persons' names
        (
            "GUNMEN KILLED PEDRO SALAZAR VEGA, 42; TOMASA ROLDAN, 19; AND EFRAIN ORTIGOZA TELLEZ.",
            "Efrain",
        ),
    ],
)
def test_actors_a_name_tagged_as_an_organisation_said_to_be_a_person_is_one(
    nlp, actor_kb, text, name
) -> None:
    _, actors = _run(text, nlp, actor_kb)
    found = [a for a in actors if a.name.startswith(name)]
    assert found and found[0].kind == ActorKind.PERSON


@pytest.mark.model
@pytest.mark.parametrize(
    "text, name",
    [
        # a nationality before the name
        # adapted from a MUC-4 development message (a US government translation, public domain)
        ("FRENCHMAN RENE LISANDY AND ITALIAN DINO ROSSY WERE KIDNAPPED.", "Dino Rossy"),
    ],
)
def test_actors_upper_case_name_the_tagger_missed_is_a_person_in_context(
    nlp, actor_kb, text, name
) -> None:
    _, actors = _run(text, nlp, actor_kb)
    assert name in [a.name for a in actors if a.kind == ActorKind.PERSON]


@pytest.mark.model
def test_actors_upper_case_place_after_a_people_noun_is_no_person(nlp, actor_kb) -> None:
    _, actors = _run(
        "GUERRILLAS ATTACKED THE FARMERS OF PUERTO BELLO AND SAN PEDRO YESTERDAY.", nlp, actor_kb
    )
    assert [a.name for a in actors if a.kind == ActorKind.PERSON] == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, name",
    [
        # tagged as a building, in apposition to a people noun
        (
            "Those abducted were Victor Hugo Montalvo, his wife, Clara Ines Rubio, and Luis Pardo.",
            "Victor",
        ),
    ],
)
def test_actors_a_name_tagged_as_a_building_or_event_said_to_be_a_person_is_one(
    nlp, actor_kb, text, name
) -> None:
    _, actors = _run(text, nlp, actor_kb)
    found = [a for a in actors if a.name.startswith(name)]
    assert found and found[0].kind == ActorKind.PERSON


@pytest.mark.model
def test_actors_an_organisation_name_without_a_person_context_stays_one(nlp, actor_kb) -> None:
    _, actors = _run(
        "The bomb damaged the offices of Banco Andino, which opened last year.", nlp, actor_kb
    )
    assert [a.kind for a in actors if a.name == "Banco Andino"] == [ActorKind.ORGANIZATION]


@pytest.mark.model
def test_actors_an_age_written_with_hyphens_stays_in_the_description(nlp, actor_kb) -> None:
    article, actors = _run("GUNMEN KILLED THE FARMER AND HIS 15-YEAR-OLD DAUGHTER.", nlp, actor_kb)
    daughter = [a for a in actors if a.name == "daughter"]
    assert daughter and _surfaces(article, daughter[0]) == ["15-YEAR-OLD DAUGHTER"]
    article, actors = _run("Gunmen killed 12 peasants.", nlp, actor_kb)
    peasants = [a for a in actors if a.name == "peasants"]
    assert _surfaces(article, peasants[0]) == ["peasants"]  # a count is no part of it


@pytest.mark.model
def test_actors_name_extension_leaves_titles_out(nlp, actor_kb) -> None:
    _, actors = _run(
        "The mayor, Pedro Valdivia, met Colonel Anselmo Quiroga in the capital.",
        nlp,
        actor_kb,
    )
    people = sorted(a.name for a in actors if a.kind == ActorKind.PERSON)
    assert people == ["Anselmo Quiroga", "Pedro Valdivia"]


@pytest.mark.model
def test_actors_place_with_an_appositive_is_no_person(nlp, actor_kb) -> None:
    _, actors = _run(
        "LIMA, 4 MAY 89 -- [TEXT] PUERTO TEJADA, CAPITAL OF THE PROVINCE, WAS ATTACKED "
        "TODAY. MAYOR ANSELMO QUIROGA, LEADER OF THE TEACHERS UNION, WAS UNHARMED.",
        nlp,
        actor_kb,
    )
    people = [a.name for a in actors if a.kind == ActorKind.PERSON]
    assert people == ["Anselmo Quiroga"]  # neither the town nor the title "Mayor"


@pytest.mark.model
def test_actors_metonymy_only_when_acting(nlp, actor_kb) -> None:
    article, actors = _run(
        "Washington also assumes that the group was behind the attack. The embassy in "
        "Washington was closed, and the Kremlin said nothing.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    assert _surfaces(article, found["us-government"]) == ["Washington"]
    assert found["us-government"].mentions[0][0] == 0
    assert _surfaces(article, found["russian-government"]) == ["the Kremlin"]


@pytest.mark.model
def test_actors_armed_group_descriptions(nlp, actor_kb) -> None:
    # 'an armed group', 'paramilitary groups', 'guerrilla units' describe doers
    article, actors = _run(
        "An unidentified armed group attacked the farm near Arcos. Two judges were killed "
        "by rightist paramilitary groups, and guerrilla units burned a bus.",
        nlp,
        actor_kb,
    )
    described = {article.text[s:e]: a.kind for a in actors if not a.in_kb for s, e in a.mentions}
    assert described["unidentified armed group"] == ActorKind.ARMED_GROUP
    assert described["rightist paramilitary groups"] == ActorKind.ARMED_GROUP
    assert described["guerrilla units"] == ActorKind.ARMED_GROUP
    # 'the armed group' after a named group is that group, not a new description
    article, actors = _run(
        "Islamic State claimed the bombing in Arcos. The armed group said it would strike again.",
        nlp,
        actor_kb,
    )
    assert "The armed group" in _surfaces(article, _by_id(actors)["islamic-state"])
    assert not [a for a in actors if a.name.lower() == "armed group"]


@pytest.mark.model
def test_actors_nationality_description(nlp, actor_kb) -> None:
    article, actors = _run(
        "Russian authorities arrested several Tajik suspects. Shia Muslims in the city "
        "feared new attacks, and American soldiers guarded the airport.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    assert _surfaces(article, found["russian-government"]) == ["Russian authorities"]
    suspects = found["tajik-suspects"]
    assert suspects.country == "TJ" and not suspects.in_kb
    assert found["shia-muslims"].kind == ActorKind.CIVILIANS
    assert found["us-armed-forces"].kind == ActorKind.SECURITY_FORCE


@pytest.mark.model
def test_actors_hired_killers_and_patrols_are_doers_of_their_kind(nlp, actor_kb) -> None:
    article, actors = _run(
        "Five judges have been killed by hired assassins in Arcos. Military patrols shot "
        "three journalists, and military personnel burned the houses.",
        nlp,
        actor_kb,
    )
    kinds = {article.text[s:e]: a.kind for a in actors for s, e in a.mentions}
    assert kinds["hired assassins"] == ActorKind.ARMED_GROUP
    assert kinds["Military patrols"] == ActorKind.SECURITY_FORCE
    assert kinds["military personnel"] == ActorKind.SECURITY_FORCE


@pytest.mark.model
def test_actors_a_police_officer_and_security_agents_are_security_forces(nlp, actor_kb) -> None:
    article, actors = _run(
        "Gunmen shot a police officer and two security agents near the port.",
        nlp,
        actor_kb,
    )
    kinds = {article.text[s:e]: a.kind for a in actors for s, e in a.mentions}
    assert kinds["police officer"] == ActorKind.SECURITY_FORCE
    assert kinds["security agents"] == ActorKind.SECURITY_FORCE


@pytest.mark.model
def test_actors_a_patrol_car_and_a_personnel_office_are_no_people(nlp, actor_kb) -> None:
    _article, actors = _run(
        "The mayor drove a patrol car to the border. The personnel department lost the files.",
        nlp,
        actor_kb,
    )
    assert not [a for a in actors if a.kind == ActorKind.SECURITY_FORCE]


@pytest.mark.model
def test_actors_adhoc_person_expert_and_org(nlp, actor_kb) -> None:
    article, actors = _run(
        "The Valley Liberation Front attacked the base, said Maria Lopez, a professor at "
        "the University of Oslo. Lopez said the governor, John Smith, had fled.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    front = found["valley-liberation-front"]
    assert front.kind == ActorKind.ARMED_GROUP and not front.in_kb
    lopez = found["maria-lopez"]
    assert lopez.kind == ActorKind.EXPERT
    assert "Lopez" in _surfaces(article, lopez)  # the surname alone is the same person
    assert found["john-smith"].kind == ActorKind.PERSON


def test_actors_a_name_before_a_unit_noun_is_the_units_namesake(nlp, actor_kb) -> None:
    article, actors = _run(
        "SOLDIERS OF THE BRACAMONTE BATTALION KILLED TWO FARMERS NEAR THE RIVER ON MONDAY.",
        nlp,
        actor_kb,
    )
    unit = actor_at(actors, article.text.index("BRACAMONTE"), article.text.index(" KILLED"))
    assert unit is not None and unit.kind == ActorKind.SECURITY_FORCE
    assert not any(actor.kind == ActorKind.PERSON for actor in actors)
    article, actors = _run("Colonel Bracamonte spoke to the battalion on Monday.", nlp, actor_kb)
    person = [actor for actor in actors if actor.kind == ActorKind.PERSON]
    assert [actor.name for actor in person] == ["Bracamonte"]  # no unit noun right after


def test_actors_a_unit_told_by_its_number_is_a_security_force(nlp, actor_kb) -> None:
    article, actors = _run(
        "THE 4TH INFANTRY BRIGADE SHOT TWO FARMERS NEAR THE RIVER. LATER, TROOPS OF "
        "ARTILLERY REGIMENT NO. 2 BURNED A CHAPEL IN THE HILLS.",
        nlp,
        actor_kb,
    )
    kinds = {article.text[s:e]: a.kind for a in actors for s, e in a.mentions}
    assert kinds["4TH INFANTRY BRIGADE"] == ActorKind.SECURITY_FORCE
    assert kinds["ARTILLERY REGIMENT NO. 2"] == ActorKind.SECURITY_FORCE
    _article, actors = _run("The first brigade of volunteers cleaned the park.", nlp, actor_kb)
    assert not [a for a in actors if a.kind == ActorKind.SECURITY_FORCE]


# --------------------------------------------------------------------------- coreference


@pytest.mark.model
def test_actors_appositive_and_branch_parent(nlp, actor_kb) -> None:
    article, actors = _run(
        "The attack was carried out by the Valley Front, the northern branch of al-Qaeda "
        "known for its brutality.",
        nlp,
        actor_kb,
    )
    found = _by_id(actors)
    front = found["valley-front"]
    assert front.parent == "al-qaeda"
    assert "al-qaeda" in found
    assert _referent(article, actors, "its") == "valley-front"


@pytest.mark.model
def test_actors_the_group_and_pronouns(nlp, actor_kb) -> None:
    article, actors = _run(
        "Washington believes that IS-K was behind the attack. The group claimed "
        "responsibility on Telegram. The FSB reported that she had killed two of its "
        "fighters. In January, she carried out an attack in Kerman.",
        nlp,
        actor_kb,
    )
    assert _referent(article, actors, "group") is None  # the mention is "The group"
    isk = _by_id(actors)["islamic-state-khorasan"]
    assert "The group" in _surfaces(article, isk)
    assert isk.parent == "islamic-state"
    # "she" under a reporting verb is its subject; a main-clause "she" continues the topic.
    assert _referent(article, actors, "she", 0) == "fsb"
    assert _referent(article, actors, "she", 1) in {"fsb", "islamic-state-khorasan"}


@pytest.mark.model
def test_actors_pronoun_takes_subject_of_earlier_clause(nlp, actor_kb) -> None:
    article, actors = _run(
        "Not only did Hamas claim the attack, more than a day later it also released a video.",
        nlp,
        actor_kb,
    )
    assert _referent(article, actors, "it") == "hamas"


@pytest.mark.model
def test_actors_object_pronoun_is_not_the_subject_of_its_verb(nlp, actor_kb) -> None:
    # 'them' is the object of a verb that shares the soldiers as its subject
    article, actors = _run(
        "The soldiers captured the guerrillas near the river and questioned them.",
        nlp,
        actor_kb,
    )
    assert _referent(article, actors, "them") != _referent(article, actors, "soldiers")
    assert _referent(article, actors, "them") == _referent(article, actors, "guerrillas")


@pytest.mark.model
def test_actors_subject_pronoun_still_takes_the_governing_subject(nlp, actor_kb) -> None:
    article, actors = _run(
        "The soldiers said that they had captured the guerrillas near the river.",
        nlp,
        actor_kb,
    )
    assert _referent(article, actors, "they") == _referent(article, actors, "soldiers")


@pytest.mark.model
def test_actors_expletive_it_has_no_referent(nlp, actor_kb) -> None:
    article, actors = _run(
        "Hezbollah fired rockets. It is not the first time that the militia has attacked.",
        nlp,
        actor_kb,
    )
    assert _referent(article, actors, "It") is None
    assert "the militia" in _surfaces(article, _by_id(actors)["hezbollah"])


# --------------------------------------------------------------------------- seed article


@pytest.mark.model
def test_actors_seed_article(nlp, actor_kb, seed_dir) -> None:
    text = (seed_dir / "crocus_article.txt").read_text(encoding="utf-8")
    article, actors = _run(text, nlp, actor_kb)
    found = _by_id(actors)

    isk = found["islamic-state-khorasan"]
    assert isk.kind == ActorKind.ARMED_GROUP and isk.parent == "islamic-state" and isk.in_kb
    surfaces = set(_surfaces(article, isk))
    assert {"Islamic State Khorasan", "IS-K", "the group", "The organization"} <= surfaces
    assert "islamic-state" in found

    fsb = found["fsb"]
    assert fsb.kind == ActorKind.SECURITY_FORCE and fsb.country == "RU"
    assert "Washington" in _surfaces(article, found["us-government"])
    assert "Russian authorities" in _surfaces(article, found["russian-government"])
    assert found["cnn"].kind == ActorKind.MEDIA
    assert found["npr"].kind == ActorKind.MEDIA
    assert "taliban" in found and "al-qaeda" in found
    assert found["daniel-byman"].kind == ActorKind.EXPERT

    # "the FSB reported that she had killed ...": she is the FSB; "In January this year,
    # she carried out a major attack": she is IS-K (the topic of the previous sentence).
    assert _referent(article, actors, "she", 0) == "fsb"
    assert _referent(article, actors, "she", 1) == "islamic-state-khorasan"
    assert _referent(article, actors, "it", 0) == "islamic-state-khorasan"  # "it also distributed"
    # Every mention lies inside the text and is sorted.
    for actor in actors:
        assert actor.mentions == sorted(actor.mentions)
        assert all(0 <= s < e <= len(article.text) for s, e in actor.mentions)


@pytest.mark.model
def test_actors_title_and_of_phrase_describe_a_person(nlp, actor_kb: ActorKB) -> None:
    text = (
        "Judge Maria Lopez was shot in Lima. "
        "Police questioned Carlos Ramos, mayor of Huanta, on Monday."
    )
    article, actors = _run(text, nlp, actor_kb)
    lopez = next(a for a in actors if "Lopez" in a.name)
    ramos = next(a for a in actors if "Ramos" in a.name)
    assert "Judge" in _surfaces(article, lopez)
    assert "mayor of Huanta" in _surfaces(article, ramos)


@pytest.mark.model
def test_actors_the_title_takes_up_the_person_named_with_it(nlp, actor_kb: ActorKB) -> None:
    # 'the senator' after 'Senator Pedro Valdivia' is Valdivia
    text = (
        "Ruiz sent a telegram over the death of Senator Pedro Valdivia. Ruiz said the "
        "Andean senator was a brave man."
    )
    article, actors = _run(text, nlp, actor_kb)
    valdivia = next(a for a in actors if "Valdivia" in a.name)
    assert "the Andean senator" in _surfaces(article, valdivia)


@pytest.mark.model
def test_actors_a_title_two_people_hold_takes_up_no_one(nlp, actor_kb: ActorKB) -> None:
    # two senators named before: 'the senator' may be either
    text = "Senator Pedro Valdivia met Senator Ana Ortiz in Arcos. Later the senator left the town."
    article, actors = _run(text, nlp, actor_kb)
    named = [a for a in actors if "Valdivia" in a.name or "Ortiz" in a.name]
    assert len(named) == 2
    assert not any("the senator" in _surfaces(article, a) for a in named)


@pytest.mark.model
def test_actors_a_title_as_possessor_takes_up_no_one(nlp, actor_kb: ActorKB) -> None:
    # 'the senator's home' tells whose home was attacked: left as it was
    text = "Senator Pedro Valdivia spoke in Arcos. Later rebels attacked the senator's home."
    article, actors = _run(text, nlp, actor_kb)
    valdivia = next(a for a in actors if "Valdivia" in a.name)
    assert not any("senator" in surface for surface in _surfaces(article, valdivia)[1:])


@pytest.mark.model
def test_actors_hedge_is_no_part_of_a_group_mention(nlp, actor_kb: ActorKB) -> None:
    text = "Suspected urban guerrillas burned a bus, and armed men killed two persons."
    article, actors = _run(text, nlp, actor_kb)
    surfaces = {s for a in actors for s in _surfaces(article, a)}
    assert "urban guerrillas" in surfaces
    armed = next(a for a in actors if "armed men" in _surfaces(article, a))
    assert armed.kind == ActorKind.ARMED_GROUP
    persons = next(a for a in actors if "persons" in _surfaces(article, a))
    assert persons.kind == ActorKind.CIVILIANS


def test_actors_household_and_kin_of_someone_are_people(nlp, actor_kb: ActorKB) -> None:
    # "his driver" is another person than "his"; "maids" and "son" are people nouns.
    doc = nlp("Gunmen killed the mayor's bodyguard, his driver, two maids and her son.")
    kinds = {a.name: a.kind for a in find_actors(doc, actor_kb)}
    for noun in ("bodyguard", "driver", "maids", "son"):
        assert kinds.get(noun) == ActorKind.CIVILIANS, (noun, kinds)


def test_actors_passersby_reporters_mayors_and_guards_are_people(nlp, actor_kb: ActorKB) -> None:
    # the people a report says were hurt: 'a passerby', 'a guard', 'two reporters'
    doc = nlp(
        "The blast injured a passerby and a security guard. Gunmen shot two reporters, "
        "a mayor and a guard in Arcos."
    )
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    for noun in ("passerby", "security guard", "reporters", "mayor"):
        assert kinds.get(noun) == ActorKind.CIVILIANS, (noun, kinds)
    assert kinds.get("guard") == ActorKind.SECURITY_FORCE, kinds


def test_actors_trades_and_callings_are_people(nlp, actor_kb: ActorKB) -> None:
    # victims named by their trade or calling: 'fishermen', 'a cattleman', 'ranchers'
    doc = nlp(
        "Rebels ambushed four fishermen near the port. A bomb killed a cattleman and two "
        "ranchers, and gunmen kidnapped a peddler and a bishop. Police charged the "
        "demonstrators."
    )
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    for noun in ("fishermen", "cattleman", "ranchers", "peddler", "bishop", "demonstrators"):
        assert kinds.get(noun) == ActorKind.CIVILIANS, (noun, kinds)


def test_actors_union_and_labor_leaders_are_people(nlp, actor_kb: ActorKB) -> None:
    # the people a threat or an attack names by what they lead: 'union leaders'
    doc = nlp(
        "Gunmen shot three union leaders in Arcos, and a death squad threatened "
        "the labor leaders of the Tarma mill."
    )
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert kinds.get("union leaders") == ActorKind.CIVILIANS, kinds
    assert kinds.get("labor leaders") == ActorKind.CIVILIANS, kinds


def test_actors_bare_leaders_are_no_people_noun(nlp, actor_kb: ActorKB) -> None:
    # only the listed pairs: bare 'leaders' (often the group's own) names no one
    doc = nlp("Gunmen shot two leaders in Arcos.")
    names = {a.name.lower() for a in find_actors(doc, actor_kb)}
    assert not any(n.endswith("leaders") for n in names), names


def test_actors_a_leader_is_someone_of_the_kind_of_the_body_they_lead(nlp, actor_kb) -> None:
    # 'a party leader' is someone harmed can be; a leader of fighters is one of them
    doc = nlp(
        "Gunmen killed a party leader in Arcos. Troops shot the guerrilla leader and "
        "the rebels ambushed the patrol leader in Tarma."
    )
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert kinds.get("party leader") == ActorKind.OTHER, kinds
    assert kinds.get("guerrilla leader") == ActorKind.ARMED_GROUP, kinds
    assert kinds.get("patrol leader") == ActorKind.SECURITY_FORCE, kinds


def test_actors_a_post_with_its_force_as_modifier_is_one_of_the_force(nlp, actor_kb) -> None:
    # 'an army colonel' is a member of the army; the post alone names no one
    doc = nlp(
        "Gunmen killed an army colonel in Arcos. A retired air force officer was murdered "
        "and a police agent was wounded in Tarma."
    )
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert kinds.get("army colonel") == ActorKind.SECURITY_FORCE, kinds
    assert kinds.get("air force officer") == ActorKind.SECURITY_FORCE, kinds
    assert kinds.get("police agent") == ActorKind.SECURITY_FORCE, kinds


def test_actors_one_worker_of_a_named_body_is_a_person_not_the_body(nlp, actor_kb) -> None:
    # 'a Red Cross worker' is one civilian; the body's name stays a mention of the body
    doc = nlp("Gunmen killed a Red Cross worker in Arcos.")
    actors = find_actors(doc, actor_kb)
    kinds = {a.name.lower(): a.kind for a in actors}
    assert kinds.get("red cross worker") == ActorKind.CIVILIANS, kinds
    (body,) = [a for a in actors if a.id == "icrc"]
    assert [doc.text[s:e] for s, e in body.mentions] == ["Red Cross"]


def test_actors_one_post_of_an_armed_group_is_a_person_not_the_group(nlp, actor_kb) -> None:
    # 'an FMLN commander' is one man; the group's name stays a mention of the group
    doc = nlp("Gunmen killed an FMLN commander in Arcos.")
    actors = find_actors(doc, actor_kb)
    names = {a.name.lower() for a in actors}
    assert "fmln commander" in names, names
    (group,) = [a for a in actors if a.id == "fmln"]
    assert [doc.text[s:e] for s, e in group.mentions] == ["FMLN"]


def test_actors_a_definite_post_is_left_to_coreference(nlp, actor_kb) -> None:
    # 'the army colonel' is someone told of before, no new group
    doc = nlp("Gunmen shot the army colonel in Arcos.")
    names = {a.name.lower() for a in find_actors(doc, actor_kb)}
    assert "army colonel" not in names, names


def test_actors_a_title_before_a_name_is_no_group(nlp, actor_kb: ActorKB) -> None:
    # 'Mayor Pedro Valdivia' is one person: the title makes no second actor
    doc = nlp("Gunmen shot Mayor Pedro Valdivia in Arcos.")
    names = {a.name.lower() for a in find_actors(doc, actor_kb)}
    assert "mayor" not in names, names


@pytest.mark.model
def test_actors_a_role_in_apposition_to_a_name_describes_that_person(nlp, actor_kb) -> None:
    # 'Pedro Valdivia, a reporter,' is one person; 'a reporter' alone is another actor
    article, actors = _run(
        "Gunmen killed Pedro Valdivia, a reporter for Radio Sur, in Arcos. "
        "A reporter was wounded in Tarma.",
        nlp,
        actor_kb,
    )
    valdivia = next(a for a in actors if "Valdivia" in a.name)
    assert any("reporter" in m for m in _surfaces(article, valdivia))
    others = [a for a in actors if a is not valdivia and a.kind == ActorKind.CIVILIANS]
    assert [_surfaces(article, a) for a in others] == [["reporter"]]
    assert article.text.index("reporter was") in [s for a in others for s, _ in a.mentions]


@pytest.mark.model
def test_actors_a_surname_tagged_as_an_organisation_is_the_named_person(nlp, actor_kb) -> None:
    from threatline.annotate import annotate

    article = Article.from_text(
        "LIMA, 4 OCT 89 -- GUNMEN KILLED ROBERTO NAVARRO AND MARIO ESPINAL IN ARCOS. "
        "NAVARRO DIED AND ESPINAL WAS SERIOUSLY INJURED."
    )
    doc = annotate(article, nlp)
    tagged = {e.text: e.label_ for e in doc.ents}
    assert tagged.get("Navarro") == "ORG"  # the tagger's reading this test is about
    actors = find_actors(doc, actor_kb)
    navarro = next(a for a in actors if a.name == "Roberto Navarro")
    assert _surfaces(article, navarro) == ["ROBERTO NAVARRO", "NAVARRO"]
    # a one-word organisation that is no one's surname stays an organisation
    _article, actors = _run(
        "ARCOS, 4 OCT 89 -- THE BISHOP, PEDRO VALDIVIA, WAS KIDNAPPED.", nlp, actor_kb
    )
    assert {a.name: a.kind for a in actors}.get("Arcos") == ActorKind.ORGANIZATION


def test_actors_urban_commandos_are_an_armed_group(nlp, actor_kb: ActorKB) -> None:
    doc = nlp("Urban commandos shot a policeman in the capital.")
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert kinds.get("urban commandos") == ActorKind.ARMED_GROUP, kinds


@pytest.mark.model
@pytest.mark.parametrize("noun", ["urban commands", "urban commandoes"])
def test_actors_urban_commands_are_an_armed_group(nlp, actor_kb: ActorKB, noun) -> None:
    # translations write the urban commandos as 'urban commands', or misspell them
    doc = nlp(f"The {noun} shot a policeman in the capital.")
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert kinds.get(noun) == ActorKind.ARMED_GROUP, kinds


@pytest.mark.model
def test_actors_commands_of_an_officer_are_no_armed_group(nlp, actor_kb: ActorKB) -> None:
    doc = nlp("The colonel gave commands to the troops in the capital.")
    kinds = {a.name.lower(): a.kind for a in find_actors(doc, actor_kb)}
    assert "commands" not in kinds and ActorKind.ARMED_GROUP not in kinds.values(), kinds


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A group of unidentified individuals today kidnapped Juan Ortega in Arcos.",
        "UNIDENTIFIED INDIVIDUALS YESTERDAY KIDNAPPED JUAN ORTEGA IN ARCOS.",
    ],
)
def test_actors_a_day_noun_after_people_is_no_compound(nlp, actor_kb, text) -> None:
    # 'individuals today' is no compound noun: the people are described before the day
    article, actors = _run(text, nlp, actor_kb)
    found = _by_id(actors)
    assert "unidentified-individuals" in found
    surfaces = _surfaces(article, found["unidentified-individuals"])
    assert [s.lower() for s in surfaces] == ["unidentified individuals"]


@pytest.mark.model
def test_actors_a_noun_after_people_still_makes_a_compound(nlp, actor_kb) -> None:
    # 'guerrilla attacks': the people noun modifies the head noun, it names no actor
    _article, actors = _run("Guerrilla attacks hit the town of Arcos last week.", nlp, actor_kb)
    assert all("guerrilla" not in a.id for a in actors)


@pytest.mark.model
def test_actors_a_clause_when_is_no_word_of_the_description(nlp, actor_kb) -> None:
    # the parser may hang a 'when' clause's 'when' on its subject
    text = (
        "HEAVY FIGHTING RAGED LAST NIGHT IN NORTHERN SANTA ROSA WHEN MEMBERS OF THE NORTHERN "
        "FRONT [NF] ATTACKED AN ELECTRIC POWER SUBSTATION."
    )
    article, actors = _run(text, nlp, actor_kb)
    assert _surfaces(article, _by_id(actors)["members"]) == ["MEMBERS"]
    # other modifiers of the noun stay
    text = "VERY YOUNG GUERRILLAS ATTACKED THE TOWN HALL OF SANTA ROSA."
    article, actors = _run(text, nlp, actor_kb)
    assert any(s.startswith("VERY") for a in actors for s in _surfaces(article, a))


@pytest.mark.model
def test_actors_his_wife_in_apposition_to_a_name_is_someone_else(nlp, actor_kb) -> None:
    text = "Gunmen killed Dr Pedro Valdivia, his wife, and two other people in Arequipa."
    article, actors = _run(text, nlp, actor_kb)
    assert _referent(article, actors, "wife") != _referent(article, actors, "Valdivia")
    # an apposition with no possessor still describes the person named
    text = "Gunmen killed Pedro Valdivia, a lawyer, in Arequipa yesterday."
    article, actors = _run(text, nlp, actor_kb)
    assert "a lawyer" in _surfaces(article, _by_id(actors)["pedro-valdivia"])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun", "kind"),
    [
        # the spelling with one 'r' names the same fighters
        ("Urban guerillas bombed a bank in Arcos.", "urban guerillas", ActorKind.ARMED_GROUP),
        # ranks in the plural are members of the forces ('implicated two lieutenants in ...')
        (
            "Two lieutenants and four sergeants were arrested in Arcos.",
            "lieutenants",
            ActorKind.SECURITY_FORCE,
        ),
        ("The corporals fled toward the hills.", "corporals", ActorKind.SECURITY_FORCE),
    ],
)
def test_actors_doer_spellings_are_people_nouns(nlp, actor_kb, text, noun, kind) -> None:
    article, actors = _run(text, nlp, actor_kb)
    found = [a for a in actors if any(noun in s.lower() for s in _surfaces(article, a))]
    assert found and found[0].kind == kind


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The judge has been threatened by the drug mafias.", "drug mafias"),
        ("The mafia has sworn to kill ten judges.", "mafia"),
        ("A plane was dynamited by smuggling gangs in Arcos.", "smuggling gangs"),
    ],
)
def test_actors_a_band_of_criminals_is_an_organization(nlp, actor_kb, text, noun) -> None:
    article, actors = _run(text, nlp, actor_kb)
    found = [a for a in actors if any(noun in s.lower() for s in _surfaces(article, a))]
    assert found and found[0].kind == ActorKind.ORGANIZATION


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Guerilla leaders met the bishop in Arcos last week.",
        # 'guerilla attacks': the people noun modifies the act, it names no actor
        "Guerilla attacks hit the town of Arcos last week.",
    ],
)
def test_actors_a_noun_after_a_doer_spelling_makes_no_doers(nlp, actor_kb, text) -> None:
    _article, actors = _run(text, nlp, actor_kb)
    assert all(a.kind != ActorKind.ARMED_GROUP for a in actors)


@pytest.mark.model
def test_actors_a_rank_before_a_name_is_a_title(nlp, actor_kb) -> None:
    # 'Lieutenant Jorge Pardo' is one person, no group of the forces
    _article, actors = _run("Lieutenant Jorge Pardo said the rebels fled.", nlp, actor_kb)
    assert all(a.kind != ActorKind.SECURITY_FORCE for a in actors)


@pytest.mark.parametrize("truecased", [True, False])
def test_actors_a_hamlet_told_as_a_town_is_no_actor(
    nlp, actor_kb: ActorKB, gazetteer, truecased: bool
) -> None:
    # the model may take a hamlet's name for a group in a text written in capitals: told as
    # a village and unknown to the gazetteer, it is a place, left to the geo stage
    text = "Rebels shot a man in the small town of Villa Tarapunco."
    doc = nlp(text)
    start = text.index("Villa Tarapunco")
    doc.ents = [doc.char_span(start, start + len("Villa Tarapunco"), label="ORG")]
    doc.user_data["truecased"] = truecased
    names = {a.name for a in find_actors(doc, actor_kb, gazetteer=gazetteer)}
    assert ("Villa Tarapunco" in names) is not truecased, names
    # without a gazetteer to tell, the model's reading stands
    assert "Villa Tarapunco" in {a.name for a in find_actors(doc, actor_kb)}


def _misread(nlp, text: str, name: str, label: str):
    """A Doc of a text written in capitals whose only entity is ``name`` read as ``label``."""
    doc = nlp(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    doc.user_data["truecased"] = True
    return doc


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A bomb exploded in Tandil today.", "Tandil"),
        ("Rebels blew up the road between Azul and Tandil.", "Tandil"),
        ("Rebels burned farms in Cundinamarca department.", "Cundinamarca"),
        # the dateline's place is no actor, though a capital may stand for its government
        ("Santiago, 5 Sep 89 (Radio Nacional) -- [Text] A bomb exploded today.", "Santiago"),
    ],
)
def test_actors_a_place_the_tagger_misread_is_no_actor(
    nlp, actor_kb: ActorKB, gazetteer, text: str, name: str
) -> None:
    # a text written in capitals: the model took the place's name for a group
    doc = _misread(nlp, text, name, "ORG")
    actors = find_actors(doc, actor_kb, gazetteer=gazetteer)
    start = text.index(name)
    assert not actor_mentions_in(actors, start, start + len(name)), actors


@pytest.mark.model
def test_actors_a_group_named_like_a_town_stays_a_group_without_a_place_word(
    nlp, actor_kb: ActorKB, gazetteer
) -> None:
    doc = _misread(nlp, "Tandil claimed the attack today.", "Tandil", "ORG")
    assert "Tandil" in {a.name for a in find_actors(doc, actor_kb, gazetteer=gazetteer)}
