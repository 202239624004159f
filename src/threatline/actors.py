"""Actors: who the article talks about, with every mention resolved to one actor.

The knowledge base (``data/actors.json``) is a JSON object whose ``entries`` list holds
actors as ``{id, name, kind, aliases, acronyms, metonyms, parent, country}``:

- ``id``: a stable slug (``islamic-state-khorasan``); ``kind``: a :class:`ActorKind` value;
- ``aliases``: other names, matched case-insensitively ("Daesh", "ISKP" spelled out);
- ``acronyms``: short forms matched only as written, in capitals ("IS", "ERP", "AP");
- ``metonyms`` (optional): names that stand for the actor only when they act, as the subject
  of a verb, after "according to" or as the agent "by X" ("Washington also assumes");
- ``parent``: the id of the parent actor (IS-K -> IS) or null; ``country``: ISO 3166-1 alpha-2.

The same file holds the word lists the matcher uses (demonyms, people nouns by actor kind,
heads of armed-group names, anaphoric nouns, expert titles, venue heads). Users extend the
base with their own file in the same format (or a bare list of entries):
``ActorKB.load(extra=[Path("my_actors.json")])``; an entry whose id exists replaces the fields
it gives and adds its names to the known ones.

:func:`find_actors` finds, in this order (each later step skips text already claimed):

1. knowledge-base names, aliases, acronyms (capitals, not a common word in context) and
   metonyms (only as an acting subject);
2. ad-hoc actors from the NER: ORG (armed group when named a front, army, movement...),
   PERSON (expert when introduced as a professor, analyst...), NORP + people noun;
3. generic descriptions ("gunmen", "security forces"; "Russian authorities" -> the KB's
   Russian government); a description followed by "of <group>" or led by a group's name
   ("IS-K fighters") is a mention of that group;
4. appositives (the head of "X, the Afghan branch of Y" is X; Y becomes X's parent);
5. coreference: "the group"/"the organization" and plural descriptions to the most recent
   compatible actor; pronouns to the subject of the governing clause (the subject of a
   reporting verb for "the FSB reported that she..."), else the referent of the previous
   pronoun of the same number, else the subject of the previous sentence, else the most
   recent compatible actor.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from threatline.annotate import NAME_TITLES as _TITLES_BEFORE_NAMES
from threatline.annotate import may_be_a_name_word
from threatline.errors import ConfigError
from threatline.geo import (
    GazetteerBackend,
    misread_place,
    misread_region,
    the_dateline_place,
    told_as_a_town,
)
from threatline.models import Actor, ActorKind

KB_RESOURCE = "actors.json"

# --------------------------------------------------------------------------- knowledge base


@dataclass(frozen=True)
class KBEntry:
    """One actor of the knowledge base."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None

    def names(self) -> tuple[str, ...]:
        """All the names of the entry: canonical name, aliases, acronyms, metonyms."""
        return (self.name, *self.aliases, *self.acronyms, *self.metonyms)


@dataclass(frozen=True)
class Lexicon:
    """Word lists that drive ad-hoc actors and coreference (from the same JSON file)."""

    demonyms: dict[str, str] = field(default_factory=dict)
    people_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    armed_org_heads: frozenset[str] = frozenset()
    group_anaphors: dict[str, frozenset[str]] = field(default_factory=dict)
    expert_titles: frozenset[str] = frozenset()
    venue_heads: frozenset[str] = frozenset()

    def noun_kind(self, noun: str) -> ActorKind | None:
        """The actor kind a people noun ("soldiers", "gunmen") denotes, or None."""
        noun = noun.lower()
        for kind, nouns in self.people_nouns.items():
            if noun in nouns:
                return ActorKind(kind)
        return None

    def demonym_country(self, word: str) -> str | None:
        """ISO2 of a nationality adjective ("Russian" -> "RU"); '' when not a country."""
        for key in (word, word.capitalize(), word.title()):
            if key in self.demonyms:
                return self.demonyms[key]
        return None


def _is_acronym_like(name: str) -> bool:
    """Short all-capitals names ('CNN', 'FARC-EP') are matched as written, like acronyms."""
    letters = [c for c in name if c.isalpha()]
    return (
        bool(letters) and " " not in name and len(name) <= 8 and all(c.isupper() for c in letters)
    )


@dataclass
class _Matchers:
    """The phrase matchers of one knowledge base for one vocab (built once, reused)."""

    names: PhraseMatcher  # case-insensitive names and aliases
    acronyms: PhraseMatcher  # acronyms as written
    metonyms: PhraseMatcher  # case-insensitive, checked for an acting role


class ActorKB:
    """The actor knowledge base: look-up by id or name, and spaCy matchers per vocab."""

    def __init__(self, entries: Iterable[KBEntry], lexicon: Lexicon | None = None) -> None:
        self._entries: dict[str, KBEntry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        self.lexicon = lexicon or Lexicon()
        self._by_name: dict[str, str] = {}
        self._by_acronym: dict[str, str] = {}
        for entry in self._entries.values():
            for name in (entry.name, *entry.aliases, *entry.metonyms):
                self._by_name.setdefault(_name_key(name), entry.id)
            for name in (entry.name, *entry.aliases, *entry.acronyms):
                if _is_acronym_like(name) or name in entry.acronyms:
                    self._by_acronym.setdefault(name, entry.id)
        self._matchers: dict[int, tuple[Vocab, _Matchers]] = {}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> ActorKB:
        """The packaged knowledge base, extended by the user's JSON files in ``extra``.

        Entries of a later file override the fields they give and add their names to an
        entry with the same id. Without ``extra`` the result is memoised per process.
        """
        if not extra:
            return _default_kb()
        return cls._build(tuple(Path(p) for p in extra))

    @classmethod
    def _build(cls, extra: tuple[Path, ...]) -> ActorKB:
        raw = json.loads(
            resources.files("threatline.data").joinpath(KB_RESOURCE).read_text("utf-8")
        )
        entries = {e.id: e for e, _ in _parse_entries(raw, "the packaged actors.json")}
        lexicon = _parse_lexicon(raw)
        for path in extra:
            try:
                data = json.loads(path.read_text("utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise ConfigError(
                    f"Cannot read the actor file {path}: {exc}. Give a readable JSON file."
                ) from exc
            for entry, given in _parse_entries(data, str(path)):
                old = entries.get(entry.id)
                entries[entry.id] = _merge(old, entry, given) if old else entry
        return cls(entries.values(), lexicon)

    # ------------------------------------------------------------------ look-up

    @property
    def entries(self) -> list[KBEntry]:
        """All entries, in file order."""
        return list(self._entries.values())

    def get(self, actor_id: str) -> KBEntry | None:
        """The entry with this id, or None."""
        return self._entries.get(actor_id)

    def match(self, name: str) -> KBEntry | None:
        """The entry one of whose names is ``name``: acronyms as written, other names
        ignoring case, a leading "the" and a possessive "'s"; None when unknown."""
        name = name.strip()
        if name in self._by_acronym:
            return self._entries[self._by_acronym[name]]
        key = _name_key(name)
        found = self._by_name.get(key)
        if found is None and key.startswith("the "):
            found = self._by_name.get(key[4:])
        return self._entries[found] if found else None

    def government_of(self, country: str | None) -> KBEntry | None:
        """The government entry of a country (ISO2), or None."""
        if not country:
            return None
        for entry in self._entries.values():
            if entry.kind == ActorKind.GOVERNMENT and entry.country == country and not entry.parent:
                return entry
        return None

    def matchers(self, vocab: Vocab) -> _Matchers:
        """Phrase matchers for this vocab, built on first use and cached."""
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1]
        import spacy

        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        names = PhraseMatcher(vocab, attr="LOWER")
        acronyms = PhraseMatcher(vocab, attr="ORTH")
        metonyms = PhraseMatcher(vocab, attr="LOWER")
        for entry in self._entries.values():
            plain = [n for n in (entry.name, *entry.aliases) if not _is_acronym_like(n)]
            short = [n for n in (entry.name, *entry.aliases) if _is_acronym_like(n)]
            short += list(entry.acronyms)
            if plain:
                names.add(entry.id, list(tokenizer.pipe(plain)))
            if short:
                acronyms.add(entry.id, list(tokenizer.pipe(dict.fromkeys(short))))
            if entry.metonyms:
                metonyms.add(entry.id, list(tokenizer.pipe(entry.metonyms)))
        built = _Matchers(names, acronyms, metonyms)
        self._matchers[id(vocab)] = (vocab, built)
        return built


def _name_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.strip().lower())
    key = key.replace("\u2019", "'")
    return re.sub(r"'s$", "", key)


