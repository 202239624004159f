"""Perpetrators inferred from context, for attacks whose sentence names none.

Reports often name the group in one sentence and tell its attack in the next ('The FMLN
stepped up its offensive. Guerrillas dynamited a power pylon ...'), or name one group
throughout. An attack with no perpetrator of its own takes the armed group named in its
sentence, else, when it has a target, in its paragraph, else the known group the article
names most, unless the article names that group only as no doer (a party to talks, a victim,
the side set against, the one who condemns, its chiefs arrested) and never doing violence
(a stated perpetrator or claimant, or the doer of a clause that tells violence). A mention
counts for the sentence or the paragraph only where the group may act: not where it only
has, says or condemns something and that clause tells no violence ('positions where the
Front has camps', 'the reforms demanded by the Front'), nor where it only speaks of acts
('the Front's chief referred to the bombings'), is named in a negated clause ('none of
the victims belonged to the Front') or in an editor's bracketed note on someone ('X [a
member of the Front] referred to the bombings'); the article's most named group is not assumed
either when it is named only so. The role is marked as inferred, not stated: the event
gets an attribution (source ``context``, stance ``assumes``) whose span is the sentence
that names the group, so the event's certainty is lower than that of a stated perpetrator
("alleged" once merged) and the evidence of the role can be shown. The article's most
named group taken for an act whose own sentences tell no one acting, when the text ties
that group to no violence (it is neither told doing it, nor named where it may act in the
sentence of an attack, nor a stated doer anywhere), is only a guess: its attribution's
stance is ``estimates`` (:data:`GUESSED_STANCE`), and the MUC-4 writer leaves it out of
the template. A description of people that no knowledge base names ('drug traffickers') is
taken only from mentions that tell of the people themselves, not from one that names a kind
('a terrorist group', 'the war against drug traffickers', 'labelled them as terrorists').

An attack whose own clauses name no doer may tell them in a clause of its sentence or of the
sentence right before or after it ('The car was intercepted by heavily armed men. The leader
was kidnapped.'): the people described there as acting (the subject of a verb that is no
saying or perceiving, or the agent 'by' of a passive verb) are taken as its perpetrators,
with the same inferred attribution, before any group is inferred.

A perpetrator that only describes a group's members ('guerrillas dynamited a pylon', 'the
terrorists' unknown to the knowledge base) does not rule inference out: the known group the
context names is taken as theirs, beside the description.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SentenceSpan

from threatline.models import (
    Actor,
    ActorKind,
    Attribution,
    EventMention,
    EventType,
    Participant,
    Role,
    Span,
    Stance,
)

__all__ = [
    "GUESSED_STANCE",
    "INFERRED_SOURCE",
    "INFERRED_STANCE",
    "MEMBER_NOUNS",
    "describes_members",
    "infer_described_doers",
    "infer_perpetrators",
]

#: The attribution of an inferred role: the article's context implies it, no one states it.
INFERRED_SOURCE = "context"
INFERRED_STANCE = Stance.ASSUMES
#: The attribution of the article's main group taken for an act that nothing in the text
#: ties it to (no one told acting, the group told neither doing violence nor beside an act):
#: a guess, weaker than an inference.
GUESSED_STANCE = Stance.ESTIMATES

#: Attacks that armed groups carry out; strikes from the air and extrajudicial killings are
#: the state's, and clashes have two sides.
_INFERABLE = frozenset(
    t.value
    for t in (
        EventType.ATTACK,
        EventType.ARMED_ASSAULT,
        EventType.BOMBING,
        EventType.SUICIDE_BOMBING,
        EventType.ARSON,
        EventType.KIDNAPPING,
        EventType.HOSTAGE_TAKING,
        EventType.ASSASSINATION,
        EventType.SHELLING,
        EventType.FOILED_ATTACK,
        EventType.THREAT,
    )
)
# Roles that a group already plays in the event (or a claim of it) rule out inference.
_STATED = {Role.PERPETRATOR.value, Role.CLAIMANT.value}
#: Head nouns of a perpetrator that describes a group's members without naming the group
#: ('guerrillas dynamited a pylon'): the group the context names is still to be found.
MEMBER_NOUNS = frozenset(
    [
        "guerrilla",
        "guerrillas",
        "rebel",
        "rebels",
        "terrorist",
        "terrorists",
        "subversives",
        "insurgents",
        "militants",
        "fighters",
        "narcoterrorists",
    ]
)
_OTHER_ROLES = {
    Role.SECURITY_FORCE.value,
    Role.ARRESTED.value,
    Role.VICTIM.value,
    Role.TARGET.value,
}


#: Roles in an event of a group that rule it out as the event's inferred doer.
_NOT_ITS_DOERS = _OTHER_ROLES | {Role.SOURCE_OF_REPORT.value}


def infer_perpetrators(
    events: Sequence[EventMention],
    doc: Doc,
    actors: Sequence[Actor],
    described_doers: frozenset[str] = frozenset(),
) -> None:
    """Give each attack without a stated perpetrator or claimant the armed group its
    context names (see the module docstring); the events are changed in place. People
    ``described_doers`` (actor ids) were only inferred to have acted, so they leave room
    for a known group, as a description of members does."""
    text = doc.text
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    groups = [a for a in actors if a.kind == ActorKind.ARMED_GROUP.value and a.mentions]
    # a description of people ('guerrillas') counts only where the text tells of them, not
    # where it names a kind ('a terrorist group', 'mistook them for guerrillas')
    groups = [
        a if a.in_kb else a.model_copy(update={"mentions": _told_of(doc, a.mentions)})
        for a in groups
    ]
    by_id = {a.id: a for a in actors}
    stated = {p.actor for e in events for p in e.participants if p.role in _STATED}
    beside_an_act = _named_beside_an_act(groups, events, doc)
    for event in events:
        if str(event.type) not in _INFERABLE:
            continue
        if any(
            p.role in _STATED
            and not describes_members(by_id.get(p.actor))
            and p.actor not in described_doers
            for p in event.participants
        ):
            continue
        # a group that reports the act without claiming it tells of another's deed
        roled = {p.actor for p in event.participants if p.role in _NOT_ITS_DOERS}
        described = any(p.role in _STATED for p in event.participants)
        # members described: only a named group of the knowledge base can be theirs
        candidates = [a for a in groups if a.id not in roled and (a.in_kb or not described)]
        spans = [(s.start, s.end) for s in event.evidence]
        # a group that denounces the act ('the Front denounced the army's massacre') is its
        # accuser there, not its doer; one that only has or says something there is none,
        # nor one that resists it ('the militia, who resisted the attack')
        as_doers = [a.model_copy(update={"mentions": _acting_mentions(a, doc)}) for a in candidates]
        found = _named_within(as_doers, spans)
        guessed = False
        targeted = event.physical_targets or any(
            p.role in (Role.VICTIM.value, Role.TARGET.value) for p in event.participants
        )
        if not found and targeted:
            found = _named_within(as_doers, [_paragraph_around(text, *s) for s in spans])
            known = [a for a in candidates if a.in_kb]
            if not found and known:
                most_named = max(known, key=lambda a: len(a.mentions))
                # a group the article names only as no doer (a party to talks, a victim, the
                # side set against, its chiefs arrested) is not assumed to have done it
                violent = most_named.id in stated or _does_violence(most_named, doc)
                if violent or not _named_only_as_no_doer(most_named, doc):
                    found = [(most_named, most_named.mentions[0])]
                    # with no one told acting, nor the group tied to violence anywhere in
                    # the text (told doing it, named beside an act), it is only a guess
                    guessed = not (described or violent or most_named.id in beside_an_act)
        for actor, (start, _end) in found:
            participant = Participant(actor=actor.id, role=Role.PERPETRATOR)
            if participant not in event.participants:
                event.participants.append(participant)
            evidence = Span.trimmed(text, *_sentence_around(sentences, start))
            attribution = Attribution(
                source=INFERRED_SOURCE,
                stance=GUESSED_STANCE if guessed else INFERRED_STANCE,
                start=evidence.start,
                end=evidence.end,
            )
            if attribution not in event.attributions:
                event.attributions.append(attribution)


#: Head nouns of descriptions of people who may be an attack's doers ('two men', 'unidentified
#: individuals'); descriptions of armed people ('gunmen', 'armed men') are armed groups.
_PEOPLE_NOUNS = frozenset(["men", "man", "individuals", "individual", "persons", "youths"])
#: Verbs whose subject says, perceives or undergoes something rather than acts.
_NOT_ACTING = frozenset(
    [
        "be",
        "have",
        "say",
        "tell",
        "report",
        "state",
        "add",
        "announce",
        "claim",
        "deny",
        "confirm",
        "warn",
        "demand",
        "ask",
        "see",
        "hear",
        "witness",
        "know",
        "believe",
        "die",
        "suffer",
        "sustain",
        "receive",
        "lose",
        "want",
        "need",
        "remain",
        "become",
    ]
)


def _acting_mentions(group: Actor, doc: Doc) -> list[tuple[int, int]]:
    """The group's mentions where it may act: not where it accuses, only has or says
    something, resists an attack, is named in a negated clause or in an editor's note."""
    return [
        m
        for m in _unglossed(group.mentions, doc.text)
        if not _in_an_editors_note(doc.text, m)
        and not _accuses(doc, m)
        and not _told_idle(doc, m)
        and not _defends(doc, m)
        and not _told_negated(doc, m)
    ]


