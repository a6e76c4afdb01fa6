"""The safety screen: what a message needs before (or instead of) an answer from the articles.

A crisis or an emergency happening now escalates: the fixed text is all the user gets. A request for
a personal dose or diagnosis is answered in general terms beside a fixed reminder. The screen reads
the raw message, so text that tries to instruct the assistant cannot switch it off.

An emergency needs a person it is happening to and no sign that the text is about the past or about
people in general: "what are the warning signs of a stroke?" informs, "my dad's face is drooping
right now" escalates. Suicidal thinking in the first person always escalates, however it is phrased.
"""

from __future__ import annotations

import re

from assistant.answer import SafetyNotice

CRISIS_TEXT = (
    "It sounds like you may be going through something very painful, and you deserve support "
    "right now. Please call or text 988 to reach the 988 Suicide & Crisis Lifeline (free, 24/7, "
    "or chat at 988lifeline.org). If you or someone else is in immediate danger, call 911 now."
)
EMERGENCY_TEXT = (
    "Call 911 (or your local emergency number) now: this may be a medical emergency, and it "
    "cannot wait for an answer from articles. Stay with the person and follow the dispatcher's "
    "instructions."
)
POISONING_TEXT = (
    EMERGENCY_TEXT
    + " For a poisoning or overdose you can also call Poison Control at 1-800-222-1222."
)
# Neither promises what follows: the articles may hold nothing on it, and "here is general
# information" above "I couldn't find this" reads as a contradiction.
# A dose request is also "can I take X for Y?" or "do I have to keep taking X?": the notice
# speaks to both, so it never answers a question nobody asked about a dose.
DOSING_TEXT = (
    "I can't tell you what dose to take or give, or whether a medicine is right for you or safe "
    "to stop: that depends on age, weight, other medicines and health conditions, so please ask "
    "your clinician or pharmacist."
)
DIAGNOSIS_TEXT = (
    "I can't tell you whether you have a condition: only a clinician who examines you can "
    "diagnose it."
)

_CONTRACTIONS = {
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not",
    "wont": "will not", "don't": "do not", "dont": "do not", "doesn't": "does not",
    "doesnt": "does not", "isn't": "is not", "isnt": "is not", "aren't": "are not",
    "wasn't": "was not", "didn't": "did not", "didnt": "did not", "hasn't": "has not",
    "haven't": "have not", "couldn't": "could not", "wouldn't": "would not",
    "shouldn't": "should not", "i'm": "i am", "im": "i am", "i've": "i have", "ive": "i have",
    "i'll": "i will", "i'd": "i would", "he's": "he is", "she's": "she is", "it's": "it is",
    "they're": "they are", "we're": "we are", "you're": "you are", "that's": "that is",
    "what's": "what is", "there's": "there is", "wanna": "want to", "gonna": "going to",
    "u": "you", "ur": "your", "r": "are", "rn": "right now", "pls": "please", "plz": "please",
    "kms": "kill myself",
}
# Misspellings frequent enough in typed distress to matter; "breath" as a verb is the classic.
SPELLING_FIXES = {
    "pian": "pain", "pains": "pain", "chset": "chest", "breath": "breathe", "breth": "breathe",
    "breate": "breathe", "brething": "breathing", "breathin": "breathing", "hart": "heart",
    "attck": "attack", "sucide": "suicide", "suicde": "suicide", "suiside": "suicide",
    "sucidal": "suicidal", "suicidial": "suicidal", "myslef": "myself", "mysef": "myself",
    "kil": "kill", "siezure": "seizure", "seizor": "seizure", "seisure": "seizure",
    "unconcious": "unconscious", "unconsious": "unconscious", "bleading": "bleeding",
    "bleedin": "bleeding", "overdoes": "overdose", "poisen": "poison", "posion": "poison",
    "alergic": "allergic", "swolen": "swollen", "sweling": "swelling", "tounge": "tongue",
    "throut": "throat", "pils": "pills", "ibuprofin": "ibuprofen", "anaphylatic": "anaphylactic",
    "slured": "slurred", "droopy": "drooping", "dieing": "dying", "wnat": "want",
}
_WORDS = re.compile(r"[a-z0-9']+|[.?!;,\n]+")


