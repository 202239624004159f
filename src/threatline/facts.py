"""Facts: statements about actors rather than events (threatline.facts.v1).

:func:`extract_facts` reads each sentence of a parsed article and keeps what it states
about the actors found in it: when a group was founded and by whom, its size (a range, as
of when, according to whom), who funds it, whose branch it is, its rivals, what it rules
and since when, where it is active or based.

How it works, per sentence:

1. Cue patterns (``_CUES``: one regular expression per predicate, word lists below) find
   the statement: "founded in", "financed by", "branch of", "fell into conflict with",
   "has ruled", "active in", "based in"; sizes come from counts of members ("2,500
   fighters") that the parse makes a group's size: the subject of "remain/number/total",
   the object of "have/comprise/field", or "estimate ... at"; never the object of a verb
   of harm ("killed 40 fighters").
2. The subject is the nearest actor mention before the cue in the sentence (of an
   organization-like kind); for sizes, an actor named inside the counted phrase ("IS-K
   fighters") or a resolved pronoun ("their size") comes first, then the last such actor
   of the text so far.
3. The value is an actor id when an actor is mentioned where the value stands, else the
   noun phrase as text ("wealthy Muslims from the Gulf region"); places must be proper
   nouns.
4. The time is the temporal expression of the sentence nearest the cue; a "by the time
   ..."/"at the time ..." clause without a date becomes an unresolved TimeSpan that keeps
   its text; a present-tense size estimate without one holds as of publication.
5. The attribution comes from a reporting verb that governs the statement ("experts
   estimate" -> estimates, "X reported" -> reports, "are said to" -> alleges), else the
   article asserts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from threatline.models import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    Fact,
    FactPredicate,
    Granularity,
    Quantity,
    Span,
    Stance,
    TimeSpan,
)
from threatline.numbers import find_counted

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["extract_facts"]

_ORG_KINDS = frozenset(
    {
        ActorKind.ARMED_GROUP.value,
        ActorKind.SECURITY_FORCE.value,
        ActorKind.GOVERNMENT.value,
        ActorKind.POLITICAL_PARTY.value,
        ActorKind.ORGANIZATION.value,
        ActorKind.INTERNATIONAL_ORG.value,
        ActorKind.OTHER.value,
    }
)
_SIZE_KINDS = frozenset(
    {ActorKind.ARMED_GROUP.value, ActorKind.SECURITY_FORCE.value, ActorKind.OTHER.value}
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ADVERBS = r"(?:(?:mainly|mostly|primarily|largely|chiefly|partly|so far|still|also|now)\s+)*"
#: One pattern per predicate; the value (if any) starts where the match ends.
_CUES: dict[FactPredicate, re.Pattern[str]] = {
    FactPredicate.FOUNDED: re.compile(
        r"(?<![-\w])(founded|established|formed|created|set up|launched)\b", re.I
    ),
    FactPredicate.FUNDED_BY: re.compile(
        rf"\b(financed|funded|bankrolled|sponsored|paid for)\s+{_ADVERBS}by\s+", re.I
    ),
    FactPredicate.BRANCH_OF: re.compile(
        r"\b(branch|affiliate|offshoot|franchise|wing|splinter group|"
        r"chapter|subsidiary)\s+of\s+",
        re.I,
    ),
    FactPredicate.RIVAL_OF: re.compile(
        r"\b(fell into conflict with|falling into conflict with|in conflict with|"
        r"at odds with|at war with|rivals? of|rivalry with|compete with|competes with|"
        r"competing with|feuding with|in competition with|enem(?:y|ies) of)\s+",
        re.I,
    ),
    FactPredicate.RULES: re.compile(
        r"\b(rules?|ruled|ruling|governs?|governed|governing|in power in|in control of)\s+",
        re.I,
    ),
    FactPredicate.ACTIVE_IN: re.compile(
        rf"\b(active|operating|operates|operate|present)\s+{_ADVERBS}in\s+", re.I
    ),
    FactPredicate.BASED_IN: re.compile(r"\b(based|headquartered)\s+in\s+", re.I),
}
#: Predicates whose value is a place: it must be a proper noun.
_PLACE_VALUED = frozenset({FactPredicate.RULES, FactPredicate.ACTIVE_IN, FactPredicate.BASED_IN})

#: Counted nouns that make a count a group's size.
_WORD = re.compile(r"[a-z]+")
_MEMBER_NOUNS = _words(
    "fighters members militants followers men troops soldiers combatants recruits insurgents "
    "jihadists gunmen personnel operatives supporters adherents cadres guerrillas rebels "
    "volunteers loyalists mercenaries"
)
#: Verbs whose subject is a group's membership ('2,000 fighters remained').
_SIZE_SUBJECT_VERBS = _words("remain number total swell grow shrink dwindle stand")
#: Verbs whose object is a group's membership ('the group has 3,000 fighters').
_SIZE_OBJECT_VERBS = _words("have number comprise boast field command muster count include")
#: Verbs and nouns of estimating that take the size after 'at' ('estimate their size at').
_SIZE_AT_HEADS = _words("estimate put number size strength place")
#: Nouns that name a size ('their size', 'the group's strength').
_SIZE_NOUNS = _words("size strength number numbers membership ranks")
#: Lemmas of verbs that make a count of members casualties or captives, not a size.
_HARM_LEMMAS = _words(
    "kill die wound injure arrest capture detain execute behead eliminate neutralize "
    "neutralise surrender hit shoot slay murder target attack"
)
#: Reporting verbs (lemmas) and the stance they give.
_STANCE_OF_LEMMA: dict[str, Stance] = {
    "estimate": Stance.ESTIMATES,
    "calculate": Stance.ESTIMATES,
    "put": Stance.ESTIMATES,
    "report": Stance.REPORTS,
    "say": Stance.REPORTS,
    "tell": Stance.REPORTS,
    "state": Stance.REPORTS,
    "announce": Stance.REPORTS,
    "write": Stance.REPORTS,
    "claim": Stance.CLAIMS,
    "assume": Stance.ASSUMES,
    "believe": Stance.ASSUMES,
    "suspect": Stance.ASSUMES,
    "think": Stance.ASSUMES,
    "allege": Stance.ALLEGES,
    "accuse": Stance.ALLEGES,
    "deny": Stance.DENIES,
}
#: Passive hedges whose source is the article itself ("are said to have").
_HEDGES = re.compile(r"\b(?:is|are|was|were)\s+(said|believed|thought|reported|alleged)\s+to\b")
_HEDGE_STANCE = {
    "said": Stance.ALLEGES,
    "believed": Stance.ASSUMES,
    "thought": Stance.ASSUMES,
    "reported": Stance.REPORTS,
    "alleged": Stance.ALLEGES,
}
#: Clauses that date a statement by another event: kept as unresolved TimeSpans.
_EVENT_TIME = re.compile(
    r"\b(?i:by the time|at the time|around the time|when|after|before|since)\s+"
    r"[^,.;]*?\b(?:took|seized|captured|entered|came|won|fell|began|started|ended|withdrew|"
    r"left|arrived)\b[^,.;]*",
)
#: Words that end a value noun phrase (relative pronouns, conjunctions) or trail it.
_PHRASE_STOP = _words("who whom which that whose where when while and but or as since")
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:who|which|that|whose|where)\b", re.I)
_TRAILING_HEDGES = re.compile(
    r"\s*(?:,|\bin particular|\bin general|\bamong others|\bespecially|\bmainly)\s*$", re.I
)


@dataclass(frozen=True)
class _Mention:
    actor: Actor
    start: int
    end: int


def extract_facts(
    doc: Doc, article: Article, actors: list[Actor], timexes: list[TimeSpan]
) -> list[Fact]:
    """Facts about the given actors stated in the article, ids "F1", "F2", ... in text order.

    ``doc`` is the spaCy parse of ``article.text`` (same offsets); ``actors`` carry their
    resolved mentions; ``timexes`` are the article's temporal expressions. Each fact's
    evidence is its sentence; without a reporting verb it is asserted by the article.
    """
    mentions = sorted(
        (_Mention(actor, start, end) for actor in actors for start, end in actor.mentions),
        key=lambda m: (m.start, -m.end),
    )
    found: list[Fact] = []
    seen: set[tuple[str, str, str, int]] = set()
    for sent in doc.sents:
        for fact in _sentence_facts(doc, sent, article, mentions, timexes):
            key = (fact.subject, str(fact.predicate), fact.value, sent.start_char)
            if key in seen:
                continue
            seen.add(key)
            found.append(fact)
    return [fact.model_copy(update={"id": f"F{i}"}) for i, fact in enumerate(found, 1)]


# --------------------------------------------------------------------------- per sentence


def _sentence_facts(
    doc: Doc,
    sent: SpacySpan,
    article: Article,
    mentions: list[_Mention],
    timexes: list[TimeSpan],
) -> Iterable[Fact]:
    start, end = sent.start_char, sent.end_char
    text = article.text[start:end]
    evidence = Span.trimmed(article.text, start, end)
    in_sentence = [m for m in mentions if start <= m.start and m.end <= end]
    sent_timexes = [t for t in timexes if t.char_start is not None and start <= t.char_start < end]
    for predicate, pattern in _CUES.items():
        for match in pattern.finditer(text):
            cue_start, cue_end = start + match.start(), start + match.end()
            fact = _cue_fact(
                doc, predicate, cue_start, cue_end, end, in_sentence, sent_timexes, article
            )
            for item in fact:
                yield item.model_copy(update={"evidence": [evidence]})
    if _MEMBER_NOUNS.isdisjoint(_WORD.findall(text.lower())):
        return  # a size estimate counts members ('2,000 fighters'): none named here
    for quantity, noun in find_counted(article.text, start, end, doc=doc):
        fact = _size_fact(doc, sent, quantity, noun, mentions, in_sentence, sent_timexes, article)
        if fact is not None:
            yield fact.model_copy(update={"evidence": [evidence]})


def _cue_fact(
    doc: Doc,
    predicate: FactPredicate,
    cue_start: int,
    cue_end: int,
    sent_end: int,
    in_sentence: list[_Mention],
    timexes: list[TimeSpan],
    article: Article,
) -> list[Fact]:
    """The fact(s) a cue states, or [] when its subject or value cannot be found."""
    cue_token = _token_at(doc, cue_start)
    if predicate is FactPredicate.FOUNDED:
        return _founded_facts(doc, cue_token, cue_start, cue_end, sent_end, in_sentence,
                              timexes, article)  # fmt: skip
    subject = _syntactic_subject(cue_token, in_sentence, _ORG_KINDS) or _subject_before(
        in_sentence, cue_start, _ORG_KINDS
    )
    if subject is None:
        return []
    value = _value_at(doc, article, cue_end, sent_end, in_sentence, subject.actor.id)
    if value is None:
        return []
    value_text, value_is_actor = value
    if predicate in _PLACE_VALUED and not value_is_actor and not _is_proper(doc, cue_end):
        return []  # 'operate in cycles', 'governed the country'
    if predicate in (FactPredicate.BRANCH_OF, FactPredicate.RIVAL_OF) and not value_is_actor:
        return []  # 'compete with each other', 'the province of La Mar'
    if predicate is FactPredicate.RULES and (cue_token is None or cue_token.pos_ != "VERB"):
        return []  # 'the ruling party'
    if predicate is FactPredicate.RULES:
        time = _nearest_timex(timexes, cue_start, after_only=True)
    else:  # a date elsewhere in the sentence usually dates something else
        time = _timex_in_clause(article.text, timexes, cue_start)
    return [
        Fact(
            id="",
            subject=subject.actor.id,
            predicate=predicate,
            value=value_text,
            time=time,
            attributions=[_attribution(doc, cue_token, in_sentence, article)],
        )
    ]


def _founded_facts(
    doc: Doc,
    cue_token: Token | None,
    cue_start: int,
    cue_end: int,
    sent_end: int,
    in_sentence: list[_Mention],
    timexes: list[TimeSpan],
    article: Article,
) -> list[Fact]:
    """'X, founded in 2015 by Y' / 'X was established in ...' / 'Y founded X in 2015'."""
    if cue_token is not None and cue_token.pos_ not in ("VERB", "ADJ", "AUX"):
        return []  # 'the founding date' and other nominal uses carry no statement here
    subject: _Mention | None = None
    founder: tuple[str, bool] | None = None
    objects = [c for c in (cue_token.children if cue_token is not None else []) if c.dep_ == "dobj"]
    if objects:  # active voice: the object was founded, the subject founded it
        obj = objects[0]
        subject = _mention_covering(in_sentence, obj.idx, obj.idx + len(obj.text))
        subjects = [c for c in cue_token.children if c.dep_ == "nsubj"] if cue_token else []
        if subjects:
            founder = _value_at(doc, article, subjects[0].left_edge.idx, sent_end,
                                in_sentence, None)  # fmt: skip
    else:
        subject = _subject_before(in_sentence, cue_start, _ORG_KINDS)
        clause = article.text[cue_end:sent_end]
        by = re.match(r"[^,;.]*?\bby\s+", clause)
        if by is not None:
            founder = _value_at(doc, article, cue_end + by.end(), sent_end, in_sentence,
                                subject.actor.id if subject else None)  # fmt: skip
    if subject is None:
        return []
    attribution = _attribution(doc, cue_token, in_sentence, article)
    facts: list[Fact] = []
    time = _nearest_timex(timexes, cue_start, after_only=True)
    if time is not None:
        facts.append(
            Fact(id="", subject=subject.actor.id, predicate=FactPredicate.FOUNDED,
                 value=time.value or time.text, time=time, attributions=[attribution])
        )  # fmt: skip
    if founder is not None:
        facts.append(
            Fact(id="", subject=subject.actor.id, predicate=FactPredicate.FOUNDED_BY,
                 value=founder[0], time=time, attributions=[attribution])
        )  # fmt: skip
    return facts


def _size_fact(
    doc: Doc,
    sent: SpacySpan,
    quantity: Quantity,
    noun: str,
    mentions: list[_Mention],
    in_sentence: list[_Mention],
    timexes: list[TimeSpan],
    article: Article,
) -> Fact | None:
    """A size estimate when a count of members stands in a sentence about size."""
    if noun.lower() not in _MEMBER_NOUNS or quantity.start is None or quantity.end is None:
        return None
    if quantity.min is None and quantity.max is None:
        return None
    noun_token = _noun_token(doc, quantity.end, sent.end_char, noun)
    if noun_token is None or not _is_size_statement(noun_token) or _is_harmed(noun_token, sent):
        return None
    subject = _size_subject(doc, quantity, noun_token, mentions, in_sentence, sent)
    if subject is None:
        return None
    anchor = _token_at(doc, quantity.start)
    time = _nearest_timex(timexes, quantity.start, after_only=False)
    if time is None:
        time = _event_time(article.text, sent.start_char, sent.end_char)
    if time is None and _is_present(anchor, sent) and article.published is not None:
        # an estimate in the present tense without a date holds as of publication
        time = TimeSpan(
            text="",
            start=article.published,
            end=article.published,
            granularity=Granularity.DAY,
            anchor="publication",
            value=article.published.isoformat(),
        )
    return Fact(
        id="",
        subject=subject.actor.id,
        predicate=FactPredicate.SIZE_ESTIMATE,
        value=_range_text(quantity),
        quantity=quantity,
        time=time,
        attributions=[_attribution(doc, anchor, in_sentence, article)],
    )


# --------------------------------------------------------------------------- helpers


def _is_proper(doc: Doc, start: int) -> bool:
    """Whether the phrase at ``start`` is a proper name (first word after a determiner)."""
    span = doc.char_span(start, min(len(doc.text), start + 60), alignment_mode="expand")
    for tok in span or []:
        if tok.pos_ == "DET":
            continue
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC")
    return False


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _mention_covering(mentions: list[_Mention], start: int, end: int) -> _Mention | None:
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention
    return None


def _syntactic_subject(
    cue: Token | None, mentions: list[_Mention], kinds: frozenset[str]
) -> _Mention | None:
    """The actor that is the grammatical subject of the clause of ``cue``, if the parse says.

    Climbs from the cue to its verb, takes the verb's subject, and for a relative pronoun
    ('X, which is funded by') the noun the clause attaches to.
    """
    verb = cue
    for _ in range(4):
        if verb is None or verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("acl", "relcl"):
        subjects = [verb.head]  # 'X, founded in 2015': the participle modifies X
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
    mention = _mention_covering(mentions, subject.idx, subject.idx + len(subject.text))
    if mention is not None and str(mention.actor.kind) in kinds:
        return mention
    return None


def _subject_before(
    mentions: list[_Mention], position: int, kinds: frozenset[str]
) -> _Mention | None:
    """The nearest mention before ``position`` of an actor of one of ``kinds``."""
    best: _Mention | None = None
    for mention in mentions:
        if (
            mention.end <= position
            and str(mention.actor.kind) in kinds
            and (best is None or mention.end > best.end)
        ):
            best = mention
    return best


def _value_at(
    doc: Doc,
    article: Article,
    start: int,
    sent_end: int,
    mentions: list[_Mention],
    subject_id: str | None,
) -> tuple[str, bool] | None:
    """The value that starts at ``start``: (actor id, True) or (noun phrase text, False)."""
    phrase = _noun_phrase(doc, article, start, sent_end)
    if phrase is None:
        return None
    text, phrase_end = phrase
    for mention in mentions:
        if not start <= mention.start < phrase_end or mention.actor.id == subject_id:
            continue
        covers = mention.start - start <= 4 and mention.end >= phrase_end - 1
        leads = mention.actor.in_kb and mention.start - start <= 4
        if covers or leads:  # 'the Taliban (regime)'; not 'wealthy Muslims from the Gulf'
            return mention.actor.id, True
    return text, False


def _noun_phrase(doc: Doc, article: Article, start: int, sent_end: int) -> tuple[str, int] | None:
    """The noun phrase from ``start``: up to a comma, verb, relative pronoun or preposition
    other than 'of'/'from' (so 'wealthy Muslims from the Gulf region in particular, who'
    gives 'wealthy Muslims from the Gulf region')."""
    span = doc.char_span(start, sent_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last: Token | None = None
    for i, tok in enumerate(span):
        if tok.is_punct and tok.text not in ("-", "'", "’"):
            break
        if tok.is_space or tok.lower_ in _PHRASE_STOP:
            break
        if i > 0 and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN":
            break
        if i > 0 and tok.pos_ in ("ADP", "SCONJ") and tok.lower_ not in ("of", "from"):
            break
        last = tok
    if last is None:
        return None
    end = last.idx + len(last.text)
    text = _TRAILING_HEDGES.sub("", article.text[start:end]).strip()
    text = re.sub(r"\s+(?:of|from|the|a|an)$", "", text)
    if not text or not any(c.isalpha() for c in text):
        return None
    return text, start + len(text)


def _nearest_timex(timexes: list[TimeSpan], position: int, after_only: bool) -> TimeSpan | None:
    """The temporal expression nearest ``position`` (only those after it if ``after_only``)."""
    best: TimeSpan | None = None
    best_distance = 0
    for timex in timexes:
        if timex.char_start is None:
            continue
        if after_only and timex.char_start < position:
            continue
        distance = abs(timex.char_start - position)
        if best is None or distance < best_distance:
            best, best_distance = timex, distance
    return best


def _timex_in_clause(text: str, timexes: list[TimeSpan], position: int) -> TimeSpan | None:
    """The nearest temporal expression with no clause break (comma, semicolon) in between."""
    for timex in sorted(timexes, key=lambda t: abs((t.char_start or 0) - position)):
        if timex.char_start is None or timex.char_end is None:
            continue
        low, high = sorted((position, timex.char_start))
        if not _CLAUSE_BREAK.search(text[low:high]):
            return timex
    return None


def _event_time(text: str, start: int, end: int) -> TimeSpan | None:
    """A clause that dates by another event ('by the time the Taliban took power')."""
    match = _EVENT_TIME.search(text, start, end)
    if match is None:
        return None
    return TimeSpan(text=match.group().strip(), char_start=match.start(), char_end=match.end())


def _is_present(token: Token | None, sent: SpacySpan) -> bool:
    """Whether the clause of ``token`` is in the present tense (from the parse)."""
    head = token
    for _ in range(6):
        if head is None or head.pos_ in ("VERB", "AUX"):
            break
        head = head.head if head.head.i != head.i else None
    if head is None:
        head = sent.root
    return head.tag_ in ("VBP", "VBZ") or any(
        c.tag_ in ("VBP", "VBZ") for c in head.children if c.dep_ in ("aux", "auxpass")
    )


def _noun_token(doc: Doc, after: int, sent_end: int, noun: str) -> Token | None:
    span = doc.char_span(after, sent_end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span[:6]:
        if tok.text == noun:
            return tok
    return None


def _is_size_statement(noun: Token) -> bool:
    """Whether the parse makes the counted members a group's size, not participants.

    Accepted: the subject of 'remain/number/total/...', the object of a main verb
    'have/number/comprise/...', or the object of 'at' after 'estimate/put/size'.
    """
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ in ("nsubj",) and head.pos_ == "VERB" and lemma in _SIZE_SUBJECT_VERBS:
        return True
    if noun.dep_ in ("dobj", "attr") and head.pos_ == "VERB" and lemma in _SIZE_OBJECT_VERBS:
        return True
    if noun.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_.lower() in _SIZE_AT_HEADS
    return False


def _is_harmed(noun: Token, sent: SpacySpan) -> bool:
    """Whether the counted members are within the clause of a verb of harm."""
    return any(
        tok.lemma_.lower() in _HARM_LEMMAS and tok.pos_ == "VERB" and noun in tok.subtree
        for tok in sent
    )


def _size_subject(
    doc: Doc,
    quantity: Quantity,
    noun: Token | None,
    mentions: list[_Mention],
    in_sentence: list[_Mention],
    sent: SpacySpan,
) -> _Mention | None:
    """Whose size: an actor named in the counted phrase, a possessive, else the last group."""
    end = noun.idx + len(noun.text) if noun is not None else (quantity.end or 0)
    noun_start = noun.idx if noun is not None else end
    # an actor named in the counted phrase ('IS-K fighters'), not the counted noun itself
    inside = [
        m
        for m in in_sentence
        if (quantity.end or 0) <= m.start and m.end <= end and m.start < noun_start
    ]
    if inside:
        return inside[0]
    groups = frozenset({ActorKind.ARMED_GROUP.value})
    for tok in sent:  # 'their size', 'the group's strength'
        if tok.dep_ == "poss" and tok.head.lower_ in _SIZE_NOUNS:
            covering = _mention_covering(in_sentence, tok.idx, tok.idx + len(tok.text))
            if covering is not None and str(covering.actor.kind) in groups:
                return covering
    # pronouns count only through the possessive step above: their antecedent is uncertain
    named = [m for m in in_sentence if not _is_source(m, sent) and not _is_pronoun(doc, m)]
    before = _subject_before(named, quantity.start or 0, _SIZE_KINDS)
    if before is not None:
        return before
    earlier = [m for m in mentions if m.end <= sent.start_char]
    return _subject_before(earlier, sent.start_char, groups)


def _is_pronoun(doc: Doc, mention: _Mention) -> bool:
    token = _token_at(doc, mention.start)
    return token is not None and token.pos_ == "PRON"


def _is_source(mention: _Mention, sent: SpacySpan) -> bool:
    """Whether a mention is the subject of a reporting verb (the estimator, not the group)."""
    for tok in sent:
        if tok.idx == mention.start and tok.dep_ == "nsubj":
            return tok.head.lemma_.lower() in _STANCE_OF_LEMMA
    return False


def _attribution(
    doc: Doc, anchor: Token | None, in_sentence: list[_Mention], article: Article
) -> Attribution:
    """Who states the fact: the subject of a reporting verb governing ``anchor``, a passive
    hedge ('are said to'), or the article."""
    if anchor is not None:
        sent = anchor.sent
        for tok in sent:
            stance = _STANCE_OF_LEMMA.get(tok.lemma_.lower())
            if stance is None or tok.pos_ != "VERB" or anchor not in tok.subtree or tok == anchor:
                continue
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            subj = subjects[0]
            covering = _mention_covering(in_sentence, subj.idx, subj.idx + len(subj.text))
            s_start = subj.left_edge.idx
            source = (
                covering.actor.id if covering else article.text[s_start : subj.idx + len(subj.text)]
            )
            return Attribution(
                source=source, stance=stance, start=s_start, end=tok.idx + len(tok.text)
            )
        hedge = _HEDGES.search(article.text, sent.start_char, sent.end_char)
        if hedge is not None:
            return Attribution(
                source="article",
                stance=_HEDGE_STANCE[hedge.group(1).lower()],
                start=hedge.start(),
                end=hedge.end(),
            )
    return Attribution(source="article", stance=Stance.ASSERTS)


def _range_text(quantity: Quantity) -> str:
    """A size as text: '2500', '1500-2000', '131+' or '<10'."""
    low, high = quantity.min, quantity.max
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"{low}+"
    return f"<={high}"