def _parse_entries(data: object, origin: str) -> list[tuple[KBEntry, frozenset[str]]]:
    """Entries of a JSON document, each with the set of fields the file gave."""
    items = data.get("entries", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(
            f"{origin}: expected a list of actor entries or an object with 'entries'."
        )
    parsed: list[tuple[KBEntry, frozenset[str]]] = []
    for item in items:
        if not isinstance(item, dict) or "id" not in item:
            raise ConfigError(f"{origin}: every actor entry needs an 'id' ({item!r}).")
        try:
            kind = ActorKind(item.get("kind", "other"))
        except ValueError as exc:
            raise ConfigError(
                f"{origin}: actor {item['id']!r} has an unknown kind {item.get('kind')!r}; "
                f"use one of {[k.value for k in ActorKind]}."
            ) from exc
        entry = KBEntry(
            id=item["id"],
            name=item.get("name", item["id"]),
            kind=kind,
            aliases=tuple(item.get("aliases", ())),
            acronyms=tuple(item.get("acronyms", ())),
            metonyms=tuple(item.get("metonyms", ())),
            parent=item.get("parent"),
            country=item.get("country"),
        )
        parsed.append((entry, frozenset(item)))
    return parsed


def _merge(old: KBEntry, new: KBEntry, given: frozenset[str]) -> KBEntry:
    """``new`` overrides the fields its file gave; names are the union of both."""
    merged = old
    for name in ("name", "kind", "parent", "country"):
        if name in given:
            merged = replace(merged, **{name: getattr(new, name)})
    renamed = [old.name] if "name" in given and new.name != old.name else []
    return replace(
        merged,
        aliases=tuple(dict.fromkeys((*old.aliases, *new.aliases, *renamed))),
        acronyms=tuple(dict.fromkeys((*old.acronyms, *new.acronyms))),
        metonyms=tuple(dict.fromkeys((*old.metonyms, *new.metonyms))),
    )


def _parse_lexicon(raw: dict) -> Lexicon:
    def words(items: Iterable[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in items)

    return Lexicon(
        demonyms=dict(raw.get("demonyms", {})),
        people_nouns={k: words(v) for k, v in raw.get("people_nouns", {}).items()},
        armed_org_heads=words(raw.get("armed_org_heads", ())),
        group_anaphors={k: words(v) for k, v in raw.get("group_anaphors", {}).items()},
        expert_titles=words(raw.get("expert_titles", ())),
        venue_heads=words(raw.get("venue_heads", ())),
    )


@functools.lru_cache(maxsize=1)
def _default_kb() -> ActorKB:
    return ActorKB._build(())


# --------------------------------------------------------------------------- finding actors

_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "some",
    "several",
    "many",
    "few",
    "other",
    "such",
    "its",
    "their",
    "his",
    "her",
    "our",
    "any",
    "all",
    "both",
    "each",
    "more",
    "most",
    "about",
    "around",
    "nearly",
    "over",
    # hedges say who suspects, not who the group is ('suspected urban guerrillas')
    "suspected",
    "presumed",
    "alleged",
    "purported",
    "reputed",
}
_DEFINITE = {"the", "this", "that", "these", "those"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OBJECT_DEPS = {"dobj", "dative", "iobj"}
_CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "conj", "pcomp", "acl", "relcl", "parataxis"}
_BRANCH_OF = re.compile(
    r",\s+(?:the|a|an|its)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:branch|affiliate|wing|offshoot|arm|franchise|faction|cell|province|chapter)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EXPERT_AFTER = re.compile(r"^\s*,\s+(?:who\s+is\s+)?(?:an?|the)\s+((?:[\w.'-]+\s+){0,4}?)(\w+)")


def _kin_of(noun: Token) -> bool:
    """'his wife', 'her driver': a noun a possessive pronoun owns names someone of the
    person the pronoun stands for, never that person."""
    return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children)


_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "its"])
_PRONOUNS = {
    "it": "sg",
    "its": "sg",
    "itself": "sg",
    "she": "fem",
    "her": "fem",
    "hers": "fem",
    "herself": "fem",
    "he": "masc",
    "him": "masc",
    "his": "masc",
    "himself": "masc",
    "they": "pl",
    "them": "pl",
    "their": "pl",
    "theirs": "pl",
    "themselves": "pl",
}
_EXPLETIVE_HEADS = {"be", "seem", "appear", "happen", "remain", "become", "take", "rain", "matter"}
_PERSONAL = {ActorKind.PERSON, ActorKind.EXPERT}
_COLLECTIVE_KINDS = {
    ActorKind.ARMED_GROUP,
    ActorKind.SECURITY_FORCE,
    ActorKind.GOVERNMENT,
    ActorKind.POLITICAL_PARTY,
    ActorKind.MEDIA,
    ActorKind.INTERNATIONAL_ORG,
    ActorKind.ORGANIZATION,
    ActorKind.COUNTRY,
}
# Endings of agent nouns ("coordinator", "leader", "activist", "president", "spokesman").
_AGENT_SUFFIXES = ("or", "er", "ist", "ian", "ent", "ant", "man", "ary")
_NON_AGENT_SUFFIXES = ("ment", "center", "order", "sector", "floor", "border", "quarter")
_WINDOW_SENTENCES = 4  # how far back an anaphor looks for its antecedent
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "general",
    "gen",
    "colonel",
    "col",
    "minister",
    "commander",
    "leader",
    "sheikh",
    "mullah",
    "father",
    "bishop",
    "judge",
    "senator",
}
# Words before a name that are no part of it ("Mr", "Mayor", "Senator").
_INTRODUCING_TITLES = _TITLES_BEFORE_NAMES | _TITLES

#: Words in the longest personal name a tagged name is extended to: given names and surnames.
_LONGEST_NAME = 5
#: Titles and offices written before a name in capitals ("MAGISTRATE ..."): no part of it.
_ROLE_TITLES = frozenset(
    {"miss", "magistrate", "justice", "prosecutor", "inspector", "comrade", "engineer"}
    | {"attorney", "mayor", "councilman", "deputy", "doctor", "professor", "governor"}
    | {"secretary", "chief", "director", "commissioner", "congressman", "councilwoman"}
)


#: People nouns for a rank in a body of people, whose kind is that of the body
#: ('a party leader' is a civilian, 'a guerrilla leader' a fighter), and how the word for
#: the body modifies them.
_RANK_NOUNS = frozenset(["leader"])
_FIGHTING_DEPS = frozenset(["compound", "amod", "nmod"])
#: Determiners of someone told of for the first time ('an army colonel').
_INDEFINITE = frozenset(["a", "an", "another", "one"])
#: Posts and ranks of one person in a body ('officer', 'colonel', 'agent'): with the force as
#: modifier ('an army colonel') they name one of its members.
_POST_NOUNS = frozenset(
    [
        "officer",
        "agent",
        "colonel",
        "captain",
        "major",
        "lieutenant",
        "sergeant",
        "corporal",
        "member",
    ]
)

#: Posts of one person in an armed group ('an FMLN commander'): with the group as modifier
#: they name one of its members.
_GROUP_POSTS = frozenset(["commander", "chief", "member"])

#: Nouns that tell when, not what: 'gunmen today kidnapped ...' is no compound noun.
_DAY_NOUNS = frozenset(["today", "yesterday", "tonight", "tomorrow"])


@dataclass
class _Mention:
    start: int  # character offsets
    end: int
    tok_start: int  # token offsets
    tok_end: int
    key: str  # actor id
    form: str  # name, acronym, metonym, ner, generic, nominal, pronoun, appos
    plural: bool = False


@dataclass
class _ActorDraft:
    id: str
    name: str
    kind: ActorKind
    in_kb: bool
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    mentions: set[tuple[int, int]] = field(default_factory=set)


class _Finder:
    """State of one run of :func:`find_actors` over one Doc."""

    def __init__(
        self, doc: Doc, kb: ActorKB, upper_source: bool, gazetteer: GazetteerBackend | None = None
    ) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.text = doc.text  # Doc.text joins the tokens on every access
        self.kb = kb
        self.lex = kb.lexicon
        self.upper_source = upper_source
        self.actors: dict[str, _ActorDraft] = {}
        self.mentions: list[_Mention] = []
        self.claimed: list[int | None] = [None] * len(doc)  # token -> index in mentions
        self.sent_index = [0] * len(doc)
        self._sents = list(doc.sents)
        for i, sent in enumerate(self._sents):
            for token in sent:
                self.sent_index[token.i] = i

    # ------------------------------------------------------------------ registry

    def _actor_for_entry(self, entry: KBEntry) -> _ActorDraft:
        draft = self.actors.get(entry.id)
        if draft is None:
            draft = _ActorDraft(
                entry.id,
                entry.name,
                ActorKind(entry.kind),
                True,
                parent=entry.parent,
                country=entry.country,
            )
            self.actors[entry.id] = draft
        return draft

    def _actor_adhoc(
        self, name: str, kind: ActorKind, country: str | None = None, prefix: str = ""
    ) -> _ActorDraft:
        actor_id = prefix + _slug(name)
        draft = self.actors.get(actor_id)
        if draft is None:
            draft = _ActorDraft(actor_id, name, kind, False, country=country or None)
            self.actors[actor_id] = draft
        return draft

    def free(self, start: int, end: int) -> bool:
        return all(self.claimed[i] is None for i in range(start, end))

    def add(
        self,
        draft: _ActorDraft,
        start: int,
        end: int,
        form: str,
        plural: bool = False,
        claim: bool = True,
    ) -> _Mention:
        """Record a mention of tokens [start, end) of ``draft``."""
        span = self.doc[start:end]
        mention = _Mention(span.start_char, span.end_char, start, end, draft.id, form, plural)
        self.mentions.append(mention)
        draft.mentions.add((span.start_char, span.end_char))
        surface = self.text[span.start_char : span.end_char]
        if (
            form in {"name", "acronym", "ner"}
            and surface != draft.name
            and surface not in draft.aliases
        ):
            draft.aliases.append(surface)
        if claim:
            for i in range(start, end):
                self.claimed[i] = len(self.mentions) - 1
        return mention

    def mention_at(self, token: Token) -> _Mention | None:
        index = self.claimed[token.i]
        return self.mentions[index] if index is not None else None

    # ------------------------------------------------------------------ 1. knowledge base

    def match_kb(self) -> None:
        doc, kb = self.doc, self.kb
        matchers = kb.matchers(doc.vocab)
        found: list[tuple[int, int, str, str]] = []  # start, end, id, form
        for match_id, start, end in matchers.names(doc):
            found.append((start, end, doc.vocab.strings[match_id], "name"))
        for match_id, start, end in matchers.acronyms(doc):
            if self._acronym_ok(doc[start:end]):
                found.append((start, end, doc.vocab.strings[match_id], "acronym"))
        for match_id, start, end in matchers.metonyms(doc):
            if self._acts(doc[start:end]):
                found.append((start, end, doc.vocab.strings[match_id], "metonym"))
        # Longest first; a shorter match inside a longer one survives only after "of"
        # ("the Afghan branch of IS": IS is mentioned too), without claiming tokens.
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        nested: list[tuple[int, int, str, str]] = []
        for start, end, actor_id, form in found:
            entry = kb.get(actor_id)
            if entry is None:
                continue
            if self.free(start, end):
                self.add(self._actor_for_entry(entry), start, end, form)
            elif (
                start > 0
                and doc[start - 1].lower_ in {"of", "the"}
                and self._inside_other(start, end, actor_id)
            ):
                nested.append((start, end, actor_id, form))
        for start, end, actor_id, form in nested:
            entry = kb.get(actor_id)
            assert entry is not None
            self.add(self._actor_for_entry(entry), start, end, form, claim=False)

    def _inside_other(self, start: int, end: int, actor_id: str) -> bool:
        owner = self.mention_at(self.doc[start])
        return (
            owner is not None
            and owner.key != actor_id
            and owner.tok_start < start
            and all(self.claimed[i] == self.claimed[start] for i in range(start, end))
        )

    def _acronym_ok(self, span: Span) -> bool:
        """An acronym counts when written in capitals and, in capitals-only text (wire copy,
        where the verb "IS" and the pronoun "US" look like acronyms), when its context
        makes it a name: after "the"/"of"/"by", or not where a verb or pronoun would stand."""
        if not any(c.isupper() for c in span.text):
            return False
        token = span[0]
        if len(span) > 1 or not (
            self.upper_source or _mostly_upper(self._sents[self.sent_index[token.i]].text)
        ):
            return True  # capitals amid lower-case text are a name, even "IS" or "US"
        word = span.text.lower().strip(".")
        prev = self.doc[token.i - 1] if token.i > 0 else None
        nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.text in {"-", "'s", "’s"}:
            return True
        if _opens_a_person_s_name(token, nxt):
            return False  # 'ANA Maria Galvez': a given name, not the Afghan army
        if prev is not None and prev.lower_ in _NAME_CUES:
            return not (word == "us" and prev.lower_ in {"of", "with", "from", "against"})
        if word in _VERB_LOOKALIKES:
            after_subject = prev is not None and (
                prev.pos_ in {"NOUN", "PRON", "PROPN"} or prev.tag_ in {"EX", "WDT", "WP"}
            )
            before_complement = nxt is not None and (
                nxt.lower_ in {"not", "also", "still", "now", "being", "to", "there"}
                or nxt.tag_ in {"DT", "JJ", "JJR", "RB", "VBN", "VBG", "CD", "IN", "TO", "PRP$"}
            )
            return not (after_subject or before_complement)
        if word in _FUNCTION_LOOKALIKES:
            return prev is None or prev.pos_ not in {"VERB", "AUX", "ADP"}
        return token.pos_ in {"PROPN", "NOUN", "X"} or word not in _COMMON_SHORT

    def _acts(self, span: Span) -> bool:
        """A metonym ("Washington", "Moscow") stands for its government only when it acts:
        subject of a verb, agent ("backed by the US"), "according to X", or possessor of
        a statement ("Moscow's response")."""
        root = span.root
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ in {"VERB", "AUX"}:
            return root.dep_ == "nsubj" and root.head.lemma_ != "be"
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ == "by" and (prep.dep_ == "agent" or prep.head.tag_ == "VBN"):
                return True
            if prep.lower_ == "to" and prep.i > 0 and self.doc[prep.i - 1].lower_ == "according":
                return True
        return root.dep_ == "poss" and root.head.lemma_ in _STATEMENT_NOUNS

    def match_numbered_units(self) -> None:
        """An army's unit told by its number: "the 6th military detachment", "the 3d
        infantry brigade", "military detachment no. 6". Its own name, but no proper noun
        the tagger would take for an organisation, nor a people noun."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in _NUMBERED_UNIT_NOUNS:
                continue
            start = token.i
            while start > 0 and doc[start - 1].lower_ in _UNIT_QUALIFIERS:
                start -= 1
            end = token.i + 1
            if start > 0 and _ORDINAL.match(doc[start - 1].text):
                start -= 1
            elif (numbered_end := self._unit_number_after(end)) is not None:
                end = numbered_end
            else:
                continue
            if start > 0 and doc[start - 1].text == "-" and start > 1:
                start -= 2  # "3-16th battalion"
            if not self.free(start, end):
                continue
            unit = doc[start:end]
            text = self.text[unit.start_char : unit.end_char]
            self.add(self._actor_adhoc(text, ActorKind.SECURITY_FORCE), start, end, "ner")

    def _unit_number_after(self, i: int) -> int | None:
        """End of "no. 6" / "number 6" starting at token ``i`` (the tokenizer may part
        "no" from its full stop), or None."""
        doc = self.doc
        if i >= len(doc) or doc[i].lower_ not in {"no.", "no", "number"}:
            return None
        if doc[i].lower_ == "no" and i + 1 < len(doc) and doc[i + 1].text == ".":
            i += 1
        return i + 2 if i + 1 < len(doc) and doc[i + 1].like_num else None

    # ------------------------------------------------------------------ 2. named entities

    def match_entities(self) -> None:
        doc, lex = self.doc, self.lex
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while start < end and doc[start].lower_ in _DETERMINERS:
                start += 1
            while end > start and doc[end - 1].text in {"'s", "’s", "'", ","}:
                end -= 1
            if ent.label_ == "PERSON" and start < end:
                start, end = self._name_extent(start, end)
            if start >= end or not self.free(start, end):
                continue
            if all(t.pos_ not in {"PROPN", "X"} for t in doc[start:end]):
                continue  # "Urban" of "URBAN GUERRILLAS": a name needs a proper noun
            if (
                self.gazetteer is not None
                and _truecased(doc)
                and told_as_a_town(ent)
                and not self.gazetteer.candidates(ent.text)
            ):
                continue  # "the village of Achara": a hamlet, the geo stage's business
            span = doc[start:end]
            text = self.text[span.start_char : span.end_char]
            if ent.label_ == "PERSON" and (start < ent.start or end > ent.end):
                text = _capitalised_words(text)  # a word of the name truecasing lowered
            entry = self.kb.match(text)
            if (
                self.gazetteer is not None
                and self.upper_source
                and (entry is None or the_dateline_place(ent))
                and (misread_place(ent, self.gazetteer) or misread_region(ent, self.gazetteer))
            ):
                continue  # "in Achara", "Achara department": a place the tagger misread
            if entry is not None and ent.label_ in {"ORG", "PERSON", "NORP", "FAC"}:
                self.add(self._actor_for_entry(entry), start, end, "name")
            elif ent.label_ in _MISREAD_NAME_LABELS and self._named_as_person(span):
                self._add_person(span, text)
            elif ent.label_ == "ORG":
                self._add_org(span, text)
            elif (
                ent.label_ == "PERSON"
                and end < len(doc)
                and doc[end].lower_ in _MILITARY_UNIT_NOUNS
                and self.free(start, end + 1)
            ):
                unit = doc[start : end + 1]
                text = self.text[unit.start_char : unit.end_char]
                self.add(self._actor_adhoc(text, ActorKind.SECURITY_FORCE), start, end + 1, "ner")
            elif ent.label_ == "PERSON":
                if len(span) == 1 and lex.demonym_country(text) is not None:
                    continue  # "Tajik suspects" mis-tagged: the people-noun step takes it
                self._add_person(span, text)

    def _named_as_person(self, span: Span) -> bool:
        """A name the tagger took for an organisation whose context says a person: told in
        a list with persons' names ("Pedro Soto and Luis Mena"), in apposition to a people
        noun ("the farmer, Luis Mena,"), or followed by ", who" or an age (", 45,")."""
        lex = self.lex
        if any(
            not t.is_alpha
            or t.lower_ in _ORG_NAME_WORDS
            or t.lower_ in lex.armed_org_heads
            or t.lower_ in lex.venue_heads
            or t.lower_ in _MEDIA_NOUNS
            or lex.noun_kind(t.lower_) is not None
            for t in span
        ):
            return False
        if len(span) == 1:
            return False  # one word may be a place or a surname: too little to tell
        if _PERSON_AFTER.match(self.text, span.end_char):
            return True
        root = span.root
        near = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            near += [root.head, *(c for c in root.head.children if c.dep_ == "conj")]
        if any(t.i != root.i and t.ent_type_ == "PERSON" for t in near):
            return True
        civilian = ActorKind.CIVILIANS
        if root.dep_ == "appos" and lex.noun_kind(root.head.lower_) == civilian:
            return True  # "the farmer, Luis Mena,"
        return any(
            c.dep_ == "appos" and c.i > root.i and lex.noun_kind(c.lower_) == civilian
            for c in root.children
        )

    def _name_extent(self, start: int, end: int) -> tuple[int, int]:
        """A person's name with the proper nouns the tagger left out of it: in a text written
        in capitals it may tag "Pedro Luis" of "Pedro Luis Valdivia Rojas", or "Luis Valdivia"
        of "Pedro Luis Valdivia", as the name. A word joins when it belongs to the name's
        compound chain and no other name or title holds it."""
        doc = self.doc

        def joins(token: Token) -> bool:
            return token.pos_ == "PROPN" and free(token)

        def free(token: Token) -> bool:
            """No title, people noun, unit or venue, and no other name holds it."""
            return (
                token.text.isalpha()
                and token.ent_type_ in ("", "PERSON")
                and token.lower_ not in _INTRODUCING_TITLES
                and token.lower_ not in _ROLE_TITLES
                and token.lower_ not in self.lex.expert_titles
                and self.lex.noun_kind(token.lower_) is None
                and token.lower_ not in _MILITARY_UNIT_NOUNS
                and token.lower_ not in self.lex.venue_heads
                and self.claimed[token.i] is None
            )

        def adjacent(left: Token, right: Token) -> bool:
            return right.idx == left.idx + len(left.text) + 1  # one space: no comma between

        while (
            end < len(doc)
            and end - start < _LONGEST_NAME
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i >= end
            and joins(doc[end])
            and adjacent(doc[end - 1], doc[end])
        ):
            end += 1
        while (
            start > 0
            and end - start < _LONGEST_NAME
            and doc[start - 1].dep_ == "compound"
            and start <= doc[start - 1].head.i < end
            and joins(doc[start - 1])
            and adjacent(doc[start - 1], doc[start])
        ):
            start -= 1
        if not self.upper_source:
            return start, end
        # Truecasing may have taken a word of the name for a common word ("Juana Margarita
        # flores", "silvia Maria Azurdia"): the head the name's words modify ends it, and
        # a word that opens the phrase and modifies the name begins it.
        if (
            end < len(doc)
            and end - start < _LONGEST_NAME
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and doc[end].dep_ != "compound"
            and adjacent(doc[end - 1], doc[end])
            and self._lowercased_name_word(doc[end], free)
        ):
            end += 1
        if (
            start > 0
            and end - start < _LONGEST_NAME
            and doc[start - 1].dep_ == "compound"
            and start <= doc[start - 1].head.i < end
            and adjacent(doc[start - 1], doc[start])
            and (start < 2 or _opens_a_name(doc[start - 2]))
            and self._lowercased_name_word(doc[start - 1], free, opens=True)
        ):
            start -= 1
        return start, end

    def _lowercased_name_word(
        self, token: Token, free: Callable[[Token], bool], opens: bool = False
    ) -> bool:
        """A word truecasing wrote in lower case that may still be a word of a name: no
        common word the text uses as one (after a determiner), no title, people noun, head
        of a place or group name, abstract noun or word of violence."""
        if not token.text.islower() or token.tag_ not in _NAME_WORD_TAGS:
            return False
        if (
            not may_be_a_name_word(token.lower_, opens)
            or token.lower_ in self._nouns_after_determiners
        ):
            return False
        return free(token)

    @functools.cached_property
    def _nouns_after_determiners(self) -> frozenset[str]:
        """Words the text uses as common nouns: right after a determiner."""
        doc = self.doc
        return frozenset(t.lower_ for t in doc if t.i > 0 and doc[t.i - 1].lower_ in _DETERMINERS)

    def match_introduced_names(self) -> None:
        """A name the NER missed is a person when an appositive gives the person's role:
        "Marta Lopez, coordinator of the party", "Tomas Vega, leader of ..."."""
        doc = self.doc
        for token in doc:
            if not _is_name_word(token) or token.ent_type_ or self.claimed[token.i] is not None:
                continue
            if token.i + 1 < len(doc) and _is_name_word(doc[token.i + 1]):
                continue  # not the last word of the name
            start = token.i
            while (
                start > 0
                and _is_name_word(doc[start - 1])
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].head.i == token.i
                and not doc[start - 1].ent_type_
                and self.claimed[start - 1] is None
            ):
                start -= 1
            while start < token.i and doc[start].lower_ in _INTRODUCING_TITLES:
                start += 1  # "Mayor Marta Lopez": the title is no part of the name
            if not 2 <= token.i + 1 - start <= 4:
                continue  # one capitalised word may be a place or a sentence start
            if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
                continue
            if any(
                child.dep_ == "appos" and child.i > token.i + 1 and self._is_role(child)
                for child in token.children
            ):
                span = doc[start : token.i + 1]
                self._add_person(span, self.text[span.start_char : span.end_char])

    def match_names_in_context(self) -> None:
        """In a text written in capitals, a run of two to four proper nouns the NER left
        untagged is a person's name when the words around it say a person: a title or
        people noun before it ("Engineer Armando Caycedo Camargo", "the Italian Dino
        Rossy"), a person's name it is listed with ("Pedro Soto and Luis Mena"), a people
        noun it stands in apposition to ("the other victim, Luis Mena,"), or an age or
        ", who" after it. The truecased text leaves the tagger unsure of such names."""
        if not self.upper_source:
            return
        doc = self.doc
        index = 0
        while index < len(doc):
            start = index
            end = start
            while end < len(doc) and self._untagged_name_word(doc[end]):
                if end > start and doc[end].idx != doc[end - 1].idx + len(doc[end - 1].text) + 1:
                    break
                end += 1
            index = max(end, start + 1)
            cue = start > 0 and self._names_a_person(doc[start - 1])
            while start < end and (
                doc[start].lower_ in _INTRODUCING_TITLES
                or doc[start].lower_ in _ROLE_TITLES
                or self.lex.noun_kind(doc[start].lower_) is not None
            ):
                cue = True  # "Engineer Armando Caycedo": the title is no part of the name
                start += 1
            if not 2 <= end - start <= 4 or not self.free(start, end):
                continue
            span = doc[start:end]
            text = self.text[span.start_char : span.end_char]
            if any(self._no_personal_name_word(t) for t in span) or self.kb.match(text):
                continue
            if self.gazetteer is not None and self.gazetteer.candidates(text):
                continue
            if cue or self._told_as_a_person(span):
                self._add_person(span, text)

    def _untagged_name_word(self, token: Token) -> bool:
        return _is_name_word(token) and not token.ent_type_ and self.claimed[token.i] is None

    def _names_a_person(self, before: Token) -> bool:
        """A word right before a name that says whose: a title, a role, a people noun or a
        nationality ("Italian")."""
        word = before.lower_
        return (
            word in _INTRODUCING_TITLES
            or word in _ROLE_TITLES
            or self.lex.noun_kind(word) is not None
            or (before.ent_type_ == "NORP" and self.lex.demonym_country(before.text) is not None)
        )

    def _no_personal_name_word(self, token: Token) -> bool:
        """A word no person's name holds: the head of a group, venue or medium's name."""
        word = token.lower_
        return (
            word in _ORG_NAME_WORDS
            or word in self.lex.armed_org_heads
            or word in self.lex.venue_heads
            or word in _MEDIA_NOUNS
            or word in _MILITARY_UNIT_NOUNS
            or self.lex.noun_kind(word) is not None
        )

    def _told_as_a_person(self, span: Span) -> bool:
        """A person's name it is listed with, a people noun it is in apposition to, or an
        age or ", who" after it."""
        if _PERSON_AFTER.match(self.text, span.end_char):
            return True
        root = span.root
        near = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            near.append(root.head)
        if any(t.ent_type_ == "PERSON" for t in near):
            return True
        return root.dep_ == "appos" and self.lex.noun_kind(root.head.lower_) is not None

    def _is_role(self, noun: Token) -> bool:
        """A noun that names what one person is or does: a title ("senator"), or an agent
        noun with its complement ("coordinator of", "leader of")."""
        if noun.tag_ != "NN":
            return False
        word = noun.lower_
        if word in _TITLES or word in self.lex.expert_titles:
            return True
        return (
            word.endswith(_AGENT_SUFFIXES)
            and not word.endswith(_NON_AGENT_SUFFIXES)
            and any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children)
        )

    def match_surnames(self) -> None:
        """A person named in full is later called by the surname alone, which the NER may
        miss ("Lopez said"): such proper nouns join the person."""
        surnames: dict[str, _ActorDraft] = {}
        for draft in self.actors.values():
            if draft.kind in _PERSONAL and not draft.in_kb and " " in draft.name:
                surnames.setdefault(draft.name.split()[-1], draft)
        if not surnames:
            return
        for token in self.doc:
            draft = surnames.get(token.text)
            if draft is not None and token.pos_ == "PROPN" and self.claimed[token.i] is None:
                self.add(draft, token.i, token.i + 1, "ner")

    def _add_org(self, span: Span, text: str) -> None:
        words = [t.lower_ for t in span]
        if len(span) == 1:
            # a later "Navarro" tagged as an organisation is the earlier "Roberto Navarro"
            for draft in self.actors.values():
                if (
                    not draft.in_kb
                    and draft.kind in _PERSONAL
                    and " " in draft.name
                    and draft.name.split()[-1] == text
                ):
                    self.add(draft, span.start, span.end, "ner")
                    return
        if words[-1] in self.lex.venue_heads:
            return  # "Crocus City Hall" is a place, the geo stage's business
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if (nxt is not None and nxt.lower_ in _MEDIA_NOUNS) or words[-1] in _MEDIA_NOUNS:
            kind = ActorKind.MEDIA
        elif any(w in self.lex.armed_org_heads for w in words):
            kind = ActorKind.ARMED_GROUP
        else:
            kind = ActorKind.ORGANIZATION
        self.add(self._actor_adhoc(text, kind), span.start, span.end, "ner")

    def _add_person(self, span: Span, text: str) -> None:
        # A later "Byman" is the earlier "Daniel Byman".
        for draft in self.actors.values():
            if (
                not draft.in_kb
                and draft.kind in _PERSONAL
                and len(span) == 1
                and draft.name.split()[-1] == text
            ):
                self.add(draft, span.start, span.end, "ner")
                return
        kind = ActorKind.EXPERT if self._introduced_as_expert(span) else ActorKind.PERSON
        draft = self._actor_adhoc(text, kind)
        if kind == ActorKind.EXPERT:
            draft.kind = kind
        self.add(draft, span.start, span.end, "ner")

    def _introduced_as_expert(self, span: Span) -> bool:
        titles = self.lex.expert_titles
        before = self.doc[max(0, span.start - 3) : span.start]
        if any(t.lower_ in titles for t in before):
            return True
        after = _EXPERT_AFTER.match(self.text[span.end_char : span.end_char + 120])
        if after:
            words = [*after.group(1).lower().split(), after.group(2).lower()]
            return any(w in titles for w in words)
        return False

    # ------------------------------------------------------------------ 3. descriptions

    def match_descriptions(self) -> None:
        """People nouns: "Tajik suspects", "Russian authorities", "gunmen", "urban
        guerrillas of the FMLN" (a mention of the FMLN), "the militants" (left to coref)."""
        doc, lex = self.doc, self.lex
        for token in doc:
            if token.pos_ not in {"NOUN", "PROPN"} or self.claimed[token.i] is not None:
                continue
            kind, head_end = self._people_head(token)
            if kind is None:
                continue
            left = self._left_edge(doc[head_end - 1])
            start, end = left, head_end
            group = self._group_modifier(token, left, head_end)
            if group is not None and self._one_of_a_body(token, group):
                # 'a Red Cross worker': one person the body's name describes, not the body;
                # the name stays a mention of the body
                named = self.claimed[left:head_end]
                self._add_description(token, kind, self._content_start(start, end), end)
                for i, owner in enumerate(named, left):
                    self.claimed[i] = owner if owner is not None else self.claimed[i]
                continue
            if group is not None:
                first = self._content_start(start, end)
                if group.tok_start < token.i:  # "IS-K fighters": the name leads the phrase
                    first = min(first, group.tok_start)
                self.add(self.actors[group.key], first, end, "generic", plural=True, claim=False)
                for i in range(first, end):
                    if self.claimed[i] is None:
                        self.claimed[i] = len(self.mentions) - 1
                continue
            if self._describes_named_person(token):
                continue  # "Carlos Ramos, mayor of Huanta,": the person's apposition
            if kind != ActorKind.CIVILIANS and any(c.dep_ == "poss" for c in token.children):
                continue  # "its leaders", "their followers": the possessor is the actor
            # but "his bodyguard", "the minister's driver" are other people than the possessor
            if (
                kind == ActorKind.GOVERNMENT
                and token.tag_ not in {"NNS", "NNPS"}
                and not any(lex.demonym_country(t.text) for t in doc[left : token.i])
            ):
                continue  # "the regime", "the government" alone: whose is unknown here
            if self._definite_anaphor(token, start):
                continue  # "the militants": resolved by coreference, or made ad hoc there
            self._add_description(token, kind, self._content_start(start, end), end)

    def _one_of_a_body(self, token: Token, group: _Mention) -> bool:
        """'a Red Cross worker', 'an embassy employee': one civilian, told for the first
        time, named by the body that modifies him ('IS-K fighters' are the group itself)."""
        return (
            token.tag_ == "NN"
            and group.tok_start < token.i
            and (
                self.lex.noun_kind(token.lower_) in (ActorKind.CIVILIANS, ActorKind.OTHER)
                or self._one_post_of_a_group(token)
            )
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children)
        )

    def _describes_named_person(self, token: Token) -> bool:
        """A singular people noun in apposition to a person's name describes that person
        (a mention of the name's actor, added with the appositions), not someone else."""
        if token.dep_ != "appos" or token.tag_ not in {"NN", "NNP"} or _kin_of(token):
            return False
        mention = self.mention_at(token.head)
        return mention is not None and self.actors[mention.key].kind == ActorKind.PERSON

    def _people_head(self, token: Token) -> tuple[ActorKind | None, int]:
        """(kind, end token) when ``token`` heads a people noun phrase ("security forces")."""
        doc, lex = self.doc, self.lex
        if (
            token.i + 1 < len(doc)
            and doc[token.i + 1].pos_ in {"NOUN"}
            and doc[token.i + 1].lower_ not in _DAY_NOUNS
        ):
            two = f"{token.lower_} {doc[token.i + 1].lower_}"
            if lex.noun_kind(two) is not None:
                return lex.noun_kind(two), token.i + 2
            return None, token.i  # only the head of a compound counts
        if token.dep_ == "compound":
            return None, token.i
        # the two-word noun first: "armed men" are not the civilians "men" are
        pair = lex.noun_kind(f"{doc[token.i - 1].lower_} {token.lower_}") if token.i > 0 else None
        kind = pair or lex.noun_kind(token.lower_)
        if token.lower_ in _RANK_NOUNS and token.i > 0 and doc[token.i - 1].dep_ in _FIGHTING_DEPS:
            # 'the guerrilla leader', 'the patrol leader': one of the fighters the word names
            fighting = lex.noun_kind(doc[token.i - 1].lower_)
            if fighting in (ActorKind.ARMED_GROUP, ActorKind.SECURITY_FORCE):
                return fighting, token.i + 1
        if kind is None and self._member_of_a_force(token):
            return ActorKind.SECURITY_FORCE, token.i + 1
        if kind is None and self._one_post_of_a_group(token):
            return ActorKind.OTHER, token.i + 1
        return kind, token.i + 1

    def _one_post_of_a_group(self, token: Token) -> bool:
        """'an FMLN commander', 'a guerrilla group member': one person, told for the first
        time, by his post in the armed group that modifies him, not the group itself."""
        if token.tag_ != "NN" or token.lower_ not in _GROUP_POSTS or token.i == 0:
            return False
        if not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
            return False
        before = self.mention_at(self.doc[token.i - 1])
        return before is not None and self.actors[before.key].kind == ActorKind.ARMED_GROUP

    def _member_of_a_force(self, token: Token) -> bool:
        """'an army colonel', 'a retired air force officer', 'a police agent': one person
        named by a post with the force they serve as modifier is one of that force. 'The
        police commander' is someone told of before, left to coreference."""
        if token.tag_ != "NN" or token.lower_ not in _POST_NOUNS or token.i == 0:
            return False
        if not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
            return False
        before = self.doc[token.i - 1]
        return (
            before.dep_ in _FIGHTING_DEPS
            and before.head.i == token.i
            # 'air force': the force's singular of a plural people noun ('forces')
            and ActorKind.SECURITY_FORCE
            in (self.lex.noun_kind(before.lower_), self.lex.noun_kind(before.lower_ + "s"))
        )

    def _left_edge(self, token: Token) -> int:
        """First token of the pre-modifiers of ``token`` (determiners, adjectives, compounds)."""
        start = token.i
        while start > 0:
            prev = self.doc[start - 1]
            modifies_phrase = prev.i < prev.head.i <= token.i
            if (
                modifies_phrase
                and prev.dep_ in _PREMODIFIER_DEPS
                and (prev.is_alpha or prev.like_num or prev.text == "-")
                # 'when members of the group attacked': a clause's 'when' the parser hung
                # on the subject is none of its words
                and prev.tag_ != "WRB"
            ):
                start -= 1
            else:
                break
        # 'a 15-year-old daughter': an age written with hyphens is one word of the phrase
        if self.doc[start].text == "-":
            while start > 0 and not self.doc[start - 1].whitespace_:
                prev = self.doc[start - 1]
                if not (prev.is_alpha or prev.like_num or prev.text == "-"):
                    break
                start -= 1
        return start

    def _content_start(self, start: int, end: int) -> int:
        while start < end - 1 and (
            self.doc[start].lower_ in _DETERMINERS
            or (self.doc[start].like_num and self.doc[start].whitespace_)
            or self.doc[start].dep_ == "poss"
        ):
            start += 1
        return start

    def _group_modifier(self, token: Token, left: int, end: int) -> _Mention | None:
        """The group a people noun belongs to: "IS-K fighters", "guerrillas of the FMLN"."""
        for i in range(left, token.i):
            mention = self.mention_at(self.doc[i])
            if mention is not None and self._is_collective(mention.key):
                return mention
        nxt = end
        if nxt + 1 < len(self.doc) and self.doc[nxt].lower_ in {"of", "from"}:
            j = nxt + 1
            while j < len(self.doc) and self.doc[j].lower_ in {"the", "a"}:
                j += 1
            if j < len(self.doc):
                mention = self.mention_at(self.doc[j])
                if mention is not None and self.actors[mention.key].kind == ActorKind.ARMED_GROUP:
                    return mention
        return None

    def _is_collective(self, actor_id: str) -> bool:
        return self.actors[actor_id].kind in _COLLECTIVE_KINDS

    def _definite_anaphor(self, token: Token, start: int) -> bool:
        first = self.doc[start]
        anaphors = self.lex.group_anaphors.get("armed_group", frozenset())
        if first.lower_ not in _DEFINITE:
            return False
        if token.lower_ in anaphors and start == token.i - 1:
            return True
        # 'the armed group': a two-word anaphor, resolved like 'the group'
        pair = f"{self.doc[token.i - 1].lower_} {token.lower_}"
        return pair in anaphors and start == token.i - 2

    def _add_description(self, token: Token, kind: ActorKind, start: int, end: int) -> None:
        doc, lex = self.doc, self.lex
        words = doc[start:end]
        country: str | None = None
        for word in words[:-1]:
            found = lex.demonym_country(word.text)
            if found is not None:
                country = found or None
                break
        plural = doc[end - 1].tag_ in {"NNS", "NNPS"} or doc[end - 1].lower_ in {
            "police",
            "military",
        }
        if kind == ActorKind.GOVERNMENT and country:
            entry = self.kb.government_of(country)
            if entry is not None:
                self.add(self._actor_for_entry(entry), start, end, "generic", plural=plural)
                return
        # Keep only the words that identify the group: nationality, qualifiers, the noun.
        draft = self._actor_adhoc(_description_name(words, lex), kind, country)
        self.add(draft, start, end, "generic", plural=plural)

    # ------------------------------------------------------------------ 4. appositives

    def match_appositives(self) -> None:
        """ "X, the Afghan branch of Y": the appositive is X again, and Y is X's parent."""
        doc = self.doc
        by_start = {m.start: m for m in self.mentions}
        for mention in list(self.mentions):
            if mention.form in {"pronoun", "nominal"}:
                continue
            tail = self.text[mention.end : mention.end + 80]
            for other_start, other in by_start.items():
                if other.key == mention.key or not mention.end < other_start <= mention.end + 80:
                    continue
                if _BRANCH_OF.match(tail[: other_start - mention.end]):
                    draft = self.actors[mention.key]
                    if draft.parent is None and self._is_collective(other.key):
                        draft.parent = other.key
            root = doc[mention.tok_end - 1]
            for child in root.children:
                if child.dep_ != "appos" or child.i < mention.tok_end:
                    continue
                if _kin_of(child):
                    continue  # "Pedro Soto, his wife, and ...": his wife is someone else
                start = self._left_edge(child)
                if any(
                    self.claimed[i] is not None
                    and self.mentions[self.claimed[i]].key != mention.key
                    for i in range(start, child.i + 1)
                ):
                    continue
                if start > mention.tok_end and doc[mention.tok_end].text == ",":
                    end = _of_phrase_end(child)
                    self.add(self.actors[mention.key], start, end, "appos", claim=False)
                    for i in range(start, child.i + 1):
                        self.claimed[i] = len(self.mentions) - 1
            if self.actors[mention.key].kind == ActorKind.PERSON and mention.form == "ner":
                self._add_title(mention)

    def _add_title(self, mention: _Mention) -> None:
        """ "Judge Ana Bastidas", "party leader Ramon Zubieta": the words before a person's
        name that modify it describe the person (a further mention, claiming no token)."""
        doc = self.doc
        root = doc[mention.tok_end - 1]
        start = mention.tok_start
        while start > 0:
            prev = doc[start - 1]
            if prev.dep_ not in ("compound", "amod", "nmod") or prev.head.i < start:
                break
            if not (prev.is_alpha or prev.text == "-"):
                break
            start -= 1
        if start == mention.tok_start or root.i < mention.tok_start:
            return
        words = doc[start : mention.tok_start]
        if not any(t.pos_ == "NOUN" or t.lower_ in _TITLES for t in words):
            return  # only a first name or an initial the tagger left out
        self.add(self.actors[mention.key], start, mention.tok_start, "title", claim=False)

    # ------------------------------------------------------------------ 5. coreference

    def resolve(self) -> None:
        """Walk the text once; each anaphor takes the antecedent the rules pick."""
        doc, lex = self.doc, self.lex
        group_nouns = lex.group_anaphors.get("armed_group", frozenset())
        org_nouns = lex.group_anaphors.get("organization", frozenset())
        last_pronoun: dict[str, tuple[int, str]] = {}  # number class -> (sentence, actor)
        for token in doc:
            if self.claimed[token.i] is not None:
                continue
            lower = token.lower_
            if (lower in _PRONOUNS and token.pos_ == "PRON") or lower in {
                "its",
                "their",
                "her",
                "his",
            }:
                if lower == "it" and self._expletive(token):
                    continue
                actor_id = self._resolve_pronoun(token, last_pronoun)
                if actor_id is not None:
                    cls = "pl" if _PRONOUNS[lower] == "pl" else "sg"
                    last_pronoun[cls] = (self.sent_index[token.i], actor_id)
                    self.add(
                        self.actors[actor_id],
                        token.i,
                        token.i + 1,
                        "pronoun",
                        plural=_PRONOUNS[lower] == "pl",
                    )
                continue
            if token.pos_ == "NOUN" and lower in _TITLES | _ROLE_TITLES:
                start = self._title_anaphor_start(token)
                person = self._titled_person(token) if start is not None else None
                if start is not None and person is not None:
                    self.add(self.actors[person], start, token.i + 1, "nominal")
                    continue
            if token.pos_ != "NOUN" or lower not in group_nouns | org_nouns:
                continue
            start = self._anaphor_start(token)
            if start is None:
                continue
            plural = token.tag_ == "NNS"
            if lower in org_nouns and lower not in group_nouns:
                wanted = {ActorKind.ORGANIZATION, ActorKind.MEDIA, ActorKind.INTERNATIONAL_ORG}
            elif lower in {"organization", "organisation"}:
                wanted = {ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION, ActorKind.POLITICAL_PARTY}
            else:
                wanted = {ActorKind.ARMED_GROUP}
            antecedent = self._recent(token, lambda a, w=wanted: a.kind in w)
            if antecedent is not None:
                self.add(self.actors[antecedent], start, token.i + 1, "nominal", plural=plural)
            elif (kind := lex.noun_kind(lower)) is not None:
                self.add(
                    self._actor_adhoc(lower, kind), start + 1, token.i + 1, "generic", plural=plural
                )

    def _anaphor_start(self, token: Token) -> int | None:
        """Start of a definite anaphoric phrase headed by ``token`` ("the (terrorist) group"),
        None when it names something else ("the group Hamas", "such groups", "the group of")."""
        doc = self.doc
        start = token.i - 1
        anaphors = self.lex.group_anaphors.get("armed_group", frozenset())
        while (
            start >= 0
            and doc[start].dep_ in {"amod", "compound"}
            and (
                f"{doc[start].lower_} {token.lower_}" in anaphors
                or doc[start].lower_
                in {
                    "terrorist",
                    "militant",
                    "jihadist",
                    "extremist",
                    "armed",
                    "rebel",
                    "radical",
                    "islamist",
                    "guerrilla",
                    "terror",
                }
            )
        ):
            start -= 1
        if start < 0 or doc[start].lower_ not in _DEFINITE:
            return None
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (
            nxt.lower_ == "of" or nxt.pos_ == "PROPN" or self.claimed[nxt.i] is not None
        ):
            return None
        return start

    def _title_anaphor_start(self, token: Token) -> int | None:
        """Start of a definite phrase headed by a title ("the (Colombian) senator"), None
        when the title introduces a name or another's office ("the senator Ana Ruiz", "the
        senator of the region"), the phrase is plural, or it is a possessor ("the president's
        home" tells whose home was attacked, and its owner is no person harmed)."""
        doc = self.doc
        if (
            token.tag_ != "NN"
            or token.dep_ == "poss"
            or any(c.dep_ == "case" for c in token.children)
        ):
            return None
        start = token.i - 1
        while start >= 0 and doc[start].dep_ in {"amod", "compound"} and doc[start].is_alpha:
            start -= 1
        if start < 0 or doc[start].lower_ not in {"the", "this", "that"}:
            return None
        if not all(self.claimed[i] is None for i in range(start, token.i + 1)):
            return None
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ == "PROPN"):
            return None
        return start

    def _titled_person(self, token: Token) -> str | None:
        """The one person named before ``token`` with its title ("Senator Ana Ruiz"): "the
        senator" takes that person up. None when no person or two persons have the title."""
        found = {
            mention.key
            for mention in self.mentions
            if mention.form == "title"
            and mention.end <= token.idx
            and self.actors[mention.key].kind == ActorKind.PERSON
            and token.lower_ in self.text[mention.start : mention.end].lower().split()
        }
        return next(iter(found)) if len(found) == 1 else None

    def _expletive(self, token: Token) -> bool:
        """ "it is not the first time", "It seems that", "It was IS-K that": no referent."""
        if token.dep_ == "expl":
            return True
        if token.dep_ == "nsubjpass" and any(
            c.dep_ in {"ccomp", "advcl"} for c in token.head.children
        ):
            return True  # "it is not known whether ...", "it is believed that ..."
        return token.dep_ in _SUBJECT_DEPS and token.head.lemma_ in _EXPLETIVE_HEADS

    def _compatible(self, actor_id: str, pronoun: str) -> bool:
        draft = self.actors[actor_id]
        number = _PRONOUNS[pronoun]
        if number == "masc":
            return draft.kind in _PERSONAL or draft.kind == ActorKind.PERSON
        if number == "fem":  # a person, or a group in translations ("sie" -> "she")
            return draft.kind != ActorKind.CIVILIANS
        if number == "sg":
            return draft.kind not in _PERSONAL and draft.kind != ActorKind.CIVILIANS
        return draft.kind not in _PERSONAL

    def _actor_of(self, token: Token, before: int) -> str | None:
        """The actor a noun phrase headed by ``token`` stands for: its own mention, or a
        group that leads it ("IS-K fighters") or owns it ("its leaders", "IS-K's fighters")."""
        mention = self.mention_at(token)
        if mention is not None and mention.start < before:
            return mention.key
        for child in token.children:
            if child.dep_ in {"compound", "poss", "nmod", "amod"} and child.i < token.i:
                mention = self.mention_at(child)
                if (
                    mention is not None
                    and mention.start < before
                    and (
                        child.dep_ == "poss"
                        or token.lower_ in _MEMBER_NOUNS
                        or self.lex.noun_kind(token.lower_) is not None
                    )
                ):
                    return mention.key
        return None

    def _actor_within(self, phrase: Token, before: int, pronoun: str) -> str | None:
        """The first compatible actor named inside a phrase ("hatred for ... the organization"
        when a heading runs into the sentence)."""
        for token in phrase.subtree:
            mention = self.mention_at(token)
            if (
                mention is not None
                and mention.start < before
                and mention.form != "pronoun"
                and self._compatible(mention.key, pronoun)
            ):
                return mention.key
        return None

    def _named_before(self, verb: Token, pronoun: Token) -> str | None:
        """The named actor right before a verb (adverbs and auxiliaries between)."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in {"ADV", "AUX", "PART"} and self.claimed[i] is None:
            i -= 1
        if i < 0 or i == pronoun.i:
            return None
        mention = self.mention_at(self.doc[i])
        return mention.key if mention is not None and mention.form != "pronoun" else None

    def _resolve_pronoun(
        self, token: Token, last_pronoun: dict[str, tuple[int, str]]
    ) -> str | None:
        lower = token.lower_
        sent_no = self.sent_index[token.i]
        # a. the subject of the governing clause ("the FSB reported that she...") or of
        #    the pronoun's own clause for a possessive ("IS-K ... expanding its range"); a
        #    fronted adjunct may look ahead ("After the loss of its bastion, IS seemed").
        node = token
        own_clause = True
        # an object pronoun is not the subject of its own verb, nor of a verb that shares
        # that subject: "the judge issued warrants and charged them" (not the judge)
        bound = token.dep_ in _OBJECT_DEPS and not lower.endswith(("self", "selves"))
        excluded: set[str] = set()
        for _ in range(8):
            clause = _clause_head(node)
            if clause is None:
                break
            for child in clause.children:
                if child.dep_ not in _SUBJECT_DEPS or child.i == token.i:
                    continue
                if bound:
                    excluded.add(self._actor_of(child, len(self.text)) or "")
                    continue
                if own_clause and token.dep_ in _SUBJECT_DEPS and token.head == clause:
                    continue
                if token in child.subtree:
                    continue
                cataphor = (
                    child.i > token.i
                    and token.i < clause.i
                    and self.claimed[child.i] is not None
                    and self.mentions[self.claimed[child.i]].form != "pronoun"
                )
                if child.i > token.i and not cataphor:
                    continue
                limit = token.idx + (len(self.text) if cataphor else 0)
                actor_id = self._actor_of(child, limit) or self._actor_within(child, limit, lower)
                if actor_id is not None and self._compatible(actor_id, lower):
                    return actor_id
            if clause.dep_ in {"acl", "relcl"}:
                # A participle or relative clause speaks of the noun it modifies
                # ("the branch of al-Qaeda known for its brutality": the branch).
                modified = clause.head
                if modified.dep_ == "pobj" and modified.head.lower_ == "of":
                    # "the branch of Y known for ...": the parser's low attachment to Y is
                    # less often right than the phrase head ("branch").
                    actor_id = self._actor_of(modified.head.head, token.idx)
                    if actor_id is not None and self._compatible(actor_id, lower):
                        return actor_id
                actor_id = self._actor_of(modified, token.idx)
                if actor_id is not None and self._compatible(actor_id, lower):
                    return actor_id
            elif not any(c.dep_ in _SUBJECT_DEPS for c in clause.children):
                # A mis-parsed subject ("IS" tagged as an auxiliary) still stands before its verb.
                actor_id = self._named_before(clause, token)
                if actor_id is not None and self._compatible(actor_id, lower):
                    return actor_id
            if clause.dep_ == "ROOT" or clause.head == clause:
                break
            node = clause.head if clause.dep_ in _CLAUSE_DEPS | {"prep", "pobj"} else clause
            own_clause = False
            bound = bound and clause.dep_ == "conj"
            if node == clause:
                break
        # a'. the subject of an earlier clause of the same sentence ("Not only did the group
        #     claim ..., it also distributed ..."), nearest first.
        if token.dep_ in _SUBJECT_DEPS:
            for cand in reversed(self._sents[sent_no][: token.i - self._sents[sent_no].start]):
                if cand.dep_ in _SUBJECT_DEPS and cand.head != token.head:
                    actor_id = self._actor_of(cand, token.idx)
                    if actor_id is not None and self._compatible(actor_id, lower):
                        return actor_id
        number = "pl" if _PRONOUNS[lower] == "pl" else "sg"
        # b. the referent of the previous pronoun of the same number (a chain).
        previous = last_pronoun.get(number)
        if (
            previous is not None
            and sent_no - previous[0] <= 1
            and self._compatible(previous[1], lower)
            and previous[1] not in excluded
        ):
            return previous[1]
        # c. the previous sentence: a plural core argument for "they", else its subject.
        if sent_no > 0:
            sentence = self._sents[sent_no - 1]
            if number == "pl":
                for cand in sentence:
                    if cand.tag_ in {"NNS", "NNPS"} and cand.dep_ in {"dobj", "nsubj", "nsubjpass"}:
                        actor_id = self._actor_of(cand, token.idx)
                        if actor_id is not None and self._compatible(actor_id, lower):
                            return actor_id
            for cand in sentence:
                if cand.dep_ in _SUBJECT_DEPS and cand.head.dep_ == "ROOT":
                    actor_id = self._actor_of(cand, token.idx)
                    if actor_id is not None and self._compatible(actor_id, lower):
                        return actor_id
        # d. the most recent compatible actor; for an object pronoun whose subject was
        #    left out, only one of its own sentence ("charged them": whom the sentence names)
        return self._recent(
            token,
            lambda a: a.id not in excluded and self._compatible(a.id, lower),
            0 if excluded - {""} else _WINDOW_SENTENCES,
        )

    def _recent(self, token: Token, accept, window: int = _WINDOW_SENTENCES) -> str | None:
        sent_no = self.sent_index[token.i]
        best: _Mention | None = None
        for mention in self.mentions:
            if mention.end > token.idx or sent_no - self.sent_index[mention.tok_start] > window:
                continue
            if accept(self.actors[mention.key]) and (best is None or mention.start > best.start):
                best = mention
        return best.key if best else None

    # ------------------------------------------------------------------ output

    def run(self) -> list[Actor]:
        self.match_kb()
        self.match_numbered_units()
        self.match_entities()
        self.match_introduced_names()
        self.match_names_in_context()
        self.match_surnames()
        self.match_descriptions()
        self.match_appositives()
        self.resolve()
        self._add_parents()
        parents: set[str] = set()
        frontier = [d for d in self.actors.values() if d.mentions]
        while frontier:
            parent = frontier.pop().parent
            if parent and parent not in parents and parent in self.actors:
                parents.add(parent)
                frontier.append(self.actors[parent])
        actors = [
            Actor(
                id=d.id,
                name=d.name,
                kind=d.kind,
                aliases=d.aliases,
                parent=d.parent,
                country=d.country,
                in_kb=d.in_kb,
                mentions=sorted(d.mentions),
            )
            for d in self.actors.values()
            if d.mentions or d.id in parents
        ]
        # Parents named only through the knowledge base have no mentions: they come last.
        return sorted(
            actors, key=lambda a: a.mentions[0] if a.mentions else (len(self.doc.text), 0)
        )

    def _add_parents(self) -> None:
        """A KB parent not mentioned in the text is still named, so the id resolves."""
        pending = [d for d in self.actors.values() if d.mentions]
        while pending:
            draft = pending.pop()
            parent = draft.parent
            if not parent or parent in self.actors:
                continue
            entry = self.kb.get(parent)
            if entry is None:
                draft.parent = None
            else:
                pending.append(self._actor_for_entry(entry))


def _opens_a_person_s_name(token: Token, nxt: Token | None) -> bool:
    """Whether the tagger reads a word as the first of a person's name of several words."""
    return (
        token.ent_iob_ == "B"
        and token.ent_type_ == "PERSON"
        and nxt is not None
        and nxt.ent_iob_ == "I"
        and nxt.ent_type_ == "PERSON"
    )


