"""Cross-article merge: many reports of one real-world event become one :class:`Event`.

Every event mention of every article becomes a :class:`MentionRecord` (the mention with what
merging needs of its article: outlet, publication date, resolved place, actor names). Two
records are scored by :func:`score_pair`; records whose score reaches :data:`THRESHOLD` are
*linked*. Merging works in two steps, both functions of the set of records only, so the
result does not depend on the order in which articles arrive:

1. **Components**: the connected components of the link graph. Linking is symmetric and
   blocked by a fixed date window and the country of a precise place (:func:`block_window`,
   :func:`may_match`, :func:`precise_country`), so a new article
   only needs the stored records of its block, and its components are the union of the
   stored components it links to (incremental, no full recompute).
2. **Clusters**: within a component, :func:`cluster_component` joins clusters by average
   linkage, best pair first, while the average reaches the threshold (or a linked pair
   across them names one victim) and no pair across them vetoes; a report that vetoes many
   reports of its named target joins last. This keeps look-alike
   events that a chain of links joined (A~B, B~C, A!~C) apart.

A cluster's id derives from its first record in the stable order (:func:`event_id_for`).
:func:`build_event` turns a cluster into the merged :class:`Event`, with every reported
value side by side and a consensus view.

Scoring (:func:`score_pair`): a weighted sum of five similarities in [0, 1], each documented
at its function, with vetoes that make the score 0 whatever the rest says:

=============  ======  ============================================================
part           weight  veto
=============  ======  ============================================================
time           0.30    the spans are further apart than their granularity allows (no
                       day when both tell the hour; a shared named victim: see
                       :func:`reaches_back`; a shared named person: :func:`within_a_week`)
place          0.30    different countries (a shared named victim lifts it when one
                       place is only a country); two precise places too far apart
type           0.15    incompatible families (an arrest is not the attack before it);
                       two ways of attacking on two precise days (a bombing, the
                       arson the next day: :func:`different_attacks`) unless both
                       name one person as victim; two mentions of one article of
                       different families in different sentences (:func:`told_apart`)
participants   0.15    --
casualties     0.10    --
=============  ======  ============================================================
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import Field

from threatline.models import (
    ActorKind,
    ArticleReport,
    Attribution,
    EventMention,
    Model,
    Place,
    Quantity,
    Role,
    Stance,
)

# --------------------------------------------------------------------------- records

WEIGHTS: dict[str, float] = {
    "time": 0.30,
    "place": 0.30,
    "type": 0.15,
    "participants": 0.15,
    "casualties": 0.10,
}
#: Two records with a score at or above this are the same event.
THRESHOLD = 0.65
#: The least average score between two clusters that join (one pair across them must be
#: linked): a report without a place or a date of its own scores low against the others
#: even when it matches the best of them.
CLUSTER_THRESHOLD = 0.6
#: Days a mention without a date of its own may precede its article (news report recent
#: events): such a mention is taken to lie in [published - this, published].
UNDATED_WINDOW_DAYS = 10
#: Days before its article a mention without a date of its own may lie when it names the
#: victim of an earlier event: "the murder of the Jesuits" in a report weeks later.
BACKGROUND_DAYS = 45
#: Days after its article's publication a reported event that happened may be dated (the
#: publication date of one time zone, the event's of another).
FUTURE_SLACK_DAYS = 1
#: The blocking window: records whose date spans are further apart than this are never
#: compared. It must be at least the largest time tolerance below plus the undated window,
#: and at least the background reach less the undated window.
BLOCK_DAYS = 45

OFFICIAL_KINDS = frozenset(
    {ActorKind.GOVERNMENT, ActorKind.SECURITY_FORCE, ActorKind.INTERNATIONAL_ORG}
)


#: Words that make an attribution source official when the actor is not in the report's
#: actors ("police said", "the government said").
OFFICIAL_WORDS = frozenset(
    {
        "police",
        "government",
        "ministry",
        "army",
        "military",
        "officials",
        "authorities",
        "governor",
        "spokesman",
        "spokesperson",
        "prosecutor",
        "un",
        "united nations",
    }
)


def is_official(name: str, kind: str | None) -> bool:
    """Whether an attribution source is official: a government, security force or
    international organisation, or a source named by one of :data:`OFFICIAL_WORDS`."""
    if kind in OFFICIAL_KINDS:
        return True
    return any(word in OFFICIAL_WORDS for word in re.findall(r"[a-z]+", name.casefold()))


class ActorRef(Model):
    """An actor as a record names it: id, name, and whether the knowledge base knows it."""

    id: str
    name: str
    kind: str = ActorKind.OTHER
    in_kb: bool = False
    #: Other names the article gives the actor ("OAS" for the Organization of American
    #: States): another report may name it only so.
    aliases: list[str] = Field(default_factory=list)


class SourcedAttribution(Model):
    """Who says so, with the actor's name and whether it is an official source."""

    source: str
    name: str
    stance: str
    official: bool = False


class MentionRecord(Model):
    """One article's report of one event, with what merging needs of the article."""

    key: str = Field(description="stored event id: <first 16 hex of article id>:<event id>")
    article_id: str
    event_id: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    type: str
    status: str
    time_text: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str = "unknown"
    dated_by_publication: bool = False
    place_key: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    level: str | None = None
    precision: int | None = None
    perpetrators: list[ActorRef] = Field(default_factory=list)
    #: Perpetrators the extractor inferred from the article's context (a group named nearby),
    #: not stated for this event: shown with the event, never evidence that two reports are
    #: one event (a group active in a region would otherwise join its unrelated attacks).
    inferred_perpetrators: list[ActorRef] = Field(default_factory=list)
    #: Perpetrators the report only alleges (someone charged with, implicated in or suspected
    #: of the act, the side another blames) or whose part a report denies: shown with the
    #: event, but neither evidence that two reports are one event nor that they are two (an
    #: accusation names people that another report of the act leaves out or contradicts).
    alleged_perpetrators: list[ActorRef] = Field(default_factory=list)
    targets: list[ActorRef] = Field(default_factory=list)
    claimants: list[ActorRef] = Field(default_factory=list)
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    attributions: list[SourcedAttribution] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    #: Targets of the article's events of another day that its sentences tell of too, when
    #: they are not this event's: the names are theirs ("a truck was set alight by
    #: students protesting the shelling of their school" names the school, the shelling's
    #: target, not the truck's).
    others_targets: list[ActorRef] = Field(default_factory=list)


def _record_key(article_id: str, event_id: str) -> str:
    # The same formula as threatline.store.event_key (kept here to avoid an import cycle).
    return f"{article_id[:16]}:{event_id}"


def _place_key(place: Place) -> str:
    if place.gazetteer_id:
        return place.gazetteer_id
    slug = re.sub(r"[^a-z0-9]+", "-", place.name.lower()).strip("-") or "unnamed"
    return f"{place.level}:{slug}:{(place.country or 'xx').lower()}"


def _disputes(attribution: Attribution) -> bool:
    """Whether an attribution leaves the event's doers only alleged: someone says another
    is charged with, suspected of or blamed for the act, or denies it."""
    return attribution.stance in (Stance.ALLEGES, Stance.DENIES)


