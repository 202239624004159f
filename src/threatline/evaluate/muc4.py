"""MUC-4 template filling: answer-key parser, our events as MUC-4 templates, and two scorers.

The benchmark (MUC-4, 1992) gives, for each news message, answer-key templates of 25 slots
(incident date, location, type, stage of execution, instrument, perpetrators with the
confidence of their attribution, physical and human targets and the effects on them).

Two scores are computed:

* **MUC slot scoring** (``score_templates``), following the official scoring guidelines
  (``scoring-guidelines.v7``) as far as an automatic scorer can: templates of one message
  are aligned to maximize matched slots; each slot counts COR/PAR/INC/MIS/SPU; recall =
  (COR + 0.5 PAR) / POSSIBLE, precision = (COR + 0.5 PAR) / ACTUAL, F = 2PR / (P + R).
  Where the guidelines leave partial credit to a human judge, this scorer grants it only in
  the situations they describe as typical (listed at each ``_score_*`` function).
* **Role-filler entity F1** (``score_entities``) as in Du et al. 2021 (GRIT): per document,
  gold entities for PerpInd, PerpOrg, Target, Victim and Weapon; a predicted string is
  correct when it matches, after normalization, a mention of a not yet matched gold entity.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from threatline.errors import EvalDataError
from threatline.merge import one_edit_apart
from threatline.models import (
    Actor,
    ActorKind,
    Article,
    ArticleReport,
    EventMention,
    Granularity,
    Place,
    PlaceLevel,
    Quantity,
    Span,
    Stance,
    TimeSpan,
)
from threatline.numbers import modifier_kind, parse_quantity
from threatline.perpetrators import (
    GUESSED_STANCE,
    INFERRED_SOURCE,
    INFERRED_STANCE,
    describes_members,
)
from threatline.timex import is_event_anchored

# --------------------------------------------------------------------------- slots

SLOT_NAMES: dict[int, str] = {
    0: "MESSAGE: ID",
    1: "MESSAGE: TEMPLATE",
    2: "INCIDENT: DATE",
    3: "INCIDENT: LOCATION",
    4: "INCIDENT: TYPE",
    5: "INCIDENT: STAGE OF EXECUTION",
    6: "INCIDENT: INSTRUMENT ID",
    7: "INCIDENT: INSTRUMENT TYPE",
    8: "PERP: INCIDENT CATEGORY",
    9: "PERP: INDIVIDUAL ID",
    10: "PERP: ORGANIZATION ID",
    11: "PERP: ORGANIZATION CONFIDENCE",
    12: "PHYS TGT: ID",
    13: "PHYS TGT: TYPE",
    14: "PHYS TGT: NUMBER",
    15: "PHYS TGT: FOREIGN NATION",
    16: "PHYS TGT: EFFECT OF INCIDENT",
    17: "PHYS TGT: TOTAL NUMBER",
    18: "HUM TGT: NAME",
    19: "HUM TGT: DESCRIPTION",
    20: "HUM TGT: TYPE",
    21: "HUM TGT: NUMBER",
    22: "HUM TGT: FOREIGN NATION",
    23: "HUM TGT: EFFECT OF INCIDENT",
    24: "HUM TGT: TOTAL NUMBER",
}

#: The slots that are scored (0 and 1 only identify the template).
SCORED_SLOTS: tuple[int, ...] = tuple(range(2, 25))

STRING_SLOTS = frozenset({6, 9, 10, 12, 18, 19})
NUMBER_SLOTS = frozenset({14, 17, 21, 24})
#: Slots whose fillers carry a cross-reference tag (``VALUE: "REFERENT"``).
XREF_SLOTS = frozenset({7, 11, 13, 14, 15, 16, 19, 20, 21, 22, 23})

#: The instrument-type hierarchy of template-doc-part1 section 7.8 (child -> parent).
INSTRUMENT_PARENT: dict[str, str] = {
    "MACHINE GUN": "GUN",
    "MORTAR": "GUN",
    "HANDGUN": "GUN",
    "RIFLE": "GUN",
    "BOMB": "EXPLOSIVE",
    "VEHICLE BOMB": "BOMB",
    "DYNAMITE": "BOMB",
    "MINE": "BOMB",
    "AERIAL BOMB": "BOMB",
    "GRENADE": "EXPLOSIVE",
    "MOLOTOV COCKTAIL": "EXPLOSIVE",
    "MISSILE": "PROJECTILE",
    "ROCKET": "PROJECTILE",
}

#: GRIT's five roles and the key slots that hold their entities.
REE_ROLES: dict[str, tuple[int, ...]] = {
    "PerpInd": (9,),
    "PerpOrg": (10,),
    "Target": (12,),
    "Victim": (18, 19),
    "Weapon": (6,),
}


def slot_key(slot: int) -> str:
    """The metric name of a slot: 'INCIDENT: DATE' -> 'incident_date'."""
    name = SLOT_NAMES[slot].lower().replace(":", "").replace(" of ", " ")
    return re.sub(r"[^a-z0-9]+", "_", name).strip("_")


# --------------------------------------------------------------------------- typed model


@dataclass(frozen=True)
class Filler:
    """One filler of a slot: alternative values (the key's ``/``), its cross-reference
    alternatives (the part after ``:`` in ``DEATH: "PEASANT"``) and the key's ``?``.

    String values are stored without their quotes and escapes.
    """

    alternatives: tuple[str, ...]
    xref: tuple[str, ...] = ()
    optional: bool = False

    @property
    def value(self) -> str:
        return self.alternatives[0]


@dataclass
class SlotFill:
    """A slot's fillers; no fillers means ``-`` (empty); ``inapplicable`` means ``*``."""

    fillers: list[Filler] = field(default_factory=list)
    inapplicable: bool = False

    @property
    def empty(self) -> bool:
        return not self.fillers


@dataclass
class MucTemplate:
    """One MUC-4 template: message id, template id, OPTIONAL flag, slots 2-24."""

    message_id: str
    template_id: str = "1"
    optional: bool = False
    slots: dict[int, SlotFill] = field(default_factory=dict)

    def slot(self, number: int) -> SlotFill:
        """The fill of slot ``number``; an absent slot reads as empty."""
        return self.slots.get(number) or SlotFill()

    def to_text(self) -> str:
        """The template in the answer-key layout (one filler per line)."""
        lines = [f"0.  MESSAGE: ID{' ' * 21}{self.message_id}"]
        lines.append(f"1.  MESSAGE: TEMPLATE{' ' * 15}{self.template_id}")
        for number in SCORED_SLOTS:
            head = f"{number}.".ljust(4) + SLOT_NAMES[number]
            head = head.ljust(36)
            fill = self.slot(number)
            texts = ["*"] if fill.inapplicable else [_filler_text(number, f) for f in fill.fillers]
            for i, text in enumerate(texts or ["-"]):
                lines.append((head if i == 0 else " " * 36) + text)
        return "\n".join(lines)


def _filler_text(slot: int, filler: Filler) -> str:
    def show(value: str, quoted: bool) -> str:
        return '"' + value.replace('"', '\\"') + '"' if quoted else value

    text = " / ".join(show(a, slot in STRING_SLOTS) for a in filler.alternatives)
    if filler.xref:
        text += ": " + " / ".join(show(x, True) for x in filler.xref)
    return ("? " if filler.optional else "") + text


# --------------------------------------------------------------------------- key parsing

_SLOT_LINE = re.compile(r"^(\d{1,2})\.\s+(.*)$")


def parse_keys(text: str) -> dict[str, list[MucTemplate]]:
    """Parse answer-key text: message id -> its templates (``[]`` for irrelevant messages).

    Lines starting ``;`` are comments; a line ``N.  SLOT NAME  fill`` opens slot N and
    indented lines continue it with further fillers.
    """
    keys: dict[str, list[MucTemplate]] = {}
    current: dict[int, list[str]] | None = None
    blocks: list[dict[int, list[str]]] = []
    last_slot = -1
    for raw in text.splitlines():
        if raw.startswith(";") or not raw.strip():
            continue
        match = _SLOT_LINE.match(raw)
        slot = int(match.group(1)) if match else -1
        if match and slot in SLOT_NAMES and match.group(2).startswith(SLOT_NAMES[slot]):
            value = match.group(2)[len(SLOT_NAMES[slot]) :].strip()
            if slot == 0:
                current = {}
                blocks.append(current)
            if current is None:
                raise EvalDataError(f"MUC-4 key line before any MESSAGE: ID line: {raw!r}")
            current[slot] = [value] if value else []
            last_slot = slot
        elif current is not None and raw[:1].isspace() and last_slot >= 0:
            current.setdefault(last_slot, []).append(raw.strip())
        else:
            raise EvalDataError(f"Unreadable MUC-4 key line: {raw!r}")
    for block in blocks:
        # Some dev keys add the scoring site to the id ("DEV-MUC3-1092 (UNISYS/PARAMAX)").
        message_id = " ".join(block.get(0, [])).split(maxsplit=1)[0] if block.get(0) else ""
        if not message_id:
            raise EvalDataError("MUC-4 key template without a MESSAGE: ID value")
        templates = keys.setdefault(message_id, [])
        template_field = " ".join(block.get(1, ["*"])).strip()
        if template_field in ("", "*"):
            continue  # an irrelevant message: no templates
        template = MucTemplate(
            message_id=message_id,
            template_id=template_field.split()[0],
            optional="OPTIONAL" in template_field.upper(),
        )
        for slot in SCORED_SLOTS:
            template.slots[slot] = parse_slot(slot, block.get(slot, []))
        templates.append(template)
    return keys


def parse_key_file(path: Path | str) -> dict[str, list[MucTemplate]]:
    """Parse one answer-key file (see :func:`parse_keys`)."""
    path = Path(path)
    if not path.is_file():
        raise EvalDataError(f"MUC-4 key file not found: {path}. Pass the key files' paths.")
    return parse_keys(path.read_text(encoding="latin-1"))


def parse_slot(slot: int, lines: Sequence[str]) -> SlotFill:
    """Parse the filler lines of one slot (``-`` empty, ``*`` inapplicable)."""
    values = [line.strip() for line in lines if line.strip()]
    if not values or values == ["-"]:
        return SlotFill()
    if all(v == "*" for v in values):
        return SlotFill(inapplicable=True)
    fillers = [parse_filler(slot, v) for v in values if v not in ("-", "*")]
    # '"-": "NAME"' in the description slot says that the named target has no description.
    return SlotFill(fillers=[f for f in fillers if f.alternatives and f.alternatives != ("-",)])


def parse_filler(slot: int, text: str) -> Filler:
    """Parse one filler line: ``? "A" / "B"``, ``DEATH: "X"``, ``5 - 7: "Y"``, a date..."""
    text = text.strip()
    optional = text.startswith("?")
    if optional:
        text = text[1:].strip()
    value_part, xref_part = text, ""
    if slot in XREF_SLOTS:
        value_part, xref_part = _split_xref(text)
    alternatives = tuple(
        a for a in (_clean_alternative(p) for p in _split_top(value_part, "/")) if a
    )
    xref = tuple(x for x in (_unquote(p) for p in _split_top(xref_part, "/")) if x)
    return Filler(alternatives=alternatives, xref=xref, optional=optional)


def _scan(text: str) -> Iterator[tuple[int, str, bool, int]]:
    """Yield (index, char, inside quotes, paren depth), honouring ``\\"`` escapes."""
    in_quote, depth, i = False, 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            yield i, char, in_quote, depth
            i += 2
            continue
        if char == '"':
            in_quote = not in_quote
        elif not in_quote and char == "(":
            depth += 1
        elif not in_quote and char == ")":
            depth = max(0, depth - 1)
        yield i, char, in_quote, depth
        i += 1


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside quotes and parentheses."""
    if not text.strip():
        return []
    parts, start = [], 0
    for i, char, in_quote, depth in _scan(text):
        if char == sep and not in_quote and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _split_xref(text: str) -> tuple[str, str]:
    """Split ``VALUE: "REF"`` at the last top-level colon followed by a quoted referent."""
    for i, char, in_quote, depth in reversed(list(_scan(text))):
        if char == ":" and not in_quote and depth == 0 and text[i + 1 :].lstrip()[:1] == '"':
            return text[:i].strip(), text[i + 1 :].strip()
    return text, ""


def _unquote(text: str) -> str:
    text = text.strip()
    if text.startswith('"'):
        text = text[1:]
    if text.endswith('"') and not text.endswith('\\"'):
        text = text[:-1]
    return text.replace('\\"', '"').strip()


def _clean_alternative(text: str) -> str:
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return _unquote(text) if text.startswith('"') else text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


# --------------------------------------------------------------------------- normalization

_LEADING_NONESSENTIAL = frozenset(
    [
        "THE",
        "A",
        "AN",
        "SOME",
        "SEVERAL",
        "MANY",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
    ]
)


def normalize_fill(text: str) -> str:
    """Upper case, no accents, quotes or punctuation at the ends, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).upper()
    text = text.replace('\\"', '"').replace('"', " ").replace("`", " ")
    text = re.sub(r"\s+", " ", text).strip(" .,;:'")
    return text


def _tokens(text: str) -> list[str]:
    """Tokens of a string fill without nonessential leading modifiers (articles, numbers)."""
    tokens = re.findall(r"[A-Z0-9]+(?:[-'][A-Z0-9]+)*", normalize_fill(text))
    while len(tokens) > 1 and (tokens[0] in _LEADING_NONESSENTIAL or tokens[0].isdigit()):
        tokens = tokens[1:]
    return tokens


def normalize_entity(text: str) -> str:
    """SQuAD-style normalization used by GRIT: lower case, no punctuation, no articles."""
    text = normalize_fill(text).lower()
    text = "".join(" " if c in string.punctuation else c for c in text)
    return " ".join(t for t in text.split() if t not in {"a", "an", "the"})


# --------------------------------------------------------------------------- filler scoring


def _score_string(response: str, key: str) -> float:
    """1 when equal up to nonessential modifiers; 0.5 for an incomplete name (the response
    is a contiguous part of the key) or an overlong response that contains the key."""
    resp, gold = _tokens(response), _tokens(key)
    if not resp or not gold:
        return 0.0
    if resp == gold:
        return 1.0
    if _contains(gold, resp) or _contains(resp, gold):
        return 0.5
    return 0.0


def _contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _score_string_alternatives(slot: int, response: str, alternatives: Sequence[str]) -> float:
    candidates = [response]
    if slot == 10:
        # "ARMY OF NATIONAL LIBERATION (ELN)": acronym and expansion together earn full credit.
        inner = re.findall(r"[(\[]([^)\]]+)[)\]]", response)
        outer = re.sub(r"[(\[][^)\]]*[)\]]", " ", response)
        candidates += [*inner, outer]
    return max((_score_string(c, a) for c in candidates for a in alternatives), default=0.0)


_SET_PARTIAL: dict[int, set[tuple[str, str]]] = {
    11: {("SUSPECTED OR ACCUSED", "SUSPECTED OR ACCUSED BY AUTHORITIES")},
    13: {("POLITICAL FIGURE OFFICE OR RESIDENCE", "GOVERNMENT OFFICE OR RESIDENCE")},
    16: {("DESTROYED", "SOME DAMAGE")},
    20: {
        ("GOVERNMENT OFFICIAL", "FORMER GOVERNMENT OFFICIAL"),
        ("GOVERNMENT OFFICIAL", "FORMER ACTIVE MILITARY"),
        ("ACTIVE MILITARY", "FORMER GOVERNMENT OFFICIAL"),
        ("ACTIVE MILITARY", "FORMER ACTIVE MILITARY"),
        ("POLITICAL FIGURE", "GOVERNMENT OFFICIAL"),
    },
    23: {("NO INJURY", "NO INJURY OR DEATH"), ("NO DEATH", "NO INJURY OR DEATH")},
}


def _score_set(slot: int, response: str, key: str) -> float:
    """Exact match, or the automatic partial credits of the guidelines (3.2.4-3.2.23)."""
    resp, gold = normalize_fill(response), normalize_fill(key)
    if resp == gold:
        return 1.0
    if slot == 4 and resp == "ATTACK":
        return 0.5
    if slot == 7 and _is_ancestor(resp, gold):
        return 0.5
    return 0.5 if (resp, gold) in _SET_PARTIAL.get(slot, set()) else 0.0


def _is_ancestor(ancestor: str, instrument: str) -> bool:
    parent = INSTRUMENT_PARENT.get(instrument)
    while parent:
        if parent == ancestor:
            return True
        parent = INSTRUMENT_PARENT.get(parent)
    return False


_NUMBER = re.compile(r"^(~?)\s*(\d+)?\s*(-)?\s*(\d+)?$")


def _score_number(response: str, key: str) -> float:
    """Equal -> 1; a single number equal to an anchor of the key's range or to the key's
    ``~N`` -> 0.5 (guidelines 3.2.14)."""
    resp, gold = normalize_fill(response).replace(" ", ""), normalize_fill(key).replace(" ", "")
    if resp == gold:
        return 1.0
    if not resp.isdigit():
        return 0.0
    if gold.startswith("~") and gold[1:] == resp:
        return 0.5
    match = _NUMBER.match(gold)
    if match and match.group(3) and resp in {match.group(2), match.group(4)}:
        return 0.5
    return 0.0


_MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_DATE = re.compile(r"(\d{1,2})\s+([A-Z]{3})\s+(\d{2})")


@dataclass(frozen=True)
class MucDate:
    """A MUC-4 date fill: ``DD MMM YY`` (low == high), a range, or ``- DD MMM YY``
    (``low`` None: on or before ``high``)."""

    low: dt.date | None
    high: dt.date

    @property
    def simple(self) -> bool:
        return self.low == self.high

    @property
    def default_looking(self) -> bool:
        return self.low is None


def parse_muc_date(text: str) -> MucDate | None:
    """Parse ``17 NOV 89``, ``17 NOV 89 - 18 NOV 89`` or ``- 18 NOV 89``."""
    text = normalize_fill(text)
    dates = []
    for day, month, year in _DATE.findall(text):
        if month not in _MONTH_NAMES:
            return None
        try:
            dates.append(dt.date(1900 + int(year), _MONTH_NAMES.index(month) + 1, int(day)))
        except ValueError:
            return None
    if len(dates) == 1:
        return MucDate(None if text.startswith("-") else dates[0], dates[0])
    if len(dates) == 2:
        return MucDate(dates[0], dates[1])
    return None


def format_muc_date(day: dt.date) -> str:
    """``dt.date(1989, 11, 17)`` -> ``17 NOV 89``."""
    return f"{day.day:02d} {_MONTH_NAMES[day.month - 1]} {day.year % 100:02d}"


def _score_date(response: str, key: str) -> float:
    """Guidelines 3.2.2: equal -> 1; a response date inside the key's range (or on or
    before its default fill's anchor) -> 0.5; a default-looking response whose anchor is
    the key's simple date or upper anchor -> 0.5; anything else 0."""
    resp, gold = parse_muc_date(response), parse_muc_date(key)
    if resp is None or gold is None:
        return 1.0 if normalize_fill(response) == normalize_fill(key) else 0.0
    if resp == gold:
        return 1.0
    if resp.simple:
        low = gold.low or dt.date.min
        return 0.5 if low <= resp.high <= gold.high else 0.0
    if resp.default_looking:
        return 0.5 if resp.high == gold.high else 0.0
    return 0.0


@dataclass(frozen=True)
class MucLocation:
    """``COUNTRY: PLACE (TYPE): PLACE (TYPE)``; a range of places is split on `` - ``."""

    country: str
    places: tuple[str, ...]


def parse_muc_location(text: str) -> MucLocation:
    """Parse a location fill; place types in parentheses are dropped (not scored)."""
    parts = [normalize_fill(re.sub(r"\([^)]*\)", " ", p)) for p in _split_top(text, ":")]
    parts = [p for p in parts if p]
    country = parts[0] if parts else ""
    places: list[str] = []
    for part in parts[1:]:
        places += [p.strip() for p in re.split(r"\s+-\s+", part) if p.strip()]
    return MucLocation(country, tuple(places))


def _score_location(response: str, key: str) -> float:
    """Guidelines 3.2.3, by place names (types ignored): same country and places -> 1; same
    country with fewer, more or other places, or same places and another country -> 0.5."""
    resp, gold = parse_muc_location(response), parse_muc_location(key)
    if resp == gold:
        return 1.0
    if resp.country == gold.country or (resp.places and resp.places == gold.places):
        return 0.5
    return 0.0


def score_filler(slot: int, response: Filler, key: Filler) -> float:
    """Credit of one response filler against one key filler: 1, 0.5 or 0.

    With a cross-reference tag: value and tag correct -> 1; value correct and tag wrong,
    or value partial -> 0.5 (guidelines 3.1.2, 3.2.19)."""
    if slot == 2:
        score_one = _score_date
    elif slot == 3:
        score_one = _score_location
    elif slot in NUMBER_SLOTS:
        score_one = _score_number
    elif slot in STRING_SLOTS:
        value = _score_string_alternatives(slot, response.value, key.alternatives)
        return _with_tag(value, response, key)
    else:

        def score_one(resp: str, gold: str) -> float:
            return _score_set(slot, resp, gold)

    value = max((score_one(response.value, alt) for alt in key.alternatives), default=0.0)
    return _with_tag(value, response, key) if slot in XREF_SLOTS else value


def _with_tag(value: float, response: Filler, key: Filler) -> float:
    if value < 1.0:
        return value
    resp_tag = {normalize_fill(x) for x in response.xref} - {"-"}
    key_tag = {normalize_fill(x) for x in key.xref} - {"-"}
    if not key_tag:
        return 1.0 if not resp_tag else 0.5
    tag_ok = any(_score_string(r, k) == 1.0 or r == k for r in resp_tag for k in key_tag)
    return 1.0 if tag_ok else 0.5


# --------------------------------------------------------------------------- slot counts


@dataclass
class Counts:
    """MUC tallies for one slot or a sum of slots."""

    cor: int = 0
    par: int = 0
    inc: int = 0
    mis: int = 0
    spu: int = 0

    @property
    def possible(self) -> int:
        return self.cor + self.par + self.inc + self.mis

    @property
    def actual(self) -> int:
        return self.cor + self.par + self.inc + self.spu

    def add(self, other: Counts) -> None:
        self.cor += other.cor
        self.par += other.par
        self.inc += other.inc
        self.mis += other.mis
        self.spu += other.spu

    def credit(self) -> float:
        return self.cor + 0.5 * self.par

    def recall(self) -> float:
        return self.credit() / self.possible if self.possible else 0.0

    def precision(self) -> float:
        return self.credit() / self.actual if self.actual else 0.0

    def f(self) -> float:
        r, p = self.recall(), self.precision()
        return 2 * p * r / (p + r) if p + r else 0.0


def score_slot(slot: int, response: SlotFill, key: SlotFill) -> Counts:
    """Tally one slot of an aligned template pair.

    Fillers are paired greedily by credit. An optional key filler (``?``) counts only when a
    response filler earns credit against it; a key ``*`` slot is not scored at all."""
    counts = Counts()
    if key.inapplicable:
        return counts
    pairs = sorted(
        (
            (score_filler(slot, r, k), ri, ki)
            for ri, r in enumerate(response.fillers)
            for ki, k in enumerate(key.fillers)
        ),
        key=lambda t: (-t[0], key.fillers[t[2]].optional, t[1], t[2]),
    )
    used_r: set[int] = set()
    used_k: set[int] = set()
    for credit, ri, ki in pairs:
        if ri in used_r or ki in used_k or (credit == 0 and key.fillers[ki].optional):
            continue
        used_r.add(ri)
        used_k.add(ki)
        if credit == 1.0:
            counts.cor += 1
        elif credit > 0:
            counts.par += 1
        else:
            counts.inc += 1
    counts.mis += sum(1 for ki, k in enumerate(key.fillers) if ki not in used_k and not k.optional)
    counts.spu += len(response.fillers) - len(used_r)
    return counts


def _score_pair(response: MucTemplate, key: MucTemplate) -> dict[int, Counts]:
    return {s: score_slot(s, response.slot(s), key.slot(s)) for s in SCORED_SLOTS}


_MAPPING_SLOTS = (9, 10, 12, 13, 18, 19, 20)


def _mappable(key: MucTemplate, counts: dict[int, Counts]) -> bool:
    """Guidelines 3.2.1: at least a partial match on the incident type and on one of the
    perpetrator or target slots (waived when the key has none of them but optional fillers)."""
    if counts[4].cor + counts[4].par == 0:
        return False
    if not any(not f.optional for s in _MAPPING_SLOTS for f in key.slot(s).fillers):
        return True  # the key names no perpetrator or target for sure
    return any(counts[s].cor + counts[s].par > 0 for s in _MAPPING_SLOTS)


def align_templates(
    responses: Sequence[MucTemplate], keys: Sequence[MucTemplate]
) -> list[tuple[int | None, int | None]]:
    """Pair response and key templates of one message to maximize total slot credit.

    Returns (response index, key index) pairs, with None for an unpaired template. Exact
    search by dynamic programming over subsets of response templates (greedy above 12)."""
    credit: dict[tuple[int, int], float] = {}
    for ri, resp in enumerate(responses):
        for ki, key in enumerate(keys):
            counts = _score_pair(resp, key)
            if _mappable(key, counts):
                credit[ri, ki] = sum(c.credit() for c in counts.values())
    if len(responses) <= 12:
        chosen = _best_assignment(len(responses), len(keys), credit)
    else:
        chosen, used_r, used_k = [], set(), set()
        for (ri, ki), _ in sorted(credit.items(), key=lambda item: -item[1]):
            if ri not in used_r and ki not in used_k:
                chosen.append((ri, ki))
                used_r.add(ri)
                used_k.add(ki)
    paired_r = {ri for ri, _ in chosen}
    paired_k = {ki for _, ki in chosen}
    result: list[tuple[int | None, int | None]] = list(chosen)
    result += [(None, ki) for ki in range(len(keys)) if ki not in paired_k]
    result += [(ri, None) for ri in range(len(responses)) if ri not in paired_r]
    return result


def _best_assignment(
    n_responses: int, n_keys: int, credit: dict[tuple[int, int], float]
) -> list[tuple[int, int]]:
    memo: dict[tuple[int, int], tuple[float, tuple[tuple[int, int], ...]]] = {}

    def best(ki: int, used: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if ki == n_keys:
            return 0.0, ()
        if (ki, used) in memo:
            return memo[ki, used]
        result = best(ki + 1, used)
        for ri in range(n_responses):
            if not used & (1 << ri) and (ri, ki) in credit:
                value, pairs = best(ki + 1, used | (1 << ri))
                if value + credit[ri, ki] > result[0]:
                    result = (value + credit[ri, ki], ((ri, ki), *pairs))
        memo[ki, used] = result
        return result

    return list(best(0, 0)[1])


def score_templates(
    key: dict[str, list[MucTemplate]],
    response: dict[str, list[MucTemplate]],
    slots: Iterable[int] = SCORED_SLOTS,
) -> dict[str, Any]:
    """Score response templates against key templates, message by message.

    Messages are those of the key; a response for a message absent from the key is ignored.
    Unpaired key templates count their fillers as missing (none for OPTIONAL templates);
    unpaired response templates count theirs as spurious. Returns percent values: ``r``,
    ``p``, ``f`` (all templates, over ``slots``), ``slots`` = {name: {r, p, f, cor, par,
    inc, mis, spu, pos, act}}, ``n_messages``, ``n_key_templates``,
    ``n_response_templates``, ``n_matched_templates``."""
    slots = tuple(slots)
    per_slot = {s: Counts() for s in slots}
    n_key = n_resp = n_matched = 0
    for message_id, key_templates in key.items():
        resp_templates = response.get(message_id, [])
        n_key += len(key_templates)
        n_resp += len(resp_templates)
        for ri, ki in align_templates(resp_templates, key_templates):
            if ri is not None and ki is not None:
                n_matched += 1
                counts = _score_pair(resp_templates[ri], key_templates[ki])
            elif ki is not None:
                if key_templates[ki].optional:
                    continue
                counts = _score_pair(MucTemplate(message_id), key_templates[ki])
            else:
                assert ri is not None
                counts = _score_pair(resp_templates[ri], MucTemplate(message_id))
            for s in slots:
                per_slot[s].add(counts[s])
    total = Counts()
    for counts in per_slot.values():
        total.add(counts)
    return {
        **_prf(total),
        "slots": {slot_key(s): {**_prf(c), **_tallies(c)} for s, c in per_slot.items()},
        "all": _tallies(total),
        "n_messages": len(key),
        "n_key_templates": n_key,
        "n_response_templates": n_resp,
        "n_matched_templates": n_matched,
    }


def _prf(counts: Counts) -> dict[str, float]:
    return {
        "r": round(100 * counts.recall(), 2),
        "p": round(100 * counts.precision(), 2),
        "f": round(100 * counts.f(), 2),
    }


def _tallies(counts: Counts) -> dict[str, int]:
    return {
        "pos": counts.possible,
        "act": counts.actual,
        "cor": counts.cor,
        "par": counts.par,
        "inc": counts.inc,
        "mis": counts.mis,
        "spu": counts.spu,
    }


# --------------------------------------------------------------------------- role-filler entities


def key_entities(templates: Sequence[MucTemplate]) -> dict[str, list[set[str]]]:
    """GRIT's gold entities of one document: per role, a list of mention sets.

    Each key filler is one entity whose mentions are its alternatives; entities of one role
    that share a mention (the same group named in two templates) are merged."""
    entities: dict[str, list[set[str]]] = {}
    for role, slots in REE_ROLES.items():
        merged: list[set[str]] = []
        for template in templates:
            for slot in slots:
                for filler in template.slot(slot).fillers:
                    mentions = {normalize_entity(a) for a in filler.alternatives} - {""}
                    if not mentions:
                        continue
                    overlapping = [e for e in merged if e & mentions]
                    for entity in overlapping:
                        mentions |= entity
                        merged.remove(entity)
                    merged.append(mentions)
        entities[role] = merged
    return entities


def response_entities(templates: Sequence[MucTemplate]) -> dict[str, list[str]]:
    """Predicted role fillers of one document: distinct normalized strings per role."""
    result: dict[str, list[str]] = {}
    for role, slots in REE_ROLES.items():
        seen: list[str] = []
        for template in templates:
            for slot in slots:
                for filler in template.slot(slot).fillers:
                    text = normalize_entity(filler.value)
                    if text and text not in seen:
                        seen.append(text)
        result[role] = seen
    return result


def score_entities(
    key: dict[str, list[MucTemplate]], response: dict[str, list[MucTemplate]]
) -> dict[str, Any]:
    """Role-filler entity P/R/F1 (micro over roles, and per role), in percent.

    A predicted string is correct when it equals a mention of a gold entity of its role not
    yet matched in that document; a second string for the same entity is a false positive.
    Returns ``p``, ``r``, ``f`` and ``roles`` = {role: {p, r, f, tp, n_pred, n_gold}}."""
    tallies = {role: [0, 0, 0] for role in REE_ROLES}  # tp, predicted, gold
    for message_id, key_templates in key.items():
        gold = key_entities(key_templates)
        predicted = response_entities(response.get(message_id, []))
        for role in REE_ROLES:
            unmatched = list(gold[role])
            tally = tallies[role]
            tally[1] += len(predicted[role])
            tally[2] += len(gold[role])
            for text in predicted[role]:
                hit = next((e for e in unmatched if text in e), None)
                if hit is not None:
                    unmatched.remove(hit)
                    tally[0] += 1
    roles = {role: _entity_prf(*t) for role, t in tallies.items()}
    total = [sum(t[i] for t in tallies.values()) for i in range(3)]
    return {**_entity_prf(*total), "roles": roles}


def _entity_prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(100 * p, 2),
        "r": round(100 * r, 2),
        "f": round(100 * f, 2),
        "tp": tp,
        "n_pred": n_pred,
        "n_gold": n_gold,
    }


# --------------------------------------------------------------------------- events -> templates

#: Our event types that are MUC-4 incidents, and their MUC-4 incident type. Armed clashes,
#: security operations and arrests are left out: MUC-4 excludes fights between armed groups
#: and the security forces (template-doc-part1 section 1.0); a dated clash that harms
#: civilians is an ATTACK (:func:`event_to_template`).
MUC_INCIDENT_TYPE: dict[str, str] = {
    "bombing": "BOMBING",
    "suicide_bombing": "BOMBING",
    "armed_assault": "ATTACK",
    "attack": "ATTACK",
    "assassination": "ATTACK",
    "shelling": "ATTACK",
    "air_or_drone_strike": "ATTACK",
    "extrajudicial_killing": "ATTACK",
    "kidnapping": "KIDNAPPING",
    "hostage_taking": "KIDNAPPING",
    "arson": "ARSON",
    "robbery": "ROBBERY",
    "foiled_attack": "ATTACK",
    "threat": "ATTACK",
}

#: A device that went off while its carrier was still throwing or planting it: 'a grenade
#: he was trying to throw', 'the bomb exploded before they could plant it'.
_WENT_OFF_IN_HAND = re.compile(
    r"\b(?:BOMBS?|GRENADES?|EXPLOSIVES?|DEVICES?|CHARGES?|DYNAMITE)\s+(?:(?:THAT|WHICH)\s+)?"
    r"(?:HE|SHE|THEY)\s+(?:WAS|WERE|HAD BEEN)\s+(?:TRYING|ATTEMPTING)\s+TO\s+"
    r"(?:THROW|HURL|PLANT|PLACE|LAY)\b"
    r"|\b(?:EXPLODED|WENT OFF|BLEW UP)\s+BEFORE\s+(?:HE|SHE|THEY)\s+COULD\s+"
    r"(?:THROW|HURL|PLANT|PLACE|LAY)\b"
)


#: Event status -> stage of execution; statuses absent here (planned, hypothetical) are not
#: reported as fact and give no template.
MUC_STAGE: dict[str, str] = {
    "occurred": "ACCOMPLISHED",
    "denied": "ACCOMPLISHED",
    "failed": "ATTEMPTED",
    "foiled": "ATTEMPTED",
    "threatened": "THREATENED",
}

#: Instrument types of a device that is planted or thrown: they make an attack a BOMBING.
_PLANTED = frozenset(["BOMB", "VEHICLE BOMB", "DYNAMITE", "EXPLOSIVE"])

# Keyword -> set-list category, tried in order (more specific first); matched on words.
_INSTRUMENT_TYPES: tuple[tuple[str, str], ...] = (
    (r"(?:CAR|VEHICLE|BUS|TRUCK)[- ]?BOMBS?", "VEHICLE BOMB"),
    (r"DYNAMITE", "DYNAMITE"),
    (r"MINES?|LANDMINES?", "MINE"),
    (r"AERIAL BOMBS?", "AERIAL BOMB"),
    (r"GRENADES?", "GRENADE"),
    (r"MOLOTOV", "MOLOTOV COCKTAIL"),
    (r"ROCKETS?|RPG-?\d*|BAZOOKAS?", "ROCKET"),
    (r"MISSILES?", "MISSILE"),
    (r"MORTARS?", "MORTAR"),
    (r"(?:SUB)?MACHINE[- ]?GUNS?", "MACHINE GUN"),
    (r"PISTOLS?|REVOLVERS?|HANDGUNS?", "HANDGUN"),
    (r"RIFLES?|AK-?47S?|M-?16S?|CARBINES?|FAL|GALIL", "RIFLE"),
    # an 'explosive device' is of the kind its name says (the keys mostly)
    (r"EXPLOSIVE DEVICES?", "EXPLOSIVE"),
    (r"BOMBS?|DEVICES?", "BOMB"),
    (r"EXPLOSIVES?|CHARGES?|TNT|C-?4|PENTOLITE", "EXPLOSIVE"),
    (r"GUNS?|FIREARMS?|WEAPONS?|SHOTGUNS?|BULLETS?|GUNSHOTS?", "GUN"),
    (r"KNI(?:FE|VES)|MACHETES?|AXES?", "CUTTING DEVICE"),
    (r"STONES?|ROCKS?", "STONE"),
    (r"FIRE|GASOLINE", "FIRE"),
)

_PHYSICAL_TARGET_TYPES: tuple[tuple[str, str], ...] = (
    # a vehicle is one whoever owns it: 'a ministry vehicle', 'a police patrol car'
    (
        r"(?:VEHICLES?|CARS?|TRUCKS?|DUMPTRUCKS?|JEEPS?|BUS(?:ES)?|AMBULANCES?)"
        r"(?=$|\s+(?:OF|IN|BELONGING|OWNED)\b)",
        "TRANSPORT VEHICLE",
    ),
    # the residence of an ambassador or a minister is of his kind (part2, slot 13)
    (
        r"EMBASS(?:Y|IES)|CONSULATES?|AMBASSADORS?|CONSULS?|DIPLOMATS?",
        "DIPLOMAT OFFICE OR RESIDENCE",
    ),
    # a service station or a car dealership is a business (part2, slot 13), and
    # high-tension posts or the posts of the power network carry power, not a police post
    (r"(?:GAS|GASOLINE|SERVICE|FILLING) STATIONS?|DEALERSHIPS?", "COMMERCIAL"),
    (
        r"HIGH[- ](?:TENSION|VOLTAGE)|(?:ELECTRIC\w*|POWER|ENERGY)\s+POSTS?|"
        r"POSTS?\s+OF\s+(?:THE\s+)?(?:ELECTRIC\w*|POWER|ENERGY)",
        "ENERGY",
    ),
    (r"TELECOMMUNICATIONS?|TELEPHONE", "COMMUNICATIONS"),
    (r"UNIONS?|FEDERATIONS?", "ORGANIZATION OFFICE"),
    # the army's installations have no type of their own
    (r"MILITARY|BRIGADES?|BATTALIONS?|NATIONAL GUARD", "OTHER"),
    (r"POLICE|BARRACKS|GARRISONS?|POSTS?", "LAW ENFORCEMENT FACILITY"),
    (r"BANKS?|BANCO|BANKING|FINANCIAL|SAVINGS|TRUSTS?|LOANS?|CREDIT|MORTGAGES?", "FINANCIAL"),
    # a tower that names a building ('the Democracy Tower building') is no power tower
    (
        r"TOWERS?(?!\s+(?:BUILDING|HOTEL|APARTMENTS?)\b)|PYLONS?|POLES|POWER|ELECTRIC\w*|SUBSTATIONS?|TRANSFORMERS?|OIL|PETROLEUM|"
        r"FUEL|PIPELINES?|ENERGY|PLANTS?",
        "ENERGY",
    ),
    (r"RADIO|TELEVISION|TV|TELEPHONE|NEWSPAPERS?|DAILY|STATIONS? OF|ANTENNAS?", "COMMUNICATIONS"),
    # a party's office is an organization's, not the government's
    (r"PART(?:Y|IES)", "ORGANIZATION OFFICE"),
    (
        r"COMMITTEES?|ALLIANCES?|ASSOCIATIONS?|SOCIET(?:Y|IES)|MOVEMENTS?|FOUNDATIONS?|LEAGUES?",
        "ORGANIZATION OFFICE",
    ),
    (
        r"MINISTR(?:Y|IES)|CITY HALL|MAYOR'?S?|GOVERNMENT|PRESIDENTIAL|PALACE|COURTS?|CONGRESS|"
        r"MINISTER'?S?|GOVERNOR'?S?|PRESIDENT'?S?|PRESIDENCY|TOWN HALL|MUNICIPAL|ELECTORAL|"
        r"PREFECTS?|OFFICES?",
        "GOVERNMENT OFFICE OR RESIDENCE",
    ),
    (r"HEADQUARTERS|INSTITUTES?", "ORGANIZATION OFFICE"),
    (r"AIRPORTS?|TERMINALS?|STATIONS?|DEPOTS?", "TRANSPORTATION FACILITY"),
    (
        r"BUS(?:ES)?|CARS?|VEHICLES?|TRUCKS?|JEEPS?|TRAINS?|PLANES?|AIRCRAFT|HELICOPTERS?|"
        r"AMBULANCES?|AIRPLANES?|(?:PUBLIC )?TRANSPORTATION",
        "TRANSPORT VEHICLE",
    ),
    (r"BRIDGES?|ROADS?|HIGHWAYS?|RAILWAYS?|RAILROADS?", "TRANSPORTATION ROUTE"),
    (r"AQUEDUCTS?|WATER", "WATER"),
    # a farm is land, not a residence
    (r"HOUSES?|HOMES?|RESIDENCES?|DWELLINGS?", "CIVILIAN RESIDENCE"),
    (
        r"STORES?|SHOPS?|COMPAN(?:Y|IES)|HOTELS?|RESTAURANTS?|BUSINESS\w*|SUPERMARKETS?|"
        r"FACTOR(?:Y|IES)|MARKETS?|PHARMAC(?:Y|IES)|DRUGSTORES?|KIOSKS?|ESTABLISHMENTS?|"
        r"NIGHTCLUBS?|DISCOTHEQUES?|CAFES?|BROTHELS?|GARAGES?|SHOPPING|MALLS?|STANDS?|STALLS?|"
        r"CLINICS?",
        "COMMERCIAL",
    ),
    # a church, a school or a university is of its own kind, though a body owns it
    (r"CHURCH(?:ES)?|CATHEDRALS?|PARISH(?:ES)?|UNIVERSIT(?:Y|IES)|COLLEGES?|SCHOOLS?", "OTHER"),
)

# Actors that do not carry out an attack themselves: an outlet reports it (and may relay a
# claim), a government, party or country orders, backs or is blamed for it; their forces and
# armed groups do it (part2, slot 10: the organization of the perpetrators). A government
# named alone is kept: state violence may be told of the government itself.
_NOT_PERPETRATOR_KINDS = frozenset(
    [
        ActorKind.MEDIA,
        ActorKind.GOVERNMENT,
        ActorKind.POLITICAL_PARTY,
        ActorKind.COUNTRY,
        ActorKind.INTERNATIONAL_ORG,
    ]
)

# A perpetrator whose name ends with one of these nouns is a description of individuals
# ("urban guerrillas"), which MUC-4 puts in PERP: INDIVIDUAL ID, not ORGANIZATION ID.
_GENERIC_PERPETRATOR_HEADS = frozenset(
    [
        "GUERRILLAS",
        "GUERRILLA",
        "TERRORISTS",
        "TERRORIST",
        "REBELS",
        "REBEL",
        "GUNMEN",
        "GUNMAN",
        "MEN",
        "MAN",
        "INDIVIDUALS",
        "INDIVIDUAL",
        "SUBVERSIVES",
        "SUBVERSIVE",
        "COMMANDOS",
        "COMMANDO",
        "COMMAND",
        "SOLDIERS",
        "SOLDIER",
        "MEMBERS",
        "ASSAILANTS",
        "ATTACKERS",
        "KIDNAPPERS",
        "ABDUCTORS",
        "MILITANTS",
        "INSURGENTS",
        "CRIMINALS",
        "HITMEN",
        "KILLERS",
        "PEOPLE",
        "PERSONS",
        "COLUMN",
        "UNIT",
        "SQUAD",
        "SQUADS",
        "BAND",
        "GANG",
        "EXTREMISTS",
        "ASSASSINS",
        "SNIPERS",
        "PARAMILITARIES",
        "TROOPS",
        "AGENTS",
        "OFFICERS",
        "YOUTHS",
        "STRANGERS",
        "PERSONNEL",
        "PATROL",
        "ASSASSIN",
        "KILLER",
    ]
)

# Craft the name tagger may take for doers: the people in them did it, not the machines.
_CRAFT_HEADS = frozenset(
    ["HELICOPTER", "HELICOPTERS", "GUNSHIP", "GUNSHIPS", "AIRCRAFT", "PLANE", "PLANES"]
)

_WEEKDAY = re.compile(r"\b(MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\b", re.IGNORECASE)


def report_to_templates(report: ArticleReport) -> list[MucTemplate]:
    """Our events of one article as MUC-4 templates, following the fill rules of
    template-doc-part1/part2.

    One template per relevant incident (type in :data:`MUC_INCIDENT_TYPE`, status in
    :data:`MUC_STAGE`, not only against the security forces); events that give the same
    date, location, type and stage are one incident and are merged."""
    message_id = report.article.title or report.article.id
    actors = {a.id: a for a in report.actors}
    places = {p.id: p for p in report.places}
    fallback_country = _main_country(report.places, report.article.text)
    # Groups that claim an attack of the message in a claim-of-responsibility event.
    claimants = {
        p.actor
        for e in report.events
        if e.type == "claim_of_responsibility" and e.status in MUC_STAGE
        for p in e.participants
        if p.role in {"claimant", "perpetrator"}
    }
    named_days = days_named_by_date(report.timexes)
    from threatline.geo import dateline_place_end  # only location fills need it

    dateline_end = dateline_place_end(report.article.text)
    home = _dateline_town(report.places, dateline_end, report.article.text)
    templates: list[MucTemplate] = []
    events: dict[int, list[EventMention]] = {}  # template id -> its events
    written_days = _days_written_out(report.timexes, report.article.text)
    days_with_year = _days_written_with_year(report.timexes)
    for event in report.events:
        if _told_as_history(event, report.article) or _told_as_a_habit(event, report.article):
            continue
        template = event_to_template(
            event,
            report.article,
            actors,
            places,
            message_id,
            claimants,
            named_days,
            fallback_country,
        )
        if template is None:
            continue
        same = next((t for t in templates if _same_incident(t, template, fallback_country)), None)
        if event.time is None and _a_clash_told_after_its_act(event, report.article):
            # 'hurled explosives at the police ... 2 people died in the clash': the harm of
            # the act told before; with none before, the clash is fighting at large
            same = same or _the_one_before(templates, template, any_type=True)
            if same is None:
                continue
        if same is None and _told_as_the_one_before(event, report.article):
            same = _the_one_before(
                templates,
                template,
                any_type=bool(_GENERAL_ATTACK.match(event.trigger.text.upper())),
            )
        if same is None and _harm_in_the_act_before(event, report.article):
            same = _the_one_before(templates, template, any_type=True)
        if same is None and _the_device_told_before(event, report.article):
            same = _the_one_before(templates, template)
        if (
            same is not None
            and (
                _told_as_another(event, report.article)
                or _dated_from_another(event, report.article)
                or _done_to_the_one_named(event, report.article, template)
            )
            and not _share_a_named_victim(same, template)
        ):
            # 'Another bomb exploded', 'a third explosion', 'three days earlier, a bomb ...':
            # the text itself counts it apart from those told before, even on the same day
            # and in the same town (part1 5.0).
            same = None
        if same is not None:
            # One victim told with another date or place: one of them is wrong, and the
            # first report of the incident keeps its own.
            conflict = not _days_and_places_agree(same, template)
            _merge_into(same, template, keep_date_and_place=conflict)
            if "ROBBERY" in {_filler_text(4, f) for f in template.slot(4).fillers}:
                same.slots[4] = template.slot(4)  # an attack folded into a robbery
            if (
                conflict
                and _at_home(template, fallback_country)
                and not _at_home(same, fallback_country)
                and not _share_a_named_victim(same, template)
            ):
                same.slots[3] = template.slot(3)  # the place abroad is the misread one
            events[id(same)].append(event)
            continue
        templates.append(template)
        events[id(template)] = [event]
    templates = _join_told_apart_too_early(templates, events, report.article, fallback_country)
    # A template that names neither perpetrator nor target cannot be matched to a key that
    # names one (guidelines 3.2.1): it says too little to be a specific incident (part1 1.0).
    # A bomb found and defused is one such incident, though it hit nothing and no one knows
    # who planted it (part1 1.0, ATTEMPTED).
    templates = [
        t
        for t in templates
        if any(t.slot(s).fillers for s in _CONTENT_SLOTS)
        or _a_bomb_defused(events[id(t)], report.article)
    ]
    templates = [t for t in templates if not _only_doers(t)]
    tallies: set[int] = set()  # ids of the templates that only count people harmed so far
    # the default date and the day taken of each template dated by the one day told
    dated_by_the_day_told: dict[int, tuple[SlotFill, SlotFill]] = {}
    for number, template in enumerate(templates, start=1):
        template.template_id = str(number)
        _drop_repeated_physical_targets(template)
        _drop_targets_told_by_an_acronym_too(template, report.article.text)
        _drop_networks_told_with_their_parts(template)
        _drop_the_building_told_again(template)
        _drop_names_told_in_full_too(template)
        _drop_groups_of_the_named(template)
        _drop_a_person_told_again(template)
        _drop_people_told_again(template)
        _describe_by_the_role_told_apart(template, report.article.text)
        _drop_bystanders_as_doers(template)
        _drop_the_state_fighting_the_doers(template)
        told = events[id(template)]
        sentences = [_event_sentences(e, report.article) for e in told]
        texts = [_event_text(e, report.article) for e in told]  # as the article writes them
        paragraphs = [_event_paragraphs(e, report.article) for e in told]
        _drop_harms_of_no_one_told_of_a_victim(template)
        # 'no one was hurt' may be told after the act, in its paragraph or the next one
        _fill_no_casualties(
            template,
            " ".join([*sentences, *map(_fill_string, paragraphs), _paragraph_after(told, report)]),
        )
        _no_place_named_for_a_body(template, report, places)
        _place_from_paragraph(template, told, report, dateline_end)
        _capital_of_the_dateline(template, texts, home, places)
        _add_town_part(template, texts + paragraphs, home, report.places)
        _a_town_part_told_elsewhere(template, report.article.text, home, report.places)
        _add_named_department(template, report.places, report.article.text)
        _between_two_towns(template, sentences, report.places)
        if all(_no_day_of_its_own(e.time) for e in told):
            default = template.slot(2)
            _date_by_the_one_day_told(
                template,
                written_days,
                days_with_year,
                _days_told_of_its_kind(template, report.timexes, report.article.text),
            )
            if template.slot(2) is not default:
                dated_by_the_day_told[id(template)] = (default, template.slot(2))
        _night_told_between_two_days(template, told, report)
        _keep_to_the_countries_of_interest(template, report.places)
        _in_the_country_of_its_victims(template, sentences)
        _in_the_nation_its_sentences_place_it(template, sentences)
        _in_the_capital_of_its_nation(template, [*sentences, *map(_fill_string, paragraphs)], home)
        _settle_foreign_nations(template)
        if _counts_harm_so_far(template, sentences) or _counts_acts_over_weeks(template, sentences):
            tallies.add(id(template))
    # judged once the incident's day and place are filled in from the text around it
    templates = [
        t
        for t in templates
        if not _summary_toll(t, events[id(t)])
        and not _only_a_group(t)
        and id(t) not in tallies
        and not _only_heard(t, events[id(t)], report.article)
        and not _only_fighting(events[id(t)])
        and not _only_raids(t, events[id(t)])
        and not all(_told_as_a_record(e, report.article, actors) for e in events[id(t)])
    ]
    templates = _join_attacks_told_as_bombings(templates, events, report.article)
    templates = _join_the_bombs_of_an_attack(templates, events)
    templates = _join_doers_told_without_a_target(templates, events, report.article)
    templates = _one_per_listed_place(templates, events, report)
    templates = _one_per_victim_of_separate_acts(templates, events, report.article)
    templates = _one_per_target_of_a_counted_list(templates, events, report.article)
    # only once joined: a body left out earlier would change which templates join
    bodies = {
        _victim_description(a, report.article) for a in report.actors if _a_body(a, report.article)
    }
    # a template that named only places as its people is left with nothing told of it
    templates = [t for t in templates if not _drop_places_as_people(t, report.places)]
    for template in templates:
        _drop_bodies_as_people(template, bodies)
        _drop_doers_told_again_by_the_act(template)  # the joined templates' doers too
        _one_description_of_the_fighters(template)
        _one_description_of_the_doers(template, report.article.text)
    _no_day_taken_from_another(templates, dated_by_the_day_told)
    for template in templates:
        told = events.get(id(template), ())
        _no_vague_period_from_another_act(template, told, report.article.published)
    # last: the name still tells apart the incidents told there while they are joined
    _no_town_named_after_a_person(templates, report, places)
    _no_town_read_in_a_person_s_name(templates, events, report)
    for number, template in enumerate(templates, start=1):
        template.template_id = str(number)
        _no_bare_weapon_beside_a_named_one(template)
        _no_kind_inferred_beside_a_named_weapon(template)
        told = events.get(id(template), ())
        _total_told_of_the_named(
            template,
            " ".join(_event_sentences(e, report.article) for e in told),
            _groups_counted([t for t in templates if t is not template]),
        )
        _total_of_a_group_including_others(
            template, " ".join(_event_sentences(e, report.article) for e in told)
        )
        _total_only_beside_many_victims(template)
        # last too: a guessed group still tells its act apart from others while they join
        _drop_groups_only_guessed(template, events.get(id(template), ()), report.article, actors)
    return templates


#: The words after an act's trigger that tell it as a sound heard: 'explosions could be
#: heard', 'heavy shooting was heard in the north'.
_HEARD = re.compile(r"^[^.;]{0,100}\bHEARD\b")


#: 'in the attack', 'the explosion', 'during the assault': an act named with the definite
#: article and nothing after it that would say which.
_THE_ONE_BEFORE = re.compile(r"\b(?:THE|THAT|THIS)\s+$")
#: A phrase after the act's noun that says which act it is: 'the attack on the bank'.
_SAYS_WHICH = re.compile(r"^\s*(?:ON|AGAINST|OF|AT|IN)\b")


def _a_bomb_defused(told: Sequence[EventMention], article: Article) -> bool:
    """Whether the acts told are a bomb found and defused: a specific attempted bombing
    even when the text names neither its target nor who placed it. Told in the perfect
    ('the police have defused 14 bombs'), it sums up a period instead."""
    return all(
        e.type == "foiled_attack"
        and e.instruments
        and not _TOLD_IN_THE_PERFECT.search(
            article.text[max(0, e.trigger.start - 60) : e.trigger.start].upper()
        )
        for e in told
    )


#: The words before a verb that put it in the perfect: 'have defused', 'has since defused'.
_TOLD_IN_THE_PERFECT = re.compile(r"\b(?:HAVE|HAS)\s+(?:\w+\s+)?(?:BEEN\s+)?$")


def _told_as_the_one_before(event: EventMention, article: Article) -> bool:
    """Whether the event's trigger is a noun told with 'the' and no phrase of its own after
    it ('his driver was hurt in the attack'): the act told just before."""
    start, end = event.trigger.start, event.trigger.end
    before = _fill_string(article.text[max(0, start - 20) : start]) + " "
    after = _fill_string(article.text[end : end + 12])
    return bool(_THE_ONE_BEFORE.search(before)) and not _SAYS_WHICH.match(after)


#: 'in the attack', 'as a result of the explosion': the harm told of an act named with the
#: definite article and nothing after it that says which.
_IN_THE_ACT = re.compile(
    r"\b(?:IN|DURING|RESULT OF|BY|FROM) THE (?:ATTACK|ASSAULT|RAID|AMBUSH|EXPLOSION|"
    r"BLAST|BOMBING|INCIDENT)\b(?!\s+(?:ON|AGAINST|OF|AT|IN)\b)"
)


def _a_clash_told_after_its_act(event: EventMention, article: Article) -> bool:
    """Whether a fight is told as 'the clash' ('15 were wounded in the clash'), with no
    phrase after it that says which: the act told just before, not a fight of its own."""
    return event.type == "armed_clash" and _told_as_the_one_before(event, article)


def _harm_in_the_act_before(event: EventMention, article: Article) -> bool:
    """Whether the event is harm to people told in a sentence that puts it in 'the attack'
    or 'the explosion' ('as a result of the attack three peasants were killed'): the harm
    of the act told just before, whatever kind that act was."""
    if not _HARM_TO_PEOPLE.match(_fill_string(event.trigger.text)):
        return False
    start, end = _sentence_bounds(article.text, event.trigger.start, event.trigger.end)
    return bool(_IN_THE_ACT.search(_fill_string(article.text[start:end])))


#: 'the bomb', 'the two devices', 'the dynamite charge': a device named with the definite
#: article, not counted apart from another ('the second bomb').
_THE_DEVICE = (
    r"\bTHE (?:(?!(?:FIRST|SECOND|THIRD|FOURTH|OTHER|NEW|LAST)\b)[A-Z-]+ )?"
    r"(?:BOMB|DEVICE|EXPLOSIVE|CHARGE|ARTIFACT)S?"
)
#: The device as the subject of the act's verb ('the bomb was left there by two men', 'before
#: the device exploded'), or as its object ('planted the bomb').
_THE_DEVICE_BEFORE = re.compile(_THE_DEVICE + r" (?:(?:HAD |HAS |HAVE )?(?:BEEN|WAS|WERE) )?$")
_THE_DEVICE_AFTER = re.compile(r"^(?:UP )?" + _THE_DEVICE[2:] + r"\b")
#: Act nouns that the device may name as a compound ('the bomb attack').
_ACT_NOUN = re.compile(r"^(?:ATTACK|EXPLOSION|BLAST|BOMBING|DETONATION)S?$")


def _the_device_told_before(event: EventMention, article: Article) -> bool:
    """Whether the event's trigger tells what became of a device named with 'the' ('the bomb
    was left there by two men in a car', 'before the device exploded'): the device told
    before, and so its act. 'The bomb attack on the bank' names an act of its own."""
    start, end = event.trigger.start, event.trigger.end
    before = _fill_string(article.text[max(0, start - 40) : start]) + " "
    after = _fill_string(article.text[end : end + 30])
    if _ACT_NOUN.match(_fill_string(event.trigger.text)) and _SAYS_WHICH.match(after):
        return False
    return bool(_THE_DEVICE_BEFORE.search(before) or _THE_DEVICE_AFTER.match(after))


def _the_one_before(
    templates: Sequence[MucTemplate], template: MucTemplate, any_type: bool = False
) -> MucTemplate | None:
    """The last template of the same type and stage whose date and place agree; of any type
    when the act is told by the general word ('the attack'), which names no kind."""
    return next(
        (
            t
            for t in reversed(templates)
            if (any_type or _slot_values(t, 4) == _slot_values(template, 4))
            and _slot_values(t, 5) == _slot_values(template, 5)
            and _days_and_places_agree(t, template)
        ),
        None,
    )


#: The general words for an act on a target, which tell nothing of how it was done.
_GENERAL_ATTACK = re.compile(r"^(?:ATTACK(?:S|ED)?|ASSAULT(?:S|ED)?)$")


def _join_attacks_told_as_bombings(
    templates: list[MucTemplate],
    events: dict[int, list[EventMention]],
    article: Article,
) -> list[MucTemplate]:
    """'A bomb tore open the pipeline ... the attack on the pipeline': an act
    told only by the general word 'attack' against things of the kind that a bombing of the
    message hit ('attacks against bank branches ... dynamite in several banks'), on a day and
    at a place that agree, is that bombing told again (part1 5.0), not a second incident,
    unless it harmed people where the bombing tells of no one harmed. The bombing takes in its
    fills and keeps its type."""
    kept: list[MucTemplate] = []
    for template in templates:
        told = events[id(template)]
        bombing = None
        if _slot_values(template, 4) == ["ATTACK"] and all(
            _GENERAL_ATTACK.match(_fill_string(article.text[e.trigger.start : e.trigger.end]))
            and not _told_as_another(e, article)
            for e in told
        ):
            targets = _target_fills(template, (12,))
            victims = _target_fills(template, (18, 19))
            bombing = next(
                (
                    b
                    for b in templates
                    if _slot_values(b, 4) == ["BOMBING"]
                    and _slot_values(b, 5) == _slot_values(template, 5)
                    and _days_and_places_agree(b, template)
                    and targets
                    and _one_kind_of_thing_hit(targets, _target_fills(b, (12,)))
                    and (not victims or _target_fills(b, (18, 19)))
                ),
                None,
            )
        if bombing is None:
            kept.append(template)
            continue
        _merge_into(bombing, template)
        _drop_repeated_physical_targets(bombing)
        events[id(bombing)].extend(told)
    return kept


def _join_the_bombs_of_an_attack(
    templates: list[MucTemplate], events: dict[int, list[EventMention]]
) -> list[MucTemplate]:
    """'The rebels attacked the governor's house ... a bomb exploded at the house': a bombing
    told after an attack of the message, that hit only things the attack hit, on the same day
    and at a place that agree, tells how the attack was done (part1 5.0), not a second
    incident; it joins the attack, which stays an ATTACK. A bombing told first is an act of
    its own that others may follow ('a bomb tore open the pipeline ... gunmen shot at it'),
    and acts told over a span of days stay apart: they may be several acts on one long
    target (a pipeline bombed again and again)."""
    kept: list[MucTemplate] = []
    for template in templates:
        attack = next(
            (
                other
                for other in kept
                if _slot_values(other, 4) == ["ATTACK"]
                and _slot_values(template, 4) == ["BOMBING"]
                and _slot_values(other, 5) == _slot_values(template, 5)
                and _days_and_places_agree(other, template)
                and not _told_over_days(other)
                and not _told_over_days(template)
                and _bombs_hit_only_what_the_attack_hit(template, other)
            ),
            None,
        )
        if attack is None:
            kept.append(template)
            continue
        _merge_into(attack, template)
        events[id(attack)].extend(events[id(template)])
    return kept


def _told_over_days(template: MucTemplate) -> bool:
    """Whether the template is dated by a span of days ('17 JUN 89 - 20 JUN 89')."""
    day = parse_muc_date(template.slot(2).fillers[0].value) if template.slot(2).fillers else None
    return day is not None and day.low is not None and day.low != day.high


def _bombs_hit_only_what_the_attack_hit(bombing: MucTemplate, attack: MucTemplate) -> bool:
    """Whether the bombing hit things and each of them is a target the attack hit too."""
    hit, attacked = _target_fills(bombing, (12,)), _target_fills(attack, (12,))
    return bool(hit) and all(_a_common_target({thing}, attacked) for thing in hit)


def _join_doers_told_without_a_target(
    templates: list[MucTemplate],
    events: dict[int, list[EventMention]],
    article: Article,
) -> list[MucTemplate]:
    """'The Shining Path attacked the meeting ... the rebels threw grenades and fired': an act
    told with no target, no victim and no place below the country says only that its doers
    acted that day. When another template of the message names one of those doers (a group
    or its men) on a day that agrees, and says what they hit, it is that incident told again
    by another of its acts (part1 5.0), not a second one: it joins that incident, which keeps
    its type, day and place. An act at a town of its own stays apart (it may be an act on
    someone the text names in a way not read), and so does one the text counts apart
    ('another bomb')."""
    kept: list[MucTemplate] = []
    for template in templates:
        same = None
        if (
            not any(template.slot(s).fillers for s in (12, 18, 19))
            and not _has_a_place_below_the_country(template)
            and not any(_told_as_another(e, article) for e in events[id(template)])
        ):
            same = next(
                (
                    other
                    for other in templates
                    if other is not template
                    and any(other.slot(s).fillers for s in (12, 18, 19))
                    and _one_of_the_doers(template, other)
                    and _compatible_dates(template.slot(2), other.slot(2))
                    and _compatible_locations(template.slot(3), other.slot(3))
                ),
                None,
            )
        if same is None:
            kept.append(template)
            continue
        _merge_into(same, template, keep_date_and_place=True)
        events[id(same)].extend(events[id(template)])
    return kept


def _one_of_the_doers(a: MucTemplate, b: MucTemplate) -> bool:
    """Whether two templates name a doer in common: one of the men, or their group."""
    return bool(
        _target_fills(a, (9,)) & _target_fills(b, (9,))
        or _target_fills(a, (10,)) & _target_fills(b, (10,))
    )


def _has_a_place_below_the_country(template: MucTemplate) -> bool:
    place = template.slot(3).fillers
    return bool(place) and bool(parse_muc_location(place[0].value).places)


def _join_told_apart_too_early(
    templates: list[MucTemplate],
    events: dict[int, list[EventMention]],
    article: Article,
    home_country: str | None,
) -> list[MucTemplate]:
    """Templates merged event by event may meet the target that joins them only later
    ('the houses' told of the second act after the first was written): a later template
    that is now one incident with an earlier one joins it, unless the text counts one of
    its acts apart ('another bomb')."""
    kept: list[MucTemplate] = []
    for template in templates:
        same = next((t for t in kept if _same_incident(t, template, home_country)), None)
        if (
            same is None
            or any(
                _told_as_another(e, article) or _dated_from_another(e, article)
                for e in events[id(template)]
            )
            or (
                any(_done_to_the_one_named(e, article, template) for e in events[id(template)])
                and not _share_a_named_victim(same, template)
            )
        ):
            kept.append(template)
            continue
        conflict = not _days_and_places_agree(same, template)
        _merge_into(same, template, keep_date_and_place=conflict)
        events[id(same)].extend(events[id(template)])
    return kept


def _one_kind_of_thing_hit(a: set[str], b: set[str]) -> bool:
    """Whether two sets of physical targets name things of one kind: one thing, or one whose
    head noun, singular or plural, is a word of the other ('attacks against bank branches',
    'dynamite in several banks'; a 'police station' and a 'police vehicle' are two kinds)."""
    if _one_thing_hit(a, b):
        return True

    def singular(word: str) -> str:
        return word.removesuffix("ES") if word.endswith("CHES") else word.removesuffix("S")

    def heads(fills: set[str]) -> set[str]:
        return {singular(_head(tokens)) for x in fills if (tokens := _tokens(x))}

    def words(fills: set[str]) -> set[str]:
        return {singular(w) for x in fills for w in _tokens(x)}

    return bool(heads(a) & words(b) or heads(b) & words(a))


def _one_thing_hit(a: set[str], b: set[str]) -> bool:
    """Whether two sets of physical targets name one thing: a common target, or one whose
    words all come, in order, in the other ('the northern pipeline', 'the northern oil
    pipeline'; 'the daily', 'the daily's offices')."""
    if _a_common_target(a, b):
        return True
    for x in a:
        for y in b:
            short, long = sorted((_tokens(x), _tokens(y)), key=len)
            rest = iter(long)
            if short and all(word in rest for word in short):
                return True
    return False


def _only_heard(template: MucTemplate, told: Sequence[EventMention], article: Article) -> bool:
    """'Powerful explosions could be heard on the outskirts': a template with no target whose
    every event is told as a sound heard tells of fighting somewhere, no act on anyone
    (part1 1.0)."""
    if any(template.slot(s).fillers for s in (12, 18, 19)):
        return False
    return all(
        _HEARD.search(_fill_string(article.text[e.trigger.end : e.trigger.end + 120])) for e in told
    )


#: Nouns that tell of combat between armed forces, not of an act on a target.
_FIGHTING = re.compile(r"^(?:FIGHTING|COMBAT|COMBATS|HOSTILITIES)$")


def _only_fighting(told: Sequence[EventMention]) -> bool:
    """'Dozens were killed in the fighting', 'the city is at a standstill due to the
    fighting': a template whose every event is told as fighting is a military clash, no
    terrorist incident (part1 1.0)."""
    return bool(told) and all(_FIGHTING.match(_fill_string(e.trigger.text)) for e in told)


#: Words that tell of a raid: an operation on a place, by the police, the army or a band.
_RAID = re.compile(r"^RAID(?:S|ED|ING)?$")


def _only_raids(template: MucTemplate, told: Sequence[EventMention]) -> bool:
    """'The farm raided last week', 'the town was raided by looters': a template whose every
    event is told as a raid, with no one killed or hurt and no damage told of it, is a
    search, a sweep or looting, no terrorist act on a target (part1 1.0). 'Raided the house,
    killing a guard' stays an incident."""
    if any(template.slot(s).fillers for s in (23, 24)):
        return False
    return bool(told) and all(
        _RAID.match(_fill_string(e.trigger.text)) and e.fatalities is None and e.injuries is None
        for e in told
    )


def _one_per_listed_place(
    templates: list[MucTemplate], events: dict[int, list[EventMention]], report: ArticleReport
) -> list[MucTemplate]:
    """An act told over a list of towns ('rebels burned the town halls in Vado Alto, Piedra
    Negra and Los Olmos') is one incident per town (part1 7.4: a location names one place):
    the template of the first town gets a copy for each other town of the list, with the
    same doers, type and targets."""
    result: list[MucTemplate] = []
    for template in templates:
        result.append(template)
        fill = template.slot(3).fillers
        if not fill:
            continue
        value = fill[0].value
        told = events.get(id(template), [])
        if _by_the_state(told, report):
            # the state's forces strafing or shelling several places wage one operation of
            # war told at large (part1 1.0), not one act in each place
            continue
        counts = [f.value for s in (14, 21) for f in template.slot(s).fillers]
        if counts and all(count == "1" for count in counts):
            continue  # one person or one thing is not hit in several places
        hit = {f.value for s in (12, 18, 19) for f in template.slot(s).fillers}
        for start, end in _list_anchors(told, value, report.article.text):
            anchor = _fill_string(report.article.text[start:end])
            segment = re.search(rf"(?:^|: ){re.escape(anchor)} \(([A-Z ]+)\)", value)
            if not segment:
                continue
            listed = _places_listed_after(report.article.text, start, end, report.places)
            if not listed:
                continue
            if hit & set(listed):
                break  # 'the rebels attacked Vado Alto and Los Olmos': the towns are what was hit
            for name in listed:
                location = (
                    value[: segment.start()]
                    + f"{': ' if segment.start() else ''}{name} ({segment.group(1)})"
                )
                if name == anchor or any(
                    t.slot(4).fillers == template.slot(4).fillers
                    and t.slot(3).fillers
                    and name in parse_muc_location(t.slot(3).fillers[0].value).places
                    for t in [*templates, *result]
                ):
                    continue  # the text tells that town's incident on its own
                copy = _copy_keeping(template)
                copy.slots[3] = _one(location)
                result.append(copy)
            break
    return result


#: 'in', 'in the towns of': the words before a place an act happened at.
_IN_THE_PLACES_OF = re.compile(
    r"(?i)\bin\s+(?:the\s+(?:towns?|villages?|cities|hamlets?|municipalities|districts)"
    r"\s+of\s+)?$"
)


def _list_anchors(told: Sequence[EventMention], value: str, text: str) -> list[tuple[int, int]]:
    """Where a list of the places of the act may start: the place mention of each event,
    then each spot in the event's sentences where the last place of the location is told
    as where something happened ('the attacks took place in the towns of Vado Alto, Piedra
    Negra and Los Olmos' after 'attacks on four towns' placed at the dateline)."""
    anchors = [
        (e.place.start, e.place.end)
        for e in told
        if e.place is not None and e.place.start is not None and e.place.end is not None
    ]
    places = parse_muc_location(value).places
    if not places:
        return anchors
    name = re.escape(places[-1]).replace(r"\ ", r"\s+")
    for event in told:
        for span in event.evidence:
            for m in re.finditer(rf"(?i)\b{name}\b", text[span.start : span.end]):
                start, end = span.start + m.start(), span.start + m.end()
                if _IN_THE_PLACES_OF.search(text[max(0, start - 40) : start]):
                    anchors.append((start, end))
    return list(dict.fromkeys(anchors))


# 'in two separate shootings', 'in separate attacks': the text counts one act per victim.
_SEPARATE_ACTS = re.compile(
    r"\bIN (?:(TWO|THREE|FOUR|\d+) )?SEPARATE (?:ATTACKS|SHOOTINGS|INCIDENTS|AMBUSHES"
    r"|BOMBINGS|KIDNAPPINGS|ABDUCTIONS|ASSAULTS|ACTIONS|RAIDS)\b"
)
_COUNT_WORDS = {"TWO": 2, "THREE": 3, "FOUR": 4}


def _one_per_victim_of_separate_acts(
    templates: list[MucTemplate], events: dict[int, list[EventMention]], article: Article
) -> list[MucTemplate]:
    """Named victims the text says were hit 'in two separate shootings' are one incident
    each (part1 5.0): the template gets a copy per named victim, each with the fillers of
    that victim and those that name none of the others."""
    result: list[MucTemplate] = []
    for template in templates:
        names = [f.value for f in template.slot(18).fillers]
        said = [
            m.group(1) or ""
            for e in events.get(id(template), [])
            for m in _SEPARATE_ACTS.finditer(_event_sentences(e, article))
        ]
        count = _COUNT_WORDS.get(said[0]) or int(said[0]) if said and said[0] else None
        if len(names) < 2 or not said or count not in {None, len(names)}:
            result.append(template)  # one act on all, or acts the text does not count alike
            continue
        # the group the named victims make up ('two reporters'): each copy has one of them
        group = [
            _tokens(x)
            for f in template.slot(21).fillers
            if f.value == str(len(names))
            for x in f.xref
        ]
        for name in names:
            others = [_tokens(n) for n in names if n != name] + group

            def of_another(filler: Filler, others: list[list[str]] = others) -> bool:
                words = [_tokens(x) for x in (*filler.alternatives, *filler.xref)]
                return any(w and _contains(w, o) for w in words for o in others)

            result.append(_copy_keeping(template, lambda slot, f: slot < 18 or not of_another(f)))
    return result


def _copy_keeping(
    template: MucTemplate, keep: Callable[[int, Filler], bool] = lambda _slot, _f: True
) -> MucTemplate:
    """A copy of the template with the fillers of each slot that ``keep`` accepts."""
    return MucTemplate(
        message_id=template.message_id,
        slots={
            slot: SlotFill([f for f in fill.fillers if keep(slot, f)], fill.inapplicable)
            for slot, fill in template.slots.items()
        },
    )


#: 'one at the bank, another at the school and a third at the market': a list that gives
#: each of several acts (bombs, attacks) its own place or target.
_ONE_EACH_PLACE = r"(?:AT|IN FRONT OF|IN|ON|NEAR|AGAINST|OUTSIDE|INSIDE)"
_ONE_EACH_LIST = re.compile(
    rf"\bONE {_ONE_EACH_PLACE} (.+?)"
    rf"((?:,? (?:AND )?(?:ANOTHER|A SECOND|A THIRD|A FOURTH|THE OTHER) {_ONE_EACH_PLACE} [^,]+?)+)"
    r"(?=[,;.]|$)"
)
_ONE_EACH_NEXT = re.compile(
    rf",? (?:AND )?(?:ANOTHER|A SECOND|A THIRD|A FOURTH|THE OTHER) {_ONE_EACH_PLACE} "
)


def _one_per_target_of_a_counted_list(
    templates: list[MucTemplate], events: dict[int, list[EventMention]], article: Article
) -> list[MucTemplate]:
    """'Three bombs went off, one at the park, another at the bank and another at the
    school': the list gives each bomb its own target, so each is one incident (part1 5.0).
    A template whose physical targets fall in two or more parts of such a list gets a copy
    per part, each with the targets of its part and the fillers that name no other part;
    targets the list does not name stay with the first."""
    result: list[MucTemplate] = []
    for template in templates:
        targets = [f.value for f in template.slot(12).fillers]
        parts: list[list[str]] = []
        if len(targets) >= 2:
            for event in events.get(id(template), []):
                match = _ONE_EACH_LIST.search(_event_sentences(event, article))
                if match:
                    parts = [
                        _tokens(x)
                        for x in [match.group(1), *_ONE_EACH_NEXT.split(match.group(2))[1:]]
                    ]
                    break
        # the part of the list each target is told in (None: not in the list)
        where = {
            t: next(
                (i for i, part in enumerate(parts) if _tokens(t) and _contains(part, _tokens(t))),
                None,
            )
            for t in targets
        }
        told = sorted({i for i in where.values() if i is not None})
        if len(told) < 2:
            result.append(template)  # one act on all the targets the list names
            continue
        for number, part in enumerate(told):
            mine = {t for t, i in where.items() if i == part or (i is None and number == 0)}
            others = [parts[i] for i in told if i != part]

            def of_another(filler: Filler, mine: set[str] = mine, others=others) -> bool:
                if filler.value in mine or any(x in mine for x in filler.xref):
                    return False
                words = [_tokens(x) for x in (*filler.alternatives, *filler.xref)]
                return any(w and _contains(o, w) for w in words for o in others)

            def keep(slot: int, f: Filler, mine: set[str] = mine) -> bool:
                return not (
                    (slot == 12 and f.value not in mine)
                    or (slot in (13, 14, 15, 16) and f.xref and not set(f.xref) & mine)
                    or (slot >= 18 and of_another(f))
                )

            result.append(_copy_keeping(template, keep))
    return result


# The kinds of actor that act for the state: its forces and its government.
_STATE_KINDS = (ActorKind.SECURITY_FORCE, ActorKind.GOVERNMENT)


def _by_the_state(told: Sequence[EventMention], report: ArticleReport) -> bool:
    """Whether the doers the events name are all the state's forces or its government."""
    actors = {a.id: a for a in report.actors}
    doers = [
        actors[p.actor]
        for e in told
        for p in e.participants
        if p.role in {"perpetrator", "claimant"} and p.actor in actors
    ]
    # an outlet or a party named as a doer relays or backs the act; its doers are the others
    doers = [a for a in doers if a.kind not in _NOT_PERPETRATOR_KINDS] or doers
    return bool(doers) and all(a.kind in _STATE_KINDS for a in doers)


# One more name of a list of places: ', Los Olmos', ', and Los Olmos', ' and in Los Olmos'.
_LIST_LINK = re.compile(r"(?i)(,\s+(?:and\s+(?:in\s+)?)?|\s+and\s+(?:in\s+)?)")
_LIST_NAME_WORD = re.compile(r"[^\W\d_][\w'.-]*")
_ONE_SPACE = re.compile(r" (?=\S)")
# Words a place name of a list is not made of: function words, numbers, verbs of an act.
_NOT_IN_A_PLACE_NAME = frozenset(
    re.findall(
        r"\w+",
        """a an the this that these those other another several some many various nearby
    neighboring surrounding elsewhere its their his her our of at on in to from for with by as
    near around between where which who whom whose when while after before during and or but
    than then there here also both all each one two three four five six seven eight nine ten
    was were is are be been had has have left fled set went took made shot blew hit ran kept
    stole said told burnt fell others respectively city cities town
    towns village villages area areas region regions zone zones capital police army troops
    soldiers guerrillas rebels authorities officials people men residents government
    early late today yesterday tonight last morning night afternoon evening""",
    )
)
# The name of a kind of place after the last name: a plural one names each ('in Vado Alto
# and Los Olmos districts'); a singular one may name only the last ('in Vado Alto and
# Ribera department': a town, then a department).
_PLURAL_KINDS = "departments|provinces|municipalities|districts|cantons|neighborhoods|states"
_PLURAL_KIND = re.compile(rf"(?i)\s+(?:{_PLURAL_KINDS})\b")
_SINGULAR_KIND = re.compile(
    r"(?i)\s+(?:department|province|municipality|district|canton|neighborhood|state)\b"
)
# What may follow the last name of a list of places: a mark, a plural kind of place, a time
# or the start of a clause ('in Vado Alto and Los Olmos the rebels burned ...'); a verb or
# 'that' tells the last word was no name ('in Vado Alto and promised that ...').
_LIST_END = re.compile(
    rf"(?i)(?:\s*(?:[,.;:)\n]|$)|\s+(?:{_PLURAL_KINDS}|"
    r"the|in|on|at|during|early|late|last|this|yesterday|today|where)\b)"
)
# Names of streets, not of towns: 'at the corner of Ceibo and Nogal streets'.
_STREET = re.compile(r"(?i)\s+(?:streets?|avenues?|roads?|highways?|boulevards?)\b")
# A place a road, a range or a distance runs to: 'between Vado Alto and Los Olmos', 'near
# the towns of Vado Alto and Los Olmos' (one incident, on the way from one to the other).
_NOT_AT_EACH = re.compile(r"(?i)\b(?:between|near|from)\s+(?:the\s+\w+\s+of\s+)?$")


def _places_listed_after(text: str, start: int, end: int, places: Sequence[Place]) -> list[str]:
    """The other place names of a list that starts with the place mention ending at
    ``end`` ('in Vado Alto, Piedra Negra and Los Olmos'), as fill strings; none unless the
    list ends with 'and' + a name. A name is one to four words that are not function words or
    verbs; in a text written in mixed case each of its words but particles starts upper case."""
    mixed_case = any(c.islower() for c in text[max(0, end - 500) : end + 500])
    if _STREET.match(text, end) or _NOT_AT_EACH.search(text[max(0, start - 100) : start]):
        return []
    countries = {_fill_string(p.name) for p in places if p.level == PlaceLevel.COUNTRY}
    names: list[str] = []
    position = end
    closed = False
    while True:
        link = _LIST_LINK.match(text, position)
        if link is None:
            break
        words: list[str] = []
        cursor = link.end()
        while len(words) < 5:
            word = _LIST_NAME_WORD.match(text, cursor)
            if word is None or _not_in_a_place_name(word.group()):
                break
            if (
                mixed_case
                and not word.group()[0].isupper()
                and word.group().lower() not in _PARTICLES
            ):
                break
            if word.group().endswith(".") and len(word.group()) > 4:
                # 'Los Olmos. Police said': the sentence ends with the name, not the
                # 'Sta.' of 'Sta. Rosa'
                words.append(word.group()[:-1])
                break
            words.append(word.group())
            cursor = word.end()
            if _ONE_SPACE.match(text, cursor) is None:
                break
            if any(k.match(text, cursor) for k in (_PLURAL_KIND, _SINGULAR_KIND, _STREET)):
                break
            cursor += 1
        while words and words[-1].lower() in _PARTICLES:
            words.pop()
        if not words or len(words) > 4:
            return []
        position = link.end() + len(" ".join(words))
        names.append(_fill_string(" ".join(words)))
        if re.search(r"(?i)\band\b", link.group()):
            closed = True
            break
    if not closed or not _LIST_END.match(text, position):
        return []
    if any(name in countries for name in names):
        return []  # 'in Vado Alto and Ribera': a town and its country, not two towns
    return list(dict.fromkeys(names))


def _not_in_a_place_name(word: str) -> bool:
    """A function word, a number or a verb ('killing', 'wounded'): the list has ended."""
    lower = word.lower().strip(".")
    return lower in _NOT_IN_A_PLACE_NAME or lower.endswith(("ing", "ed"))


# Small words inside place names written in mixed case ('San José de las Flores').
_PARTICLES = frozenset(["de", "del", "la", "las", "los", "el", "y", "da", "do", "dos"])


#: The countries whose incidents the task records (part1 1.0, point 4).
_COUNTRIES_OF_INTEREST = frozenset(
    [
        "ARGENTINA",
        "BOLIVIA",
        "CHILE",
        "COLOMBIA",
        "ECUADOR",
        "EL SALVADOR",
        "GUATEMALA",
        "HONDURAS",
        "PERU",
    ]
)


def _keep_to_the_countries_of_interest(template: MucTemplate, places: Sequence[Place]) -> None:
    """An incident we write is one the task records, and it records only incidents that
    belong to one of its countries (part1 1.0, point 4); every article is about one of them.
    A template located in another country has a misread place (a street or a name read as
    a town abroad, a country the article names in passing): its location is the country of
    interest the article names most."""
    location = template.slot(3).fillers
    if not location:
        return
    if parse_muc_location(location[0].value).country in _COUNTRIES_OF_INTEREST:
        return
    weights: dict[str, int] = {}
    for place in places:
        name = _country_name(place.country)
        if name in _COUNTRIES_OF_INTEREST:
            weights[name] = weights.get(name, 0) + max(1, len(place.mentions))
    if weights:
        template.slots[3] = _one(max(weights, key=lambda name: weights[name]))


def _add_town_part(
    template: MucTemplate,
    texts: Sequence[str],
    home: Place | None = None,
    places: Sequence[Place] = (),
) -> None:
    """A town's neighborhood, district, suburb or airport that the incident's sentences
    name goes after the town in the location (part1 7.4: 'COUNTRY: TOWN (CITY): PART
    (NEIGHBORHOOD)'). A part read as a place of its own goes below the town of the
    dateline (``home``), where the report comes from. A part told with its own town ('the
    X neighborhood in northern Y', 'the X neighborhood of the city of Y') goes below that
    town, one of ``places``, whatever other town the incident was put in."""
    from threatline.geo import town_parts  # only location fills need it

    fill = template.slot(3).fillers
    if not fill:
        return
    value = fill[0].value
    location = parse_muc_location(value)
    towns = {
        _fill_string(p.name)
        for p in places
        if p.level == PlaceLevel.SETTLEMENT and _country_name(p.country) == location.country
    }
    parts = [
        (name, part.kind, _own_town(text[part.end :], towns))
        for text in texts
        for part in town_parts(text)
        if (name := _fill_string(part.name)) and name != location.country
    ]
    if not parts:
        return
    in_a_town = re.fullmatch(
        r"[^:]+(?:: [^:()]+ \((?:DEPARTMENT|CITY)\))*: [^:()]+ \(CITY\)", value
    )
    district = _district_of_a_department(texts)
    if district is not None and (
        not location.places
        or (home is not None and location.places == (_fill_string(home.name),))
        or _the_same_part(location.places[-1], district)
    ):
        # 'X district, Y department': a district of the country, not a part of the town the
        # report comes from
        template.slots[3] = _one(f"{location.country}: {district} (DISTRICT)")
        return
    told = next(((n, k, t) for n, k, t in parts if t), None)
    if told is not None and told[2] not in location.places:
        name, kind, town = told
        placed = location.places
        if not placed or _the_same_part(placed[-1], name) or in_a_town:
            template.slots[3] = _one(f"{location.country}: {town} (CITY): {name} ({kind})")
            return
    parts = [(n, k) for n, k, _ in parts]
    if in_a_town:
        name, kind = next(((n, k) for n, k in parts if n not in location.places), ("", ""))
        if name:
            template.slots[3] = _one(f"{value}: {name} ({kind})")
            return
    if (
        home is not None
        and len(location.places) == 1
        and _fill_string(_country_name(home.country) or "") == location.country
        and _fill_string(home.name) != location.places[0]
    ):
        part = next(((n, k) for n, k in parts if _the_same_part(location.places[0], n)), None)
        if part is not None:
            town = _fill_string(home.name)
            template.slots[3] = _one(f"{location.country}: {town} (CITY): {part[0]} ({part[1]})")
    elif (
        home is not None
        and not location.places
        and _fill_string(_country_name(home.country) or "") == location.country
        and not _only_a_group(template)
    ):
        # an incident told by its country and a part of a town: the part of the town the
        # report comes from (a group's act with no doer nor target of its own stays a
        # campaign told by its country)
        name, kind = parts[0]
        template.slots[3] = _one(
            f"{location.country}: {_fill_string(home.name)} (CITY): {name} ({kind})"
        )


def _a_town_part_told_elsewhere(
    template: MucTemplate, text: str, home: Place | None, places: Sequence[Place]
) -> None:
    """An incident placed at a name the gazetteer does not know, read as a region of its
    own ('EL SALVADOR: X (REGION)'), that the article calls a part of a town elsewhere ('the
    neighborhoods of X and Y', 'the X neighborhood in northern Z') is in that part: below
    the town the article tells it in, else below the town of the dateline (``home``)."""
    from threatline.geo import town_parts  # only location fills need it

    fill = template.slot(3).fillers
    if len(fill) != 1 or not fill[0].value.endswith(" (REGION)"):
        return
    location = parse_muc_location(fill[0].value)
    if len(location.places) != 1:
        return
    towns = {
        _fill_string(p.name)
        for p in places
        if p.level == PlaceLevel.SETTLEMENT and _country_name(p.country) == location.country
    }
    for part in town_parts(text):
        name = _fill_string(part.name)
        if name != location.places[0]:
            continue
        town = _own_town(text[part.end :], towns)
        if town is None and home is not None and _country_name(home.country) == location.country:
            town = _fill_string(home.name)
        if town is not None:
            template.slots[3] = _one(f"{location.country}: {town} (CITY): {name} ({part.kind})")
            return


def _district_of_a_department(texts: Sequence[str]) -> str | None:
    """The first district the texts tell with its department or province ('the X
    district, Y department', 'the district of X in Y province')."""
    from threatline.geo import town_parts  # only location fills need it

    return next(
        (
            _fill_string(part.name)
            for text in texts
            for part in town_parts(text)
            if part.kind == "DISTRICT"
            and _OF_A_DEPARTMENT.match(normalize_fill(text[part.end : part.end + 60]))
        ),
        None,
    )


#: What follows a district's name that tells its department: 'district, Y department',
#: 'in Y province'.
_OF_A_DEPARTMENT = re.compile(
    r"^(?:DISTRICT)?,? ?(?:(?:IN|OF) )?(?:THE )?(?:[A-Z]+ ){1,4}(?:DEPARTMENT|PROVINCE)\b"
)


def _the_same_part(place: str, part: str) -> bool:
    """A place read as one is the part of a town the text names, or the end of its name
    ('Mascota' of 'La Mascota')."""
    return part == place or part.endswith(f" {place}")


# What follows a part of a town's name when the text tells its town: 'neighborhood in
# northern Y', 'district of the city of Y'.
_PART_OF_THE_TOWN = re.compile(
    r"(?:(?:NEIGHBOU?RHOOD|BARRIO|COLONIA|DISTRICT|SUBURB|AIRPORT)S? )?(?:IN|OF) "
    r"(?:THE )?(?:(?:CITY|TOWN|CAPITAL) OF )?"
    r"(?:(?:(?:NORTH|SOUTH)(?:EAST|WEST)?|EAST|WEST)(?:ERN)? |CENTRAL |DOWNTOWN )?"
    r"(?:(?:SECTION|PART|END|SIDE|OUTSKIRTS) OF )?"
)


def _own_town(after: str, towns: Iterable[str]) -> str | None:
    """The town of ``towns`` the text names right after a part of a town, as its town."""
    window = normalize_fill(after[:_OWN_TOWN_WINDOW])
    told = _PART_OF_THE_TOWN.match(window)
    if told is None:
        return None
    rest = window[told.end() :]
    return next(
        (t for t in sorted(towns, key=len, reverse=True) if re.match(rf"{re.escape(t)}\b", rest)),
        None,
    )


_OWN_TOWN_WINDOW = 80


def _between_two_towns(
    template: MucTemplate, sentences: Sequence[str], places: Sequence[Place]
) -> None:
    """An act on a road or a pipeline that the incident's sentences place between two
    towns ('the highway between X and Y', 'the pipeline that links X and Y') happened
    along the stretch between them: the location is the range 'X - Y' (part1 7.4)."""
    fill = template.slot(3).fillers
    if not fill:
        return
    location = parse_muc_location(fill[0].value)
    towns = {
        _fill_string(p.name)
        for p in places
        if p.level == PlaceLevel.SETTLEMENT and _country_name(p.country) == location.country
    }
    for sentence in sentences:
        for match in _BETWEEN_TWO_PLACES.finditer(_fill_string(sentence)):
            first = _town_at_the_start(match.group(1), towns)
            rest = match.group(1)[len(first or "") :]
            joined = re.match(r"\s+(?:AND|WITH|TO)\s+", rest)
            second = _town_at_the_start(rest[joined.end() :], towns) if joined else None
            if first and second and first != second and set(location.places) <= {first, second}:
                template.slots[3] = _one(f"{location.country}: {first} (CITY) - {second} (CITY)")
                return


#: 'the highway between X and Y', 'the pipeline that links X and Y', 'the road linking X
#: with Y': a stretch between two towns.
_BETWEEN_TWO_PLACES = re.compile(
    r"\b(?:ROAD|HIGHWAY|PIPELINE|RAILWAY|RAILROAD|LINE)\b[^.;]{0,40}?"
    r"\b(?:BETWEEN|LINKS|LINKING|CONNECTING|CONNECTS|FROM)\s+(?:THE\s+(?:\w+\s+)?TOWNS\s+OF\s+)?"
    r"([^.;]{3,80})"
)


def _town_at_the_start(text: str, towns: Iterable[str]) -> str | None:
    """The town of ``towns`` that ``text`` begins with."""
    rest = normalize_fill(text)
    return next(
        (t for t in sorted(towns, key=len, reverse=True) if re.match(rf"{re.escape(t)}\b", rest)),
        None,
    )


def _add_named_department(template: MucTemplate, places: Sequence[Place], text: str) -> None:
    """A town's department (province) that the article names right after the town ('in
    Puerto Lindo, Santa Rosa department', 'Puerto Lindo, the capital of Santa Rosa
    department') goes before the town in the location (part1 7.4: the names from the widest
    to the narrowest). A department named elsewhere in the article (another incident's, or
    the one the town is the capital of, told in passing) is not the fill's."""
    fill = template.slot(3).fillers
    if not fill:
        return
    _add_department_of_unknown_place(template, places, text)
    match = re.fullmatch(r"([^:]+): ([^:()]+) \(CITY\)((?:: .*)?)", fill[0].value)
    if not match:
        return
    country, town, rest = match.groups()
    town_place = next(
        (
            p
            for p in places
            if p.level == PlaceLevel.SETTLEMENT
            and _fill_string(p.name) == town
            and _country_name(p.country) == country
        ),
        None,
    )
    if town_place is None or not town_place.admin1:
        return
    region = _fill_string(town_place.admin1)
    if region == town:
        return
    named = re.compile(
        rf"\b(?:{re.escape(region)} (?:DEPARTMENT|PROVINCE)|(?:DEPARTMENT|PROVINCE) OF "
        rf"{re.escape(region)})\b"
    )
    for _, end in town_place.mentions:
        # in the town's own sentence
        after = re.split(r"[.;!?](?:\s|$)", text[end : end + _DEPARTMENT_AFTER])[0]
        if named.search(normalize_fill(after)):
            template.slots[3] = _one(f"{country}: {region} (DEPARTMENT): {town} (CITY){rest}")
            return


# How far after a town its department is told ('X, about 300 km west of Y, in the
# department of Z').
_DEPARTMENT_AFTER = 100

# A department told right after a place, in apposition: 'X, Y department', 'X, in Y
# province', 'X, in the department of Y', or after a list of places that begins with it
# ('X, Z, and W, in Y department').
_DEPARTMENT_APPOSED = re.compile(
    r"^(?:(?:\s*,\s*(?:AND\s+)?|\s+AND\s+)[^\W\d_]+(?:\s[^\W\d_]+){0,3}(?=\s*,|\s+AND\b)){0,6}"
    r"\s*,\s*(?:IN\s+)?(?:THE\s+)?(?:(?:DEPARTMENT|PROVINCE)\s+OF\s+([^\W\d_][^\W\d_ ]*)|"
    r"([^\W\d_][^\W\d_ ]*?)\s+(?:DEPARTMENT|PROVINCE)\b)"
)


def _add_department_of_unknown_place(
    template: MucTemplate, places: Sequence[Place], text: str
) -> None:
    """A place the gazetteer does not know (a hamlet, a village) whose department the
    text tells right after it ('in Puerto Lindo, Santa Rosa department') lies in that
    department, when the article knows it as a place of the fill's country: the fill
    names the places from the widest to the narrowest (part1 7.4)."""
    value = template.slot(3).fillers[0].value
    match = re.fullmatch(r"([^:]+): ([^:()]+) \(REGION\)", value)
    if not match:
        return
    country, name = match.groups()
    place = next(
        (
            p
            for p in places
            if p.level == PlaceLevel.AREA
            and p.gazetteer_id is None
            and _fill_string(p.name) == name
            and _country_name(p.country) == country
        ),
        None,
    )
    if place is None:
        return
    known = {
        _fill_string(p.name)
        for p in places
        if p.level in (PlaceLevel.REGION, PlaceLevel.SETTLEMENT)
        and _country_name(p.country) == country
    } | {
        # the department of a town of the article ('in X, Y department' of a known X)
        _fill_string(p.admin1)
        for p in places
        if p.level == PlaceLevel.SETTLEMENT and p.admin1 and _country_name(p.country) == country
    }
    for _, end in place.mentions:
        told = _DEPARTMENT_APPOSED.match(text[end : end + _DEPARTMENT_AFTER].upper())
        if told is None:
            continue
        words = _fill_string(told.group(1) or told.group(2)).split()
        # 'in the department of Altamira on Monday': the longest run of words the article
        # knows as a place
        region = next(
            (r for n in range(len(words), 0, -1) if (r := " ".join(words[:n])) in known), ""
        )
        if region and region != name:
            template.slots[3] = _one(f"{country}: {region} (DEPARTMENT): {name} (REGION)")
            return


# 'in the capital', 'in this capital', 'in this city', 'the capital's', 'a capital city
# avenue': a report names its own town so.
_CAPITAL = re.compile(
    r"(?i)\b(?:(?:in|of|at) (?:(?:this|the) capital|this city)|(?:the|this) capital's|"
    r"this city's|an? capital city)\b"
)


def _capital_of_the_dateline(
    template: MucTemplate, texts: Sequence[str], home: Place | None, places: dict[str, Place]
) -> None:
    """An incident told only by its country whose sentences say it happened 'in the
    capital' or 'in this city', or on a street they name with no town, happened in the town
    of the dateline (``home``), the town the report comes from, when that town is in the
    incident's country."""
    fill = template.slot(3).fillers
    if home is None or not fill or parse_muc_location(fill[0].value).places:
        return
    if not any(_CAPITAL.search(text) or _ON_A_STREET.search(text) for text in texts):
        return
    value = _location_fill(home, places)
    if value and (
        parse_muc_location(value).country == parse_muc_location(fill[0].value).country
        # 'this capital' can only be the dateline's town, whatever country the fill names
        # ('the embassy of the United States in this capital')
        or any(_THIS_CITY.search(text) for text in texts)
    ):
        template.slots[3] = _one(value)


_THIS_CITY = re.compile(r"(?i)\b(?:in|of|at) this (?:capital|city)\b")

#: 'on Ancash Street', 'at the corner of Roosevelt Avenue', 'in Bolivar Square': a street
#: or a square, told with no town of its own, of the town the report comes from.
_ON_A_STREET = re.compile(r"(?i)\b(?:streets?|avenues?|ave|boulevard|corner of|squares?|plazas?)\b")


def _place_from_paragraph(
    template: MucTemplate,
    events: Sequence[EventMention],
    report: ArticleReport,
    dateline_end: int | None,
) -> None:
    """An incident whose sentences name no place below the country happened at the first
    town, district or department of its paragraph (after the dateline) in that country:
    a report tells the place once and the acts after it ('In the town of X ... . The
    rebels burned the mayor's office.')."""
    fill = template.slot(3).fillers
    if not fill or parse_muc_location(fill[0].value).places:
        return
    text = report.article.text
    after = -1 if dateline_end is None else dateline_end
    by_id = {p.id: p for p in report.places}
    towns = [p for p in report.places if p.level in _PARAGRAPH_LEVELS]
    names = {
        name
        for p in report.places
        for start, end in p.mentions
        if len(name := text[start:end].upper()) > 3
    }
    people = [m for a in report.actors if a.kind == ActorKind.PERSON for m in a.mentions]
    spots = {
        p.id: [at for at in _named_again(p, text, names) if not _in_a_name(at, people)]
        for p in towns
    }
    for event in events:
        if _TOLD_OF_THE_COUNTRY.search(_event_text(event, report.article).upper()):
            return  # the incident is told by its country
        first: tuple[int, Place] | None = None
        for span in event.evidence:
            start, end = _paragraph_of(text, span.start, span.end)
            for place in towns:
                for at in spots[place.id]:
                    if start <= at < end and at > after and (first is None or at < first[0]):
                        first = (at, place)
        if first is None:
            continue
        value = _location_fill(first[1], by_id)
        if value and parse_muc_location(value).country == parse_muc_location(fill[0].value).country:
            template.slots[3] = _one(value)
        return


#: 'the country's main highways', 'throughout the country': an act told of the whole
#: country, not of the town its paragraph names.
_TOLD_OF_THE_COUNTRY = re.compile(
    r"\b(?:THE COUNTRY'S|(?:THROUGHOUT|ACROSS|ALL OVER|AROUND) THE COUNTRY|NATIONWIDE)"
)
_PARAGRAPH_LEVELS = (PlaceLevel.SETTLEMENT, PlaceLevel.DISTRICT, PlaceLevel.REGION)


def _in_a_name(at: int, names: Iterable[tuple[int, int]]) -> bool:
    """Whether the spot ``at`` lies inside one of the ``names`` (a person's: 'Msgr X',
    'Orlando X'): a word of a person's name the place stage took for a town tells of no
    place."""
    return any(start <= at < end for start, end in names)


def _named_again(place: Place, text: str, names: Collection[str] = ()) -> list[int]:
    """Where the text names a place as where something is: its mentions, and every other
    spot that writes one of them the same way (the place stage may miss a mention of a town
    it knows elsewhere, as in a text written in capitals), but not a town named only to
    tell of someone or something else (:func:`_told_as_where`)."""
    upper = text.upper()
    at = set(place.mentions)
    # a name of four letters or more: a short word may be a word of the text
    for name in {upper[start:end] for start, end in place.mentions if end - start > 3}:
        at.update(m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", upper))
    return sorted(start for start, end in at if _told_as_where(upper, start, end, names))


def _told_as_where(upper: str, start: int, end: int, names: Collection[str] = ()) -> bool:
    """Whether a town's name at start..end of the text (in capitals) tells where something
    is, not whom or what else ('the bishop of X', '220 km north of X', but 'the center of
    X'; 'the X cartel', 'X judicial authorities'), nor one of a list of the places of
    ``names`` ('X, Y, and Z have been targets', 'between X and Y')."""
    before, after = upper[max(0, start - 40) : start], upper[end : end + 40]
    if _IN_THE_PLACES_OF.search(before):
        return True  # 'in X and Y', 'in the towns of X, Y and Z': where the act was
    if _OF_BEFORE.search(before) and not _PART_OF_BEFORE.search(before):
        return False
    if _BODY_AFTER.match(after):
        return False
    if _UNIT_AFTER.match(after):
        return True  # 'Algeciras municipality, Huila department': a place and its region
    joined_after = _JOINED_AFTER.match(after)
    if joined_after and any(
        (rest := after[joined_after.end() :]).startswith(n)
        and not _UNIT_AFTER.match(rest[len(n) :])
        for n in names
    ):
        return False
    joined_before = _LIST_JOIN.search(before)
    return not (joined_before and any(before[: joined_before.start()].endswith(n) for n in names))


_OF_BEFORE = re.compile(r"\bOF\s+(?:THE\s+)?$")
#: 'in the center of', 'the streets of', 'the town of': a part of the town, or the town.
_PART_OF_BEFORE = re.compile(
    r"\b(?:CENTER|CENTRE|HEART|MIDDLE|OUTSKIRTS|EDGE|STREETS?|SECTORS?|PARTS?|AREAS?|"
    r"SECTIONS?|ZONES?|SIDE|END|SUBURBS?|NEIGHBOU?RHOODS?|DOWNTOWN|TOWN|CITY|VILLAGE|"
    r"HAMLETS?|TOWNS|VILLAGES|CITIES|PORT|MUNICIPALITY|CAPITAL)\s+OF\s+(?:THE\s+)?$"
)
#: 'the X cartel', 'X judicial authorities', 'the X meeting', '[X mayor]': a body or an
#: event named after the town.
_BODY_AFTER = re.compile(
    r"^\s+(?:CARTEL|MAYORS?|MEETING|JUDICIAL|AUTHORITIES|COUNCIL\w*|DISTRICT COUNCIL\w*)\b"
)
#: The word of a region after its name: 'Huila department'.
_UNIT_AFTER = re.compile(r"^\s+(?:DEPARTMENTS?|PROVINCES?|MUNICIPALITY|STATE|REGION)\b")
#: What joins two names of a list: 'X, Y', 'X and Y', 'X, and Y'.
_JOINED_AFTER = re.compile(r"^(?:,\s*AND\s+|,\s*|\s+AND\s+)")


def _dateline_town(
    places: Iterable[Place], dateline_end: int | None, text: str = ""
) -> Place | None:
    """The town of the text's dateline (``dateline_end``: where the dateline's place ends);
    a town the place stage missed in the dateline is the town of the same name it found
    later in ``text``."""
    if dateline_end is None:
        return None
    towns = [p for p in places if p.level == PlaceLevel.SETTLEMENT]
    in_dateline = (p for p in towns if any(start < dateline_end for start, _ in p.mentions))
    written = normalize_fill(re.sub(r"\([^)]*\)", " ", text[:dateline_end]))
    by_name = (p for p in towns if written and normalize_fill(p.name) == written)
    return next(in_dateline, None) or next(by_name, None)


#: Words of a sentence that tell of an act of violence ('the crime committed on 16 May',
#: 'wounded on 21 June', 'reported missing early on 3 May'), not of a speech, a swearing-in
#: or an extradition on that day.
_TELLS_OF_AN_ACT = re.compile(
    r"\b(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|MASSACRE\w*|SLAIN|SHOT|SHOOT\w*|WOUND\w*|"
    r"INJUR\w*|DEATHS?|DIED|DEAD|CRIMES?|ATTACK\w*|BOMB\w*|EXPLO\w*|DYNAMITE|BL[EO]WN? UP|"
    r"KIDNAP\w*|ABDUCT\w*|MISSING|DISAPPEAR\w*|AMBUSH\w*|SET FIRE|OPENED FIRE|FIRED|"
    r"ARSON|BURN\w*|DESTROY\w*|DAMAG\w*|INCIDENT|STABB\w*|HOSTAGES?)\b",
    re.IGNORECASE,
)


def _days_written_out(timexes: Iterable[TimeSpan], text: str | None = None) -> frozenset[dt.date]:
    """The days an article writes out by their date ('on 18 May', 'the night of 24 May'),
    not a bound ('before 5 July') nor a day told from another event ('2 days after 5 May').
    Given the article's ``text``, only the days written in a sentence that tells of an act
    of violence: the day of a speech or a swearing-in is not the day of an incident."""
    return frozenset(
        t.start
        for t in timexes
        if t.start is not None
        and t.start == t.end
        and t.mod in _WITHIN_DAY_MODS
        and _MONTH_NAME.search(t.text)
        and not is_event_anchored(t)
        and (text is None or _in_a_sentence_of_an_act(t, text))
    )


def _days_told_of_its_kind(
    template: MucTemplate, timexes: Iterable[TimeSpan], text: str
) -> frozenset[dt.date]:
    """The days written out in a clause that tells of an act of the incident's type ('the
    rebels kidnapped him on 4 May' for a kidnapping, not 'on 12 May, a weekly wrote')."""
    kinds = {_filler_text(4, f) for f in template.slot(4).fillers}
    acts = [_ACT_OF_TYPE[kind] for kind in kinds if kind in _ACT_OF_TYPE]
    days = set()
    for t in timexes:
        if t.start is None or t.start != t.end or t.char_start is None or t.char_end is None:
            continue
        start, end = _clause_bounds(text, t.char_start, t.char_end)
        if _MONTH_NAME.search(t.text) and any(act.search(text, start, end) for act in acts):
            days.add(t.start)
    return frozenset(days)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around ``text[start:end]``: up to a comma, a semicolon, a dash
    or the end of the sentence."""
    stops = (". ", "\n", "? ", "! ", ",", ";", "--")
    before = ((text.rfind(stop, 0, start), stop) for stop in stops)
    first = max((i + len(stop) for i, stop in before if i >= 0), default=0)
    after = (text.find(stop, end) for stop in stops)
    return first, min((i for i in after if i >= 0), default=len(text))


#: Words that tell of an act of each incident type.
_ACT_OF_TYPE = {
    "KIDNAPPING": re.compile(r"\b(?:KIDNAP\w*|ABDUCT\w*|HOSTAGES?)\b", re.IGNORECASE),
    "BOMBING": re.compile(r"\b(?:BOMB\w*|EXPLO\w*|DYNAMIT\w*|BL[EO]WN? UP)\b", re.IGNORECASE),
    "ARSON": re.compile(r"\b(?:ARSON|BURN\w*|SET FIRE|TORCH\w*)\b", re.IGNORECASE),
    "ATTACK": re.compile(
        r"\b(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|MASSACRE\w*|SLAIN|SHOT|SHOOT\w*|WOUND\w*|"
        r"ATTACK\w*|AMBUSH\w*|FIRED)\b",
        re.IGNORECASE,
    ),
}


def _in_a_sentence_of_an_act(time: TimeSpan, text: str) -> bool:
    if time.char_start is None or time.char_end is None:
        return True
    start = max(text.rfind(sep, 0, time.char_start) for sep in (". ", "\n", "? ", "! ")) + 1
    end = min(
        (i for i in (text.find(sep, time.char_end) for sep in (". ", "\n", "? ", "! ")) if i >= 0),
        default=len(text),
    )
    since = _SINCE.search(text, start, time.char_start)
    if since is not None:
        # 'attempts to kill him since he took office on 14 May': the day opens a period;
        # only an act told in its own clause ('since the murder on 2 May') is of that day
        start = since.start()
    return bool(_TELLS_OF_AN_ACT.search(text, start, end))


#: 'since' opening the clause of a day, with no comma or semicolon between.
_SINCE = re.compile(r"\bSINCE\b[^,;]*$", re.IGNORECASE)


def _days_written_with_year(timexes: Iterable[TimeSpan]) -> frozenset[dt.date]:
    """The days an article writes out with their year ('on 24 March 1980')."""
    return frozenset(
        t.start
        for t in timexes
        if t.start is not None
        and t.start == t.end
        and re.search(rf"\b{t.start.year}\b", t.text)  # not a clock time ('2200 on 8 May')
    )


#: 'between the night of 4 May and early 5 May': only a few words (no comma, number or
#: sentence end) after the 'and' before the second day.
_AND_THEN = re.compile(r"\s+AND\s+(?:[A-Z]+\s+){0,3}", re.IGNORECASE)
_BETWEEN = re.compile(r"\bBETWEEN\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


#: 'late last night and early this morning': a night told together with the morning after.
_NIGHT_INTO_MORNING = re.compile(r"\bNIGHT\b.* AND (?:EARLY|IN THE EARLY)\b", re.IGNORECASE)
#: 'two different raids, one late at night and one early the next morning': one act each day.
_TOLD_APART_ACTS = re.compile(r"\b(?:SEPARATE|DIFFERENT)\b", re.IGNORECASE)


def _night_told_between_two_days(
    template: MucTemplate, told: Sequence[EventMention], report: ArticleReport
) -> None:
    """An incident told 'between' one day and the next ('between the night of 4 May and
    early 5 May', 'between 2100 on 4 May and 0200 5 May') spans both: the date is the range
    of the two days (part1 7.3), not the one of them the incident's time was read from. So
    is one told in a night and the morning after ('late last night and early this morning'),
    unless the text tells separate acts."""
    date = template.slot(2)
    parsed = parse_muc_date(date.fillers[0].value) if date.fillers else None
    if parsed is None or not parsed.simple:
        return
    text = report.article.text
    for event in told:
        time = event.time
        if time is None or time.char_start is None or time.char_end is None:
            continue
        if time.start != parsed.high or time.end != parsed.high:
            continue
        for other in report.timexes:
            if other.start is None or other.start != other.end or other.char_start is None:
                continue
            first, second = (time, other) if other.char_start > time.char_start else (other, time)
            if (
                first.char_start is None
                or first.char_end is None
                or second.char_start is None
                or first.start is None
                or second.start is None
                or (second.start - first.start).days != 1
                or not _AND_THEN.fullmatch(text[first.char_end : second.char_start])
            ):
                continue
            before = text[max(0, first.char_start - 30) : first.char_start]
            if (
                _BETWEEN.search(before)
                or first.text.upper().startswith("BETWEEN ")
                or (
                    _NIGHT_INTO_MORNING.search(f"{first.text} AND {second.text}")
                    and not _TOLD_APART_ACTS.search(
                        text, max(0, first.char_start - 60), first.char_start
                    )
                )
            ):
                span = f"{format_muc_date(first.start)} - {format_muc_date(second.start)}"
                template.slots[2] = _one(span)
                return


def _no_day_taken_from_another(
    templates: Sequence[MucTemplate],
    dated_by_the_day_told: Mapping[int, tuple[SlotFill, SlotFill]],
) -> None:
    """An incident told without a day that took the one day the article writes (see
    :func:`_date_by_the_one_day_told`) keeps its default date when that day is the day of
    another incident the article dates by its own time: the day is that incident's ('a bomb
    went off on 3 May ... rebels also burned a bus'), not one more act's. Done once the
    templates are joined, which the day told may still join."""
    own_days = {
        day.high
        for t in templates
        if id(t) not in dated_by_the_day_told
        and t.slot(2).fillers
        and (day := parse_muc_date(t.slot(2).fillers[0].value)) is not None
        and day.simple
    }
    for template in templates:
        default, taken = dated_by_the_day_told.get(id(template), (None, None))
        if default is None or template.slot(2) is not taken or not taken.fillers:
            continue  # not dated by the day told, or dated since by a joined template
        day = parse_muc_date(taken.fillers[0].value)
        if day is not None and day.simple and day.high in own_days:
            template.slots[2] = default


def _no_vague_period_from_another_act(
    template: MucTemplate, told: Sequence[EventMention], published: dt.date | None
) -> None:
    """An incident dated by a period that is no count of days ('a few days ago', 'last
    week') told from another act, carried over from the act told before it ('a bomb went
    off a few days ago ... the rebels also burned a bus') or counted from one ('a few days
    after the massacre'), is dated by default as it would be told from the report (part1
    7.3; see :func:`_vague_relative`), not by the period's range. Done once the templates
    are joined, which the range may still join."""
    date = template.slot(2)
    parsed = parse_muc_date(date.fillers[0].value) if date.fillers else None
    if published is None or parsed is None or parsed.low is None or parsed.simple:
        return
    for event in told:
        time = event.time
        if (
            time is not None
            and (time.anchor or "").startswith("event:")
            and time.start == parsed.low
            and _vague_relative(time.model_copy(update={"anchor": "publication"}))
        ):
            template.slots[2] = _one(f"- {format_muc_date(published)}")
            return


def _no_day_of_its_own(time: TimeSpan | None) -> bool:
    """An incident told with no time, or only bounded by the day of a report or a reaction
    ('condemned today the murder'): not a weekday nor a period, which part1 section 7.3
    dates by default whatever else the article tells."""
    return time is None or time.start is None or time.mod == "BEFORE"


def _date_by_the_one_day_told(
    template: MucTemplate,
    written_days: frozenset[dt.date],
    days_with_year: frozenset[dt.date] = frozenset(),
    days_of_its_kind: frozenset[dt.date] | None = None,
) -> None:
    """An incident dated only 'on or before' a day ('- 20 MAY 89': the report's bound or the
    dateline) in an article that writes out one earlier day and no other ('the mayor was shot
    on 3 May') is of that day: part1 section 7.3 asks for the best known
    absolute date, and the one day the article tells before the bound is the day of the
    incident it reports. Done after merging, so that mentions dated only by default still
    join the incident's dated ones. A day more than two months before the bound is history
    (part1 1.0 rule 6), not the incident's, unless the article writes its year ('on 24
    March 1980'): a bare '15 November' read as last year's is more often a day to come.
    Where the article writes several such days, the one told in a clause of an act of the
    incident's type (``days_of_its_kind``: 'kidnapped him on 4 May' for a kidnapping) is
    its day."""
    date = template.slot(2)
    parsed = parse_muc_date(date.fillers[0].value) if date.fillers else None
    if parsed is None or not parsed.default_looking:
        return
    earlier = {
        day
        for day in written_days
        if day < parsed.high and (day >= parsed.high - _RECENT or day in days_with_year)
    }
    if len(earlier) > 1 and days_of_its_kind is not None:
        # several days told of acts: the one told in a clause of an act of its type
        earlier &= days_of_its_kind
    if len(earlier) == 1:
        template.slots[2] = _one(format_muc_date(next(iter(earlier))))


#: Words that say an attack hurt no one.
_NO_CASUALTIES = re.compile(
    r"\bNO (?:HUMAN )?(?:CASUALTIES|INJURIES|DEATHS|VICTIMS|FATALITIES)\b|"
    r"\b(?:NO ONE|NOBODY|NOT A SINGLE PERSON) WAS (?:HURT|INJURED|KILLED|WOUNDED)\b|"
    r"\b(?:(?:WITHOUT|DID NOT) (?:CAUS\w*|INFLICT\w*|RESULT\w* IN|LEAV\w*)|CAUSED NO|LEFT NO) "
    r"(?:ANY )?(?:CASUALTIES|INJURIES|VICTIMS|DEATHS)\b"
)


#: Words that say an attack wounded no one, and say nothing of deaths ('no one was hurt'
#: tells of any harm).
_NO_INJURIES = re.compile(
    r"\bNO INJURIES\b|"
    r"\b(?:NO ONE|NOBODY|NOT A SINGLE PERSON) WAS (?:INJURED|WOUNDED)\b(?! OR)|"
    r"\b(?:(?:WITHOUT|DID NOT) (?:CAUS\w*|INFLICT\w*|RESULT\w* IN|LEAV\w*)|CAUSED NO|LEFT NO) "
    r"(?:ANY )?INJURIES\b"
)


def _drop_harms_of_no_one_told_of_a_victim(template: MucTemplate) -> None:
    """A harm tagged with no one ('DEATH: -', from a report that named no victim) goes when
    the incident's victims are told to have suffered it: they are those it counted."""
    fillers = template.slot(23).fillers
    told = {f.value for f in fillers if f.xref and f.xref[0] != "-"}
    kept = [f for f in fillers if not (f.xref and f.xref[0] == "-" and f.value in told)]
    if len(kept) < len(fillers):
        template.slots[23] = SlotFill(fillers=kept)


def _fill_set(template: MucTemplate, slot: int) -> set[str]:
    return {_filler_text(slot, f) for f in template.slot(slot).fillers}


def _fill_no_casualties(template: MucTemplate, sentences: str) -> None:
    """HUM TGT: EFFECT OF INCIDENT when the text told of the incident says it hurt no one
    ('there were no casualties'): NO INJURY OR DEATH (part2, slot 23), or NO INJURY when it
    only says no one was wounded ('nobody was injured'), of its human targets or, with
    none, of no one in particular."""
    if template.slot(23).fillers or template.slot(23).inapplicable:
        return
    if _fill_set(template, 5) == {"THREATENED"} or _fill_set(template, 4) == {"KIDNAPPING"}:
        return
    if not _NO_CASUALTIES.search(sentences):
        return
    people = [f.xref[0] for f in template.slot(20).fillers if f.xref] or ["-"]
    # 'nobody was injured' denies only wounds, not deaths: NO INJURY
    told_of_all = _NO_CASUALTIES.search(_NO_INJURIES.sub("", sentences))
    spared = "NO INJURY OR DEATH" if told_of_all else "NO INJURY"
    template.slots[23] = SlotFill(fillers=[Filler((spared,), (p,)) for p in people])


def _drop_repeated_physical_targets(template: MucTemplate) -> None:
    """One physical target named twice ('the northern oil pipeline' ... 'the pipeline') is
    one filler (part2, slot 12): a fill that is a part of another with the same head noun
    goes, with the fills of slots 13-16 that refer to it."""
    texts = [f.value for f in template.slot(12).fillers]
    repeated = {
        text
        for text in texts
        for other in texts
        if other != text
        and (_names_one_target(text, other) or _names_one_target_more_briefly(text, other))
    }
    _drop_physical_targets(template, repeated)


def _drop_targets_told_by_an_acronym_too(template: MucTemplate, text: str) -> None:
    """'The offices of the Workers Federation (FETRA)' ... 'the FETRA offices': a thing told
    once with its owner's name and once with the acronym the text gives that name in
    brackets is one filler (part2, slot 12); the fill with the acronym stays."""
    texts = [f.value for f in template.slot(12).fillers]
    told = normalize_fill(text)
    repeated: set[str] = set()
    for full in texts:
        tokens = _tokens(full)
        if "OF" not in tokens[1:]:
            continue
        owner = tokens[tokens.index("OF") + 1 :]
        while len(owner) > 1 and owner[0] in _LEADING_NONESSENTIAL:
            owner = owner[1:]
        name = r"\W+".join(re.escape(w) for w in owner)
        for short in texts:
            words = _tokens(short)
            if len(words) != 2 or words[1] != _head(tokens) or words[0] in owner:
                continue
            acronym = re.escape(words[0])
            # 'the Workers Federation (FETRA)', or 'FETRA [Workers Federation]'
            if re.search(rf"\b{name}\s*[(\[]\s*{acronym}\s*[)\]]", told) or re.search(
                rf"\b{acronym}\s*[(\[]\s*{name}\s*[)\]]", told
            ):
                repeated.add(full)
    _drop_physical_targets(template, repeated)


#: Head nouns of a whole network of lines ('the power grid', 'the electrical system').
_NETWORK_HEADS = frozenset({"SYSTEM", "SYSTEMS", "GRID", "GRIDS", "NETWORK", "NETWORKS"})
#: Head nouns of the things that carry a network's lines.
_LINE_CARRIER_HEADS = frozenset(
    {"TOWER", "TOWERS", "PYLON", "PYLONS", "POLE", "POLES", "POST", "POSTS", "LINE", "LINES"}
)


def _drop_networks_told_with_their_parts(template: MucTemplate) -> None:
    """'Rebels blew up pylons, cutting off the power grid': beside the towers or lines hit,
    the network they belong to is what the attack affected, not a target of its own (part2,
    slot 12)."""
    heads = {f.value: _head(_tokens(f.value) or [""]) for f in template.slot(12).fillers}
    if any(head in _LINE_CARRIER_HEADS for head in heads.values()):
        _drop_physical_targets(
            template, {text for text, head in heads.items() if head in _NETWORK_HEADS}
        )


#: Words that name any building, the one told before as much as another.
_ANY_BUILDING = frozenset({"BUILDING", "PREMISES"})


def _drop_the_building_told_again(template: MucTemplate) -> None:
    """'A bomb went off at the Sol hotel ... the building was destroyed': beside one thing
    told by its name, 'the building' is that thing told again, not a target of its own
    (part2, slot 12). Beside things told in the plural ('the stores'), it may be another."""
    texts = [f.value for f in template.slot(12).fillers]
    bare = {t for t in texts if len(_tokens(t)) == 1 and _tokens(t)[0] in _ANY_BUILDING}
    named = [t for t in texts if t not in bare and _tokens(t)]
    if named and not any(_head(_tokens(t)).endswith("S") for t in named):
        _drop_physical_targets(template, bare)


def _drop_physical_targets(template: MucTemplate, texts: set[str]) -> None:
    """Drops the physical targets ``texts`` with the fills of slots 13-16 that refer to them."""
    if not texts:
        return
    for slot in range(12, 17):
        fill = template.slot(slot)
        kept = [
            f
            for f in fill.fillers
            if (f.value if slot == 12 else (f.xref[0] if f.xref else "")) not in texts
        ]
        template.slots[slot] = SlotFill(fillers=kept, inapplicable=fill.inapplicable)


#: The bare words for an explosive that say nothing of its make: 'the bomb', 'the device'.
_BARE_EXPLOSIVE = re.compile(
    r"(?:EXPLOSIVE\s+)?(?:BOMBS?|DEVICES?|CHARGES?|ARTIFACTS?)|EXPLOSIVES?"
)


_BARE_GUN = re.compile(r"RIFLES?|(?:MACHINE[- ]?)?GUNS?|PISTOLS?|REVOLVERS?|WEAPONS?|FIREARMS?")


def _no_bare_weapon_beside_a_named_one(template: MucTemplate) -> None:
    """A story names its explosive once in full and then again by the bare noun ('a car
    bomb exploded ... the bomb'): one weapon, whose fill is the full name. Told only by bare
    words ('a bomb ... the explosive device'), the first word stays. A bare word of another
    noun ('dynamite ... a bomb') may be another device and stays. A bare gun goes beside a
    named gun of its kind ('AK-47s and M-16s ... the rifles')."""
    ids = template.slot(6)
    texts = [f.value for f in ids.fillers]
    bare = [text for text in texts if _BARE_EXPLOSIVE.fullmatch(text)]
    named_heads = {_singular_head(text) for text in texts if text not in bare}
    dropped = {text for text in bare if _singular_head(text) in named_heads}
    bare_guns = [text for text in texts if _BARE_GUN.fullmatch(text)]
    named_guns = {_classify(text, _INSTRUMENT_TYPES) for text in texts if text not in bare_guns}
    dropped |= {text for text in bare_guns if _classify(text, _INSTRUMENT_TYPES) in named_guns}
    dropped |= set([text for text in bare if text not in dropped][1:])
    if not dropped:
        return
    template.slots[6] = SlotFill(
        fillers=[f for f in ids.fillers if f.value not in dropped], inapplicable=ids.inapplicable
    )
    types = template.slot(7)
    template.slots[7] = SlotFill(
        fillers=[f for f in types.fillers if not (f.xref and f.xref[0] in dropped)],
        inapplicable=types.inapplicable,
    )


def _singular_head(text: str) -> str:
    """The last word of a fill without a plural's 'S': 'MEDIUM-SIZED BOMBS' -> 'BOMB'."""
    head = text.split()[-1] if text.split() else ""
    return head[:-1] if head.endswith("S") and not head.endswith("SS") else head


def _no_kind_inferred_beside_a_named_weapon(template: MucTemplate) -> None:
    """A type inferred from the act alone ('the explosion': EXPLOSIVE, 'shot': GUN) goes when
    a named weapon of the incident gives that kind or a kind below it ('a grenade'): the two
    tell of one weapon (part1 7.8)."""
    types = template.slot(7)
    named_kinds = {f.value for f in types.fillers if f.xref}
    kept = [
        f
        for f in types.fillers
        if f.xref or not any(kind == f.value or _is_ancestor(f.value, kind) for kind in named_kinds)
    ]
    template.slots[7] = SlotFill(fillers=kept, inapplicable=types.inapplicable)


def _drop_names_told_in_full_too(template: MucTemplate) -> None:
    """A victim named in part ('Soto Mena') beside the same name told in full ('Luis Soto
    Mena'), as joined reports of one incident give them: one person, whose fill is the
    full name (part2, slot 18); the part goes, with the fills that refer to it."""
    names = [f.value.split() for f in template.slot(18).fillers]
    parts = {
        " ".join(name)
        for name in names
        if any(len(other) > len(name) and _contains(other, name) for other in names)
    }
    if not parts:
        return
    kept = [f for f in template.slot(18).fillers if f.value not in parts]
    template.slots[18] = SlotFill(fillers=kept, inapplicable=template.slot(18).inapplicable)
    _drop_victims(template, parts)


def _drop_groups_of_the_named(template: MucTemplate) -> None:
    """A group whose role in the singular describes named victims of a merged template
    ('peasants' beside 'peasant: A', 'peasant: B') is those victims told again: it goes,
    with the fills of slots 20-23 that refer to it."""
    roles = Counter(f.value for f in template.slot(19).fillers if f.xref)
    counts = {f.xref[0]: f.value for f in template.slot(21).fillers if f.xref}
    # only a group counted as many as the named: a larger one holds others too
    groups = {
        f.value
        for f in template.slot(19).fillers
        if not f.xref and counts.get(f.value) == str(roles.get(_singular_role(f.value) or "", 0))
    }
    if groups:
        _drop_victims(template, groups)
        # the count of the group told is the total of the victims named (part1 7.25)
        totals = {counts[g] for g in groups if counts[g].isdigit() and int(counts[g]) > 1}
        if len(totals) == 1:
            template.slots[24] = SlotFill(fillers=[Filler((totals.pop(),))])


#: Plural nouns that tell people whatever their role: 'two persons', 'three men'.
_PEOPLE_NOUNS = frozenset({"PEOPLE", "PERSONS", "MEN", "WOMEN", "CHILDREN", "VICTIMS", "BODIES"})
#: A count of the victims told without a noun: 'the two were shot', 'the three of them'.
_THE_COUNTED = r"\bTHE\s+(?:{})\s+(?:WERE|WHO|HAD|HAVE|ARE|OF\s+THEM)\b"


def _groups_counted(templates: Sequence[MucTemplate]) -> set[str]:
    """The last words of the groups the templates count ('2: "CIVILIANS"' -> 'CIVILIANS')."""
    counts = {f.xref[0]: f.value for t in templates for f in t.slot(21).fillers if f.xref}
    return {
        f.value.split()[-1]
        for t in templates
        for f in t.slot(19).fillers
        if not f.xref and f.value and counts.get(f.value, "").isdigit()
    }


def _number_as_written(number: int) -> str:
    """A pattern of the ways a count is written: '2|TWO'."""
    return "|".join([str(number), *(w for w, n in _NUMBER_WORDS.items() if n == number)])


def _total_told_of_the_named(template: MucTemplate, sentences: str, elsewhere: set[str]) -> None:
    """Victims told one by one whom the act's sentences also count ('the two journalists,
    A and B, were shot'; 'both were found dead'; 'gunmen kidnapped three Italians'): that
    count is the total of human targets (part1 7.25). Only a count as large as the victims
    told, of a noun of people no other incident of the article counts as its victims
    ('a woman and a girl were hurt ... two civilians were wounded elsewhere')."""
    if template.slot(24).fillers:
        return
    counts = [f.value for f in template.slot(21).fillers]
    if not 2 <= len(counts) <= max(_NUMBER_WORDS.values()) or any(c != "1" for c in counts):
        return
    number = len(counts)
    said = _number_as_written(number)
    roles = {f.value.split()[-1] + "S" for f in template.slot(19).fillers if f.xref and f.value}
    nouns = _PEOPLE_NOUNS | roles

    def of_people(noun: str) -> bool:
        # plural ('two police checkpoints' counts no police); 'Europeans': people of a place
        plural = noun in _PEOPLE_NOUNS or noun.endswith("S")
        return plural and (noun in nouns or noun.endswith("ANS")) and noun not in elsewhere

    counted = re.compile(rf"\b(?:{said})\s+(?:[A-Z'-]+\s+){{0,3}}?([A-Z]+)\b")
    if (
        any(of_people(m.group(1)) for m in counted.finditer(sentences))
        or re.search(_THE_COUNTED.format(said), sentences)
        or (number == 2 and re.search(r"\bBOTH\b", sentences))
    ):
        template.slots[24] = SlotFill(fillers=[Filler((str(number),))])


_COUNT = re.compile(r"^(~?)(\d+)(-?)$")


def _total_of_a_group_including_others(template: MucTemplate, sentences: str) -> None:
    """'Four people, including a child, were hurt': a group counted, told with victims of
    its own beside it, is the total of human targets (part1 7.25), as counted ('at least
    five' -> '5-')."""
    if template.slot(24).fillers:
        return
    counts = {f.xref[0]: f.value for f in template.slot(21).fillers if f.xref}
    groups = [v for v, c in counts.items() if c != "1"]
    if len(counts) < 2 or len(groups) != 1:
        return
    match = _COUNT.match(counts[groups[0]])
    if match is None or int(match.group(2)) < 2:
        return
    number = int(match.group(2))
    said = _number_as_written(number)
    head = re.escape(groups[0].split()[-1])
    including = re.compile(
        rf"\b(?:{said})\s+(?:[A-Z'-]+\s+){{0,3}}?{head}\s*,?\s+(?:INCLUDING|AMONG\s+(?:THEM|WHOM))\b"
    )
    if including.search(sentences):
        template.slots[24] = SlotFill(fillers=[Filler((counts[groups[0]],))])


def _total_only_beside_many_victims(template: MucTemplate) -> None:
    """The total of human targets says something only of two victims or more, each told
    with a number of its own (part1 7.25): one total kept, and only as large as the
    victims counted or as the one group counted that holds the others, else none."""
    total = template.slot(24).fillers
    if not total:
        return
    counts = [f.value for f in template.slot(21).fillers]
    if (
        len(total) != 1
        or len(counts) < 2
        or (
            total[0].value not in counts
            and (
                not all(c.isdigit() for c in counts) or sum(map(int, counts)) != int(total[0].value)
            )
        )
    ):
        template.slots[24] = SlotFill()


def _drop_victims(template: MucTemplate, victims: set[str]) -> None:
    """Drops the victims of slot 19 named in ``victims`` with every fill of slots 19-23
    that refers to one of them."""
    for slot in range(19, 24):
        fill = template.slot(slot)
        kept = [
            f
            for f in fill.fillers
            if (f.value if slot == 19 and not f.xref else (f.xref[0] if f.xref else ""))
            not in victims
        ]
        template.slots[slot] = SlotFill(fillers=kept, inapplicable=fill.inapplicable)


def _drop_a_person_told_again(template: MucTemplate) -> None:
    """'The attack left one person injured ... the charges injured a passerby': a victim told
    only as 'a person' beside another single unnamed victim harmed alike is that victim told
    first; it goes, with the fills of slots 20-23 that refer to it. A named victim is kept
    apart ('a gunman killed one person ... X was assassinated': two people)."""
    counts = {f.xref[0]: f.value for f in template.slot(21).fillers if f.xref}
    effects = {f.xref[0]: f.value for f in template.slot(23).fillers if f.xref}
    victims = [f.value for f in template.slot(19).fillers if not f.xref]
    bare = [v for v in victims if _says_only_a_person(v) and counts.get(v) == "1"]
    if len(bare) != 1:
        return
    others = [v for v in victims if v != bare[0]]
    if not any(
        counts.get(v, "1") == "1" and effects.get(v) == effects.get(bare[0]) for v in others
    ):
        return
    _drop_victims(template, {bare[0]})


def _describe_by_the_role_told_apart(template: MucTemplate, text: str) -> None:
    """One victim named with no role of his own and one victim told only by a role, in
    sentences of their own ('a former law student was found murdered ... the body of A'):
    the report tells one person twice, and the role is the named one's description (part2,
    slot 19), his type the role's. Not when one sentence tells both ('A and a judge were
    killed'): those are two."""
    described = {f.xref[0] for f in template.slot(19).fillers if f.xref}
    bare = [f.value for f in template.slot(18).fillers if f.value not in described]
    roles = [
        f.value
        for f in template.slot(19).fillers
        if not f.xref
        and _count(f.value) == "1"
        and _PERSON_ROLE.fullmatch(f.value.split()[-1] if f.value else "")
    ]
    if len(bare) != 1 or len(roles) != 1:
        return
    name, role = bare[0], roles[0]
    upper = text.upper()
    named = {
        _sentence_bounds(upper, m.start(), m.end())
        for m in re.finditer(rf"\b{re.escape(name.split()[-1])}\b", upper)
    }
    told = list(re.finditer(rf"\b{re.escape(role)}\b", upper))
    if not named or not told:
        return
    if any(_sentence_bounds(upper, m.start(), m.end()) in named for m in told):
        return
    template.slots[19] = SlotFill(
        fillers=[
            Filler((role,), (name,)) if f.value == role and not f.xref else f
            for f in template.slot(19).fillers
        ],
        inapplicable=template.slot(19).inapplicable,
    )
    for slot in (20, 21, 22, 23):
        fillers = template.slot(slot).fillers
        own = [f for f in fillers if f.xref == (name,)]
        # the role tells his type better than the name does; any other fill is his own
        keep_role = slot == 20 or not own
        template.slots[slot] = SlotFill(
            fillers=[
                Filler(f.alternatives, (name,), f.optional) if f.xref == (role,) else f
                for f in fillers
                if (f.xref != (role,) or keep_role) and (f.xref != (name,) or not keep_role)
            ],
            inapplicable=template.slot(slot).inapplicable,
        )


def _drop_bystanders_as_doers(template: MucTemplate) -> None:
    """'The body was found by residents of the area': people an act harms or who look on
    ('HOSTAGES', 'HIS SON') are no doers' description (part2, slot 9). Dropped once
    the incidents are told apart, as the misread part still tells its event from others."""
    fills = template.slot(9).fillers
    kept = [f for f in fills if not set(f.value.split()[-1:]) & _NO_DOER_HEADS]
    if len(kept) != len(fills):
        template.slots[9] = SlotFill(fillers=kept)


# Nouns that name the doers only by the act they did ('the attackers', 'the kidnappers'):
# told after a description of them, they refer back to it.
_DOERS_BY_THE_ACT = frozenset(
    ["ATTACKERS", "ASSAILANTS", "KIDNAPPERS", "ABDUCTORS", "KILLERS", "ASSASSINS", "MURDERERS"]
)


def _describes_people(text: str) -> bool:
    """Whether a fill describes doers rather than names one: a doer noun in it ('SEVERAL
    HOODED MEN', 'COLOMBIAN GUERRILLAS') or a count before it ('16 SUSPECTS')."""
    return bool(set(text.split()) & _GENERIC_PERPETRATOR_HEADS) or bool(_QUANTITY.match(text))


def _drop_doers_told_again_by_the_act(template: MucTemplate) -> None:
    """'A group of armed men kidnapped the mayor ... the kidnappers freed him': a bare noun
    that names the doers by their act ('KIDNAPPERS', 'THE ATTACKERS') after a description
    of them refers back to the people described, not to more of them (part2, slot 9: one
    filler per perpetrator). A named man before it is no description: the attackers may be
    his companions."""
    fills = template.slot(9).fillers
    kept: list[Filler] = []
    for filler in fills:
        if filler.value in _DOERS_BY_THE_ACT and any(_describes_people(k.value) for k in kept):
            continue
        kept.append(filler)
    if len(kept) != len(fills):
        template.slots[9] = SlotFill(fillers=kept)


# Head nouns that all name irregular fighters: the 'guerrillas' and the 'rebels' of one act
# are the same people, whatever the word.
_FIGHTER_HEADS = frozenset(
    [
        "GUERRILLAS",
        "GUERRILLA",
        "GUERILLAS",
        "REBELS",
        "REBEL",
        "INSURGENTS",
        "SUBVERSIVES",
        "FIGHTERS",
    ]
)


def _one_description_of_the_fighters(template: MucTemplate) -> None:
    """'Urban guerrillas attacked the post ... the rebels fled': of the doers' descriptions
    headed by a word for irregular fighters, the first stays and the others, which tell the
    same people again, go (part2, slot 9: one filler per perpetrator), also once the
    templates of one incident are joined."""
    fills = template.slot(9).fillers
    kept: list[Filler] = []
    for filler in fills:
        if _names_fighters(filler.value) and any(_names_fighters(k.value) for k in kept):
            continue
        kept.append(filler)
    if len(kept) != len(fills):
        template.slots[9] = SlotFill(fillers=kept)


def _one_description_of_the_doers(template: MucTemplate, text: str) -> None:
    """'Three gunmen stopped the bus ... the armed men fled': a description of doers the
    report only ever tells with the definite article, after another description of them,
    refers back to the people described first, not to more of them (part2, slot 9: one
    filler per perpetrator). Named people and 'members' of a body are left aside."""
    fills = template.slot(9).fillers
    kept: list[Filler] = []
    for filler in fills:
        if (
            _only_describes_doers(filler.value)
            and any(_only_describes_doers(k.value) for k in kept)
            and _only_told_as_known(filler.value, text)
        ):
            continue
        kept.append(filler)
    if len(kept) != len(fills):
        template.slots[9] = SlotFill(fillers=kept)


def _only_describes_doers(text: str) -> bool:
    """Whether a fill only describes doers: 'members' are told by the body they belong
    to, which may be a second group beside the described one."""
    return _describes_people(text) and "MEMBERS" not in text.split()


# Determiners that tell people already spoken of ('the men', 'these individuals').
_KNOWN_DETERMINER = re.compile(r"\b(?:THE|THESE|THOSE)\s+$")


def _only_told_as_known(description: str, text: str) -> bool:
    """Whether the text tells ``description`` only after 'the', 'these' or 'those'."""
    written = _fill_string(text)
    told = list(re.finditer(rf"\b{re.escape(description)}\b", written))
    return bool(told) and all(
        _KNOWN_DETERMINER.search(written[max(0, m.start() - 8) : m.start()]) for m in told
    )


def _names_fighters(text: str) -> bool:
    """Whether a description's head (its last word) is a word for irregular fighters."""
    words = text.split()
    return bool(words) and words[-1] in _FIGHTER_HEADS


def _names_one_target(short: str, long: str) -> bool:
    """Whether ``short`` repeats a part of ``long`` that ends in its head noun ('pipeline'
    of 'northern oil pipeline', 'residence' of 'residence of the ambassador'); an owner told
    in the possessive is left aside ('the daily's office' repeats 'the office of the daily')."""
    inner, outer = _tokens(_POSSESSIVE_OWNER.sub("", short)), _tokens(long)
    if not inner or len(inner) >= len(outer) or not _contains(outer, inner):
        return False
    return _head(inner) == _head(outer)


def _names_one_target_more_briefly(short: str, long: str) -> bool:
    """Whether ``short`` tells the thing of ``long`` with words left out between its own:
    its words in order with one head ('the Pacific pipeline' of 'the Pacific oil
    pipeline', 'the offices of the daily El Sol' of 'the offices of the Lima daily El
    Sol'). A single word is left to ``_names_one_target``."""
    inner, outer = _tokens(short), _tokens(long)
    if len(inner) < 2 or len(inner) >= len(outer):
        return False
    return _head(inner) == _head(outer) and _in_order(inner, outer)


def _in_order(inner: list[str], outer: list[str]) -> bool:
    """Whether the words of ``inner`` occur in ``outer`` in the same order."""
    rest = iter(outer)
    return all(word in rest for word in inner)


def _head(tokens: list[str]) -> str:
    """The head noun of a fill: the word before its first 'of', else its last word."""
    return tokens[tokens.index("OF") - 1] if "OF" in tokens[1:] else tokens[-1]


def _only_doers(template: MucTemplate) -> bool:
    """A template that says only that someone ('terrorists', or a group: 'the Front has
    stepped up its attacks') did something, with no target, no date of its own and no
    place below the country: a mention of attacks in general, not a specific incident
    (part1 1.0)."""
    if any(template.slot(s).fillers for s in (12, 18, 19)):
        return False
    return not _has_specific_date_or_place(template)


def _only_a_group(template: MucTemplate) -> bool:
    """'The Front attacked on 10 March': a group alone, with no one of its own who did it, no
    target and no place below the country, tells of the group's campaign on that day, not
    of an incident one could locate (part1 1.0); an individual doer, a target or a town
    makes it one."""
    if any(template.slot(s).fillers for s in (9, 12, 18, 19)):
        return False
    place = template.slot(3).fillers
    return not place or not parse_muc_location(place[0].value).places


#: A toll of this many people or more, with no day or place of its own, sums up incidents.
_SUMMARY_TOLL = 100


def _summary_toll(template: MucTemplate, told: Sequence[EventMention] = ()) -> bool:
    """'2,000 people have been killed', 'nearly 1,500 people were killed in clashes in
    1988': a toll of a hundred or more people, described but not named, with no physical
    target and no day or place of its own, sums up many incidents; it is no specific
    incident (part1 1.0, point 7)."""
    if template.slot(18).fillers or template.slot(12).fillers:
        return False
    if _has_specific_date_or_place(template):
        return False
    counts = [int(n) for f in template.slot(21).fillers for n in re.findall(r"\d+", f.value)]
    # a count told as a bound ('more than 70,000 people') is in the events' tolls
    counts += [q.min for e in told for q in (e.fatalities, e.injuries) if q and q.min]
    return bool(counts) and max(counts) >= _SUMMARY_TOLL


#: Harm told in the perfect: 'have been killed', 'has been murdered', 'who have been kidnapped'.
_PERFECT_HARM = re.compile(
    r"\b(?:HAVE|HAS)\s+(?:\w+\s+)?BEEN\s+(?:\w+\s+)?(?:KILLED|MURDERED|KIDNAPPED|ABDUCTED|"
    r"ASSASSINATED|MASSACRED|WOUNDED|INJURED|SLAIN|EXECUTED|DISAPPEARED|ATTACKED)\b"
)
#: The period a count runs over ('this year', 'in less than a month', 'over the last six
#: weeks', 'so far', 'since'), or a count of many ('hundreds of').
_TALLY_PERIOD = re.compile(
    r"\b(?:THIS|LAST|PAST) (?:YEAR|MONTH|DECADE)\b|\bSO FAR\b|\bTO DATE\b|\bSINCE\b|"
    r"\b(?:OVER|IN|DURING|WITHIN) (?:THE )?(?:LAST|PAST|RECENT)\b|"
    r"\bIN (?:LESS|MORE) THAN (?:A|ONE|\w+) (?:WEEK|MONTH|YEAR)S?\b|"
    r"\b(?:HUNDREDS|THOUSANDS|DOZENS) OF\b|\bTOTAL\b"
)


#: A date range at least this long is the period of a tally ('since January'), not the days
#: of one incident.
_TALLY_SPAN = dt.timedelta(days=7)


def _counts_harm_so_far(template: MucTemplate, sentences: Sequence[str]) -> bool:
    """'More than 40 peasants have been murdered this year', 'hundreds of people have been
    killed, including judges': people described, not named, and no building, harmed in the
    perfect over a period, with no day or place of their own, are a tally of many incidents,
    no specific one (part1 1.0). Each sentence the template is told in must be such a tally:
    one that tells an act ('two leaders were killed near the town') makes it an incident, and
    so do the people told as the doers ('have been kidnapped by two men'): what they did is
    told, if not when."""
    if template.slot(18).fillers or template.slot(12).fillers or not template.slot(19).fillers:
        return False
    if template.slot(9).fillers:
        return False
    place = template.slot(3).fillers
    if place and parse_muc_location(place[0].value).places:
        return False
    date = template.slot(2).fillers
    day = parse_muc_date(date[0].value) if date else None
    if day is not None and day.low is not None and day.high - day.low < _TALLY_SPAN:
        return False  # a day of its own, or a few ('on 3 and 4 May')
    return bool(sentences) and all(
        _PERFECT_HARM.search(text) is not None and _TALLY_PERIOD.search(text) is not None
        for text in sentences
    )


#: A counted period of weeks or more before the report: 'over the past three weeks', 'during
#: the last 6 months', 'in only two months'.
_COUNTED_PERIOD = re.compile(
    r"\b(?:OVER|DURING|IN|WITHIN) (?:THE (?:LAST|PAST)|ONLY) "
    r"(?:\d+|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|TWELVE|SEVERAL) (?:WEEKS|MONTHS)\b"
)


def _counts_acts_over_weeks(template: MucTemplate, sentences: Sequence[str]) -> bool:
    """'Five judges have been killed by hired gunmen during the last six months', 'the
    cartels have carried out over 30 bomb attacks over the past three weeks': acts counted
    over a period of weeks are a tally of many incidents, no specific one (part1 1.0), even
    with their doers and town told. Each sentence the template is told in must count over
    such a period, and a victim named makes it the account of one act."""
    if template.slot(18).fillers:
        return False
    date = template.slot(2).fillers
    day = parse_muc_date(date[0].value) if date else None
    if day is not None and day.low is not None and day.high - day.low < _TALLY_SPAN:
        return False  # a day of its own
    return bool(sentences) and all(_COUNTED_PERIOD.search(text) for text in sentences)


#: Slots of which a template must fill one: perpetrators and targets.
_CONTENT_SLOTS = (9, 10, 12, 18, 19)


def _main_country(places: Sequence[Place], text: str = "") -> str | None:
    """The fallback location of an incident without a place: the country of the dateline's
    place when the article names it again in its body (a report from where it happened),
    else the country the article mentions most (its places' countries, weighted by their
    mentions). The dateline's own mentions ('CITY (COUNTRY), date') are not a naming
    again: they say where the report was filed, not what it is about."""
    from threatline.geo import dateline_place_end  # only MUC-4 location fills need it

    dateline_end = dateline_place_end(text) if text else None
    weights: dict[str, int] = {}
    body: dict[str, int] = {}  # the same, without the mentions in the dateline
    for place in places:
        if place.country:
            weights[place.country] = weights.get(place.country, 0) + max(1, len(place.mentions))
            body[place.country] = body.get(place.country, 0) + sum(
                1 for start, _ in place.mentions if dateline_end is None or start >= dateline_end
            )
    if not weights:
        return None
    if dateline_end is not None:
        home = next(
            (
                p.country
                for p in places
                if p.country and any(start < dateline_end for start, _ in p.mentions)
            ),
            None,
        )
        if home is not None and body[home] > 0:
            return _country_name(home)
    return _country_name(max(weights, key=lambda code: weights[code]))


def _same_incident(a: MucTemplate, b: MucTemplate, home_country: str | None = None) -> bool:
    """Whether two templates of one message are one incident (part1 section 5.0): same
    type and stage, no different date or location (a default date or a bare country is
    compatible with a more precise one), and a common target unless one names none.

    ``home_country``: the country the message reports from (:func:`_main_country`)."""
    types = {_filler_text(4, f) for t in (a, b) for f in t.slot(4).fillers}
    if types == {"ATTACK", "ROBBERY"}:
        # 'robbed a trader ... they shot him': harm done in the course of a robbery on the
        # same person or thing, day and place is part of the robbery
        return (
            _compatible_dates(a.slot(2), b.slot(2))
            and _compatible_locations(a.slot(3), b.slot(3))
            and bool(_target_fills(a, (12, 18, 19)) & _target_fills(b, (12, 18, 19)))
        )
    if {_filler_text(4, f) for f in a.slot(4).fillers} != {
        _filler_text(4, f) for f in b.slot(4).fillers
    }:
        return False
    if {_filler_text(5, f) for f in a.slot(5).fillers} != {
        _filler_text(5, f) for f in b.slot(5).fillers
    } and not _one_act_on_a_named_victim(a, b):
        return False
    if _share_a_named_victim(a, b):
        # One person is killed or kidnapped once: a second date or place that a report
        # gives for the same act (a misread place, the day it became known) is no second
        # incident.
        return True
    if _at_home_and_abroad(a, b, home_country) and (
        _one_group_on_one_day(a, b) or _one_group_on_one_target(a, b)
    ):
        # One group's attack on one day, told at home and in a far country: a name read as
        # a town abroad (a bank's 'Liberty branch'), not the group's attacks in two lands.
        return True
    if not _days_and_places_agree(a, b):
        return False
    if types == {"ROBBERY"} and _target_fills(a, (9, 10)) & _target_fills(b, (9, 10)):
        return True  # one band robbing a bank and then the stores of a town: one raid
    if _same_day_and_place(a, b) or not _told_apart(a, b):
        return True  # one place and day, or nothing to tell them apart: one incident
    # Reports often give no date or place to tell two attacks apart (part1 5.0): attacks on
    # different targets of one kind (things, people) are then different incidents; one
    # without such a target may complete the other ('the blast also killed the mayor').
    if _one_band_described(a, b):
        return True  # the same band told by its own long description: one act on all
    if _only_companions(a, b) or _only_companions(b, a):
        return True  # 'one of his bodyguards was also killed': those beside the one named
    for slots in ((12,), (18, 19)):
        targets_a, targets_b = _target_fills(a, slots), _target_fills(b, slots)
        if targets_a and targets_b and not _a_common_target(targets_a, targets_b):
            return False
    return True


def _drop_people_told_again(template: MucTemplate) -> None:
    """'Six people were wounded ... the six wounded passers-by': victims told only as people
    beside another group of unnamed victims of the same count harmed alike are that group
    told first; they go, with the fills of slots 20-23 that refer to them."""
    victims = [f.value for f in template.slot(19).fillers if not f.xref]
    # a description given twice ('the dead' and 'the wounded' people) is two victims: each
    # has its own count and harm, in the order the two were written
    counts = _fill_of_each_victim(template, 21, victims)
    effects = _fill_of_each_victim(template, 23, victims)
    told_again = {
        (v, n)
        for v, n in counts
        if _tokens(v)[-1:] in (["PEOPLE"], ["PERSONS"])
        and counts[v, n].isdigit()
        and counts[v, n] != "1"
        and any(
            o != v
            and _tokens(o)[-1:] not in (["PEOPLE"], ["PERSONS"])
            and counts[o, m] == counts[v, n]
            and effects.get((o, m)) == effects.get((v, n))
            for o, m in counts
        )
    }
    once = {v for v, _ in told_again if victims.count(v) == 1}
    if once:
        _drop_victims(template, once)
    for victim, n in sorted(told_again, reverse=True):
        if victim not in once:
            _drop_one_of_twins(template, victim, n)


def _fill_of_each_victim(
    template: MucTemplate, slot: int, victims: Sequence[str]
) -> dict[tuple[str, int], str]:
    """The fill of a slot for each unnamed victim, keyed by its description and, for one
    given twice, which of the two it is: the fills referring to a description given
    twice go to its victims in turn; a description given once takes its last fill."""
    fills: dict[tuple[str, int], str] = {}
    seen: Counter[str] = Counter()
    for f in template.slot(slot).fillers:
        if not f.xref or f.xref[0] not in victims:
            continue
        victim = f.xref[0]
        n = min(seen[victim], victims.count(victim) - 1)
        seen[victim] += 1
        fills[victim, n] = f.value
    return fills


def _drop_one_of_twins(template: MucTemplate, victim: str, n: int) -> None:
    """Drops the ``n``-th of the victims a description given twice tells, with its fills
    of slots 20-23 (the ``n``-th of each that refers to it)."""
    for slot in range(19, 24):
        fill = template.slot(slot)
        kept, seen = [], 0
        for f in fill.fillers:
            told = f.value if slot == 19 and not f.xref else (f.xref[0] if f.xref else "")
            if told == victim and not (slot == 19 and f.xref):
                seen += 1
                if seen == n + 1:
                    continue
            kept.append(f)
        template.slots[slot] = SlotFill(fillers=kept, inapplicable=fill.inapplicable)


def _says_only_a_person(fill: str) -> bool:
    """'ONE PERSON', 'A DEFENSELESS PERSON': a victim told by no name and no kind of person."""
    return _tokens(fill)[-1:] in (["PERSON"], ["INDIVIDUAL"])


#: Heads of descriptions of the people who go with someone (kin, escort, staff): harmed
#: beside the person named, they are no target of their own.
_COMPANION_HEADS = frozenset(
    [
        "BODYGUARD", "BODYGUARDS", "ESCORT", "ESCORTS", "DRIVER", "CHAUFFEUR", "WIFE",
        "HUSBAND", "SON", "SONS", "DAUGHTER", "DAUGHTERS", "CHILDREN", "FAMILY", "RELATIVES",
        "COMPANION", "COMPANIONS", "AIDE", "AIDES", "ASSISTANT",
    ]
)  # fmt: skip


def _only_companions(a: MucTemplate, b: MucTemplate) -> bool:
    """Whether ``a`` names no one and hits no thing, only people who go with someone ('his
    driver', 'two of the minister's bodyguards'), while ``b`` names its victim."""
    descriptions = [_tokens(f.value) for f in a.slot(19).fillers]
    return (
        not a.slot(18).fillers
        and not a.slot(12).fillers
        and bool(descriptions)
        and all(d and d[-1] in _COMPANION_HEADS for d in descriptions)
        and bool(b.slot(18).fillers)
    )


def _one_band_described(a: MucTemplate, b: MucTemplate) -> bool:
    """Whether both templates describe their doers by one description of four words or more
    ('a dozen men in grey raincoats'): one band, told at one act twice, where a short kind
    of doers ('urban guerrillas') may be several bands."""
    return any(len(_tokens(x)) >= 4 for x in _target_fills(a, (9,)) & _target_fills(b, (9,)))


def _a_common_target(a: set[str], b: set[str]) -> bool:
    """Whether two sets of target fills name one target: the same fill, or one a part of
    the other that ends in its head noun ('the office', 'the telephone office'), or a group
    and one of its members told by the role's singular ('the peasants', 'a peasant')."""
    return bool(a & b) or any(
        _names_one_target(x, y) or _names_one_target(y, x) or _a_member_of(x, y)
        for x in a
        for y in b
    )


def _a_member_of(x: str, y: str) -> bool:
    """Whether one fill is a group told by a plural role ('PEASANTS') and the other that
    role in the singular ('PEASANT'): the group told person by person ('five peasants were
    killed ... the victims were identified as ..., a peasant')."""
    x, y = x.strip('"'), y.strip('"')
    return _singular_role(x) == y or _singular_role(y) == x


def _one_act_on_a_named_victim(a: MucTemplate, b: MucTemplate) -> bool:
    """An attempt and an accomplished act against one named person on days that agree: one
    act told as attempted in one report and done in another (a threat stays apart)."""
    stages = {f.value for t in (a, b) for f in t.slot(5).fillers}
    return (
        "THREATENED" not in stages
        and _share_a_named_victim(a, b)
        and _compatible_dates(a.slot(2), b.slot(2))
    )


def _at_home(template: MucTemplate, home_country: str | None) -> bool:
    """Whether the template is located in the message's country."""
    location = template.slot(3).fillers
    return bool(home_country and location) and (
        parse_muc_location(location[0].value).country == home_country
    )


def _at_home_and_abroad(a: MucTemplate, b: MucTemplate, home_country: str | None) -> bool:
    """Whether one template is located in the message's country and the other in another."""
    if not a.slot(3).fillers or not b.slot(3).fillers:
        return False
    return _at_home(a, home_country) != _at_home(b, home_country)


def _one_group_on_one_day(a: MucTemplate, b: MucTemplate) -> bool:
    """Both templates name one perpetrator organization and give the same date."""
    if not (_target_fills(a, (10,)) & _target_fills(b, (10,))):
        return False
    if not a.slot(2).fillers or not b.slot(2).fillers:
        return False
    day_a = parse_muc_date(a.slot(2).fillers[0].value)
    return day_a is not None and day_a == parse_muc_date(b.slot(2).fillers[0].value)


def _one_group_on_one_target(a: MucTemplate, b: MucTemplate) -> bool:
    """Both templates name one perpetrator organization and one target, on days that agree:
    one thing, or one person named or described alike ('the businessman', 'the 55-year-old
    businessman')."""
    return (
        bool(_target_fills(a, (10,)) & _target_fills(b, (10,)))
        and _compatible_dates(a.slot(2), b.slot(2))
        and any(
            _a_common_target(_target_fills(a, slots), _target_fills(b, slots))
            for slots in ((12,), (18, 19))
        )
    )


def _share_a_named_victim(a: MucTemplate, b: MucTemplate) -> bool:
    """Both templates name one person as a human target: the same name, or one a part of
    the other ('Vega', 'Tomas Vega Arce')."""
    names_a = [_tokens(f.value) for f in a.slot(18).fillers]
    names_b = [_tokens(f.value) for f in b.slot(18).fillers]
    return any(
        x and y and (_contains(x, y) or _contains(y, x) or _one_name_misspelled(x, y))
        for x in names_a
        for y in names_b
    )


def _one_name_misspelled(a: list[str], b: list[str]) -> bool:
    """Whether two names of two words or more differ only by one letter in one word
    ('Cueller Osorio', 'Cuellar Osorio'): one person, spelled two ways by the reports."""
    if len(a) != len(b) or len(a) < 2 or a == b:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return len(x) == len(y) >= 4 and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def _same_day_and_place(a: MucTemplate, b: MucTemplate) -> bool:
    """Both templates give the same specific date and the same place below the country."""
    if not (a.slot(2).fillers and b.slot(2).fillers and a.slot(3).fillers and b.slot(3).fillers):
        return False
    day_a, day_b = (
        parse_muc_date(a.slot(2).fillers[0].value),
        parse_muc_date(b.slot(2).fillers[0].value),
    )
    if day_a is None or day_b is None or day_a.default_looking or day_a != day_b:
        return False
    place_a = parse_muc_location(a.slot(3).fillers[0].value)
    place_b = parse_muc_location(b.slot(3).fillers[0].value)
    return bool(place_a.places) and place_a == place_b


def _told_apart(a: MucTemplate, b: MucTemplate) -> bool:
    """Whether the text says enough to tell two attacks on different targets apart: one of
    them has a date or place of its own, and a perpetrator is named. Else 'attacks on
    ten power stations' are one incident (part1 5.0)."""
    return any(_has_specific_date_or_place(t) for t in (a, b)) and any(
        t.slot(9).fillers or t.slot(10).fillers for t in (a, b)
    )


def _has_specific_date_or_place(template: MucTemplate) -> bool:
    date, place = template.slot(2).fillers, template.slot(3).fillers
    day = parse_muc_date(date[0].value) if date else None
    if day is not None and not day.default_looking:
        return True
    return bool(place) and bool(parse_muc_location(place[0].value).places)


def _target_fills(template: MucTemplate, slots: Sequence[int]) -> set[str]:
    """The targets of a template in the given slots (ids, names, descriptions). A description
    of a named person counts also without the name: 'a businessman' is 'the businessman,
    Pedro Valdivia'."""
    fills = {_filler_text(slot, f) for slot in slots for f in template.slot(slot).fillers}
    if 19 in slots:
        fills |= {_filler_text(19, Filler(f.alternatives)) for f in template.slot(19).fillers}
    return fills


def _slot_values(template: MucTemplate, slot: int) -> list[str]:
    return [f.value for f in template.slot(slot).fillers]


def _days_and_places_agree(a: MucTemplate, b: MucTemplate) -> bool:
    """No different date and no different place (a missing or default one agrees)."""
    return _compatible_dates(a.slot(2), b.slot(2)) and _compatible_locations(a.slot(3), b.slot(3))


def _compatible_dates(a: SlotFill, b: SlotFill) -> bool:
    if not a.fillers or not b.fillers:
        return True
    da, db = parse_muc_date(a.fillers[0].value), parse_muc_date(b.fillers[0].value)
    if da is None or db is None:
        return True
    if da.default_looking or db.default_looking:
        return True
    return da == db or _a_day_of_a_short_span(da, db) or _a_day_of_a_short_span(db, da)


def _a_day_of_a_short_span(day: MucDate, span: MucDate) -> bool:
    """Whether ``day`` falls within ``span``, a span of less than a week ('in the last 24
    hours', 'on the night of 23 to 24 September'): the act told on one of its days is the
    act told over it. A longer span is the period of a tally, and no day of it is its act."""
    if day.low is None or span.low is None:
        return False
    return span.low <= day.low and day.high <= span.high and span.high - span.low < _TALLY_SPAN


def _compatible_locations(a: SlotFill, b: SlotFill) -> bool:
    if not a.fillers or not b.fillers:
        return True
    la, lb = parse_muc_location(a.fillers[0].value), parse_muc_location(b.fillers[0].value)
    if la.country != lb.country:
        return False
    # a place and one within it ('Huila', 'Huila: Neiva') are one place at two precisions
    short, long = sorted((la.places, lb.places), key=len)
    return long[: len(short)] == short


def event_to_template(
    event: EventMention,
    article: Article,
    actors: dict[str, Actor],
    places: dict[str, Place],
    message_id: str,
    claimants: frozenset[str] | set[str] = frozenset(),
    named_days: frozenset[dt.date] = frozenset(),
    fallback_country: str | None = None,
) -> MucTemplate | None:
    """One event as a MUC-4 template, or None when it is not a MUC-4 incident.

    ``named_days``: the days the article names by their date (:func:`days_named_by_date`).
    ``fallback_country``: the article's country, the location of an event that has none."""
    incident_type = MUC_INCIDENT_TYPE.get(str(event.type))
    if (
        event.type == "armed_clash"
        and (_harms_civilians(event, actors) or _harms_a_noncombatant(event, actors, article))
        and (event.time is not None or _a_clash_told_after_its_act(event, article))
    ):
        # A fight that kills or wounds civilians (or the press, or officials) on a day the text
        # gives is an attack on them (part1 1.0, point 2), not only warfare; undated, it
        # tells of fighting at large.
        incident_type = "ATTACK"
    doer_roles = {"perpetrator", "claimant"}
    if event.type == "security_operation" and _killing_of_unarmed(event, actors):
        # 'soldiers killed three party members': the state's forces killing people who are
        # neither fighters nor troops commit an attack on them (part1 1.0, point 2;
        # STATE-SPONSORED VIOLENCE), not an operation of war.
        incident_type = "ATTACK"
        doer_roles = {"perpetrator", "security_force"}
    stage = MUC_STAGE.get(str(event.status))
    if incident_type is None or stage is None:
        return None
    if event.status == "denied" and not any(p.role in doer_roles for p in event.participants):
        # 'the command denied the killing of peasants': with no doer who denies his part
        # ('the Front denied the murder'), the act itself is denied, not told as fact
        return None
    if event.type == "threat":
        stage = "THREATENED"
    elif event.type == "foiled_attack":
        stage = "ATTEMPTED"
    instruments = _dedupe(
        _without_count(_fill_string(_with_charge(s, article.text))) for s in event.instruments
    )
    instrument_types = [_classify(text, _INSTRUMENT_TYPES) for text in instruments]
    if incident_type == "ATTACK" and any(t in _PLANTED for t in instrument_types):
        incident_type = "BOMBING"
    if event.type == "foiled_attack" and incident_type != "BOMBING":
        return None  # weapons seized or found: no specific attempted attack, unlike a bomb
    if not _is_recent(event, article):
        return None
    # A group that claims the attack itself is its perpetrator, by its own admission.
    perpetrators = [
        a for a in _actors_with_role(event, actors, doer_roles) if not _only_its_teller(a, event)
    ]
    # a person named as an expert ('political analyst Pedro Valdivia') is harmed as a person
    victims = [
        v.model_copy(update={"kind": ActorKind.PERSON}) if v.kind == ActorKind.EXPERT else v
        for v in _actors_with_role(event, actors, {"victim", "target"})
        if not _a_place_named(v, places.values())
        and not _a_criminal_band(v)
        and not _a_unit_of_a_force(v)
    ]
    if incident_type == "ROBBERY" and not any(
        a.kind in (ActorKind.ARMED_GROUP, ActorKind.SECURITY_FORCE) for a in perpetrators
    ):
        return None  # theft by people of no armed kind, or by no one named: common crime
    physical_texts = _dedupe(
        _fill_string(s.text)
        for s in event.physical_targets
        if not _the_scene(s, article)
        and not _told_to_the_media(s, article)
        and not _a_source_of_the_report(s, article)
        and not _the_doers_ride(s, event, article)
        and not _the_craft_that_struck(s, article)
    )
    # beside the things it struck, the vehicle that carried the bomb is the means of the act
    carriers = {
        _fill_string(s.text) for s in event.physical_targets if _the_bombs_carrier(s, article)
    }
    if any(text not in carriers for text in physical_texts):
        physical_texts = [text for text in physical_texts if text not in carriers]
    # The count of a target goes to its NUMBER slot, not into its ID ('two vehicles').
    physical_counts = {_without_quantity(text): _count(text) for text in physical_texts}
    physical = list(physical_counts)
    from_the_air = _bombed_from_the_air(event, article)
    air_arm: list[str] = []
    if from_the_air is not None:
        # 'military planes bombed the villages': the craft are the state's weapons, not its
        # targets, and a group the text names elsewhere did not fly them (part2, slot 4).
        perpetrators = [a for a in perpetrators if a.kind in _STATE_KINDS]
        if not perpetrators:
            air_arm = _dedupe(m.group(0) for m in _AIR_ARM.finditer(from_the_air))[:1]
        physical = [text for text in physical if not _AIRCRAFT.search(text)]
        physical_counts = {text: physical_counts[text] for text in physical}
        if incident_type == "BOMBING" and not any(t in _PLANTED for t in instrument_types):
            incident_type = "ATTACK"
    if (
        (physical or any(_a_fighting_force(a) for a in victims))
        and all(_a_fighting_force(a) or a.kind == ActorKind.ARMED_GROUP for a in victims)
        and all(_MILITARY_TARGET.search(text) for text in physical)
    ):
        # guerrilla warfare against the security forces, the attackers' own dead beside them:
        # not a MUC-4 incident
        return None
    if not victims and not physical and _MILITARY_OBJECT.match(_after_trigger(event, article)):
        return None  # 'attacked an army convoy' with no other target: the same warfare
    if (
        physical
        and all(_a_fighting_force(a) or a.kind == ActorKind.ARMED_GROUP for a in victims)
        and _vehicles_of_a_military_convoy(physical, event, article)
    ):
        return None  # 'destroyed five vehicles of a military motorcade': the same warfare
    if (
        physical
        and all(_a_fighting_force(a) or a.kind == ActorKind.ARMED_GROUP for a in victims)
        and _aircraft_shot_down(physical, event, article)
    ):
        return None  # 'the rebels shot down a helicopter': the air arm's craft, hit in the war
    if not victims and not physical and _only_missiles(instrument_types):
        return None  # 'fired a SAM-7 missile', which missed: fire at the army's aircraft
    # 'the rockets fired at the garrison hit a passing car': beside a civilian target or
    # victim (the act on the army alone left above), the army's garrisons, battalions and
    # aircraft are the war's targets, not the terrorist act's (part1 1.0)
    physical = [text for text in physical if not _WAR_TARGET.search(text)]
    physical_counts = {text: physical_counts[text] for text in physical}
    if _state_bombardment(event, perpetrators, victims, physical, article, from_the_air):
        return None  # 'the air force bombed the area': an operation of war (part1 1.0)
    aerial = from_the_air is not None or (
        incident_type == "BOMBING"
        and bool(perpetrators)
        and all(a.kind in _STATE_KINDS for a in perpetrators)
        and _BOMBARDMENT.match(_fill_string(event.trigger.text)) is not None
        and not any(t in _PLANTED for t in instrument_types)
    )
    if aerial:
        # The state's forces bombing from the air or with artillery, not with a planted
        # device: an ATTACK (part2, slot 4: BOMBING is not for aerial bombing).
        incident_type = "ATTACK"
    if victims and (
        incident_type == "ROBBERY"
        or (incident_type == "ATTACK" and _HARM_TO_PEOPLE.match(_fill_string(event.trigger.text)))
    ):
        # 'shot the judge in his car outside his home', 'robbed a trader on the road': the
        # car, the home and the road are the scene of an act on a person, not its targets.
        physical, physical_counts = [], {}
    if (
        incident_type == "BOMBING"
        and stage == "ACCOMPLISHED"
        and _WENT_OFF_IN_HAND.search(_event_sentences(event, article))
    ):
        # 'the grenade she was attempting to hurl at the post went off': stopped while
        # throwing or planting it, the bombing was only attempted (part2, slot 5)
        stage = "ATTEMPTED"
    t = MucTemplate(message_id=message_id)
    t.slots[2] = _one(_incident_date(event, article, named_days))
    t.slots[3] = _one(_incident_location(_placed_before_a_distance(event, article, places), places))
    t.slots[4] = _one(incident_type)
    t.slots[5] = _one(stage)
    no_instrument = incident_type in {"ARSON", "KIDNAPPING"}
    t.slots[6] = SlotFill(
        fillers=[Filler((text,)) for text in instruments], inapplicable=no_instrument
    )
    instrument_fills = [
        Filler((kind,), (text,))
        for text, kind in zip(instruments, instrument_types, strict=True)
        if kind
    ]
    if not instrument_fills and not no_instrument:
        # The trigger may name the weapon's kind without an instrument phrase ('shot').
        # 'a helicopter attacked the boat' (or 'machinegunned' it) says no bomb was dropped
        implied = (
            "AERIAL BOMB"
            if aerial
            and not _ATTACKED.match(_fill_string(event.trigger.text))
            and not _MACHINEGUNNED.match(_fill_string(event.trigger.text))
            else _classify(_fill_string(event.trigger.text), _IMPLIED_INSTRUMENTS)
        )
        if not implied and incident_type == "ATTACK":
            # nor may the attack's sentences or the rest of their paragraphs, by its shots
            # ('riddled with bullets')
            implied = _classify(_event_sentences(event, article), _GUNSHOT_INSTRUMENTS)
            implied = implied or _classify(
                _fill_string(_event_paragraphs(event, article)), _GUNSHOT_INSTRUMENTS
            )
        instrument_fills = [Filler((implied,))] if implied else []
    t.slots[7] = SlotFill(fillers=instrument_fills, inapplicable=no_instrument)
    individuals: list[tuple[Actor, str]] = []
    generics: list[str] = []
    organizations: list[tuple[Actor, str]] = []
    doers = [a for a in perpetrators if a.kind not in _NOT_PERPETRATOR_KINDS]
    # a government stays the perpetrator when no force or armed group is named beside it
    governments = [a for a in perpetrators if a.kind == ActorKind.GOVERNMENT]
    for actor in doers or governments:
        text = _actor_text(actor, article)
        if _head(text.split()) in _CRAFT_HEADS:
            continue  # 'helicopter gunships fired on the town': the crews, not the craft
        if actor.kind == ActorKind.PERSON and _names_a_group(actor, article):
            continue  # 'the Pedro Valdivia faction did it': the faction's men, not he
        if actor.kind == ActorKind.SECURITY_FORCE and not _of_the_state(actor, article):
            # 'the Army of Southern Liberation': a known group's name in another word order
            actor = _group_named_by(actor, article, actors) or actor
            text = _actor_text(actor, article)
        if _is_description(actor, text):
            text, told = _description_in_the_act(actor, text, article, event)
            if actor.kind == ActorKind.PERSON:
                # 'Quesada' after 'Ramiro Quesada Pardo': one man, named in full
                people = [a for a in actors.values() if a.kind == ActorKind.PERSON]
                text = _full_name(text, people, article)
            counted = _counted(told, text, article)
            individuals.append((actor, _doers_members_of(told, counted, article, actors)))
        elif all(a.id != actor.id for a, _ in organizations):
            organizations.append((actor, text))
        if any(describes_members(a) for a in perpetrators):
            continue  # the event's own description of the members ('guerrillas') says it
        for generic in _generic_mentions(actor, article, event)[:1]:
            if generic not in {t for _, t in individuals}:
                individuals.append((actor, generic))
                generics.append(generic)
    organizations = _one_name_each(organizations, article)
    if not organizations:
        # 'members of the army fired on the crowd': the army is their organization
        organizations += _force_of_the_doers(individuals)
    if any(a.kind != ActorKind.PERSON and text not in generics for a, text in individuals):
        # the event's own description of its doers ('a group of armed men') is theirs; the
        # group's name for its members told elsewhere ('ELN guerrillas') would be a second
        # fill for the same people (a named man beside them is not one of such a description)
        individuals = [(a, text) for a, text in individuals if text not in generics]
    individuals = _distinct_descriptions(individuals)
    named = [a for a, _ in individuals if a.kind == ActorKind.PERSON]
    if len({a.id for a in named}) >= 2:
        # 'five men ... their names are A, B, ...': the names, not the people they describe
        individuals = [
            (a, text)
            for a, text in individuals
            if a.kind not in (ActorKind.CIVILIANS, ActorKind.OTHER)
        ]
    if perpetrators:
        dressed_as_soldiers = {a.id for a, text in individuals if _IN_MILITARY_UNIFORM.search(text)}
        state = all(a.id in dressed_as_soldiers or _of_the_state(a, article) for a in perpetrators)
        t.slots[8] = _one("STATE-SPONSORED VIOLENCE" if state else "TERRORIST ACT")
    elif event.type in _ACTS_OF_THE_STATE or from_the_air is not None:
        t.slots[8] = _one("STATE-SPONSORED VIOLENCE")  # the state's forces did it, unnamed
    else:
        # Unidentified perpetrators of a relevant incident are presumed terrorists (part1
        # section 1.0, point 3); the keys mostly say so.
        t.slots[8] = _one("TERRORIST ACT")
    t.slots[9] = SlotFill(fillers=[Filler((text,)) for _, text in individuals])
    t.slots[10] = SlotFill(
        fillers=[Filler((text,)) for _, text in organizations] + [Filler((a,)) for a in air_arm]
    )
    t.slots[11] = SlotFill(
        fillers=[
            Filler((perpetrator_confidence(event, actor, actors, claimants, article),), (text,))
            for actor, text in organizations
        ]
        + [Filler((_air_arm_confidence(event, actors),), (a,)) for a in air_arm]
    )
    not_kidnapping = incident_type != "KIDNAPPING"
    for slot in (12, 13, 14, 15, 16, 17):
        t.slots[slot] = SlotFill(inapplicable=not not_kidnapping)
    persons = [a for a in actors.values() if a.kind == ActorKind.PERSON]
    owners = {text: _owner(text, event, article, persons) for text in physical}
    outlets = [_fill_string(a.name) for a in actors.values() if a.kind == ActorKind.MEDIA]
    bodies = _bodies_kinds(actors, article)
    if not_kidnapping:
        t.slots[12] = SlotFill(fillers=[Filler((text,)) for text in physical])
        t.slots[13] = SlotFill(
            fillers=[
                Filler((_physical_target_type(text, owners[text], outlets, bodies),), (text,))
                for text in physical
            ]
        )
        t.slots[14] = SlotFill(
            fillers=[Filler((physical_counts[text],), (text,)) for text in physical]
        )
        # Arson implies at least some damage; a bombing or another attack does not (part1,
        # 7.17): only the words of its sentences tell it, 'blown up' or 'damaged'. A bomb
        # defused or dropped does none, unless they say otherwise.
        sentences = _event_sentences(event, article)
        effect = (
            "DESTROYED"
            if _destroyed_in_full(sentences)
            else (
                "SOME DAMAGE"
                if incident_type == "ARSON"
                or _DAMAGED.search(sentences)
                or _DESTROYED.search(sentences)
                else None
            )
        )
        if stage == "ATTEMPTED" and incident_type == "BOMBING":
            effect = effect or "NO DAMAGE"
        elif stage != "ACCOMPLISHED":
            effect = None
        if effect or stage == "ACCOMPLISHED":
            # each target's own sentences may tell its damage ('the blast destroyed the
            # bank and damaged two houses'): that damage is its own
            own = [_damage_told_of(x, article) for x in physical]
            if (
                effect is None
                and not any(own)
                and stage == "ACCOMPLISHED"
                and incident_type == "BOMBING"
            ):
                # 'a bomb went off at the store ... the blast caused heavy losses'
                effect = _damage_told_after(event, article)
            effects = [(d or effect, x) for d, x in zip(own, physical, strict=True)]
            if incident_type == "ROBBERY":
                # what a robbery did to a thing is what it took (part2, slot 16)
                effects = [(_what_was_taken(x), x) for x in physical]
            t.slots[16] = SlotFill(fillers=[Filler((e,), (x,)) for e, x in effects if e])
    if t.slot(3).empty and fallback_country:
        # Same country earns half the location credit (guidelines 3.2.3), and a foreign
        # victim's nation is told against it.
        t.slots[3] = _one(fallback_country)
    # 'a bomb at the offices of the daily El Faro': the body named in a physical target
    # owns the building hit; it is no human target
    victims = [v for v in victims if not _owns_a_target(v, physical, article)]
    victims = [v for v in victims if not _a_word_of_a_target_name(v, physical, article)]
    # 'the bomb killed two passers-by and the terrorist who carried it', 'three peasants
    # and two rebels died': doers or fighters harmed are no human targets (part2, slot 18),
    # and an act that harmed only them ('attacked the guerrillas') is fighting, no MUC-4
    # incident (part1 1.0); those a threat names, who are not harmed, stay
    harmed_doers = {
        p.actor
        for p in event.participants
        if p.role in ("victim", "target")
        and p.actor in actors
        and _described_as_doers(actors[p.actor], article)
    }
    aimed_at = [v for v in victims if v.id not in harmed_doers]
    if event.type != "threat":
        if harmed_doers and not physical and not aimed_at:
            return None
        victims = aimed_at
    victims = victims + _identified_afterwards(event, victims, article, persons)
    # 'a bomb exploded at the residence of A': A, whose home was hit, is the human target
    # of an act that names no other
    victims = victims or _dwellers_of(physical, persons, article)
    _fill_human_targets(t, event, victims, article, incident_type, persons)
    _drop_the_victims_groups(t)
    if from_the_air is not None and t.slot(19).empty and t.slot(18).empty:
        _add_the_people_struck(t, _after_trigger(event, article))
    _fill_foreign_nations(t, victims, article, persons, owners)
    return t


# Words that tell a doer of the state's forces ('armed forces members', 'members of the
# army'), and words that tell him of none: a liberation or people's army, paramilitaries,
# deserters, men only wearing uniforms.
_STATE_FORCE = re.compile(
    r"\b(?:ARMY|ARMED FORCES|MILITARY|SOLDIERS?|TROOPS|POLICE(?:MEN)?|NATIONAL GUARD(?:SMEN)?)\b"
)
_NOT_THE_STATE = re.compile(
    r"\b(?:LIBERATION|REVOLUTIONARY|PEOPLE'S|POPULAR|PARAMILITARY|GUERRILLAS?|REBELS?|"
    r"DISSIDENTS?|DESERTERS?|FORMER|EX|UNIFORMS?)\b"
)
# A description of doers dressed as the state's forces ('men wearing military uniforms',
# 'uniformed individuals'): the keys take them for soldiers, as the text implies.
_IN_MILITARY_UNIFORM = re.compile(r"\b(?:MILITARY|ARMY) UNIFORMS?\b|\bUNIFORMED\b")
_OF_THE = re.compile(
    r"\s+of\s+(?:the\s+)?[\w'-]+(?:\s+(?!of\b)[\w'-]+){0,2}(?:\s+of\s+[\w'-]+(?:\s+[\w'-]+){0,2})?",
    re.IGNORECASE,
)


#: Road vehicles, which an army's convoy is made of.
_ROAD_VEHICLES = r"(?:VEHICLES?|TRUCKS?|JEEPS?|PICKUPS?|BUS|BUSES)"
_VEHICLE = re.compile(r"\b" + _ROAD_VEHICLES + r"\b")
#: A vehicle told as carrying the forces' men: 'a bus carrying 27 army soldiers'.
_CARRYING_TROOPS = re.compile(
    r"\b" + _ROAD_VEHICLES + r"\s+(?:CARRYING|TRANSPORTING)\s+"
    r"(?:[\d,]+\s+|SOME\s+|SEVERAL\s+)?(?:(?:ARMY|MILITARY|POLICE|NATIONAL GUARD)\s+)?"
    r"(?:SOLDIERS|TROOPS|POLICEMEN|POLICE OFFICERS|GUARDSMEN|MARINES)\b"
)
#: A column of vehicles on the road.
_CONVOY = re.compile(r"\b(?:CONVOYS?|MOTORCADES?)\b")
#: A convoy told as the forces' own: 'a U.S. military convoy', 'army motorcades'.
_MILITARY_CONVOY = re.compile(
    r"\b(?:MILITARY|ARMY|TROOP|ARMORED)\s+(?:[A-Z.-]+\s+)?(?:CONVOYS?|MOTORCADES?)\b"
)


def _vehicles_of_a_military_convoy(
    physical: Sequence[str], event: EventMention, article: Article
) -> bool:
    """Whether the things struck are only vehicles, told as carrying the forces' men ('a bus
    carrying 27 army soldiers') or beside a convoy, in an article that calls a convoy
    military ('five vehicles, all part of military motorcades, were destroyed'): the
    vehicles are the army's, struck in the war (part1 1.0)."""
    if not all(_VEHICLE.search(text) for text in physical):
        return False
    sentences = _event_sentences(event, article)
    if _CARRYING_TROOPS.search(sentences):
        return True
    return bool(_CONVOY.search(sentences)) and bool(
        _MILITARY_CONVOY.search(_fill_string(article.text))
    )


#: An act that brings a craft down: 'shot down', 'downed', 'the downing of'.
_SHOT_DOWN = re.compile(
    r"\b(?:SHOT|SHOOT|SHOOTING|BRING|BROUGHT|BRINGING)\s+DOWN\b|\bDOWN(?:ED|ING)\b"
)


def _aircraft_shot_down(physical: Sequence[str], event: EventMention, article: Article) -> bool:
    """Whether the things struck are only aircraft that the act's words bring down ('the
    aircraft were shot down by their antiaircraft units'): craft in flight over the
    fighting are the security forces', downed in the war (part1 1.0)."""
    start, end = event.trigger.start, event.trigger.end
    around = _fill_string(article.text[max(0, start - 30) : end + 30])
    return all(_AIRCRAFT.search(text) for text in physical) and bool(_SHOT_DOWN.search(around))


def _only_missiles(instrument_types: Sequence[str | None]) -> bool:
    """Whether every weapon of an act is a missile. A missile that hit no one and nothing
    named was fired at the security forces' aircraft, the only craft that fly over the
    fighting: an act of war, not a MUC-4 incident (part1 1.0)."""
    return bool(instrument_types) and all(kind == "MISSILE" for kind in instrument_types)


def _of_the_state(actor: Actor, article: Article) -> bool:
    """Whether a doer is of the government, the military or the police (part1 7.9, note 2):
    by its kind, unless each mention names another's army ('the Army of Southern
    Liberation'), or, a group told only by a description, by the description's words."""
    state_kind = actor.kind in _STATE_KINDS
    if not state_kind and actor.kind not in (ActorKind.OTHER, ActorKind.CIVILIANS):
        return False
    phrases = []
    for start, end in actor.mentions:
        if _fill_string(article.text[start:end]) in _PRONOUNS:
            continue
        of_the = _OF_THE.match(article.text, end)
        phrases.append(_fill_string(article.text[start : of_the.end() if of_the else end]))
    if state_kind:
        return not phrases or not all(_NOT_THE_STATE.search(p) for p in phrases)
    return bool(phrases) and all(
        _STATE_FORCE.search(p) and not _NOT_THE_STATE.search(p) for p in phrases
    )


#: The body a description of people belongs to: 'members of the armed forces', 'troops of
#: the army', 'armed forces members'.
_MEMBERS_OF = re.compile(
    r"\b(?:MEMBERS?|TROOPS|SOLDIERS|PERSONNEL|UNITS?) OF (?:THE )?(.+)$"
    r"|^(?:[A-Z]+ )?(ARMY|ARMED FORCES|POLICE|NATIONAL GUARD) (?:MEMBERS?|TROOPS|PERSONNEL|UNITS?)$"
)


# What lies between a group's name and its acronym: 'the "Secret Army" (SA)'.
_BEFORE_ACRONYM = re.compile(r"[\"']?\s*[(\[]\s*")


def _one_name_each(
    organizations: list[tuple[Actor, str]], article: Article
) -> list[tuple[Actor, str]]:
    """One fill per group (part2, slot 10): a group the text names as another's acronym,
    in brackets right after its name ('the Secret Army (SA)'), is that group again, though
    the two names were told apart."""
    kept: list[tuple[Actor, str]] = []
    for actor, text in organizations:
        named_after = any(
            _BEFORE_ACRONYM.fullmatch(article.text[end:start])
            for other, _ in organizations
            if other.id != actor.id
            for _s, end in other.mentions
            for start, _e in actor.mentions
            if end <= start
        )
        if not named_after:
            kept.append((actor, text))
    return kept


def _force_of_the_doers(individuals: Sequence[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
    """The state's force that doers told only as its men name in their own phrase ('members
    of the armed forces', 'army members'): the organization they act for (part2 slot 10),
    paired with those doers, whose confidence it takes. A force named elsewhere in the text
    is not said to be theirs."""
    for actor, text in individuals:
        of_the = _MEMBERS_OF.search(text)
        body = (of_the.group(1) or of_the.group(2)) if of_the else ""
        force = _STATE_FORCE.search(body)
        if force and actor.kind != ActorKind.PERSON and not _NOT_THE_STATE.search(body):
            # 'eight members of the army': the army, and no word told after it
            return [(actor, body[: force.end()])]
    return []


def _group_named_by(actor: Actor, article: Article, actors: dict[str, Actor]) -> Actor | None:
    """The known armed group whose name's words a force's mention with what follows it
    holds ('the Army of Southern Liberation-Red Faction' is the 'Southern Liberation Army's)."""

    def words(text: str) -> set[str]:
        return set(_fill_string(text).replace("-", " ").split()) - {"THE", "OF"}

    told = []
    for start, end in actor.mentions:
        of_the = _OF_THE.match(article.text, end)
        if of_the:
            told.append(words(article.text[start : of_the.end()]))
    for group in actors.values():
        if group.kind != ActorKind.ARMED_GROUP or not group.in_kb:
            continue
        names = [words(n) for n in (group.name, *group.aliases)]
        if any(len(name) > 1 and name <= phrase for name in names for phrase in told):
            return group
    return None


#: Head nouns that describe people only as the doers of violence or as fighters: never
#: the human targets of an incident ('party militants' or 'members' may be).
_DOER_ONLY_HEADS = frozenset(
    [
        "GUERRILLAS",
        "GUERRILLA",
        "TERRORISTS",
        "TERRORIST",
        "REBELS",
        "REBEL",
        "SUBVERSIVES",
        "INSURGENTS",
        "MURDERERS",
        "MURDERER",
        "ASSASSINS",
        "ASSASSIN",
        "KILLERS",
        "KILLER",
        "GUNMEN",
        "GUNMAN",
        "ASSAILANTS",
        "ATTACKERS",
        "KIDNAPPERS",
        "HITMEN",
    ]
)


def _described_as_doers(actor: Actor, article: Article) -> bool:
    """Whether an unnamed armed actor is described by a noun of doers or fighters only
    ('the terrorist', 'two guerrillas'), not named (a known group stays a group)."""
    if actor.kind != ActorKind.ARMED_GROUP or actor.in_kb:
        return False
    words = _actor_text(actor, article).split()
    return bool(words) and words[-1] in _DOER_ONLY_HEADS


def _drop_the_state_fighting_the_doers(template: MucTemplate) -> None:
    """A force of the state reported as a doer beside an armed group not of the state
    ('the guerrillas attacked the post and the army repelled them') is the side the group
    fought, told as fact, not a second perpetrator (part2, slot 10): it leaves slots 10
    and 11. A force the report only suspects or charges beside the group stays."""
    groups = template.slot(10).fillers
    confidences = template.slot(11).fillers

    def of_the_state(fill: str) -> bool:
        return bool(_STATE_FORCE.search(fill)) and not _NOT_THE_STATE.search(fill)

    if all(of_the_state(g.value) for g in groups) or not any(of_the_state(g.value) for g in groups):
        return
    told_as_fact = {c.xref[0] for c in confidences if c.xref and c.value == "REPORTED AS FACT"}
    dropped = {g.value for g in groups if of_the_state(g.value) and g.value in told_as_fact}
    if not dropped:
        return
    template.slots[10] = SlotFill(fillers=[g for g in groups if g.value not in dropped])
    template.slots[11] = SlotFill(
        fillers=[c for c in confidences if not (c.xref and c.xref[0] in dropped)]
    )


def _drop_groups_only_guessed(
    template: MucTemplate,
    told: Sequence[EventMention],
    article: Article,
    actors: dict[str, Actor],
) -> None:
    """A group that every act of the template has as doer only by a guess (the article's
    main group, which the text ties to no violence: :data:`GUESSED_STANCE`) is no
    PERP: ORGANIZATION ID (part2, slot 10) of the incident: it leaves slots 10 and 11."""
    guessed: set[str] = set()
    kept: set[str] = set()
    for event in told:
        by_guess = _guessed_doers(event, actors)
        for p in event.participants:
            actor = actors.get(p.actor)
            if p.role != "perpetrator" or actor is None:
                continue
            names = {_actor_text(actor, article), _fill_string(actor.name)}
            (guessed if actor.id in by_guess else kept).update(names)
    dropped = guessed - kept
    groups = template.slot(10).fillers
    if not dropped or not any(g.value in dropped for g in groups):
        return
    confidences = template.slot(11).fillers
    template.slots[10] = SlotFill(fillers=[g for g in groups if g.value not in dropped])
    template.slots[11] = SlotFill(
        fillers=[c for c in confidences if not (c.xref and c.xref[0] in dropped)]
    )


def _guessed_doers(event: EventMention, actors: dict[str, Actor]) -> set[str]:
    """The event's doers (actor ids) named only in the sentences of a guessed attribution,
    none of an inferred one."""

    def named_in(stance: Stance) -> set[str]:
        spans = [
            (a.start, a.end)
            for a in event.attributions
            if a.source == INFERRED_SOURCE
            and a.stance == stance
            and a.start is not None
            and a.end is not None
        ]
        return {
            p.actor
            for p in event.participants
            if p.actor in actors
            and any(lo <= m < hi for lo, hi in spans for m, _e in actors[p.actor].mentions)
        }

    return named_in(GUESSED_STANCE) - named_in(INFERRED_STANCE)


def _drop_the_victims_groups(template: MucTemplate) -> None:
    """A group the template names among its human targets ('the Northern Front' beside
    'three members', 'a leader of the Northern Front') is the victims' own, not their
    attackers' (PERP: ORGANIZATION ID, part2 slot 10): it leaves slots 10 and 11."""
    victims = [f.value for slot in (18, 19) for f in template.slot(slot).fillers]
    groups = template.slot(10).fillers
    keep = [
        i
        for i, group in enumerate(groups)
        if not any(re.search(rf"\b{re.escape(group.value)}\b", v) for v in victims)
    ]
    if len(keep) == len(groups):
        return
    confidences = template.slot(11).fillers
    template.slots[10] = SlotFill(fillers=[groups[i] for i in keep])
    template.slots[11] = SlotFill(fillers=[confidences[i] for i in keep if i < len(confidences)])


def _physical_target_type(
    text: str, owner: str, outlets: Sequence[str] = (), bodies: Mapping[str, str] | None = None
) -> str:
    """PHYS TGT: TYPE (part2, slot 13) from the words of the fill; a residence or a
    building is its owner's kind ('President X's residence', 'the ambassador's house'), and
    an office or a branch of a news outlet is of communications ('the offices of El Sol',
    'the daily's office'; ``outlets``: the names of the news media the text tells of). A
    building that only a known body's name tells ('the FENASTRAS building', 'the DAS
    headquarters') is of that body's kind (``bodies``: see ``_bodies_kinds``)."""
    # an owner named in the fill ('the bank manager's car') tells its kind as the owner
    if possessive := _POSSESSIVE_OWNER.match(text):
        owner, text = owner or possessive.group(1), text[possessive.end() :]
    of_an_outlet = _classify(owner, _PHYSICAL_TARGET_TYPES) == "COMMUNICATIONS" or any(
        re.search(rf"\b{re.escape(name)}\b", f"{owner} {text}") for name in outlets if name
    )
    told_by_words = _classify(_OFFICE.sub("", text), _PHYSICAL_TARGET_TYPES)
    if of_an_outlet and told_by_words is None:
        return "COMMUNICATIONS"
    if told_by_words in (None, "ORGANIZATION OFFICE"):
        for name in sorted(bodies or {}, key=len, reverse=True):
            if re.search(rf"\b{re.escape(name)}\b", f"{owner} {text}"):
                return (bodies or {})[name]
    kind = _classify(text, _PHYSICAL_TARGET_TYPES) or "OTHER"
    if kind in ("CIVILIAN RESIDENCE", "OTHER") and owner:
        owned = _classify(owner, _PHYSICAL_TARGET_TYPES)
        if owned in _OWNERS_KINDS:
            return owned
    return kind


_OFFICE = re.compile(r"\bOFFICES?\b")

# The kind of building of a body of each kind whose name does not tell it: an
# association's premises are an organization's office, an army's installations have no type
# of their own (part2, slot 13).
_BODY_BUILDINGS: dict[ActorKind, str] = {
    ActorKind.ORGANIZATION: "ORGANIZATION OFFICE",
    ActorKind.POLITICAL_PARTY: "ORGANIZATION OFFICE",
    ActorKind.SECURITY_FORCE: "OTHER",
}


def _bodies_kinds(actors: Mapping[str, Actor], article: Article) -> dict[str, str]:
    """The names (and acronyms) by which the text tells the bodies the knowledge base
    knows, each with the kind of that body's buildings: the kind its full name tells
    ('the National Police' for 'DAS': a law enforcement facility), else its kind's."""
    kinds: dict[str, str] = {}
    for actor in actors.values():
        if not actor.in_kb or actor.kind not in _BODY_BUILDINGS:
            continue
        full = _fill_string(actor.name)
        kind = _classify(full, _PHYSICAL_TARGET_TYPES) or _BODY_BUILDINGS[actor.kind]
        for name in [full, *map(_fill_string, actor.aliases), *_mention_texts(actor, article)]:
            if len(name) > 2:
                kinds.setdefault(name, kind)
    return kinds


def _owner(text: str, event: EventMention, article: Article, persons: Sequence[Actor] = ()) -> str:
    """The owner told in the possessive just before a physical target ('the U.S.
    ambassador's' residence), or ''; an owner told by his name ('X's house', 'the house of
    X') is told by the roles the text gives that person ('X, the Swedish consul')."""
    owner = ""
    possessive = _POSSESSIVE_OWNER.match(text)
    for span in event.physical_targets if not possessive else []:
        if _without_quantity(_fill_string(span.text)) == text:
            before = _fill_string(_modifiers_before(article.text, span.start))
            if before.endswith(("'S", "'")):
                owner = before
                break
            # 'the residence of A, the U.S. ambassador,': the owner's role told after him
            if " OF " in text:
                role = _APPOSED_ROLE.match(article.text, span.end)
                if role and not _SAYING.search(_fill_string(role.group(1))):
                    owner = _fill_string(role.group(1))
                    break
    if possessive:
        owner = possessive.group(1)  # the fill names its owner: 'Senator X's car'
    named = set(f"{owner} {text.partition(' OF ')[2]}".replace("'S", "").split())
    for person in persons:
        surname = _fill_string(person.name).split()[-1:]
        if surname and surname[0] in named and len(surname[0]) > 2:
            name = _fill_string(person.name)
            roles = [
                m for m in _mention_texts(person, article) if _is_person_description(m, name)
            ] + _appositions(person, article)
            if roles:
                return " ".join([*roles[:2], owner])
    return owner


# An owner told in the possessive at the start of a target's fill ('PRESIDENT X'S RESIDENCE',
# 'THE MAYOR'S OFFICE').
_POSSESSIVE_OWNER = re.compile(r"^(.+?(?:'S|S'))\s")

# A role set after a name with a comma ('..., the U.S. ambassador in Bogota,'), past a
# bracketed note of the translator.
_APPOSED_ROLE = re.compile(
    r"\s*(?:\[[^\]]{0,40}\]\s*)?,\s+((?:THE|AN?|[A-Z][A-Z.]*'S)\s+(?:[^,.;:()\[\]]|(?<=\b[A-Z])\.){3,60})\s*[,.;]",
    re.IGNORECASE,
)
# Words of saying: ', the minister said,' tells who speaks, not whose the thing is.
_SAYING = re.compile(
    r"\b(?:SAID|SAYS|TOLD|REPORTED|STATED|ANNOUNCED|ADDED|EXPLAINED|INDICATED|CONFIRMED|"
    r"DENIED|DECLARED|ACCORDING)\b"
)


# A victim of a group named right after the act's sentences: 'one of them is A', 'the
# other person is B', 'the other victim, C,'.
_IDENTIFIED = re.compile(
    r"\b(?:ONE OF THEM|THE OTHER (?:PERSON|VICTIM|ONE)|ANOTHER VICTIM)(?:\s+(?:IS|WAS)|\s*,)\s+$",
    re.IGNORECASE,
)


def _identified_afterwards(
    event: EventMention, victims: Sequence[Actor], article: Article, persons: Sequence[Actor]
) -> list[Actor]:
    """Persons the sentences right after an act on a group of people name one by one
    ('three people were injured. One of them is A ... The other person is B')."""
    if not event.evidence or not any(v.kind != ActorKind.PERSON for v in victims):
        return []
    end = max(s.end for s in event.evidence)
    found: list[Actor] = []
    for person in persons:
        if person in victims:
            continue
        for start, _ in person.mentions:
            before = article.text[max(start - 40, 0) : start]
            if end <= start < end + 400 and _IDENTIFIED.search(before):
                found.append(person)
                break
    return found


# Kinds of target that an owner gives to his residence or building.
_OWNERS_KINDS = frozenset(
    [
        "DIPLOMAT OFFICE OR RESIDENCE",
        "GOVERNMENT OFFICE OR RESIDENCE",
        "POLITICAL FIGURE OFFICE OR RESIDENCE",
    ]
)


def _a_place_named(actor: Actor, places: Iterable[Place]) -> bool:
    """Whether every mention of an actor is a mention of a place ('attacked Los Olmos'): the
    town struck, told by its name, is where the act was, not a person or a body."""
    spans = [span for place in places for span in place.mentions]
    return bool(actor.mentions) and all(
        any(start < end2 and start2 < end for start2, end2 in spans)
        for start, end in actor.mentions
    )


def _a_criminal_band(actor: Actor) -> bool:
    """Whether an actor is an organization named by a noun of crime ('the drug mafia', 'the
    cartels'): struck, it is the side the state fights ('an offensive against the mafia'),
    no victim of terrorism (part1 1.0)."""
    words = _fill_string(actor.name).split()
    return (
        actor.kind == ActorKind.ORGANIZATION
        and not actor.in_kb
        and bool(words)
        and (words[-1] in _BANDS or f"{words[-1]}S" in _BANDS)
    )


# An army's unit told by its name or number ('the 6th military detachment', 'battalion
# no. 3'): a body of the force.
_UNIT_OF_A_FORCE = re.compile(
    r"\b(?:BATTALION|BRIGADE|DETACHMENT|REGIMENT|PLATOON|SQUADRON|COMPANY)(?: NO\.? ?\d+)?$"
)


def _a_unit_of_a_force(actor: Actor) -> bool:
    """Whether an actor struck is a unit of the security forces ('the 1st infantry brigade
    was attacked'): a body, no people harmed (part2, slot 19); the men it lost are told as
    men ('three soldiers of the brigade')."""
    return (
        actor.kind == ActorKind.SECURITY_FORCE
        and _UNIT_OF_A_FORCE.search(_fill_string(actor.name)) is not None
    )


def _a_fighting_force(actor: Actor) -> bool:
    """Whether an actor struck is one of the security forces: of their kind, or a body named
    by a military word ('the navy', 'the army')."""
    return actor.kind == ActorKind.SECURITY_FORCE or (
        actor.kind == ActorKind.ORGANIZATION
        and _MILITARY_TARGET.search(_fill_string(actor.name)) is not None
    )


def _harms_civilians(event: EventMention, actors: dict[str, Actor]) -> bool:
    """Whether an event's victims include civilians ('two civilians were wounded'). A
    person named alone is not enough: a fighter is named too."""
    return any(a.kind == ActorKind.CIVILIANS for a in _actors_with_role(event, actors, {"victim"}))


def _harms_a_noncombatant(event: EventMention, actors: dict[str, Actor], article: Article) -> bool:
    """Whether a person harmed is told as one of the press or an official ('Pedro Valdivia,
    a reporter for the radio station, was killed in a shootout', 'Judge Ana Ruiz'): no
    fighter, whom a fight harms as a civilian; a name alone may be a fighter's."""
    return any(
        _PRESS.search(role) or _human_target_type(a, role) in _OFFICES
        for a in _actors_with_role(event, actors, {"victim"})
        if a.kind == ActorKind.PERSON
        for role in [*_appositions(a, article), *(r for r, _ in _preceding_roles(a, article))]
    )


#: Kinds of people in office who do not fight (part2, slot 20).
_OFFICES = frozenset(["GOVERNMENT OFFICIAL", "LEGAL OR JUDICIAL", "DIPLOMAT"])


#: Words that name one of the press.
_PRESS = re.compile(
    r"\b(?:REPORTERS?|JOURNALISTS?|CAMERAM[AE]N|PHOTOGRAPHERS?|CORRESPONDENTS?|NEWSM[AE]N)\b"
)


#: Who may be killed by the state's forces in an attack, not in a fight: not fighters.
_UNARMED_KINDS = frozenset(
    [
        ActorKind.PERSON,
        ActorKind.CIVILIANS,
        ActorKind.OTHER,
        ActorKind.MEDIA,
        ActorKind.POLITICAL_PARTY,
    ]
)


def _killing_of_unarmed(event: EventMention, actors: dict[str, Actor]) -> bool:
    """Whether a security operation kills people who are not fighters: its trigger says a
    killing ('murdered'), or an attack with a toll ('the attack that killed ten'), and those
    it struck are people, none of them an armed group or a force."""
    trigger = _fill_string(event.trigger.text)
    deadly_attack = event.fatalities is not None and trigger.startswith("ATTACK")
    if not _KILLING.search(trigger) and not deadly_attack:
        return False
    struck = _actors_with_role(event, actors, {"victim", "target"})
    return bool(struck) and all(a.kind in _UNARMED_KINDS for a in struck)


def _fill_foreign_nations(
    t: MucTemplate,
    victims: list[Actor],
    article: Article,
    persons: Sequence[Actor] = (),
    owners: dict[str, str] | None = None,
) -> None:
    """PHYS TGT / HUM TGT: FOREIGN NATION (part2, slots 15 and 22): the nation of a target
    that the text marks as another country's than the incident's ('the U.S. embassy', 'the
    Spanish priest'), or its owner's ('the Swedish consul's house': ``owners``), tagged with
    that target. Left empty when the incident has no place. A victim's filler holds, in
    order, every nation its words name: the incident's place is settled only later (a
    misread town abroad, a nearer place), and :func:`_settle_foreign_nations` keeps the
    first nation that is not its country."""
    owners = owners or {}
    location = t.slot(3).fillers
    if not location:
        return
    if not t.slot(12).inapplicable:
        # a building's nation is told against the place its own event gives
        home = location[0].value.split(":")[0].strip()
        physical = [f.value for f in t.slot(12).fillers]
        t.slots[15] = SlotFill(
            fillers=[
                Filler((nation,), (text,))
                for text in physical
                if (nation := _foreign_nation(f"{owners.get(text, '')} {text}", home)) is not None
            ]
        )
    people: list[Filler] = []
    for actor in victims:
        text = _actor_text(actor, article)
        if _a_named_person(actor, text):
            # the name without a nationality told as a title ('Spaniard X')
            referent = _without_nationality(_full_name(_split_title(text)[1], persons, article))
        else:  # the group's description, as HUM TGT: DESCRIPTION gives it
            referent = _group_victim_description(actor, article)
        # the words just before each mention: 'the Spanish priest X', 'U.S. citizen X';
        # and its apposition: 'X, a U.S. nun,'
        context = [
            _fill_string(f"{_modifiers_before(article.text, start)} {article.text[start:end]}")
            for start, end in actor.mentions
        ] + [
            " ".join(words[1:4])
            for _, end in actor.mentions
            if (match := _APPOSITION.match(article.text, end)) is not None
            and (words := _fill_string(match.group(1)).split())
            and words[0] in ("A", "AN", "THE")
        ]
        # a phrase set before it: 'the Spanish nun, Sister X'
        context += [
            match.group(1)
            for start, end in actor.mentions
            if _fill_string(article.text[start:end]) not in _PRONOUNS
            and (match := _SET_BEFORE.search(article.text, max(0, start - 80), start)) is not None
        ]
        if actor.kind != ActorKind.PERSON:  # its members counted by nation: 'the priests,
            # five of them Spaniards', 'the monks -- four Spanish citizens and one Peruvian --'
            context += [
                match.group(1)
                for _, end in actor.mentions
                if (match := _MEMBERS_BY_NATION.match(article.text, end)) is not None
            ]
        context = [_fill_string(text) for text in context]
        origins = [  # 'X, 40, from Spain,'
            _fill_string(match.group(1))
            for _, end in actor.mentions
            if (match := _COMES_FROM.match(article.text, end)) is not None
        ]
        nations = [n for text in context for n in _nations(text)]
        if not nations and actor.kind == ActorKind.PERSON:
            # a later name of a list that a nation and a plural noun lead: 'the Chilean
            # engineers X, Y, and Z' (only for a name without a nation of its own)
            nations = [n for text in _list_leads(actor, victims, article) for n in _nations(text)]
        nations += [n for text in origins for n in _nations(text, True)]
        if nations:
            people.append(Filler(tuple(dict.fromkeys(nations)), (referent,)))
    t.slots[22] = SlotFill(fillers=people)


def _list_leads(actor: Actor, victims: Sequence[Actor], article: Article) -> list[str]:
    """The words that lead a list of names a mention of ``actor`` ends ('X, Y, and Z'):
    the modifiers before its first name, where they end in a plural noun ('the Chilean
    engineers X, Y, and Z')."""
    starts = {
        end: start
        for other in victims
        if other is not actor and other.kind == ActorKind.PERSON
        for start, end in other.mentions
    }
    leads: list[str] = []
    for start, _ in actor.mentions:
        first = None
        while (match := _LIST_JOINT.search(article.text, max(0, start - 8), start)) and (
            (before := starts.get(match.start())) is not None
        ):
            first = start = before
        if first is not None:
            words = _fill_string(_modifiers_before(article.text, first)).split()
            if words and words[-1].endswith("S"):
                leads.append(" ".join(words))
    return leads


# What joins the names of a list: ', ', ', and ', ' and '.
_LIST_JOINT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)


def _in_the_country_of_its_victims(t: MucTemplate, sentences: Sequence[str]) -> None:
    """An incident placed by no more than a country its sentences do not name, whose
    victims are all of one other country of interest, happened in theirs: a report from
    abroad on the murder of a 'Colombian senator' names no place, and its dateline's
    country is only where the news was heard."""
    location = t.slot(3).fillers
    if len(location) != 1 or parse_muc_location(location[0].value).places:
        return
    home = parse_muc_location(location[0].value).country
    if re.search(rf"\b{re.escape(home)}\b", _fill_string(" ".join(sentences))):
        return  # 'killed in Guatemala': the place is told, whoever the victims are
    nations = {f.alternatives[0] for f in t.slot(22).fillers if f.alternatives}
    if len(nations) != 1:
        return
    nation = next(iter(nations))
    if nation != home and nation in _COUNTRIES_OF_INTEREST:
        t.slots[3] = _one(nation)


def _in_the_nation_its_sentences_place_it(t: MucTemplate, sentences: Sequence[str]) -> None:
    """An incident placed by no more than a country its sentences do not name, whose
    sentences put it in another country of interest by its demonym ('near the Peruvian
    capital', 'on Bolivian territory'), happened there: a report from abroad, and its
    dateline's country is only where the news was heard."""
    location = t.slot(3).fillers
    if len(location) != 1 or parse_muc_location(location[0].value).places:
        return
    home = parse_muc_location(location[0].value).country
    text = _fill_string(" ".join(sentences))
    if re.search(rf"\b{re.escape(home)}\b", text):
        return
    nations = {
        nation
        for match in _PLACE_BY_A_DEMONYM.finditer(text)
        for nation in _nations(match.group(1))
    }
    if len(nations) != 1:
        return
    nation = next(iter(nations))
    if nation != home and nation in _COUNTRIES_OF_INTEREST:
        t.slots[3] = _one(nation)


def _in_the_capital_of_its_nation(
    t: MucTemplate, sentences: Sequence[str], home: Place | None
) -> None:
    """An incident placed by no more than a country whose sentences say it happened in that
    nation's capital ('in the Peruvian capital') happened in the capital city: a report from
    abroad names the capital by its nation, as a report with no town in its dateline
    ('CLANDESTINE') names it 'the capital'."""
    location = t.slot(3).fillers
    if len(location) != 1 or parse_muc_location(location[0].value).places:
        return
    country = parse_muc_location(location[0].value).country
    capital = _CAPITAL_CITY.get(country)
    if capital is None:
        return
    for match in _IN_THE_CAPITAL.finditer(_fill_string(" ".join(sentences))):
        demonym = match.group(1)
        if (demonym and country in _nations(demonym)) or (not demonym and home is None):
            t.slots[3] = _one(f"{country}: {capital} (CITY)")
            return


#: 'in the Peruvian capital', 'in the capital': where an act was, told by the capital.
_IN_THE_CAPITAL = re.compile(r"\b(?:IN|AT|OF|THROUGHOUT) THE (?:((?:[A-Z]+ )?[A-Z]+) )?CAPITAL\b")

#: The capital city of each country of interest, as its location fill names it.
_CAPITAL_CITY = {
    "ARGENTINA": "BUENOS AIRES",
    "BOLIVIA": "LA PAZ",
    "CHILE": "SANTIAGO",
    "COLOMBIA": "BOGOTA",
    "ECUADOR": "QUITO",
    "EL SALVADOR": "SAN SALVADOR",
    "GUATEMALA": "GUATEMALA CITY",
    "HONDURAS": "TEGUCIGALPA",
    "PERU": "LIMA",
}


# 'the Salvadoran capital', 'Peruvian territory': a place told by its nation's demonym.
_PLACE_BY_A_DEMONYM = re.compile(r"\b((?:[A-Z]+ )?[A-Z]+) (?:CAPITAL|TERRITORY|SOIL)\b")


def _settle_foreign_nations(t: MucTemplate) -> None:
    """Each FOREIGN NATION filler of :func:`_fill_foreign_nations` as its first nation other
    than the country of the incident's place, once that place is settled; none where the
    incident has no place."""
    location = t.slot(3).fillers
    home = location[0].value.split(":")[0].strip() if location else None
    fillers: list[Filler] = []
    for filler in t.slot(22).fillers:
        nation = next((n for n in filler.alternatives if n != home), None)
        if home is not None and nation is not None:
            settled = Filler((nation,), filler.xref)
            if settled not in fillers:
                fillers.append(settled)
    t.slots[22] = SlotFill(fillers=fillers)


# A phrase in apposition before a mention: 'the Spanish nun, Sister X' (a title may lead).
_SET_BEFORE = re.compile(
    r"\b(?:the|an?)\s+([\w.'-]+(?:\s+[\w.'-]+){0,2})\s*,\s*"
    r"(?:(?:sister|brother|father|mr|mrs|ms|dr|engineer)\.?\s+)?$",
    re.IGNORECASE,
)

# A group's members counted by their nations right after it: ', five of them Spaniards',
# ' -- four Spanish citizens and one Peruvian --'.
_MEMBERS_BY_NATION = re.compile(
    r"\s*(?:,|--|\()\s*((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|all|most)\s+"
    r"(?:of them\s+)?[A-Za-z][\w.']*(?:\s+[A-Za-z][\w.']*)?)",
    re.IGNORECASE,
)


# A person's origin told after the name: ', 40, from Spain', ', from Italy'.
_COMES_FROM = re.compile(
    r"\s*,\s*(?:\d{1,3}(?: years old)?\s*,\s*)?from\s+((?:the\s+)?[A-Za-z][\w.']*(?: [A-Z]\w*)?)",
    re.IGNORECASE,
)


# Words that end the modifiers of a noun phrase, read backwards from its head.
_PHRASE_BREAK = re.compile(
    r"^(?:THE|A|AN|OF|TO|AND|OR|BUT|THAT|WHO|WHOM|BY|WITH|FOR|IN|ON|AT|FROM|US|WE|HE|"
    r"SHE|THEY|IT|IS|WAS|WERE|ARE|TOLD|SAID)$"
)


def _modifiers_before(text: str, start: int, most: int = 3) -> str:
    """The words right before ``start`` that may modify the phrase there ('two U.S.'
    in 'two U.S. citizens'), up to a comma, a full stop or a function word ('told us
    that X' gives nothing)."""
    words = text[max(0, start - 60) : start].split()
    kept: list[str] = []
    for word in reversed(words[-most:]):
        if word[-1] in ',;:()[]"' or (
            word.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", word)
        ):
            break
        if _PHRASE_BREAK.match(word.upper()):
            break
        kept.insert(0, word)
    return " ".join(kept)


def _foreign_nation(
    text: str, home: str, by_name: bool = False, skip: tuple[str, ...] = ()
) -> str | None:
    """The first nation other than ``home`` that a fill names by a demonym ('NICARAGUAN
    EMBASSY' -> 'NICARAGUA'), as a MUC-4 country fill; ``by_name``: or by the country's
    name, where the words say it is one ('from Spain'; a surname may be a country's)."""
    words = list(re.finditer(r"[A-Z][A-Z.']*[A-Z.]", text))
    for i, match in enumerate(words):
        word = match.group().rstrip("'")
        if word.startswith("AMERICAN") and _OF_A_REGION.search(text, 0, match.start()):
            continue  # 'Central American', 'Latin American': no one nation
        if re.match(r"-(?:SPEAKING|LANGUAGE)\b", text[match.end() :]):
            continue  # 'a Spanish-language network': a language, not a nation
        # a demonym of two words first ('COSTA RICAN'), then of one
        after = words[i + 1].group().rstrip("'") if i + 1 < len(words) else ""
        pair = f"{word} {after}"
        nation = (
            _nation_phrases().get(pair)
            or _nation_words().get(word)
            or (_country_words().get(word) if by_name else None)
        )
        if nation is not None and nation != home and nation not in skip:
            return nation
    return None


def _nations(text: str, by_name: bool = False) -> tuple[str, ...]:
    """Every nation a fill names, in order, as :func:`_foreign_nation` reads them."""
    found: list[str] = []
    while (nation := _foreign_nation(text, "", by_name, skip=tuple(found))) is not None:
        found.append(nation)
    return tuple(found)


@functools.cache
def _demonym_fills() -> dict[str, str]:
    """Upper-case demonyms ('PERUVIAN', 'COSTA RICAN') -> the country's MUC-4 fill."""
    from threatline.geo import demonyms

    fills = {demonym.upper(): _country_name(code) for demonym, code in demonyms().items()}
    return {demonym: name for demonym, name in fills.items() if name}


@functools.cache
def _nation_phrases() -> dict[str, str]:
    """Upper-case demonyms of two words ('COSTA RICAN') -> the country's MUC-4 fill."""
    return {d: name for d, name in _demonym_fills().items() if d.count(" ") == 1}


@functools.cache
def _nation_words() -> dict[str, str]:
    """Upper-case demonyms and one-word country names -> the country's MUC-4 fill."""
    words: dict[str, str] = {}
    for demonym, name in _demonym_fills().items():
        if " " not in demonym:
            words[demonym] = name
            if demonym.endswith(("AN", "I")):  # its people: 'two Peruvians', 'Israelis'
                words[f"{demonym}S"] = name
    # forms the demonym table lacks: abbreviations, nouns for people, the period's states
    words.update(_EXTRA_NATION_WORDS)
    return words


# The word before 'American' that makes it a region's ('Central American University').
_OF_A_REGION = re.compile(r"\b(?:CENTRAL|LATIN|SOUTH|NORTH|PAN|INTER)[- ]$")


@functools.cache
def _country_words() -> dict[str, str]:
    """One-word country names ('SPAIN', 'PERU') -> the country's MUC-4 fill: a nation by
    name ('from Spain'), kept apart from the demonyms that may lead a description."""
    return {name: name for name in _demonym_fills().values() if " " not in name}


# Nouns for one person of a nation ('Spaniard', 'Frenchman'): told before a name like a
# title ('Spaniard Jose Soto'), and never a name's own first word as an adjective may be
# ('German' is also a given name).
_NATIONALITY_NOUNS: dict[str, str] = {
    "SPANIARD": "SPAIN",
    "BRITON": "UNITED KINGDOM",
    "ENGLISHMAN": "UNITED KINGDOM",
    "ENGLISHWOMAN": "UNITED KINGDOM",
    "SCOTSMAN": "UNITED KINGDOM",
    "WELSHMAN": "UNITED KINGDOM",
    "FRENCHMAN": "FRANCE",
    "FRENCHWOMAN": "FRANCE",
    "DUTCHMAN": "NETHERLANDS",
    "DUTCHWOMAN": "NETHERLANDS",
    "IRISHMAN": "IRELAND",
    "IRISHWOMAN": "IRELAND",
    "SWEDE": "SWEDEN",
    "DANE": "DENMARK",
    "FINN": "FINLAND",
}

_EXTRA_NATION_WORDS: dict[str, str] = {
    **_NATIONALITY_NOUNS,
    "U.S.": "UNITED STATES",
    "US": "UNITED STATES",
    "AMERICANS": "UNITED STATES",
    "SPANIARDS": "SPAIN",
    "BRITONS": "UNITED KINGDOM",
    "ENGLISHMEN": "UNITED KINGDOM",
    "FRENCHMEN": "FRANCE",
    "DUTCHMEN": "NETHERLANDS",
    "IRISHMEN": "IRELAND",
    "SWEDES": "SWEDEN",
    "DANES": "DENMARK",
    "ECUADORAN": "ECUADOR",
    "USSR": "USSR",
    "CHINESE": "PEOPLES REP OF CHINA",
    "PRC": "PEOPLES REP OF CHINA",
    "SOVIET": "USSR",
    "SOVIETS": "USSR",
}


#: How long before the message an incident may have happened to be "recent": two months
#: (part1 1.0, 6), and two more for times resolved only to a month or a season. (Its own
#: name: the two-month ``_RECENT`` of the date fills below would otherwise replace it.)
_RECENT_INCIDENT = dt.timedelta(days=120)

# Physical targets of military importance, and the installations of the police and other
# forces: attacking only those is guerrilla warfare (part1 1.0, point 1b).
_MILITARY_TARGET = re.compile(
    r"\b(?:MILITARY|ARMY|NAVY|NAVAL|AIR FORCE|GARRISONS?|BARRACKS|BATTALIONS?|BRIGADES?|"
    r"POSITIONS?|CONVOYS?|PATROLS?|TROOPS|HELICOPTERS?|GUNSHIPS?|WARPLANES?|ARMORED|"
    r"FORTS?|BASES?|COMMAND POSTS?|MILITARY POSTS?|OUTPOSTS?|"
    r"POLICE (?:STATIONS?|POSTS?|HEADQUARTERS|BARRACKS)|(?:NATIONAL )?GUARD POSTS?|"
    r"CIVIL DEFENSE POSTS?)\b"
)


# What follows an attack's trigger when it names a military unit or installation as the
# object: 'attacked the air force headquarters', 'an attack against a brigade unit'.
_MILITARY_OBJECT = re.compile(
    r"^(?:ON|AGAINST|AT)?\s*(?:(?:THE|A|AN|SEVERAL|TWO|THREE|\w+TH|\d+\w*|U\.S\.|"
    r"SALVADORAN|GOVERNMENT|ENEMY|INFANTRY)\s+){0,3}"
    r"(?:MILITARY|ARMY|NAVY|NAVAL|AIR FORCE|GARRISONS?|BARRACKS|BATTALIONS?|BRIGADES?|"
    r"POSITIONS|CONVOYS?|PATROLS?|TROOPS|SOLDIERS|REGIMENT|NATIONAL GUARD|OUTPOSTS?)\b"
)


#: Words that name civilians as those struck.
_CIVILIANS = re.compile(
    r"\b(?:CIVILIANS?|POPULATIONS?|PEOPLE|RESIDENTS|VILLAGERS|PEASANTS|INHABITANTS|CHILDREN|"
    r"WOMEN|FAMILIES|HOMES|HOUSES|VILLAGES?|NEIGHBORHOODS?|SCHOOLS?|HOSPITALS?|CHURCH(?:ES)?)\b"
)

#: Words that tell of bombardment from the air or by artillery, not of a planted device.
_BOMBARDMENT = re.compile(r"^(?:BOMB(?:ED|S|ING|INGS)?|BOMBARD\w*|STRAF\w*|SHELL(?:ED|ING|S)?)$")


def _state_bombardment(
    event: EventMention,
    perpetrators: list[Actor],
    victims: list[Actor],
    physical: list[str],
    article: Article,
    from_the_air: str | None = None,
) -> bool:
    """The state's forces bombing or shelling with no civilian target named: warfare, not a
    terrorist act, which is the act of an illegal, clandestine group (part1 section 1.0);
    state violence is an incident when it strikes civilians (point 2). ``from_the_air``:
    the words that tell the craft that bombed (:func:`_bombed_from_the_air`), the state's
    even when no doer is named."""
    if not _BOMBARDMENT.match(_fill_string(event.trigger.text)):
        return False
    if from_the_air is None and not perpetrators:
        return False
    if any(a.kind not in _STATE_KINDS for a in perpetrators):
        return False
    if _CIVILIANS.search(_after_trigger(event, article)):
        return False  # 'bombed Perquin civilians'
    return all(a.kind == ActorKind.SECURITY_FORCE for a in victims) and all(
        _MILITARY_TARGET.search(text) for text in physical
    )


#: The army's own installations and craft, which a civilian target beside them does not
#: make targets of terrorism.
_WAR_TARGET = re.compile(
    r"\b(?:GARRISONS?|BARRACKS|BATTALIONS?|HELICOPTERS?|GUNSHIPS?|WARPLANES?)\b"
)
#: Craft that bomb or strafe from the air, and the state's arm that flies them.
_AIRCRAFT = re.compile(
    r"\b(?:AIR FORCE|(?:AIR|WAR)?PLANES?|AIRCRAFTS?|HELICOPTERS?|GUNSHIPS?|BOMBERS?)\b"
)
#: The craft told after the act as the ones that did it: 'the bombings carried out by A-37
#: planes', 'the town was strafed by two helicopters'.
_DONE_BY_CRAFT = re.compile(
    r"^(?:[^.;:]{0,40}?\b(?:CARRIED OUT|CONDUCTED|MADE|DONE))?\s+BY\s+(?:THE\s+)?"
    r"(?:[\w.-]+\s+){0,3}?(?:AIR FORCE|(?:AIR|WAR)?PLANES?|AIRCRAFTS?|HELICOPTERS?|GUNSHIPS?|"
    r"BOMBERS?)\b"
)
_AIR_ARM = re.compile(r"\b(?:AIR FORCE|ARMED FORCES|ARMY|MILITARY)\b")


def _bombed_from_the_air(event: EventMention, article: Article) -> str | None:
    """The words of its sentence before a bombing or strafing trigger when they name the
    craft that did it ('military planes bombed the villages', 'the air force, using
    helicopter gunships, strafed the area', 'the planes that had been bombing the town');
    None for a bombing told without craft."""
    trigger_word = _fill_string(event.trigger.text)
    if not (
        _BOMBARDMENT.match(trigger_word)
        or (event.type == "bombing" and _DROPPED.match(trigger_word))
        or (event.type == "air_or_drone_strike" and _ATTACKED.match(trigger_word))
        or _MACHINEGUNNED.match(trigger_word)
    ):
        return None
    trigger = event.trigger.start
    sentence = next((s for s in event.evidence if s.start <= trigger < s.end), None)
    start = max(sentence.start if sentence is not None else 0, trigger - _CRAFT_WINDOW)
    before = _fill_string(article.text[start:trigger])
    struck = trigger_word.endswith("ED") and _SUFFERED_JUST_BEFORE.search(before)
    if _AIRCRAFT.search(before) and not struck:
        return before
    # the craft named after the act as its doers, in its sentence
    end = sentence.end if sentence is not None else event.trigger.end + _CRAFT_WINDOW
    after = _fill_string(article.text[event.trigger.end : min(end, event.trigger.end + 80)])
    done_by = _DONE_BY_CRAFT.match(" " + after)
    return done_by.group(0).strip() if done_by else None


#: 'a plane dropped a bomb on the village': the verb of a bomb let fall from a craft.
_DROPPED = re.compile(r"^DROPP(?:ED|ING)$")
#: The verb 'to be' right before a trigger in the past participle: 'a plane was
#: machinegunned by the rebels' tells of a craft struck, not of one that struck ('the planes
#: that had been bombing' did).
_SUFFERED_JUST_BEFORE = re.compile(r"\b(?:WAS|WERE|BEEN|BEING)(?:\s+\w+LY)?$")
#: 'a plane machinegunned the town': strafing told by the weapon the craft fired.
_MACHINEGUNNED = re.compile(r"^MACHINE-?GUNN(?:ED|ING)$")
#: 'a helicopter attacked the boat': an air strike told by the general verb.
_ATTACKED = re.compile(r"^ATTACK(?:ED|ING|S)?$")

#: Event types that are by their nature acts of the state's forces: done by no one named,
#: they are still STATE-SPONSORED VIOLENCE (part1 7.9).
_ACTS_OF_THE_STATE = frozenset(["security_operation", "extrajudicial_killing"])

#: How far before a bombing trigger its craft are looked for, in characters.
_CRAFT_WINDOW = 120


#: The people a bombing from the air struck, told right after its verb: 'strafed the
#: population', 'bombing and strafing the civilian population'.
_PEOPLE_STRUCK = re.compile(
    r"^(?:AND \w+ )?(?:THE )?((?:CIVILIAN )?(?:POPULATION|CIVILIANS|PEASANTS|RESIDENTS|"
    r"VILLAGERS|INHABITANTS))\b"
)


def _add_the_people_struck(template: MucTemplate, after: str) -> None:
    """The civilians a bombing from the air struck, as its text describes them, when the
    event names no victim: a human target of its own (part2, slot 19)."""
    match = _PEOPLE_STRUCK.match(after.strip())
    if match is None:
        return
    text = match.group(1)
    template.slots[19] = SlotFill(fillers=[Filler((text,))])
    template.slots[20] = SlotFill(fillers=[Filler(("CIVILIAN",), (text,))])
    template.slots[21] = SlotFill(fillers=[Filler(("PLURAL",), (text,))])


#: Head nouns of roads, airports and parts of a town, and the words that tell one as where
#: an act happened ('on the highway', 'near road no 32', 'at the airport', 'in the center of
#: the city').
_SCENE = re.compile(
    r"\b(?:ROADS?|HIGHWAYS?|STREETS?|AVENUES?|CENTER|AREAS?|ZONES?|SECTORS?|OUTSKIRTS|"
    r"NEIGHBORHOODS?|DOWNTOWN|CEREMONY|AIRPORTS?)$"
)
_AT_A_PLACE = re.compile(r"\b(?:ON|ALONG|NEAR|AT|IN|BY)\s+(?:THE\s+|A\s+)?$")


def _the_scene(span: Span, article: Article) -> bool:
    """Whether a physical target is a road or a part of a town told as the scene of the act
    ('ambushed the patrol on the highway', 'a bomb went off at a hotel in the tourist
    center'), not as what it struck ('blew up the highway')."""
    head = _fill_string(span.text).split(" OF ")[0]
    if not _SCENE.search(head):
        return False
    before = _fill_string(article.text[max(0, span.start - 20) : span.start]) + " "
    return _AT_A_PLACE.search(before) is not None


#: Head nouns of news media, and the words that tell one as whom a report was given to or
#: by ('according to the radio station', 'a communique sent to local radio stations', 'told
#: the station', 'published in local newspapers').
_MEDIA = re.compile(
    r"\b(?:RADIO|TELEVISION|STATIONS?|NEWSPAPERS?|AGENCY|AGENCIES|NETWORK|DAILY|PRESS|MEDIA)$"
)
_TOLD_TO = re.compile(
    r"\b(?:ACCORDING TO|(?:SENT|DELIVERED|SAID|TALKED|SPOKE|STATED|REPORTED|DECLARED|"
    r"ANNOUNCED|EXPLAINED|ADDED|CONFIRMED) TO|TOLD|CALLED|INFORMED|PUBLISHED IN|REPORTED BY|"
    r"QUOTED BY|CARRIED BY|BROADCAST BY)\s+(?:\w+\s+){0,2}$"
)


#: People told just before a vehicle they ride in: 'four youths in a red pickup truck',
#: 'two men riding on a motorcycle', 'assailants in another vehicle'.
_RIDERS = re.compile(
    r"\b(?:MEN|MAN|YOUTHS?|INDIVIDUALS|PERSONS|PEOPLE|GUERRILLAS|TERRORISTS|ASSAILANTS|GUNMEN|"
    r"ATTACKERS|KILLERS|SUBJECTS|STRANGERS|COMMANDOS?)\b(?:\s+[\w-]+){0,2}\s+"
    r"(?:IN|ON|ABOARD)\s+(?:A|AN|THEIR|TWO|THREE|SEVERAL|ANOTHER)\s+(?:[\w-]+\s+){0,3}$"
)
#: A passive verb: the people before it suffer the act ('five people in a bus were shot').
_SUFFERED = re.compile(r"\b(?:WAS|WERE|BEEN|BEING)\b")


#: The verb of a craft's strike right after it, in the active voice: 'a C-47 plane
#: strafed the area', 'the helicopters have been bombing the town'.
_STRIKES_FROM_THE_AIR = re.compile(
    r"^\s+(?:(?:HAS|HAVE|HAD) BEEN \w+ING|(?:IS|ARE|WAS|WERE) (?:\w+LY )?\w+ING|"
    r"(?:\w+LY )?(?:BOMBED|STRAFED|MACHINE-?GUNNED|ROCKETED|BOMBARDED|SHELLED))\b"
)
_STRIKING = re.compile(r"\b(?:BOMBING|STRAFING|MACHINE-?GUNNING|ROCKETING|BOMBARDING|SHELLING)$")


def _the_craft_that_struck(span: Span, article: Article) -> bool:
    """Whether a physical target is a plane or a helicopter told as the one that bombed or
    strafed ('where a C-47 aircraft strafed the area'): the state's weapon, not a thing
    struck (part2, slot 12)."""
    if not _AIRCRAFT.search(_fill_string(span.text)):
        return False
    after = _fill_string(article.text[span.end : span.end + 40])
    verb = _STRIKES_FROM_THE_AIR.match(" " + after)
    return verb is not None and (
        not verb.group(0).strip().endswith("ING") or bool(_STRIKING.search(verb.group(0)))
    )


def _the_doers_ride(span: Span, event: EventMention, article: Article) -> bool:
    """Whether the target is the vehicle that the people doing the act ride in, told
    between them and the act's verb ('three men in a white van fired on the
    guards'): how the doers came, not a thing they hit. In a bombing the car they came
    in may be the bomb ('two men in a car placed the bomb')."""
    if event.type in ("bombing", "suicide_bombing"):
        return False
    between = article.text[span.end : event.trigger.start]
    if not 0 <= len(between) <= 40 or _SUFFERED.search(_fill_string(between)):
        return False
    before = _fill_string(article.text[max(0, span.start - 60) : span.start]) + " "
    return bool(_RIDERS.search(before))


#: Vehicles that may carry a bomb or the doers; a bus is left aside, as it carries people.
_CARRIER = re.compile(r"\b(?:CARS?|TRUCKS?|VEHICLES?|PICKUPS?|JEEPS?|VANS?)$")
#: A charge told just before the vehicle it is in: 'a bomb in a car', 'dynamite placed
#: inside a truck', 'the bomb was in a pickup truck'.
_CHARGE_IN = re.compile(
    r"\b(?:BOMBS?|DYNAMITE|EXPLOSIVES?|CHARGES?)\b(?:(?!\bBY\b)[^.]){0,30}?\b(?:IN|INSIDE)\s+"
    r"(?:A|AN|THE)\s+(?:[\w-]+\s+){0,3}$"
)
#: What is told right after a vehicle that carried the charge or the doers: 'a truck,
#: packed with dynamite', 'the vehicle used in the attack'.
_CARRIED_OR_USED = re.compile(
    r"^\s*,?\s*(?:(?:WHICH|THAT) (?:WAS|WERE) )?(?:(?:PACKED|FILLED|LOADED|STUFFED) WITH "
    r"(?:[\w-]+ ){0,4}?(?:DYNAMITE|EXPLOSIVES?|BOMBS?|TNT)|(?:WAS |WERE )?USED)\b"
)


def _the_bombs_carrier(span: Span, article: Article) -> bool:
    """Whether the target is the vehicle that carried the bomb or the doers ('a bomb in a
    car parked outside the bank', 'a truck packed with dynamite', 'the terrorists used two
    cars'): the means of the attack, not a thing it struck. A vehicle told with its owner
    ('a bomb in the judge's car') is struck."""
    text = _fill_string(span.text)
    if not _CARRIER.search(text) or " OF " in f" {text} " or "'" in text:
        return False
    before = _fill_string(article.text[max(0, span.start - 60) : span.start]) + " "
    after = _fill_string(article.text[span.end : span.end + 60])
    return bool(
        _CHARGE_IN.search(before)
        or _CARRIED_OR_USED.match(after)
        or re.search(r"\bUSED\s+(?:[\w-]+\s+){0,2}$", before)
    )


def _told_to_the_media(span: Span, article: Article) -> bool:
    """Whether a physical target is a news outlet the report was told to or by ('according
    to the radio station', 'a communique sent to local radio stations'), not one struck."""
    head = _fill_string(span.text).split(" OF ")[0]
    if not _MEDIA.search(head):
        return False
    before = _fill_string(article.text[max(0, span.start - 25) : span.start]) + " "
    return _TOLD_TO.search(before) is not None


#: The words before a body that tell it gave or took the report ('according to the ministry',
#: 'reported the bombing to the prosecutor', 'released by the foreign ministry').
_REPORTED_BY = re.compile(
    r"\b(?:ACCORDING TO|(?:REPORTED|RELEASED|ISSUED|QUOTED|ANNOUNCED) (?:\w+ )?BY|"
    r"REPORTED (?:[\w']+ ){0,3}TO)\s+(?:[\w']+\s+){0,2}$"
)
#: A verb of saying right after a body: it is the one who tells ('the ministry reported').
_REPORTS = re.compile(
    r"^\s*(?:(?:HAS|HAVE|HAD)\s+)?(?:REPORTED|SAID|STATED|ANNOUNCED|CONFIRMED|DENIED|"
    r"DECLARED|EXPLAINED|INDICATED|REVEALED|DISCLOSED|ISSUED|RELEASED)\b"
)


def _a_source_of_the_report(span: Span, article: Article) -> bool:
    """Whether a physical target is the body that gives or takes the report ('the
    president's office has reported', 'according to the foreign ministry'), not one struck."""
    before = _fill_string(article.text[max(0, span.start - 40) : span.start]) + " "
    after = _fill_string(article.text[span.end : span.end + 30])
    return bool(_REPORTED_BY.search(before) or _REPORTS.match(after))


def _after_trigger(event: EventMention, article: Article) -> str:
    """The words after an event's trigger up to the end of its clause."""
    rest = article.text[event.trigger.end : event.trigger.end + 80]
    return _fill_string(re.split(r"[,;.:(]", rest)[0])


# Triggers that imply the kind of weapon: an INSTRUMENT TYPE without an INSTRUMENT ID.
_IMPLIED_INSTRUMENTS: tuple[tuple[str, str], ...] = (
    (r"MACHINE-?GUNN\w*", "MACHINE GUN"),
    (r"SHOT|SHOOT\w*|GUNN?\w*|GUNFIRE|FIRED", "GUN"),
    (r"DYNAMITED?", "DYNAMITE"),
    (r"BOMB\w*", "BOMB"),
    # an explosion or a blast tells of no bomb: the parent kind (half credit for a bomb)
    (r"EXPLO\w*|BLASTS?", "EXPLOSIVE"),
)

# Words of an attack's sentences that tell of shots from a weapon of that kind.
_GUNSHOT_INSTRUMENTS: tuple[tuple[str, str], ...] = (
    (r"MACHINEGUNN?\w*", "MACHINE GUN"),
    # 'gunned down', 'killed by a firing squad'
    (r"BULLETS?|GUNSHOTS?|GUNFIRE|GUNMEN|GUNNED|SHOTS?|SHOOTING|RIDDLED|FIRING SQUADS?", "GUN"),
)

# Words of the event's sentence that say a physical target was destroyed.
_DESTROYED = re.compile(
    # 'charges leveled against the embassy' destroy nothing
    r"\b(?:DESTROY\w*|DEMOLISH\w*|RAZED|LEVELL?ED(?!\s+(?:\w+\s+){0,2}(?:AGAINST|CHARGES?|ACCUSATIONS?)\b)|"
    r"BURNED DOWN|BL[EO]WN? UP|BLOWING UP)\b"
)
# A destroying word told only of a part: 'partially destroyed the house' (the words
# before it), 'destroyed 30 percent of the windows', 'destroyed the doors of' (after it).
_PARTLY_BEFORE = re.compile(r"\b(?:PARTIALLY|PARTLY|ALMOST|NEARLY|HALF) (?:\w+ )?$")
_A_PART_AFTER = re.compile(
    r"^ (?:(?:(?:ABOUT|APPROXIMATELY|NEARLY|SOME) )?\w+ PERCENT|PART|PARTS|SOME|MANY|MOST) OF\b|"
    r"^ (?:THE |ITS |THEIR )?(?:\w+ )?(?:WINDOWS?|WINDOWPANES?|DOORS?|WALLS?|FACADE|ROOF)\b"
)


def _destroyed_in_full(sentences: str) -> bool:
    """Whether a destroying word of the sentences tells of a whole thing, not of a part."""
    return any(
        not _PARTLY_BEFORE.search(sentences[max(0, m.start() - 25) : m.start()])
        and not _A_PART_AFTER.search(sentences[m.end() : m.end() + 40])
        for m in _DESTROYED.finditer(sentences)
    )


# Words of the event's sentence that say a physical target was damaged.
_DAMAGED = re.compile(
    r"\b(?:DAMAG(?:E|ED|ES|ING)|BROKEN|SHATTER\w*|LOSSES|DERAIL\w*|CRACKS|BLACKOUTS?|OUTAGES?)\b"
)
#: Triggers that tell of harm done to people, not to things.
_HARM_TO_PEOPLE = re.compile(
    r"^(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|MASSACRE\w*|EXECUT\w*|SLAIN|SLAY\w*|SHOT|"
    r"SHOOT\w*|GUNNED|WOUND\w*|INJUR\w*|STABB\w*|DEATH|DIED|DEAD)$"
)
# Triggers that say the victims died.
_KILLING = re.compile(
    r"\b(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|MASSACRE\w*|EXECUT\w*|SLAIN|SLAY\w*|"
    r"SHOT DEAD|DEATH(?!\s+(?:SQUADS?|THREATS?|LISTS?)\b))\b"
)


#: Words that tell what befell a person, by the harm they tell (HUM TGT: EFFECT OF INCIDENT,
#: part2 slot 23). A verb only in a past form: 'plotted to kill him' harmed no one.
_PERSONAL_HARMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "NO INJURY",
        re.compile(
            r"\b(?:UNHURT|UNHARMED|UNSCATHED|UNINJURED|UNWOUNDED|WITHOUT (?:ANY )?INJUR(?:Y|IES)|"
            r"(?:SUFFERED|SUSTAINED|RECEIVED) NO (?:[A-Z]+ )?(?:INJURY|INJURIES|WOUNDS|HARM)|"
            r"(?:WAS|WERE) NOT (?:HURT|INJURED|HARMED|WOUNDED))\b"
        ),
    ),
    (
        "DEATH",
        re.compile(
            r"\b(?:KILLED|KILLING|MURDERED|MURDER|ASSASSINATED|ASSASSINATION|DIED|DEAD|"
            r"SLAIN|EXECUTED|MASSACRED|GUNNED DOWN|(?:SHOT|STABBED|BEATEN|HACKED) TO DEATH|"
            r"PASSED AWAY|SUCCUMBED TO (?:HIS|HER|THEIR|THE) (?:WOUNDS|INJURIES|BURNS)|"
            r"BODY|BODIES|CORPSES?|DEATHS? OF)\b"
        ),
    ),
    (
        "INJURY",
        re.compile(r"\b(?:WOUNDED|WOUNDS|INJURED|INJURIES|INJURY OF|HURT|HOSPITALIZED)\b"),
    ),
)
#: What befell a person kidnapped: the harms, or his freedom regained.
_KIDNAP_OUTCOMES = (
    *_PERSONAL_HARMS,
    ("REGAINED FREEDOM", re.compile(r"\b(?:RELEASED|FREED|SET FREE|RESCUED)\b")),
)
#: Words just before a harm word that tell it was only meant: 'an attempt to murder'.
_ONLY_MEANT = re.compile(r"\b(?:TO|ATTEMPTED|ATTEMPTS?|PLOTS?|PLANS?|THREATS?)\s+$")
#: Words just before a harm word that tell it only as possible: 'could have been killed'.
_MODAL = re.compile(r"\b(?:COULD|WOULD|MIGHT|MAY|MUST)(?: NOT)?(?: HAVE)?(?: BEEN)?\s+$")


def _a_killing_told(sentences: str) -> bool:
    """Whether the sentences tell a killing done, not one only meant ('a plot to murder
    him', 'they could have been killed') nor denied ('the judge was not killed')."""
    return any(
        not _only_meant(sentences, m.start())
        and not _NOT_BEFORE.search(sentences[max(0, m.start() - 20) : m.start()])
        for m in _KILLING.finditer(sentences)
    )


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence that holds text[start:end]."""
    seps = (". ", "? ", "! ", "\n\n")
    before = max(text.rfind(sep, 0, start) for sep in seps)
    after = [i for i in (text.find(sep, end) for sep in seps) if i >= 0]
    return (0 if before < 0 else before + 2), min(after, default=len(text))


def _harm_told_of(actor: Actor, article: Article, kidnapped: bool = False) -> str | None:
    """What the sentences naming a person say befell him: DEATH, INJURY or NO INJURY, and
    for one ``kidnapped`` REGAINED FREEDOM ('was released'), by the word
    :func:`_told_near` finds told of each of his named mentions; a death told anywhere
    outweighs a wound ('wounded ... he later died')."""
    text = article.text.upper()
    found: set[str] = set()
    for start, end in actor.mentions:
        if _fill_string(text[start:end]) in _PRONOUNS:
            continue  # 'he' may stand for another: only what the text names counts
        told = _told_near(text, start, end, _KIDNAP_OUTCOMES if kidnapped else _PERSONAL_HARMS)
        if told is not None:
            harm = _as_denied(told[2]) if _harm_denied_of(text, start, told[0]) else told[2]
            if harm in ("DEATH", "INJURY") and _OWNER_OF_ANOTHER.match(text, end):
                continue  # 'A's driver was killed': the harm is of whom he has, not his
            found.add(harm)
    for harm in ("DEATH", "INJURY", "REGAINED FREEDOM", "NO INJURY", "NO DEATH"):
        if harm in found:
            return harm
    return None


#: A possessive after a name, of anything but his body: 'A's residence', 'A's driver'.
_OWNER_OF_ANOTHER = re.compile(r"'S\s+(?!(?:BODY|CORPSE|REMAINS)\b)")
#: 'was not killed', 'had not been wounded': the harm word's own negation, with no
#: adverb between ('was not seriously hurt' tells a light wound).
_NOT_BEFORE = re.compile(r"\b(?:NOT|NEVER)\s+(?:BEEN\s+)?$")
#: 'neither the mayor nor his wife was injured': the subject that denies the harm.
_NEITHER_NOR = re.compile(r"\bNEITHER\b[^.;:]*\bNOR\b")


def _harm_denied_of(text: str, mention: int, harm: int) -> bool:
    """Whether the harm word at ``harm``, told of the person named at ``mention``, is denied:
    negated itself ('was not killed'), or told after him of a subject opened by 'neither'
    ('neither the mayor nor his wife was hurt')."""
    if _NOT_BEFORE.search(text[max(0, harm - 20) : harm]):
        return True
    if harm < mention:
        return False
    lo, _ = _sentence_bounds(text, mention, mention)
    opening = text[lo:harm]
    neither = opening.rfind("NEITHER")
    return 0 <= neither <= mention - lo and bool(_NEITHER_NOR.search(opening, neither))


def _as_denied(harm: str) -> str:
    """The harm told as not suffered: a death denied is NO DEATH, any other NO INJURY."""
    return "NO DEATH" if harm == "DEATH" else "NO INJURY"


#: A sentence that opens on the one victim of the act told before: 'The victim was taken
#: to hospital, where he died'.
_THE_VICTIM_OPENS = re.compile(r"\s*THE VICTIM\b(?!S)")
#: How many sentences after the victim's last mention a death of 'the victim' may be told.
_LATER_DEATH_REACH = 3


def _the_victim_died_later(actor: Actor, article: Article) -> bool:
    """Whether one of the sentences just after the last mention of the act's one victim
    opens on 'the victim' and tells a death done ('the victim was taken to the hospital,
    where he passed away'): a death told later, of the same person, since the act had no
    other victim."""
    text = article.text.upper()
    # a pronoun may stand for another: the reach runs from the last mention naming him
    named = [end for start, end in actor.mentions if _fill_string(text[start:end]) not in _PRONOUNS]
    if not named:
        return False
    last_end = max(named)
    _, end = _sentence_bounds(text, last_end, last_end)
    death = dict(_PERSONAL_HARMS)["DEATH"]
    for _ in range(_LATER_DEATH_REACH):
        if end + 2 >= len(text):
            return False
        start, end = _sentence_bounds(text, end + 2, end + 2)
        if _THE_VICTIM_OPENS.match(text, start, end):
            told = death.finditer(text, start, end)
            return any(not _only_meant(text, m.start()) for m in told)
    return False


#: The words between a harm word and the person it takes as object: 'killed two',
#: 'the murder of the', 'wounded a'.
_TO_ITS_OBJECT = re.compile(
    r"^\s*(?:OF\s+)?(?:(?!(?:AND|OR|BUT|WHILE|WHEN|AFTER|BEFORE|AS)\b)[A-Z0-9'-]+\s+){0,2}$"
)


def _told_near(
    text: str,
    start: int,
    end: int,
    table: Sequence[tuple[str, re.Pattern[str]]],
) -> tuple[int, int, str] | None:
    """The word of ``table`` told of the mention text[start:end] in its sentence, as
    (start, end, its row's name): the word before it that takes it as object ('killed two
    peasants'), else the first after it ('A died and B was injured') unless that one opens
    a new clause ('killed A and wounded B'), else the nearest ('among the injured are A,
    B and C'). A word of an earlier row of ``table`` hides a later one it overlaps ('not
    hurt'); a word only meant ('a plot to murder', 'could have been killed') tells
    nothing."""
    lo, hi = _sentence_bounds(text, start, end)
    matches: list[tuple[int, int, str]] = []
    for harm, pattern in table:
        for match in pattern.finditer(text, lo, hi):
            if any(a < match.end() and match.start() < b for a, b, _ in matches):
                continue
            if _only_meant(text, match.start()):
                continue
            if start <= match.start() < end:
                continue  # the mention's own words ('the dead man')
            matches.append((match.start(), match.end(), harm))
    # 'A left after the assassination of six priests': a harm noun after a person with an
    # object of its own tells whom it befell
    after = min(
        (m for m in matches if m[0] >= end and not _OF_ITS_OWN.match(text, m[1])), default=None
    )
    before = max((m for m in matches if m[1] <= start), default=None)
    if before is not None and _TO_ITS_OBJECT.match(text[before[1] : start]):
        return before
    if after is not None and not text[end : after[0]].endswith("AND "):
        return after
    candidates = [m for m in (before, after) if m is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda m: start - m[1] if m[1] <= start else m[0] - end)


#: 'of' after a harm noun, before the one it befell: 'the murder of the mayor'.
_OF_ITS_OWN = re.compile(r"\s+OF\b")


def _only_meant(text: str, at: int) -> bool:
    """Whether the harm word at ``at`` is only meant or supposed, not done: 'a plot to
    murder', 'they could have been killed'."""
    return bool(
        _ONLY_MEANT.search(text[max(0, at - 12) : at]) or _MODAL.search(text[max(0, at - 25) : at])
    )


#: Words that tell what befell a thing (PHYS TGT: EFFECT OF INCIDENT, part2 slot 16).
_DAMAGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("NO DAMAGE", re.compile(r"\b(?:NO (?:[A-Z]+ ){0,3}DAMAGE|UNDAMAGED|INTACT)\b")),
    (
        "SOME DAMAGE",
        re.compile(
            r"\b(?:(?:PARTIALLY|PARTLY|ALMOST|NEARLY|HALF) (?:\w+ )?DESTROY\w*|"
            r"DAMAG(?:E|ED|ES|ING)|SHATTER\w*|BROKE|BROKEN|HOLES?|CRACK(?:S|ED)|"
            r"SET (?:\w+ )?(?:ON )?FIRE|BURNED|SCORCHED)\b"
        ),
    ),
    (
        "DESTROYED",
        re.compile(
            r"\b(?:DESTROY\w*|DEMOLISH\w*|RAZED|(?:LEVELL?ED|BURNED) TO THE GROUND|BURNED DOWN|"
            r"BL[EO]WN? UP|BLOWING UP|WRECKED|GUTTED|PULVERIZED|REDUCED TO (?:RUBBLE|ASHES))\b"
        ),
    ),
)


#: The words between a damage word and a thing it damaged a part of: 'destroyed the front
#: doors of the', 'shattered windows in one of the'.
_A_PART_OF = re.compile(
    r"^\s+(?:[A-Z0-9'-]+,?\s+){1,20}(?:OF|IN)\s+(?:(?:ONE OF )?(?:THE|A|AN|ITS|THEIR|HIS|HER)\s+)?$"
)


def _damage_told_of(target: str, article: Article) -> str | None:
    """What the sentences naming a physical target say befell it: DESTROYED, SOME DAMAGE or
    NO DAMAGE, by the damage word told of each place the text names it (as
    :func:`_harm_told_of` does for a person); the worst damage told anywhere counts."""
    text = article.text.upper()
    # 'the newsman's home ... the windows of the home': told again without its owner
    words = [re.escape(w) for w in _POSSESSIVE_OWNER.sub("", target).split()]
    if not words:
        return None
    found: set[str] = set()
    for named in re.finditer(r"\b" + r"\s+".join(words) + r"\b", text):
        told = _told_near(text, named.start(), named.end(), _DAMAGES)
        if told is None:
            continue
        damage = told[2]
        if (
            damage == "DESTROYED"
            and told[1] <= named.start()
            and _A_PART_OF.match(text[told[1] : named.start()])
        ):
            damage = "SOME DAMAGE"  # 'destroyed the doors of the house': the house is damaged
        found.add(damage)
    for damage in ("DESTROYED", "SOME DAMAGE", "NO DAMAGE"):
        if damage in found:
            return damage
    return None


def _what_was_taken(target: str) -> str:
    """What a robbery took from a physical target: a bank's money, another's property."""
    if re.search(r"\b(?:BANKS?|BRANCH(?:ES)?|SAVINGS|CREDIT)\b", target):
        return "MONEY TAKEN FROM TARGET"
    return "PROPERTY TAKEN FROM TARGET"


def _damage_told_after(event: EventMention, article: Article) -> str | None:
    """SOME DAMAGE when a later sentence of a bombing's paragraphs, whose own sentences
    tell no damage, tells the blast did some; only SOME DAMAGE, as a worse word there may
    be told of another thing."""
    paragraphs = _fill_string(_event_paragraphs(event, article))
    for sentence in re.split(r"(?<=\.)\s+", paragraphs):
        if _BLAST.search(sentence) and (_DESTROYED.search(sentence) or _DAMAGED.search(sentence)):
            return "SOME DAMAGE"
    return None


#: Words that tell of a bomb's blast ('the explosion damaged', 'the attack set fire').
_BLAST = re.compile(r"\b(?:BOMBS?|BLASTS?|EXPLOSIONS?|EXPLOSIVES?|DYNAMITE|ATTACKS?)\b")


def _event_sentences(event: EventMention, article: Article) -> str:
    return _fill_string(_event_text(event, article))


def _event_text(event: EventMention, article: Article) -> str:
    return " ".join(article.text[s.start : s.end] for s in event.evidence)


def _event_paragraphs(event: EventMention, article: Article) -> str:
    """The paragraphs (blank-line separated) of the event's sentences."""
    text = article.text
    spans = (_paragraph_of(text, s.start, s.end) for s in event.evidence)
    return " ".join(dict.fromkeys(text[start:end] for start, end in spans))


def _paragraph_after(told: Sequence[EventMention], report: ArticleReport) -> str:
    """The paragraph right after the last of the events' paragraphs, when it tells no act
    of its own: it goes on about theirs ('The explosion caused no casualties')."""
    text = report.article.text
    ends = [_paragraph_of(text, s.start, s.end)[1] for e in told for s in e.evidence]
    start = max(ends, default=len(text))
    start += len(text[start:]) - len(text[start:].lstrip())
    if start >= len(text):
        return ""
    start, end = _paragraph_of(text, start, start)
    if any(s.start < end and start < s.end for e in report.events for s in e.evidence):
        return ""
    return _fill_string(text[start:end])


def _paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph (blank-line separated) that holds the text's start..end."""
    start += len(text[start:end]) - len(text[start:end].lstrip())
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", start)
    return (0 if before < 0 else before + 2), (len(text) if after < 0 else after)


def _is_recent(event: EventMention, article: Article) -> bool:
    """Whether the event may be recent (part1 1.0, point 6): an event whose resolved time
    ends more than two months before the message is history, told for context."""
    time, published = event.time, article.published
    if time is None or time.end is None or published is None:
        return True
    return time.end >= published - _RECENT_INCIDENT


def _told_as_a_habit(event: EventMention, article: Article) -> bool:
    """An act told by a gerund in a frame of habit, liking, ability, threat or end ('so they
    could continue killing peasants', 'those who like throwing bombs', 'planes capable of
    dropping bombs', 'instead of bombing the neighborhoods', 'stop murdering civilians'):
    what someone does, might do or should stop doing, not a specific incident (part1 1.0)."""
    start, end = event.trigger.start, event.trigger.end
    if not _fill_string(article.text[start:end]).endswith("ING"):
        return False
    before = _fill_string(article.text[max(0, start - 40) : start]) + " "
    return bool(_HABIT_FRAME.search(before))


def _told_as_a_record(event: EventMention, article: Article, actors: dict[str, Actor]) -> bool:
    """An act told in a relative clause in the present perfect ('the rebels, who have
    dynamited the pipeline 23 times', 'the peasants who have been murdered, kidnapped and
    tortured', 'cowards who have attacked and bombed the people'), or in the present
    progressive ('the people, who are being attacked by the terrorists'): the clause tells
    what those people have done or suffered over time, or are doing, not a specific
    incident (part1 1.0, point 7). A threat so told ('the mafia, which has sworn to kill
    ten judges') stands, and is one, and so do victims the text names ('four of the
    students who have been kidnapped were identified as ...'): those make the act a
    specific one."""
    if event.type == "threat" or any(
        p.role in ("victim", "target")
        and p.actor in actors
        and actors[p.actor].kind == ActorKind.PERSON
        for p in event.participants
    ):
        return False
    start = event.trigger.start
    before = _fill_string(article.text[max(0, start - 80) : start]) + " "
    return bool(_RELATIVE_PERFECT.search(before) or _RELATIVE_PROGRESSIVE.search(before))


#: A word that opens a phrase of place, time or cause, not an act's object.
_A_PREPOSITION = r"(?:FOR|IN|ON|AT|BY|WITH|OF|TO|FROM|INTO|AGAINST|DURING|AFTER|SINCE)\b"
#: A relative pronoun and a perfect before an act's participle, with the participles
#: coordinated before it, each with or without its object: 'who have', 'that has also
#: been', 'which have been murdered,', 'that has persecuted the clergy and'.
_RELATIVE_PERFECT = re.compile(
    r"\b(?:WHO|WHICH|THAT) (?:\w+LY |ALSO |ALREADY )?(?:HAS|HAVE) (?:\w+LY |ALSO |ALREADY )?"
    r"(?:BEEN )?(?:[A-Z]+(?:ED|EN|ND|UCK|OT)(?: ?,? (?:AND )?| (?:THE |A |AN |ITS |THEIR )?"
    r"(?!" + _A_PREPOSITION + r")[A-Z'-]+(?: (?!" + _A_PREPOSITION + r")[A-Z'-]+)?,? AND )){0,3}$"
)


#: A relative pronoun and a present progressive before an act's participle or gerund:
#: 'who are being attacked', 'that is mercilessly attacking', 'who are killing and'.
_RELATIVE_PROGRESSIVE = re.compile(
    r"\b(?:WHO|WHICH|THAT) (?:\w+LY |ALSO |STILL )?(?:IS|ARE) (?:\w+LY |ALSO |STILL )?(?:BEING )?"
    r"(?:\w+LY )?(?:[A-Z]+(?:ED|EN|ING) ?,? (?:AND )?){0,3}$"
)


#: The words before a gerund that tell a habit, a liking, an ability, a threat or an end:
#: 'to continue', 'could continue', 'like', 'instead of', 'capable of', 'threaten', 'stop',
#: 'avoid'. A plain 'continued' may tell the course of one attack ('the rebels continued
#: firing'), and is left out.
_HABIT_FRAME = re.compile(
    r"\b(?:(?:TO|COULD|WOULD|WILL|CAN|MAY|MIGHT|SHOULD|MUST) (?:CONTINUE|KEEP ON)|"
    r"LIKES?|INSTEAD OF|CAPABLE OF|THREATEN(?:S|ED)?|STOP(?:S|PED)?|AVOID(?:S|ED)?)\s+$"
)


#: Words that bring up a past event for context (part1 1.0, point 6: 'Let us recall
#: that ...'); 'let us remember' also opens a fresh grievance, and is left out.
_RECALL = re.compile(
    r"\b(?:LET US RECALL|(?:I|WE) (?:WILL|WOULD LIKE TO) REMIND YOU|"
    r"IT (?:SHOULD|MUST) BE RECALLED|IT IS WORTH RECALLING)\b"
)


#: Words just before a trigger that count its act apart from one told before: 'another
#: bomb exploded', 'a third explosion', 'the second device went off'.
_ANOTHER = re.compile(
    r"(?<!\bIN )(?<!\bON )(?<!\bAT )(?<!\bFROM )(?<!\bWITH )(?<!\bBY )"
    r"\b(?:ANOTHER|(?:A|THE) (?:SECOND|THIRD|FOURTH|FIFTH))\s+"
    r"(?:(?!THAT\b|WHICH\b|WHO\b)[A-Z-]+\s+){0,2}$"
)


def _told_as_another(event: EventMention, article: Article) -> bool:
    """Whether the event's trigger, or the noun phrase it ends, opens with 'another' or an
    ordinal ('another explosive device thrown at ...')."""
    start = event.trigger.start
    before = _fill_string(article.text[max(0, start - 40) : start]) + " "
    if _ALSO_HIT.search(before) and _fill_string(event.trigger.text) in _ACTS_ON_A_TARGET:
        return True  # 'the mayor's house was also attacked': one more target, one more act
    if _A_DOER_ALSO.search(before) and _fill_string(event.trigger.text) in _BLOWING_UP:
        return True  # 'the rebels also blew up two towers': one more act of theirs
    return bool(_ANOTHER.search(before))


#: The word before a participle that tells an act on the person it names: 'the
#: recently murdered judge X', 'of the kidnapped mayor X'.
_BEFORE_A_DONE_ACT = re.compile(r"\b(?:THE|RECENTLY|LATELY|NEWLY)\s+$")
#: The words between such a participle and the name: a description of the person.
_DESCRIPTION_ONLY = re.compile(r"^(?:\s+[A-Z][A-Z'-]*){0,5}\s+$")


def _done_to_the_one_named(event: EventMention, article: Article, template: MucTemplate) -> bool:
    """Whether the event is told in passing as a participle before the person it harmed
    ('a follower of the recently murdered candidate X'): an act of its own, not one more
    harm of an act told before (guidelines part1 5.0). Only when told with no day ('recently'):
    'the murdered banker X' told on the day of a killing may be its victim."""
    if event.time is None or event.time.start is not None:
        return False
    text = article.text
    start, end = event.trigger.start, event.trigger.end
    if not text[start:end].upper().endswith(("ED", "EN")):
        return False
    if not _BEFORE_A_DONE_ACT.search(text[max(0, start - 20) : start].upper()):
        return False
    after = text[end : end + 80].upper()
    for filler in template.slot(18).fillers:
        at = after.find(filler.value)
        if at > 0 and _DESCRIPTION_ONLY.match(after[:at]):
            return True
    return False


#: 'was also', 'were also' just before the verb of an act: a target of one more act.
_ALSO_HIT = re.compile(r"\b(?:WAS|WERE) ALSO\s+$")
#: The doers, told by a kind of people or by 'they', that did one more thing: 'the rebels
#: also', 'terrorist groups also', 'they also'.
_A_DOER_ALSO = re.compile(
    r"\b(?:THEY|GROUPS?|" + "|".join(sorted(_GENERIC_PERPETRATOR_HEADS)) + r")\s+ALSO\s+$"
)
#: Verbs of blowing something up: done by the doers themselves, not by a blast told before
#: ('the rebels also blew up the towers'), unlike 'attacked', which may name the raid that
#: a robbery or a killing told before was part of.
_BLOWING_UP = frozenset(["BLEW", "DYNAMITED", "BOMBED"])
#: Verbs of an act on a target of its own (a harm such as 'killed' or 'damaged' may be
#: one more harm of the act told before).
_ACTS_ON_A_TARGET = frozenset(
    ["ATTACKED", "BOMBED", "DYNAMITED", "SHELLED", "MACHINEGUNNED", "RAIDED", "ASSAULTED"]
)


#: A sentence that opens on a time told from another act's: 'Three days earlier, ...', 'The
#: following Sunday ...', 'On that very day, ...'.
_DATED_FROM_ANOTHER = re.compile(
    r"^\W*(?:(?:\w+|A) (?:HOURS?|DAYS?|WEEKS?|MONTHS?) (?:EARLIER|LATER)|"
    r"THE (?:FOLLOWING|NEXT|PREVIOUS) (?:DAY|NIGHT|MORNING|WEEK|\w+DAY)|"
    r"THE DAY (?:BEFORE|AFTER)|ON THAT (?:VERY |SAME )?DAY|THAT SAME DAY)\b"
)


def _dated_from_another(event: EventMention, article: Article) -> bool:
    """Whether the sentence of the event's trigger opens on a time told from another act's
    ('Three days earlier, two bombs were thrown at ...'): an act apart from that one."""
    trigger = event.trigger.start
    sentence = next((s for s in event.evidence if s.start <= trigger < s.end), None)
    if sentence is None:
        return False
    return bool(_DATED_FROM_ANOTHER.search(_fill_string(article.text[sentence.start : trigger])))


def _told_as_history(event: EventMention, article: Article) -> bool:
    """An undated event that its sentence recalls for context ('Let us recall the bomb
    explosion in the police headquarters'): history, not a recent incident (part1 1.0,
    point 6)."""
    if event.time is not None and event.time.end is not None:
        return False
    trigger = event.trigger.start
    sentence = next((s for s in event.evidence if s.start <= trigger < s.end), None)
    if sentence is None:
        return False
    return bool(_RECALL.search(_fill_string(article.text[sentence.start : sentence.end])))


#: Bodies, not people: one named inside a physical target ('the offices of the daily El
#: Faro', 'the Ribera police station') is the owner of the building hit.
_OWNER_KINDS = frozenset(
    [
        ActorKind.MEDIA,
        ActorKind.ORGANIZATION,
        ActorKind.POLITICAL_PARTY,
        ActorKind.GOVERNMENT,
        ActorKind.INTERNATIONAL_ORG,
        ActorKind.SECURITY_FORCE,
        ActorKind.COUNTRY,
    ]
)


#: Bodies that are neither people nor an armed group's or the state's men: a union
#: federation, a daily, a university, the Red Cross.
_BODY_KINDS = frozenset([ActorKind.ORGANIZATION, ActorKind.MEDIA, ActorKind.INTERNATIONAL_ORG])


def _a_body(actor: Actor, article: Article) -> bool:
    """Whether a victim is a body (:data:`_BODY_KINDS`) and not a person the name tagger
    took for one."""
    return actor.kind in _BODY_KINDS and not _looks_like_name(actor, _actor_text(actor, article))


def _victim_description(actor: Actor, article: Article) -> str:
    """A group victim's HUM TGT: DESCRIPTION before :func:`_fill_human_targets` adds whose
    members they are."""
    text = _without_harm_told(_without_quantity(_actor_text(actor, article)))
    return _without_nationality(_without_praise(text))


#: A participle of the harm done, set before the words that describe the victims: 'the
#: kidnapped university students', 'recently assassinated candidate X'. The harm has its own
#: slot (part2, slot 23), and the keys leave it out of the description.
_HARM_TOLD_BEFORE = re.compile(
    r"^(?:RECENTLY\s+)?(?:MURDERED|KIDNAPPED|ABDUCTED|ASSASSINATED|KILLED|INJURED|WOUNDED|"
    r"THREATENED|MASSACRED|SLAIN|EXECUTED|RELEASED|FREED)\s+(?=\S)"
)


#: Words of renown or pity set before the words that describe the victims: 'the well-known
#: union leader', 'humble women'. They say what the reporter thinks of them, not who they
#: are, and the keys leave them out ('KNOWN' is what is left of 'WELL-KNOWN' split).
_PRAISE_BEFORE = re.compile(
    r"^(?:WELL-KNOWN|KNOWN|PROMINENT|RENOWNED|FAMOUS|NOTED|DISTINGUISHED|RESPECTED|HUMBLE|"
    r"DEFENSELESS|INNOCENT)\s+(?=\S)"
)


def _without_praise(text: str) -> str:
    """'WELL-KNOWN BANKER' -> 'BANKER'; 'HUMBLE WOMEN' -> 'WOMEN'."""
    return _PRAISE_BEFORE.sub("", text)


def _without_harm_told(text: str) -> str:
    """'KIDNAPPED UNIVERSITY STUDENTS' -> 'UNIVERSITY STUDENTS'; 'WOUNDED' stays."""
    return _HARM_TOLD_BEFORE.sub("", text)


def _group_victim_description(actor: Actor, article: Article) -> str:
    """A group victim's HUM TGT: DESCRIPTION: whose members they are, or whose kin."""
    text = _victim_description(actor, article)
    return _kin_of(actor, _members_of(actor, text, article), article)


#: Nouns of kinship: they tell who a person is only with whose kin he is ('his wife').
_KIN_NOUN = re.compile(
    r"(?:WIFE|WIVES|HUSBANDS?|SONS?|DAUGHTERS?|CHILD|CHILDREN|FAMILY|FAMILIES|MOTHERS?|"
    r"FATHERS?|BROTHERS?|SISTERS?|PARENTS|RELATIVES?|NEPHEWS?|NIECES?|GRANDSONS?|"
    r"GRANDDAUGHTERS?|GRANDCHILDREN|COUSINS?|(?:SON|DAUGHTER|BROTHER)S?-IN-LAW)"
)
#: A noun's possessive right before a phrase, and the count between: "the cook's", "the
#: driver's two".
_POSSESSIVE_BEFORE = re.compile(
    r"\b([A-Z][A-Z-]*'S)\s+((?:\d+|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\s+)?$"
)


def _kin_of(actor: Actor, text: str, article: Article) -> str:
    """A group told by a noun of kinship keeps whose kin they are when the text names him
    ("the cook's 15-year-old daughter" -> "COOK'S 15-YEAR-OLD DAUGHTER", 'the wife of the
    editor' -> 'WIFE OF THE EDITOR'): a bare 'WIFE' does not say who she is (part2, slot
    19). A pronoun ('his wife') names no one, and the text stays as it is."""
    if not _KIN_NOUN.fullmatch(text.split()[-1] if text else ""):
        return text
    upper = article.text.upper()
    for start, end in sorted(actor.mentions):
        told = _fill_string(article.text[start:end])
        if _without_quantity(told) != text and told != text:
            continue
        if (of := _OF_THE_BODY.match(upper, end)) is not None:
            return _fill_string(f"{told} {of.group(1)}")
        if (owner := _POSSESSIVE_BEFORE.search(upper[max(0, start - 40) : start])) is not None:
            return f"{owner.group(1)} {owner.group(2) or ''}{told}"
    return text


def _drop_places_as_people(template: MucTemplate, places: Sequence[Place]) -> bool:
    """'The pipeline from Neiva to Dorada': a name the tagger took for a person's, which is
    the name of a place the text tells elsewhere ('La Dorada') or of a thing ('the Cano Limon
    pipeline'), is no human target (part2, slot 18: persons); it goes with the fills that
    refer to it. Done once the incidents are joined: the name may still have told the
    reports of one act together. Returns whether the template is left with no perpetrator
    and no target at all."""
    names = {_place_words(place.name) for place in places}
    gone = {
        f.value
        for f in template.slot(18).fillers
        if _place_words(f.value) in names
        or _place_words(f.value.split(",")[0]) in names
        or _names_a_thing(f.value)
    }
    if not gone:
        return False
    template.slots[18] = SlotFill(
        fillers=[f for f in template.slot(18).fillers if f.value not in gone]
    )
    _drop_victims(template, gone)
    return not any(template.slot(s).fillers for s in _CONTENT_SLOTS)


#: Nouns that end the name of a thing or a place, never a person's ('the Gualberto Villaroel
#: refinery', 'the Cano Limon pipeline', 'Alux mountain').
_THINGS_NAMED = frozenset(
    ["REFINERY", "PIPELINE", "PLANT", "MOUNTAIN", "VOLCANO", "AIRPORT", "BRIDGE", "DAM",
     "HIGHWAY", "HOTEL", "BUILDING", "STATION", "WELL", "RIVER", "LAKE", "LAGOON", "ISLAND",
     "AVENUE", "HEADQUARTERS", "BARRACKS", "HOSPITAL", "UNIVERSITY", "CATHEDRAL", "STADIUM"]
)  # fmt: skip


def _names_a_thing(name: str) -> bool:
    """Whether a name ends with a noun that names a thing or a place (:data:`_THINGS_NAMED`)."""
    words = _fill_string(name).split()
    return bool(words) and words[-1] in _THINGS_NAMED


#: Articles that open a place's name ('La Dorada', 'El Bejuco') and that a report may drop.
_PLACE_ARTICLES = frozenset(["LA", "EL", "LOS", "LAS", "DEL", "DE"])


def _place_words(name: str) -> tuple[str, ...]:
    """A place name's words, without an article before them."""
    words = _fill_string(name).split()
    while len(words) > 1 and words[0] in _PLACE_ARTICLES:
        words = words[1:]
    return tuple(words)


def _drop_bodies_as_people(template: MucTemplate, bodies: set[str]) -> None:
    """A body told as harmed ('the attack on the university, UCA') is no human target
    (part2, slot 19: persons), nor its type, number, nation and effect: left out when the
    template keeps another target, which it needs to be matched at all (guidelines 3.2.1)."""
    gone = {f.value for f in template.slot(19).fillers if not f.xref and f.value in bodies}
    if not gone:
        return
    rest = [f for f in template.slot(19).fillers if f.xref or f.value not in gone]
    if not (rest or template.slot(18).fillers or template.slot(12).fillers):
        harmed = {f.xref[0] for f in template.slot(23).fillers if f.xref}
        if template.slot(12).inapplicable or gone & harmed:
            # a kidnapping has no physical target, and a body told killed or wounded ('the
            # murder at the university') stands for its people: it stays what was harmed
            return
        _bodies_as_physical_targets(template, sorted(gone))
    template.slots[19] = SlotFill(fillers=rest)
    for slot in (20, 21, 22, 23):
        kept = [f for f in template.slot(slot).fillers if not (f.xref and f.xref[0] in gone)]
        template.slots[slot] = SlotFill(fillers=kept)


def _bodies_as_physical_targets(template: MucTemplate, bodies: Sequence[str]) -> None:
    """'the attack against the union federation', with no one told harmed: the body it
    names is the template's only target, and an attack on a body strikes its offices
    (part2, slot 12), so the body is the physical target, of an organization's office unless
    its words say another kind."""
    types = [_classify(body, _PHYSICAL_TARGET_TYPES) or "ORGANIZATION OFFICE" for body in bodies]
    template.slots[12] = SlotFill(fillers=[Filler((body,)) for body in bodies])
    template.slots[13] = SlotFill(
        fillers=[Filler((kind,), (body,)) for kind, body in zip(types, bodies, strict=True)]
    )
    template.slots[14] = SlotFill(fillers=[Filler(("1",), (body,)) for body in bodies])


def _dwellers_of(
    physical: Sequence[str], persons: Sequence[Actor], article: Article
) -> list[Actor]:
    """The persons whose home is a physical target ('the residence of A', 'President A's
    home'): an attack on a person's home is one on him (part2, slot 18)."""
    found: list[Actor] = []
    for text in physical:
        home = _A_PERSON_S_HOME.match(text)
        if home is None:
            continue
        owner = home.group(1) or home.group(2) or ""
        for person in persons:
            name = _fill_string(_actor_text(person, article))
            if (
                _a_named_person(person, name)
                and person not in found
                and re.search(rf"\b{re.escape(name)}\b", owner)
            ):
                found.append(person)
    return found


#: A home and its owner: 'X's residence', 'the home of X (in Y)'; not a 'house', which
#: may be a firm's or a body's ('Government House').
_A_PERSON_S_HOME = re.compile(r"^(?:(.+?)'S?\s+)?(?:RESIDENCE|HOME)(?:\s+OF\s+(.+))?$")


def _owns_a_target(actor: Actor, physical: Sequence[str], article: Article) -> bool:
    """Whether a body (``_OWNER_KINDS``) is named inside one of the physical targets."""
    name = _fill_string(_actor_text(actor, article))
    if actor.kind not in _OWNER_KINDS or not name:
        return False
    return any(re.search(rf"\b{re.escape(name)}\b", text) for text in physical)


def _a_word_of_a_target_name(actor: Actor, physical: Sequence[str], article: Article) -> bool:
    """Whether a group of people is told by words inside the name of a physical target,
    more of the name after them ('the offices of the Peasants Workers Federation':
    'workers'): they name the body that owns it, no people harmed. A group at the end of
    the target's words ('the houses of the peasants') may be harmed: it is kept."""
    if _a_named_person(actor, _actor_text(actor, article)):
        return False
    text = _group_victim_description(actor, article)
    return bool(text) and any(re.search(rf"\b{re.escape(text)} [A-Z]", p) for p in physical)


def _fill_human_targets(
    t: MucTemplate,
    event: EventMention,
    victims: list[Actor],
    article: Article,
    incident_type: str,
    persons: Sequence[Actor] = (),
) -> None:
    names, descriptions, types, numbers, effects = [], [], [], [], []
    referents: list[str] = []
    harms: dict[str, str | None] = {}  # referent -> the harm its own sentences tell
    taken_roles: set[int] = set()
    for victim in victims:
        actor, told_role = victim, None
        named = _identified_as(victim, persons, article) or _named_after_the_role(
            victim, persons, article
        )
        if named is not None:
            # 'an agronomist, identified as A, was killed': the victim is A, an agronomist
            actor, told_role = named, _victim_description(victim, article)
        text = _actor_text(actor, article)
        if _a_named_person(actor, text):
            title, text = _split_title(text)
            text = _without_nationality_noun(_full_name(text, persons, article))
            if text in referents:
                continue  # 'Iribarne' and 'Jorge Luis Iribarne': one victim
            names.append(Filler((text,)))
            # A person's other mentions that are not names describe him ("the mayor"), and
            # so do his title ("Msgr") and an apposition ("Iribarne, the candidate,").
            roles = [
                _without_trailing_title(m)
                for m in _mention_texts(actor, article)
                if _is_person_description(m, text)
            ]
            roles = [told_role] if told_role else roles
            roles = roles or _appositions(actor, article, persons) or ([title] if title else [])
            if not roles:
                # 'Valdivia' told in full elsewhere ('magistrate Pedro Valdivia'): the
                # person named in full gives the description
                roles = _roles_of_full_name(text, actor, persons, article)
            if not roles:
                # a role told before the name, unless another victim took the same words
                # (one magistrate told under two names); 'corporal A, corporal B': two
                preceding = [
                    (role, at)
                    for role, at in _preceding_roles(actor, article)
                    if at not in taken_roles
                ]
                taken_roles.update(at for _, at in preceding[:1])
                # 'photographers A and B': each one is a photographer
                roles = [_singular_role(role) or role for role, _ in preceding]
            if not roles:
                # the later names of a list a plural role opens ('engineers A, B and C'):
                # each one is an engineer, as the first is
                roles = [_singular_role(r) or r for r in _role_before_list(actor, persons, article)]
            # 'his assistant, A,': whatever the noun, it is A's role
            roles = roles or _owned_role_before(actor, article)
            # 'an elderly man named A': the words that name him first describe him
            roles = roles or _told_before_naming(actor, article)
            roles = [_without_nationality(_without_praise(_without_harm_told(r))) for r in roles]
            descriptions += [Filler((role,), (text,)) for role in roles[:1]]
            number = "1"
            kind = _human_target_type(
                actor, " ".join([text, *roles[:1]]), _mention_context(actor, article)
            )
        else:
            number = _count(text)
            if number.isdigit():
                number = _count_told_in_mentions(actor, int(number), article)
            if number == "PLURAL":
                number = _group_count(actor, text, article, event.evidence) or number
            text = _group_victim_description(actor, article)
            descriptions.append(Filler((text,)))
            kind = _human_target_type(actor, text, _mention_context(actor, article))
        referents.append(text)
        harms[text] = _harm_told_of(actor, article, incident_type == "KIDNAPPING")
        types.append(Filler((kind,), (text,)))
        numbers.append(Filler((number,), (text,)))
    _describe_by_their_group(names, descriptions, types, numbers)
    if twins := _unnamed_twins(descriptions, numbers):
        descriptions = [f for f in descriptions if f.xref or f.value not in twins]
        types = [f for f in types if f.xref[0] not in twins]
        numbers = [f for f in numbers if f.xref[0] not in twins]
        referents = [r for r in referents if r not in twins]
    # One group of victims ("peasants") and an exact casualty count: that is their number.
    casualties = event.fatalities if event.fatalities and event.fatalities.min else event.injuries
    told = _quantity_as_told(casualties) if casualties is not None else None
    if len(numbers) == 1 and numbers[0].value == "PLURAL" and told is not None:
        numbers = [Filler((told,), numbers[0].xref)]
    killed = incident_type != "KIDNAPPING" and (
        (event.fatalities and (event.fatalities.min or 0) > 0)
        or (victims and _a_killing_told(_event_sentences(event, article)))
    )
    injured = event.injuries and (event.injuries.min or 0) > 0
    counted: list[str] = []
    for count, harm, other in (
        (event.fatalities, "DEATH", event.injuries),
        (event.injuries, "INJURY", event.fatalities),
    ):
        group = _counted_casualties(count, victims, article, other)
        if group is None or group in referents or group in counted:
            continue
        # '2 people died and 15 others were wounded': the others are victims of their own
        # (part2, slot 19), with their count and their harm
        descriptions.append(Filler((group,)))
        types.append(Filler(("CIVILIAN",), (group,)))
        numbers.append(Filler((_exact_count(count),), (group,)))
        effects.append(Filler((harm,), (group,)))
        counted.append(group)
        if killed and injured:
            # the victims named suffered the other harm
            killed, injured = harm == "INJURY", harm == "DEATH"
    if (
        killed
        and injured
        and not counted
        and _one_group_killed_and_wounded(referents, names, harms)
        and _each_count_names_the_group(event.fatalities, event.injuries, victims)
    ):
        # '35 people died and 350 people were wounded': the dead and the wounded are two
        # victims of one description, each with its count and its harm
        group = referents[0]
        descriptions = [Filler((group,)), Filler((group,))]
        types = [types[0], types[0]]
        numbers = [
            Filler((_exact_count(count),), (group,))
            for count in (event.fatalities, event.injuries)
            if count is not None
        ]
        t.slots[18] = SlotFill(fillers=names)
        t.slots[19] = SlotFill(fillers=descriptions)
        t.slots[20] = SlotFill(fillers=types)
        t.slots[21] = SlotFill(fillers=numbers)
        t.slots[23] = SlotFill(
            fillers=[Filler(("DEATH",), (group,)), Filler(("INJURY",), (group,))]
        )
        return
    # 'the victim was taken to the hospital, where he died': a death told later of the
    # act's one victim is the act's
    if (
        len(victims) == 1
        and len(referents) == 1
        and harms[referents[0]] != "DEATH"
        and _the_victim_died_later(victims[0], article)
    ):
        harms[referents[0]] = "DEATH"
    groups = [r for r in referents if r not in {f.value for f in names}]
    effects += _effects_on(referents, harms, bool(killed), bool(injured), groups)
    t.slots[18] = SlotFill(fillers=names)
    t.slots[19] = SlotFill(fillers=descriptions)
    t.slots[20] = SlotFill(fillers=types)
    t.slots[21] = SlotFill(fillers=numbers)
    t.slots[23] = SlotFill(fillers=effects)


def _one_group_killed_and_wounded(
    referents: Sequence[str], names: Sequence[Filler], harms: dict[str, str | None]
) -> bool:
    """Whether the act's only victims are one group no name tells and no sentence spares."""
    return (
        len(referents) == 1 and not names and harms.get(referents[0]) in (None, "DEATH", "INJURY")
    )


def _each_count_names_the_group(
    dead: Quantity | None, wounded: Quantity | None, victims: Sequence[Actor]
) -> bool:
    """Whether a death count and an injury count told close together each count people
    with the victims' own noun ('35 people died and 350 people were wounded'): the dead
    and the wounded are told as two groups of them. A count of no noun of its own ('and
    350 were wounded') may count them all, and the keys then often give the total."""
    if (
        dead is None
        or wounded is None
        or not (_elliptic(wounded, dead) or _elliptic(dead, wounded))
    ):
        return False
    return all(
        count.start is not None
        and count.end is not None
        and any(s <= count.end + 1 and e > count.start for v in victims for s, e in v.mentions)
        for count in (dead, wounded)
    )


def _effects_on(
    referents: Sequence[str],
    harms: dict[str, str | None],
    killed: bool,
    injured: bool,
    groups: Sequence[str] = (),
) -> list[Filler]:
    """HUM TGT: EFFECT OF INCIDENT of each victim (part2, slot 23): the harm the sentences
    naming him tell, else the event's. Casualties are counted per event, not per victim:
    with both kinds of harm, a harm no victim is told to have suffered befell the first
    group of victims ('4 people were killed and 30 were wounded': people too), else it is
    tagged with a dummy referent, as the fill rules allow."""
    told = {r: _PERSONAL_EFFECT[h] for r in referents if (h := harms.get(r))}
    if killed and injured:
        effects = [Filler((told[r],), (r,)) for r in referents if r in told]
        given = {f.value for f in effects}
        sufferer = groups[0] if groups else "-"
        effects += [Filler((h,), (sufferer,)) for h in ("DEATH", "INJURY") if h not in given]
        return effects
    if killed or injured:
        harm = "DEATH" if killed else "INJURY"
        if not referents:
            return [Filler((harm,), ("-",))]
        return [Filler((told.get(r, harm),), (r,)) for r in referents]
    return [Filler((told[r],), (r,)) for r in referents if r in told]


#: The effect filler of a harm told of one person.
_PERSONAL_EFFECT = {
    "DEATH": "DEATH",
    "INJURY": "INJURY",
    "NO INJURY": "NO INJURY OR DEATH",
    "NO DEATH": "NO DEATH",
    "REGAINED FREEDOM": "REGAINED FREEDOM",
}


# 'members of the town's civil defense': the body they belong to, up to a phrase break
_OF_THE_BODY = re.compile(
    r"\s+(OF\s+(?:THE\s+)?[^,.;:()\[\]\"]{3,80}?)(?=\s*[,.;:()\[\]\"]|\s+(?:WAS|WERE|WHO|"
    r"HAVE|HAS|HAD|AND|IN|ON|AT|BY|FROM|DURING)\b|\s*$)"
)


def _members_of(actor: Actor, text: str, article: Article) -> str:
    """A group told only as 'members' is described with the body they are members of, as
    the text tells it ('MEMBERS OF THE CIVIL DEFENSE'); any other text as it is."""
    if text not in ("MEMBERS", "MEMBER"):
        return text
    upper = article.text.upper()
    for _, end in actor.mentions:
        match = _OF_THE_BODY.match(upper, end)
        if match is not None:
            return _fill_string(f"{text} {match.group(1)}")
    return text


def _doers_members_of(actor: Actor, text: str, article: Article, actors: dict[str, Actor]) -> str:
    """Doers told as 'members' of a body the text names right after them ('eight members
    of the army'): the keys give the whole phrase, count and body with it; a bare
    'MEMBERS' says nothing of who they are. Only up to the end of a named actor, so that
    a verb after the phrase stays out ('members of the army killed ...'); else the text as
    it is."""
    if text.split()[-1:] not in (["MEMBERS"], ["MEMBER"]):
        return text
    spans = sorted(span for a in actors.values() for span in a.mentions)
    upper = article.text.upper()
    for start, end in actor.mentions:
        if _fill_string(article.text[start:end]).split()[-1:] != text.split()[-1:]:
            continue
        match = _OF_THE_BODY.match(upper, end)
        if match is None:
            continue
        # the first actor named in it ends the body ('of the Fifth Front of the Union')
        body = next((e for s, e in spans if s >= match.start(1) and e <= match.end(1)), None)
        if body is None or re.match(r"\s+OF\b", upper[body:]):
            # 'members of the Army of the North': the name goes on past the actor found
            continue
        return _fill_string(f"{text} {upper[match.start(1) : body]}")
    return text


# The people a casualty count counts when no victim names them: '15 others', 'six people',
# 'two other persons'.
_COUNTED_PEOPLE = re.compile(r"\s+((?:OTHER\s+)?(?:PEOPLE|PERSONS)|OTHERS)\b")
# A count of the harmed with no noun: '30 wounded', 'left 31 dead'; the keys give the
# harm word as the description. Not when a noun follows ('12 wounded soldiers').
_COUNTED_HARMED = re.compile(
    r"\s+(INJURED|WOUNDED|DEAD)\b"
    r"(?!\s+(?!(?:AS|WAS|HAS|IS|THIS)\b)(?:[A-Z]+S|PEOPLE|[A-Z]*MEN|CHILDREN)\b)"
)


def _counted_casualties(
    count: Quantity | None,
    victims: Sequence[Actor],
    article: Article,
    other: Quantity | None = None,
) -> str | None:
    """The words a casualty count counts ('OTHERS' in '15 others were wounded') when
    they are generic people words, or the harm word of a count that leaves out the noun
    told with the ``other`` count ('7 people were killed and 12 injured'), and no
    victim's mention covers them; else None."""
    if count is None or count.start is None or count.end is None or not count.min:
        return None
    text = article.text.upper()
    match = _COUNTED_PEOPLE.match(text, count.end)
    if match is None and _elliptic(count, other):
        match = _COUNTED_HARMED.match(text, count.end)
    if match is None:
        return None
    if any(s < match.end() and e > count.start for v in victims for s, e in v.mentions):
        return None
    return _fill_string(match.group(1))


def _elliptic(count: Quantity, other: Quantity | None) -> bool:
    """Whether the count follows the other casualty count closely ('7 people were killed
    and 12 injured'), so that it counts the same kind of people."""
    return (
        other is not None
        and other.end is not None
        and count.start is not None
        and other.end <= count.start < other.end + 60
    )


def _exact_count(count: Quantity) -> str:
    """HUM TGT: NUMBER of a counted group: the count as told, else PLURAL."""
    return _quantity_as_told(count) or "PLURAL"


# How part1 (slots 14 and 21) writes a count that a modifier qualifies: 'at least 6' and
# 'more than 6' -> '6-', 'about 100' -> '~100', 'up to 6' and 'nearly 6' -> '-6'.
_MODIFIED_COUNT = {
    "at_least": "{}-",
    "above": "{}-",
    "approx": "~{}",
    "at_most": "-{}",
    "nearly": "-{}",
}


def _count_as_told(number: int, before: str) -> str:
    """A NUMBER fill of a count with the words right before it: '6', or '6-' after 'at
    least', '~6' after 'about' (part1, slot 21)."""
    words = before.split()
    for n in (3, 2, 1):
        kind = modifier_kind(" ".join(words[-n:])) if len(words) >= n else None
        if kind in _MODIFIED_COUNT:
            return _MODIFIED_COUNT[kind].format(number)
    return str(number)


def _count_told_in_mentions(actor: Actor, number: int, article: Article) -> str:
    """The NUMBER fill of a group's count with the modifier its mentions tell before it
    ('at least 35 people' -> '35-'); the count alone when no mention qualifies it, or one
    tells it plainly ('at least five wounded ... five persons were wounded')."""
    said = [str(number), *(w for w, n in _NUMBER_WORDS.items() if n == number)]
    count = re.compile(rf"(?:^|\s)(?:{'|'.join(said)})(?=\s|$)")
    told: set[str] = set()
    for start, end in actor.mentions:
        phrase = _fill_string(
            re.split(r"[,;:.()\[\]\"]", article.text[max(0, start - 30) : end])[-1]
        )
        match = count.search(phrase)
        if match is not None:
            told.add(_count_as_told(number, phrase[: match.start()]))
    return told.pop() if len(told) == 1 else str(number)


def _quantity_as_told(count: Quantity) -> str | None:
    """The NUMBER fill of a count the text states as one figure, with its modifier ('at
    least 35' -> '35-'); None when it states none ('dozens', 'two or three')."""
    words = count.text.split()
    for n in (3, 2, 1):
        if len(words) > n and modifier_kind(" ".join(words[:n])) in _MODIFIED_COUNT:
            stated = parse_quantity(" ".join(words[n:]))
            if stated is None or not stated.min or stated.min != stated.max:
                return None
            return _count_as_told(stated.min, " ".join(words[:n]))
    return str(count.min) if count.min and count.min == count.max else None


def _roles_of_full_name(
    name: str, actor: Actor, persons: Sequence[Actor], article: Article
) -> list[str]:
    """The roles told of the other person whose mention is the victim's full name: the
    tagger may split one person into two ('Valdivia' and 'the magistrate Pedro Valdivia
    Soto'), and only one of them is the event's victim."""
    for person in persons:
        if person.id == actor.id:
            continue
        names = [_split_title(m)[1] for m in _mention_texts(person, article)]
        if name not in names:
            continue
        roles = [m for m in _mention_texts(person, article) if _is_person_description(m, name)]
        return roles or _appositions(person, article)
    return []


def _mention_context(actor: Actor, article: Article, width: int = 80) -> str:
    """The words around the actor's mentions, as one fill string."""
    return _fill_string(
        " ".join(article.text[max(0, start - width) : end + width] for start, end in actor.mentions)
    )


# A count right before a group's words ('killed 16 peasants', 'six priests', 'two other
# officials', 'two of his bodyguards'), in the same phrase.
_COUNT_RIGHT_BEFORE = re.compile(
    r"(?:^|\s)(\d[\d,]*|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE)\s+"
    r"(OTHER\s+|OF\s+(?:(?:HIS|HER|THEIR|ITS|THE|THESE|THOSE)\s+)?)?$"
)


def _group_count(
    actor: Actor, text: str, article: Article, evidence: Sequence[Span] = ()
) -> str | None:
    """HUM TGT: NUMBER of a group from the count the text puts before one of its mentions
    (part2, slot 21: a digit from the text when it gives one); None when none does. The
    mentions in the act's own sentences (``evidence``) first: one group harmed in two acts
    ('44 peasants have been killed ... shot 16 peasants') is counted for each act."""

    def elsewhere(start: int) -> bool:
        return not any(s.start <= start < s.end for s in evidence)

    for start, end in sorted(actor.mentions, key=lambda m: (elsewhere(m[0]), m[0])):
        if _fill_string(article.text[start:end]) in _PRONOUNS:
            continue  # 'one of them': whom 'them' stands for is the tagger's guess
        before = re.split(r"[,;:.()\[\]\"]", article.text[max(0, start - 30) : start])[-1]
        match = _COUNT_RIGHT_BEFORE.search(_fill_string(before) + " ")
        if match is None:
            continue
        word = match.group(1).replace(",", "")
        number = int(word) if word.isdigit() else 1 if word == "ONE" else _NUMBER_WORDS.get(word)
        if word.isdigit() and len(word) == 4 and word.startswith(("19", "20")):
            continue  # a year: 'since 1989 peasants have fled'
        # 'one of his bodyguards': one of the group; 'one peasants' is no count
        if number and (number > 1 or (match.group(2) or "").startswith("OF")):
            return _count_as_told(number, _fill_string(before)[: match.start(1)])
    return None


def _full_name(name: str, persons: Sequence[Actor], article: Article) -> str:
    """A person's full name when the text also gives it: reports name a person in full
    once ('Jorge Luis Iribarne') and by surname after ('Iribarne'), which the name tagger may
    take for two people. The longest name of another person that holds the name's words
    in order, when the longer names agree (two Carloses leave 'Carlos' as it is)."""
    words = name.split()
    if not words:
        return name
    longer: list[list[str]] = []
    for person in persons:
        for mention in _mention_texts(person, article):
            other = _split_title(mention)[1].split()
            if _PERSON_ROLE.search(mention) or "OF" in other or len(other) > 5:
                continue  # a description ('the MNR leader Hector'), not a name
            if len(other) > len(words) and _contains(other, words) and other not in longer:
                longer.append(other)
    if not longer:
        return name
    longest = max(longer, key=len)
    if all(_contains(longest, other) for other in longer):
        return " ".join(longest)
    return name


# Titles that open a person's name in the text ("Col Lombardi", "Msgr Zubieta"): MUC-4 fills
# the name without them and may give the title as the description.
_TITLE = re.compile(
    r"^((?:MSGR|MONSIGNOR|FATHER|BISHOP|ARCHBISHOP|DR|DOCTOR|COL|COLONEL|GEN|GENERAL|MAJ|"
    r"MAJOR|CAPT|CAPTAIN|LT|LIEUTENANT|SGT|SERGEANT|CMDR|COMMANDER|MR|MRS|MS|SENATOR|"
    r"MAYOR|JUDGE|DEPUTY|MINISTER|PRESIDENT|ENGINEER|ENG|ATTORNEY|PROFESSOR|PROF)\.?)\s+"
)


# Short titles the name tagger may leave at the end of a role it tells apart from the
# name ('Attorney General Dr | Pablo Mena'): they belong to the name, not the role.
_TRAILING_TITLE = re.compile(r"\s+(?:DR|MR|MRS|MS|MSGR)\.?$")


def _without_trailing_title(role: str) -> str:
    """'ATTORNEY GENERAL DR' -> 'ATTORNEY GENERAL'; any other role as it is."""
    return _TRAILING_TITLE.sub("", role)


def _split_title(name: str) -> tuple[str | None, str]:
    """A person's fill split into its leading title (or None) and the name proper."""
    match = _TITLE.match(name)
    if match is None or len(name[match.end() :].split()) < 1:
        return None, name
    return match.group(1), name[match.end() :]


# An apposition after a name: ", the mayor of Achi," up to the next comma or full stop.
_APPOSITION = re.compile(
    r"\s*,\s*((?:[^,.;:()\"]|(?<=\b[A-Z])\.){3,80}?)\s*(?:[,;:()\"]|(?<!\b[A-Z])\.|$)",
    re.IGNORECASE,
)


def _singular_role(group: str) -> str | None:
    """'PEASANTS' -> 'PEASANT', 'ARMY POLICEMEN' -> 'ARMY POLICEMAN': a group told by a
    plural role noun (and at most one word before it), else None."""
    words = group.split()
    if not 1 <= len(words) <= 2 or not _PERSON_ROLE.fullmatch(words[-1]):
        return None
    last = words[-1]
    if last.endswith("MEN"):
        last = last[:-3] + "MAN"
    elif last.endswith("IES"):
        last = last[:-3] + "Y"
    elif last.endswith("S"):
        last = last[:-1]
    else:
        return None
    return " ".join([*words[:-1], last])


def _unnamed_twins(descriptions: Sequence[Filler], numbers: Sequence[Filler]) -> set[str]:
    """Victims told as one person by a role a named victim holds ('the murder of a
    magistrate', then 'magistrate A was murdered'): the same person told twice, whom the
    name already gives (part2, slots 18 and 19), not one more victim."""
    roles = {f.value for f in descriptions if f.xref}
    return {
        f.value
        for f in descriptions
        if not f.xref
        and f.value in roles
        and [n.value for n in numbers if n.xref == (f.value,)] == ["1"]
    }


def _describe_by_their_group(
    names: list[Filler],
    descriptions: list[Filler],
    types: list[Filler],
    numbers: list[Filler],
) -> None:
    """Victims named with no role of their own, as many as the one group of victims told
    with them ('five peasants were killed: A, B, C, D and E'): the group is they, and each
    one is described by its role in the singular (part2, slot 19)."""
    described = {f.xref[0] for f in descriptions if f.xref}
    bare = [f.value for f in names if f.value not in described]
    groups = [f for f in descriptions if not f.xref]
    if not bare or len(groups) != 1:
        return
    group = groups[0].value
    role = _singular_role(group)
    counts = [f.value for f in numbers if f.xref == (group,)]
    if role is None or counts != [str(len(bare))]:
        return
    descriptions.remove(groups[0])
    types[:] = [f for f in types if f.xref != (group,)]
    numbers[:] = [f for f in numbers if f.xref != (group,)]
    descriptions += [Filler((role,), (name,)) for name in bare]


def _appositions(actor: Actor, article: Article, persons: Sequence[Actor] = ()) -> list[str]:
    """Descriptions of a person given in apposition to his name that name a role; not the
    next of a list of people ('major A, captain B, ...': B's role and name, not A's role)."""
    found: list[str] = []
    others = [start for p in persons if p.id != actor.id for start, _ in p.mentions]
    for _, end in actor.mentions:
        match = _APPOSITION.match(article.text, end)
        if match is None or any(match.start(1) <= at < match.end(1) for at in others):
            continue
        told = _fill_string(match.group(1))
        text = _LEADING_NOISE.sub("", told)
        if _NEXT_OF_A_LIST.match(text):
            continue  # 'A, B, and a teacher': one more person, not B's role
        if _A_POST_IN_A_BODY.match(told):
            # 'A, rector of the university,': his post, whatever its noun
            text = _BRACKETED_AT_THE_END.sub("", text)
        elif not _PERSON_ROLE.search(text):
            continue
        if text and text not in found:
            found.append(text)
    return found


#: A post told by its 'of' and the body or place it is in ('second in charge of the
#: institute'), with no article: not a share of a group ('one of the victims') nor the next
#: of a list of things ('A, the extension of the curfew, and ...').
_A_POST_IN_A_BODY = re.compile(
    r"(?!(?:THE|A|AN|ONE|TWO|THREE|SOME|MANY|MOST|ALL|EACH|BOTH|NONE|SEVERAL|FEW|PART|ANOTHER)\b)"
    r"(?:[A-Z][A-Z-]*\s+){0,3}[A-Z][A-Z-]*\s+OF\s+THE\s+[A-Z]"
)
#: A transcriber's note closing a fill: 'the institute [IRI]'.
_BRACKETED_AT_THE_END = re.compile(r"\s*\[[^\]]*\]$")


#: A conjunction that opens the words after a name's comma: the list goes on with another.
_NEXT_OF_A_LIST = re.compile(r"(?:AND|OR|BUT|AS WELL AS)\b")


# Words that may open a role told before a name ('former minister', 'retired general').
_ROLE_OPENERS = frozenset(["FORMER", "RETIRED", "EX"])


def _preceding_roles(actor: Actor, article: Article) -> list[tuple[str, int]]:
    """A role noun told right before a person's name ('radio announcer Pablo Mena',
    'bodyguard Luis Soto'): the name proper leaves it out, and MUC-4 gives it as the
    person's description (part2, slot 19: the person's title, profession, or role). Each
    with the offset of the name it precedes."""
    found: list[tuple[str, int]] = []
    for start, _ in actor.mentions:
        text = _role_before(start, article)
        if text and text not in [f for f, _ in found]:
            found.append((text, start))
    return found


def _role_before(start: int, article: Article) -> str | None:
    """The role noun told right before an offset of the text (:func:`_preceding_roles`)."""
    words = _fill_string(article.text[max(start - 40, 0) : start]).split()
    if not words or not _PRECEDING_ROLE.fullmatch(words[-1]):
        return None
    role = [words[-1]]
    if len(words) > 1 and re.fullmatch(r"[A-Z]{4,}AL", words[-2]):
        role.insert(0, words[-2])  # 'presidential hopeful', 'municipal judge'
    if len(words) > len(role) and words[-1 - len(role)] in _ROLE_OPENERS:
        role.insert(0, words[-1 - len(role)])
    return " ".join(role)


# What ties a person told by a role to the name that follows: 'an agronomist, identified
# as 57-year-old A', 'the victim was identified as A'.
_IDENTIFIED_AS = re.compile(
    r"\s*,?\s*(?:(?:WAS|HAS\s+BEEN|HAD\s+BEEN)\s+)?(?:IDENTIFIED\s+AS|NAMED)\s+"
    r"(?:\d+\s*-\s*YEARS?\s*-\s*OLD\s+)?",
    re.IGNORECASE,
)


def _identified_as(actor: Actor, persons: Sequence[Actor], article: Article) -> Actor | None:
    """The person a victim told by a role is then named as ('a teacher identified as A'):
    MUC-4 gives the name, with the role as its description (part2, slots 18 and 19). Only
    for one person: 'the victims were identified as A, B and C' names more than A."""
    if actor.kind == ActorKind.PERSON or _count(_actor_text(actor, article)) != "1":
        return None
    starts = {start: person for person in persons for start, _ in person.mentions}
    for _, end in actor.mentions:
        told = _IDENTIFIED_AS.match(article.text, end)
        if told is not None and told.end() in starts:
            return starts[told.end()]
    return None


def _named_after_the_role(actor: Actor, persons: Sequence[Actor], article: Article) -> Actor | None:
    """The one person the text names right after the role a victim is told by ('the mayor
    was wounded ... mayor A had left his office'): MUC-4 gives his name, with the role as
    his description (part2, slots 18 and 19). None for a group, or when no person or more
    than one holds the role."""
    if actor.kind == ActorKind.PERSON or _count(_actor_text(actor, article)) != "1":
        return None
    role = _victim_description(actor, article)
    holders = [
        person
        for person in persons
        if any(_role_before(start, article) == role for start, _ in person.mentions)
    ]
    return holders[0] if len(holders) == 1 else None


# What joins two names of a list: ', ', ' and ', ', and '.
_LIST_JOIN = re.compile(r"(?:\s*,\s*(?:AND\s+)?|\s+AND\s+)$", re.IGNORECASE)


def _role_before_list(actor: Actor, persons: Sequence[Actor], article: Article) -> list[str]:
    """The plural role that opens a list of names holding the person after its first
    ('engineers A, B, and C'): each one listed has that role (part2, slot 19), though only
    the first name follows it."""
    starts_by_end = {end: start for person in persons for start, end in person.mentions}
    found: list[str] = []
    for start, _ in actor.mentions:
        at, listed = start, 0
        while (join := _LIST_JOIN.search(article.text, max(at - 8, 0), at)) is not None and (
            join.start() in starts_by_end
        ):
            at, listed = starts_by_end[join.start()], listed + 1
        if not listed:
            continue
        role = _role_before(at, article)
        if role and _singular_role(role) is not None and role not in found:
            found.append(role)
    return found


# A noun a possessive pronoun owns, set before a name with a comma: 'his assistant, A'.
_OWNED_ROLE_BEFORE = re.compile(r"\b(?:HIS|HER|THEIR)\s+((?:[A-Z-]+\s+){0,2}[A-Z-]+)\s*,\s*$")


def _owned_role_before(actor: Actor, article: Article) -> list[str]:
    """The role a person's relation to someone gives him, told before his name ('his
    assistant, A', 'her driver, B'): MUC-4 gives it as his description."""
    return _roles_told_before(actor, article, _OWNED_ROLE_BEFORE, 40)


def _roles_told_before(
    actor: Actor, article: Article, pattern: re.Pattern[str], window: int
) -> list[str]:
    """The roles ``pattern`` finds (its first group) in the ``window`` characters before each
    mention of a person, in the order told, each once."""
    found: list[str] = []
    for start, _ in actor.mentions:
        match = pattern.search(article.text[max(start - window, 0) : start].upper())
        role = _fill_string(match.group(1)) if match is not None else ""
        if role and role not in found:
            found.append(role)
    return found


# A noun phrase that a name then names: 'an elderly man named', 'a teacher, identified as'.
_NAMING_AFTER = re.compile(
    r"\b(?:A|AN)\s+((?:[A-Z0-9'-]+\s+){0,3}?[A-Z'-]+)\s*,?\s+(?:IDENTIFIED\s+AS|NAMED)\s+"
    r"(?:\d+\s*-\s*YEARS?\s*-\s*OLD\s+)?$"
)


def _told_before_naming(actor: Actor, article: Article) -> list[str]:
    """The description a person is told by before the text names him ('an elderly man named
    A', 'a student identified as B'): MUC-4 gives it as his description (part2, slot 19)."""
    return _roles_told_before(actor, article, _NAMING_AFTER, 60)


def _is_person_description(mention: str, name: str) -> bool:
    """A mention of a person that describes rather than names him: it shares no word with
    the name and has a title or occupation noun."""
    return not set(mention.split()) & set(name.split()) and bool(_PERSON_ROLE.search(mention))


_PERSON_ROLE = re.compile(
    r"\b(?:MAYOR|MINISTER|GOVERNOR|SECRETARY|COUNCILM[AE]N|CONGRESSM[AE]N|SENATOR|DEPUTY|"
    r"JUDGE|MAGISTRATE|PROSECUTOR|ATTORNEY|PRIEST|BISHOP|ARCHBISHOP|JOURNALIST|REPORTER|"
    r"LEADER|CANDIDATE|PRESIDENT|DIRECTOR|MANAGER|OFFICIAL|AMBASSADOR|DIPLOMAT|CONSUL|"
    r"COLONEL|GENERAL|MAJOR|CAPTAIN|LIEUTENANT|SERGEANT|OFFICER|STUDENT|TEACHER|"
    r"BUSINESSM[AE]N|TRADE UNIONIST|UNIONIST|DOCTOR|LAWYER|PEASANT|FARMER|WORKER|"
    r"PHOTOGRAPHER|CORRESPONDENT|EDITOR|ANNOUNCER|NEWSM[AE]N|CAMERAM[AE]N|ENGINEER|"
    r"BANKER|INDUSTRIALIST|MAGNATE|CATTLEM[AE]N|RANCHER|MERCHANT|VENDOR|POLICEM[AE]N|"
    r"AGENT|NUN|MISSIONARY|MISSIONARIE|COORDINATOR|ADVI[SC]OR|IDEOLOGUE|ACTIVIST|"
    r"ANTHROPOLOGIST|ECONOMIST|NURSE|TECHNICIAN|AGRONOMIST|IDEOLOGIST|ANALYST)S?\b"
)
# Roles told before a name besides those above ('bodyguard Luis Soto').
_PRECEDING_ROLE = re.compile(
    rf"{_PERSON_ROLE.pattern}|(?:BODYGUARD|INSPECTOR|IMPRESARIO|COMMANDER|CORPORAL|"
    r"POLITICIAN|CHAUFFEUR|DRIVER|FATHER|MSGR|MONSIGNOR|JUSTICE|GUARD|HOPEFUL)S?"
)


def perpetrator_confidence(
    event: EventMention,
    actor: Actor,
    actors: dict[str, Actor],
    claimants: frozenset[str] | set[str] = frozenset(),
    article: Article | None = None,
) -> str:
    """PERP: ORGANIZATION CONFIDENCE from the event's attributions (part2, slot 11 tree).

    The perpetrator's own claim -> CLAIMED OR ADMITTED; an allegation, assumption, estimate
    or unconfirmed report -> SUSPECTED OR ACCUSED (BY AUTHORITIES when the source is a
    government or security force); otherwise REPORTED AS FACT. A denial by the accused
    does not make it ACQUITTED: only an acquittal does, which events do not record; it
    answers a charge, so the group is SUSPECTED OR ACCUSED, and its words around the
    denial ('the Front said it had not ordered the killing') claim nothing.

    With the ``article``, the words that name the group count too: a doer inferred from a
    sentence that suspects or blames the group is suspected (by the authorities when they
    are its subject), 'alleged members of' the group are suspected, and a group only
    deemed possible ('the possible participation of') is POSSIBLE."""
    claimants = set(claimants) | {p.actor for p in event.participants if p.role == "claimant"}
    claims = {a.source for a in event.attributions if a.stance == Stance.CLAIMS}
    # the group's denial, or one by a statement that names no one else ('a communique
    # denying participation')
    denied = any(
        a.stance == Stance.DENIES and (a.source == actor.id or a.source not in actors)
        for a in event.attributions
    )
    if not denied and any(_claims_for(c, actor, event, actors) for c in claimants | claims):
        return "CLAIMED OR ADMITTED"
    if (
        not denied
        and article is not None
        and any(
            a.stance in (Stance.REPORTS, Stance.QUOTES, Stance.CLAIMS)
            and a.source in actors
            and _speaks_for(actors[a.source], actor, article)
            for a in event.attributions
        )
    ):
        # 'the Front's leader X told the daily that the kidnapping was political': the
        # group's own chief tells its act
        return "CLAIMED OR ADMITTED"
    if (
        not denied
        and article is not None
        and _communique_of(actor, article)
        and not any(_VOW_CUE.search(span.text) for span in event.evidence)
    ):
        # the text is the group's own communique ('[COMMUNIQUE] [Northern Front General
        # Command]'): the acts of the group it tells, it owns; those to come it threatens
        return "CLAIMED OR ADMITTED"
    if not denied and article is not None and _told_by_itself(event, actor, article):
        # 'the Front reports that its columns attacked the garrisons': the group tells
        # its own act
        return "CLAIMED OR ADMITTED"
    inferred_from = _inferred_from(event, actor, article) if article is not None else ""
    if _claimed_in_its_own_word(inferred_from) and not denied:
        # the doers were inferred from the group's own announcement or message ('with
        # the blasts, a new group calling itself X announced its emergence')
        return "CLAIMED OR ADMITTED"
    suspicion = {Stance.ALLEGES, Stance.ASSUMES, Stance.ESTIMATES, Stance.NOT_CONFIRMED}
    by_authority = by_other = False
    for attribution in event.attributions:
        if attribution.source == INFERRED_SOURCE:
            # a group the report names near the attack: it reports that group as the actor
            # of the story, so the inference does not lower MUC-4's confidence (measured)
            continue
        if attribution.source == actor.id:
            # the group's own allegation ('the rebels charged the peasants with informing')
            # is about others, not a doubt on its own role
            continue
        if attribution.stance in suspicion:
            source = actors.get(attribution.source)
            if source is not None and _is_authority(source, actors, article):
                by_authority = True
            else:
                by_other = True
    if article is not None and _told_by_an_official(event, actor, actors, article):
        # 'INTERVIEW WITH PRESIDENT X ... [X] we think the Northern Front did it': the
        # words of an official of the state charge the group
        by_authority = True
    if _SUSPICION_CUE.search(inferred_from):
        # the doers were inferred from a sentence that suspects or blames the group
        by_authority = by_authority or bool(_AUTHORITY_WORD.search(inferred_from))
        by_other = True
    opinion = _opinion_on(event, actor, article) if article is not None else ""
    if opinion:
        # 'in the opinion of the police, the blast was organized by the Front'
        by_authority = by_authority or bool(_AUTHORITY_WORD.search(opinion))
        by_other = True
    by_other = by_other or denied
    if by_authority:
        return "SUSPECTED OR ACCUSED BY AUTHORITIES"
    if article is not None and _named_as_suspect(event, actor, article, _POSSIBLE_DOER):
        # 'the possible participation of the Northern Front': no one connects it (the
        # slot 11 tree: not explicitly connected), unless an authority suspects it
        return "POSSIBLE"
    if by_other or (article is not None and _named_as_suspect(event, actor, article)):
        return "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


# An office of the state written before a person's name ('Justice Minister X', 'Colonel
# X', 'Information Secretary X', 'President-elect X'): what he says of an attack, the
# authorities say.
_STATE_OFFICE = re.compile(
    r"\b(?:(?:VICE )?PRESIDENT(?:-ELECT)?|MINISTER|SECRETARY|GOVERNOR|COLONEL|COL|GENERAL|GEN|"
    r"MAJOR|CAPTAIN|CAPT|LIEUTENANT|LT|POLICE CHIEF|PROSECUTOR|ATTORNEY GENERAL)\.?\s+$",
    re.IGNORECASE,
)
# The speaker's bracketed name that opens a turn of a transcript, at a paragraph's start or
# the recording's ('[PONCE] we have heard that ...', '[REPORTER] what happened?'): what
# follows is his, until the next turn or the recording's end.
_BRACKETED = re.compile(r"\[([A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3})\]")
_TURN_OPENS_AFTER = re.compile(r"(?:^|\n|\[BEGIN RECORDING\])\s*$", re.IGNORECASE)
_RECORDING_MARK = frozenset(["BEGIN RECORDING", "END RECORDING"])


def _is_official(person: Actor, article: Article) -> bool:
    """Whether the text names a person after an office of the state ('President X')."""
    return person.kind == ActorKind.PERSON and any(
        _STATE_OFFICE.search(article.text[max(0, start - 40) : start])
        for start, _end in person.mentions
    )


def _is_authority(source: Actor, actors: dict[str, Actor], article: Article | None) -> bool:
    """Whether a source speaks for the authorities: a government or a security force, a
    body of one, or an official of the state named with his office."""
    if source.kind in _STATE_KINDS:
        return True
    parent = actors.get(source.parent or "")
    if parent is not None and parent.kind in _STATE_KINDS:
        return True
    return article is not None and _is_official(source, article)


def _speaker_at(position: int, actors: dict[str, Actor], article: Article) -> Actor | None:
    """The person whose transcript turn holds ``position``: the speaker the last turn
    before it names, unless the recording ended between or the speaker is no person of
    the text ('[REPORTER]')."""
    text = article.text[:position]
    for tag in reversed(list(_BRACKETED.finditer(text))):
        name = tag.group(1).upper()
        if name == "END RECORDING":
            return None
        if name in _RECORDING_MARK or not _TURN_OPENS_AFTER.search(text[: tag.start()]):
            continue
        words = name.split()
        for person in actors.values():
            names = _fill_string(person.name).split()
            if person.kind == ActorKind.PERSON and names and words == names[-len(words) :]:
                return person
        return None
    return None


def _told_by_an_official(
    event: EventMention, actor: Actor, actors: dict[str, Actor], article: Article
) -> bool:
    """Whether the group's role in the event is told in a transcript turn of an official
    of the state: the event's sentences or the one its doers were inferred from name the
    group, and a president's, a minister's or an officer's turn holds them. An official
    telling of the state's own forces charges no one ('our patrol raided the farms')."""
    if actor.kind in _STATE_KINDS or _of_the_state(actor, article):
        return False
    spans = [(s.start, s.end) for s in event.evidence] + _inference_spans(event)
    for start, _end in actor.mentions:
        if not any(a <= start < b for a, b in spans):
            continue
        speaker = _speaker_at(start, actors, article)
        if speaker is not None and _is_official(speaker, article):
            return True
    return False


# Words for one who speaks for a group: its chief, commander or spokesman.
_SPEAKS_FOR = r"(?:LEADER|CHIEF|COMMANDER|SPOKESMAN|SPOKESPERSON|SPOKESWOMAN|HEAD)S?"
# between the group's name and his: 'the Front's leader X', 'Front military commander X'
_ROLE_BEFORE_NAME = re.compile(rf"(?:'S)?\s+(?:[\w-]+\s+)?{_SPEAKS_FOR}\s+", re.IGNORECASE)
# between his name and the group's: 'X, the leader of the Peruvian Northern Front'
_ROLE_AFTER_NAME = re.compile(
    rf",\s+(?:THE\s+|A\s+)?(?:[\w-]+\s+)?{_SPEAKS_FOR}\s+OF\s+(?:THE\s+)?(?:[\w-]+\s+){{0,3}}",
    re.IGNORECASE,
)


def _speaks_for(person: Actor, group: Actor, article: Article) -> bool:
    """Whether the text names a person as the group's chief or spokesman: 'the Front's
    leader X', 'Front military commander X', 'X, the leader of the Northern Front'."""
    if person.kind != ActorKind.PERSON:
        return False
    text = article.text
    for start, end in person.mentions:
        for g_start, g_end in group.mentions:
            if g_end <= start and _ROLE_BEFORE_NAME.fullmatch(text[g_end:start]):
                return True
            if end <= g_start and _ROLE_AFTER_NAME.fullmatch(text[end:g_start]):
                return True
    return False


# The bracketed author after the communique's heading ('[COMMUNIQUE] [Northern Front
# General Command] [TEXT]').
_COMMUNIQUE_AUTHOR = re.compile(r"\[COMMUNIQUE\]\s*\[([^\]]+)\]", re.IGNORECASE)


def _communique_of(actor: Actor, article: Article) -> bool:
    """Whether the article is the group's own communique: its heading names the group as
    the author. A force of the state's communique gives its report, not an admission."""
    if actor.kind in _STATE_KINDS or _of_the_state(actor, article):
        return False
    heading = _COMMUNIQUE_AUTHOR.search(article.text[:600])
    return heading is not None and any(
        heading.start(1) <= start < heading.end(1) for start, _end in actor.mentions
    )


# A verb of a report or claim right after the group's name, its bracketed acronym and a
# day between ('the Front [FN] today reported that'): the group is the one who tells. A
# plain 'said' is left out: it as often brings the group's comment on others' deeds.
_TELLS_AFTER_NAME = re.compile(
    r"\s*(?:[\[(][^\])]{1,40}[\])]\s*)?(?:,\s*)?(?:(?:TODAY|YESTERDAY|HAS|HAD|ALSO)\s+)*"
    r"(?:REPORTS|REPORTED|ANNOUNCES|ANNOUNCED|INFORMS|INFORMED|CLAIMS|CLAIMED|"
    r"ACKNOWLEDGES|ACKNOWLEDGED|ADMITS|ADMITTED)\b",
    re.IGNORECASE,
)
# The group's words for itself in what it tells ('it', 'its columns', 'our units').
_SELF_WORD = re.compile(r"\b(?:IT|ITS|ITSELF|WE|OUR|US|THEY|THEIR|THEM)\b", re.IGNORECASE)


def _told_by_itself(event: EventMention, actor: Actor, article: Article) -> bool:
    """Whether the group tells its own act: the event's sentences, or the one its doers
    were inferred from, name the group as the subject of a verb of report or claim, and
    what follows names the group again ('the Front reports that its columns attacked the
    garrisons'). A force of the state telling of its operations gives its report, not an
    admission; words of acts to come ('the Front announced that traitors will be
    executed') are a threat, not an admission."""
    if actor.kind in _STATE_KINDS or _of_the_state(actor, article):
        return False
    spans = [(s.start, s.end) for s in event.evidence] + _inference_spans(event)
    for start, end in actor.mentions:
        tells = _TELLS_AFTER_NAME.match(article.text, end)
        if tells is None:
            continue
        for a, b in spans:
            if not a <= start < b or _VOW_CUE.search(article.text[a:b]):
                continue
            told = article.text[tells.end() : b]
            named_again = any(tells.end() <= other < b for other, _end in actor.mentions)
            if named_again or _SELF_WORD.search(told):
                return True
    return False


def _air_arm_confidence(event: EventMention, actors: dict[str, Actor]) -> str:
    """CONFIDENCE of the air arm that bombed from the air ('military planes bombed the
    villages'): SUSPECTED OR ACCUSED when someone alleges it ('the bishop accused the air
    force of bombing the town') or the other side tells it (a rebel group's or its radio's
    report charges the state), else REPORTED AS FACT."""
    suspicion = {Stance.ALLEGES, Stance.ASSUMES, Stance.ESTIMATES, Stance.NOT_CONFIRMED}
    for attribution in event.attributions:
        if attribution.source == INFERRED_SOURCE:
            continue
        if attribution.stance in suspicion:
            return "SUSPECTED OR ACCUSED"
        source = actors.get(attribution.source)
        speaker = actors.get(source.parent or "", source) if source is not None else None
        if speaker is not None and speaker.kind == ActorKind.ARMED_GROUP:
            return "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


# Words of suspicion or blame in the sentence a doer was inferred from ('the police
# suspect the Northern Front', 'army sources link him to the Northern Front', 'the
# government condemns the murder committed by the Northern Front': a source's charge, not
# the report's own word), and the authorities that may voice them.
_SUSPICION_CUE = re.compile(
    r"\b(?:suspect(?:s|ed)?|blam(?:e|es|ed)|accus(?:e|es|ed)|attribut(?:e|es|ed)|"
    r"presum(?:e|es|ed|ably)|believed|alleged(?:ly)?|condemn(?:s|ed)?|link(?:s|ed)?(?=[^.;]*\bto\b))\b",
    re.IGNORECASE,
)
# Words of a group's own announcement in the sentence a doer was inferred from ('with the
# blasts, a new group calling itself the Northern Front announced its emergence', 'the
# Front sent messages to the media'): the group tells of itself.
_OWN_WORD_CUE = re.compile(
    r"\bannounc(?:e|es|ed|ing)\b|\bproclamation\b|\bmessages?\b", re.IGNORECASE
)
# ... but not a vow or threat of acts to come ('announced that it would attack').
_VOW_CUE = re.compile(r"\b(?:(?:vow|threat|warn|promis)\w*|will|would)\b", re.IGNORECASE)


# An opinion that names the doers: 'in the opinion of the police, the Front did it'.
_OPINION_CUE = re.compile(r"\bin the (?:opinion|view|judgment) of\b", re.IGNORECASE)


def _opinion_on(event: EventMention, actor: Actor, article: Article) -> str:
    """The event's sentence that names the group within an opinion ('in the opinion of
    the police'), the group's name blanked; '' when there is none."""
    text = article.text
    for start, end in actor.mentions:
        text = text[:start] + " " * (end - start) + text[end:]
    for span in event.evidence:
        named = any(span.start <= start < span.end for start, _end in actor.mentions)
        if named and _OPINION_CUE.search(text[span.start : span.end]):
            return text[span.start : span.end]
    return ""


def _claimed_in_its_own_word(inferred_from: str) -> bool:
    """Whether the sentences the doers were inferred from are the group's own word on its
    act: an announcement or message, neither a vow of acts to come, nor a charge, nor an
    announcement of the authorities ('the army announced that the Front ...')."""
    return bool(
        _OWN_WORD_CUE.search(inferred_from)
        and not _VOW_CUE.search(inferred_from)
        and not _SUSPICION_CUE.search(inferred_from)
        and not _AUTHORITY_WORD.search(inferred_from)
    )


_AUTHORITY_WORD = re.compile(
    r"\b(?:police|army|military|authorities|government|armed forces|ministers?|"
    r"ministry|president|officials?|brigade|troops|security forces)\b",
    re.IGNORECASE,
)
# 'alleged members of the Northern Front', 'suspected Northern Front rebels': a modifier of
# the doers that tells uncertainty (part2, slot 11: "alleged", "suspected"), a few words
# before the group's name with no clause break between (the name may open a quote).
_SUSPECT_MODIFIER = re.compile(
    r"\b(?:alleged(?:ly)?|suspected|presumed|presumably|purported(?:ly)?)\s+"
    r"(?:[^\s.,;:!?]+\s+){0,6}[\"']?$",
    re.IGNORECASE,
)
# 'the possible participation of the Northern Front', 'it could have been the Northern
# Front', 'whether the bombing was the work of the "Northern Front"': the group is not
# connected to the incident, only deemed possible ('1 May' is a day).
_POSSIBLE_DOER = re.compile(
    r"\b(?:could|might|(?<![0-9] )may|possible|possibly|possibility|perhaps|whether|apparently)\s+"
    r"(?:[^\s.,;:!?]+\s+){0,6}[\"']?$",
    re.IGNORECASE,
)


def _inference_spans(event: EventMention) -> list[tuple[int, int]]:
    """The sentences the event's doers were inferred from (:mod:`threatline.perpetrators`)."""
    return [
        (a.start, a.end)
        for a in event.attributions
        if a.source == INFERRED_SOURCE and a.start is not None and a.end is not None
    ]


def _inferred_from(event: EventMention, actor: Actor, article: Article) -> str:
    """The sentences that name the group where its role in the event was inferred from
    ('' when the event states it), the group's own name blanked: 'the Revolutionary Armed
    Forces of Colombia' names no authority that suspects it."""
    text = article.text
    for start, end in actor.mentions:
        text = text[:start] + " " * (end - start) + text[end:]
    return " ".join(
        text[a:b]
        for a, b in _inference_spans(event)
        if any(a <= start < b for start, _end in actor.mentions)
    )


def _named_as_suspect(
    event: EventMention, actor: Actor, article: Article, cue: re.Pattern[str] = _SUSPECT_MODIFIER
) -> bool:
    """Whether the event's sentences, or the sentence its doers were inferred from, name
    the group after a ``cue`` ('alleged Northern Front members')."""
    spans = [(s.start, s.end) for s in event.evidence] + _inference_spans(event)
    return any(
        cue.search(article.text[max(0, start - 70) : start])
        for start, _end in actor.mentions
        if any(a <= start < b for a, b in spans)
    )


def _claims_for(
    claimant_id: str, actor: Actor, event: EventMention, actors: dict[str, Actor]
) -> bool:
    """Whether a claim speaks for the perpetrator organization: its own, one of its units
    or outlets ('the Rosa Mendiola Unit claimed'), or, when it is the event's only
    named group, its members described ('the guerrillas claimed responsibility') or a
    claimant the text names as no known actor ('a woman who said she spoke for the
    Front called to claim the attack')."""
    if claimant_id == actor.id:
        return True
    claimant = actors.get(claimant_id)
    if claimant is not None and claimant.parent == actor.id:
        return True
    if claimant is not None and not describes_members(claimant):
        return False
    groups = {
        p.actor
        for p in event.participants
        if p.role in {"perpetrator", "claimant"}
        and p.actor in actors
        and actors[p.actor].kind == ActorKind.ARMED_GROUP
        and actors[p.actor].in_kb
    }
    return groups == {actor.id}


def _one(value: str | None) -> SlotFill:
    return SlotFill(fillers=[Filler((value,))]) if value else SlotFill()


def _merge_into(target: MucTemplate, other: MucTemplate, keep_date_and_place: bool = False) -> None:
    """Add ``other``'s fillers to ``target``; a precise date or location replaces a default
    date or a bare country, but a default date stays over a date older than two months.
    ``keep_date_and_place``: the target keeps its date and location whatever ``other``'s."""
    # a category presumed for want of a doer yields to the one a doer told elsewhere gives
    presumed = not any(target.slot(s).fillers for s in (9, 10)) and any(
        other.slot(s).fillers for s in (9, 10)
    )
    date, other_date = target.slot(2), other.slot(2)
    if other_date.fillers and not keep_date_and_place:
        parsed = parse_muc_date(date.fillers[0].value) if date.fillers else None
        other_parsed = parse_muc_date(other_date.fillers[0].value)
        if (
            parsed is None
            or (parsed.default_looking and not _older_than_recent(other_parsed, parsed))
            or (
                other_parsed is not None
                and other_parsed.default_looking
                and _older_than_recent(parsed, other_parsed)
            )
        ):
            target.slots[2] = other_date
    place, other_place = target.slot(3), other.slot(3)
    if (
        other_place.fillers
        and not keep_date_and_place
        and (not place.fillers or not parse_muc_location(place.fillers[0].value).places)
    ):
        target.slots[3] = other_place
    # the targets the template described before: their type and number stay
    described_before = {f.xref for f in target.slot(19).fillers if f.xref}
    # 'robbed a trader ... the trader, Pedro Valdivia, was shot': the nameless description
    # is the named one
    named_now = {f.value for f in other.slot(19).fillers if f.xref} - {
        f.value for f in target.slot(19).fillers if f.xref
    }
    nameless = {f.value for f in target.slot(19).fillers if not f.xref and f.value in named_now}
    if nameless:
        fills = target.slot(19).fillers
        target.slots[19] = SlotFill(fillers=[f for f in fills if f.xref or f.value not in nameless])
        for slot in (20, 21):  # their type and number go with the nameless description
            fills = target.slot(slot).fillers
            target.slots[slot] = SlotFill(
                fillers=[f for f in fills if next(iter(f.xref), "") not in nameless]
            )
    for slot in range(6, 25):
        if slot == 8:
            continue
        into, extra = target.slot(slot), other.slot(slot)
        if into.inapplicable or extra.inapplicable:
            continue
        known = {_filler_text(slot, f) for f in into.fillers}
        new = [f for f in extra.fillers if _filler_text(slot, f) not in known]
        if slot == 19:
            # a named person keeps the one description he was first given
            described = {f.xref for f in into.fillers if f.xref}
            new = [f for f in new if not f.xref or f.xref not in described]
        fillers = into.fillers + new
        if slot in (20, 21):
            fillers = _one_per_referent(fillers, described_before, target.slot(19).fillers)
        target.slots[slot] = SlotFill(fillers=fillers)
    target.slots[11] = SlotFill(fillers=_one_confidence_each(target.slot(11).fillers))
    if target.slot(8).empty or (presumed and other.slot(8).fillers):
        target.slots[8] = other.slot(8)


def _one_per_referent(
    fillers: Sequence[Filler],
    settled: Iterable[tuple[str, ...]] = (),
    described: Sequence[Filler] = (),
) -> list[Filler]:
    """One TYPE or NUMBER per named or described target (part2, slots 20 and 21: one
    filler per NAME or DESCRIPTION): two events may type one person, as CIVILIAN where
    they tell no role; the type a role gives, and a count over PLURAL, win, unless the
    target is ``settled`` (his description, and so his type, came first). A description
    ``described`` twice ('the dead' and 'the wounded' people) keeps one filler each."""
    settled = set(settled)
    times = Counter(f.value for f in described if not f.xref)
    kept: dict[tuple[str, ...], Filler] = {}
    for filler in fillers:
        if not filler.xref or filler.xref == ("-",):
            kept[(str(len(kept)),)] = filler
            continue
        have = kept.get(filler.xref)
        if have is not None and times[filler.xref[0]] > 1:
            times[filler.xref[0]] -= 1
            kept[(*filler.xref, str(len(kept)))] = filler
            continue
        if have is None or (have.value in ("CIVILIAN", "PLURAL") and filler.xref not in settled):
            kept[filler.xref] = filler
    return list(kept.values())


#: Confidences from the firmest word on the perpetrator to the weakest default.
_CONFIDENCE_RANK = (
    "CLAIMED OR ADMITTED",
    "SUSPECTED OR ACCUSED BY AUTHORITIES",
    "SUSPECTED OR ACCUSED",
    "POSSIBLE",
    "REPORTED AS FACT",
)


def _one_confidence_each(fillers: Sequence[Filler]) -> list[Filler]:
    """One confidence per organization (part2, slot 11): reports of one incident merged
    may tell one group's role with different confidences; the firmest word (its claim, an
    accusation) is kept over the default."""

    def rank(filler: Filler) -> int:
        value = filler.alternatives[0] if filler.alternatives else ""
        return _CONFIDENCE_RANK.index(value) if value in _CONFIDENCE_RANK else len(_CONFIDENCE_RANK)

    kept: list[Filler] = []
    for filler in fillers:
        same = next((n for n, k in enumerate(kept) if k.xref == filler.xref), None)
        if same is None:
            kept.append(filler)
        elif rank(filler) < rank(kept[same]):
            kept[same] = filler
    return kept


#: part1 1.0 rule 6: an incident is recorded only if it is recent, within two months of the
#: date of the article; an older date in a message is history, not this incident's day.
_RECENT = dt.timedelta(days=61)


def _older_than_recent(date: MucDate | None, default: MucDate) -> bool:
    """Whether ``date`` ends more than two months before a default fill's anchor (the
    dateline): a date of the past told beside a recent incident is not its date."""
    return date is not None and date.high < default.high - _RECENT


def _dedupe(texts: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return seen


def _fill_string(text: str) -> str:
    """A text-string fill: upper case, no accents, single spaces, no outer punctuation."""
    return normalize_fill(text)


def _classify(text: str, table: Sequence[tuple[str, str]]) -> str | None:
    for pattern, category in table:
        if re.search(rf"\b(?:{pattern})\b", text):
            return category
    return None


def _count(text: str) -> str:
    """PHYS/HUM TGT: NUMBER of a description: its leading number, PLURAL, or 1."""
    tokens = text.split()
    if tokens and tokens[0].isdigit():
        return tokens[0]
    from_words = _NUMBER_WORDS.get(tokens[0]) if tokens else None
    if from_words:
        return str(from_words)
    return "PLURAL" if _plural_noun(_counted_head(tokens)) else "1"


def _counted_head(tokens: list[str]) -> str:
    """The noun whose number a description's count is: its head ('the offices of the
    enterprise', 'the church of X'), or, after a word that only groups or counts ('a group
    of peasants', 'several of the houses'), the head of what it groups."""
    while "OF" in tokens[1:] and tokens[tokens.index("OF") - 1] in _GROUPING_WORDS:
        tokens = tokens[tokens.index("OF") + 1 :]
    return _head(tokens) if tokens else ""


def _plural_noun(word: str) -> bool:
    if word in _PLURAL_NOUNS:
        return True
    if word in _SINGULAR_IN_S or word.endswith(("SS", "US", "IS")):
        return False  # 'bus', 'campus', 'headquarters', 'analysis'
    return word.endswith(("S", "MEN"))


# Plural nouns without a plural ending ('people', 'children').
_PLURAL_NOUNS = frozenset(
    ["PEOPLE", "CHILDREN", "PERSONNEL", "POLICE", "CLERGY", "PASSERSBY", "PASSERS-BY"]
)

# Nouns ending in S that name one thing.
_SINGULAR_IN_S = frozenset(["HEADQUARTERS", "BARRACKS", "NEWS", "SERIES"])

# Words before 'of' that group or count the things named after it.
_GROUPING_WORDS = frozenset(
    [
        "GROUP",
        "GROUPS",
        "BAND",
        "SQUAD",
        "NUMBER",
        "COUPLE",
        "PAIR",
        "DOZEN",
        "DOZENS",
        "HUNDREDS",
        "THOUSANDS",
        "SCORES",
        "SEVERAL",
        "SOME",
        "MANY",
        "MOST",
        "ALL",
        "BOTH",
        "FEW",
        "OTHERS",
        "REST",
        "MAJORITY",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
    ]
)


# Leading words that count a target ('two vehicles', '30 stores', 'several houses').
_QUANTITY = re.compile(
    r"^(?:(?:\d[\d,.]*|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|"
    r"DOZENS?|HUNDREDS?|THOUSANDS?|SEVERAL|SOME|MANY|NUMEROUS|VARIOUS|A FEW|FEW|AT LEAST|"
    r"(?:MORE|LESS|FEWER) THAN|ABOUT|AROUND|APPROXIMATELY|NEARLY|ALMOST|OVER|OF)\s+)+"
)


# Words that count the doers right before their description: 'two men', 'a group of armed
# individuals', 'approximately five individuals'.
_COUNT_BEFORE = re.compile(
    r"(?:^|\s)((?:(?:GROUP|BAND|SQUAD) OF\s+)?(?:(?:\d[\d,]*|ONE|TWO|THREE|FOUR|FIVE|SIX|"
    r"SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|FIFTEEN|TWENTY|THIRTY|FORTY|FIFTY|HUNDREDS?|"
    r"DOZENS?|SEVERAL|ABOUT|APPROXIMATELY|NEARLY|AROUND|AT LEAST|MORE THAN|SOME)\s+)*)$"
)


def _counted(actor: Actor, text: str, article: Article) -> str:
    """A description of the perpetrators with the count and nationality the text gives
    them ('TWO MEN', 'PERUVIAN GUERRILLAS'): PERP: INDIVIDUAL ID keeps such modifiers,
    unlike the other string slots (scoring guidelines 3.1), and the clothes the text tells
    right after it ('men wearing military uniforms'), which the keys keep too."""
    longer = _the_doers_after_a_modifier(actor, text, article)
    if longer:
        return longer
    for start, end in actor.mentions:
        mention = _fill_string(article.text[start:end])
        if _LEADING_NOISE.sub("", mention) != text:
            continue
        worn = _WORN.match(article.text, end)
        if worn is not None:
            end = worn.end()
            mention = _fill_string(article.text[start:end])
        if mention.startswith("-"):
            # 'motorcycle-riding gunmen': a hyphened compound is one word of the description
            word = re.search(r"(\w+)$", article.text[max(0, start - 40) : start])
            if word is not None:
                start -= len(word.group(1))
                mention = _fill_string(article.text[start:end])
        # the count is of the same phrase: in 'at 1330, unidentified men' it is a time
        before = re.split(r"[,;:.()\[\]\"]", article.text[max(0, start - 40) : start])[-1]
        before = _fill_string(before) + " "
        nation = before.split()[-1] if before.split() else ""
        if nation.rstrip("'") in _nation_words() and not mention.startswith(nation):
            mention = f"{nation} {mention}"  # 'Peruvian guerrillas'
            before = before[: before.rstrip().rfind(nation)]
        if mention.startswith("THAN ") and before.split()[-1:] in (["MORE"], ["LESS"], ["FEWER"]):
            # 'more than ten men': the parser gives the noun 'than' but not 'more'
            mention = f"{before.split()[-1]} {mention}"
            before = before[: before.rstrip().rfind(" ") + 1]
        match = _COUNT_BEFORE.search(before + " ")
        counted = f"{match.group(1).strip()} {mention}" if match and match.group(1) else mention
        counted = re.sub(r"^(?:(?:THE|A|AN|ANOTHER|THIS|THAT|THESE|THOSE)\s+)+", "", counted)
        # 'some' alone counts no one ('some unidentified men'); 'some 30', 'some twenty' do
        counted = re.sub(
            r"^SOME\s+(?!\d|OF\b|(?:TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|"
            r"ELEVEN|TWELVE|FIFTEEN|TWENTY|THIRTY|FORTY|FIFTY|HUNDREDS?|DOZENS?)\b)",
            "",
            counted,
        )
        return counted.strip() or text
    return text


def _description_in_the_act(
    actor: Actor, text: str, article: Article, event: EventMention
) -> tuple[str, Actor]:
    """How the event's own sentences describe unnamed doers, the mention nearest its
    trigger ('the rebels destroyed the office' of a band first told as 'guerrillas'), and
    the actor with that mention first (its count is the one to keep); else the actor's text
    and the actor. A doer noun ('guerrillas') is not traded for a word of no doers ('the
    group') nor for a bare collective ('the unit')."""
    if actor.kind == ActorKind.PERSON or actor.in_kb:
        return text, actor
    spans = [
        (start, end)
        for start, end in actor.mentions
        if any(s.start <= start < s.end for s in event.evidence)
    ]
    spans.sort(key=lambda span: abs(span[0] - event.trigger.start))
    for start, end in spans:
        told = _LEADING_NOISE.sub("", _fill_string(article.text[start:end]))
        if not told or told in _PRONOUNS or told.isdigit() or told in _BARE_COLLECTIVES:
            continue
        if _is_generic(text) and not _is_generic(told):
            continue
        rest = [span for span in actor.mentions if span != (start, end)]
        return told, actor.model_copy(update={"mentions": [(start, end), *rest]})
    return text, actor


# Plural doer nouns that a one-word description may modify ('guerrilla urban commando
# units'), and the words that may stand between them: modifiers of armed people, never a
# verb ('the guerrilla shot soldiers').
_DOER_PLURALS = frozenset(
    {h for h in _GENERIC_PERPETRATOR_HEADS if h.endswith(("S", "MEN"))}
    - {"PEOPLE", "PERSONS", "MEMBERS"}
) | {"UNITS", "COMMANDOES", "COLUMNS"}
_DOER_MODIFIERS = frozenset(
    {"URBAN", "RURAL", "ASSAULT", "SPECIAL", "ELITE", "SUICIDE", "SHOCK", "STRIKE", "HIT"}
) | {h for h in _GENERIC_PERPETRATOR_HEADS if not h.endswith("S")}
_WORDS_AFTER = re.compile(r"((?:\s+[A-Z][A-Z'-]*){1,3})")


def _the_doers_after_a_modifier(actor: Actor, text: str, article: Article) -> str | None:
    """The people a one-word description modifies in a mention ('GUERRILLA URBAN
    COMMANDOS' for a group first told as 'guerrilla attacks'), the words up to a plural doer
    noun right after it; None when no mention of it goes on so."""
    if actor.kind == ActorKind.PERSON or len(text.split()) != 1:
        return None
    if text.endswith(("S", "MEN")):
        return None  # a plural is the doers' own noun ('guerrillas and soldiers')
    for start, end in actor.mentions:
        mention = _fill_string(article.text[start:end])
        if _LEADING_NOISE.sub("", mention) == text:
            words = _WORDS_AFTER.match(article.text.upper(), end)
            if words is None:
                continue
            after = words.group(1).split()
            while after and after[-1] not in _DOER_PLURALS:
                after.pop()
            if after and all(w in _DOER_MODIFIERS for w in after[:-1]):
                return " ".join([text, *after])
        elif mention.startswith(f"{text} ") and mention.split()[-1] in _DOER_PLURALS:
            return _LEADING_NOISE.sub("", mention)
    return None


_BARE_COLLECTIVES = frozenset(["GROUP", "GROUPS", "UNIT", "UNITS"])

# Head nouns of people an attack harms or who look on, never of its doers: a description
# with such a head told as a doer is a misread victim or witness ('the hostages').
_NO_DOER_HEADS = frozenset(
    [
        "HOSTAGES",
        "RESIDENTS",
        "INHABITANTS",
        "VILLAGERS",
        "CIVILIANS",
        "PRISONERS",
        "EMPLOYEES",
        "PEASANTS",
        "PASSENGERS",
        "CHILDREN",
        "NEWSMAN",
        "NEWSMEN",
        "JOURNALISTS",
        "SON",
        "SONS",
        "DAUGHTER",
        "DAUGHTERS",
        "WIFE",
    ]
)


def _distinct_descriptions(individuals: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
    """The descriptions of the doers, without a bare collective noun ('GROUP'), a negated
    one ('NO GUERRILLA GROUP') or the singular of a plural already there ('RIGHTIST
    PARAMILITARY GROUP' beside '... GROUPS'): one fill for one set of doers."""
    kept: list[tuple[Actor, str]] = []
    for actor, text in individuals:
        words = text.split()
        if text in _BARE_COLLECTIVES or words[:1] == ["NO"]:
            continue
        stems = {t.removesuffix("S") for _, t in kept}
        if text.removesuffix("S") in stems:
            continue
        kept.append((actor, text))
    return kept


# Clothes that describe the doers right after their noun: 'men wearing military uniforms',
# 'individuals dressed in civilian clothes'.
_WORN = re.compile(
    r"\s+(?:(?:WEARING|DRESSED\s+IN)\s+(?:[A-Z][A-Z'-]*\s+){0,3}?(?:UNIFORMS?|CLOTHES|"
    r"CLOTHING|FATIGUES|MASKS|HOODS|GEAR|OVERALLS|JACKETS)|IN\s+(?:[A-Z][A-Z'-]*\s+){0,2}?"
    r"(?:CLOTHES|CLOTHING))\b",
    re.IGNORECASE,
)


# Nouns after a person's name that make the name a group's: 'the Pedro Valdivia faction',
# 'the Pedro Valdivia urban commandos', 'Pedro Valdivia's troops'.
_GROUP_AFTER_NAME = re.compile(
    r"(?:'S)?\)?\s+(?:(?:URBAN|GUERRILLA|REBEL|DEATH|ASSAULT|SPECIAL)\s+)?"
    r"(?:FACTION|COMMANDOS?|UNIT|BATTALION|BRIGADE|FRONT|TROOPS|"
    r"MEN|FORCES|SQUADS?|GROUP|COLUMN|CELL)\b|'S\s+(?:TROOPS|MEN|FORCES|SQUADS?|GUARDS|PEOPLE|"
    r"FOLLOWERS|GUNMEN|BODYGUARDS)\b",
    re.IGNORECASE,
)


def _names_a_group(actor: Actor, article: Article) -> bool:
    """Whether every mention of the person names a group after him ('the Pedro Valdivia
    faction', 'Pedro Valdivia's troops'): the doers are the group's, not he."""
    return bool(actor.mentions) and all(
        _GROUP_AFTER_NAME.match(article.text, end) is not None for _, end in actor.mentions
    )


#: A weapon's strength told before it: 'a powerful bomb'.
_LEADING_STRENGTH = re.compile(r"^(?:(?:THE|A|AN)\s+)?POWERFUL\s+")
# A leading count or ordinal of a weapon ('two bombs', 'the second bomb'), not a weight or
# a calibre ('20 kg bomb', '9 mm pistol').
_LEADING_COUNT = re.compile(
    r"^(?:(?:THE|A|AN)\s+)?(?:\d+|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|SEVERAL|SOME|ANOTHER|"
    r"FIRST|SECOND|THIRD|FOURTH|FIFTH|LAST)\s+(?!(?:KG|KILOS?|KILOGRAMS?|POUNDS?|LBS?|GRAMS?|"
    r"MM|MILLIMETERS?|CALIBER|OF)\b)"
)


# 'a charge of dynamite', 'a 2-kg package of TNT': the keys name the charge with its
# explosive, not the explosive alone.
_CHARGE_OF = re.compile(
    r"(?:\b\d[\w.-]*\s+)?\b(?:CHARGES?|PACKAGES?|STICKS?|CARTRIDGES?)\s+OF\s+$", re.I
)
_EXPLOSIVE_MATTER = re.compile(r"(?:DYNAMITE|TNT|EXPLOSIVES?|C-?4|PENTOLITE)", re.I)


def _with_charge(span: Span, text: str) -> str:
    """An explosive instrument with the charge of it told before it ('charge of dynamite')."""
    if not _EXPLOSIVE_MATTER.fullmatch(span.text.strip()):
        return span.text
    charge = _CHARGE_OF.search(text[max(0, span.start - 40) : span.start])
    return charge.group(0) + span.text if charge else span.text


def _without_count(text: str) -> str:
    """An instrument without its count or ordinal, nor the word for its strength ('two
    powerful bombs' -> 'BOMBS'): MUC-4 keys leave such nonessential modifiers out of the
    string slots other than PERP: INDIVIDUAL ID (scoring guidelines 3.1)."""
    rest = _LEADING_STRENGTH.sub("", _LEADING_COUNT.sub("", text))
    return rest if rest else text


def _without_nationality(text: str) -> str:
    """A description without its leading nationality ('PERUVIAN PRESIDENCY MINISTER' ->
    'PRESIDENCY MINISTER'): MUC-4 keys generally leave such adjectivals out of the string
    slots other than PERP: INDIVIDUAL ID (scoring guidelines 3.1), and a foreign nation
    has its own slot."""
    first, _, rest = text.partition(" ")
    if rest and first.rstrip("'") in _nation_words() and rest not in _NATION_ONLY_NOUNS:
        return rest
    return text


#: Nouns that say only that one is of a nation: 'U.S. citizen' says who he is by his
#: nation, and the keys keep it.
_NATION_ONLY_NOUNS = frozenset(["CITIZEN", "CITIZENS", "NATIONAL", "NATIONALS"])


def _without_nationality_noun(name: str) -> str:
    """A person's name without the noun for his nation told before it ('SPANIARD JOSE SOTO'
    -> 'JOSE SOTO'): the nation has its own slot (part2, slot 22)."""
    first, _, rest = name.partition(" ")
    return rest if rest and first in _NATIONALITY_NOUNS else name


def _without_quantity(text: str) -> str:
    """A target's fill without its leading count: MUC-4 gives the count in the NUMBER slot
    (part2, slots 12 and 19) and the ID without it."""
    rest = _QUANTITY.sub("", text)
    return rest if rest else text


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "ZERO",
            "ONE",
            "TWO",
            "THREE",
            "FOUR",
            "FIVE",
            "SIX",
            "SEVEN",
            "EIGHT",
            "NINE",
            "TEN",
            "ELEVEN",
            "TWELVE",
        ]
    )
    if i > 1
}


#: Kinds of actors who, telling of an act, speak of others' deeds: a person or people
#: ('the president said the traffickers struck'), unlike a group claiming its own.
_TELLER_KINDS = frozenset([ActorKind.PERSON, ActorKind.CIVILIANS])


def _only_its_teller(actor: Actor, event: EventMention) -> bool:
    """Whether a person the event has as a doer is the one who reports it: 'the minister
    admitted that the bombing had hurt the police' tells of the bombing, it does not own it
    (part2, slot 9: the perpetrators, not the sources)."""
    return actor.kind in _TELLER_KINDS and any(
        p.actor == actor.id and p.role == "source_of_report" for p in event.participants
    )


# Roles that rule an actor out as a perpetrator found only by co-occurrence.
def _actors_with_role(
    event: EventMention, actors: dict[str, Actor], roles: set[str]
) -> list[Actor]:
    found: list[Actor] = []
    for participant in event.participants:
        actor = actors.get(participant.actor)
        if participant.role in roles and actor is not None and actor not in found:
            found.append(actor)
    return found


_PRONOUNS = frozenset(
    [
        "HE",
        "HIM",
        "HIS",
        "SHE",
        "HER",
        "HERS",
        "IT",
        "ITS",
        "THEY",
        "THEM",
        "THEIR",
        "THEIRS",
        "WE",
        "US",
        "OUR",
        "WHO",
        "WHOM",
        "WHOMEVER",
    ]
)
# Leading words that are no part of a MUC-4 noun-phrase fill ("the", "more than 100").
_LEADING_NOISE = re.compile(
    r"^(?:(?:THE|A|AN|ANOTHER|THIS|THAT|THESE|THOSE|SAME|DEAD|ALLEGED|(?:MORE|LESS|FEWER) THAN|"
    r"THAN|"
    r"ABOUT|AROUND|APPROXIMATELY|NEARLY|ALMOST|SOME|AT LEAST|OVER|SEVERAL)\s+)+"
)


def _mention_texts(actor: Actor, article: Article) -> list[str]:
    """The actor's mentions as fills, in text order, without pronouns and leading noise.

    Mentions inside square brackets come after the others: brackets hold what an editor or
    translator inserted ('FMLN [Farabundo Marti National Liberation Front]'), and fills
    are the words of the report itself (part2, slot 10)."""
    texts: list[str] = []
    spans = sorted(actor.mentions, key=lambda span: _in_brackets(article.text, span[0]))
    for start, end in spans:
        start, end = _whole_compound(actor, article.text, start, end)
        text = _LEADING_NOISE.sub("", _fill_string(article.text[start:end]))
        if text and text not in _PRONOUNS and not text.isdigit() and text not in texts:
            texts.append(text)
    return texts


def _mention_fills(actor: Actor, article: Article) -> list[str]:
    """Every mention of the actor as a fill, repeats included."""
    spans = [_whole_compound(actor, article.text, start, end) for start, end in actor.mentions]
    return [_LEADING_NOISE.sub("", _fill_string(article.text[start:end])) for start, end in spans]


# Words joined before a name by a hyphen that make no new name ('pro-FMLN', 'anti-ELN').
_HYPHEN_PREFIXES = frozenset(["PRO", "ANTI", "EX", "NON", "NEO", "POST", "PRE"])
_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)-$")
_WORD_AFTER_HYPHEN = re.compile(r"^-(\w+)")
# Words joined after a name that make an adjective of it ('FMLN-led', 'ELN-style').
_HYPHEN_SUFFIX = re.compile(r"\w+ED|STYLE|LIKE|TYPE", re.IGNORECASE)


def _whole_compound(actor: Actor, text: str, start: int, end: int) -> tuple[int, int]:
    """A group's mention with the words a hyphen joins to it: 'UC-ELN' names the
    Camilist Union faction of the ELN, its own name in the report, not the ELN's; a prefix
    ('pro-ELN') or an adjective's ending ('ELN-led') makes no name."""
    if actor.kind == ActorKind.PERSON or not actor.in_kb:
        return start, end
    before = _WORD_BEFORE_HYPHEN.search(text[max(0, start - 20) : start])
    if before and before.group(1).upper() not in _HYPHEN_PREFIXES:
        start -= len(before.group(0))
    after = _WORD_AFTER_HYPHEN.match(text[end : end + 20])
    if after and not _HYPHEN_SUFFIX.fullmatch(after.group(1)):
        end += len(after.group(0))
    return start, end


def _in_brackets(text: str, start: int) -> bool:
    """Whether the character at ``start`` lies inside a square-bracketed insertion."""
    return text.rfind("[", 0, start) > text.rfind("]", 0, start)


def _actor_text(actor: Actor, article: Article) -> str:
    """The actor as the text names it: for a person the longest of its names (the full
    name), for a group its first name that is not a generic description ("the
    terrorists"), else its first mention; its canonical name when it has no mention."""
    texts = _mention_texts(actor, article)
    if not texts:
        return _fill_string(actor.name)
    if actor.kind == ActorKind.PERSON or _looks_like_name(actor, texts[0]):
        names = [t for t in texts if not _is_generic(t)]
        # a person's mentions include descriptions ('the mayor of Achi'): his name is
        # among the mentions that share a word with his names
        name_words = set(_fill_string(" ".join([actor.name, *actor.aliases])).split())
        names = [t for t in names if set(t.split()) & name_words] or names
        return max(names or texts, key=lambda t: len(t.split()))
    if actor.in_kb:
        # not a description ('the guerrillas') nor a bare common noun ('the group')
        names = [t for t in texts if not _is_generic(t) and not _ORGANIZATION_WORDS.fullmatch(t)]
        if not names:
            return texts[0]
        # the name the report uses most ('FMLN' after one 'Farabundo Marti National
        # Liberation Front [FMLN]'), the first of equals
        counts = Counter(_mention_fills(actor, article))
        return max(names, key=lambda name: counts[name])
    return texts[0]


def _generic_mentions(actor: Actor, article: Article, event: EventMention) -> list[str]:
    """Mentions of a known group that describe its members ("the terrorists") in the
    event's own sentences (all, when it has none): MUC-4 puts those in PERP: INDIVIDUAL ID
    beside the group's name."""
    if not actor.in_kb:
        return []
    inside = [
        (start, end)
        for start, end in actor.mentions
        if any(s.start <= start < s.end for s in event.evidence)
    ]
    here = actor.model_copy(update={"mentions": inside}) if event.evidence else actor
    return [_without_acronym(t, actor) for t in _mention_texts(here, article) if _is_generic(t)]


def _without_acronym(text: str, actor: Actor) -> str:
    """'PLA GUERRILLAS' -> 'GUERRILLAS': MUC-4 fills give a group's guerrillas without the
    group's acronym before them (its name is PERP: ORGANIZATION ID's); a name in words
    ('Popular Liberation Army guerrillas') and other heads ('PLA terrorists') they keep."""
    words = text.split()
    acronyms = {a for a in actor.aliases if a.isalpha() and a.isupper() and " " not in a}
    if len(words) >= 2 and words[0] in acronyms and words[-1] in ("GUERRILLAS", "GUERRILLA"):
        return " ".join(words[1:])
    return text


def _is_generic(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1] in _GENERIC_PERPETRATOR_HEADS


# Head words of an organization's name; a victim named otherwise is a person.
_ORGANIZATION_WORDS = re.compile(
    r"\b(?:ARMY|FORCES?|FRONT|PARTY|UNION|MOVEMENT|COMMITTEE|COUNCIL|MINISTRY|COMPANY|BANK|"
    r"CHURCH|GOVERNMENT|POLICE|GUARD|BATTALION|BRIGADE|COMMAND|ASSOCIATION|FEDERATION|"
    r"INSTITUTE|UNIVERSITY|CORPORATION|AGENCY|OFFICE|DEPARTMENT|ORGANIZATION|GROUP|CARTEL|"
    r"EMBASSY|RADIO|NEWSPAPER|TELEVISION|HOSPITAL|SCHOOL|STATION|HEADQUARTERS|MUNICIPALITY)\b"
)


#: Plural nouns of criminal organizations: 'the drug cartels' are organizations, not a
#: description of their members (part2, slot 10 fills 'DRUG MAFIAS').
_BANDS = frozenset(["MAFIAS", "CARTELS", "GANGS", "RINGS"])


def _a_named_person(actor: Actor, text: str) -> bool:
    """Whether a victim is a person told by his name (part2, slot 18): a person, or a name
    the tagger took for an organization's; not words that end with a noun for people
    ('NEWSMEN', 'BORDER CIVILIANS'), which tell a group or a role whatever the tagger says."""
    words = text.split()
    if words and (words[-1] in _people_nouns() or _PERSON_ROLE.fullmatch(words[-1])):
        return False
    return actor.kind == ActorKind.PERSON or _looks_like_name(actor, text)


@functools.lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """The one-word nouns for people of the actor lexicon ('CIVILIANS', 'SEAMEN')."""
    from threatline.actors import ActorKB

    nouns = ActorKB.load().lexicon.people_nouns
    return frozenset(w.upper() for words in nouns.values() for w in words if " " not in w)


def _looks_like_name(actor: Actor, text: str) -> bool:
    """An unknown 'organization' that is harmed and has no organization word is a person
    the name tagger mislabelled (upper-case text defeats it)."""
    return (
        actor.kind == ActorKind.ORGANIZATION
        and not actor.in_kb
        and not _ORGANIZATION_WORDS.search(text)
        and not _is_generic(text)
    )


#: Posts held by one person in a force ('an army colonel'): a description of the man.
_POSTS_OF_ONE = frozenset(
    [
        "OFFICER",
        "AGENT",
        "COLONEL",
        "CAPTAIN",
        "MAJOR",
        "LIEUTENANT",
        "SERGEANT",
        "CORPORAL",
        "COMMANDER",
        "GENERAL",
        "MEMBER",
        "CHIEF",
        "OFFICIAL",
        "PRIVATE",
        "PILOT",
        "CADET",
    ]
)


def _is_description(actor: Actor, text: str) -> bool:
    if actor.kind == ActorKind.PERSON:
        return True
    if actor.in_kb:
        return False
    if actor.kind in (ActorKind.CIVILIANS, ActorKind.OTHER):
        # 'embassy employees', 'peasants', 'a socialist leader', 'suspects': people, not an
        # organization (the body a leader leads is no perpetrator by his title)
        return True
    words = text.split()
    if not words:
        return False
    # a plural noun that is no organization's ('drug traffickers') names individuals
    head = words[-1]
    if head in ("GROUP", "UNIT") and actor.name.split()[-1].islower():
        return True  # 'an unidentified armed group': a description, not a named group
    if head in _BANDS:
        return False  # 'drug mafias', 'trafficking gangs': organizations, though plural
    if head in _POSTS_OF_ONE:
        return True  # 'an air force member', 'a police agent': one man of the force
    plural = len(head) > 3 and (
        head.endswith("MEN") or (head.endswith("S") and not head.endswith(("SS", "US", "IS")))
    )
    return head in _GENERIC_PERPETRATOR_HEADS or (
        plural and not _ORGANIZATION_WORDS.fullmatch(head)
    )


def _human_target_type(actor: Actor, text: str, context: str = "") -> str:
    """HUM TGT: TYPE (part2, slot 20) from the actor's kind and the words of its fill and
    description; ``context``: the words around a person's mentions, which tell a rank in
    the police from one in the army."""
    former = _FORMER.search(text) is not None
    if actor.kind == ActorKind.SECURITY_FORCE:
        if _POLICE_WORDS.search(text):
            return "LAW ENFORCEMENT"  # 'police officers': officers of the police
        military = re.search(
            r"\b(SOLDIERS?|ARMY|MILITARY|TROOPS|OFFICERS?|COLONEL|GENERAL)\b", text
        )
        return "ACTIVE MILITARY" if military else "LAW ENFORCEMENT"
    if _KIN_OF.search(text):
        return "CIVILIAN"  # 'the wife of a colonel' is of no one's kind but her own
    if re.search(r"\bNATIONAL GUARD(?:SM[AE]N|S)?\b", text):
        return "ACTIVE MILITARY"  # a force of the army, not a watchman
    if _POLICE_WORDS.search(text) or re.search(r"\bCIVIL DEFENSE\b", text):
        return "LAW ENFORCEMENT"  # 'a police official', 'the police chief'
    if _CANDIDATE_FOR.search(text):
        return "POLITICAL FIGURE"  # 'a candidate for mayor' holds no office yet
    if (
        actor.kind == ActorKind.GOVERNMENT
        or _GOVERNMENT_ROLE.search(text)
        or (_HEAD_OF_STATE.search(text) and not _BODY.search(text))
    ):
        if re.search(
            r"\b(AMBASSADORS?|DIPLOMATS?|DIPLOMATIC|EMBASSY|CONSULS?|CHARGE D'AFFAIRES)\b", text
        ):
            return "DIPLOMAT"
        if re.search(r"\bJUDICIAL\b", text):
            return "LEGAL OR JUDICIAL"
        return "FORMER GOVERNMENT OFFICIAL" if former else "GOVERNMENT OFFICIAL"
    if re.search(
        r"\b(CANDIDATES?|LEADERS?|POLITICIANS?|HOPEFULS?|PART(?:Y|IES)|MILITANTS?)\b", text
    ):
        return "POLITICAL FIGURE"
    if actor.kind == ActorKind.POLITICAL_PARTY:
        return "POLITICAL FIGURE"
    if re.search(
        r"\b(JUDGES?|MAGISTRATES?|PROSECUTORS?|ATTORNEYS?|JUSTICES?|COURT|LAWYERS?|LEGAL|"
        r"INVESTIGATORS?)\b",
        text,
    ):
        return "LEGAL OR JUDICIAL"
    if re.search(r"\b(DIPLOMATS?|AMBASSADORS?|CONSULS?|CHARGE D'AFFAIRES)\b", text):
        return "DIPLOMAT"
    if re.search(r"\b(BODYGUARDS?|WATCHM[AE]N|SECURITY (?:OFFICERS?|GUARDS?))\b", text) or (
        re.search(r"\bGUARDS?\b", text) and not _POLICE_WORDS.search(context)
    ):
        return "SECURITY GUARD"
    if _RANK.search(text):
        # a rank: a former officer; a soldier when the text speaks of the army around
        # him; else an officer of the police, whom attacks on people hit far more often
        # than the army (part2, slot 20: 'LIEUTENANT' in the national police)
        if former:
            return "FORMER ACTIVE MILITARY"
        around = f"{text} {context}"
        if _ARMY_WORDS.search(around) and not _POLICE_WORDS.search(around):
            return "ACTIVE MILITARY"
        return "LAW ENFORCEMENT"
    return "CIVILIAN"


# Words that mark a role as past: 'former minister', 'retired general'.
_FORMER = re.compile(rf"\b(?:{'|'.join(sorted(_ROLE_OPENERS))})\b")
# A relative named by his kin ('the wife of', 'the colonel's son').
_KIN_OF = re.compile(
    r"\b(?:WIFE|WIDOW|HUSBAND|SONS?|DAUGHTERS?|BROTHERS?|SISTERS?|MOTHER|CHILD|CHILDREN|"
    r"RELATIVES?|NEPHEWS?|NIECES?)\s+OF\b|"
    r"'S\s+(?:[\w-]+\s+){0,2}?(?:WIFE|WIDOW|HUSBAND|SONS?|DAUGHTERS?|CHILDREN)\b"
)
# 'candidate for mayor', 'candidates to the assembly': running for an office
_CANDIDATE_FOR = re.compile(r"\bCANDIDATES?\s+(?:FOR|TO)\b")
# 'President' alone is the head of state; a party's or a union's is not.
_HEAD_OF_STATE = re.compile(r"\bPRESIDENT\b(?!\s+OF\b(?!\s+THE\s+REPUBLIC))")
_BODY = re.compile(
    r"\b(?:PART(?:Y|IES)|UNIONS?|FEDERATION|ASSOCIATION|MOVEMENT|FRONT|COMPANY|CORPORATION|"
    r"BANK|CHAMBER|COMMITTEE|CLUB)\b"
)
# Roles in the government; 'attorney general' heads a ministry (part2, slot 20).
_GOVERNMENT_ROLE = re.compile(
    r"\b(MAYORS?|MINISTERS?|GOVERNORS?|SECRETAR(?:Y|IES)|COUNCILM[AE]N|OFFICIALS?|"
    r"SENATORS?|CONGRESS(?:M[AE]N)?|LEGISLATORS?|ASSEMBLY|DEPUT(?:Y|IES)|AMBASSADORS?|"
    r"ATTORNEY GENERAL|VICE PRESIDENT)\b"
)
# Ranks of the army or the police ('general' not as in 'secretary general').
_RANK = re.compile(
    r"\b(?:(?<!SECRETARY )(?<!DIRECTOR )(?<!INSPECTOR )(?<!ATTORNEY )(?<!CONSUL )GENERALS?|"
    r"COLONELS?|MAJORS?|CAPTAINS?|LIEUTENANTS?|SERGEANTS?|CORPORALS?|PRIVATES?(?! CITIZENS?)|"
    r"SOLDIERS?|"
    r"COMMANDERS?|OFFICERS?|POLICEM[AE]N|PATROLM[AE]N|AGENTS?|DETECTIVES?|GUARDS?|MARINES?|"
    r"MILITARY M[AE]N|GEN|COL|MAJ|CAPT|LT|SGT)\b"
)
_ARMY_WORDS = re.compile(
    r"\b(?:ARMY|SOLDIERS?|MILITARY|ARMED FORCES|NAVY|NAVAL|AIR FORCE|MARINES?|BATTALION|"
    r"BRIGADE|TROOPS)\b"
)
_POLICE_WORDS = re.compile(r"\b(?:POLICE\w*|PATROLM[AE]N|CARABINEROS?|GUARDIA CIVIL)\b")


#: Calendar words: an expression with one names its dates ('in May', 'since 1985').
_CALENDAR = re.compile(
    r"\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b|\b\d{4}\b", re.IGNORECASE
)


#: A month's name: an expression with one names a day by its date ('18 May').
_MONTH_NAME = re.compile(
    r"\b(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b", re.IGNORECASE
)


def _vague_relative(time: TimeSpan) -> bool:
    """A period told relative to the report and not as a count of days ('last week', 'in
    recent days', 'a few days ago', 'this year'): part1 section 7.3 calls only an expression
    that says how many days to add or subtract 'easily calculable'; the others are dated by
    default, from the dateline."""
    if time.anchor != "publication" or _CALENDAR.search(time.text):
        return False
    if time.granularity == Granularity.TIME:
        return False  # hours ('in the past few hours'): the day is known
    if time.granularity != Granularity.DAY:
        return True  # week, weekend, month, season, year...
    value = time.value or ""
    return value == "PAST_REF" or "X" in value  # 'a few days ago', 'the past few days'


# a day or part of it ('early on 5 May'), not a bound ('before 5 May') (TIMEX3 mods)
_WITHIN_DAY_MODS = {None, "START", "MID", "END", "APPROX"}


def days_named_by_date(timexes: Iterable[TimeSpan]) -> frozenset[dt.date]:
    """The days an article names by their date ('on 18 May', 'the evening of 24 May'), as
    opposed to a weekday's name or a count of days."""
    return frozenset(
        t.start
        for t in timexes
        if t.start is not None and t.start == t.end and _MONTH_NAME.search(t.text)
    )


def _incident_date(
    event: EventMention, article: Article, named_days: frozenset[dt.date] = frozenset()
) -> str | None:
    """INCIDENT: DATE (part1 section 7.3): a resolved day, a range, or, by default and for
    weekday names and periods that are not a count of days ('last week'), ``- <dateline
    date>``. A weekday whose day the article also names by its date ('last Wednesday ...
    this happened on 18 May') is that day: note 1 asks for the default form only where the
    article gives the weekday 'rather than a reference to the date'."""
    published = article.published
    time = event.time
    if time is None or time.start is None or time.end is None:
        return f"- {format_muc_date(published)}" if published else None
    if _WEEKDAY.search(time.text) and not _CALENDAR.search(time.text):
        # 'last Wednesday' (note 1), not 'on Friday, 23 June', which names its day
        if time.start == time.end and time.start in named_days:
            return format_muc_date(time.start)
        return f"- {format_muc_date(published)}" if published else None
    if published is not None and _vague_relative(time):
        return f"- {format_muc_date(published)}"
    if (
        published is not None
        and time.granularity == Granularity.YEAR
        and time.start.year == published.year
    ):
        # 'in 1990' in a report of 1990 says no more than 'this year': dated by default
        # (part1 7.3 note 3)
        return f"- {format_muc_date(published)}"
    if published is not None and time.start > published:
        return f"- {format_muc_date(published)}"
    if time.mod == "BEFORE":  # 'on or before' (TIMEX3 mod): form 3 with the time as anchor
        if published is not None and not _CALENDAR.search(time.text):
            # 'the mayor said yesterday that rebels had burned the depot': a bound
            # counted from the dateline is no better known than the dateline (note 3)
            return f"- {format_muc_date(published)}"
        return f"- {format_muc_date(min(time.end, published) if published else time.end)}"
    if time.start == time.end:
        if event.type in _KILLINGS and _FOUND.match(event.trigger.text):
            # 'the bodies were found on 9 May': killed on or before the day they were found
            return f"- {format_muc_date(time.start)}"
        return format_muc_date(time.start)
    end = min(time.end, published) if published else time.end
    return f"{format_muc_date(time.start)} - {format_muc_date(end)}"


#: A trigger that tells a killing only by the remains found.
_FOUND = re.compile(r"(?:FOUND|DISCOVERED|LOCATED)$", re.IGNORECASE)
_KILLINGS = frozenset(["attack", "armed_assault", "assassination", "extrajudicial_killing"])


def _placed_before_a_distance(
    event: EventMention, article: Article, places: dict[str, Place]
) -> EventMention:
    """An event placed at a town told only as a distance's mark ('in X, the capital of Y
    department, 400 km north of Z') is in the place its sentence names before the distance
    (X): the mark is how far the place is, not where the act was."""
    at = event.place
    if at is None or at.start is None or at.relation != "near":
        return event
    text = article.text
    distance = _DISTANCE_BEFORE.search(text[max(0, at.start - 60) : at.start])
    if distance is None:
        return event
    cut = max(0, at.start - 60) + distance.start()
    sentence_start = max(text.rfind(stop, 0, cut) for stop in (". ", "\n\n", "-- ")) + 1
    mark = places.get(at.id) if at.id else None
    before = [
        (start, end, place)
        for place in places.values()
        if place.level != PlaceLevel.COUNTRY
        and place is not mark
        and (mark is None or place.country == mark.country)
        for start, end in place.mentions
        # told in the same clause: 'in X, the capital of Y department, 400 km north of'
        if max(sentence_start, cut - _PLACE_BEFORE_A_DISTANCE) <= start and end <= cut
    ]
    if not before:
        return event
    # the town before its department ('X, the capital of Y department')
    start, end, place = max(before, key=lambda b: (b[2].level == PlaceLevel.SETTLEMENT, b[0]))
    moved = at.model_copy(
        update={
            "id": place.id,
            "text": text[start:end],
            "start": start,
            "end": end,
            "relation": "in",
        }
    )
    return event.model_copy(update={"place": moved})


#: How far before a distance the place it tells of may be named.
_PLACE_BEFORE_A_DISTANCE = 60

#: A distance told before a town ('400 km north of', 'about 15 km from').
_DISTANCE_BEFORE = re.compile(
    r"(?i),?\s*(?:\(\s*)?(?:about |some |approximately )?\d+ (?:km|kilometers|kilometres|miles)\b"
    r"[^,.;()]{0,30}?\b(?:of|from)\s+(?:the\s+)?(?:city\s+of\s+)?$"
)


def _incident_location(event: EventMention, places: dict[str, Place]) -> str | None:
    """INCIDENT: LOCATION as ``COUNTRY: NAME (TYPE)`` (part1 section 7.4)."""
    if event.place is None:
        return None
    place = places.get(event.place.id) if event.place.id else None
    if place is None:
        return None
    if place.level in (PlaceLevel.VENUE, PlaceLevel.AREA) and _NOT_A_TOWN.search(place.name):
        # a street or a model's code ('C-47') is no town: a street is in the town the text
        # named last before it, in its country; else the incident is told by its country
        town = _town_before(place, event.place.start, places.values())
        if town is not None and _STREET_NAME.search(place.name):
            return _location_fill(town, places)
        return _country_name(place.country)
    return _location_fill(_town_misspelled_as(place, places.values()) or place, places)


def _town_before(place: Place, at: int | None, places: Iterable[Place]) -> Place | None:
    """The town of ``place``'s country the text names last before offset ``at``."""
    if at is None:
        return None
    best: tuple[int, Place] | None = None
    for other in places:
        if other.level != PlaceLevel.SETTLEMENT or other.country != place.country:
            continue
        for start, _ in other.mentions:
            if start < at and (best is None or start > best[0]):
                best = (start, other)
    return best[1] if best else None


# Names that are no town whatever the place stage made of them: a street or a road ('12th
# Street', 'Avenida Sur', 'the Ribera highway'), a code of letters and digits ('C-47').
_STREET_NAME = re.compile(
    r"\b(?:streets?|avenues?|avenida|calle|carrera|boulevard|road|highway|lane)\b"
    r"|^\d+(?:st|nd|rd|th)\b",
    re.I,
)
_NOT_A_TOWN = re.compile(rf"{_STREET_NAME.pattern}|^[a-z]{{1,3}}-\d+[a-z]?$", re.I)


def _location_fill(place: Place, places: dict[str, Place]) -> str | None:
    """The location fill of a place: its country, the department the article names and
    the place, with their types."""
    country = _country_name(place.country)
    if place.level == PlaceLevel.COUNTRY:
        return country or _fill_string(place.name)
    kind = {
        PlaceLevel.SETTLEMENT: "CITY",
        PlaceLevel.DISTRICT: "MUNICIPALITY",
        PlaceLevel.REGION: "DEPARTMENT",
        PlaceLevel.AREA: "REGION",
    }.get(PlaceLevel(place.level), "CITY")
    name = f"{_fill_string(place.name)} ({kind})"
    region = _named_region_of(place, places.values())
    if region is not None:
        name = f"{_fill_string(region.name)} (DEPARTMENT): {name}"
    return f"{country}: {name}" if country else name


def _town_misspelled_as(place: Place, places: Iterable[Place]) -> Place | None:
    """The town of the article a name the gazetteer does not know misspells by one letter
    ('Valdivai' for 'Valdivia' named elsewhere): a typing slip of the wire, not another place."""
    if place.level != PlaceLevel.AREA or place.gazetteer_id is not None:
        return None
    name = normalize_fill(place.name)
    if len(name) < 6 or " " in name:
        return None
    return next(
        (
            p
            for p in places
            if p.level == PlaceLevel.SETTLEMENT
            and p.country == place.country
            and one_edit_apart(name, normalize_fill(p.name))
        ),
        None,
    )


def _named_region_of(place: Place, places: Iterable[Place]) -> Place | None:
    """The first-level region (a department, a province) of a town when the article names
    it too: the fill names the places from the widest to the narrowest (part1 7.4)."""
    if place.level != PlaceLevel.SETTLEMENT or not place.admin1:
        return None
    admin1 = normalize_fill(place.admin1)
    return next(
        (
            p
            for p in places
            if p.level == PlaceLevel.REGION
            and p.country == place.country
            and normalize_fill(p.admin1 or p.name) == admin1
            and normalize_fill(p.name) != normalize_fill(place.name)
        ),
        None,
    )


def _no_town_named_after_a_person(
    templates: Sequence[MucTemplate], report: ArticleReport, places: dict[str, Place]
) -> None:
    """A name the gazetteer does not know that is part of a longer name of a person of the
    article ('Rivas' of 'Julio Rivas') is that person told by surname, not a place: an
    incident located there is told only by its country."""
    names = [_words(a.name) for a in report.actors if a.kind == ActorKind.PERSON]
    surnames = {
        value: _country_name(p.country)
        for p in report.places
        if p.level in (PlaceLevel.AREA, PlaceLevel.VENUE)
        and p.gazetteer_id is None
        and any(set() < _words(p.name) < name for name in names)
        and (value := _location_fill(p, places))
    }
    for template in templates:
        fill = template.slot(3).fillers
        if fill and fill[0].value in surnames:
            template.slots[3] = _one(surnames[fill[0].value])


def _no_town_read_in_a_person_s_name(
    templates: Sequence[MucTemplate],
    events: dict[int, list[EventMention]],
    report: ArticleReport,
) -> None:
    """An incident whose every place was read inside a person's name ('Villa Rosa mayor
    Luis Soto', 'Orlando Soto') is told by its country: the town tells of whom the person
    is, not of where the act was."""
    people = [m for a in report.actors if a.kind == ActorKind.PERSON for m in a.mentions]
    for template in templates:
        fill = template.slot(3).fillers
        spots = [
            e.place.start
            for e in events.get(id(template), ())
            if e.place is not None and e.place.start is not None
        ]
        if not fill or not spots or not parse_muc_location(fill[0].value).places:
            continue
        text = report.article.text
        if all(_in_a_name(at, people) and not _where_one_works(text, at, people) for at in spots):
            template.slots[3] = _one(parse_muc_location(fill[0].value).country)


def _where_one_works(text: str, at: int, names: Iterable[tuple[int, int]]) -> bool:
    """Whether the town at ``at`` is told inside a person's description with 'in' or 'at'
    ('the director of a radio station in Villa Rosa'): where the person lives and works,
    which is likely where the act on them was, not a word of who they are ('the mayor of
    Villa Rosa')."""
    return any(start <= at < end and _IN_OR_AT.search(text, start, at) for start, end in names)


_IN_OR_AT = re.compile(r"(?i)\b(?:in|at)\b")


def _no_place_named_for_a_body(
    template: MucTemplate, report: ArticleReport, places: dict[str, Place]
) -> None:
    """A name the gazetteer does not know that the text glosses as a body ('Ecopetrol
    [Colombian Petroleum Enterprise]'), or read inside such a gloss ('Enterprise'), is that
    body, no place: the incident is told by its country (and may find its town in the
    paragraph)."""
    fill = template.slot(3).fillers
    if not fill:
        return
    text = report.article.text
    for place in report.places:
        if place.level not in (PlaceLevel.AREA, PlaceLevel.VENUE) or place.gazetteer_id:
            continue
        if _location_fill(place, places) != fill[0].value or not place.mentions:
            continue
        country = _country_name(place.country)
        if country and all(_glossed_as_a_body(text, s, e) for s, e in place.mentions):
            template.slots[3] = _one(country)
            return


def _glossed_as_a_body(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is followed by a gloss of a body ('[... Enterprise]') or is
    inside one."""
    if _BODY_GLOSS.match(text, end):
        return True
    opened = text.rfind("[", 0, start)
    return opened > text.rfind("]", 0, start) and bool(_BODY_GLOSS.match(text, opened))


_BODY_GLOSS = re.compile(
    r"\s*\[[^\]]*\b(?:ENTERPRISE|COMPANY|CORPORATION|INSTITUTE|ASSOCIATION|FEDERATION|UNION|"
    r"FRONT|PARTY|MOVEMENT|COUNCIL|AGENCY|BANK|COMMAND|ORGANIZATION|COMMITTEE|SERVICE)S?\]",
    re.IGNORECASE,
)


def _words(name: str) -> set[str]:
    return set(normalize_fill(name).split())


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry  # imported here: only location fills need it

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return _fill_string(name.split(",")[0])


# --------------------------------------------------------------------------- running


class ReportExtractor(Protocol):
    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleReport]: ...


def read_keys(paths: Iterable[Path | str]) -> dict[str, list[MucTemplate]]:
    """Parse and join several answer-key files."""
    keys: dict[str, list[MucTemplate]] = {}
    for path in paths:
        for message_id, templates in parse_key_file(path).items():
            keys.setdefault(message_id, []).extend(templates)
    return keys


def read_messages(paths: Iterable[Path | str]) -> list[Article]:
    """The MUC-4 messages of the text files, one article each (skips are dropped: a message
    without text has nothing to extract, and still counts in the key)."""
    from threatline.ingest import read_muc4

    return [item for path in paths for item in read_muc4(path) if isinstance(item, Article)]


def run(
    texts: Sequence[Path | str],
    keys: Sequence[Path | str],
    extractor: ReportExtractor | None = None,
) -> dict[str, Any]:
    """Extract events from the MUC-4 messages in ``texts`` and score them against ``keys``.

    Only messages present in the keys are extracted and scored. Returns percent values:
    ``f``, ``r``, ``p`` (all templates), ``slots``, ``ree_f1``, ``ree_p``, ``ree_r``,
    ``ree`` (per role), ``n_messages``, ``n_key_templates``, ``n_response_templates``."""
    key = read_keys(keys)
    articles = [a for a in read_messages(texts) if a.title in key]
    if extractor is None:
        from threatline.extract import Extractor

        extractor = Extractor()
    response: dict[str, list[MucTemplate]] = {}
    for report in extractor.pipe(articles):
        response[report.article.title or report.article.id] = report_to_templates(report)
    metrics = score_templates(key, response)
    entities = score_entities(key, response)
    metrics.update(
        ree_f1=entities["f"],
        ree_p=entities["p"],
        ree_r=entities["r"],
        ree={role: {k: v[k] for k in ("p", "r", "f")} for role, v in entities["roles"].items()},
        n_texts=len(articles),
    )
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """A score table in the layout of the MUC score report (one row per slot)."""
    head = f"{'SLOT':<32}{'POS':>5}{'ACT':>5}{'COR':>5}{'PAR':>5}{'INC':>5}{'MIS':>5}"
    head += f"{'SPU':>5}{'REC':>7}{'PRE':>7}{'F':>7}"
    lines = [head, "-" * len(head)]

    def row(name: str, tallies: dict[str, Any], scores: dict[str, Any]) -> str:
        counts = "".join(f"{tallies[k]:>5}" for k in ("pos", "act", "cor", "par", "inc"))
        counts += "".join(f"{tallies[k]:>5}" for k in ("mis", "spu"))
        return f"{name:<32}{counts}{scores['r']:>7.1f}{scores['p']:>7.1f}{scores['f']:>7.1f}"

    names = {slot_key(s): SLOT_NAMES[s] for s in SCORED_SLOTS}
    for key, values in metrics["slots"].items():
        lines.append(row(names.get(key, key), values, values))
    lines.append("-" * len(head))
    lines.append(row("ALL TEMPLATES", metrics["all"], metrics))
    lines.append(
        f"messages {metrics['n_messages']}, key templates {metrics['n_key_templates']}, "
        f"response templates {metrics['n_response_templates']}, "
        f"matched {metrics['n_matched_templates']}"
    )
    if "ree" in metrics:
        lines.append("")
        lines.append(f"{'ROLE (entity F1, GRIT)':<32}{'P':>7}{'R':>7}{'F1':>7}")
        for role, values in metrics["ree"].items():
            lines.append(f"{role:<32}{values['p']:>7.1f}{values['r']:>7.1f}{values['f']:>7.1f}")
        lines.append(
            f"{'micro':<32}{metrics['ree_p']:>7.1f}{metrics['ree_r']:>7.1f}"
            f"{metrics['ree_f1']:>7.1f}"
        )
    return "\n".join(lines)
