"""Tests of threatline.facts: statements about actors (founded, size, funding, ...)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from threatline.models import Actor, ActorKind, Article, Fact, FactPredicate, Stance

PUBLISHED = dt.date(2024, 3, 24)

pytestmark = pytest.mark.model


def _actor(actor_id: str, kind: ActorKind, text: str, *names: str, in_kb: bool = True) -> Actor:
    """An actor with every occurrence of its names in ``text`` as a mention."""
    mentions = sorted(
        (m.start(), m.end())
        for name in names
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )
    return Actor(id=actor_id, name=names[0], kind=kind, mentions=mentions, in_kb=in_kb)


def _facts(nlp, text: str, actors: list[tuple]) -> list[Fact]:
    from threatline.annotate import annotate
    from threatline.facts import extract_facts
    from threatline.timex import find_timexes

    article = Article.from_text(text, published=PUBLISHED)
    doc = annotate(article, nlp)
    actor_list = [_actor(a[0], a[1], article.text, *a[2:]) for a in actors]
    timexes = find_timexes(article.text, PUBLISHED, doc=doc)
    return extract_facts(doc, article, actor_list, timexes)


def _by(facts: list[Fact], predicate: FactPredicate) -> list[Fact]:
    return [f for f in facts if f.predicate == predicate]


GROUP = ActorKind.ARMED_GROUP


def test_facts_founded_with_date_and_founders(nlp) -> None:
    text = (
        "The Northern Liberation Front, founded in 2009 by former army officers, "
        "is based in Garissa."
    )
    facts = _facts(nlp, text, [("nlf", GROUP, "Northern Liberation Front")])
    (founded,) = _by(facts, FactPredicate.FOUNDED)
    assert founded.subject == "nlf"
    assert founded.time is not None and founded.time.start == dt.date(2009, 1, 1)
    (founders,) = _by(facts, FactPredicate.FOUNDED_BY)
    assert founders.value == "former army officers"
    (based,) = _by(facts, FactPredicate.BASED_IN)
    assert (based.subject, based.value) == ("nlf", "Garissa")
    assert founded.attributions[0].source == "article"
    assert founded.attributions[0].stance == Stance.ASSERTS


def test_facts_size_estimate_by_experts_as_of_publication(nlp) -> None:
    text = "Analysts estimate that the Northern Liberation Front has about 3,000 fighters."
    facts = _facts(nlp, text, [("nlf", GROUP, "Northern Liberation Front")])
    (size,) = _by(facts, FactPredicate.SIZE_ESTIMATE)
    assert size.subject == "nlf"
    assert size.quantity is not None and (size.quantity.min, size.quantity.max) == (3000, 3000)
    assert size.time is not None and size.time.start == PUBLISHED
    (attribution,) = size.attributions
    assert (attribution.source, attribution.stance) == ("Analysts", Stance.ESTIMATES)


def test_facts_size_range_named_in_the_counted_phrase(nlp) -> None:
    text = (
        "The army pressed on. By the time the rebels took Goma, only 800 to 1,000 "
        "Mai-Mai fighters remained, officials say."
    )
    facts = _facts(
        nlp, text, [("mai-mai", GROUP, "Mai-Mai"), ("army", ActorKind.SECURITY_FORCE, "army")]
    )
    (size,) = _by(facts, FactPredicate.SIZE_ESTIMATE)
    assert size.subject == "mai-mai"
    assert (size.quantity.min, size.quantity.max) == (800, 1000)
    assert size.time is not None and size.time.text.startswith("By the time the rebels took Goma")
    assert size.attributions[0].stance == Stance.REPORTS


def test_facts_size_reported_by_an_actor(nlp) -> None:
    text = "The ministry reported that the Northern Liberation Front now has 500 members."
    facts = _facts(
        nlp,
        text,
        [
            ("nlf", GROUP, "Northern Liberation Front"),
            ("ministry", ActorKind.GOVERNMENT, "ministry"),
        ],
    )
    (size,) = _by(facts, FactPredicate.SIZE_ESTIMATE)
    assert size.subject == "nlf" and size.value == "500"
    assert (size.attributions[0].source, size.attributions[0].stance) == (
        "ministry",
        Stance.REPORTS,
    )


def test_facts_casualties_are_not_a_size(nlp) -> None:
    text = "Soldiers killed 40 fighters of the Northern Liberation Front on Monday, the army said."
    facts = _facts(nlp, text, [("nlf", GROUP, "Northern Liberation Front")])
    assert _by(facts, FactPredicate.SIZE_ESTIMATE) == []


def test_facts_funded_by_and_active_in(nlp) -> None:
    text = (
        "The Red Dawn Brigade, which is funded by smugglers from the coast in particular, "
        "has so far been mainly active in Tigray."
    )
    facts = _facts(nlp, text, [("red-dawn", GROUP, "Red Dawn Brigade")])
    (funded,) = _by(facts, FactPredicate.FUNDED_BY)
    assert (funded.subject, funded.value) == ("red-dawn", "smugglers from the coast")
    (active,) = _by(facts, FactPredicate.ACTIVE_IN)
    assert (active.subject, active.value) == ("red-dawn", "Tigray")


def test_facts_branch_and_rival_resolve_to_actor_ids(nlp) -> None:
    text = "Ansar Group, the Sahel branch of al-Qaeda, has been at war with the Islamic State."
    facts = _facts(
        nlp,
        text,
        [
            ("ansar", GROUP, "Ansar Group"),
            ("al-qaeda", GROUP, "al-Qaeda"),
            ("islamic-state", GROUP, "Islamic State"),
        ],
    )
    (branch,) = _by(facts, FactPredicate.BRANCH_OF)
    assert (branch.subject, branch.value) == ("ansar", "al-qaeda")
    (rival,) = _by(facts, FactPredicate.RIVAL_OF)
    assert (rival.subject, rival.value) == ("ansar", "islamic-state")


def test_facts_reciprocal_rivalry_without_object_is_skipped(nlp) -> None:
    text = "The groups compete with each other for recruits."
    facts = _facts(nlp, text, [("groups", GROUP, "groups")])
    assert _by(facts, FactPredicate.RIVAL_OF) == []


def test_facts_rules_since(nlp) -> None:
    text = "Protests grew against the junta, which has ruled Mali since 2021."
    facts = _facts(nlp, text, [("junta", ActorKind.GOVERNMENT, "junta")])
    (rules,) = _by(facts, FactPredicate.RULES)
    assert (rules.subject, rules.value) == ("junta", "Mali")
    assert rules.time is not None and rules.time.start == dt.date(2021, 1, 1)


def test_facts_ids_and_evidence(nlp) -> None:
    text = (
        "The Red Dawn Brigade is mainly active in Tigray. "
        "The Red Dawn Brigade, founded in 2012, is funded by local traders."
    )
    facts = _facts(nlp, text, [("red-dawn", GROUP, "Red Dawn Brigade")])
    assert [f.id for f in facts] == [f"F{i}" for i in range(1, len(facts) + 1)]
    assert len(facts) == 3
    for fact in facts:
        (evidence,) = fact.evidence
        assert text[evidence.start : evidence.end] == evidence.text
    assert facts[0].evidence[0].text == "The Red Dawn Brigade is mainly active in Tigray."


def test_facts_seed_article(nlp, actor_kb, seed_dir) -> None:
    from threatline.actors import find_actors
    from threatline.annotate import annotate
    from threatline.facts import extract_facts
    from threatline.timex import find_timexes

    text = (seed_dir / "crocus_article.txt").read_text(encoding="utf-8")
    article = Article.from_text(text, published=PUBLISHED)
    doc = annotate(article, nlp)
    actors = find_actors(doc, actor_kb)
    facts = extract_facts(doc, article, actors, find_timexes(article.text, PUBLISHED, doc=doc))
    isk = next(a.id for a in actors if "IS-K" in a.aliases or a.name == "Islamic State Khorasan")
    about_isk = [f for f in facts if f.subject == isk]

    (founded,) = _by(about_isk, FactPredicate.FOUNDED)
    assert founded.time is not None and founded.time.start == dt.date(2015, 1, 1)
    (founders,) = _by(about_isk, FactPredicate.FOUNDED_BY)
    assert founders.value == "Afghans"

    sizes = {
        (f.quantity.min, f.quantity.max): f for f in _by(about_isk, FactPredicate.SIZE_ESTIMATE)
    }
    assert set(sizes) == {(1500, 2000), (2500, 2500)}
    then, now = sizes[(1500, 2000)], sizes[(2500, 2500)]
    assert then.time is not None and "the Taliban took power" in then.time.text
    assert now.time is not None and now.time.start == PUBLISHED
    for size in (then, now):
        assert (size.attributions[0].source, size.attributions[0].stance) == (
            "experts",
            Stance.ESTIMATES,
        )

    (funded,) = _by(about_isk, FactPredicate.FUNDED_BY)
    assert funded.value == "wealthy Muslims from the Gulf region"
    (branch,) = _by(about_isk, FactPredicate.BRANCH_OF)
    assert branch.value != isk and "islamic-state" in branch.value

    taliban = next(a.id for a in actors if a.name.lower().endswith("taliban"))
    (rules,) = [f for f in facts if f.subject == taliban and f.predicate == FactPredicate.RULES]
    assert rules.value == "Afghanistan"
    assert rules.time is not None and rules.time.start == dt.date(2021, 1, 1)