def mention_records(report: ArticleReport) -> list[MentionRecord]:
    """Every event mention of a report as a :class:`MentionRecord`.

    A mention without a resolved date is placed in the ``UNDATED_WINDOW_DAYS`` before the
    article's publication (``dated_by_publication``); without either it stays undated. So is
    an event that happened (or failed, or is denied) dated more than
    :data:`FUTURE_SLACK_DAYS` after the article: a misread date ("Wednesday" taken for the
    next one) that would otherwise keep it from its other reports."""
    article = report.article
    actors = {actor.id: actor for actor in report.actors}
    places = {place.id: place for place in report.places}

    def ref(actor_id: str) -> ActorRef:
        actor = actors.get(actor_id)
        if actor is None:
            return ActorRef(id=actor_id, name=actor_id)
        return ActorRef(
            id=actor.id,
            name=actor.name,
            kind=str(actor.kind),
            in_kb=actor.in_kb,
            aliases=[alias for alias in actor.aliases if alias != actor.name],
        )

    def by_role(mention: EventMention, *roles: Role) -> list[ActorRef]:
        ids = dict.fromkeys(p.actor for p in mention.participants if p.role in roles)
        return [ref(actor_id) for actor_id in ids]

    records = []
    for mention in report.events:
        time = mention.time
        start, end = (time.start, time.end) if time else (None, None)
        granularity = str(time.granularity) if time and time.start else "unknown"
        by_publication = False
        if (
            start is not None
            and article.published is not None
            and STATUS_GROUP.get(str(mention.status)) == "real"
            and start > article.published + dt.timedelta(days=FUTURE_SLACK_DAYS)
        ):
            start = None  # a report cannot tell of an attack after it: the date is misread
        if start is None and article.published is not None:
            start = article.published - dt.timedelta(days=UNDATED_WINDOW_DAYS)
            end = article.published
            granularity, by_publication = "unknown", True
        place = places.get(mention.place.id) if mention.place and mention.place.id else None
        # The extractor infers a perpetrator only for an event that states none.
        inferred = any(a.source == "context" for a in mention.attributions)
        alleged = not inferred and any(_disputes(a) for a in mention.attributions)
        perpetrators = by_role(mention, Role.PERPETRATOR)
        attributions = []
        for attribution in mention.attributions:
            actor = actors.get(attribution.source)
            attributions.append(
                SourcedAttribution(
                    source=attribution.source,
                    name=actor.name if actor else attribution.source,
                    stance=str(attribution.stance),
                    official=is_official(
                        actor.name if actor else attribution.source,
                        str(actor.kind) if actor else None,
                    )
                    and attribution.stance != Stance.CLAIMS,
                )
            )
        records.append(
            MentionRecord(
                key=_record_key(article.id, mention.id),
                article_id=article.id,
                event_id=mention.id,
                outlet=article.source,
                published=article.published,
                title=article.title,
                type=str(mention.type),
                status=str(mention.status),
                time_text=time.text if time else None,
                date_start=start,
                date_end=end or start,
                granularity=granularity,
                dated_by_publication=by_publication,
                place_key=_place_key(place) if place else None,
                place_name=place.name if place else (mention.place.text if mention.place else None),
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                country=place.country if place else None,
                admin1=place.admin1 if place else None,
                level=str(place.level) if place else None,
                precision=mention.place.precision if mention.place else None,
                perpetrators=[] if inferred or alleged else perpetrators,
                inferred_perpetrators=perpetrators if inferred else [],
                alleged_perpetrators=perpetrators if alleged else [],
                targets=by_role(mention, Role.TARGET, Role.VICTIM),
                claimants=by_role(mention, Role.CLAIMANT),
                fatalities=mention.fatalities,
                injuries=mention.injuries,
                attributions=attributions,
                evidence=[span.text.strip() for span in mention.evidence],
            )
        )
    # The targets of an act of another day told in the same sentence ("set a truck alight
    # today in protest at yesterday's shelling of the school"): a mention of one day told
    # twice (two mentions of one day) keeps the names of both.
    for mention, record in zip(report.events, records, strict=True):
        own = {p.actor for p in mention.participants}
        spans = {(span.start, span.end) for span in mention.evidence}
        ids = {
            p.actor
            for other, other_record in zip(report.events, records, strict=True)
            if other.id != mention.id
            and spans & {(span.start, span.end) for span in other.evidence}
            and _precise_day(record)
            and _precise_day(other_record)
            and record.date_start != other_record.date_start
            for p in other.participants
            if p.role in (Role.TARGET, Role.VICTIM) and p.actor not in own
        }
        record.others_targets = [ref(actor_id) for actor_id in sorted(ids)]
    return records


# --------------------------------------------------------------------------- scoring

#: Event type families: types of one family may be the same event.
TYPE_FAMILY: dict[str, str] = {
    **dict.fromkeys(
        [
            "armed_assault",
            "bombing",
            "suicide_bombing",
            "air_or_drone_strike",
            "shelling",
            "assassination",
            "arson",
            "armed_clash",
            "extrajudicial_killing",
            "attack",
        ],
        "violence",
    ),
    **dict.fromkeys(["kidnapping", "hostage_taking"], "abduction"),
    "robbery": "robbery",
    **dict.fromkeys(["arrest", "security_operation"], "response"),
    **dict.fromkeys(["plot", "foiled_attack", "threat"], "plot"),
    **dict.fromkeys(["protest", "riot"], "unrest"),
    **dict.fromkeys(["propaganda_release", "attack_verification"], "media"),
}
#: Kinds within the violence and abduction families: two types of one kind name one way of
#: attacking (a shooting reported as an assassination), while a bombing and an arson of one
#: target on consecutive days are usually two attacks.
TYPE_KIND: dict[str, str] = {
    **dict.fromkeys(["armed_assault", "assassination", "extrajudicial_killing"], "killing"),
    **dict.fromkeys(["bombing", "suicide_bombing"], "explosion"),
    **dict.fromkeys(["air_or_drone_strike", "shelling"], "bombardment"),
    **dict.fromkeys(["kidnapping", "hostage_taking"], "abduction"),
}
#: Families that may describe one event in different words (a hostage taking inside an
#: armed assault; a kidnapping reported first as an "attack").
COMPATIBLE_FAMILIES = frozenset({frozenset({"violence", "abduction"})})
#: Statuses of one group may be the same event; an attack that happened is not the plot
#: that was foiled.
STATUS_GROUP: dict[str, str] = {
    "occurred": "real",
    "failed": "real",
    "planned": "unreal",
    "foiled": "unreal",
    "threatened": "unreal",
    "hypothetical": "hypothetical",
    "denied": "real",
}


#: The type similarity of the generic ``attack`` and a specific violent or abduction type:
#: compatible, yet less telling than two types of one kind (a report that says only "the
#: attack" fits the shooting, the bombing and the clash of that day alike).
GENERIC_TYPE_SCORE = 0.7
#: The least type similarity of two reports of one kind of attack (see
#: :data:`NAMED_TARGET_SCORE`): the generic ``attack`` is of every kind.
ONE_KIND_SCORE = GENERIC_TYPE_SCORE


def type_similarity(a: MentionRecord, b: MentionRecord) -> float | None:
    """1 for the same type; 0.8 when both are of one kind (:data:`TYPE_KIND`);
    :data:`GENERIC_TYPE_SCORE` when one is the generic ``attack``; 0.6 within a family; 0.4
    for compatible families; None (veto) otherwise or when the statuses differ in kind
    (occurred vs foiled; hypothetical events never merge)."""
    if STATUS_GROUP.get(a.status) != STATUS_GROUP.get(b.status) or a.status == "hypothetical":
        return None
    if a.type == b.type:
        return 1.0
    family_a = TYPE_FAMILY.get(a.type, a.type)
    family_b = TYPE_FAMILY.get(b.type, b.type)
    if "attack" in (a.type, b.type) and {family_a, family_b} <= {"violence", "abduction"}:
        return GENERIC_TYPE_SCORE
    if a.type in TYPE_KIND and TYPE_KIND.get(a.type) == TYPE_KIND.get(b.type):
        return 0.8
    if family_a == family_b:
        return 0.6
    if frozenset({family_a, family_b}) in COMPATIBLE_FAMILIES:
        return 0.4
    return None


