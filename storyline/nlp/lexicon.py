"""Word lists used by quote attribution and speaker resolution (English)."""

from __future__ import annotations

# Lemmas of verbs that introduce speech or a stated position ("said", "told", "insisted").
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "insist", "deny", "confirm", "warn", "claim", "argue", "note", "explain",
        "state", "declare", "announce", "acknowledge", "admit", "assert", "stress", "emphasise",
        "emphasize", "reply", "respond", "answer", "write", "tweet", "report", "suggest", "predict",
        "promise", "vow", "pledge", "urge", "call", "ask", "complain", "regret", "recall", "observe",
        "remark", "comment", "concede", "contend", "maintain", "reiterate", "repeat", "point",
        "accuse", "allege", "charge", "boast", "joke", "quip", "affirm", "assure", "estimate",
        "describe", "reveal", "disclose", "indicate", "signal", "agree", "hope", "believe", "think",
        "expect", "fear", "worry", "demand", "testify", "conclude", "mention", "counter", "caution",
        "proclaim", "brag", "lament", "scoff", "retort", "shout", "yell", "whisper", "wonder",
        "speak", "continue", "find", "show", "criticize", "criticise", "praise", "support", "endorse",
        "defend", "refuse", "decline", "want", "discuss", "cite", "thank", "mock", "question",
        "recommend", "condemn", "welcome", "seek", "threaten", "imply", "learn", "oppose", "reject",
        "dismiss", "propose", "blame", "see", "prefer", "vote", "refer", "talk", "express",
        "back", "slam", "list", "highlight", "tout",
        "know", "consider", "recognize", "recognise", "attack", "challenge", "denounce", "favor", "favour",
        "post", "offer", "echo", "embrace",
    }
)  # fmt: skip

# Cues of stance rather than speech; a quote is attributed to one only when no speech verb is near.
NON_SPEECH_CUES = frozenset(
    {
        "want", "see", "prefer", "vote", "refer", "talk", "express", "back", "list", "highlight", "tout",
        "find", "show", "continue", "support", "endorse", "refuse", "decline", "mention", "discuss", "cite",
        "thank", "mock", "question", "recommend", "condemn", "welcome", "seek", "threaten", "imply", "learn",
        "oppose", "reject", "dismiss", "propose", "blame", "demand", "criticize", "criticise", "praise",
        "defend", "slam", "hope", "believe", "think", "expect", "fear", "worry", "agree",
        "know", "consider", "recognize", "recognise", "attack", "challenge", "denounce", "favor", "favour",
        "post", "offer", "echo", "embrace", "focus", "push",
    }
)  # fmt: skip

# Verbs whose object or to-infinitive is the attributed content ("criticized the plan", "urged X to act").
OBJECT_CUE_VERBS = frozenset(
    {
        "criticize", "criticise", "praise", "support", "endorse", "defend", "oppose", "reject", "dismiss",
        "propose", "urge", "call", "accuse", "blame", "promise", "pledge", "vow", "refuse", "decline",
        "want", "demand", "mention", "discuss", "describe", "cite", "announce", "thank", "mock", "question",
        "recommend", "back", "condemn", "welcome", "deny", "plan", "seek", "ask", "warn", "threaten",
        "prefer", "vote", "refer", "talk", "express", "slam", "list", "highlight", "tout", "speak",
        "attack", "challenge", "denounce", "favor", "favour", "show", "report", "tweet", "post", "offer",
        "echo", "embrace", "reveal", "note", "explain", "acknowledge", "claim",
    }
)  # fmt: skip

# Cue verbs whose prepositional object is the content ("referred to the deal", "voted against the bill").
CUE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "focus": frozenset({"on"}),
    "push": frozenset({"for"}),
    "vote": frozenset({"for", "against"}),
    "speak": frozenset({"about", "of"}),
    "talk": frozenset({"about", "of"}),
    "accuse": frozenset({"of"}),
}

# Object verbs whose object may be a lone name ("endorsed Lindqvist"); for others a lone name is the
# one addressed ("urging NATO to ...") or too little to list.
NAME_OBJECT_VERBS = frozenset(
    {
        "endorse", "support", "back", "oppose", "praise", "criticize", "criticise", "attack", "defend",
        "blame", "slam", "condemn", "denounce", "favor", "favour", "challenge", "mock", "vote", "refer",
    }
)  # fmt: skip

