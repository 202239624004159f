"""The event types of threatline and their codes in ACLED, PLOVER and GTD.

The table is data (``data/event_types.json``); ``docs/event_types.md`` is rendered from it
by :func:`render_markdown_table`. Each event type has default codes; a *refinement* replaces
some of them when one of its cue words occurs in the event's context (a bombing with a
"grenade" is ACLED "Grenade", a protest "dispersed with tear gas" is "Protest with
intervention"), so that every ACLED sub-event type can be reached from our smaller
vocabulary.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from threatline.errors import ConfigError
from threatline.models import EventCodes, EventType

__all__ = [
    "ACLED_EVENT_TYPE_OF",
    "ACLED_SUB_EVENT_TYPES",
    "CASE2021_EXTRA_LABELS",
    "CASE2021_LABELS",
    "GTD_ATTACK_TYPES",
    "EventTypeInfo",
    "Refinement",
    "SnippetCue",
    "acled_sub_event_type",
    "all_event_types",
    "case2021_label",
    "case2021_snippet_cues",
    "case2021_snippet_label",
    "codes_for",
    "event_type_info",
    "gtd_attack_type",
    "render_markdown_table",
]

_CODE_FIELDS = (
    "acled_event_type",
    "acled_sub_event_type",
    "plover_type",
    "plover_mode",
    "gtd_attack_type",
)


@dataclass(frozen=True)
class Refinement:
    """Codes that replace the defaults when one of ``when`` (cue words) is in the context."""

    when: tuple[str, ...]
    codes: dict[str, str | None]

    def matches(self, context: str) -> bool:
        """True when a cue occurs in ``context`` as whole words (case-insensitive)."""
        lowered = context.lower()
        return any(re.search(rf"\b{re.escape(cue)}\b", lowered) for cue in self.when)


@dataclass(frozen=True)
class SnippetCue:
    """Cue words of a CASE 2021 label that no event type expresses (see
    :func:`case2021_snippet_label`). ``overrides``: which labels of the snippet's events it
    replaces: ``none`` (it applies only when no event has a label but Other), ``generic``
    (Other, Attack, Armed clash) or ``all``. ``unless``: words that say the cue's event
    did not happen ("no group claimed responsibility")."""

    label: str
    when: tuple[str, ...]
    overrides: str = "none"
    also: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        """True when one of ``when`` and, if given, one of ``also`` (the file's "with")
        occur in ``text`` as whole words (case-insensitive), and none of ``unless``."""
        if not Refinement(when=self.when, codes={}).matches(text):
            return False
        if self.unless and Refinement(when=self.unless, codes={}).matches(text):
            return False
        return not self.also or Refinement(when=self.also, codes={}).matches(text)


@dataclass(frozen=True)
class EventTypeInfo:
    """One row of the mapping table: a threatline event type and its codes elsewhere."""

    name: str
    description: str
    acled_event_type: str
    acled_sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    gtd_attack_type: str | None
    refinements: tuple[Refinement, ...] = field(default_factory=tuple)

    @property
    def acled(self) -> str:
        """ACLED as one string: 'Event type / Sub-event type'."""
        return f"{self.acled_event_type} / {self.acled_sub_event_type}"

    @property
    def plover(self) -> str | None:
        """PLOVER as one string: 'TYPE / mode', 'TYPE', or None."""
        if self.plover_type is None:
            return None
        return f"{self.plover_type} / {self.plover_mode}" if self.plover_mode else self.plover_type


@dataclass(frozen=True)
class _Table:
    rows: dict[str, EventTypeInfo]
    acled_taxonomy: dict[str, tuple[str, ...]]
    gtd_attack_types: tuple[str, ...]
    case2021_labels: dict[str, str]
    case2021_extra_labels: tuple[str, ...]
    case2021_snippet_cues: tuple[SnippetCue, ...]


def _cue_words(entries: list[str], named: dict[str, list[str]], where: str) -> tuple[str, ...]:
    """The lower-cased cue words of a "when"/"with"/"unless" list, where "@name" stands for
    the words of the file's shared list of that name (``cue_lists``)."""
    words: list[str] = []
    for entry in entries:
        if entry.startswith("@"):
            if entry[1:] not in named:
                known = ", ".join(sorted(named))
                raise ConfigError(
                    f"data/event_types.json: {where} names the cue list {entry!r}, "
                    f"which is not among cue_lists ({known})"
                )
            words.extend(named[entry[1:]])
        else:
            words.append(entry)
    return tuple(word.lower() for word in words)


@cache
def _table() -> _Table:
    """data/event_types.json, loaded and checked once."""
    try:
        raw: dict[str, Any] = json.loads(
            resources.files("threatline").joinpath("data/event_types.json").read_text("utf-8")
        )
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the event type table data/event_types.json: {exc}") from exc
    named = {k: v for k, v in raw.get("cue_lists", {}).items() if not k.startswith("_")}
    rows: dict[str, EventTypeInfo] = {}
    for entry in raw["event_types"]:
        refinements = tuple(
            Refinement(
                when=_cue_words(ref["when"], named, f"a refinement of {entry['name']}"),
                codes={k: v for k, v in ref.items() if k in _CODE_FIELDS},
            )
            for ref in entry.get("refinements", [])
        )
        rows[entry["name"]] = EventTypeInfo(
            **{k: entry[k] for k in ("name", "description", *_CODE_FIELDS)},
            refinements=refinements,
        )
    return _Table(
        rows=rows,
        acled_taxonomy={k: tuple(v) for k, v in raw["acled_taxonomy"].items()},
        gtd_attack_types=tuple(raw["gtd_attack_types"]),
        case2021_labels=dict(raw["case2021_labels"]),
        case2021_extra_labels=tuple(raw["case2021_extra_labels"]),
        case2021_snippet_cues=tuple(
            SnippetCue(
                label=cue["label"],
                when=_cue_words(cue["when"], named, f"a {cue['label']} cue"),
                overrides=cue.get("overrides", "none"),
                also=_cue_words(cue.get("with", []), named, f"a {cue['label']} cue"),
                unless=_cue_words(cue.get("unless", []), named, f"a {cue['label']} cue"),
            )
            for cue in raw["case2021_snippet_cues"]["cues"]
        ),
    )


#: The 25 ACLED sub-event types, in codebook order.
ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(
    sub for subs in _table().acled_taxonomy.values() for sub in subs
)
#: ACLED sub-event type -> its ACLED event type.
ACLED_EVENT_TYPE_OF: dict[str, str] = {
    sub: event_type for event_type, subs in _table().acled_taxonomy.items() for sub in subs
}
#: The GTD attack types (attacktype1_txt).
GTD_ATTACK_TYPES: tuple[str, ...] = _table().gtd_attack_types
#: ACLED sub-event type -> the CASE 2021 task 2 label (e.g. "Suicide bomb" -> "SUIC_BOMB").
CASE2021_LABELS: dict[str, str] = _table().case2021_labels
#: The CASE 2021 task 2 labels outside the ACLED taxonomy ("unseen" types).
CASE2021_EXTRA_LABELS: tuple[str, ...] = _table().case2021_extra_labels


def _name(event_type: EventType | str) -> str:
    name = str(event_type.value if isinstance(event_type, EventType) else event_type)
    if name not in _table().rows:
        known = ", ".join(sorted(_table().rows))
        raise ConfigError(f"unknown event type {name!r}: use one of {known}")
    return name


def event_type_info(event_type: EventType | str, context: str | None = None) -> EventTypeInfo:
    """The row of an event type; with ``context``, refined by the first matching cue words.

    Raises ConfigError for a name that is not an event type.
    """
    info = _table().rows[_name(event_type)]
    if not context:
        return info
    for refinement in info.refinements:
        if refinement.matches(context):
            fields = {k: getattr(info, k) for k in ("name", "description", *_CODE_FIELDS)}
            fields.update(refinement.codes)
            sub = fields["acled_sub_event_type"]
            fields["acled_event_type"] = ACLED_EVENT_TYPE_OF.get(sub, fields["acled_event_type"])
            return EventTypeInfo(**fields, refinements=info.refinements)
    return info


def codes_for(event_type: EventType | str, context: str | None = None) -> EventCodes:
    """The ACLED ('Event type / Sub-event type'), PLOVER ('TYPE / mode') and GTD codes.

    ``context`` (the trigger, instruments, sentence) may refine the codes; see the module
    docstring.
    """
    info = event_type_info(event_type, context)
    return EventCodes(acled=info.acled, plover=info.plover, gtd=info.gtd_attack_type)


def acled_sub_event_type(event_type: EventType | str, context: str | None = None) -> str | None:
    """The ACLED sub-event type, e.g. bombing -> 'Remote explosive/landmine/IED'."""
    return event_type_info(event_type, context).acled_sub_event_type


def gtd_attack_type(event_type: EventType | str, context: str | None = None) -> str | None:
    """The GTD attack type for attacks, None for events that are not attacks."""
    return event_type_info(event_type, context).gtd_attack_type


def case2021_label(event_type: EventType | str, context: str | None = None) -> str | None:
    """The CASE 2021 task 2 label of an event type (through its ACLED sub-event type)."""
    sub = acled_sub_event_type(event_type, context)
    return CASE2021_LABELS.get(sub) if sub else None


def case2021_snippet_cues() -> tuple[SnippetCue, ...]:
    """The cue words of the CASE 2021 labels, in the order they are tried."""
    return _table().case2021_snippet_cues


def case2021_snippet_label(
    text: str, allowed: set[str] | frozenset[str], event_label: str | None = None
) -> str | None:
    """The label that the cue words of a snippet give, among ``allowed``, over the label of
    its main event (``event_label``, None when no event has an allowed label): the first
    matching cue whose ``overrides`` covers that label; None when the event label stands,
    as it does when a cue of its own label matches before any such cue.

    >>> case2021_snippet_label("An earthquake killed 40 people.", {"ATTACK", "NATURAL_DISASTER"},
    ...                        "ATTACK")
    'NATURAL_DISASTER'
    """
    for cue in _table().case2021_snippet_cues:
        if cue.label not in allowed:
            continue
        if cue.label == event_label:
            if cue.matches(text):
                return None  # the event's own cue words come first: later cues yield to them
            continue
        covers = (
            event_label in (None, "OTHER")
            or cue.overrides == "all"
            or (cue.overrides == "generic" and event_label in _GENERIC_CASE2021_LABELS)
        )
        if covers and cue.matches(text):
            return cue.label
    return None


# Labels that say little about the event: cue words of a more specific kind replace them.
_GENERIC_CASE2021_LABELS = frozenset({"OTHER", "ATTACK", "ARMED_CLASH"})


def all_event_types() -> list[EventTypeInfo]:
    """Every row of the table, in table order (one per EventType value)."""
    return list(_table().rows.values())


def _cell(value: str | None) -> str:
    return "–" if value is None else value.replace("|", "\\|")


def render_markdown_table() -> str:
    """The mapping table as Markdown: the content of docs/event_types.md."""
    lines = [
        "# Event types",
        "",
        "Generated from `src/threatline/data/event_types.json` by",
        "`threatline.ontology.render_markdown_table()`; a test checks that this file matches.",
        "",
        "ACLED names follow the ACLED codebook; PLOVER types and modes follow the PLOVER",
        "manual (draft 0.7b1), where '–' means PLOVER codes no such event (plans, claims,",
        "statements); GTD attack types are given for attacks only.",
        "",
        "| Type | Description | ACLED event type | ACLED sub-event type | PLOVER "
        "| GTD attack type |",
        "|---|---|---|---|---|---|",
    ]
    for info in all_event_types():
        cells = [
            f"`{info.name}`",
            info.description,
            info.acled_event_type,
            info.acled_sub_event_type,
            info.plover,
            info.gtd_attack_type,
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += [
        "",
        "## Refinements",
        "",
        "When one of the cue words occurs in the event's context, these codes replace the",
        "defaults above (the first matching row wins).",
        "",
        "| Type | Cue words | Codes |",
        "|---|---|---|",
    ]
    for info in all_event_types():
        for refinement in info.refinements:
            codes = ", ".join(f"{k}: {v}" for k, v in refinement.codes.items())
            lines.append(
                f"| `{info.name}` | {_cell(', '.join(refinement.when))} | {_cell(codes)} |"
            )
    lines += [
        "",
        "## CASE 2021 snippet cues",
        "",
        "Cue words of the CASE 2021 task 2 labels that no event type expresses. A snippet",
        "whose events give no label takes the label of the first matching row; a row that",
        "overrides generic labels also replaces Other, Attack and Armed clash, one that",
        "overrides all replaces any label. A matching row of the events' own label, met",
        "first, keeps that label.",
        "",
        "| Label | Overrides | Cue words |",
        "|---|---|---|",
    ]
    for cue in case2021_snippet_cues():
        words = ", ".join(cue.when)
        if cue.also:
            words = f"({words}) with ({', '.join(cue.also)})"
        if cue.unless:
            words = f"{words}, unless ({', '.join(cue.unless)})"
        lines.append(f"| {cue.label} | {cue.overrides} | {_cell(words)} |")
    return "\n".join(lines) + "\n"
