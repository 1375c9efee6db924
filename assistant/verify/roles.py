"""Who did what to whom: the agent and patient of each verb, passives turned active, so
"militias were struck by the U.S." and "the U.S. struck militias" give the same roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.text import is_year
from assistant.verify.entities import LINKS, TITLES, canonical, entity_of, normalise
from assistant.verify.shares import counted

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Prepositions that mark a role of their own ("bought it from X", "lost to Y").
_ROLE_PREPOSITIONS = frozenset({"from", "to", "against", "over", "with"})
# Words by which a phrase points back to something named before.
_ANAPHORS = frozenset(
    {"those", "these", "this", "that", "its", "their", "his", "her", "they", "them", "it"}
    | {"he", "she", "former", "latter"}
)
# How demonyms end ("American", "Iraqis", "Chinese", "Polish"); country names that are aliases
# end otherwise ("America", "U.S.", "Britain").
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "er", "ers", "ch")
# Pronouns that may stand for the person a sentence is about, and for a body (a company, a
# band, a government) named in the sentence or the one before.
_PERSONAL = frozenset({"he", "him", "she", "her"})
_BODIES = frozenset({"it", "they", "them"})
# Prepositions after which a gerund is done by the subject of the verb they hang on ("resigned
# after leaking"), and those after which it is done by the verb's object ("arrested Smith for
# stealing", "accused him of lying", "barred her from standing").
_SUBJECT_GERUNDS = frozenset(
    {"after", "before", "while", "by", "without", "since", "upon", "on", "through", "despite"}
)
_OBJECT_GERUNDS = frozenset({"of", "for", "from"})
# Entity types that name a time ("said Monday") or an amount ("used $3bn"), never an actor.
_WHEN = frozenset({"DATE", "TIME"})
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Nouns of coming, going and acting whose "of" names who acts ("the arrival of Royce").
_ACTS_OF = frozenset(
    ["arrival", "departure", "return", "entry", "intervention", "emergence", "signing"]
)
# Relative adverbs: "the house where she lived" does not act on the house.
_GAPLESS = frozenset({"where", "when", "why", "how", "whereby"})
# Verbs whose agent and patient may trade places without changing the claim.
_SYMMETRIC = frozenset(
    ["meet", "face", "play", "marry", "draw", "tie", "clash", "compete", "merge", "negotiate"]
)


def symmetric(verb: Token) -> bool:
    """Whether ``verb``'s agent and patient may trade places without changing the claim
    (``_SYMMETRIC``): "drew with Chelsea", but not "drew up proposals"."""
    return verb.lemma_.lower() in _SYMMETRIC and not any(c.dep_ == "prt" for c in verb.children)


@dataclass(frozen=True)
class Event:
    """A verb with its arguments by role: ``agent``, ``patient`` and prepositional roles such
    as ``from`` and ``to``, each a set of normalised words naming the argument."""

    verb: Token
    roles: tuple[tuple[str, frozenset[str]], ...]
    names: tuple[tuple[str, frozenset[str]], ...] = ()
    # Each role's whole phrase, prepositional phrases and determiners included ("the cost for
    # diesel", "those companies' EVs"): what else the argument may be said to be.
    extents: tuple[tuple[str, frozenset[str]], ...] = ()
    # The words of the arguments joined to each role's by "and" ("Model Caprice and actor
    # Jeremy Edwards left": Jeremy Edwards left too).
    conjoined: tuple[tuple[str, frozenset[str]], ...] = ()
    # The roles whose argument is described rather than named ("the Guelph immunologist").
    described: frozenset[str] = frozenset()
    # For each described role, the words of the name it most likely points back to: the last
    # named before it that names no other argument of the event ("Kevin Campbell ... stopping
    # Mark Morrison ... The Everton striker signed Morrison": Campbell).
    referents: tuple[tuple[str, frozenset[str]], ...] = ()
    # The roles whose argument is itself a name ("Mido, skipper for the night"), not a thing
    # a name qualifies ("its Baghdad embassy").
    proper: frozenset[str] = frozenset()
    # Each role's years, its prepositional phrases included and its clauses left out: "2005"
    # of "the Sound of 2005 poll, which seeks the most promising new act".
    years: tuple[tuple[str, frozenset[str]], ...] = ()

    def role(self, name: str) -> frozenset[str]:
        """The words of the argument in role ``name`` (empty when absent)."""
        return next((words for role, words in self.roles if role == name), frozenset())

    def named(self, name: str) -> frozenset[str]:
        """The proper names among the words of role ``name``."""
        return next((words for role, words in self.names if role == name), frozenset())

    def extent(self, name: str) -> frozenset[str]:
        """The lowercased words of the whole phrase in role ``name``."""
        return next((words for role, words in self.extents if role == name), frozenset())

    def referent(self, name: str) -> frozenset[str]:
        """The words of the name the described argument in role ``name`` points back to."""
        return next((words for role, words in self.referents if role == name), frozenset())

    def year(self, name: str) -> frozenset[str]:
        """The years of the argument in role ``name``."""
        return next((words for role, words in self.years if role == name), frozenset())

    def joined(self, name: str) -> frozenset[str]:
        """The words of role ``name`` and of the arguments joined to it by "and"."""
        found = next((words for role, words in self.conjoined if role == name), frozenset())
        return self.role(name) | found


def _event(token: Token, heads: dict[str, Token], *, least: int) -> Event | None:
    """The event of ``token`` with the arguments ``heads`` by role, if at least ``least`` of
    them name something."""
    roles = {role: _words(head) | _whose(head) for role, head in heads.items()}
    roles = {role: words for role, words in roles.items() if words}
    if len(roles) < least:
        return None
    names = {role: _words(heads[role], proper=True) | _whose(heads[role]) for role in roles}
    extents = {role: _extent(heads[role]) for role in roles}
    conjoined = {role: frozenset().union(*map(_words, _joined(heads[role]))) for role in roles}
    described = frozenset(role for role in roles if _described(heads[role]))
    referents = {
        role: _referent(heads[role], frozenset().union(*(w for r, w in roles.items() if r != role)))
        for role in described
    }
    return Event(
        token,
        tuple(sorted(roles.items())),
        tuple(sorted(names.items())),
        tuple(sorted(extents.items())),
        tuple(sorted(conjoined.items())),
        described,
        tuple(sorted(referents.items())),
        frozenset(role for role in roles if heads[role].pos_ == "PROPN"),
        tuple(sorted((role, _years(heads[role])) for role in roles)),
    )


def _described(head: Token) -> bool:
    """Whether an argument is one someone or something described, not named: "the Guelph
    viral immunologist" may be the passage's Bridle, and "the Everton striker" its Kevin
    Campbell; the names in the description say where, not who."""
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and not any(c.dep_ == "appos" for c in head.children)
    )


# Entity types a description of an actor may point back to, and how far back it is looked for:
# 80 tokens, about the three sentences before it in news prose, where a story names whom its
# "the striker" or "the company" means.
_ACTORS = frozenset({"PERSON", "ORG"})
_REFERENT_REACH = 80
_QUALIFYING = frozenset({"compound", "amod", "poss", "nmod", "appos"})


def _referent(head: Token, others: frozenset[str]) -> frozenset[str]:
    """The words of the last person or organisation named before the description ``head``
    whose words name none of ``others`` (the event's other arguments)."""
    doc = head.doc
    index = head.left_edge.i - 1
    while index >= max(0, head.left_edge.i - _REFERENT_REACH):
        token = doc[index]
        if token.ent_type_ in _ACTORS:
            entity = entity_of(token)
            words = frozenset(canonical(t.text) for t in entity if t.pos_ == "PROPN")
            words |= {canonical(entity.text)}
            # A name that only qualifies another's ("R&B singer Mark Morrison") is that one.
            top = entity.root
            while top.dep_ in _QUALIFYING and top.head is not top:
                top = top.head
            phrase = frozenset(canonical(t.text) for t in _phrase_tokens(top))
            if not (words | phrase) & others:
                return words
            index = entity.start
        index -= 1
    return frozenset()


def _joined(head: Token) -> list[Token]:
    """The arguments joined to ``head`` by "and" alone: "Nadal, but not Jones," or "Nadal or
    Jones" say nothing of Jones that they say of Nadal."""
    joining = {t.lower_ for t in head.subtree if t.dep_ == "cc"}
    if not joining or not joining <= {"and", "&"}:
        return []
    return [c for c in head.conjuncts if not any(t.dep_ == "neg" for t in c.children)]


def _whose(head: Token) -> frozenset[str]:
    """The name a noun of arrival or action is of: "the arrival of Simon Royce displaced Day"
    says Royce displaced him."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _ACTS_OF:
        return frozenset()
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = object_of(of) if of is not None else None
    # "Royce's arrival", and "Royce, whose arrival displaced Day".
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ == "whose" and head.head.dep_ == "relcl":
        owner = head.head.head
    named = named or owner
    if named is None or named.pos_ != "PROPN":
        return frozenset()
    return _words(named, proper=True)


def _extent(head: Token) -> frozenset[str]:
    tokens = list(head.subtree) + _named_after(head)
    words = {t.lower_ for t in tokens} | {canonical(t.text) for t in tokens}
    return frozenset(w for w in words if w)


def _years(head: Token) -> frozenset[str]:
    """The years of an argument's phrase and its prepositional phrases. (Other figures are the
    number checks' to weigh, which say which figure the passage gives instead.)"""
    found = set()
    stack = [head]
    while stack:
        token = stack.pop()
        if is_year(token.text):
            found.add(token.text)
        stack.extend(c for c in token.children if c.dep_ not in _NOT_OF_THE_PHRASE)
    return frozenset(found)


# What hangs on a noun without naming it: its clauses, appositions and conjuncts.
_NOT_OF_THE_PHRASE = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl"})


def _named_after(head: Token) -> list[Token]:
    """The name right after a common noun's phrase that the parser hung on the verb instead
    ("told technology site ZDNet": "ZDNet" an adverbial noun of "told"): the noun's name."""
    end = head.right_edge.i + 1
    if head.pos_ != "NOUN" or end >= len(head.doc):
        return []
    name = head.doc[end]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.pos_ != "PROPN" or name.dep_ not in {"npadvmod", "appos"} or name.head != head.head:
        return []
    return list(name.subtree)


def events(tokens: Sequence[Token] | Doc | Span) -> list[Event]:
    """The events of the verbs among ``tokens`` that have at least two arguments, and of the
    nouns of action with one."""
    found = []
    for verb in tokens:
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "aux":
            continue
        heads: dict[str, Token] = {}
        for child in _arguments(verb):
            if child.dep_ in {"nsubj", "csubj"}:
                heads["agent"] = child
            elif child.dep_ in {"dobj", "nsubjpass"}:
                heads["patient"] = child
            elif child.dep_ == "dative" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
                # "paid Shell $2bn" gives to Shell; "fined the company £1m", read with no
                # object (the amount taken for an adverb), fines the company.
                has_object = any(c.dep_ == "dobj" for c in verb.children)
                heads["to" if has_object else "patient"] = child
            elif _by_agent(child, verb) and (pobj := object_of(child)) is not None:
                heads["agent"] = pobj
            elif (
                child.dep_ in {"prep", "dative"}
                and child.lower_ in _ROLE_PREPOSITIONS
                and (pobj := object_of(child)) is not None
            ):
                heads[child.lower_] = pobj
        # "Federer beat Gaudio 5-7 6-1 6-4": a score makes the parser read the name as an
        # adverbial noun; it is still the one beaten.
        if "patient" not in heads:
            named = [
                c
                for c in verb.children
                if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in _WHEN
            ]
            if named:
                heads["patient"] = named[0]
        # "as low-cost carriers continue to lower prices": the parser may read a conjunction
        # as a preposition and its clause's subject as the preposition's object, leaving the
        # verb without one.
        if "agent" not in heads and verb.tag_ in {"VBP", "VBZ", "VBD"}:
            misread = _misread_subject(verb)
            if misread is not None:
                heads["agent"] = misread
        # "carriers continue to lower prices", "hired detectives to follow Khan": an infinitive
        # acts through the object of the verb it completes, or else through its subject.
        if "agent" not in heads and verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:
            controller = _object(verb.head) or _asked(verb)
            if controller is None or controller.ent_type_ in _AMOUNTS or controller.like_num:
                # "used $3bn to buy Beats": an amount spent does not buy; its spender does.
                controller = _subject(verb.head)
            if controller is not None:
                heads["agent"] = controller
        # "Dalton resigned after leaking details", "accused Conte of giving": a gerund after a
        # preposition acts through an argument of the verb the preposition hangs on.
        if (
            "agent" not in heads
            and verb.dep_ == "pcomp"
            and verb.tag_ == "VBG"
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_ in {"VERB", "AUX"}
        ):
            controller = _gerund_agent(verb.head.lower_, verb.head.head)
            if controller is not None:
                heads["agent"] = controller
        # "sanctions imposed by Russia": a participle's noun is what the verb acts on.
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and "patient" not in heads:
            heads["patient"] = verb.head
        # "received a tip and passed it on": a second verb shares the first one's subject.
        if verb.dep_ == "conj" and verb.tag_ == verb.head.tag_ and "agent" not in heads:
            subject = [c for c in verb.head.children if c.dep_ in {"nsubj", "csubj"}]
            if subject:
                heads["agent"] = subject[0]
        # "the changes the Senate made": a relative clause without an object acts on its noun.
        if (
            verb.dep_ == "relcl"
            and "patient" not in heads
            and "agent" in heads
            and heads["agent"].tag_ not in {"WP", "WDT"}  # "who had been struggling": no gap
            and verb.head.pos_ in {"NOUN", "PROPN"}
            and not any(c.lower_ in _GAPLESS for c in verb.children)
            and not any(c.dep_ == "prep" and not list(c.children) for c in verb.children)
        ):
            heads["patient"] = verb.head
        # "Srichaphan, who had replaced Ljubicic": a relative pronoun stands for its noun.
        for role, head in heads.items():
            if verb.dep_ == "relcl" and head.tag_ in {"WP", "WDT"}:
                heads[role] = verb.head
        event = _event(verb, heads, least=2)
        if event is not None:
            found.append(event)
        found.extend(_nominal_events(verb, heads))
    found.extend(_noun_events(tokens))
    return found


# Conjunctions that open a clause, which the parser now and then reads as prepositions.
_CLAUSE_OPENERS = frozenset({"as", "because", "while", "since", "after", "before", "until"})


def _misread_subject(verb: Token) -> Token | None:
    """The subject of a finite ``verb`` that the parser hung on a clause-opening word read as
    a preposition ("as carriers continue": "carriers" the object of "as"), when the noun's
    phrase ends right before the verb and the verb has no subject of its own."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    if verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    while noun.dep_ in {"compound", "amod", "punct"} and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj":
        return None
    opener = noun.head
    if opener.lower_ not in _CLAUSE_OPENERS or noun.right_edge.i != verb.i - 1:
        return None
    return noun


def _gerund_agent(preposition: str, verb: Token) -> Token | None:
    """Who does what a gerund after ``preposition`` says, the preposition hanging on ``verb``:
    its subject after "after" or "by" ("Dalton resigned after leaking it"), when it has no
    object; its object (or its subject in the passive) after "of", "for" or "from" ("accused
    Conte of giving", "was sent off for bringing down Cudicini", "discouraged firms from
    selling")."""
    # With an object beside it, either may do it ("accused him of retaining records by
    # sharing them"): neither is taken.
    if preposition in _SUBJECT_GERUNDS:
        return _subject(verb) if _object(verb) is None else None
    if preposition in _OBJECT_GERUNDS:
        return _object(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


# Prepositions whose object does what an infinitive after them says: "called on Hain to make a
# statement", "pressed for the board to resign".
_ASKING = frozenset({"on", "upon", "for"})


def _asked(infinitive: Token) -> Token | None:
    """Whom a verb asks to do what its ``infinitive`` says, named after a preposition between
    them ("called on Peter Hain, the Commons leader, to make a statement")."""
    for child in infinitive.head.children:
        if child.dep_ == "prep" and child.lower_ in _ASKING and child.i < infinitive.i:
            named = object_of(child)
            # "offered on Wednesday to freeze debts" asks nothing of Wednesday.
            if (
                named is not None
                and named.pos_ in {"PROPN", "NOUN"}
                and named.ent_type_ not in _WHEN
            ):
                return named
    return None


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """Who does what ``verb`` says, through relative pronouns ("who was leaving": the noun),
    infinitives and verbs joined by "and" (their head's subject)."""
    found = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj", "nsubjpass"}), None)
    if found is not None:
        return verb.head if verb.dep_ == "relcl" and found.tag_ in {"WP", "WDT"} else found
    if depth < 3 and verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, depth + 1)
    return _misread_subject(verb) if verb.tag_ in {"VBP", "VBZ", "VBD"} else None


def _noun_events(tokens: Sequence[Token] | Doc | Span) -> list[Event]:
    """The roles a noun of action gives by itself: "sanctions on Russia" (Russia the patient),
    "sanctions imposed by Russia" and "attacks by the groups" (the agent)."""
    found = []
    for noun in tokens:
        if noun.pos_ != "NOUN":
            continue
        heads: dict[str, Token] = {}
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"on", "against", "by"}:
                if (pobj := object_of(child)) is not None:
                    heads["agent" if child.lower_ == "by" else "patient"] = pobj
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                for by in child.children:
                    if by.dep_ == "agent" and (pobj := object_of(by)) is not None:
                        heads["agent"] = pobj
        event = _event(noun, heads, least=1)
        if event is not None:
            found.append(event)
    return found


def _by_agent(child: Token, verb: Token) -> bool:
    """Whether ``child`` names who did a passive ``verb``: its "by", or one hung on a noun
    before it (``_arguments``)."""
    return child.dep_ == "agent" or (child.lower_ == "by" and child.head.i != verb.i)


def _arguments(verb: Token) -> list[Token]:
    """The verb's dependents, with the prepositions its particles and adverbs carry: in "heads
    back to the House" the parser hangs "to the House" on "back"."""
    found = list(verb.children)
    for child in verb.children:
        if child.dep_ in {"advmod", "prt"}:
            found.extend(c for c in child.children if c.dep_ == "prep")
    # "was replaced as Provost by Isaacs": the parser may hang a passive's "by" on the noun
    # of the phrase before it; it still says who did it.
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        found.extend(
            by
            for child in verb.children
            if child.dep_ == "prep"
            for noun in child.children
            if noun.dep_ == "pobj"
            for by in noun.children
            if by.dep_ == "prep" and by.lower_ == "by"
        )
    return found


def _nominal_events(verb: Token, heads: dict[str, Token]) -> list[Event]:
    """ "The U.S. carried out strikes against militias": the strikes are an event whose agent
    is the verb's subject and whose patient follows "against" or "on"."""
    agent = heads.get("agent")
    noun = heads.get("patient")
    if agent is None or noun is None or noun.pos_ != "NOUN":
        return []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"against", "on"}:
            pobj = object_of(child)
            event = _event(noun, {"agent": agent, "patient": pobj}, least=2) if pobj else None
            if event is not None:
                return [event]
    return []