# Nouns of statement or stance whose clause ("the claim that ...", "a plan to ...") or prepositional
# object ("support for the bill") is attributed content, with the prepositions that take it.
NOUN_CUES: dict[str, frozenset[str]] = {
    "claim": frozenset(), "statement": frozenset(), "belief": frozenset(), "view": frozenset(),
    "argument": frozenset(), "suggestion": frozenset(), "assertion": frozenset(), "allegation": frozenset(),
    "accusation": frozenset({"of"}), "warning": frozenset(), "promise": frozenset(), "pledge": frozenset(),
    "vow": frozenset(), "decision": frozenset(), "plan": frozenset(), "proposal": frozenset({"for"}),
    "insistence": frozenset(), "hope": frozenset({"of"}), "fear": frozenset(), "concern": frozenset({"about", "over"}),
    "complaint": frozenset({"about"}), "demand": frozenset({"for"}), "call": frozenset({"for"}),
    "refusal": frozenset(), "request": frozenset({"for"}), "announcement": frozenset(), "admission": frozenset(),
    "prediction": frozenset(), "criticism": frozenset({"of"}), "attack": frozenset({"on", "against"}),
    "support": frozenset({"for", "of"}), "opposition": frozenset({"to"}), "endorsement": frozenset({"of"}),
    "praise": frozenset({"for"}), "question": frozenset({"about"}), "remark": frozenset({"about"}),
    "comment": frozenset({"about", "on"}), "position": frozenset({"on"}), "stance": frozenset({"on"}),
    "report": frozenset(), "assessment": frozenset({"of"}), "speculation": frozenset({"about"}),
    "rumor": frozenset(), "rumour": frozenset(), "suspicion": frozenset(), "estimate": frozenset(),
    # added from PolNeAR train counts as for CUE_FRAMES below (>= 30 % precision, >= 4 hits)
    "favor": frozenset({"of"}), "favour": frozenset({"of"}), "doubt": frozenset({"about"}),
    "mention": frozenset({"of"}), "reference": frozenset({"to"}), "desire": frozenset(),
    "defense": frozenset({"of"}), "defence": frozenset({"of"}), "talk": frozenset({"about"}),
    "campaign": frozenset({"against"}), "confidence": frozenset(), "opinion": frozenset({"of"}),
    "detail": frozenset({"about"}), "agreement": frozenset(),
}  # fmt: skip

# Verbs of impression whose whole clause is an attributed stance ("the plan seems to work").
APPEARANCE_VERBS = frozenset({"seem", "appear"})

# Verbs that, like "tell", take the addressee as direct object ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "assure", "inform", "warn", "urge", "ask", "remind", "brief"})

# Verbs that mark a stated position but are weak cues; only used with an explicit clause or quote.
# (hope, fear, worry and agree were here too; PolNeAR train counts "hopes the talks succeed" as well.)
WEAK_VERBS = frozenset({"call", "point"})

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "i", "we", "it"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

# Role nouns that name a person by office ("the Kremlin spokesman", "the French president").
ROLE_NOUNS = frozenset(
    {
        "president", "spokesman", "spokeswoman", "spokesperson", "minister", "chancellor", "premier",
        "prime", "secretary", "leader", "head", "chief", "master", "governor", "senator", "mayor",
        "ambassador", "envoy", "general", "commander", "director", "chairman", "chairwoman", "king",
        "queen", "prince", "pope", "adviser", "advisor", "aide", "official", "diplomat", "counterpart",
        "candidate", "nominee", "representative", "rep", "sen", "gov", "congressman", "congresswoman",
        "lawmaker", "foreign", "defence", "defense", "deputy", "vice", "press", "campaign", "manager",
        "chair", "ceo", "founder", "justice", "judge", "attorney", "prosecutor", "mr", "mrs", "ms", "dr",
    }
)  # fmt: skip

# Heads of a role noun phrase that all mean "the one in charge" when matching roles.
LEADER_NOUNS = frozenset({"president", "leader", "head", "master", "chief", "chancellor", "premier"})

# Groups that speak collectively ("French officials", "sources").
GROUP_NOUNS = frozenset(
    {
        "officials", "official", "sources", "source", "diplomats", "spokesman", "spokeswoman",
        "spokesperson", "ministry", "office", "government", "administration", "police", "military",
        "statement", "authorities", "analysts", "experts", "lawmakers", "leaders", "campaign",
        "aides", "residents", "witnesses", "palace", "presidency", "cabinet", "army", "agency",
        "researchers", "scientists", "observers", "critics", "activists", "investigators", "economists",
        "protesters", "negotiators", "emissaries", "allies", "supporters", "opponents", "spokespeople",
        "organizers", "organisers", "prosecutors", "doctors", "advisers", "advisors", "insiders",
    }
)  # fmt: skip

# Institutions known by their seat; the small model often tags these as PERSON or GPE.
SEAT_NAMES = frozenset(
    {
        "kremlin", "elysée", "elysee", "élysée", "white house", "downing street", "pentagon",
        "quai d'orsay", "bundestag", "palace", "the palace", "state department", "vatican",
        "chancellery", "knesset", "congress", "senate",
    }
)  # fmt: skip

# Words that, capitalised, are never a person's name (small-model misfires).
# Capitalised common nouns the small model tags as entities ("The Head of State spoke"): not names.
GENERIC_NAMES = frozenset(
    {
        "state", "states", "head of state", "heads of state", "government", "alliance", "administration",
        "ministry", "agency", "party", "court", "army", "police", "region", "country", "city",
    }
)  # fmt: skip