def normalize(message: str) -> str:
    """Lower case, plain apostrophes, contractions expanded, common misspellings fixed, and
    punctuation reduced to the marks that separate sentences and clauses."""
    text = message.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(\w)-(\w)", r"\1 \2", text)
    out: list[str] = []
    for raw in _WORDS.findall(text):
        token = raw.strip("'") or raw
        token = token if token[0].isalnum() else token[0]
        token = _CONTRACTIONS.get(token, token)
        out.append(SPELLING_FIXES.get(token, token))
    return " ".join(out)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


_PEOPLE = (
    r"(mom|mum|mother|dad|father|husband|wife|son|daughter|baby|child|kid|friend|partner|"
    r"grandma|grandpa|grandmother|grandfather|nan|brother|sister|boyfriend|girlfriend|roommate|"
    r"toddler|infant|uncle|aunt|neighbou?r|coworker|colleague|teen|teenager|boss|wife|fiance)"
)
# Someone the message is about, here and now (not "a person", "people", "you" in general).
_EXPERIENCER = _rx(
    rf"""\b(i|me|my|myself|we|us|our|he|she|him|her|his|hers)\b
    | \b(someone|somebody|this\ (man|woman|guy|person|kid|child)|
        (a|the)\ (man|woman|guy|lady|kid|child|boy|girl|person|baby|toddler))\ (is|has|here|just)\b
    | \b{_PEOPLE}\b|\bthe\ (cut|wound|gash|bleeding)\b|\bblood\ everywhere\b"""
)
_URGENT = _rx(
    r"""\b(right\ now|now|just\ now|currently|at\ the\ moment|suddenly|all\ of\ a\ sudden|
    out\ of\ nowhere|just\ started|(\d+|a\ few|few|ten|five|twenty)\ minutes?|
    an\ hour\ ago|tonight|hurry|emergency|urgent|911|what\ do\ i\ do|what\ should\ i\ do|
    what\ do\ we\ do|should\ (i|we)\ call|getting\ worse|is\ turning|is\ going)\b"""
)
_PAST_OR_CHRONIC = _rx(
    r"""\b(for\ (the\ )?(past\ |last\ )?(\d+|a|one|two|three|four|a\ few|few|several|many
        |a\ couple\ of)\ (days|weeks|months|years)
    |(days|weeks|months|years|a\ year|a\ month|a\ week)\ ago|last\ (week|month|year|summer|winter)
    |since\ (i\ was|childhood|birth|\d+)|every\ (day|night|morning|time)|whenever|sometimes
    |occasionally|often|usually|history\ of|used\ to|chronic|on\ and\ off|comes\ and\ goes
    |went|took\ (him|her|me|them)\ to|in\ the\ morning|for\ school|at\ night|after\ (eating
        |exercise|meals?)
    |when\ (i|he|she)\ (exercise|exercises|walk|walks|run|runs|climb|climbs|lie|lay|lies|eat|eats
        |cough|coughs
        |bend|bends|sleep|sleeps|breathe|breathes|swallow|swallows|move|moves|sneeze|sneezes|laugh
        |laughs|press|work|works))\b"""
)
_SEVERE = _rx(
    r"\b(severe|so\ bad|really\ bad|very\ bad|worst|unbearable|excruciating|intense|crushing)\b"
)
# What a clause says after one of these is about people in general, not someone here now.
_GENERAL_FRAME = _rx(
    r"""\b(signs?\ (of|that)|warning\ signs|symptoms?\ of|what\ causes|causes?\ of
        |can\ .{0,30}\ cause
    |how\ (is|are)\ .{0,40}\ (treated|diagnosed)|treatments?\ (for|of)|how\ to\ (treat|prevent
        |recogni[sz]e)
    |first\ aid|difference\ between|risk\ (of|factors)|what\ happens\ (if|when|to)
    |how\ (do|can)\ you\ tell|(if|when|whenever|in\ case)\ (a|an|you|your|someone|somebody|a\ person
        |people
        |a\ child|children|a\ baby|babies|kids|one|an\ adult|adults|a\ patient|patients|the\ person
        |a\ loved\ one|they))\b"""
)