#: Days two spans may be apart, by the coarser granularity: reports of one event differ by
#: a day across time zones; a "week" or "month" is vaguer at its edges. Two reports that
#: both tell the hour or the part of the day ("at 0230", "this afternoon") agree on the
#: day: a bomb this afternoon is not the shooting of yesterday morning in the same city,
#: however alike (a shared named victim still reaches a week, :func:`within_a_week`).
TIME_TOLERANCE_DAYS: dict[str, int] = {
    "time": 0,
    "day": 1,
    "week": 3,
    "month": 7,
    "season": 15,
    "quarter": 15,
    "year": 15,
    "decade": 15,
    "century": 15,
    "unknown": UNDATED_WINDOW_DAYS,
}
_GRANULARITY_RANK = [
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "century",
    "unknown",
]


def _precise_day(record: MentionRecord) -> bool:
    return record.granularity in ("time", "day") and not record.dated_by_publication


#: How much the similarity of an undated report to a dated one in its publication window
#: falls for each day the dated event lies before the publication.
RECENCY_STEP = 0.02


def time_similarity(a: MentionRecord, b: MentionRecord) -> float | None:
    """1 for the same precise day; 0.8 for precise days within the tolerance; 0.6 when a
    coarse span (a month, a year) contains the other; 0.7 when one span is only the
    publication window and holds the other's date on the day of publication, less
    :data:`RECENCY_STEP` a day before it (at least 0.5), 0.5 for two publication windows; 0.3
    when either is undated; None (veto) when the gap
    exceeds the tolerance of the coarser granularity (:data:`TIME_TOLERANCE_DAYS`)."""
    if a.date_start is None or b.date_start is None:
        return 0.3
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    gap = max(0, (b.date_start - a_end).days, (a.date_start - b_end).days)
    tolerance = max(
        TIME_TOLERANCE_DAYS.get(a.granularity, 1), TIME_TOLERANCE_DAYS.get(b.granularity, 1)
    )
    if gap > tolerance:
        return None
    if a.dated_by_publication != b.dated_by_publication:
        # A report that gives no date of its own, against one that dates the event inside
        # that report's publication window: what the dated report says is compatible, the
        # more so the more recent it is (news report recent events).
        if gap:
            return 0.5
        published, dated_end = (a_end, b_end) if a.dated_by_publication else (b_end, a_end)
        return max(0.5, 0.7 - RECENCY_STEP * max(0, (published - dated_end).days))
    if a.dated_by_publication:
        return 0.5
    if _precise_day(a) and _precise_day(b):
        return 1.0 if gap == 0 else 0.8
    return 0.6 if gap == 0 else 0.4