def object_of(preposition: Token) -> Token | None:
    """The noun a preposition governs ("by *Russia*"), the last when there are several."""
    return next((t for t in reversed(list(preposition.children)) if t.dep_ == "pobj"), None)


def _words(token: Token, *, proper: bool = False) -> frozenset[str]:
    """The content words naming an argument, by alias: its noun phrase, appositions included,
    without its prepositional phrases and clauses ("members of the Air Force" is "members")."""
    if token.pos_ == "PRON":
        named = _antecedent(token)
        if named is None:
            return frozenset()
        token = named
    wanted = {"PROPN"} if proper else {"NOUN", "PROPN"}
    phrase = sorted(_phrase_tokens(token), key=lambda t: t.i)
    words = {
        canonical(t.text)
        for t in phrase
        if (t.pos_ in wanted or (t == token and not proper and _misread_noun(t)))
        and not (proper and t == token and _demonym(t))
    }
    group = counted(token)
    if group is not None:
        words |= _words(group, proper=proper)
    # "the United States" is also named as a whole, as "USA" and "U.S." are.
    words |= {canonical(" ".join(t.text for t in run)) for run in _name_runs(phrase)}
    # A letter ("m" of "$54.9m") names nothing that two arguments could share.
    return frozenset(w for w in words if len(w) > 1)


