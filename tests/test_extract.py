"""End to end on the seed article and on articles written for the tests."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from threatline.extract import Extractor, dangling_references
from threatline.models import Article, ArticleReport, EventMention
from threatline.schema import extract_schema

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor(nlp, gazetteer, actor_kb):
    return Extractor(nlp=nlp, gazetteer=gazetteer, actor_kb=actor_kb)


@pytest.fixture(scope="module")
def seed(extractor, seed_dir) -> ArticleReport:
    text = (seed_dir / "crocus_article.txt").read_text()
    return extractor.extract(Article.from_text(text, published=dt.date(2024, 3, 24)))


def _events(report: ArticleReport, event_type: str, words: str = "") -> list[EventMention]:
    """Events of a type whose evidence contains every given word."""
    found = []
    for event in report.events:
        text = " ".join(span.text for span in event.evidence)
        if event.type == event_type and all(w in text for w in words.split()):
            found.append(event)
    return found


def _one(report: ArticleReport, event_type: str, words: str = "") -> EventMention:
    found = _events(report, event_type, words)
    assert found, f"no {event_type} event with {words!r}"
    return found[0]


def _actor_ids(report: ArticleReport, event: EventMention, role: str) -> set[str]:
    return {p.actor for p in event.participants if p.role == role}


def _place(report: ArticleReport, event: EventMention):
    assert event.place and event.place.id, f"{event.id} has no resolved place"
    return next(place for place in report.places if place.id == event.place.id)


def test_extract_seed_document_is_valid_and_consistent(seed):
    jsonschema.validate(seed.to_json_dict(), extract_schema())
    assert dangling_references(seed) == []
    for event in seed.events:
        assert event.evidence, f"{event.id} has no evidence"
        for span in event.evidence:
            assert seed.article.text[span.start : span.end] == span.text


def test_extract_seed_crocus_attack(seed):
    attack = _one(seed, "attack", "Crocus")
    assert attack.time and attack.time.start == dt.date(2024, 3, 22) == attack.time.end
    place = _place(seed, attack)
    assert place.country == "RU"
    assert abs(place.lat - 55.75) < 0.5 and abs(place.lon - 37.6) < 0.5
    assert attack.place.relation == "near" and attack.place.precision == 2
    assert "islamic-state-khorasan" in _actor_ids(seed, attack, "perpetrator")
    stances = {(a.source, a.stance) for a in attack.attributions}
    assert ("islamic-state-khorasan", "claims") in stances
    assert ("us-government", "assumes") in stances
    assert ("russian-government", "not_confirmed") in stances


def test_extract_seed_claim_video_and_verification_link_to_the_attack(seed):
    attack = _one(seed, "attack", "Crocus")
    claim = _one(seed, "claim_of_responsibility", "Telegram")
    video = _one(seed, "propaganda_release", "video")
    check = _one(seed, "attack_verification", "geodata")
    assert any(link.event == attack.id for link in claim.links)
    assert any(link.event == attack.id for link in video.links)
    assert any(link.event in {video.id, attack.id} for link in check.links)
    assert claim.time.start == dt.date(2024, 3, 22)
    assert video.time.start >= dt.date(2024, 3, 23)
    assert "cnn" in {a.source for a in check.attributions}


def test_extract_seed_arrests_operation_and_plot(seed):
    arrest = _one(seed, "arrest", "Tajik")
    assert _actor_ids(seed, arrest, "arrested")
    operation = _one(seed, "security_operation", "Kaluga")
    assert operation.time.start == dt.date(2024, 3, 7)
    assert _place(seed, operation).name.startswith("Kaluga")
    assert "fsb" in _actor_ids(seed, operation, "security_force")
    plot = _one(seed, "plot", "synagogue")
    assert plot.status == "planned"
    assert _place(seed, plot).country == "RU"
    foiled = _one(seed, "foiled_attack", "thwarted")
    assert foiled.status == "foiled"


def test_extract_seed_background_attacks_have_their_own_dates_places_and_dead(seed):
    embassy = _one(seed, "attack", "embassy")
    assert embassy.time.start == dt.date(2022, 1, 1) and embassy.time.end == dt.date(2022, 12, 31)
    assert _place(seed, embassy).country == "AF"
    assert embassy.fatalities.min == embassy.fatalities.max == 6
    airport = _one(seed, "attack", "airport")
    assert airport.fatalities.min == 12
    kandahar = _one(seed, "attack", "Kandahar")
    assert kandahar.time.start == dt.date(2024, 3, 11) and kandahar.time.end == dt.date(2024, 3, 17)
    kerman = _one(seed, "attack", "Kerman")
    assert kerman.time.start == dt.date(2024, 1, 1) and kerman.time.end == dt.date(2024, 1, 31)
    assert _place(seed, kerman).country == "IR"
    assert _events(seed, "seizure_of_power")


def test_extract_seed_facts_about_the_group(seed):
    facts = {(f.subject, f.predicate): f for f in seed.facts}
    founded = facts[("islamic-state-khorasan", "founded")]
    assert founded.time.start.year == 2015
    sizes = [f for f in seed.facts if f.predicate == "size_estimate"]
    ranges = {(f.quantity.min, f.quantity.max) for f in sizes}
    assert (1500, 2000) in ranges and (2500, 2500) in ranges
    assert all(a.stance == "estimates" for f in sizes for a in f.attributions)
    assert ("islamic-state-khorasan", "funded_by") in facts
    actor = next(a for a in seed.actors if a.id == "islamic-state-khorasan")
    assert actor.parent == "islamic-state"


WRITTEN = """Gunmen stormed a hotel in Mogadishu on Saturday night, killing at least 15 people
and wounding dozens, police said. Al-Shabaab claimed responsibility for the attack in a
statement on its radio station on Sunday.