# Suicidal thinking in the first person: escalates wherever it stands.
_CRISIS = _rx(
    r"""\b(kill(ing)?\ ((my|him|her|them|your)\ ?(self|selves)|me)|end(ing)?\ (my|his|her|their
        |it)\ (own\ )?life
    |tak(e|ing)\ (my|his|her|their)\ (own\ )?life
    |end(ing)?\ it\ all|(?<!not\ )(want|wants|wanted|wanting|ready)\ to\ die|wish\ i\ (was
        |were)\ dead|better\ off\ dead
    |better\ off\ without\ me|(do\ not|never)\ want\ to\ (live|be\ alive|be\ here|exist|wake\ up)
    |no\ (reason|point)\ (to|in|of)\ (live|living|going\ on|life|being\ alive)
    |(see|is)\ (the|any)\ point\ (of|in)\ (living|life|going\ on|being\ alive|anything)
    |nothing\ to\ live\ for
        |life\ is\ not\ worth
    |not\ worth\ living|can\ not\ go\ on|(harm|harming|cutting|burning)\ my\ ?self
    |(want\ to|going\ to|trying\ to|tried\ to|urges?\ to|thinking\ about|thinking\ of|thoughts\ of)
        \ (hurt|hurting|harm|harming|cut|cutting|burn|burning)\ my\ ?self
    |(hurt|hurting|cut|burn|burned|burnt)\ my\ ?self\ on\ purpose
    |unalive|suicide\ (note|plan|letter)|overdose\ on\ purpose
    |(take|taking|took|swallow|swallowed)\ all\ (of\ )?my\ (pills|meds|medication|medicine|tablets)
    |(lethal|fatal|deadly)\ (dose|amount)|how\ to\ (die|kill\ my\ ?self)
    |(easiest|painless|quickest|fastest|best|surest|simplest)\ way\ to\ (die|go|end\ it|kill)
    |how\ (many|much)\ .{0,40}\ (to\ die|would\ kill|will\ kill|to\ kill|to\ overdose
        |to\ not\ wake\ up)
    |go\ to\ sleep\ and\ (never|not)\ wake\ up|disappear\ forever)\b"""
)
# "Suicide" and its kin escalate when the sentence has someone it is about.
_SUICIDE_WORD = _rx(r"\b(suicide|suicidal|self\ harm|self\ harming|self\ injury|cutting)\b")
_NOT_ABOUT_NOW = _rx(
    r"""\b(suicide\ (rates?|prevention|awareness|statistics|risk)|risk\ of\ suicide|died\ (by|of
        |from)\ suicide
    |committed\ suicide|not\ suicidal|never\ been\ suicidal|lost\ \w+(\ \w+)?\ to\ suicide
        |cutting\ (back|down|out|board|edge|the)|paper\ cut)\b"""
)