def different_attacks(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether two records report attacks of different ways (a bombing and an arson, or a
    hostage taking and a clash: two specific types of the violence and abduction families
    that are not of one kind, :data:`TYPE_KIND`) on two different precise days: a bus set
    on fire the day after a bombing, in protest at it, is another attack, however much the
    reports share (the target, the town); a hostage taking inside an assault is told on
    the assault's day. A
    report that says only "the attack" fits either; :func:`score_pair` lets a named person
    both reports give as the victim outweigh it."""
    if "attack" in (a.type, b.type) or a.type == b.type:
        return False
    families = {TYPE_FAMILY.get(a.type), TYPE_FAMILY.get(b.type)}
    if not families <= {"violence", "abduction"}:
        return False
    if a.type in TYPE_KIND and TYPE_KIND.get(a.type) == TYPE_KIND.get(b.type):
        return False
    return _precise_day(a) and _precise_day(b) and a.date_start != b.date_start


def reaches_back(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether one record is dated only by its publication and the other's span lies in the
    :data:`BACKGROUND_DAYS` before that publication (two such records: their reaches
    overlap). Used for records that name one victim, whatever the window says."""
    if not (a.dated_by_publication or b.dated_by_publication):
        return False
    spans = []
    for record in (a, b):
        if record.date_start is None:
            return False
        if record.dated_by_publication and record.published is not None:
            start = record.published - dt.timedelta(days=BACKGROUND_DAYS)
            spans.append((start, record.published))
        else:
            spans.append((record.date_start, record.date_end or record.date_start))
    (a_start, a_end), (b_start, b_end) = spans
    return a_start <= b_end and b_start <= a_end


#: Days two dated spans may be apart and still be one event when both name its victim: a
#: weekday ("on Monday") read in the wrong week, a report's day against another's.
NAMED_WEEK_DAYS = 7


def within_a_week(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether both records carry a date of their own and their spans are at most
    :data:`NAMED_WEEK_DAYS` apart. Used for records that name one victim."""
    if a.date_start is None or b.date_start is None:
        return False
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    gap = max(0, (b.date_start - a_end).days, (a.date_start - b_end).days)
    return gap <= NAMED_WEEK_DAYS


#: Kilometres two places may be apart and still be the place of one event, by the coarser
#: level (a venue and the town around it; a district and its city).
NEAR_KM: dict[str, float] = {"venue": 15.0, "settlement": 30.0, "district": 60.0, "region": 250.0}


def _distance_km(a: MentionRecord, b: MentionRecord) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_LEVEL_RANK = {"venue": 0, "settlement": 1, "district": 2, "region": 3, "country": 4, "area": 5}
#: Place levels whose country is the event's: a country named as the place (or an area the
#: gazetteer could not pin down) is often the country of a speaker ("the US ambassador
#: asked who killed ..."), not where it happened.
PRECISE_LEVELS = frozenset({"venue", "settlement", "district", "region"})


def precise_country(record: MentionRecord) -> str | None:
    """The record's country when its place is precise enough to vouch for it (a venue,
    settlement, district or region), else None: the blocking key of the store."""
    if record.country and (record.level or "settlement") in PRECISE_LEVELS:
        return record.country
    return None


def countries_conflict(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether both records name a country and the two differ."""
    return bool(a.country and b.country and a.country != b.country)


def place_similarity(a: MentionRecord, b: MentionRecord) -> float | None:
    """1 for the same place (gazetteer id or name); 0.8 for places near each other (within
    :data:`NEAR_KM` of the coarser level); 0.6 when one is a country or region that holds
    the other; 0.3 when either place is unknown; None (veto) for different countries or
    precise places too far apart."""
    if not (a.place_key or a.place_name) or not (b.place_key or b.place_name):
        return 0.3
    if countries_conflict(a, b):
        return None
    if a.place_key and a.place_key == b.place_key:
        return 1.0
    if a.place_name and b.place_name and a.place_name.casefold() == b.place_name.casefold():
        return 1.0
    level_a, level_b = a.level or "settlement", b.level or "settlement"
    coarser = max(level_a, level_b, key=lambda level: _LEVEL_RANK.get(level, 1))
    if coarser in ("country", "area"):
        return 0.6 if a.country and a.country == b.country else 0.3
    distance = _distance_km(a, b)
    if distance is None:
        return 0.3 if not (a.country and b.country) else 0.4
    if distance <= NEAR_KM.get(coarser, 30.0):
        if coarser == "region" and level_a != level_b:
            return 0.6  # a town in its province
        return 0.8
    return None


def _named(refs: Sequence[ActorRef]) -> set[str]:
    return {ref.id for ref in refs if ref.in_kb}


def _placed(record: MentionRecord) -> bool:
    """Whether the record gives a place (of any level) for its event."""
    return bool(record.place_key or record.place_name)


def participant_similarity(a: MentionRecord, b: MentionRecord) -> float:
    """1 when both name a shared perpetrator (or claimant) and both give a place, or a
    shared :func:`distinctive` target; 0.1 when both name different known groups as perpetrators (a
    contradiction, not a veto: early reports are often wrong); 0.5 otherwise (unknown
    gunmen, or a claim naming the group later, contradict nothing). A group in an offensive
    attacks many places a day, so a shared group without a place on both sides tells one
    event from another no better than unknown gunmen (0.5 unless a target is shared). A
    perpetrator only alleged or denied (:attr:`MentionRecord.alleged_perpetrators`) counts
    for neither: the people charged with an act are often not those a first report blames."""
    doers_a = _telling(a.perpetrators + a.claimants)
    doers_b = _telling(b.perpetrators + b.claimants)
    if doers_a & doers_b and _placed(a) and _placed(b):
        return 1.0
    named_a, named_b = _named(a.perpetrators + a.claimants), _named(b.perpetrators + b.claimants)
    if named_a and named_b and not named_a & named_b:
        return 0.1
    if _distinctive_ids(a.targets) & _distinctive_ids(b.targets):
        return 1.0
    return 0.5


def _telling(refs: Sequence[ActorRef]) -> set[str]:
    """The ids of the actors that tell one event from another: a name ("Ramon Zubieta",
    a known group) or a description of more than one word ("jesuit priests"); "people",
    "gunmen" or "terrorists" are in the reports of any attack."""
    return {ref.id for ref in refs if _name_words(ref) or len(_words(ref.name)) > 1}


#: Kinds of target that tell no attack from another: in a conflict the army, the police, a
#: guerrilla group or the government are attacked in many places a week.
CONFLICT_PARTY_KINDS = frozenset(
    {ActorKind.SECURITY_FORCE, ActorKind.ARMED_GROUP, ActorKind.GOVERNMENT, ActorKind.COUNTRY}
)
#: Kinds of actor whose proper name tells who was attacked (a named person, firm, party,
#: newspaper or agency); actors of the other kinds are descriptions of people.
NAMED_KINDS = frozenset(
    {
        ActorKind.PERSON,
        ActorKind.EXPERT,
        ActorKind.ORGANIZATION,
        ActorKind.POLITICAL_PARTY,
        ActorKind.MEDIA,
        ActorKind.INTERNATIONAL_ORG,
    }
)


def distinctive(ref: ActorRef) -> bool:
    """Whether a target or victim tells one attack from another, so that two reports that
    share it are the more likely one event: a named person or a proper-noun target (a
    knowledge-base actor, or a capitalized name of a person or organisation), never a party
    to the conflict (:data:`CONFLICT_PARTY_KINDS`) nor a description of people, however many
    words it has: "a policeman", "union members" or "Salvadoran workers" (a nationality is
    capitalized too) are in the reports of many attacks of a week, and a shared one would
    chain them into one event."""
    if ref.kind in CONFLICT_PARTY_KINDS:
        return False
    if ref.in_kb:
        return True
    return ref.kind in NAMED_KINDS and _name_words(ref) is not None


def _distinctive_ids(refs: Sequence[ActorRef]) -> set[str]:
    return {ref.id for ref in refs if distinctive(ref)}


def _low(quantity: Quantity | None) -> int | None:
    if quantity is None:
        return None
    return quantity.min if quantity.min is not None else quantity.max


def casualty_similarity(a: MentionRecord, b: MentionRecord) -> float:
    """1 when the death tolls are compatible (the larger at most three times the smaller
    plus five: tolls rise as bodies are found); 0 when wildly different; 0.5 when either is
    unknown."""
    low_a, low_b = _low(a.fatalities), _low(b.fatalities)
    if low_a is None or low_b is None:
        return 0.5
    small, large = sorted((low_a, low_b))
    return 1.0 if large <= 3 * small + 5 else 0.0


#: The least score of two records that name the same person or organisation as target or
#: victim, pass every veto and are of one kind of attack (:data:`ONE_KIND_SCORE`): one
#: named victim is rarely attacked twice in days, but a bombing and an arson are two attacks.
#: Above what two reports of one type in one town score when one of them has no date of its
#: own (at most 0.785 without shared participants or casualties), so that the reports naming
#: the victim join before such a weak link can pull one of them into a look-alike.
NAMED_TARGET_SCORE = 0.8
#: The time similarity of a background mention that names the victim of an event before
#: its publication window (:func:`reaches_back`).
BACKGROUND_TIME_SCORE = 0.3
#: The most two mentions of one article score: its extraction already told them apart
#: (a shooting and the kidnapping after it), so they are never linked directly, yet they
#: may still end in one event through the other reports (a mention found twice). Their
#: pair counts in no average of :func:`cluster_component`: it would keep the second
#: mention of an event from the reports that link it.
SAME_ARTICLE_SCORE = 0.5
_GENERIC_WORDS = frozenset({"the", "a", "an", "of", "and", "de", "la", "el", "del", "los"})


def _name_words(ref: ActorRef) -> tuple[str, ...] | None:
    """The words of a target's name when it is a proper name (a capitalized word or a
    knowledge-base actor), else None: "priests" or "civilians" identify no one."""
    words = re.findall(r"[^\W\d_]+", ref.name)
    if not ref.in_kb and not any(
        w[0].isupper() for w in words if w.casefold() not in _GENERIC_WORDS
    ):
        return None
    return tuple(w.casefold() for w in words) or None


#: Letters a word needs before one differing letter is read as a spelling variant: reports
#: spell one name several ways (Urquiza and Urquisa, Valdemar and Waldemar).
MIN_VARIANT_LETTERS = 5


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two words differ by exactly one letter changed, added or dropped, or by two
    neighbouring letters swapped (optimal string alignment distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]]
            and a[differ[1]] == b[differ[0]]
        )
    short, long_ = sorted((a, b), key=len)
    first = next(
        (i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short)
    )
    return short[first:] == long_[first + 1 :]


def same_word(a: str, b: str) -> bool:
    """Equal, or spelling variants (:func:`one_edit_apart`) of at least
    :data:`MIN_VARIANT_LETTERS` letters: short words differ by one letter too often."""
    return a == b or (min(len(a), len(b)) >= MIN_VARIANT_LETTERS and one_edit_apart(a, b))


def _within(short: Sequence[str], long_: Sequence[str]) -> bool:
    """Whether ``short`` is a contiguous run of ``long_`` (word by word, :func:`same_word`)
    with a word of four letters."""
    return (
        bool(short)
        and max(map(len, short)) >= 4
        and any(
            all(map(same_word, long_[i : i + len(short)], short))
            for i in range(len(long_) - len(short) + 1)
        )
    )


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in re.findall(r"[^\W\d_]+", text))


def _runs(short: Sequence[str], long_: Sequence[str]) -> list[tuple[int, int]]:
    """Where ``short`` is a contiguous run of ``long_`` (as :func:`_within`): the spans."""
    if not short or max(map(len, short)) < 4:
        return []
    return [
        (i, i + len(short))
        for i in range(len(long_) - len(short) + 1)
        if all(map(same_word, long_[i : i + len(short)], short))
    ]


#: Words that may stand between two names of one list of victims ("and Father").
LIST_GAP_WORDS = 2


def _named_in_words(
    name: Sequence[str], own: Sequence[Sequence[str]], words: Sequence[str]
) -> bool:
    """Whether ``name`` is in the words of a record that reports its event (its evidence),
    the record's own named targets being ``own``: anywhere when it names none, else only
    as part of one of its own names ("Senator Hamid Karimi was shot" for a victim "Hamid")
    or next to one in a list (at most :data:`LIST_GAP_WORDS` words apart: "Ruiz and Father
    Moreno were killed"), not in passing ("X, an aide of the murdered senator Y, was
    shot")."""
    spans = _runs(name, words)
    if not spans or not own:
        return bool(spans)
    own_spans = [span for mine in own for span in _runs(mine, words)]
    return any(
        start <= own_end + LIST_GAP_WORDS and own_start <= end + LIST_GAP_WORDS
        for start, end in spans
        for own_start, own_end in own_spans
    )