def _misread_noun(token: Token) -> bool:
    """Whether the parser took a noun heading an argument for a verb's base form ("Debate
    about who should run inquiries sparked ...": "Debate" a subject tagged VB)."""
    return token.pos_ == "VERB" and token.tag_ == "VB" and token.dep_ in {"nsubj", "dobj"}


def _name_runs(phrase: list[Token]) -> list[list[Token]]:
    """The runs of two or more proper nouns side by side in ``phrase`` (ordered)."""
    runs: list[list[Token]] = []
    for t in phrase:
        if t.pos_ == "PROPN" and runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        elif t.pos_ == "PROPN":
            runs.append([t])
    return [run for run in runs if len(run) > 1]


def _demonym(token: Token) -> bool:
    """ "The 34-year-old American": a demonym heading its phrase names a person, whom the
    country's name does not contradict."""
    word = token.text.lower()
    return canonical(token.text) != normalise(token.text) and word.endswith(_DEMONYM_ENDINGS)


def _antecedent(pronoun: Token) -> Token | None:
    """The name a pronoun stands for: its sentence's main subject when that is a name (in
    "Agassi will play Schuettler, the man he beat", "he" is Agassi; in "BA warned that yields
    would fall as it cuts prices", "it" is BA), or, for "he" or "she", the person the subject
    belongs to ("Conti's worst moment came when they alerted him"). "It", "they" and "them"
    may also point to the previous sentence's subject ("The Pentagon said ... It said": the
    Pentagon). Other pronouns, and subjects that are not names, stay unresolved."""
    word = pronoun.lower_
    if word not in _PERSONAL | _BODIES:
        return None
    sentences = [pronoun.sent]
    if word in _BODIES and (previous := _previous_sentence(pronoun.sent)) is not None:
        sentences.append(previous)
    for at, sentence in enumerate(sentences):
        subject = (_clause_subject(pronoun) if at == 0 else None) or _main_subject(sentence)
        if subject is not None and subject != pronoun:
            # "Mr Straw denied it amounted to a crisis": "it" is not Mr Straw, and "they"
            # after "Jackson outlined her method" are not Jackson.
            if word in _BODIES and _person(subject):
                return None
            # "The Tories wanted a clause that would have forced ministers to revisit it":
            # "it" is not the Tories.
            if word == "it" and subject.tag_ == "NNPS":
                return None
            # "Conti's worst moment came when a member of the orchestra alerted him": him is
            # the person whose moment the sentence is about.
            if subject.pos_ != "PROPN" and word in _PERSONAL:
                return next((c for c in subject.children if c.dep_ == "poss" and _person(c)), None)
            return subject if subject.pos_ == "PROPN" else None
    return None