def _in_an_editors_note(text: str, mention: tuple[int, int]) -> bool:
    """Whether the mention is inside a bracketed note that describes whom it follows, not
    at its start ('Comrade X [member of the command of the Front] referred to the
    bombings'): the note tells who someone is, it tells no one acting. A note that only
    names the group ('the Front [Popular Front]') glosses it."""
    start, end = mention
    opened, closed = text.rfind("[", 0, start), text.find("]", end)
    if opened < 0 or closed < 0 or "]" in text[opened:start] or "[" in text[end:closed]:
        return False
    return bool(text[opened + 1 : start].strip())


def _named_beside_an_act(
    groups: Sequence[Actor], events: Sequence[EventMention], doc: Doc
) -> set[str]:
    """The groups (ids) named, where they may act, in a sentence that tells an attack."""
    spans = [(s.start, s.end) for e in events if str(e.type) in _INFERABLE for s in e.evidence]
    return {
        a.id
        for a in groups
        if _named_within([a.model_copy(update={"mentions": _acting_mentions(a, doc)})], spans)
    }


def infer_described_doers(
    events: Sequence[EventMention], doc: Doc, actors: Sequence[Actor]
) -> frozenset[str]:
    """Give each attack without a stated perpetrator or claimant the people its sentence,
    or the sentence right before or after it, tells acting (see the module docstring), and
    an attack whose stated doers are only known groups the people its own sentences tell
    acting; the events are changed in place. Returns the ids of the actors so made
    perpetrators."""
    text = doc.text
    sentences = list(doc.sents)
    doers = [a for a in actors if a.mentions and _may_be_doers(a)]
    if not doers:
        return frozenset()
    harmed = {p.actor for e in events for p in e.participants if p.role in _OTHER_ROLES}
    acting: list[tuple[int, Actor, int]] = []  # (sentence index, actor, mention start)
    for actor in doers:
        if actor.id in harmed:
            continue
        for start, end in actor.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and _acts(span.root):
                acting.append((_sentence_index(sentences, start), actor, start))
    if not acting:
        return frozenset()
    added: set[str] = set()
    bounds = [(s.start_char, s.end_char) for s in sentences]
    known = {a.id for a in actors if a.in_kb}
    for event in events:
        if str(event.type) not in _INFERABLE:
            continue
        stated = [p.actor for p in event.participants if p.role in _STATED]
        if any(actor not in known for actor in stated):
            continue
        own = {_sentence_index(sentences, s.start) for s in event.evidence}
        roled = {p.actor for p in event.participants}
        # a named group's men who act in the event's own sentences ('the ELN attacked the
        # pipeline when two men set off dynamite') are its doers beside the group
        found = _nearest_doer(acting, own, roled, own_only=bool(stated))
        if found is None:
            continue
        actor, start = found
        event.participants.append(Participant(actor=actor.id, role=Role.PERPETRATOR))
        added.add(actor.id)
        evidence = Span.trimmed(text, *_sentence_around(bounds, start))
        attribution = Attribution(
            source=INFERRED_SOURCE, stance=INFERRED_STANCE, start=evidence.start, end=evidence.end
        )
        if attribution not in event.attributions:
            event.attributions.append(attribution)
    return frozenset(added)


