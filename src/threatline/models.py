"""The data model: every value that crosses a stage boundary is one of these types.

Stages share data only through these models (see DESIGN.md). Character offsets always index
into ``Article.text``, the normalized text (see :func:`normalize_text`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EXTRACT_SCHEMA = "threatline.extract/1"


class Model(BaseModel):
    """Base of all models: unknown fields are an error, so typos cannot pass silently."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


# --------------------------------------------------------------------------- articles

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """The canonical form of an article's text: offsets and the article id refer to it.

    Unicode NFC, Unix newlines, no control characters, runs of spaces collapsed to one,
    at most one blank line between paragraphs, no spaces at line ends, stripped.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """sha256 of the normalized text: the same text under two URLs is the same article."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


class Article(Model):
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = Field(default=None, description="outlet, e.g. 'Reuters'")
    author: str | None = None
    published: dt.date | None = None
    language: str = "en"
    text: str
    origin: str | None = Field(
        default=None, description="where it was read from: path, path:line, path#record"
    )

    @classmethod
    def from_text(cls, text: str, **fields: object) -> Article:
        """Build an article from raw text: normalizes it and derives the id."""
        normalized = normalize_text(text)
        return cls(id=article_id(normalized), text=normalized, **fields)  # type: ignore[arg-type]


class Skip(Model):
    """An input that could not be processed, with why. Recorded, never silently dropped."""

    origin: str
    code: str = Field(description="short machine code: empty, binary, parse_error, ...")
    reason: str = Field(description="a sentence a user can act on")


# --------------------------------------------------------------------------- evidence