def _person(token: Token) -> bool:
    """Whether ``token`` names a person: tagged so, or given a title ("Mr Straw")."""
    return token.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.lower_.rstrip(".") in TITLES - {"the"} for c in token.children
    )


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause joined by "and" or "but" that ``pronoun`` stands in, when
    it has one of its own: in "Kenteris' lawyer called for ..., and Ioannidis submitted
    evidence which he claims proves ...", "he" is Ioannidis, not the lawyer."""
    for verb in pronoun.ancestors:
        # "..., but a half-break sparked them": no verb's own argument stands for its subject.
        if verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and verb != pronoun.head:
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _main_subject(sentence: Span) -> Token | None:
    return next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent


def _phrase_tokens(token: Token) -> list[Token]:
    found = [token]
    # "the PMF, or Hashed al-Shaabi": a name joined by "or" is another name for the same.
    aliased = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children)
    for child in token.children:
        if child.dep_ not in {"prep", "relcl", "acl", "punct", "cc", "conj"} or (
            aliased and child.dep_ == "conj"
        ):
            found.extend(_phrase_tokens(child))
    return found


def conflicting(claim: Event, evidence: Event) -> str | None:
    """The role in which the claim names someone else than the evidence does, while agreeing
    on another role: "Roddick beat Srichaphan" against "Roddick beat Ljubicic"."""
    shared = [name for name, _ in claim.roles if evidence.role(name)]
    agreeing = [
        name
        for name in shared
        if claim.role(name) & evidence.joined(name)
        and not _other_years(claim.year(name), evidence.year(name))
    ]
    if not agreeing:
        return None
    for name in shared:
        # "50 Cent topped the Sound of 2005 poll" against "50 Cent topped Sound of 2003".
        if claim.role(name) & evidence.joined(name) and _other_years(
            claim.year(name), evidence.year(name)
        ):
            return name
        names, their_names = claim.named(name), evidence.named(name)
        # "Mido, skipper for the night, echoed" against "Robbie Keane, skipper for the night,
        # echoed": a description in common does not make another name the same one.
        if claim.role(name) & evidence.joined(name) and not _other_name(claim, evidence, name):
            continue
        # A claim may describe whom the passage names ("the Guelph viral immunologist" for
        # Bridle); a passage that describes someone may mean another than the claim names.
        if name in claim.described:
            names = frozenset()
        # A passage that describes someone ("the Everton striker signed Morrison") may mean
        # whom the claim names (Kevin Campbell): the names in a description say where.
        if name in evidence.described and claim.named(name) & evidence.referent(name):
            continue
        if names and their_names and not names & their_names and not _initials(names, their_names):
            return name
        # "Defense lawyers would recommend 17 years" where the passage's sentence has the
        # prosecutors recommend them and speaks of defense lawyers as well: not another name
        # for the prosecutors, unless the passage's phrase holds the claim's words ("the cost
        # for diesel" for "diesel") or points back to something ("those companies' EVs").
        # A name against a bare "the bank" may be the bank named before, not another argument
        # ("the bill's author" says more, and is someone else than Democrats).
        words, extent = claim.role(name), evidence.extent(name)
        described = (
            bool(names)
            and not their_names
            and "the" in extent
            and len(evidence.role(name)) == 1
            and len(extent - {"the"}) <= 2  # the noun, lowercased and canonical
        )
        # A pronoun the passage resolves to a name ("as it cuts prices": BA) points back to
        # that name, not to whatever the claim puts in its place.
        if (
            words <= _sentence_words(evidence.verb)
            and not words & extent
            and not _initials(words, their_names)
            and not (extent & _ANAPHORS and not their_names)
            and not described
        ):
            return name
    return None


