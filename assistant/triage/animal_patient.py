"""Whether the one in trouble is an animal: "my cat is having a seizure, what do I do", "mi loro
no quiere comer y está con las plumas esponjadas".

The triage model reads such a message as an emergency (the cat: 0.98), because the team's
emergencies are told in the same words; 911 is no help to a cat. A message read as an emergency
that names a companion or farm animal, and neither a person (a pronoun of the writer, someone
close, a body part) nor an attack (a bite, a sting, a kick, a fall from a horse), is about the
animal: the classifier labels it `none` and the notice points to a vet (notices.py).

Written to be narrow: a person or an attack anywhere in the message keeps the emergency ("dog
bit my son's face", "thrown from a horse, confused", "got burned getting my cat out of the
fire, arm is charred"), and foods and tests named after animals ("choking on a hot dog", "the CAT
scan shows a bleed") are not animals. On every labelled file (team, extra, written apart,
held-out, blind) it takes no emergency away (tests/test_triage_animal_patient.py).
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
    r"|patient|student|owner|husband|wife"
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


def animal_is_the_patient(message: str, earlier: Sequence[str] = ()) -> bool:
    """The message (with the turns before it) names an animal, and no person or attack."""
    texts = [_NOT_AN_ANIMAL.sub(" ", fold(t)) for t in (*earlier, message)]
    return (
        _ANIMAL.search(texts[-1]) is not None
        and not any(_PERSON.search(t) or _ATTACK.search(t) for t in texts)
    )