def shared_named_target(a: MentionRecord, b: MentionRecord, people_only: bool = False) -> bool:
    """Whether the records name one target or victim: the same actor id, proper names equal
    or one within the other ("Zubieta" in "Ramon Zubieta") on a word of at least four
    letters, word by word up to spelling variants (:func:`same_word`), or one record's named
    target in the other's evidence (the words that report
    its event: "Senator Jorge Iribarne was shot" against a victim "Iribarne"; a person only
    as part of a name of the record's own victims there, see :func:`_named_in_words`; not
    the target of another act of another day that its sentences tell of too, see
    :func:`_another_events_target`). With
    ``people_only``, only targets that are persons count (an office may be attacked twice in a
    week, a person is killed once)."""
    targets_a = [r for r in a.targets if not people_only or r.kind == ActorKind.PERSON]
    targets_b = [r for r in b.targets if not people_only or r.kind == ActorKind.PERSON]
    named_a = [w for w in map(_name_words, targets_a) if w]
    named_b = [w for w in map(_name_words, targets_b) if w]
    if {r.id for r in targets_a if _name_words(r)} & {r.id for r in targets_b if _name_words(r)}:
        return True
    for x in named_a:
        for y in named_b:
            if _within(*sorted((x, y), key=len)):
                return True
    for targets, other in ((targets_a, b), (targets_b, a)):
        own = [w for w in map(_name_words, _named_people(other)) if w]
        sentences = [_words(text) for text in other.evidence]
        doers = {ref.id for ref in other.perpetrators + other.claimants}
        doers |= {ref.id for ref in other.alleged_perpetrators}
        for target in targets:
            # a name the other record holds for the doer tells no shared target
            if _another_events_target(target, other) or target.id in doers:
                continue
            name = _name_words(target)
            if name and any(
                _named_in_words(name, own if target.kind == ActorKind.PERSON else [], words)
                for words in sentences
            ):
                return True
            if any(_alias_in(alias, text) for alias in _aliases(target) for text in other.evidence):
                return True
    return False


def _another_events_target(target: ActorRef, record: MentionRecord) -> bool:
    """Whether ``target`` is the target of another event told in ``record``'s sentences
    (:attr:`MentionRecord.others_targets`), by its name or one of its other names: its
    name there tells of that event, not of ``record``'s."""
    name = _name_words(target)
    names = {alias.casefold() for alias in [target.name, *target.aliases]}
    for other in record.others_targets:
        if names & {alias.casefold() for alias in [other.name, *other.aliases]}:
            return True
        other_name = _name_words(other)
        if name and other_name and _within(*sorted((name, other_name), key=len)):
            return True
    return False


#: Letters an alias needs to be looked for in another report's words ("OAS", not "UN").
MIN_ALIAS_LETTERS = 3


def _aliases(ref: ActorRef) -> list[str]:
    """The other names of a :func:`distinctive` target that is not a person (an
    organisation, a firm, a newspaper) of at least :data:`MIN_ALIAS_LETTERS` letters: a
    report of the attack on the Organization of American States may name it only "the
    OAS". A person's other names are surnames and spellings that
    :func:`shared_named_target` already compares word by word."""
    if ref.kind == ActorKind.PERSON or not distinctive(ref):
        return []
    return [alias for alias in ref.aliases if len(re.sub(r"\W", "", alias)) >= MIN_ALIAS_LETTERS]


def _alias_in(alias: str, text: str) -> bool:
    """Whether an alias stands in ``text`` as whole words: an acronym as written, in
    capitals ("WHO" is not "who"), another name in any case."""
    flags = 0 if alias.isupper() else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, flags) is not None


def _named_people(record: MentionRecord) -> list[ActorRef]:
    return [r for r in record.targets if r.kind == ActorKind.PERSON and _name_words(r)]


def _fully_named_people(record: MentionRecord) -> list[ActorRef]:
    """The named persons of a record whose name tells them apart from others: of two words
    or more, or known to the knowledge base. A lone capitalized word taken for a person
    ("Hostage" in "took the secretary general hostage", a battalion's namesake) may be a
    misread common word or group, and a surname alone may be anyone's."""
    return [r for r in _named_people(record) if r.in_kb or len(_name_words(r) or ()) > 1]


#: Plural nouns that do not end in "s": a target named by one is a group of victims.
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel"})


def _is_group(ref: ActorRef) -> bool:
    """Whether a target is a group of people told by a common noun in the plural ("priests",
    "union members", "people"): a report of it leaves its victims unnamed."""
    if ref.kind == ActorKind.PERSON or ref.in_kb:
        return False
    words = [w for w in _words(ref.name) if w not in _GENERIC_WORDS]
    if not words or any(w[0].isupper() for w in re.findall(r"[^\W\d_]+", ref.name)):
        return False
    head = words[-1]
    return head in IRREGULAR_PLURALS or (len(head) > 3 and head.endswith("s"))


def unnamed_victims(record: MentionRecord) -> float:
    """How many victims a record reports beyond the persons it names: unbounded
    (``math.inf``) when it tells of a group without a number ("the priests"), else its dead
    and wounded less its named persons (at least 0)."""
    if any(_is_group(ref) for ref in record.targets):
        return math.inf
    toll = (_low(record.fatalities) or 0) + (_low(record.injuries) or 0)
    return max(0, toll - len(_named_people(record)))


def has_room_for(record: MentionRecord, other: MentionRecord) -> bool:
    """Whether ``record`` may count ``other``'s named victims among the ones it leaves
    unnamed (:func:`unnamed_victims`) and both give the same or the next precise day (time
    similarity 0.8 or more). Room alone is no evidence: "the senator and his bodyguards"
    leaves room for any name, and a town at war sees many killings in a week."""
    if unnamed_victims(record) < len(_named_people(other)):
        return False
    return (time_similarity(record, other) or 0.0) >= 0.8


