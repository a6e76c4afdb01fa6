"""Everyday figures of speech about dying and killing, read as what they mean.

"My feet are killing me", "I nearly died laughing", "this heat will be the death of me", "me
muero de hambre": people use death words for hunger, boredom, embarrassment and sore feet far
more often than for danger, and a model that reads the words escalates them. Before the triage
model judges a message, each fixed figure of speech is replaced by a plain paraphrase ("killing
me" -> "bothering me"). The model itself is trained on the messages as written, idioms included,
so it also learns that such words are often harmless in phrasings this list lacks; in
cross-validation on the train split, reading the held-out messages literally left the figures as
they were (false escalation 0.067 vs 0.068); figures on fresh messages are in bench/QUALITY.md.

Only fixed idioms are rewritten, each with the context that makes it figurative (an object of
desire after "dying for", a harmless feeling before "I could die", a non-water noun after
"drowning in"); the words alone ("I feel like I'm dying", "bleeding to
death", "I want to disappear") are left for the model, because they can be literal.
"""

from __future__ import annotations

import re
from functools import lru_cache

_I = r"(?:i|i'?m|i am|i was|i'?ve been|i feel)"

# Feelings that people say they could die of without meaning it. Sadness, hopelessness,
# loneliness and being tired *of* something are deliberately absent: "so sad I could die" is not
# a joke to read past.
_HARMLESS_FEELINGS = (
    r"hungry|starving|thirsty|full|stuffed|embarrassed|mortified|ashamed|bored|happy|excited|"
    r"jealous|hot|cold|sleepy|nervous|cute|funny|proud|relieved|tired(?! of)"
)
# The subject of "... is going to kill me" when it is a thing ("this exam", "the commute", "my
# feet"): a determiner and a word that is not a person. A person doing it is left to the model.
_THING = (
    r"(?:this|that|these|those|the|my|our|today'?s|tomorrow'?s)\s+"
    r"(?!(?:man|woman|guy|husband|wife|boyfriend|girlfriend|partner|ex|dad|father|mom|mum|mother"
    r"|brother|sister|son|daughter|boss|neighbou?r|teacher|coach|friend|roommate|family|parents"
    r"|kid|kids|child|baby"
    # ... nor a means or an illness: "these pills are going to kill me" may be meant
    r"|pills?|tablets?|meds|medications?|medicines?|drugs?|dose|overdose|rope|gun|knife|blade"
    r"|razor|bridge|car|train|poison|alcohol|drinking|cancer|tumou?r|disease|illness|infection"
    r"|virus|bleeding|wound|heart|lungs?|liver|kidneys?|blood|pain|depression|thoughts?|voices"
    r")\b)\w+"
)
_WATER = r"water|the water|a pool|the pool|the lake|the sea|the ocean|the river|the bath|a bath"

