"""Language detection: offline, dictionary-free apart from a few function words, and fast.

The pipeline only has English models, so the question that matters is "is this English?".
:func:`detect_language` answers it in two steps:

1. **Script.** Letters are counted by Unicode script. When most letters are Cyrillic,
   Arabic, Hebrew, Greek, Devanagari, Thai, Han, Kana or Hangul, the script names the
   language (Arabic script is told apart into Arabic, Persian and Urdu by the letters only
   those alphabets have).
2. **Function words.** For Latin script, the share of words that are common function words
   of English, Spanish, French, German, Portuguese, Italian or Dutch ("the", "of", "and";
   "de", "la", "que"; ...) picks the language. Case is ignored, so all-capitals wire texts
   (MUC-4) are recognized too.

The confidence is the share of letters in the winning script times, for Latin script, how
clearly the best function-word share beats the others. Texts with too few words give
``("und", 0.0)`` (undetermined): callers should not reject what they cannot judge.

Only the first :data:`SAMPLE_CHARS` characters are looked at, so a 2 MB text costs the same
as a short one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

UNDETERMINED = "und"
"""The code for "cannot tell" (ISO 639-2)."""

SAMPLE_CHARS = 20_000
"""How much of a text is examined."""

MIN_WORDS = 4
"""Fewer Latin-script words than this cannot be judged by function words."""

# Script of a letter by code point range, the language a script alone names.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "cyrillic": "ru",
    "hebrew": "he",
    "devanagari": "hi",
    "thai": "th",
    "kana": "ja",
    "han": "zh",
    "hangul": "ko",
}
# Letters of the Persian and Urdu alphabets that Arabic lacks.
_PERSIAN_LETTERS = set("پچژگکی")  # Persian kaf U+06A9, yeh U+06CC
_URDU_LETTERS = set("ٹڈڑںےھ")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in a is was that for on with as by at from it his he said were are "
        "be has have had an this which or not but they their its who been after were "
        "will would there also than into when one more over"
    ),
    "es": _words(
        "el la de que y en los las del se por un una con para es al lo como su más pero "
        "sus fue ha han este esta entre sin sobre"
    ),
    "fr": _words(
        "le la les de des du et en un une est que qui dans pour pas sur au aux par avec "
        "il elle ont été sont ce cette mais leur"
    ),
    "de": _words(
        "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als "
        "auch es an wurde wurden bei nach sind hat"
    ),
    "pt": _words(
        "o a os as de do da dos das e em no na um uma que para com por foi são não mais "
        "ao pelo pela"
    ),
    "it": _words(
        "il lo la gli le di del della dei e che in un una per con non sono è stato nel "
        "alla al da ha"
    ),
    "nl": _words(
        "de het een en van in op te dat die is niet met voor zijn door er aan werd ook bij naar"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _script(char: str) -> str | None:
    """The script of a letter, "latin" for Latin letters, None for anything else."""
    code = ord(char)
    for low, high, name in _SCRIPT_RANGES:
        if low <= code <= high:
            return name
    if char.isalpha() and "LATIN" in unicodedata.name(char, ""):
        return "latin"
    return None


def script_shares(text: str) -> dict[str, float]:
    """The share of each script among the letters of ``text`` (empty when no letters)."""
    counts: Counter[str] = Counter()
    for char in text[:SAMPLE_CHARS]:
        if char.isalpha():
            script = _script(char)
            if script is not None:
                counts[script] += 1
    total = sum(counts.values())
    return {script: n / total for script, n in counts.items()} if total else {}


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as an ISO 639-1 code and a confidence in [0, 1].

    ``("und", 0.0)`` when there are no letters or too few words to judge. Non-Latin
    scripts are named by their script; Latin-script texts by function words (en, es, fr,
    de, pt, it, nl); Latin text with none of those function words is ``und`` with a low
    confidence.
    """
    sample = text[:SAMPLE_CHARS]
    shares = script_shares(sample)
    if not shares:
        return UNDETERMINED, 0.0
    script, share = max(shares.items(), key=lambda item: item[1])
    if script == "arabic":
        return _arabic_script_language(sample), round(share, 3)
    if script != "latin":
        return _SCRIPT_LANGUAGE[script], round(share, 3)
    words = [word.lower() for word in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return UNDETERMINED, 0.0
    ratios = {
        language: sum(word in vocabulary for word in words) / len(words)
        for language, vocabulary in _FUNCTION_WORDS.items()
    }
    ranked = sorted(ratios.items(), key=lambda item: item[1], reverse=True)
    (best, best_ratio), (_, second_ratio) = ranked[0], ranked[1]
    if best_ratio < 0.05:
        return UNDETERMINED, round(0.5 * share, 3)
    # Function words make up roughly a third of running text: a share of 0.2 is already
    # typical. Sharing words ("a", "de", "in") lowers the margin, hence the blend.
    strength = min(1.0, best_ratio / 0.2)
    margin = (best_ratio - second_ratio) / best_ratio
    confidence = share * strength * (0.5 + 0.5 * margin)
    return best, round(confidence, 3)


def _arabic_script_language(text: str) -> str:
    """Arabic, Persian or Urdu, by the letters only Persian and Urdu use."""
    letters = [char for char in text if char.isalpha()]
    persian = sum(char in _PERSIAN_LETTERS for char in letters)
    urdu = sum(char in _URDU_LETTERS for char in letters)
    if urdu > max(2, 0.01 * len(letters)):
        return "ur"
    if persian > max(2, 0.02 * len(letters)):
        return "fa"
    return "ar"


def is_english(text: str, min_confidence: float = 0.3) -> bool:
    """Whether ``text`` should go through the English pipeline: English, or not clearly
    anything else (undetermined, or a guess below ``min_confidence``)."""
    language, confidence = detect_language(text)
    return language in ("en", UNDETERMINED) or confidence < min_confidence


def resolve_language(
    text: str, declared: str | None = None, min_confidence: float = 0.3
) -> tuple[str, float]:
    """The language to treat ``text`` as: the detected one when detection is confident
    (at least ``min_confidence``), else the ``declared`` one (a feed's or file's own
    statement) with confidence 0, else ``und``."""
    language, confidence = detect_language(text)
    if language != UNDETERMINED and confidence >= min_confidence:
        return language, confidence
    return (declared or UNDETERMINED), 0.0
