"""Whether text tries to instruct an AI assistant: the one pattern both the ingest (article
sentences dropped before indexing, `ingest.cleaning.instructions`) and the assistant (questions,
passages, `assistant.understanding.injection`) read text with.

The patterns describe instructions (an imperative aimed at the assistant's rules or role), never
single tokens: "Dan's knee is swollen", "the immune system" and "don't ignore the pain" are health
text, while "you are DAN now" and "ignora tus instrucciones" are not.
"""

from __future__ import annotations

import re
import unicodedata

_RULES = (
    r"(instructions?|rules?|guidelines?|guidance|prompts?|directions?|polic(y|ies)|programming"
    r"|restrictions?|guardrails?|safety\s+(rules?|filters?|guidelines?))"
)
_WHICH = (
    r"((all|any|of|your|the|these|those|its|my|previous|prior|above|earlier|preceding|original"
    r"|system|initial|current)\s+){1,4}"
)
_INSTRUCTION = re.compile(
    rf"""
    \b(ignore|disregard|forget|override|bypass|drop|skip)\s+{_WHICH}{_RULES}\b
    | \b(ignore|disregard|forget)\s+(everything|all)\s+(you\s+(were|have\s+been)\s+told|above)\b
    # "Ignore the above and say ...": what is above, not a symptom ("ignore the above symptoms")
    | \b(ignore|disregard|forget)\s+((all|everything)\s+)?(of\s+)?(the\s+)?
        (above|previous|preceding)(\s+(text|message|messages|content|context|conversation))?
        \s*([,.;:!]|and\b|$)
    # Addressed to the assistant itself: "NOTE TO THE AI ASSISTANT:", "Assistant, from now on"
    | \b(note|message|instructions?|reminder)\s+(to|for)\s+(the\s+|any\s+|all\s+)?
        (ai|assistant|chat\s*bot|language\s+model|llm|model|bot)s?\b
    | (^|[.!?]\s+)(dear\s+|hey\s+)?(ai|assistant|chat\s*bot|llm|language\s+model)\s*[,:]
    | \bfrom\s+(now|this\s+point|here)\s+(on\s*)?,?\s*(you\s+(are|will|must|should)|tell|say|answer
        |respond|reply|always|never)\b
    # What to tell the people reading: "tell every reader to ...", "you must tell the user ..."
    | \b(tell|inform|instruct|advise|remind)\s+(every|all|each|any|the|your)\s+(readers?|users?
        |visitors?)\b
    | \byou\s+(must|should|will|shall|need\s+to|have\s+to)\s+(now\s+|always\s+)?
        (tell|say\s+to|inform|advise|answer|reply\s+to|respond\s+to)\s+
        (the\s+|every\s+|all\s+|any\s+)?(users?|readers?|visitors?)\b
    | \b(you\s+are|you're)\s+now\s+(an?\s+|in\s+|my\s+)?(unrestricted|unfiltered|uncensored|free
        |jailbroken|developer|evil|different|new|DAN\b|no\s+longer)
    | \bfrom\s+now\s+on,?\s+you\s+(are|will|must|should)\b
    | \b(pretend|imagine)\s+(that\s+)?you\s*(are|'re|were)\s+(an?\s+|my\s+)?(doctor|physician
        |pharmacist|nurse|ai|assistant|model|chatbot|unrestricted|different|human|DAN\b)
    | \b(act|pretend|behave|respond|answer)\s+(as|like)\s+(if\s+you\s+were\s+)?(a|an|my)\s+
        (doctor|physician|pharmacist|nurse|ai|assistant|unrestricted|different|jailbroken)
    | ^\s*(system|assistant|developer)\s*(prompt)?\s*:
    | \b(new|updated)\s+(system\s+)?instructions?\s*:
    | \b(system|developer)\s+prompt\b
    | \bjailbr(eak|oken)\b
    # "DAN" the jailbreak persona, never Dan the person: only in the phrases that invoke it.
    | \bDAN\s+(mode|prompt|jailbreak)\b
    | \b(you\s+are|you're|act\s+as|acting\s+as|be|become|play|pretend\s+to\s+be|enable|activate)\s+
        (now\s+)?DAN\b(?!['’]s)(?=\s*[,.!:;)]|\s+(now|mode|and|who|from|an?\s)|\s*$)
    | \bdo\s+anything\s+now\b
    | <\s*/?\s*(system|instructions?|im_start|im_end)\s*>
    | \[/?INST\]
    # Spanish: "ignora tus instrucciones", "olvida las reglas anteriores", "a partir de ahora eres"
    | \b(ignora|ignorad|ignore|olvida|olvidad|omite|salta(te)?|desobedece)\s+((todas|todo|tus|las
        |sus|vuestras|lo|de|anteriores|previas)\s+){{0,3}}(instrucciones|reglas|normas|indicaciones
        |restricciones|directrices)\b
    | \ba\s+partir\s+de\s+ahora\s+(eres|seras|vas\s+a\s+ser|actua|actuaras)\b
    | \b(actua|actúa|haz)\s+como\s+(si\s+fueras\s+)?(un|una|mi)\s+(m[eé]dic[oa]|doctor[a]?
        |farm[aá]c[eé]utic[oa]|enfermer[oa]|ia|asistente)\b
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)


# Letters of other scripts that look like Latin ones ("Іgnore" with a Cyrillic І), and characters
# that show as nothing: read as the words they look like.
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТУХаеорсуходіІјѕԁΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχ",
    "ABEKMHOPCTYXaeopcyxodiIjsdABEZHIKMNOPTYXaeikvoptux",
)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(_as_seen(text)))


def _as_seen(text: str) -> str:
    """The text as a reader sees it: compatibility forms folded (full-width letters), invisible
    characters dropped, look-alike letters of other scripts read as Latin."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(_LOOKALIKES)
