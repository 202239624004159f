"""The spaCy components threatline adds: sentence starts after blank lines and datelines."""

from __future__ import annotations

import pytest

from threatline.annotate import prepare_text


def _sentences(nlp, text: str) -> list[str]:
    return [sent.text.strip() for sent in nlp(prepare_text(text)).sents]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first_sentence"),
    [
        ("SAN SALVADOR, 12 MAY 89 -- REBELS SET FIRE TO TWO BUSES.", "San Salvador, 12 may 89 --"),
        ("KABUL, March 3 (Wire) - A bomb killed five people.", "KABUL, March 3 (Wire) -"),
        ("PESHAWAR, Pakistan - A suicide bomber rammed a car.", "PESHAWAR, Pakistan -"),
        ("ISLAMABAD - The group claimed the attack.", "ISLAMABAD -"),
    ],
)
def test_paragraphs_dateline_is_its_own_sentence(nlp, text: str, first_sentence: str) -> None:
    assert _sentences(nlp, text)[0] == first_sentence


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Two men -- both 30 -- were killed.",
        "Yesterday, 5 people -- police said -- died.",
        "Police said the man - a teacher - fled.",
    ],
)
def test_paragraphs_dashes_inside_a_sentence_do_not_split_it(nlp, text: str) -> None:
    assert len(_sentences(nlp, text)) == 1


@pytest.mark.model
def test_paragraphs_blank_line_starts_a_sentence(nlp) -> None:
    sentences = _sentences(nlp, "Bomb kills five in market\n\nA bomb killed five people.")
    assert sentences[-1] == "A bomb killed five people."
    assert len(sentences) == 2


@pytest.mark.model
def test_paragraphs_a_bracket_inside_a_sentence_starts_no_sentence(nlp) -> None:
    text = (
        "THE GOVERNOR DENOUNCED THE BRUTAL ATTACK PERPETRATED BY NF [NORTHERN FRONT]\n"
        "TERRORISTS ON THE TOWN HALL OF ARCOS, WHERE TWO GUARDS\n"
        "WERE ON DUTY LAST NIGHT."
    )
    assert len(_sentences(nlp, text)) == 1


@pytest.mark.model
def test_paragraphs_an_editorial_note_may_still_start_a_sentence(nlp) -> None:
    # after a sentence's end, or before a new sentence in capitals, a bracket may open one
    sentences = _sentences(
        nlp,
        "SANTA ROSA, 3 MAR 21 (RADIO) -- [COMMUNIQUE] [TEXT] THE POLICE BLAME THE REBELS. "
        "[PASSAGE OMITTED] THE NF [NORTHERN FRONT] DENIED IT.",
    )
    assert sentences[-1].startswith("[Passage omitted]")