Two days later, security forces arrested three suspects in Kismayo, officials said."""


def test_extract_written_article(extractor):
    report = extractor.extract(Article.from_text(WRITTEN, published=dt.date(2024, 7, 15)))
    assert dangling_references(report) == []
    assault = next(e for e in report.events if e.type in {"armed_assault", "attack"})
    assert assault.time.start == dt.date(2024, 7, 13)
    assert assault.fatalities.min == 15 and assault.fatalities.max is None
    assert _place(report, assault).country == "SO"
    claim = _one(report, "claim_of_responsibility")
    assert any(link.event == assault.id for link in claim.links)
    assert "al-shabaab" in _actor_ids(report, claim, "claimant")
    assert _one(report, "arrest")


def test_extract_without_publication_date_keeps_relative_dates_unresolved(extractor):
    report = extractor.extract(Article.from_text(WRITTEN))
    assault = next(e for e in report.events if e.type in {"armed_assault", "attack"})
    assert assault.time is None or assault.time.start is None


def test_extract_safe_turns_a_failure_into_a_skip(nlp, gazetteer, actor_kb, monkeypatch):
    extractor = Extractor(nlp=nlp, gazetteer=gazetteer, actor_kb=actor_kb)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("threatline.extract.extract_events", broken)
    result = extractor.extract_safe(Article.from_text("Gunmen attacked a bus.", origin="x.txt"))
    assert result.code == "extract_error" and "boom" in result.reason
    empty = extractor.extract_safe(Article(id="e", text="", origin="e.txt"))
    assert empty.code == "empty"


def _actor(name: str, kind, mentions):
    from threatline.models import Actor

    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, mentions=mentions)


def _toponym(text: str, word: str, nth: int = 0):
    from threatline.models import Span

    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start=start, end=start + len(word), text=word)


def test_not_actors_drops_a_word_of_a_persons_name_but_not_the_place():
    from threatline.extract import _not_actors
    from threatline.models import ActorKind

    text = "Marta Salinas was unhurt when a bomb went off in Salinas at noon."
    person = _actor("Marta Salinas", ActorKind.PERSON, [(0, 13)])
    in_name, placed = (_toponym(text, "Salinas", k) for k in range(2))
    assert _not_actors([in_name, placed], [person], text) == [placed]


def test_not_actors_keeps_places_in_a_description_of_a_person():
    from threatline.extract import _not_actors
    from threatline.models import ActorKind

    # A description of the person names a real place: only the spelled name counts.
    text = "Ana Ruiz, the mayor of Salinas, was unhurt."
    mayor = _actor("Ana Ruiz", ActorKind.PERSON, [(0, 8), (10, 30)])
    spans = [_toponym(text, "Salinas")]
    assert _not_actors(spans, [mayor], text) == spans


def test_extract_a_place_outside_a_persons_name_stays(extractor):
    text = (
        "Union leader Marta Salinas said that a bomb exploded on Tuesday in Monterey, "
        "wounding two guards."
    )
    report = extractor.extract(Article.from_text(text, published=dt.date(2024, 7, 15)))
    assert [place.name for place in report.places] == ["Monterey"]


# One sentence per verb form of violence written as a compound, with a hyphen, with a
# space or as one word, or as a verb with a particle or phrase: (text, type, doer,
# victim, target).
_COMPOUND_VERB_CASES = [
    (
        "Gunmen machine-gunned a bus near the market on Tuesday.",
        "armed_assault",
        "gunmen",
        None,
        "bus",
    ),
    (
        "A bus was machine-gunned by guerrillas on Tuesday.",
        "armed_assault",
        "guerrillas",
        None,
        "bus",
    ),
    (
        "Gunmen machine gunned a bus near the market on Tuesday.",
        "armed_assault",
        "gunmen",
        None,
        "bus",
    ),
    (
        "A bus was machine gunned by guerrillas on Tuesday.",
        "armed_assault",
        "guerrillas",
        None,
        "bus",
    ),
    ("Rebels fire-bombed the party office on Sunday.", "bombing", "rebels", None, "party office"),
    (
        "The party office was fire bombed by rebels on Sunday.",
        "bombing",
        "rebels",
        None,
        "party office",
    ),
    ("Rebels firebombed a bank in the capital on Sunday.", "bombing", "rebels", None, "bank"),
    ("A bank was firebombed by rebels on Sunday.", "bombing", "rebels", None, "bank"),
    (
        "Guerrillas petrol-bombed the police station on Friday.",
        "bombing",
        "guerrillas",
        None,
        "police station",
    ),
    ("Insurgents car-bombed the embassy on Monday.", "bombing", "insurgents", None, "embassy"),
    (
        "The embassy was car-bombed by insurgents on Monday.",
        "bombing",
        "insurgents",
        None,
        "embassy",
    ),
    ("Gunmen pistol-whipped a priest on Monday.", "armed_assault", "gunmen", "priest", None),
    ("A priest was pistol whipped by gunmen on Monday.", "armed_assault", "gunmen", "priest", None),
    ("Gunmen kneecapped a shopkeeper on Saturday.", "armed_assault", "gunmen", "shopkeeper", None),
    (
        "An attacker knifed a nun outside the church on Saturday.",
        "armed_assault",
        "attacker",
        "nun",
        None,
    ),
    ("A nun was knifed by an attacker on Saturday.", "armed_assault", "attacker", "nun", None),
    (
        "Militiamen hacked two farmers to death on Thursday.",
        "attack",
        "militiamen",
        "farmers",
        None,
    ),
    (
        "Two farmers were hacked to death by militiamen on Thursday.",
        "attack",
        "militiamen",
        "farmers",
        None,
    ),
    (
        "Two teachers were beaten to death by guerrillas on Thursday.",
        "attack",
        "guerrillas",
        "teachers",
        None,
    ),
    (
        "Gunmen mowed down five villagers on Wednesday.",
        "armed_assault",
        "gunmen",
        "villagers",
        None,
    ),
    (
        "Five villagers were mowed down by gunmen on Wednesday.",
        "armed_assault",
        "gunmen",
        "villagers",
        None,
    ),
    ("Rebels burned down the town hall on Wednesday.", "arson", "rebels", None, "town hall"),
    ("The town hall was burned down by rebels on Wednesday.", "arson", "rebels", None, "town hall"),
    ("Rebels set the police station alight on Tuesday.", "arson", "rebels", None, "police station"),
    (
        "The police station was set alight by rebels on Tuesday.",
        "arson",
        "rebels",
        None,
        "police station",
    ),
    ("Guerrillas torched a bus on Tuesday.", "arson", "guerrillas", None, "bus"),
    ("A bus was torched by guerrillas on Tuesday.", "arson", "guerrillas", None, "bus"),
]


@pytest.mark.parametrize(("text", "event_type", "doer", "victim", "target"), _COMPOUND_VERB_CASES)
def test_extract_compound_and_phrasal_verbs_of_violence(
    extractor, text, event_type, doer, victim, target
):
    report = extractor.extract(Article.from_text(text, published=dt.date(2024, 5, 10)))
    event = _one(report, event_type)
    names = {actor.id: actor.name.lower() for actor in report.actors}

    def named(role: str) -> set[str]:
        return {names[a] for a in _actor_ids(report, event, role)}

    assert any(doer in name for name in named("perpetrator")), named("perpetrator")
    if victim is not None:
        assert any(victim in name for name in named("victim")), named("victim")
    if target is not None:
        assert target in {span.text.lower() for span in event.physical_targets}