def _clause_head(token: Token) -> Token | None:
    """The verb (or root) of the clause that contains ``token``."""
    node = token
    for _ in range(30):
        if (
            node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"aux", "auxpass"}
        ) or node.dep_ == "ROOT":
            return node
        if node.head == node:
            return node
        node = node.head
    return None


def _of_phrase_end(head: Token) -> int:
    """End token of a noun with its 'of' phrase: 'mayor of Achi', 'leader of the Socialist
    International' (the phrase stops at a comma or a clause)."""
    end = head.i + 1
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            tokens = list(child.subtree)
            stop = next((t.i for t in tokens if t.text in {",", "(", "["}), None)
            end = stop if stop is not None else tokens[-1].i + 1
    return end


def _description_name(words: Span, lex: Lexicon) -> str:
    """A stable name for a description: nationality or NORP words, compounds, the noun."""
    head = words[-1]
    kept: list[str] = []
    for word in words[:-1]:
        if lex.demonym_country(word.text) is not None or word.ent_type_ == "NORP":
            kept.append(word.text)
        elif word.dep_ == "compound" or lex.noun_kind(f"{word.lower_} {head.lower_}"):
            kept.append(word.lower_ if word.pos_ != "PROPN" else word.text)
    kept.append(head.lower_ if head.pos_ != "PROPN" and head.ent_type_ != "NORP" else head.text)
    return " ".join(kept)


