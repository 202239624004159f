import pytest

from threatline.annotate import annotate, is_upper_case_text, truecase
from threatline.models import Article

UPPER = (
    "SAN SALVADOR, 12 JAN 90 (RADIO) -- [TEXT] URBAN GUERRILLAS ATTACKED A POLICE POST "
    "IN SOYAPANGO LAST NIGHT. THE ARMED FORCES SAID THAT TWO SOLDIERS WERE WOUNDED."
)


def test_annotate_detects_upper_case_text():
    assert is_upper_case_text(UPPER)
    assert not is_upper_case_text("Urban guerrillas attacked a police post in Soyapango.")
    assert not is_upper_case_text("NATO")  # too short to judge


@pytest.mark.model
def test_annotate_truecase_keeps_offsets_and_lowers_common_words():
    cased = truecase(UPPER)
    assert len(cased) == len(UPPER)
    assert cased.lower() == UPPER.lower()
    assert "San Salvador" in cased
    assert "attacked a police post" in cased
    assert cased.startswith("San Salvador")
    assert ". The armed forces said" in cased


@pytest.mark.model
def test_annotate_upper_case_article_gets_entities(nlp):
    doc = annotate(Article.from_text(UPPER), nlp)
    assert len(doc.text) == len(UPPER)
    labels = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("San Salvador", "GPE") in labels