_CHEST = _rx(
    r"""\bchest\ (pain|pressure|tightness|is\ tight|feels\ tight|hurts|is\ hurting|feels\ heavy
        |heaviness)
    |(pain|pressure|tightness|squeezing|crushing)\ (in|on)\ (my|his|her|the|their)\ chest
        |crushing\b"""
)
_RADIATING = _rx(
    r"""\b(((left|right)\ )?(arm|jaw|neck|shoulder|back)\ (pain|hurts|is\ hurting|aches|numb
        |is\ numb|tingling)
    |(pain|numbness|tingling|ache)\ (in|down|to|into|spreading\ to)\ (my|his|her|the|their)\ ((left
        |right)\ )?(arm|jaw|neck|shoulder|back)
    |sweating|sweaty|clammy|cold\ sweat|nauseous|nausea|short\ of\ breath|shortness\ of\ breath
    |out\ of\ breath|lightheaded|dizzy)\b"""
)
_STROKE = _rx(
    r"""\b((face|mouth|smile|eyelid)\ (is\ |started\ |has\ started\ |began\ |keeps\ )?(to\ )?
        (drooping|droop|sagging|sag|drooped|numb|lopsided)|drooping\ (face|mouth)
    |one\ side\ of\ (my|his|her|their|the)\ (face|body)|slurr(ed|ing)|speech\ is\ (slurred|garbled
        |weird|strange)
    |can\ not\ (speak|talk|get\ (my|his|her)\ words\ out|find\ (the\ )?words|lift\ (my|his|her
        |their)\ arm
        |move\ (my|his|her|their)\ (arm|leg|left|right))
    |arm\ (is\ |feels\ )?(weak|numb|limp|dead)|sudden\ (numbness|weakness|confusion|blindness
        |vision\ loss)
    |worst\ headache\ of\ (my|his|her|their)\ life)\b"""
)
_BREATHING = _rx(
    r"""\b((trouble|difficulty|problems?|struggling|struggle)\ (breathing|to\ breathe)
        |hard\ to\ breathe
    |short\ of\ breath|shortness\ of\ breath|wheezing|breathing\ (is\ )?(fast|rapid|labou?red
        |noisy))\b"""
)
_BLEEDING = _rx(
    r"""\b((bleeding|blood)\ (heavily|a\ lot|badly|profusely|everywhere)|heavy\ bleeding
        |lots\ of\ blood
    |coughing\ up\ (a\ lot\ of\ )?blood|deep\ (cut|wound|gash))\b"""
)
_PREGNANT = _rx(r"\b(pregnant|pregnancy)\b")
_INJURY = _rx(r"\b(cut|wound|gash|stabbed|knife|glass|accident|fell|crash|bitten|injury|injured)\b")
_SWELLING = _rx(
    r"\b(throat|tongue)\b.{0,20}\b(swelling|swelled|swollen|closing|closing\ up|tightening)\b"
)
_ALLERGEN = _rx(
    r"""\b(stings?|stung|bee|wasp|hornet|peanuts?|nuts|shellfish|shrimp|ate|eating
    |allergic\ reaction|reaction\ to|penicillin|antibiotic|epi\ ?pen)\b"""
)
_SUBSTANCE = (
    r"(bleach|detergent|laundry\ pods?|tide\ pods?|dishwasher\ (pods?|tablets?)"
    r"|button\ batter(y|ies)|batter(y|ies)|magnets?|drain\ cleaner|antifreeze|poison|rat\ poison"
    r"|pesticide|insecticide"
    r"|weed\ killer|lighter\ fluid|gasoline|petrol|kerosene|lamp\ oil"
    r"|cleaning\ (products?|fluid|spray)"
    r"|nail\ polish\ remover|windshield\ (washer\ )?fluid|lye|ammonia|chlorine|paint\ thinner"
    r"|hand\ sanitizer|essential\ oils?|(wild|poisonous)\ mushrooms?|poisonous)"
)
_POISONING = _rx(
    rf"""\b((took|taken|swallowed|ingested|overdosed\ on|chugged)\ (too\ many|too\ much
        |a\ (whole\ |full\ |entire\ )?(bottle|pack|box)\ of|a\ (whole|full)\ (bottle|pack|box)
        |the\ (whole|entire)\ (bottle|pack|box)
        |all\ (of\ )?(the|his|her|my|their)\ (pills|tablets|meds|medicine|medication))
    |(swallowed|drank|drunk|ate|eaten|ingested|got\ into|licked|chewed|bit
        |sprayed)\b.{{0,25}}\b{_SUBSTANCE}
    |overdosed|overdosing|is\ poisoned|been\ poisoned|poisoned\ (my|him|her)self)\b"""
)
# Each of these on its own, said of someone here, is an emergency.
_ACUTE = _rx(
    r"""\b(having\ (a|an)\ (heart\ attack|stroke(?!\ of)|seizure|severe\ allergic\ reaction
        |anaphylactic\ reaction)
    |clutching\ (my|his|her|their)\ chest
    |(can\ not|could\ not|can\ barely|unable\ to|struggling\ to|fighting\ to)\ (breathe|catch\ (my
        |his|her|their)\ breathe?|get\ air)(?!\ (properly|well|right|normally|through|out\ of|with))
    |(is\ not|not|stopped|has\ stopped|barely)\ breathing(?!\ (properly|well|right|normally|through
        |out\ of|with))
    |(vomiting|throwing\ up|puking)\ (up\ )?(a\ lot\ of\ )?blood|(is|am|are)\ choking|choking\ on
    |(lips|face|skin)\ (is\ |are\ )?(turning\ |gone\ |going\ )?(blue|purple|gr[ae]y)
        |gasping\ for\ (air|breathe?)
    |(bleeding|blood)\b.{0,30}\b(will\ not|is\ not|does\ not|can\ not|has\ not)\ (stop|stopping
        |stopped)
    |(will\ not|does\ not|can\ not|is\ not|has\ not)\ (stop|stopped|stopping)\ (the\ )?bleeding
    |(gushing|spurting|pouring)\ (out\ )?blood|blood\ is\ (gushing|spurting|pouring)
    |unconscious|unresponsive(?!\ to)|not\ responding(?!\ to)|will\ not\ wake\ up
        |can\ not\ wake\ (him|her|them|my)|no\ pulse
    |collapsed(?!\ (lung|vein|dis[ck]|arch))|passed\ out\ and\ (is\ not|will\ not|can\ not|has\ not)
    |(seizure|seizing|convulsing|convulsions?|fitting)\b.{0,30}\b(will\ not\ stop|is\ not\ stopping
        |has\ not\ stopped|keeps\ going|for\ (over\ |more\ than\ )?(\d+|five|ten|several
        |a\ few)\ minutes)
    |(is|am)\ (seizing|convulsing)|going\ into\ (anaphylactic|anaphylaxis)|anaphylactic\ shock
        |having\ anaphylaxis
    |(use|used|give|gave)\ (my|his|her|their|the)\ epi\ ?pen
    |(been|was|got|just\ got)\ (stabbed|shot)|gunshot|electrocuted|drowning(?!\ in)|drowned
    |hit\ (his|her|my|their)\ head\ and\ .{0,25}(vomiting|confused|unconscious|not\ making\ sense)
    |bone\ (is\ )?(sticking|poking)\ out)\b"""
)