def _slug(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.lower(), flags=re.UNICODE).strip("-")
    return slug or "actor"


#: Tags the tagger gives a name's word that truecasing wrote in lower case.
_NAME_WORD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})
#: Words after which a name may begin: "and victor hugo Rodriguez", "as silvia Maria Azurdia".
_BEFORE_A_NAME = frozenset({"and", "or", "as", "of", "by", "to", "with"})


def _capitalised_words(name: str) -> str:
    """A name with each of its lower-case words capitalised: "Ana Maria flores" -> "Ana
    Maria Flores"."""
    return " ".join(
        word[:1].upper() + word[1:] if word.islower() else word for word in name.split(" ")
    )


def _opens_a_name(before: Token) -> bool:
    """Whether a name may begin right after ``before``: a stop, a comma, a bracket, a
    title ("Ms"), or a word that introduces a noun phrase ("and", "as")."""
    return (
        before.is_punct or before.lower_ in _BEFORE_A_NAME or before.lower_ in _INTRODUCING_TITLES
    )


def _is_name_word(token: Token) -> bool:
    """A proper noun written as a name: "Lopez", not "UP" or "up"."""
    text = token.text
    return (
        token.pos_ == "PROPN"
        and len(text) > 1
        and text[0].isupper()
        and text[1:].isalpha()
        and text[1:].islower()
    )


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _truecased(doc: Doc) -> bool:
    """Whether the Doc was built from an all-capitals text (truecased by annotate)."""
    flag = doc.user_data.get("truecased") if isinstance(doc.user_data, dict) else None
    if flag is not None:
        return bool(flag)
    from threatline.annotate import is_upper_case_text, truecase

    text = doc.text
    if is_upper_case_text(text):
        return True
    # truecase() is deterministic: a truecased text is a fixed point of it. A prefix cut at
    # a line end is enough to tell, and keeps this cheap on long articles.
    sample = text[:800]
    if len(text) > 800 and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    return truecase(sample.upper()) == sample


