"""Whether the one in trouble is an animal: "my cat is having a seizure, what do I do", "mi loro
no quiere comer y está con las plumas esponjadas".

The triage model reads such a message as an emergency (the cat: 0.98), because the team's
emergencies are told in the same words; 911 is no help to a cat. A message read as an emergency
that opens with a companion or farm animal ("my old dog ...", "el caballo ...") and names no
person (a pronoun of the writer or of anyone, someone close, anything else of the writer's, a
body part) and no attack (a bite, a sting, a kick, a fall from a horse) is about the animal: the
classifier labels it `none` and the reply is a line pointing to a vet (notices.py).

Written to be narrow: a person or an attack anywhere in the message keeps the emergency ("dog
bit my son's face", "thrown from a horse, confused", "got burned getting my cat out of the
fire, arm is charred", "my 3yo drank some of the dog's phenobarbital"), and foods, tests and body
parts named like animals are not animals ("choking on a hot dog", "the CAT scan shows a bleed",
"my calf is swollen"). It takes no emergency of the labelled files away
(tests/test_triage_animal_patient.py), nor any of two sets about animals written blind
(bench/QUALITY.md, twentieth session).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.triage.features import fold

# Companion and farm animals that fall ill themselves. Not animals that mostly harm people (snakes,
# spiders, bees), words that are mostly food ("fish", "chicken", "cerdo") or pests ("rat"), nor a
# body part ("calf": "my calf has been swollen since my flight" is a clot, not a cow).
_ANIMAL = re.compile(
    r"\b(?:dogs?|pupp(?:y|ies)|cats?|kittens?|kitty|horses?|pon(?:y|ies)|foals?|rabbits?|bunn(?:y|ies)"
    r"|hamsters?|gerbils?|guinea\s+pigs?|ferrets?|parrots?|parakeets?|budgies?|cockatiels?"
    r"|canar(?:y|ies)|goats?|sheep|cows?|tortoises?|turtles?|lizards?|geckos?|iguanas?"
    r"|perr[oa]s?|perrit[oa]s?|cachorr[oa]s?|gat[oa]s?|gatit[oa]s?|caballos?|yeguas?|conej[oa]s?"
    r"|cobayas?|cuyos?|hurones?|loros?|pericos?|periquitos?|canarios?|cabras?|ovejas?|vacas?"
    r"|tortugas?|iguanas?)\b"
)
# Foods, tests and sayings named after animals (matched first and blanked out).
_NOT_AN_ANIMAL = re.compile(
    r"\b(?:hot\s*dogs?|corn\s*dogs?|cat\s*scans?|charley\s+horse|cows?\s*milk|sick\s+as\s+a\s+dog"
    r"|dog\s+tired|perritos?\s+calientes?|leche\s+de\s+vaca)\b"
)
# A person in the message: the writer, someone close or anyone, or a body part (a person's, most
# of the time; an animal's leg keeps the emergency too, which is the safe side).
_PERSON = re.compile(
    r"\b(?:me|myself|i'?m|i\s+am|i\s+was|i\s+got|i'?ve|i'?d|mine|us|we|we'?re|someone|somebody"
    r"|anyone|everyone|he|she|him|her|they|them"
    r"|mom|mum|mother|dad|father|husband|wife|sons?|daughters?|bab(?:y|ies)|child|children|kids?"
    r"|toddlers?|infants?|boys?|girls?|man|men|woman|women|guy|lady|person|people|friends?|partner"
    r"|brother|sister|grandma|grandpa|grandmother|grandfather|roommate|neighbou?r|coworker"
    r"|colleague|boyfriend|girlfriend|bf|gf|teens?|teenagers?|uncle|aunt|cousin|niece|nephew"
    r"|patient|student|owner"
    r"|arms?|hands?|legs?|foot|feet|face|fingers?|thumbs?|eyes?|head|neck|chest|skin|lips?|mouth"
    r"|throat|back|knees?|ankles?|wrists?|calf|calves|stomach|belly"
    r"|yo|mi\s+(?:hij[oa]s?|bebes?|nin[oa]s?|madre|padre|mama|papa|esposo|esposa|marido|mujer"
    r"|amig[oa]s?|herman[oa]s?|abuel[oa]s?|novi[oa]|pareja|vecin[oa]|tio|tia|sobrin[oa])"
    r"|estoy|tengo|alguien|ella|ellos|nosotros|senora?|hombre|mujer|chic[oa]|persona"
    r"|brazos?|manos?|piernas?|pies?|cara|dedos?|ojos?|cabeza|cuello|pecho|piel|labios?|boca"
    r"|garganta|espalda|rodillas?|tobillos?|munecas?|estomago|barriga)\b"
)
# The animal did something to someone.
_ATTACK = re.compile(
    r"\b(?:bit|bite|bites|biting|bitten|attack\w*|maul\w*|sting|stung|scratch\w*|kick\w*|threw"
    r"|thrown|trampl\w*|fell\s+off|fell\s+from|charg\w*|gored|mordi\w*|mordedura|muerd\w*"
    r"|atac\w*|aranaz\w*|arano|pate\w*|tumbo|cai\w*\s+del?)\b"
)


# The message opens with the animal ("my old dog is ...", "el caballo tiene ...", "help!! our cat
# ate ..."): it is what the message is about. "soy alérgica a los gatos y no puedo respirar" and
# "fell while chasing the goat, bone sticking out" name an animal and are a person's emergency.
_OPENS_WITH_ANIMAL = re.compile(
    r"^\W*(?:(?:help|please|pls|urgent|omg|hi|hey|hello|ayuda|urgente|hola|socorro)\W+)*"
    r"(?:(?:my|our|the|a|an|mi|mis|nuestr[oa]s?|el|la|los|las|un|una|al)\s+)*(?:\w+\s+)?"
    + _ANIMAL.pattern
)
# "my shin", "my 3yo", "mi vecina": anything of the writer's but an animal ("my old dog") is a
# person or a person's body.
_MINE = re.compile(r"\b(?:my|our|mi|mis|nuestr[oa]s?)\s+")
_AN_ANIMAL_NEXT = re.compile(r"(?:\w+\s+)?" + _ANIMAL.pattern)


def animal_is_the_patient(message: str, earlier: Sequence[str] = ()) -> bool:
    """The message opens with an animal and, with the turns before it, names no person, nothing
    else of the writer's and no attack."""
    texts = [_NOT_AN_ANIMAL.sub(" ", fold(t)) for t in (*earlier, message)]
    return _OPENS_WITH_ANIMAL.search(texts[-1]) is not None and not any(
        _PERSON.search(t) or _ATTACK.search(t) or _someone_of_mine(t) for t in texts
    )


def _someone_of_mine(folded: str) -> bool:
    return any(_AN_ANIMAL_NEXT.match(folded, m.end()) is None for m in _MINE.finditer(folded))