NOT_PERSON_WORDS = frozenset(
    {
        "kremlin", "elysée", "elysee", "élysée", "palace", "president", "minister", "chancellor",
        "nato", "eu", "un", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "god", "spokesman", "head", "state", "format", "agreement", "accords", "summit",
    }
)  # fmt: skip


# Cue frames learned from the PolNeAR train split (never dev or test): a lemma with the first
# complement it takes, in the order ccomp > xcomp > dobj > prep (the object of its first
# preposition; an adjective cue "critical of" is keyed "critical/ADJ"). Kept when, over all train
# occurrences of the lemma with that first complement outside quotation marks, at least 30 % are an
# annotated cue whose content overlap-matches the complement (with its further complements for
# objects) and at least 3 are: a kind of prediction whose precision is above half the F1 raises the
# F1 (unquoted F1 was about 0.6 when they were chosen), and of the cut-offs tried on train (30 % or
# 40 %, at least 3 or 4 hits; 25 %, at least 4) this one scored best there. Lemmas the rules already
# cover in that frame, and seem/appear (see ``appearances``), are left out. Measured with the
# scripts described in docs/bench/quotes.md; the data stays out of the repository. What they report
# is mostly a stance or an act ("blasted the plan", "issued an order"), so it is scored as an
# attribution but not listed as a quote.
CUE_FRAMES: dict[str, frozenset[str]] = {
    # ccomp
    **dict.fromkeys(
        ("assume", "aware/ADJ", "calculate", "clarify", "convince", "demonstrate", "determine", "doubt",
         "forget", "glad/ADJ", "go", "guess", "hopeful/ADJ", "imagine", "notice", "read", "realize",
         "speculate", "suspect", "understand"),
        frozenset({"ccomp"}),
    ),
    # dobj
    **dict.fromkeys(
        ("admit", "applaud", "approve", "articulate", "assail", "attribute", "bash", "bemoan", "blast",
         "broadcast", "brush", "care", "characterize", "chide", "circulate", "compare", "confirm",
         "congratulate", "contemplate", "contrast", "count", "credit", "declare", "decry", "deem",
         "deride", "detail", "devote", "disavow", "disclose", "display", "dispute", "document",
         "downplay", "emphasize", "experience", "explore", "expose", "fear", "float", "foresee",
         "frame", "hail", "hammer", "heap", "herald", "insult", "issue", "justify", "label", "lambast",
         "lament", "lay", "liken", "name", "negotiate", "nominate", "outline", "paint", "point",
         "portray", "position", "prohibit", "promote", "pronounce", "publish", "quote", "rank",
         "reaffirm", "rebuke", "rebut", "recite", "recount", "reference", "regard", "reiterate",
         "repeat", "resist", "restrict", "retweete", "rip", "savage", "see", "signal", "single",
         "state", "stress", "underscore", "unveil", "veto", "voice", "withdraw", "withhold", "witness",
         "write"),
        frozenset({"dobj"}),
    ),
    # prep
    **dict.fromkeys(
        ("acquiesce", "advocate", "apologize", "assure", "balk", "boast", "brag", "cheer", "comment",
         "complain", "conclude", "confident/ADJ", "critical/ADJ", "devoted/ADJ", "disagree", "double",
         "dwell", "enamored/ADJ", "feel", "focus", "interested/ADJ", "joke", "lash", "open", "open/ADJ",
         "pivot", "plead", "press", "rail", "remark", "side", "skeptical/ADJ", "spar", "supportive/ADJ",
         "think", "touch", "vouch", "weigh", "worried/ADJ"),
        frozenset({"prep"}),
    ),
    # xcomp
    **dict.fromkeys(
        ("advise", "aim", "decide", "eager/ADJ", "encourage", "know", "look", "tell"),
        frozenset({"xcomp"}),
    ),
    # ccomp + dobj
    **dict.fromkeys(
        ("remind",),
        frozenset({"ccomp", "dobj"}),
    ),
    # ccomp + prep
    **dict.fromkeys(
        ("concerned/ADJ", "hint", "rule"),
        frozenset({"ccomp", "prep"}),
    ),
    # dobj + prep
    **dict.fromkeys(
        ("believe", "remember"),
        frozenset({"dobj", "prep"}),
    ),
    # dobj + xcomp
    **dict.fromkeys(
        ("chant", "expect", "like", "love", "say", "suggest"),
        frozenset({"dobj", "xcomp"}),
    ),
    # prep + xcomp
    **dict.fromkeys(
        ("agree", "push"),
        frozenset({"prep", "xcomp"}),
    ),
    # ccomp + dobj + xcomp
    **dict.fromkeys(
        ("order",),
        frozenset({"ccomp", "dobj", "xcomp"}),
    ),
    # ccomp + prep + xcomp
    **dict.fromkeys(
        ("hop",),
        frozenset({"ccomp", "prep", "xcomp"}),
    ),
    # dobj + prep + xcomp
    **dict.fromkeys(
        ("argue",),
        frozenset({"dobj", "prep", "xcomp"}),
    ),
}  # fmt: skip