def _may_be_doers(actor: Actor) -> bool:
    """A description of people that may be an attack's doers: armed people ('gunmen',
    'unidentified assailants') or people described by their number or look ('two men')."""
    words = actor.name.split()
    # a description is named by its common noun, a named group by its name ('Red Cells')
    if actor.in_kb or not words or not words[-1].islower():
        return False
    if actor.kind == ActorKind.ARMED_GROUP.value:
        return True
    people = (ActorKind.CIVILIANS.value, ActorKind.OTHER.value)
    return words[-1] in _PEOPLE_NOUNS and actor.kind in people


def _acts(head: Token) -> bool:
    """Whether the phrase headed by ``head`` does something: the subject of a verb that is no
    saying, perceiving or undergoing ('two men set off a charge', 'the assailants fled'),
    or the agent of a passive verb ('intercepted by armed men')."""
    if head.dep_ == "nsubj":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _NOT_ACTING:
        return False
    if (
        head.dep_ == "nsubj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return False  # '17 persons injured': a participle without its auxiliary is passive
    return not any(c.dep_ == "neg" for c in verb.children)


def _nearest_doer(
    acting: Sequence[tuple[int, Actor, int]],
    own: set[int],
    roled: set[str],
    own_only: bool = False,
) -> tuple[Actor, int] | None:
    """The acting people of the event's own sentences, else (unless ``own_only``) of the
    sentence right before or after one of them (news wires often give each sentence a
    paragraph of its own)."""
    here = [(a, s) for n, a, s in acting if n in own and a.id not in roled]
    if own_only:
        return min(here, key=lambda doer: doer[1]) if here else None
    near = [
        (a, s)
        for n, a, s in acting
        if a.id not in roled and n not in own and any(abs(n - m) == 1 for m in own)
    ]
    found = here or near
    return min(found, key=lambda doer: doer[1]) if found else None


def _sentence_index(sentences: Sequence[SentenceSpan], char: int) -> int:
    return next((n for n, s in enumerate(sentences) if s.start_char <= char < s.end_char), -1)


def describes_members(actor: Actor | None) -> bool:
    """Whether a perpetrator is only a description of a group's members ('the guerrillas',
    'FMLN-style rebels' unknown to the knowledge base), not a named group."""
    if actor is None or actor.in_kb:
        return False
    words = actor.name.lower().split()
    return bool(words) and words[-1] in MEMBER_NOUNS


def _named_within(
    candidates: Sequence[Actor], spans: Sequence[tuple[int, int]]
) -> list[tuple[Actor, tuple[int, int]]]:
    """The candidates mentioned inside one of the spans, each with its first such mention."""
    found: list[tuple[Actor, tuple[int, int]]] = []
    for actor in candidates:
        inside = [m for m in actor.mentions if any(lo <= m[0] and m[1] <= hi for lo, hi in spans)]
        if inside:
            found.append((actor, min(inside)))
    return found


#: Prepositions whose object is what is spoken of, not who acted: 'the war against drug
#: traffickers', 'mistook them for guerrillas', 'labelled them as terrorists'.
_NOT_TELLING = frozenset(["for", "against", "as", "like"])


def _told_of(doc: Doc, mentions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The mentions that tell of the people themselves: not a modifier of another noun ('a
    terrorist group') nor the object of a preposition that names what is fought, feared or
    labelled ('against drug traffickers')."""
    told = []
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.dep_ in ("amod", "compound"):
            continue
        if head.dep_ == "pobj" and head.head.lower_ in _NOT_TELLING:
            continue
        told.append((start, end))
    return told


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the paragraph (blank-line separated) holding start..end."""
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    return (0 if lo < 0 else lo + 2, len(text) if hi < 0 else hi)


def _sentence_around(sentences: Sequence[tuple[int, int]], char: int) -> tuple[int, int]:
    return next(((lo, hi) for lo, hi in sentences if lo <= char < hi), (char, char))


#: Words that tell violence or the responsibility for it ('the Front launched an offensive',
#: 'held responsible'); 'blame' is left out: the one who blames accuses another.
_VIOLENCE_WORDS = frozenset(
    [
        "attack",
        "offensive",
        "bomb",
        "bombing",
        "dynamite",
        "explosive",
        "explosion",
        "kill",
        "killing",
        "murder",
        "assassinate",
        "assassination",
        "massacre",
        "ambush",
        "sabotage",
        "war",
        "responsible",
        "responsibility",
        "perpetrate",
        "perpetrator",
        "kidnap",
        "kidnapping",
        "shoot",
        "shooting",
    ]
)
#: Verbs whose subject accuses, condemns or disowns violence rather than does it.
_DISOWNING = frozenset(
    ["deny", "demand", "condemn", "denounce", "accuse", "reject", "repudiate", "blame"]
)
#: Verbs by which a group points at an act's doers rather than answering for it.
_ACCUSING = _DISOWNING - {"deny", "reject"}
_PATIENT_DEPS = frozenset(["nsubjpass", "dobj"])
#: Verbs whose subject or agent has, says or condemns something rather than acts.
_IDLE_VERBS = _NOT_ACTING | _DISOWNING
#: Verbs whose subject speaks of something: acts spoken of are not the speaker's deeds
#: ('the Front's leader referred to the bombings').
_SPEAKING_OF = frozenset(
    ["refer", "mention", "speak", "talk", "comment", "discuss", "describe", "recall", "recount"]
)
#: Subjects that deny what their verb says of anyone ('none of them belonged to the Front').
_NOBODY = frozenset(["none", "nobody", "neither", "no one"])


def _does_violence(actor: Actor, doc: Doc) -> bool:
    """Whether one of the group's mentions tells it doing violence: a violence word in the
    clause of the verb that governs the mention (or in the noun that verb describes), outside
    the group's own phrase, when the group is neither the patient of a violent verb ('two
    rebels were killed'), nor set against ('clashes against the Front'), nor the one who
    condemns or denies ('the Front condemned the massacre')."""
    for span in _mention_spans(actor, doc):
        phrase, token, verb = _governing_verb(span)
        if _no_doer_here(phrase, verb, doc) or _violence_done_to(token, verb):
            continue
        if any(_lemma_in(doc[i], _CHIEFS) for i in phrase if i not in {t.i for t in span}):
            continue  # 'the Front's leaders accused of the murders': its chiefs, charged
        clause = list(verb.subtree)
        if verb.dep_ in ("acl", "relcl"):
            clause.append(verb.head)  # 'the offensive launched by the Front'
            if verb.head.dep_ in ("nsubj", "nsubjpass") and verb.head.head.pos_ == "VERB":
                # 'a group calling itself the Front announced its emergence with bombs':
                # the group the clause names acts in the sentence's own verb
                clause += [t for t in verb.head.head.subtree if t.i not in phrase]
        if any(
            t.i not in phrase
            and _is_violence_word(t)
            and not _renounced(t)
            and not _war_in_general(t)
            for t in clause
        ):
            return True
    return False


#: Verbs of a war as a whole: a war declared, waged or ended ties the group to no one act
#: (the tagger may take 'waged' for a form of 'wag').
_WAR_AS_A_WHOLE = frozenset(["declare", "wage", "waged", "waging", "end"])


def _war_in_general(word: Token) -> bool:
    """Whether the word is a war that a verb declares, wages or ends ('the cartel declared war
    on the state'): the group's stance, no act of violence."""
    return _lemma_in(word, frozenset(["war"])) and _lemma_in(word.head, _WAR_AS_A_WHOLE)


#: Words for a group's chiefs: a group named by its chiefs ('one of the Front's leaders')
#: tells what is said of them, not the group's own deeds.
_CHIEFS = frozenset(["leader", "chief", "boss", "kingpin"])
#: Verbs that renounce or give up an act: 'refrain from attacking', 'halt the attacks'.
_RENOUNCING = frozenset(["refrain", "abstain", "renounce", "stop", "halt", "cease", "suspend"])


def _renounced(word: Token) -> bool:
    """Whether the violence word is what a verb renounces or gives up ('it will refrain from
    attacking the leaders', 'to halt the attacks'): no violence done."""
    head = word.head.head if word.dep_ == "pcomp" or word.dep_ == "pobj" else word.head
    return _lemma_in(head, _RENOUNCING) or _lemma_in(word.head, _RENOUNCING)


#: Words of the sentences that name a group as no doer: talks and peace, arrests and
#: extraditions of its chiefs.
_NO_DOER_WORDS = frozenset(
    [
        "dialogue",
        "talks",
        "talk",
        "peace",
        "truce",
        "cease-fire",
        "ceasefire",
        "negotiation",
        "negotiate",
        "agreement",
        "election",
        "elections",
        "proposal",
        "propose",
        "arrest",
        "extradite",
        "extradition",
        "capture",
        "leader",
        "chief",
        "boss",
        "kingpin",
    ]
)


def _named_only_as_no_doer(actor: Actor, doc: Doc) -> bool:
    """Whether every mention of the group names it as no doer: the patient of a verb ('the
    army routed the Front'), the side set against, the one who condemns or denies, or a
    party to talks, or whose chiefs are arrested ('the Front's leader was extradited')."""
    for span in _mention_spans(actor, doc):
        phrase, token, verb = _governing_verb(span)
        if token.dep_ in _PATIENT_DEPS or _no_doer_here(phrase, verb, doc):
            continue
        if _in_negated_clause(span):
            continue
        if any(_lemma_in(t, _NO_DOER_WORDS) for t in span.sent):
            continue
        return False
    return True


def _mention_spans(actor: Actor, doc: Doc) -> list[SentenceSpan]:
    spans = (
        doc.char_span(start, end, alignment_mode="expand")
        for start, end in _unglossed(actor.mentions, doc.text)
    )
    return [span for span in spans if span is not None]


def _unglossed(mentions: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The mentions less those that only gloss the one right before them ('the Popular
    Front [PF]'): the parser may cut a bracketed gloss off as a sentence of its own, where
    it would be judged apart from what the sentence tells of the group."""
    ordered = sorted(mentions)
    return [
        m
        for n, m in enumerate(ordered)
        if n == 0 or text[ordered[n - 1][1] : m[0]].strip() not in ("[", "(")
    ]


def _governing_verb(span: SentenceSpan) -> tuple[set[int], Token, Token]:
    """The token indices of the mention's phrase (up to the verb), the phrase's head and
    the verb that governs it (the sentence root when there is none)."""
    phrase = {t.i for t in span}
    token = span.root
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
        phrase.add(token.i)
    return phrase, token, token.head


def _no_doer_here(phrase: set[int], verb: Token, doc: Doc) -> bool:
    """The group is set against ('against the Front'), condemns, denies or accuses, or only
    speaks of something ('the Front referred to the bombings')."""
    return (
        any(doc[i].lower_ == "against" for i in phrase)
        or _disowns(verb, _DISOWNING)
        or _lemma_in(verb, _SPEAKING_OF)
    )


def _disowns(verb: Token, words: frozenset[str]) -> bool:
    """Whether the verb is one of ``words`` (verbs that condemn, deny or accuse), or only
    says something beside a verb of theirs that shares its subject ('the rebels claimed a
    rise in repression and blamed the army for the murder'): the subject points at the
    act's doers, it does not act."""
    if _lemma_in(verb, words):
        return True
    shared = [
        c
        for c in verb.conjuncts
        if c.i > verb.i and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    ]
    return (
        _lemma_in(verb, _NOT_ACTING)
        and any(_lemma_in(c, words) for c in shared)
        and all(_lemma_in(c, _IDLE_VERBS) for c in shared)
    )


def _told_idle(doc: Doc, mention: tuple[int, int]) -> bool:
    """Whether the mention is the subject or agent of a verb that has, says, perceives or
    condemns rather than acts ('where the Front has camps', 'the reforms demanded by the
    Front') and no violence is told in that verb's clause ('the Front announced an
    offensive' tells it acting)."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None:
        return False
    _phrase, token, verb = _governing_verb(span)
    if verb.pos_ not in ("VERB", "AUX") or token.dep_ not in ("nsubj", "agent"):
        return False
    if _lemma_in(verb, _SPEAKING_OF):
        return True  # one who speaks of acts, however violent, does nothing there
    if verb.lemma_.lower() not in _IDLE_VERBS:
        return False
    named = {t.i for t in span}
    return not any(t.i not in named and _is_violence_word(t) for t in verb.subtree)


def _told_negated(doc: Doc, mention: tuple[int, int]) -> bool:
    """Whether the mention is in a negated clause ('none of the priests belonged to the
    Front', 'his views did not agree with those of the Front'): what is denied of the
    group, or of anyone tied to it, is no hint that it acted."""
    span = doc.char_span(*mention, alignment_mode="expand")
    return span is not None and _in_negated_clause(span)


def _in_negated_clause(span: SentenceSpan) -> bool:
    """Whether the verb that governs the phrase is negated or has a subject that names no
    one ('none', 'no priest')."""
    _phrase, _token, verb = _governing_verb(span)
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        s.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
        for s in subjects
    )


def _accuses(doc: Doc, mention: tuple[int, int]) -> bool:
    """Whether the mention is the subject of a verb that condemns or accuses ('the Front
    denounced the massacre'); one who denies an act stays its suspect."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None:
        return False
    _phrase, token, verb = _governing_verb(span)
    return token.dep_ == "nsubj" and _disowns(verb, _ACCUSING)


#: Verbs whose subject holds off an attack: the side attacked, not the attackers.
_DEFENDING = frozenset(["resist", "repel", "repulse", "defend", "fend"])


def _defends(doc: Doc, mention: tuple[int, int]) -> bool:
    """Whether the mention names those who hold off an attack: the subject of a verb that
    resists ('the patrol repelled the attack') or the people a relative clause says resisted
    ('members of the militia, who resisted the attacks')."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while True:
        if any(c.dep_ == "relcl" and _lemma_in(c, _DEFENDING) for c in token.children):
            return True
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            break
        token = token.head
    return token.dep_ == "nsubj" and _lemma_in(token.head, _DEFENDING)


def _violence_done_to(token: Token, verb: Token) -> bool:
    return token.dep_ in _PATIENT_DEPS and _is_violence_word(verb)


def _is_violence_word(token: Token) -> bool:
    return _lemma_in(token, _VIOLENCE_WORDS)


def _lemma_in(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words
