import os
import subprocess
import sys

import pytest

from threatline.annotate import _longest_first, annotate, is_upper_case_text, truecase
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


def _cased(text: str) -> str:
    cased = truecase(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()
    return cased


@pytest.mark.model
def test_annotate_truecase_keeps_a_surname_that_is_also_a_noun():
    cased = _cased(
        "DALTON, 3 MAR 90 (RADIO) -- [TEXT] SENATOR JORGE IRIBARNE WAS SHOT TONIGHT. "
        "THE AMBASSADOR, WILLIAM BAKER, SAID THAT IRIBARNE WAS A BRAVE MAN."
    )
    assert "Jorge Iribarne was shot" in cased
    assert "William Baker" in cased
    assert "said that Iribarne was" in cased  # a surname once, a surname throughout
    cased = _cased("THE KIDNAPPING OF SECRETARY GENERAL RAMON ZUBIETA WAS REPORTED.")
    assert "general Ramon Zubieta" in cased  # a given name between a title and a surname


@pytest.mark.model
def test_annotate_truecase_the_complement_of_taking_someone_hostage_is_no_surname():
    cased = _cased("THE COMMANDOS TOOK THE SECRETARY GENERAL HOSTAGE IN HIS OFFICE.")
    assert "secretary general hostage in" in cased
    cased = _cased("MILITIAMEN HELD THE MAYOR PRISONER FOR A WEEK.")
    assert "mayor prisoner for" in cased
    cased = _cased("THE POLICE QUESTIONED SERGEANT HOSTAGE ON MONDAY.")
    assert "Hostage on Monday" in cased  # no verb of taking: a surname after a title


@pytest.mark.model
def test_annotate_truecase_a_given_name_that_is_a_word_before_a_name():
    cased = _cased("THE BOMB KILLED CARLOS ANDRES MEJIA AND LEADER HECTOR QUINTANA TODAY.")
    assert "Carlos Andres Mejia" in cased and "leader Hector Quintana" in cased
    cased = _cased("THE CARLOS OF THE STORY HAD AN ANGEL ON HIS SIDE.")
    assert "The carlos of" in cased and "an angel on" in cased  # no name follows them


@pytest.mark.model
def test_annotate_truecase_a_surname_known_only_as_a_plural_after_a_name():
    cased = _cased(
        "LIMA, 3 MAR 89 -- TEODORO ROBLES, A TEACHER, WAS KILLED. THE POLICE FOUND TEACHER "
        "ELVIRA ROSAS AND HER BROTHER, ANIBAL TEODORO LUNAS, ALIVE."
    )
    assert "Teodoro Robles, a teacher" in cased  # at the start of a sentence
    assert "teacher Elvira Rosas and" in cased  # after a noun
    assert "Anibal Teodoro Lunas, alive" in cased  # a given name and a surname after a comma
    # Plurals after an adjective, a determiner or a possessive stay common.
    cased = _cased(
        "LIMA, 3 MAR 89 -- THE MARCHERS SHOUTED ANTIREGIME SLOGANS, DAMAGED THE ZAPALA "
        "INSTALLATIONS, AND READ MINISTER QUIJANO'S STATEMENTS. THE ROBLES WERE BURNED."
    )
    assert "Antiregime slogans," in cased
    assert "Zapala installations," in cased
    assert "Quijano's statements." in cased
    assert "The robles were" in cased


@pytest.mark.model
def test_annotate_truecase_hispanic_names_of_the_name_lists():
    cased = _cased("GUNMEN SHOT GILDA FLORES IN HER HOME. SILVIA ECHEVERRI WAS WOUNDED.")
    assert "Gilda Flores in" in cased  # a listed surname after a given name
    assert "Silvia Echeverri was" in cased  # a listed given name before a name
    # A listed word after a determiner, or the plural of a word the text uses, stays common.
    cased = _cased(
        "THE REBELS LEFT THE CAMP NEAR YOLOCAMBA. YOLOCAMBA CAMPS ARE EMPTY. THE SILVIA "
        "ECHEVERRI KNEW IS GONE."
    )
    assert "Yolocamba camps are" in cased
    assert "The silvia Echeverri" in cased


@pytest.mark.model
def test_annotate_truecase_a_noun_used_as_a_noun_stays_common():
    cased = _cased(
        "THE MINISTER MET CARLOS WALKER TODAY. A WALKER FOUND THE BODY ON THE ROAD. "
        "THE CRISTIANI GOVERNMENT CONDEMNED THE CARACAS MEETING."
    )
    assert "a walker found" in cased.lower() and "A walker found" in cased
    assert "Cristiani government" in cased
    assert "Caracas meeting" in cased


@pytest.mark.model
def test_annotate_truecase_initials_titles_and_acronyms():
    cased = _cased(
        "MRS JULIA RAMOS TOLD US THAT THE U.S. EMBASSY WAS CLOSED. THIS IS NOT NEW. "
        "THE SALVADORAN WORKERS UNION (FENASTRAS) SAID THE HEADQUARTERS OF FENASTRAS "
        "WERE BOMBED. I KNOW THE 1ST BRIGADE."
    )
    assert "Mrs Julia Ramos told us that the U.S. embassy" in cased
    assert "This is not new" in cased
    assert "Salvadoran" in cased  # a demonym
    assert "(FENASTRAS)" in cased and "headquarters of FENASTRAS" in cased
    assert "I know" in cased and "1st brigade" in cased


@pytest.mark.model
def test_annotate_truecase_common_words_of_place_names_stay_common():
    cased = _cased(
        "THE GENERAL COMMAND SAID GUERRILLAS IN GREEN UNIFORMS ATTACKED THE CITY "
        "AND A BAY NEAR SAN JOSE, COSTA RICA."
    )
    assert "general command" in cased and "green uniforms" in cased
    assert "the city and a bay" in cased
    assert "San Jose, Costa Rica" in cased


def test_annotate_truecase_phrase_order_is_a_function_of_the_phrases():
    # Longest first; of one name in two casings the one with more capitals comes last,
    # so that it is the one applied last (and kept).
    phrases = ["Indian Army", "Costa Rica", "Indian army", "the Indian Army Corps"]
    assert sorted(phrases, key=_longest_first) == [
        "the Indian Army Corps",
        "Indian army",
        "Indian Army",
        "Costa Rica",
    ]
    assert sorted(reversed(phrases), key=_longest_first) == sorted(phrases, key=_longest_first)


def test_annotate_truecase_is_the_same_whatever_the_hash_seed():
    # Phrase sets iterate in an order that changes with the string hash seed: the order
    # truecasing applies the phrases in (and so the text spaCy sees) must not.
    script = (
        "import hashlib; from threatline.annotate import _actor_names, _place_phrases;"
        "text = chr(10).join((*_actor_names()[1], *_place_phrases()));"
        "print(hashlib.sha1(text.encode()).hexdigest())"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(result.stdout.splitlines()[-1])
    assert len(outputs) == 1


@pytest.mark.model
def test_annotate_truecase_a_violent_verb_outside_the_word_tables_stays_common():
    # the lemmatizer's tables lack it: a trigger word of the event lexicon is no name
    cased = _cased("REBELS OF THE NORTHERN FRONT MACHINEGUNNED A BUS NEAR VILLAMAR TODAY.")
    assert "machinegunned a bus near Villamar" in cased
    cased = _cased("THE MAYOR OF VILLAMAR, PEDRO VALDIVIA, WAS MACHINEGUNNING THE CROWD.")
    assert "was machinegunning the crowd" in cased
    # a name that is no trigger keeps its capital
    assert "Pedro Valdivia" in cased


@pytest.mark.model
def test_annotate_truecase_an_acronym_that_spells_a_word_of_a_set_phrase(monkeypatch):
    from threatline import annotate as annotate_module

    acronyms, phrases = annotate_module._actor_names()
    # "LONG" and "FAR" as the acronyms of groups: the word in a set phrase, else the group;
    # "NORVA" as an agency's, which is no English word
    monkeypatch.setattr(
        annotate_module, "_actor_names", lambda: (acronyms | {"long", "far", "norva"}, phrases)
    )
    cased = _cased(
        "MEMBERS OF THE LONG ATTACKED A POST. AS LONG AS THE TALKS LAST, THE LONG WILL "
        "NOT FIGHT. HOW LONG WILL IT TAKE? THE TALKS LASTED LONG ENOUGH. THE LONG FROM THE "
        "NORTH CAME. SO FAR THE FAR RIGHT AND THE FAR LEFT MARCHED. THE FAR BOMBED A BRIDGE."
    )
    assert "Members of the LONG attacked" in cased
    assert "As long as the talks last, the LONG will not" in cased
    assert "How long will" in cased and "lasted long enough" in cased
    assert "The LONG from the north" in cased
    assert "So far the far right and the far left marched" in cased
    assert "The FAR bombed" in cased
    # an acronym that spells no such word stays one: a news agency's
    assert "and NORVA from the capital" in _cased("REUTERS AND NORVA FROM THE CAPITAL SAID IT.")


def test_annotate_joins_a_compound_verb_written_with_a_space():
    from threatline.annotate import join_compound_verbs

    text = "The bus was machine gunned and the office Fire Bombed; the machine gun jammed."
    joined = join_compound_verbs(text)
    assert len(joined) == len(text)
    assert "was machine-gunned and the office Fire-Bombed;" in joined
    assert "the machine gun jammed" in joined  # the noun stays two words


@pytest.mark.model
def test_annotate_compound_verb_is_one_word_with_its_base_form(nlp):
    text = "Gunmen machine-gunned the bus, and rebels car-bombed the embassy."
    doc = annotate(Article.from_text(text), nlp)
    words = {t.text: t for t in doc}
    assert words["machine-gunned"].lemma_ == "machine-gun"
    assert words["car-bombed"].lemma_ == "car-bomb"
    assert words["Gunmen"].head.text == "machine-gunned"


def test_annotate_may_be_a_name_word():
    from threatline.annotate import may_be_a_name_word

    assert may_be_a_name_word("flores")  # no English word but by its plural ending
    assert may_be_a_name_word("victor", opens=True)  # a noun and a known given name
    assert not may_be_a_name_word("agent", opens=True)  # a role before a name
    assert not may_be_a_name_word("love")  # a verb too
    assert not may_be_a_name_word("massacre")  # a word of violence
    assert not may_be_a_name_word("the")