_NOT_A_MEDICINE = (
    r"(?!\ (steps|calories|water|sleep|hours|days|weeks|breaks|time|exercise|protein|fibre|fiber))"
)
_DOSING = _rx(
    rf"""\b(how\ (much|many){_NOT_A_MEDICINE}\b.{{0,40}}\b(can|should|do|could|may|must)
        \ (i|we|he|she|you)\ (give|take|inject)\b
    |how\ (much|many){_NOT_A_MEDICINE}\b.{{0,40}}\bto\ (give|take)\ (my|him|her|them|me|a\ \d+)
    |how\ (much|many)\ (mg|milligrams?|ml|mls|tablets?|pills?|teaspoons?|puffs?|units?|capsules?
        |doses?)
        \b.{{0,40}}\b(for\ (me|my|him|her|a\ \d+)|(i|he|she|we)\ (take|give|have))
    |(dose|dosage|amount)\b.{{0,40}}\b(for\ (me|my|him|her|a\ \d+|an?\ \w+\ year)
        |should\ (i|we|he|she)|can\ (i|we|he|she)|to\ give)
    |(tell|give)\ me\ (the|a|what|which)\ (dose|dosage)
    |how\ often\ (can|should)\ (i|we)\ (give|take)
    |(can|should)\ i\ (take|give)\ (two|2|3|three|double|another|more|extra)
    |is\ \d+(\.\d+)?\ ?(mg|milligrams?|ml|mcg|units?|tablets?|pills?)\b.{{0,40}}\b(too\ much|safe
        |ok|okay|enough)
    |can\ (i|we)\ give\ (my|a)\ (\d+\ (year|month|week)\ old|{_PEOPLE}))"""
)
_DIAGNOSIS = _rx(
    r"""\b((do|could|might|may)\ i\ have
        \ (?!to\b|the\ right|a\ question|questions|some|more|any\ info|information|a\ (higher
        |greater|lower|high|increased)\ )
    |do\ you\ think\ (i|he|she|my\ \w+)\ (has|have|is|am|might|could)
        |is\ it\ possible\ (that\ )?i\ (have|am)
    |(does|could|might)\ (my\ \w+|he|she)\ have\ (?!to\b)|what\ (is|could\ be)\ wrong\ with\ (me|my
        |him|her)
    |what\ do\ i\ have|diagnose\ (me|my|him|her)|can\ you\ (tell\ me\ )?(diagnose
        |tell\ what\ i\ have)
    |(is|could)\ (this|my|the)\ (\w+\ )?(lump|mole|spot|rash|bump|growth|mark|sore|discharge|pain
        |cough)
        \ (be\ )?(cancer|cancerous|malignant|a\ tumou?r|serious|dangerous|an?\ std|an?\ sti|herpes)
    |(is|could)\ (it|this)\ (be\ )?(cancer|cancerous|malignant|a\ tumou?r|an?\ std|an?\ sti)\b
    |am\ i\ (pregnant|dying|diabetic)
    |(could|might|may)\ (it|this|that|these|they)\ be\ (?!(contagious|serious|dangerous|normal|ok
        |okay|fine|safe|the\ (reason|cause)|caused|because|due|from|related|linked
        |a\ side\ effect)\b)
    |is\ (this|that|it)\ a\ sign\ (of|that)\ (i|he|she|my)\b)\b"""
)