def different_named_people(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether both records name persons as targets or victims by names that tell them
    apart (:func:`_fully_named_people`), none of one is any of the other's
    (:func:`shared_named_target`), and neither leaves room for the other's: the
    killing of one named person is not the attack that killed another, however alike in
    town and days (a background mention placed before its article's publication would
    otherwise join a look-alike). An attack with several victims is reported by one name
    here and another there: a report that tells of more victims than it names
    (:func:`unnamed_victims`: "six priests were killed", "the priests") of the same day
    may have left out the other report's (:func:`has_room_for`)."""
    if not (_fully_named_people(a) and _fully_named_people(b)):
        return False
    if has_room_for(a, b) or has_room_for(b, a):
        return False
    return not shared_named_target(a, b, people_only=True)


def _names_a_victim_of(record: MentionRecord, other: MentionRecord) -> bool:
    """Whether a person ``record`` names as its victim is one ``other`` names (by the names
    alone: a sentence that lists past killings names victims of other events)."""
    names = [w for w in map(_name_words, _named_people(record)) if w]
    others = [w for w in map(_name_words, _named_people(other)) if w]
    return any(_within(*sorted((x, y), key=len)) for x in names for y in others)


def bridges(record: MentionRecord, a: MentionRecord, b: MentionRecord) -> bool:
    """Whether ``record`` holds the victims of two reports that name different persons
    (:func:`different_named_people`): it names a person of each ("X and Y were killed"
    against a report of X and one of Y), or one of a report's and leaves room
    (:func:`unnamed_victims`) for the other's ("X and five others" against a report of Y)."""
    if record.key in (a.key, b.key):
        return False
    names_a, names_b = _names_a_victim_of(record, a), _names_a_victim_of(record, b)
    return (names_a and names_b) or (
        (names_a and has_room_for(record, b)) or (names_b and has_room_for(record, a))
    )


def told_apart(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether two mentions of one article are two events for good: of different families
    (a killing and a kidnapping, :data:`TYPE_FAMILY`) told in different sentences (no
    evidence in common). The article itself told them apart ("a banker was shot dead
    today; it was also reported that gunmen kidnapped a couple"), so no third report that
    fits both (same day, same town) joins them; a hostage taking told in the sentence of
    the assault ("rebels stormed the hotel and took hostages") may still be one event."""
    if a.article_id != b.article_id:
        return False
    if TYPE_FAMILY.get(a.type, a.type) == TYPE_FAMILY.get(b.type, b.type):
        return False
    return not set(a.evidence) & set(b.evidence)


def score_pair(a: MentionRecord, b: MentionRecord, names_veto: bool = True) -> float:
    """How likely two records report the same event, in [0, 1]: the weighted sum of
    :data:`WEIGHTS`, or 0 when a part vetoes, the two tell different ways of attacking on
    different days (:func:`different_attacks`; unless both name one person as victim), or
    both name persons as victims and none of one is any of the other's
    (:func:`different_named_people`). Two records that share a named target
    (:func:`shared_named_target`) score at least :data:`NAMED_TARGET_SCORE` when their
    types are of one kind, and two vetoes give way to the name: a background mention dated
    only by its publication may report an event of the weeks before (:func:`reaches_back`),
    two dates of a named person's murder may disagree by days (:func:`within_a_week`), and
    a country given only as a country (or an area) may be a speaker's. Two mentions of one
    article score at most :data:`SAME_ARTICLE_SCORE`, and 0 when the article told them
    apart (:func:`told_apart`). Symmetric:
    ``score_pair(a, b) == score_pair(b, a)``. Without ``names_veto`` the score is what the
    pair would score without :func:`different_named_people` (see :func:`bridges`)."""
    parts: dict[str, float | None] = {
        "type": type_similarity(a, b),
        "time": time_similarity(a, b),
        "place": place_similarity(a, b),
    }
    if parts["type"] is None or (names_veto and different_named_people(a, b)):
        return 0.0
    # A person is killed once: two reports naming the victim may differ on the day and on
    # the way (a shooting on Monday, the bomb that killed him on Tuesday).
    if different_attacks(a, b) and not shared_named_target(a, b, people_only=True):
        return 0.0
    # Names are compared only where they can change the outcome (they are the costly part).
    one_kind = (parts["type"] or 0) >= ONE_KIND_SCORE
    may_help = parts["time"] is None or parts["place"] is None or one_kind
    named = may_help and shared_named_target(a, b)
    # A victim's name bridges a background mention to the weeks before, and two dates of a
    # person's murder that disagree by days (an office may be attacked twice in a week).
    if (
        parts["time"] is None
        and named
        and (reaches_back(a, b) or (within_a_week(a, b) and shared_named_target(a, b, True)))
    ):
        parts["time"] = BACKGROUND_TIME_SCORE
    if parts["place"] is None and named and not (precise_country(a) and precise_country(b)):
        parts["place"] = 0.0  # a country given only as a speaker's: the victim decides
    if any(value is None for value in parts.values()):
        return 0.0
    parts["participants"] = participant_similarity(a, b)
    parts["casualties"] = casualty_similarity(a, b)
    score = sum(WEIGHTS[name] * (value or 0.0) for name, value in parts.items())
    if named and one_kind:
        score = max(score, NAMED_TARGET_SCORE)
    if a.article_id == b.article_id:
        if told_apart(a, b):
            return 0.0
        score = min(score, SAME_ARTICLE_SCORE)
    return round(score, 6)


def block_window(record: MentionRecord) -> tuple[dt.date, dt.date] | None:
    """The date range of stored records that may match ``record`` (None when undated: an
    undated record is compared whatever the dates)."""
    if record.date_start is None:
        return None
    end = record.date_end or record.date_start
    return record.date_start - dt.timedelta(days=BLOCK_DAYS), end + dt.timedelta(days=BLOCK_DAYS)


def may_match(a: MentionRecord, b: MentionRecord) -> bool:
    """The blocking rule, symmetric: the same :func:`precise_country` (or one without: a
    place unknown or given only as a country), and date spans within :data:`BLOCK_DAYS`
    (undated records pass)."""
    country_a, country_b = precise_country(a), precise_country(b)
    if country_a and country_b and country_a != country_b:
        return False
    if a.date_start is None or b.date_start is None:
        return True
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    gap = max(0, (b.date_start - a_end).days, (a.date_start - b_end).days)
    return gap <= BLOCK_DAYS


# --------------------------------------------------------------------------- clustering


def stable_order(record: MentionRecord) -> tuple[str, str, str]:
    """The order records are clustered in: by publication date, then by key. Depends only
    on the record, so any arrival order gives the same clusters."""
    return (record.published.isoformat() if record.published else "9999", record.key, "")


def event_id_for(cluster: Sequence[MentionRecord]) -> str:
    """The merged event id: a hash of the key of the cluster's first record in
    :func:`stable_order` (``ev-`` and 12 hex digits)."""
    first = min(cluster, key=stable_order)
    return "ev-" + hashlib.sha1(first.key.encode("utf-8")).hexdigest()[:12]


def components(records: Sequence[MentionRecord]) -> list[list[MentionRecord]]:
    """The connected components of the link graph (pairs scoring at least
    :data:`THRESHOLD`), each in stable order, ordered by their first record."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            if (
                may_match(records[i], records[j])
                and score_pair(records[i], records[j]) >= THRESHOLD
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[MentionRecord]] = {}
    for i, record in enumerate(records):
        groups.setdefault(find(i), []).append(record)
    result = [sorted(group, key=stable_order) for group in groups.values()]
    return sorted(result, key=lambda group: stable_order(group[0]))


#: The share of the reports that a report shares a named target with (linked or vetoed) that
#: it vetoes, from which it is an outlier (:func:`odd_one_out`).
OUTLIER_SHARE = 1 / 3
#: The least number of such vetoes that make an outlier: one may be the other report's fault.
OUTLIER_VETOES = 2


def odd_one_out(
    index: int,
    ordered: Sequence[MentionRecord],
    scores: dict[tuple[int, int], float],
    vetoed: set[tuple[int, int]],
) -> bool:
    """Whether the record at ``index`` disagrees with the reports of its target: of the
    records of other articles that share a named target with it (:func:`shared_named_target`)
    and either link to it (``scores``, by pairs of indices of ``ordered``, reach
    :data:`THRESHOLD`) or veto it (``vetoed``), at least :data:`OUTLIER_VETOES` and at
    least :data:`OUTLIER_SHARE` of them veto it. Such a record tells of the named union
    office, say, with a day or a way of attacking that most of its reports contradict (a
    speaker's aside on another attack, mixed into the report)."""
    record = ordered[index]
    agree = disagree = 0
    for other in range(len(ordered)):
        if other == index or ordered[other].article_id == record.article_id:
            continue
        key = (index, other) if index < other else (other, index)
        against = key in vetoed
        if not against and scores.get(key, 0.0) < THRESHOLD:
            continue
        if not shared_named_target(record, ordered[other]):
            continue
        if against:
            disagree += 1
        else:
            agree += 1
    return disagree >= OUTLIER_VETOES and disagree >= OUTLIER_SHARE * (agree + disagree)


def cluster_component(records: Iterable[MentionRecord]) -> list[list[MentionRecord]]:
    """Split a component into events by average-linkage agglomeration: start from one
    cluster per record and join, again and again, the two clusters with the best average
    score (over the pairs of records of different articles, :data:`SAME_ARTICLE_SCORE`),
    while that average reaches :data:`CLUSTER_THRESHOLD`, some pair across them is linked
    (reaches :data:`THRESHOLD`) and none vetoes (scores 0). The strongest evidence joins
    first: two clusters with a linked pair that names one person as victim
    (:func:`shared_named_target`) join before any other, whatever their average, so that a
    report of a named victim that also matches a same-day, same-town look-alike in all but
    the victim ends with the other reports of its victim, and a report without a date or
    place of its own that names the victim is not kept out by the average. A report at odds
    with the reports of its named target (:func:`odd_one_out`) joins after all others, so
    that its vetoes do not keep the reports it links to apart from their event. Ties go to the
    clusters first in :func:`stable_order`; the result is a function of the set."""
    ordered = sorted(records, key=stable_order)
    n = len(ordered)
    # Cross-cluster sums of scores and counts of pairs of records of different articles;
    # the pairs of clusters that some linked pair joins (candidates); the pairs that some
    # vetoing pair keeps apart for good; the pairs of records kept apart only by their
    # different named victims, which a third report that holds the victims of both
    # (:func:`bridges`) reconciles.
    sums: dict[tuple[int, int], float] = {}
    counted: dict[tuple[int, int], int] = {}
    vetoed: set[tuple[int, int]] = set()
    named_apart: set[tuple[int, int]] = set()
    same_victim: set[tuple[int, int]] = set()
    for i in range(n):
        for j in range(i + 1, n):
            # Two mentions of one article tell nothing of each other here (see
            # SAME_ARTICLE_SCORE): averages run over the pairs of different articles.
            if ordered[i].article_id != ordered[j].article_id:
                counted[i, j] = 1
            # scored once without the names veto, which is told apart here instead
            score = score_pair(ordered[i], ordered[j], names_veto=False)
            if score == 0.0:
                vetoed.add((i, j))
                continue
            if different_named_people(ordered[i], ordered[j]):
                named_apart.add((i, j))
            elif score >= THRESHOLD and shared_named_target(
                ordered[i], ordered[j], people_only=True
            ):
                same_victim.add((i, j))
            if ordered[i].article_id != ordered[j].article_id:
                sums[i, j] = score
    candidates = {
        pair for pair, score in sums.items() if score >= THRESHOLD and pair not in named_apart
    }
    # A report that shares a named target with others yet vetoes a third or more of them
    # (a wrong day or way of attacking next to the right name) joins last: joined early, its
    # vetoes would keep the reports it agrees with apart from the rest of their event.
    outliers = {i for i in range(n) if odd_one_out(i, ordered, sums, vetoed)}
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def pair(x: int, y: int) -> tuple[int, int]:
        return (x, y) if x < y else (y, x)

    def reconciled(i: int, j: int) -> bool:
        # Every pair across the two clusters that only names differ keeps apart is bridged
        # by some report of the joined cluster.
        union = [ordered[k] for k in members[i] + members[j]]
        return all(
            any(bridges(record, ordered[x], ordered[y]) for record in union)
            for x in members[i]
            for y in members[j]
            if pair(x, y) in named_apart
        )

    while True:
        best: tuple[bool, bool, float, int, int] | None = None
        for i, j in sorted(candidates):
            if (i, j) in vetoed:
                continue
            average = sums.get((i, j), 0.0) / max(1, counted.get((i, j), 0))
            named = (i, j) in same_victim
            rank = (named, not ({i, j} & outliers), average, i, j)
            if (
                (named or average >= CLUSTER_THRESHOLD)
                and (best is None or rank[:3] > best[:3])
                and reconciled(i, j)
            ):
                best = rank
        if best is None:
            break
        _, _, _, keep, gone = best
        members[keep] += members.pop(gone)
        if gone in outliers:
            outliers.add(keep)
        for k in members:
            if k == keep:
                continue
            kept, merged = pair(keep, k), pair(gone, k)
            sums[kept] = sums.get(kept, 0.0) + sums.pop(merged, 0.0)
            counted[kept] = counted.get(kept, 0) + counted.pop(merged, 0)
            if merged in vetoed:
                vetoed.add(kept)
            if merged in same_victim:
                same_victim.add(kept)
            if merged in candidates:
                candidates.add(kept)
        candidates = {p for p in candidates if gone not in p}
    return [[ordered[i] for i in sorted(group)] for _, group in sorted(members.items())]


def unique_records(records: Iterable[MentionRecord]) -> list[MentionRecord]:
    """One record per key: one text published twice (under two titles) is one article, as
    the store keeps it, and a second copy would weigh its reports twice and tie the stable
    order, so that the clusters would depend on the order of arrival. Of the copies, the
    first by key, title and outlet."""
    first: dict[str, MentionRecord] = {}
    for record in sorted(records, key=lambda r: (r.key, r.title or "", r.outlet or "")):
        first.setdefault(record.key, record)
    return list(first.values())


def merge_records(records: Sequence[MentionRecord]) -> list[list[MentionRecord]]:
    """All clusters of a set of records (components, then :func:`cluster_component`), each
    key once (:func:`unique_records`)."""
    unique = unique_records(records)
    return [cluster for group in components(unique) for cluster in cluster_component(group)]


# --------------------------------------------------------------------------- merged events


class ValueReport(Model):
    """One report of one value of an event, with its source."""

    value: str
    text: str | None = Field(default=None, description="the words of the report, when not value")
    article_id: str
    mention: str = Field(description="stored event mention id")
    outlet: str | None = None
    published: dt.date | None = None
    according_to: list[str] = Field(default_factory=list, description="'name (stance)'")


class Evidence(Model):
    text: str
    article_id: str
    outlet: str | None = None
    published: dt.date | None = None


class MemberRef(Model):
    article_id: str
    event_id: str
    key: str


class Event(Model):
    """One real-world event merged from all its reports.

    Consensus (the single values): ``type`` the most reported type, a specific one before
    the generic ``attack``; ``date_*`` the most precise reported date (ties: most reports,
    then earliest); ``place_*`` the most precise place (ties: most reports); ``fatalities``
    the latest figure from an official source (government, security forces, international
    organisation), else the most conservative (lowest) figure not claimed by a perpetrator
    (ACLED's rule); ``perpetrators`` every named perpetrator or claimant (failing those, the
    ones inferred from context); ``certainty``
    ``confirmed`` (an official source asserts it), ``claimed`` (a claim of responsibility),
    ``alleged`` (alleged or assumed), ``disputed`` (someone denies), else ``reported``.
    ``reports`` keeps every reported value side by side, by field."""

    id: str
    type: str
    status: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str = "unknown"
    place_name: str | None = None
    place_key: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    perpetrators: list[str] = Field(default_factory=list)
    perpetrator_ids: list[str] = Field(default_factory=list)
    target_ids: list[str] = Field(default_factory=list)
    claimant_ids: list[str] = Field(default_factory=list)
    certainty: str = "reported"
    first_reported: dt.date | None = None
    latest_reported: dt.date | None = None
    n_reports: int = 0
    n_articles: int = 0
    members: list[MemberRef] = Field(default_factory=list)
    reports: dict[str, list[ValueReport]] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


def _quantity_text(quantity: Quantity) -> str:
    return quantity.text


def _according(record: MentionRecord) -> list[str]:
    return [f"{a.name} ({a.stance})" for a in record.attributions]


def _value_report(record: MentionRecord, value: str, text: str | None = None) -> ValueReport:
    return ValueReport(
        value=value,
        text=text if text != value else None,
        article_id=record.article_id,
        mention=record.key,
        outlet=record.outlet,
        published=record.published,
        according_to=_according(record),
    )


def _by_report_date(record: MentionRecord) -> tuple[str, str]:
    return (record.published.isoformat() if record.published else "", record.key)


def consensus_fatalities(
    records: Sequence[MentionRecord], field: str = "fatalities"
) -> Quantity | None:
    """The consensus toll (see :class:`Event`): latest official figure, else the lowest
    figure not claimed by the perpetrators."""
    reported = [
        r for r in records if getattr(r, field) is not None and _low(getattr(r, field)) is not None
    ]
    official = [
        r for r in reported if any(a.official and a.stance != "denies" for a in r.attributions)
    ]
    if official:
        return getattr(max(official, key=_by_report_date), field)
    credible = [r for r in reported if not any(a.stance == Stance.CLAIMS for a in r.attributions)]
    pool = credible or reported
    if not pool:
        return None
    return getattr(min(pool, key=lambda r: (_low(getattr(r, field)), _by_report_date(r))), field)


def _certainty(records: Sequence[MentionRecord]) -> str:
    stances = {(a.stance, a.official) for r in records for a in r.attributions}
    if any(stance == "denies" for stance, _ in stances):
        return "disputed"
    if any(official and stance in ("asserts", "reports", "quotes") for stance, official in stances):
        return "confirmed"
    if any(stance == "claims" for stance, _ in stances) or any(r.claimants for r in records):
        return "claimed"
    if any(stance in ("alleges", "assumes", "estimates") for stance, _ in stances):
        return "alleged"
    return "reported"


def build_event(cluster: Sequence[MentionRecord]) -> Event:
    """The merged event of a cluster of records, with consensus and every report."""
    records = sorted(cluster, key=_by_report_date)
    types = Counter(r.type for r in records)
    event_type = max(types, key=lambda t: (t != "attack", types[t], t))
    statuses = Counter(r.status for r in records)
    dated = [r for r in records if r.date_start and not r.dated_by_publication] or [
        r for r in records if r.date_start
    ]
    date_counts = Counter((r.date_start, r.date_end) for r in dated)
    when = min(
        dated,
        key=lambda r: (
            _GRANULARITY_RANK.index(r.granularity) if r.granularity in _GRANULARITY_RANK else 99,
            -date_counts[(r.date_start, r.date_end)],
            r.date_start,
        ),
        default=None,
    )
    placed = [r for r in records if r.place_name]
    place_counts = Counter(r.place_key or r.place_name for r in placed)
    where = min(
        placed,
        key=lambda r: (
            _LEVEL_RANK.get(r.level or "", 6),
            r.precision or 3,
            -place_counts[r.place_key or r.place_name],
            r.place_name or "",
        ),
        default=None,
    )
    perpetrators: dict[str, str] = {}
    for record in records:
        for ref in record.perpetrators + record.claimants + record.alleged_perpetrators:
            perpetrators.setdefault(ref.id, ref.name)
    if not perpetrators:
        for record in records:
            for ref in record.inferred_perpetrators:
                perpetrators.setdefault(ref.id, ref.name)
    reports: dict[str, list[ValueReport]] = {}

    def add(field: str, record: MentionRecord, value: str | None) -> None:
        if value:
            reports.setdefault(field, []).append(_value_report(record, value))

    for record in records:
        add("type", record, record.type)
        if record.date_start and not record.dated_by_publication:
            span = record.date_start.isoformat()
            if record.date_end and record.date_end != record.date_start:
                span += f"..{record.date_end.isoformat()}"
            reports.setdefault("date", []).append(_value_report(record, span, record.time_text))
        add("place", record, record.place_name)
        add("fatalities", record, _quantity_text(record.fatalities) if record.fatalities else None)
        add("injuries", record, _quantity_text(record.injuries) if record.injuries else None)
        doers = [f"{ref.name} (perpetrator)" for ref in record.perpetrators]
        doers += [f"{ref.name} (claimant)" for ref in record.claimants]
        doers += [f"{ref.name} (alleged)" for ref in record.alleged_perpetrators]
        doers += [f"{ref.name} (inferred from context)" for ref in record.inferred_perpetrators]
        add("perpetrators", record, ", ".join(doers) or None)
    evidence = [
        Evidence(text=text, article_id=r.article_id, outlet=r.outlet, published=r.published)
        for r in records
        for text in r.evidence[:1]
    ]
    published = [r.published for r in records if r.published]
    return Event(
        id=event_id_for(cluster),
        type=event_type,
        status=statuses.most_common(1)[0][0],
        date_start=when.date_start if when else None,
        date_end=when.date_end if when else None,
        granularity=when.granularity if when else "unknown",
        place_name=where.place_name if where else None,
        place_key=where.place_key if where else None,
        country=next((r.country for r in ([where] if where else []) + records if r.country), None),
        lat=where.lat if where else None,
        lon=where.lon if where else None,
        fatalities=consensus_fatalities(records),
        injuries=consensus_fatalities(records, "injuries"),
        perpetrators=list(perpetrators.values()),
        perpetrator_ids=sorted(
            {ref.id for r in records for ref in r.perpetrators + r.alleged_perpetrators}
        ),
        target_ids=sorted({ref.id for r in records for ref in r.targets}),
        claimant_ids=sorted({ref.id for r in records for ref in r.claimants}),
        certainty=_certainty(records),
        first_reported=min(published, default=None),
        latest_reported=max(published, default=None),
        n_reports=len(records),
        n_articles=len({r.article_id for r in records}),
        members=[
            MemberRef(article_id=r.article_id, event_id=r.event_id, key=r.key)
            for r in sorted(records, key=stable_order)
        ],
        reports=reports,
        evidence=evidence,
    )


def merge_reports(reports: Iterable[ArticleReport]) -> list[Event]:
    """Merge the events of several reports at once (no store): one :class:`Event` per
    real-world event, ordered by id."""
    records = [record for report in reports for record in mention_records(report)]
    return sorted((build_event(c) for c in merge_records(records)), key=lambda e: e.id)


@dataclass(frozen=True)
class Regrouping:
    """What adding records to a store changes: the components to delete (by id) and the new
    clusters of the components they became, each with its component id."""

    removed_components: frozenset[str]
    clusters: list[tuple[str, list[MentionRecord]]]


def component_id(records: Sequence[MentionRecord]) -> str:
    """A component's id: the key of its first record in stable order."""
    return min(records, key=stable_order).key


def regroup(
    new: Sequence[MentionRecord],
    stored: dict[str, list[MentionRecord]],
) -> Regrouping:
    """Add ``new`` records to stored components (``{component id: records}``, only those of
    the new records' block are needed): link each new record to every stored record and
    every other new record it matches, join the linked components, and recluster them.

    Equal to recomputing :func:`merge_records` over everything, because a component is
    the closure of links, and clusters are a function of their component."""
    units: list[list[MentionRecord]] = [list(group) for group in stored.values()]
    unit_ids: list[str | None] = list(stored)
    units += [[record] for record in new]
    unit_ids += [None] * len(new)
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_new = len(stored)
    for i in range(first_new, len(units)):
        record = units[i][0]
        for j in range(len(units)):
            if j == i or find(i) == find(j):
                continue
            if any(
                may_match(record, other) and score_pair(record, other) >= THRESHOLD
                for other in units[j]
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    removed: set[str] = set()
    clusters: list[tuple[str, list[MentionRecord]]] = []
    for members in groups.values():
        if all(i < first_new for i in members):
            continue  # untouched stored component
        removed.update(unit_ids[i] for i in members if unit_ids[i] is not None)  # type: ignore[misc]
        records = [record for i in members for record in units[i]]
        new_id = component_id(records)
        clusters += [(new_id, cluster) for cluster in cluster_component(records)]
    return Regrouping(frozenset(removed), clusters)
