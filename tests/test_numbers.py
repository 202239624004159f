"""Tests of threatline.numbers: counts in words and digits as ranges."""

from __future__ import annotations

import pytest

from threatline.models import Quantity
from threatline.numbers import (
    find_counted,
    find_quantities,
    is_plausible_casualty_count,
    modifier_kind,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("six", 6, 6),
        ("SIX", 6, 6),
        ("a dozen", 12, 12),
        ("A Dozen", 12, 12),
        ("half a dozen", 6, 6),
        ("two dozen", 24, 24),
        ("dozens", 24, 99),
        ("scores of", 40, 99),
        ("hundreds", 200, 999),
        ("thousands", 2000, 9999),
        ("hundreds of thousands", 200_000, 999_999),
        ("several hundred", 300, 999),
        ("more than 130", 131, None),
        ("over 100", 101, None),
        ("more than a dozen", 13, None),
        ("at least 60", 60, None),
        ("no fewer than 7", 7, None),
        ("up to 20", None, 20),
        ("fewer than 10", None, 9),
        ("nearly 50", 45, 49),
        ("almost 50", 45, 49),
        ("about 2,500", 2500, 2500),
        ("around 2,500", 2500, 2500),
        ("approximately 40", 40, 40),
        ("some 200", 200, 200),
        ("1,500 to 2,000", 1500, 2000),
        ("between 1,500 and 2,000", 1500, 2000),
        ("1,500-2,000", 1500, 2000),
        ("about 1,500 to 2,000", 1500, 2000),
        ("two or three", 2, 3),
        ("10 or more", 10, None),
        ("one victim", 1, 1),
        ("several", 3, 9),
        ("a few", 2, 5),
        ("a handful", 3, 5),
        ("two hundred and fifty", 250, 250),
        ("a hundred and fifty", 150, 150),
        ("twenty-one", 21, 21),
        ("Twenty one", 21, 21),
        ("three thousand four hundred", 3400, 3400),
        ("3 million", 3_000_000, 3_000_000),
        ("1.5 million", 1_500_000, 1_500_000),
        ("137", 137, 137),
    ],
)
def test_numbers_parse_forms(text: str, low: int | None, high: int | None) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (quantity.min, quantity.max) == (low, high)


@pytest.mark.parametrize(
    ("words", "kind"),
    [("at least", "at_least"), ("More than", "above"), ("about", "approx"), ("people", None)],
)
def test_numbers_modifier_kind_reads_the_modifier_table(words: str, kind: str | None) -> None:
    assert modifier_kind(words) == kind


def test_numbers_some_is_a_count_of_unknown_size() -> None:
    quantity = parse_quantity("some fighters")
    assert quantity is not None
    assert (quantity.min, quantity.max, quantity.text) == (None, None, "some")


def test_numbers_parse_keeps_text_and_offsets() -> None:
    quantity = parse_quantity("they killed more than 130 people")
    assert quantity == Quantity(min=131, max=None, text="more than 130", start=12, end=25)


def test_numbers_no_count_gives_none() -> None:
    assert parse_quantity("the attack was condemned") is None
    assert parse_quantity("") is None


def test_numbers_find_offsets_index_the_text() -> None:
    text = "Gunmen killed six people and wounded a dozen others on Friday."
    found = find_quantities(text)
    assert [(q.min, q.max) for q in found] == [(6, 6), (12, 12)]
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text


def test_numbers_find_respects_range() -> None:
    text = "Six died. Later, a dozen more were found."
    found = find_quantities(text, start=10)
    assert [q.text for q in found] == ["a dozen"]
    assert find_quantities(text, 0, 9)[0].text == "Six"


@pytest.mark.parametrize(
    "text",
    [
        "The group was founded in 2015.",
        "On March 7, the police came.",
        "The caliphate (2014-2019) fell.",
        "A 25-year-old man was held.",
        "Turnout rose by 10% this year.",
        "It cost $3 million to rebuild.",
        "The blast came at 10:30 in the morning.",
        "He spent six months in prison.",
        "The 1990s were violent.",
        "It was the 21st attack.",
        "Journalist Pedro Ramirez, 32, was killed.",
        "A teacher (41) was wounded.",
    ],
)
def test_numbers_find_skips_dates_money_times(text: str) -> None:
    assert [q for q in find_quantities(text) if q.min is not None] == []


def test_numbers_year_like_number_before_a_noun_is_a_count() -> None:
    found = find_quantities("Some 2000 people marched in 2019.")
    assert [(q.min, q.text) for q in found] == [(2000, "Some 2000")]


def test_numbers_unknown_sizes_can_be_left_out() -> None:
    text = "Many people fled and some stayed; three died."
    assert [q.text for q in find_quantities(text)] == ["Many", "some", "three"]
    assert [q.text for q in find_quantities(text, include_unknown=False)] == ["three"]


def test_numbers_counted_nouns_without_parse() -> None:
    text = (
        "A dozen American soldiers were killed. Dozens of the attackers fled. "
        "Only 1,500 to 2,000 fighters remained. One victim's throat was cut."
    )
    pairs = [(q.min, noun) for q, noun in find_counted(text)]
    assert pairs == [(12, "soldiers"), (24, "attackers"), (1500, "fighters"), (1, "victim")]


@pytest.mark.model
def test_numbers_counted_nouns_from_parse(nlp) -> None:
    text = "Militants killed six people and wounded dozens of villagers near the market."
    doc = nlp(text)
    pairs = [(q.min, noun) for q, noun in find_counted(text, doc=doc)]
    assert pairs == [(6, "people"), (24, "villagers")]


def test_numbers_plausible_casualty_count() -> None:
    assert is_plausible_casualty_count(Quantity(min=137, max=137, text="137"))
    assert is_plausible_casualty_count(Quantity(min=131, max=None, text="more than 130"))
    assert not is_plausible_casualty_count(parse_quantity("3 million") or Quantity(text=""))


def test_numbers_find_skips_identifiers_and_year_modifiers() -> None:
    text = "Report DEV-MUC3-0004: at 0700 before the 1991 elections, 11 AR-15 rifles were found."
    assert [(q.text, q.min) for q in find_quantities(text)] == [("11", 11)]
    assert find_counted(text)[0][1] == "rifles"


def test_numbers_an_age_in_apposition_leaves_the_other_counts() -> None:
    found = find_quantities("Pedro Ramirez, 32, and two bodyguards were killed.")
    assert [q.min for q in found] == [2]
    assert [q.min for q in find_quantities("In the attack, 32 people died.")] == [32]