_DOSE_IN_TEXT = re.compile(
    r"""\b(\d+(\.\d+)?|one|two|three|four|five|six|eight|ten|half\ a|a\ half)\s?(-
        |to\s)?\s?(\d+(\.\d+)?\s?)?
    (mg|milligrams?|mcg|micrograms?|µg|g|grams?|ml|millilit(er|re)s?|cc|units?|iu|tablets?|pills?
    |capsules?|caplets?|teaspoons?|tsp|tablespoons?|tbsp|drops?|puffs?|sprays?|patch(es)?)\b
    (\s?/\s?kg)?""",
    re.IGNORECASE | re.VERBOSE,
)
_SENTENCE = re.compile(r"\s*[.?!;\n]\s*")


def screen(message: str) -> SafetyNotice | None:
    """The notice a message needs, most serious first: crisis, emergency, dosing, diagnosis."""
    text = normalize(message)
    sentences = [s for s in _SENTENCE.split(text) if s]
    if _CRISIS.search(text) or any(_speaks_of_suicide(s) for s in sentences):
        return SafetyNotice("crisis", CRISIS_TEXT)
    emergency = _emergency(sentences)
    if emergency is not None:
        return SafetyNotice("emergency", emergency)
    if _DOSING.search(text):
        return SafetyNotice("dosing", DOSING_TEXT)
    if _DIAGNOSIS.search(text):
        return SafetyNotice("diagnosis", DIAGNOSIS_TEXT)
    return None


def dose_mention(text: str) -> str | None:
    """The first amount of a medicine the text states ("200 mg", "two tablets", "5 ml/kg")."""
    found = _DOSE_IN_TEXT.search(text)
    return found.group(0) if found else None


def mentions_personal_dose(text: str) -> bool:
    """Does the text state an amount of a medicine? (The one dose pattern: the composer withholds
    such sentences after a dose request, and the golden evaluation checks answers with it.)"""
    return dose_mention(text) is not None


def asks_diagnosis(message: str) -> bool:
    """Does the message ask whether someone has a condition ("do I have diabetes?")?"""
    return bool(_DIAGNOSIS.search(normalize(message)))


def mentions_poisoning(message: str) -> bool:
    """Does the message say something was swallowed or taken in excess ("drank bleach",
    "took a whole bottle of")?"""
    return bool(_POISONING.search(normalize(message)))


def _speaks_of_suicide(sentence: str) -> bool:
    if not _SUICIDE_WORD.search(sentence):
        return False
    rest = _NOT_ABOUT_NOW.sub(" ", sentence)
    return bool(_SUICIDE_WORD.search(rest) and _EXPERIENCER.search(rest))


def _emergency(sentences: list[str]) -> str | None:
    """The escalation text if some sentence describes an emergency happening to someone now."""
    found: set[str] = set()
    urgent = False
    for sentence in sentences:
        for clause in (_said_of_now(c) for c in sentence.split(",")):
            if not clause or not _EXPERIENCER.search(clause):
                continue
            chronic = bool(_PAST_OR_CHRONIC.search(clause))
            hurry = bool(_URGENT.search(clause)) or (not chronic and bool(_SEVERE.search(clause)))
            if chronic and not hurry:
                continue
            urgent = urgent or hurry
            if _POISONING.search(clause):
                return POISONING_TEXT
            if _ACUTE.search(clause):
                found.add("acute")
            found |= {name for name, rx in _SIGNS.items() if rx.search(clause)}
            if len({m.group(0) for m in _STROKE.finditer(clause)}) >= 2:
                found.add("stroke2")
    if _is_emergency(found, urgent=urgent):
        return EMERGENCY_TEXT
    return None


_SIGNS = {
    "chest": _CHEST, "radiating": _RADIATING, "stroke": _STROKE, "breathing": _BREATHING,
    "bleeding": _BLEEDING, "injury": _INJURY, "pregnant": _PREGNANT, "swelling": _SWELLING,
    "allergen": _ALLERGEN,
}


def _is_emergency(found: set[str], *, urgent: bool) -> bool:
    combinations = (
        {"acute"}, {"chest", "radiating"}, {"stroke2"}, {"swelling", "allergen"},
        {"swelling", "breathing"}, {"breathing", "chest"}, {"bleeding", "injury"},
        {"bleeding", "pregnant"},
    )
    if any(c <= found for c in combinations):
        return True
    return urgent and bool(found & {"chest", "stroke", "breathing", "bleeding", "swelling"})


def _said_of_now(clause: str) -> str:
    """The clause up to where it turns to people in general ("what causes", "if someone")."""
    frame = _GENERAL_FRAME.search(clause)
    return clause[: frame.start()].strip() if frame else clause.strip()