def _other_years(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether both arguments hold years and none in common: "the Sound of 2005 poll" is not
    the "Sound of 2003" that 50 Cent topped, whatever else they share."""
    return bool(mine and theirs) and not mine & theirs


def _other_name(claim: Event, evidence: Event, role: str) -> bool:
    """Whether the claim and the evidence each name the argument in ``role`` by a name and no
    name is common to both (nor one the other's initials)."""
    if role not in claim.proper or role not in evidence.proper:
        return False
    names, theirs = claim.named(role), evidence.named(role)
    joined = evidence.joined(role)
    return bool(names and theirs) and not names & joined and not _initials(names, theirs)


def _initials(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether one set of name words is the other's initials: "GM" and "General Motors"."""
    for short, long in ((first, second), (second, first)):
        words = [w for w in long if " " not in w]  # not the name read whole
        if len(short) == 1 and len(words) > 1:
            (acronym,) = short
            if sorted(acronym) == sorted(w[0] for w in words):
                return True
        # The name read whole keeps words an alias would change ("British" of the BBC).
        for name in long:
            parts = [w for w in name.split() if w not in LINKS]
            if len(parts) > 1 and "".join(w[0] for w in parts) in short:
                return True
    return False


def _sentence_words(token: Token) -> frozenset[str]:
    return frozenset(canonical(t.text) for t in token.sent if t.pos_ in {"NOUN", "PROPN"})


def swapped(claim: Event, evidence: Event) -> tuple[str, str] | None:
    """The two roles the claim swaps relative to the evidence, if it does: the argument the
    claim puts in one role is the one the evidence puts in another, and the reverse."""
    names = [name for name, _ in claim.roles]
    if symmetric(claim.verb):
        names = [name for name in names if name not in {"agent", "patient"}]
    for first in names:
        for second in names:
            if first >= second:
                continue
            # "Gorbachev and Hawking have included previous speakers": any of the arguments
            # joined by "and" may be the one the parser kept.
            a, b = claim.joined(first), claim.joined(second)
            x, y = evidence.joined(first), evidence.joined(second)
            if not (a and b and x and y):
                continue
            if a & y and b & x and not a & x and not b & y:
                return first, second
    return None


def moved(claim: Event, evidence: Sequence[Event]) -> tuple[str, str, str] | None:
    """A name the claim puts in one role of a verb that the evidence only ever puts in another
    role of that verb ("sanctions imposed by Russia" against "sanctions imposed on Russia"):
    the name, its role in the claim and its role in the evidence."""
    if symmetric(claim.verb):
        return None
    for role, _ in claim.roles:
        names = claim.named(role)
        if not names:
            continue
        elsewhere = None
        for event in evidence:
            if names & event.role(role):
                return None
            other = next((r for r, w in event.roles if r != role and names & w), None)
            elsewhere = elsewhere or other
        if elsewhere is not None:
            return ", ".join(sorted(names)), role, elsewhere
    return None