def find_actors(
    doc: Doc,
    kb: ActorKB,
    *,
    upper_source: bool | None = None,
    gazetteer: GazetteerBackend | None = None,
) -> list[Actor]:
    """Every actor the Doc mentions, each with all its mentions as character offsets.

    ``upper_source`` says whether the article was written in capitals (the Doc then holds
    a truecased copy); None detects it. ``gazetteer``: with it, a name the gazetteer lacks
    that a noun of a settlement frames as a town ("the village of Achara") is left to the
    geo stage, whatever the tagger made of it. Actors come sorted by their first mention.
    """
    if upper_source is None:
        upper_source = _truecased(doc)
    return _Finder(doc, kb, upper_source, gazetteer).run()


def actor_mentions_in(actors: list[Actor], start: int, end: int) -> list[tuple[Actor, int, int]]:
    """The mentions that lie inside [start, end), with their actors, sorted by offset."""
    found = [
        (actor, s, e) for actor in actors for s, e in actor.mentions if start <= s and e <= end
    ]
    return sorted(found, key=lambda item: (item[1], item[2]))


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor whose mention best covers [start, end): the largest overlap, then the
    tightest mention; None when no mention overlaps."""
    best: tuple[int, int] | None = None
    chosen: Actor | None = None
    for actor in actors:
        for s, e in actor.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            score = (overlap, -(e - s))
            if best is None or score > best:
                best, chosen = score, actor
    return chosen


_PREMODIFIER_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "advmod", "punct"}
)
_NAME_CUES = frozenset({"the", "of", "by", "against", "from", "and", "with"})
_VERB_LOOKALIKES = frozenset({"is", "am", "was"})
_FUNCTION_LOOKALIKES = frozenset(
    {"us", "it", "an", "as", "at", "on", "in", "or", "me", "we", "he", "so", "to"}
)
_COMMON_SHORT = frozenset(
    {
        "is",
        "us",
        "it",
        "an",
        "am",
        "as",
        "at",
        "on",
        "in",
        "or",
        "me",
        "we",
        "he",
        "so",
        "to",
        "far",
        "tip",
        "pip",
        "arena",
        "was",
        "ira",
        "isa",
        "mir",
        "fal",
        "eps",
        "rn",
        "ap",
        "br",
    }
)
_STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "response",
        "position",
        "claim",
        "decision",
        "view",
        "accusation",
        "assessment",
        "reaction",
        "policy",
        "demand",
        "offer",
    }
)
# Labels the tagger gives a person's name it took for something else ("Hugo Rodriguez
# Jaramillo" as a building): a person when its context says so.
_MISREAD_NAME_LABELS = frozenset(["ORG", "FAC", "EVENT"])
_MEDIA_NOUNS = frozenset(
    {"radio", "television", "tv", "newspaper", "daily", "broadcaster", "news", "agency", "network"}
)
# A person's name before one of these is the namesake of an army's unit ("the Bracamonte
# battalion"): the unit is a security force, not a person.
_MILITARY_UNIT_NOUNS = frozenset(
    {
        "battalion",
        "battalions",
        "brigade",
        "brigades",
        "regiment",
        "regiments",
        "platoon",
        "squadron",
        "detachment",
        "unit",
        "division",
        "corps",
    }
)
# The units an army numbers ("the 6th military detachment"); "unit" and "division" are
# also words of other bodies.
_NUMBERED_UNIT_NOUNS = frozenset(
    {"battalion", "brigade", "regiment", "platoon", "squadron", "detachment", "company"}
)
# Words between a unit's number and its noun: "3d infantry brigade".
_UNIT_QUALIFIERS = frozenset(
    {"military", "infantry", "artillery", "cavalry", "engineers", "engineer", "airborne"}
    | {"mechanized", "armored", "armoured", "army", "naval", "marine", "marines", "air"}
    | {"counterinsurgency", "antiterrorist", "commando", "parachute", "light", "mountain"}
    | {"jungle", "special", "rapid", "reaction", "police", "security"}
)
# An ordinal written in figures: "6th", "3d", "1st", "22nd".
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)$", re.IGNORECASE)
# Words of organisations' names: a name holding one is no person's.
_ORG_NAME_WORDS = frozenset(
    {"party", "front", "union", "movement", "army", "council", "committee", "institute"}
    | {"federation", "association", "company", "corporation", "bank", "group", "church"}
    | {"university", "ministry", "department", "office", "court", "police", "command"}
    | {"embassy", "hospital", "school", "club", "league", "organization", "cartel", "force"}
    | {"forces", "guard", "alliance", "coalition", "commission", "board", "center", "centre"}
    | {"foundation", "society", "industries", "airlines", "airport", "station", "house"}
)
# After a person's name: a relative clause on a person, or the person's age.
_PERSON_AFTER = re.compile(r"\s*,\s*(?:who\b|\d{1,2}\s*(?:[,;.]|years?\b))", re.IGNORECASE)
_MEMBER_NOUNS = frozenset(
    {
        "members",
        "leaders",
        "followers",
        "fighters",
        "commanders",
        "militants",
        "supporters",
        "cells",
        "units",
        "leadership",
        "membership",
        "ranks",
    }
)