class Span(Model):
    """A piece of the article text: [start, end) offsets and the text they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def trimmed(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` without the whitespace at its ends (a sentence
        from spaCy carries the blank line after it)."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start=start, end=end, text=text[start:end])


# --------------------------------------------------------------------------- time


class Granularity(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"


class TimeSpan(Model):
    """A temporal expression and the interval of days it denotes (inclusive).

    ``start``/``end`` are dates; the expression's position in the text is
    ``char_start``/``char_end``. Unresolvable expressions keep their text with null dates.
    """

    text: str
    char_start: int | None = None
    char_end: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = Granularity.UNKNOWN
    anchor: str | None = Field(
        default=None,
        description="'absolute', 'publication', 'event:<id>' or null when unresolved",
    )
    timex_type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = Field(default=None, description="TIMEX3 value, e.g. 2024-03-22, P3D")
    mod: str | None = Field(default=None, description="TIMEX3 mod: BEFORE, AFTER, APPROX, ...")


# --------------------------------------------------------------------------- places


class PlaceLevel(StrEnum):
    VENUE = "venue"
    SETTLEMENT = "settlement"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"
    AREA = "area"


class Place(Model):
    """A resolved place, with every mention of it in the article."""

    id: str = Field(description="id within the document, e.g. 'P1'")
    name: str
    gazetteer_id: str | None = Field(default=None, description="e.g. 'geonames:524901'")
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    level: PlaceLevel = PlaceLevel.SETTLEMENT
    mentions: list[tuple[int, int]] = Field(default_factory=list)


class EventPlace(Model):
    """Where an event happened: a place of the document plus how exactly."""

    id: str | None = Field(default=None, description="Place.id, null when unresolved")
    text: str
    precision: Literal[1, 2, 3] = 3
    relation: Literal["in", "near"] = "in"
    start: int | None = None
    end: int | None = None


# --------------------------------------------------------------------------- actors


class ActorKind(StrEnum):
    ARMED_GROUP = "armed_group"
    SECURITY_FORCE = "security_force"
    GOVERNMENT = "government"
    POLITICAL_PARTY = "political_party"
    CIVILIANS = "civilians"
    MEDIA = "media"
    EXPERT = "expert"
    INTERNATIONAL_ORG = "international_org"
    COUNTRY = "country"
    PERSON = "person"
    ORGANIZATION = "organization"
    OTHER = "other"


class Actor(Model):
    id: str = Field(description="stable id: the knowledge base id, or a slug of the name")
    name: str
    kind: ActorKind = ActorKind.OTHER
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = Field(default=None, description="id of the parent actor")
    country: str | None = None
    in_kb: bool = Field(default=False, description="known to the actor knowledge base")
    mentions: list[tuple[int, int]] = Field(default_factory=list)


# --------------------------------------------------------------------------- events


class EventType(StrEnum):
    ARMED_ASSAULT = "armed_assault"
    BOMBING = "bombing"
    SUICIDE_BOMBING = "suicide_bombing"
    AIR_OR_DRONE_STRIKE = "air_or_drone_strike"
    SHELLING = "shelling"
    KIDNAPPING = "kidnapping"
    HOSTAGE_TAKING = "hostage_taking"
    ASSASSINATION = "assassination"
    ARSON = "arson"
    ROBBERY = "robbery"
    ARMED_CLASH = "armed_clash"
    SECURITY_OPERATION = "security_operation"
    ARREST = "arrest"
    EXTRAJUDICIAL_KILLING = "extrajudicial_killing"
    PLOT = "plot"
    FOILED_ATTACK = "foiled_attack"
    THREAT = "threat"
    CLAIM_OF_RESPONSIBILITY = "claim_of_responsibility"
    PROPAGANDA_RELEASE = "propaganda_release"
    ATTACK_VERIFICATION = "attack_verification"
    PROTEST = "protest"
    RIOT = "riot"
    SEIZURE_OF_POWER = "seizure_of_power"
    GROUP_FOUNDED = "group_founded"
    AGREEMENT = "agreement"
    ATTACK = "attack"  # an attack whose means the text does not say


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    FOILED = "foiled"
    FAILED = "failed"
    THREATENED = "threatened"
    HYPOTHETICAL = "hypothetical"
    DENIED = "denied"


class Role(StrEnum):
    PERPETRATOR = "perpetrator"
    TARGET = "target"
    VICTIM = "victim"
    SECURITY_FORCE = "security_force"
    ARRESTED = "arrested"
    CLAIMANT = "claimant"
    SOURCE_OF_REPORT = "source_of_report"


class Stance(StrEnum):
    ASSERTS = "asserts"
    CLAIMS = "claims"
    REPORTS = "reports"
    ASSUMES = "assumes"
    ALLEGES = "alleges"
    ESTIMATES = "estimates"
    DENIES = "denies"
    NOT_CONFIRMED = "not_confirmed"
    QUOTES = "quotes"


class Quantity(Model):
    """A count as a range: 'a dozen' = 12..12, 'more than 130' = 131..None."""

    min: int | None = None
    max: int | None = None
    text: str
    start: int | None = None
    end: int | None = None


class Participant(Model):
    actor: str = Field(description="Actor.id")
    role: Role


class Attribution(Model):
    """Who says so, and how: 'Washington also assumes' -> (us-government, assumes)."""

    source: str = Field(
        description="Actor.id, an outlet name, 'article', or 'context' (a role the "
        "extractor infers from the article's context, e.g. a perpetrator named nearby)"
    )
    stance: Stance
    start: int | None = None
    end: int | None = None


class EventLink(Model):
    type: str = Field(description="e.g. 'claims_responsibility_for', 'video_of', 'verifies'")
    event: str = Field(description="EventMention.id in the same document")


class EventCodes(Model):
    acled: str | None = Field(default=None, description="'event_type / sub_event_type'")
    plover: str | None = None
    gtd: str | None = None


class EventMention(Model):
    """One article's account of one event."""

    id: str = Field(description="id within the document, e.g. 'E1'")
    type: EventType
    status: EventStatus = EventStatus.OCCURRED
    codes: EventCodes = Field(default_factory=EventCodes)
    trigger: Span
    time: TimeSpan | None = None
    place: EventPlace | None = None
    participants: list[Participant] = Field(default_factory=list)
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    attributions: list[Attribution] = Field(default_factory=list)
    links: list[EventLink] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    instruments: list[Span] = Field(default_factory=list, description="weapons, means")
    physical_targets: list[Span] = Field(
        default_factory=list, description="buildings, vehicles, facilities attacked"
    )


# --------------------------------------------------------------------------- facts


class FactPredicate(StrEnum):
    FOUNDED = "founded"
    FOUNDED_BY = "founded_by"
    SIZE_ESTIMATE = "size_estimate"
    FUNDED_BY = "funded_by"
    BRANCH_OF = "branch_of"
    RIVAL_OF = "rival_of"
    RULES = "rules"
    IDEOLOGY = "ideology"
    BASED_IN = "based_in"
    ACTIVE_IN = "active_in"


class Fact(Model):
    """A statement about an actor rather than an event."""

    id: str
    subject: str = Field(description="Actor.id")
    predicate: FactPredicate
    value: str = Field(description="the value as text, or an Actor.id / Place.id")
    quantity: Quantity | None = None
    time: TimeSpan | None = None
    attributions: list[Attribution] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


# --------------------------------------------------------------------------- reports


class ArticleReport(Model):
    """Everything extracted from one article: the `threatline.extract/1` document."""

    schema_: Literal["threatline.extract/1"] = Field(default=EXTRACT_SCHEMA, alias="schema")
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[EventMention] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    timexes: list[TimeSpan] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", use_enum_values=True, populate_by_name=True)

    def to_json_dict(self, include_text: bool = False) -> dict:
        """The JSON document of the extract contract (article text only on request)."""
        data = self.model_dump(mode="json", by_alias=True)
        if not include_text:
            data["article"].pop("text", None)
        return data
