"""Counts in news text: "six", "a dozen", "dozens", "more than 130", "1,500 to 2,000".

Every count becomes a :class:`~threatline.models.Quantity`: an inclusive range ``min..max``
where ``None`` means unbounded (``"more than 130"`` = 131..None) or unknown (``"some"`` =
None..None: a count was stated but not its size). The readings of number words, vague
quantifiers and modifiers are data in ``data/numbers.json``; the choices worth knowing:

- ``"about/around/approximately/some/an estimated N"`` = N..N: the stated figure, as ACLED
  and GTD coders record it. The hedge stays visible in ``Quantity.text``.
- ``"nearly/almost/close to N"`` = a bit less than N: ``N - max(1, round(N/10)) .. N - 1``
  (``"nearly 50"`` = 45..49).
- ``"up to/at most N"`` = None..N; ``"fewer than/under N"`` = None..N-1.
- ``"dozens"`` = 24..99, ``"scores"`` = 40..99, ``"hundreds"`` = 200..999, ``"thousands"`` =
  2000..9999 (at least two of the unit, below the next order of magnitude);
  ``"hundreds of thousands"`` = 200000..999999.
- ``"several"`` = 3..9, ``"a few"`` = 2..5, ``"a handful"`` = 3..5, ``"some"``, ``"many"`` and
  ``"numerous"`` = unknown.

Ranges ("1,500 to 2,000", "between 1,500 and 2,000", "1,500-2,000", "two or three") keep
both ends. A bare four-digit number such as "2015" is read as a year, not a count, unless a
modifier precedes it or a content word follows it ("2000 people", but "the 1991 elections").
Numbers with a leading zero ("0700") or glued to a word ("MUC3") are not counts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from threatline.errors import ConfigError
from threatline.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "MAX_PLAUSIBLE_CASUALTIES",
    "find_counted",
    "find_quantities",
    "is_plausible_casualty_count",
    "modifier_kind",
    "parse_quantity",
]

#: More casualties than this in one event is almost surely a misreading (a population, money).
MAX_PLAUSIBLE_CASUALTIES = 1_000_000

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*[A-Za-z]*"  # 1,500  3.5  21st  1990s (suffix marks it as not a count)
    r"|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9][A-Za-z0-9'’]*)*"  # words, 'twenty-one', 'AK-47'
    r"|[^\sA-Za-z0-9]"  # one punctuation character
)
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@dataclass(frozen=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class _Core:
    """A parsed count without its modifier: [low, high], token index after it."""

    low: int | None
    high: int | None
    next: int
    exact: bool  # a stated number (may take a modifier) rather than a vague quantifier
    year_like: bool = False


@dataclass(frozen=True)
class _Tables:
    words: dict[str, int]  # units and tens
    units: dict[str, int]
    scales: dict[str, int]
    plural_scales: dict[str, tuple[int, int, int]]  # word -> (unit, low, high)
    vague: dict[tuple[str, ...], tuple[int | None, int | None]]
    vague_need_of: frozenset[tuple[str, ...]]
    modifiers: dict[tuple[str, ...], str]
    range_joiners: frozenset[str]
    year_min: int
    year_max: int
    year_determiners: frozenset[str]
    function_words: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    noun_stop: frozenset[str]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


@cache
def _tables() -> _Tables:
    """The tables of data/numbers.json, loaded once."""
    try:
        raw: dict[str, Any] = json.loads(
            resources.files("threatline").joinpath("data/numbers.json").read_text("utf-8")
        )
    except (OSError, ValueError) as exc:  # a broken install, not a user error
        raise ConfigError(f"cannot read the number tables data/numbers.json: {exc}") from exc
    plural = {
        word: (entry["unit"], *entry["range"])
        for word, entry in raw["plural_scales"].items()
        if not word.startswith("_")
    }
    vague = {
        _phrase(word): (bounds[0], bounds[1])
        for word, bounds in raw["vague"].items()
        if not word.startswith("_")
    }
    modifiers = {
        _phrase(word): kind for word, kind in raw["modifiers"].items() if not word.startswith("_")
    }
    return _Tables(
        words={**raw["units"], **raw["tens"]},
        units=raw["units"],
        scales=raw["scales"],
        plural_scales=plural,
        vague=vague,
        vague_need_of=frozenset(_phrase(w) for w in raw["vague_need_of"]["words"]),
        modifiers=modifiers,
        range_joiners=frozenset(raw["range_joiners"]),
        year_min=raw["year_like"]["min"],
        year_max=raw["year_like"]["max"],
        year_determiners=frozenset(raw["year_like"]["determiners"]),
        function_words=frozenset(raw["function_words"]),
        not_after=frozenset(raw["not_counts_after"]),
        not_before=frozenset(raw["not_counts_before"]),
        noun_stop=frozenset(raw["counted_noun_stop"]),
    )


def _tokenize(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    end = len(text) if end is None else end
    return [
        _Token(m.group(), m.group().lower(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, end)
    ]


# --------------------------------------------------------------------------- parsing


def _match_phrase(
    tokens: list[_Token], i: int, phrases: dict[tuple[str, ...], Any]
) -> tuple[tuple[str, ...], int] | None:
    """The longest phrase of ``phrases`` starting at token i, and the index after it."""
    if i >= len(tokens):
        return None
    # Only phrases that start with this word can match: this runs for every token.
    for phrase in _by_first_word(id(phrases), phrases).get(tokens[i].lower, ()):
        n = len(phrase)
        if tuple(t.lower for t in tokens[i : i + n]) == phrase:
            return phrase, i + n
    return None


_PHRASE_INDEXES: dict[int, tuple[Any, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(
    key: int, phrases: dict[tuple[str, ...], Any]
) -> dict[str, list[tuple[str, ...]]]:
    """Phrases grouped by their first word, longest first (built once per table)."""
    cached = _PHRASE_INDEXES.get(key)
    if cached is not None and cached[0] is phrases:
        return cached[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    _PHRASE_INDEXES[key] = (phrases, index)  # holding the table keeps its id unique
    return index


def _number_words(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """Spelled-out numbers: 'two hundred and fifty', 'twenty-one', 'a dozen', 'half a dozen'.

    Returns (value, index after) or None.
    """
    tab = _tables()
    total = current = 0
    j = i
    last = ""  # kind of the previous word: unit, ten, hundred, scale
    seen = False
    if (
        j < len(tokens)
        and tokens[j].lower == "half"
        and _lowers(tokens, j + 1, 2)
        == (
            "a",
            "dozen",
        )
    ):
        return 6, j + 3
    if j < len(tokens) and tokens[j].lower in ("a", "an") and j + 1 < len(tokens):
        if tokens[j + 1].lower in tab.scales:
            current, j, seen = 1, j + 1, True
            last = "unit"
        else:
            return None
    while j < len(tokens):
        parts = tokens[j].lower.split("-")
        if len(parts) > 1 and all(p in tab.words for p in parts):
            if last in ("unit", "ten") or len(parts) != 2:
                break
            tens, unit = tab.words[parts[0]], tab.words[parts[1]]
            if not (tens % 10 == 0 and tens >= 20 and 0 < unit < 10):
                break
            current += tens + unit
            last, seen, j = "unit", True, j + 1
            continue
        word = tokens[j].lower
        if word in tab.words:
            value = tab.words[word]
            if last == "unit" or (last == "ten" and not 0 < value < 10):
                break
            current += value
            last = "ten" if word not in tab.units else "unit"
            seen, j = True, j + 1
        elif word in tab.scales and seen:
            scale = tab.scales[word]
            if scale in (100, 12, 20):
                if current >= 100 or last not in ("unit", "ten"):
                    break
                current = current * scale
                last = "hundred"
            else:
                total += (current or 1) * scale
                current = 0
                last = "scale"
            j += 1
        elif (
            word == "and"
            and last in ("unit", "ten")
            and _lowers(tokens, j + 1, 2) == ("a", "half")
            and j + 3 < len(tokens)
            and tokens[j + 3].lower in tab.scales
        ):
            # "one and a half million" = 1,500,000; "two and a half dozen" = 30
            total += int((current + 0.5) * tab.scales[tokens[j + 3].lower])
            current = 0
            last, j = "scale", j + 4
        elif (
            word == "and"
            and last in ("hundred", "scale")
            and j + 1 < len(tokens)
            and (tokens[j + 1].lower in tab.words or tokens[j + 1].lower.split("-")[0] in tab.words)
        ):
            j += 1
            last = "and"
        else:
            break
    if not seen or last == "and":
        return None
    return total + current, j


def _lowers(tokens: list[_Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.lower for t in tokens[i : i + n])


def _core(tokens: list[_Token], i: int) -> _Core | None:
    """A count without modifier at token i: digits, number words, a vague quantifier."""
    tab = _tables()
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if _DIGITS.match(tok.text):
        if len(tok.text) > 1 and tok.text[0] == "0":
            return None  # '0700' (a clock time), '0004' (a document number)
        if i > 0 and tokens[i - 1].end == tok.start and tokens[i - 1].text[-1:].isalnum():
            return None  # glued to a word: 'MUC3', 'F16'
        value = float(tok.text.replace(",", ""))
        j = i + 1
        is_plain = "," not in tok.text and "." not in tok.text
        if j < len(tokens) and tokens[j].lower in tab.scales and tokens[j].lower != "score":
            value *= tab.scales[tokens[j].lower]
            j += 1
            is_plain = False
        elif "." in tok.text:
            return None  # 3.5 alone is a measure, not a count
        number = round(value)
        year_like = is_plain and len(tok.text) == 4 and tab.year_min <= number <= tab.year_max
        return _Core(number, number, j, exact=True, year_like=year_like)
    words = _number_words(tokens, i)
    if words is not None:
        return _Core(words[0], words[0], words[1], exact=True)
    plural = tab.plural_scales.get(tok.lower)
    if plural is not None:
        _, low, high = plural
        j = i + 1
        # 'hundreds of thousands': the first range times the unit of the second
        if _lowers(tokens, j, 1) == ("of",) and j + 1 < len(tokens):
            outer = tab.plural_scales.get(tokens[j + 1].lower)
            if outer is not None and outer[0] >= 1000:
                unit = outer[0]
                return _Core(low * unit, high * unit + unit - 1, j + 2, exact=False)
        return _Core(low, high, j, exact=False)
    found = _match_phrase(tokens, i, tab.vague)
    if found is not None:
        phrase, j = found
        low, high = tab.vague[phrase]
        nxt = tokens[j].lower if j < len(tokens) else ""
        scale = tab.scales.get(nxt)
        if scale is not None and low is not None:
            # 'several hundred' = 300..999; 'a few dozen' = 24..71
            spill = scale - 1 if scale >= 100 else 0
            high_scaled = None if high is None else high * scale + spill
            return _Core(low * scale, high_scaled, j + 1, exact=False)
        if phrase in tab.vague_need_of and nxt != "of":
            return None
        return _Core(low, high, j, exact=False)
    return None


def _apply_modifier(kind: str, low: int | None, high: int | None) -> tuple[int | None, int | None]:
    """The range a modifier makes of a count (see the module docstring)."""
    if low is None:
        return low, high
    if kind == "above":
        return low + 1, None
    if kind == "at_least":
        return low, None
    if kind == "at_most":
        return None, high
    if kind == "below":
        return None, None if high is None else high - 1
    if kind == "nearly" and low == high:
        return max(0, low - max(1, round(low / 10))), max(0, low - 1)
    return low, high  # approx: the stated figure


def _blocked(tokens: list[_Token], i: int, j: int, text: str) -> bool:
    """True when tokens[i:j] is not a count in context: a date, money, a time, an age."""
    tab = _tables()
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j] if j < len(tokens) else None
    if before is not None and before.lower in tab.not_before and _DIGITS.match(tokens[i].text):
        return True
    if after is not None:
        if after.lower in tab.not_after:
            return True
        if (
            after.text in "-–"
            and j + 1 < len(tokens)
            and tokens[j + 1].lower.split("-")[0] in tab.not_after
        ):
            return True  # 25-year-old
        if after.text in ":/" and after.start == tokens[j - 1].end:
            return True  # 10:30, 24/7
        if after.text == "%":
            return True
    if _is_age_apposition(tokens, i, j):
        return True
    return before is not None and before.text in ":/" and before.end == tokens[i].start


#: The closing mark of each mark that opens an apposition.
_APPOSITION_MARKS = {",": ",", "(": ")"}


def _is_age_apposition(tokens: list[_Token], i: int, j: int) -> bool:
    """True when tokens[i:j] is a bare age set off after a word ("Pedro Ramirez, 32, was
    killed", "a teacher (41)"): news style gives ages so, and a toll is never told so."""
    if j != i + 1 or i < 2 or j >= len(tokens) or not tokens[i].text.isdigit():
        return False
    opening, closing, word = tokens[i - 1].text, tokens[j].text, tokens[i - 2].text
    return (
        _APPOSITION_MARKS.get(opening) == closing
        and int(tokens[i].text) <= 120
        and word[:1].isalpha()
    )


def _parse_at(tokens: list[_Token], i: int, text: str, years_ok: bool) -> Quantity | None:
    """The count expression starting at token i, or None."""
    tab = _tables()
    first = i
    low: int | None
    high: int | None
    # between A and B / from A to B
    if tokens[i].lower in ("between", "from"):
        joiner = "and" if tokens[i].lower == "between" else "to"
        a = _core(tokens, i + 1)
        if a is not None and a.exact and _lowers(tokens, a.next, 1) == (joiner,):
            b = _core(tokens, a.next + 1)
            if (
                b is not None
                and b.exact
                and a.low is not None
                and b.low is not None
                and a.low <= b.low
                and not (a.year_like and b.year_like)
                and not _blocked(tokens, i + 1, b.next, text)
            ):
                return _quantity(text, tokens, first, b.next, a.low, b.high)
        return None
    modifier = None
    found = _match_phrase(tokens, i, tab.modifiers)
    if found is not None:
        phrase, after_modifier = found
        core = _core(tokens, after_modifier)
        if core is not None and (core.exact or tab.modifiers[phrase] in ("above", "at_least")):
            modifier = tab.modifiers[phrase]
            i = after_modifier
    core = _core(tokens, i)
    if core is None:
        return None
    low, high, j = core.low, core.high, core.next
    # A range tail: '1,500 to 2,000', '1,500-2,000', 'two or three'
    tail = None
    if core.exact and j + 1 < len(tokens) and tokens[j].lower in tab.range_joiners:
        tail = _core(tokens, j + 1)
    if tail is not None:
        if (
            tail is not None
            and tail.exact
            and low is not None
            and tail.low is not None
            and tail.low > low
            and (tokens[j].lower != "or" or tail.low - low <= max(10, low))
        ):
            if core.year_like and tail.year_like:
                return None
            high, j = tail.high, tail.next
            core = _Core(low, high, j, exact=True)
    elif core.exact and _lowers(tokens, j, 2) == ("or", "more"):
        high, j = None, j + 2
    elif core.exact and _lowers(tokens, j, 2) == ("or", "so"):
        j += 2
    if core.year_like and modifier is None and not years_ok and core.low == core.high:
        nxt = tokens[j].lower if j < len(tokens) else ""
        if not nxt or not nxt[0].isalpha() or nxt in tab.function_words:
            return None
        if first > 0 and tokens[first - 1].lower in tab.year_determiners:
            return None  # 'the 1991 elections': a year used as a modifier
    if _blocked(tokens, first if modifier is None else i, j, text):
        return None
    if modifier is not None:
        low, high = _apply_modifier(modifier, low, high)
    return _quantity(text, tokens, first, j, low, high)


def _quantity(
    text: str, tokens: list[_Token], first: int, after: int, low: int | None, high: int | None
) -> Quantity:
    start, end = tokens[first].start, tokens[after - 1].end
    return Quantity(min=low, max=high, text=text[start:end], start=start, end=end)


# --------------------------------------------------------------------------- public API


def modifier_kind(words: str) -> str | None:
    """The kind of a count modifier ('at least' -> 'at_least', 'about' -> 'approx'; see
    ``modifiers`` in data/numbers.json), or None when the words are no modifier."""
    return _tables().modifiers.get(_phrase(words))


def parse_quantity(text: str) -> Quantity | None:
    """The first count expression in ``text`` as a range, or None when there is none.

    ``text`` is taken to be about a count, so a bare "2015" here is the number 2015 (in
    :func:`find_quantities` it would be a year). Offsets index into ``text``.
    """
    tokens = _tokenize(text)
    for i in range(len(tokens)):
        quantity = _parse_at(tokens, i, text, years_ok=True)
        if quantity is not None:
            return quantity
    return None


def find_quantities(
    text: str, start: int = 0, end: int | None = None, include_unknown: bool = True
) -> list[Quantity]:
    """Every count expression in ``text[start:end]``, left to right, not overlapping.

    Offsets index into ``text``. Years, dates, times, money, percentages, ages and
    durations ("six months") are left out. With ``include_unknown=False`` quantifiers of
    unknown size ("some", "many") are left out too.
    """
    tokens = _tokenize(text, start, end)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        quantity = _parse_at(tokens, i, text, years_ok=False)
        if quantity is None:
            i += 1
            continue
        if include_unknown or quantity.min is not None or quantity.max is not None:
            found.append(quantity)
        while i < len(tokens) and tokens[i].start < (quantity.end or 0):
            i += 1
    return found


def find_counted(
    text: str, start: int = 0, end: int | None = None, doc: Doc | None = None
) -> list[tuple[Quantity, str]]:
    """Each count in ``text[start:end]`` with the head of the noun phrase it counts.

    ("six people" -> (6, "people"), "a dozen American soldiers" -> (12, "soldiers"),
    "dozens of the attackers" -> (24..99, "attackers")). The noun is "" when none follows.
    With a spaCy ``doc`` of the same text the head comes from its parse; without one, from
    a word heuristic (the last word before a function word, verb or punctuation).
    """
    pairs: list[tuple[Quantity, str]] = []
    for quantity in find_quantities(text, start, end):
        noun = _noun_from_doc(doc, quantity) if doc is not None else None
        if noun is None:
            noun = _noun_from_words(text, quantity, end)
        pairs.append((quantity, noun))
    return pairs


_SKIP_BEFORE_NOUN = frozenset(
    {"of", "the", "these", "those", "its", "their", "his", "her", "our", "them", "whom"}
)


def _noun_from_words(text: str, quantity: Quantity, end: int | None) -> str:
    tab = _tables()
    tokens = _tokenize(text, quantity.end or 0, end)
    run: list[str] = []
    i = 0
    while i < len(tokens) and not run and tokens[i].lower in _SKIP_BEFORE_NOUN:
        i += 1
    for tok in tokens[i : i + 4]:
        if not tok.text[0].isalpha() or tok.lower in tab.noun_stop:
            break
        if tok.lower in tab.function_words:
            break
        if run and tok.lower.endswith(("ed", "ing")):
            break  # 'fighters remained', 'people fleeing'
        if tok.lower.endswith(("'s", "’s")):
            run.append(tok.text[:-2])  # 'one victim's throat' counts victims
            break
        run.append(tok.text)
    return run[-1] if run else ""


def _noun_from_doc(doc: Doc, quantity: Quantity) -> str | None:
    """The noun a count modifies according to the parse, or None if the parse has none."""
    span = doc.char_span(quantity.start or 0, quantity.end or 0, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = {t.i for t in span}
    last = span[-1]
    # 'dozens of people': the object of the following 'of'
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of":
        for child in doc[last.i + 1].children:
            if child.dep_ == "pobj":
                return child.text
    head = last
    for _ in range(4):  # climb out of the count ('1,500 to 2,000': quantmod chains)
        if head.head.i == head.i:
            break
        head = head.head
        if head.i not in inside:
            break
    if head.i not in inside and head.pos_ in ("NOUN", "PROPN") and head.i > last.i:
        return head.text
    for tok in doc[last.i + 1 : last.i + 5]:
        if tok.pos_ in ("VERB", "AUX", "PUNCT", "ADP"):
            break
        if tok.pos_ in ("NOUN", "PROPN") and (
            tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")
        ):
            return tok.text
    return None


def is_plausible_casualty_count(quantity: Quantity) -> bool:
    """False when a count is too large to be the casualties of one event (over a million).

    Such counts are kept (the text may really say so) but should not be trusted blindly.
    """
    values = [v for v in (quantity.min, quantity.max) if v is not None]
    return all(0 <= v <= MAX_PLAUSIBLE_CASUALTIES for v in values)