_FIGURES: tuple[tuple[str, str], ...] = (
    # "died laughing", "dying of embarrassment", "nearly died of boredom"
    (r"\b(?:died|dying|die|dead)\s+(?:of|from|with)\s+"
     r"(laughter|laughing|embarrassment|shame|boredom|cringe|cuteness|curiosity|envy)\b",
     r"feel a lot of \1"),
    (r"\b(?:died|dying|die)\s+laughing\b", "laughed hard"),
    # "dying to try", "dying for a coffee"; not "dying for real"
    (r"\bdying\s+to\s+(?=\w)", "eager to "),
    (r"\bdying\s+for\s+(?=(?:a|an|some|the|my|one|another|it|that|this)\b)", "eager for "),
    (r"\bto die for\b", "excellent"),
    # "bored to death", "scared me half to death"; not "bleeding/choking to death"
    (r"\b(bored|scared|scare[sd]?|frightened|worried|tickled|sick|tired|stressed|freaked|"
     r"annoyed|loved?|laughed|love it|worry)\s+(me\s+)?(?:half\s+)?to\s+death\b",
     r"\1 \2very much"),
    (r"\bthe\s+death\s+of\s+me\b", "exhausting"),
    # "these stairs are murder on my knees", "over my dead body", "a matter of life and death"
    (r"\b(?:murder|death|hell|brutal)\s+on\s+(my|your|his|her|the)\s+", r"hard on \1 "),
    (r"\bover\s+my\s+dead\s+body\b", "never"),
    # "the traffic today was murder", "that hill is sheer murder": very hard
    (r"\b(was|is|were|are|s)\s+(?:absolute|pure|sheer|just|total|plain)?\s*murder\b(?!\s+(?:of|by)\b)",
     r"\1 very hard"),
    (r"\ba\s+matter\s+of\s+life\s+and\s+death\b", "very important"),
    # "killing it at work", "we absolutely killed it at trivia": doing very well
    (r"\b(?:absolutely\s+|totally\s+|really\s+)?killed\s+it\s+(?=(?:at|in|on|today|tonight|"
     r"lately|this|last|out there)\b)", "did great "),
    (r"\b(?:absolutely\s+|totally\s+|really\s+)?killing\s+it\s+(?=(?:at|in|on|today|tonight|"
     r"lately|this|last|out there)\b)", "doing great "),
    # "he shot me a text", "shoot me an email", "shot me a look": sent or gave
    (r"\b(?:shot|shoot|shoots)\s+me\s+(?=(?:a|an)\s+(?:text|message|email|e-mail|dm|look|"
     r"glance|smile|note|quick)\b)", "sent me "),
    (r"\bkill(?:ing)?\s+time\b", "passing time"),
    # "my feet are killing me", "the suspense is killing me"; a person doing it is left alone
    # "murdering" and "slaying" are said the same way ("my calves are murdering me").
    (r"\b(?!(?:he|she|they|someone|somebody|him|her)\b)(\w+)\s+(is|are|s|was|were|keeps?)\s+"
     r"(?:literally\s+|absolutely\s+|just\s+|totally\s+|really\s+)?"
     r"(?:killing|murdering|slaying|destroying)\s+me\b",
     r"\1 \2 bothering me"),
    (r"\b(?:i'?d|i would|i could)\s+(?:literally\s+)?kill\s+for\b", "I would love"),
    # "I could murder a pizza", "I'd kill a burger right now": wanting food, not harm
    (r"\b(?:i'?d|i would|i could)\s+(?:literally\s+|totally\s+|so\s+)?(?:kill|murder)\s+"
     r"(?=(?:a|an|some)\s)", "I would love "),
    # "this exam is going to kill me", "the heat will be the end of me": a thing, not a person
    (rf"\b({_THING})\s+(\w+\s+)?(?:is|are|'s|s|will|would|is\s+gonna|are\s+gonna|is\s+going\s+to"
     r"|are\s+going\s+to)\s+(?:literally\s+|actually\s+|totally\s+)?(?:kill|murder|be\s+the\s+end\s+of)"
     r"\s+me\b", r"\1 \2is going to exhaust me"),
    # "cut my prednisone from 40 to 10", "cut my dose in half": lowering a dose, read with its
    # numbers or a dose word, never "cut my arm"
    (r"\bcut(ting|s)?\s+((?:back\s+|down\s+)?(?:on\s+)?(?:my|his|her|their|our|the)\s+\w+"
     r"(?:\s+(?:dose|dosage))?\s+(?:from\s+\d|down\s+to\s+\d|to\s+\d))",
     r"lower\1 \2"),
    (r"\bcut(ting|s)?\s+((?:back\s+|down\s+)?(?:on\s+)?(?:my|his|her|their|our|the)\s+"
     r"(?:\w+\s+){0,2}(?:dose|doses|dosage|meds|medication|medications|medicine|pills|tablets"
     r"|insulin)\b)",
     r"lower\1 \2"),
    # "shot myself in the foot": spoiled one's own chances
    (r"\bshot\s+(myself|yourself|himself|herself|ourselves|themselves)\s+in\s+the\s+foot\b",
     r"made a mistake"),
    (r"\b(will|would|is going to|gonna|going to)\s+(?:kill|murder)\s+me\s+(if|when|for)\b",
     r"\1 be angry with me \2"),
    # "so hungry I could die"
    (rf"\b(?:so|too)\s+({_HARMLESS_FEELINGS})\s+(?:that\s+)?{_I}?\s*(?:could|would|might|"
     r"wanted to|want to|thought i would|thought id)\s+(?:just\s+)?(?:die|disappear|explode)\b",
     r"very \1"),
    (rf"\bdrowning\s+in\s+(?!{_WATER}\b)(\w+)", r"overwhelmed by \1"),
    (r"\bdead\s+(tired|serious|beat|bored|on my feet|set on)\b", r"very \1"),
    (r"\bdeath\s+warmed\s+(?:over|up)\b", "very unwell"),
    # "I don't want to be dead to the world on holiday", "slept like the dead": asleep
    (r"\bdead\s+to\s+the\s+world\b", "fast asleep"),
    (r"\b(sleep|sleeps|sleeping|slept)\s+like\s+the\s+dead\b", r"\1 deeply"),
    # Spanish, in the past or future: "me voy a morir de la vergüenza", "casi me muero de risa"
    (r"\b(?:me\s+(?:voy\s+a\s+morir|mor[ií]a?|quer[ií]a\s+morir)|casi\s+me\s+muero)\s+de\s+"
     r"(?:la\s+|el\s+)?(hambre|sed|sueño|sueno|risa|frio|frío|calor|vergüenza|verguenza|pena|"
     r"aburrimiento|envidia|curiosidad|cansancio|susto)\b", r"tuve mucho \1"),
    # Spanish: "me muero de hambre", "muerta de cansancio", "me matan los pies"
    (r"\bme\s+muero\s+de\s+(hambre|sed|sueño|sueno|risa|ganas|frio|frío|calor|vergüenza|"
     r"verguenza|aburrimiento|envidia|curiosidad|cansancio)\b", r"tengo mucho \1"),
    (r"\bmuert[oa]s?\s+de\s+(hambre|sed|sueño|sueno|risa|frio|frío|calor|vergüenza|verguenza|"
     r"aburrimiento|cansancio)\b", r"con mucho \1"),
    # "me mató de risa", "me matas de la risa": made me laugh (or jump) a lot
    (r"\bme\s+(?:mat[oó]|mataron|matas|mata|matan)\s+de\s+(?:la\s+)?(risa|ternura|susto|"
     r"aburrimiento|envidia|curiosidad)\b", r"me dio mucha \1"),
    # "mi jefe me va a matar si llego tarde": will be angry, as "will kill me if" above
    (r"\bme\s+(?:va|van|vas)\s+a\s+matar\s+(si|cuando|por)\b", r"se va a enojar conmigo \1"),
    (r"\bme\s+mata(?:n)?\s+(?=(?:el|la|los|las|este|esta|estos|estas|mis|mi)\b)", "me molesta "),
    # "este trabajo me está matando": a thing, not a person, doing it
    (r"\b((?:este|esta|estos|estas|el|la|los|las)\s+(?!(?:hombre|mujer|tipo|marido|esposo|novio"
     r"|padre|madre|hermano|hermana|vecino|vecina|jefe)\b)\w+)\s+me\s+est(?:á|a|án|an)\s+matando\b",
     r"\1 me está agotando"),
)

_COMPILED = tuple((re.compile(p, re.IGNORECASE), r) for p, r in _FIGURES)

@lru_cache(maxsize=4096)
def literal(text: str) -> str:
    """The message with its fixed death and killing idioms replaced by what they mean."""
    plain = text.replace("’", "'")
    for pattern, replacement in _COMPILED:
        plain = pattern.sub(replacement, plain)
    return plain if plain != text.replace("’", "'") else text
