"""What a consumer question asks: cleaned text for the dense search, its topic, its kind, and the
content words for the lexical search.

Real questions arrive as a subject line plus a story: greetings, thanks, names and e-mail labels
around one or two actual questions. The search works best on the question sentences and the
sentences that name the condition, so the rest is dropped here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum


class QuestionType(StrEnum):
    information = "information"
    causes = "causes"
    symptoms = "symptoms"
    diagnosis = "diagnosis"
    treatment = "treatment"
    prevention = "prevention"
    outlook = "outlook"
    inheritance = "inheritance"
    genetic_changes = "genetic_changes"
    susceptibility = "susceptibility"
    frequency = "frequency"
    complications = "complications"
    research = "research"
    support = "support"
    considerations = "considerations"
    contagion = "contagion"
    side_effects = "side_effects"
    dosage = "dosage"
    interaction = "interaction"
    cost = "cost"
    other = "other"


@dataclass(frozen=True)
class QuestionAnalysis:
    text: str  # the cleaned question used for the dense search
    focus: str | None  # the medical topic ("shingles", "type 2 diabetes", "second opinion")
    qtype: QuestionType
    keywords: tuple[str, ...]  # content words for the lexical search


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


Q = QuestionType
# Most specific first: on a tie in position the earlier entry wins.
_TYPE_CUES: tuple[tuple[QuestionType, str], ...] = (
    (Q.side_effects, r"side[\s-]?effects?|adverse (effects?|reactions?)"),
    (Q.interaction, r"interact\w*|(take|mix|combine|taking|mixing)\b.{1,30}\b(with|and) "
     r"(alcohol|my|other|another|\w+ (pills?|medicines?|medications?))|together with"),
    (Q.dosage, r"\bdos(e|es|age|ing)\b|how (much|many) (mg|milligrams|tablets|pills)"),
    (Q.cost, r"\bcosts?\b|\bprices?\b|afford|insurance|medicare|medicaid|pay for|how much does"),
    (Q.contagion, r"contagious|infectious|\bspread\w*|catch(ing)? it|transmi\w+"),
    (Q.inheritance, r"inherit\w*|hereditary|passed (down|on)|pass (it )?(on|down)|runs? in (the "
     r"|my )?famil"
     r"|\bgenetic\b(?! (change|mutation|cause|test))"),
    (Q.genetic_changes, r"\bgenes?\b|mutation|genetic (changes?|mutations?|causes?)|chromosom\w+"),
    (Q.frequency, r"how (common|rare|prevalent)|how many (people|americans|children|cases)"
     r"|prevalence"
     r"|how often (does|do|is)"),
    (Q.outlook, r"outlook|prognosis|life expectancy|surviv\w+|how long (will|can|do|does)\b.{0,30}"
     r"\b(live|last|take to recover)|curable|fatal|deadly|die (from|of)|go away|recover(y)? time"
     r"|grow back|get better"),
    (Q.complications, r"complications?|damage|long[\s-]term effects?|lead to|side problems"),
    (Q.prevention, r"prevent\w*|avoid\w*|reduce (the |my |your )?risk|lower (the |my |your )?risk"
     r"|protect\w*|vaccin\w+"),
    (Q.causes, r"what causes?|cause[sd]? (of|by)|\bcauses?\b|why (do|does|did|am|is|are|would|can)"
     r"|reasons? (for|why)|how (do|did|does) (you|i|people|someone|one) (get|catch|develop)"
     r"|triggers?|risk factors?"),
    (Q.symptoms, r"symptoms?|\bsigns?\b|what does\b.{1,30}\bfeel like|how (do|can) (i|you) (know"
     r"|tell)"),
    (Q.diagnosis, r"diagnos(?!ed (with|as))\w*|test(s|ed|ing)? for|get tested|screening|detect\w*"),
    (Q.treatment, r"treat\w*|\bcure[sd]?\b|therap\w+|(medicine|medication|drug|pill)s? for|remed\w+"
     r"|get rid of|manag\w+|surgery|operation|relie\w+|heal\w*|deal with|what (can|should) (i|we"
     r"|be) do"
     r"|how to (stop|fix|help)|overcome|cop(e|ing)"),
    (Q.research, r"research|clinical trials?|\bstud(y|ies)\b|experimental|new (treatments?"
     r"|drugs?)"),
    (Q.support, r"support|organi[sz]ations?|associations?|specialists?|who (should|can|do) (i|we) "
     r"(see|consult|contact)|consult|refer\w*|where can (i|we) (get|find|go)|doctors? (who|that)"),
    (Q.susceptibility, r"at risk|who (gets|can get|is likely)|more likely|can (a|an|men|women"
     r"|children"
     r"|kids|people|someone|you|i)\b.{0,40}\b(get|develop|have)\b(?! (information|info|help|rid"
     r"|in touch|a copy|an appointment|more|some|any|children|kids|a baby|pregnant))"),
    (Q.considerations, r"pregnan\w+|breastfeed\w*|\bdiet\b|\beat\b|exercise|safe to|can (i|he|she) "
     r"(drink|eat|exercise|work|drive|travel|fly)"),
)
_TYPE_RX = tuple((qtype, re.compile(rf"\b({cue})", re.IGNORECASE)) for qtype, cue in _TYPE_CUES)

_GREETING = re.compile(
    r"^\s*(hi+|hello|hey|hiya|greetings|good (morning|afternoon|evening|day)|dear [\w. ]{0,30}?"
    r"|(dear )?(sir|madam|sir/madam|doctor|dr\.?)( or madam)?|to whom it may concern)\b[\s,.!:;-]*",
    re.IGNORECASE,
)
_CHATTER_SENTENCE = re.compile(
    r"^\s*((many |thanks? (you )?(so |very )?(much )?(in advance )?|thank you|thanks|thx|ty\b"
    r"|cheers|"
    r"regards|best|sincerely|god bless|kind regards|best wishes|appreciate\w*|"
    r"(i )?(would|will) (be|really be) (very )?(grateful|thankful)|hope (to hear|you can help|for)|"
    r"please (reply|respond|answer|get back|help)|looking forward|waiting for (your )?(reply"
    r"|answer)|"
    r"my name is|name\b|sent from my|call me|contact me|email me|e-mail me)\b)",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"\S+@\S+\.\w+|https?://\S+|www\.\S+|\+?\d[\d\s().-]{7,}\d|\bNAME\b|\b(LOCATION|DATE|PHONE"
    r"|EMAIL)\b"
)
_LABEL = re.compile(r"\b(SUBJECT|MESSAGE|QUESTION|Subject|Message|Re|Fwd?|FW|RE)\s*:\s*")
_FORM_PREFIX = re.compile(r"^\s*[\w.-]+\.(gov|org|com|net|edu)\s*-\s*", re.IGNORECASE)
_FORM_CATEGORY = re.compile(
    r"^\s*(question|compliment|complaint|general complaint|suggestion|inquiry|enquiry|request|"
    r"(general )?information|urgent|help|feedback)(\s*-\s*(question|general information"
    r"|other))?\s*[.:-]",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+|(?<=[a-z)])\s*(?=\d\)\s)")
_QUESTION_CUE = re.compile(
    r"\?|^\s*(what|why|how|when|where|which|who|whom|whose|is|are|can|could|does|do|did|will|would|"
    r"should|may|might|has|have)\b|\b(can you|could you|i would like to know|i want(ed)? to know|"
    r"wonder\w*|please (tell|let|suggest|advise|send|help|explain|introduce)|looking for|"
    r"need (some )?(info\w*|help|advice)|any (info\w*|advice|suggestions?|help|cure|treatment)|"
    r"know more|learn more|is there)\b",
    re.IGNORECASE,
)

_GLUED_SUBJECT = re.compile(
    r"^([A-Za-z0-9][\w' -]{1,60}?)[ ,]+(?=(I|i|My|Does|Do|Can|Could|What|How|Is|Are|Why|When|Where"
    r"|Which|Who|Please|Hi|Hello|Dear|A|An|The|We|Our|He|She|Her|His|Thank|Hey|Sir"
    r"|hi|hello|hey|dear|please|sir)\b)"
)
_FOCUS_BEFORE = (
    r"(?:causes?|symptoms?|signs?|treatments?|cures?|prognosis|outlook|diagnosis|risk factors?|"
    r"complications?|side effects?|medicines?|medications?|therapy|remedies|types?|prevention"
    r"|management|genetics|inheritance|research|cost|risks?|stages?|tests?|screening|vaccines?"
    r"|drugs?|surgery|options) (?:of|for)"
    r"|(?:what|which|can|could|does|do|might|may) (?:can )?causes? |how (?:is|are|was|were) "
    r"|how (?:common|rare|serious|dangerous|bad|contagious) (?:is|are) |how (?:much|many) "
    r"|(?:check|test|tested|screen|screened|screening) for"
    r"|(?:help|dealing|people|patients|children|adults|someone|person|kids|those|men|women) with"
    r"|(?:prescribed|used|given|recommended|available|approved) (?:for|to)|(?:stop |start "
    r"|about )?(?:using|taking)"
    r"|(?:what|who) (?:is|are|was) (?:a |an |the )?|what's (?:a |an |the )?"
    r"|(?:to|how|can|could|i|you|we|and|or) (?:treat|cure|prevent|diagnose|manage|get rid of)"
    r"|diagnosed with|suffer(?:s|ing|ed)? (?:from|with)|living with|affected by|struggling with"
    r"|(?:information|info|questions?|more|learn|know|read|literature|articles?|material)"
    r" (?:on|about|regarding)|about"
    r"|(?:i|you|he|she|we|they|who|and|that|also|which|son|daughter|husband|wife|mother|father"
    r"|mom|dad|child|baby"
    r"|friend)"
    r" (?:has|have|had|got|get|develop(?:ed)?) (?:a |an |the |been diagnosed with )?"
    r"|can (?:a |an )?[\w ]{0,20}? (?:get|develop|catch)|is (?=\w+(?: \w+)? (?:contagious"
    r"|hereditary|"
    r"inherited|curable|genetic|dangerous|serious|fatal))|how"
)
_FOCUS_CUE = re.compile(rf"\b({_FOCUS_BEFORE})(?:\s+|(?<=\s))", re.IGNORECASE)
_NOUN = re.compile(r"[A-Za-z0-9][\w'-]*")

STOPWORDS = _wordset(
    """a about above after again against all almost also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each either else ever every few for from further get gets got
    had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
    himself
    his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's like
    many may me might more most much must mustn't my myself no nor not now of off often on once only
    or other ought our ours ourselves out over own per quite rather really same she she'd she'll
    she's
    should shouldn't since so some still such than that that's the their theirs them themselves then
    there there's these they they'd they'll they're they've this those though through to too under
    until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's whether which while who who's whom whose why why's will with within without won't
    would wouldn't yet you you'd you'll you're you've your yours yourself yourselves one two also
    would've im ive dont cant doesnt isnt thats whats"""
)
CHATTER = _wordset(
    """please help know tell information info thank thanks thx hi hello hey dear sir madam regards
    question questions answer ask asking wondering wonder want wanted need needs like would could
    get got getting give send sent email mail reply kindly appreciate appreciated grateful hope
    anyone someone somebody something anything thing things way ways lot lots also just really
    name website site page read found find looking look able going go make sure maybe possible
    possibly actually currently recently please advise suggest suggestion suggestions let say
    said doctor doctors dr year years old month months week weeks day days time times since ago
    ok okay yes etc"""
)
# A focus made only of these words names no topic.
_NOT_A_TOPIC = STOPWORDS | CHATTER | _wordset(
    """it this that these those condition disease illness problem problems issue issues symptoms
    treatment treatments cause causes cure medicine medication medications few couple list same
    son daughter child children baby kids husband wife mother father mom dad friend family people
    person patient pain side signs sign symptom cause effects risks types stages tests risk factors
    project assignment study paper school homework essay
    student class siblings brothers sisters parents grandson granddaughter cousin members men women
    males females adults teens elderly known main early possible different best usual typical first
    prevention diagnosis prognosis outlook management latest new recent general more help urgent
    important details
    report reports"""
)
_TRAILING_CHATTER = CHATTER | _wordset(
    """problem problems issue issues question questions symptoms treatment treatments causes cure
    signs sign symptom cause effects risks types stages tests
    prevention diagnosis prognosis outlook management plz pls"""
)
_FOCUS_STOP = STOPWORDS | CHATTER | _wordset(
    """please thanks thank because since when while if and or but so as which who that how what
    why where for with from in on at by after before during about can could should would will is
    are was were has have had do does did i my me he she his her we our they their you your it
    this its seen required needed using used aimed plz pls treated diagnosed caused inherited
    passed spread transmitted prevented cured managed detected tested harmful effects effect affect
    affects affected related linked hereditary contagious genetic curable dangerous serious fatal
    common rare last twice once again ago today yesterday week weeks month months year years long
    often soon far bad much many"""
) - {"type"}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def analyze(message: str) -> QuestionAnalysis:
    """Clean a consumer message and read what it asks about."""
    sentences, subject = _sentences(message)
    focus = _focus(sentences, subject)
    kept = _keep(sentences, subject, focus)
    # A message made only of what cleaning removes (a bare number) is still searched as written.
    text = (
        " ".join(_terminated(s) for s in kept).strip() or clean(message) or " ".join(message.split())
    )
    asked = " ".join(s for s in kept if s == subject or _QUESTION_CUE.search(s))
    qtype = question_type(asked)
    if qtype is QuestionType.information:
        qtype = question_type(text)
    return QuestionAnalysis(text=text, focus=focus, qtype=qtype, keywords=keywords(text))


def _terminated(sentence: str) -> str:
    return sentence if sentence.endswith((".", "?", "!")) else sentence + "."


def question_type(text: str) -> QuestionType:
    """The kind of question from its cue phrases; the first cue in the text decides."""
    best: tuple[int, int, QuestionType] | None = None
    for order, (qtype, rx) in enumerate(_TYPE_RX):
        found = rx.search(text)
        if found and (best is None or (found.start(), order) < best[:2]):
            best = (found.start(), order, qtype)
    return best[2] if best else QuestionType.information


def keywords(text: str) -> tuple[str, ...]:
    """Lower-case content words, de-duplicated, in order."""
    seen: dict[str, None] = {}
    for found in _WORD.findall(text.lower()):
        word = found.removesuffix("'s")
        if len(word) > 1 and word not in STOPWORDS and word not in CHATTER:
            seen.setdefault(word, None)
    return tuple(seen)


def clean(message: str) -> str:
    """The message with markup, labels, contact details and run-on spacing repaired."""
    text = html.unescape(message).replace("’", "'").replace("\u00a0", " ")
    text = _FORM_PREFIX.sub("", text)
    text = _LABEL.sub("\n", text)
    text = _CONTACT.sub(" ", text)
    text = re.sub(r"([?!.])\1+", r"\1", text)
    text = re.sub(r"\.{2,}|…", ".", text)
    text = re.sub(r"(?<=[a-z])([.?!,;])(?=[A-Za-z])(?!(gov|org|com|net|edu)\b)", r"\1 ", text)
    text = re.sub(r"(?<=[a-z])(\d\))", r". \1", text)
    text = re.sub(r"(?<=[?.])(\d\))", r" \1", text)
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def _sentences(message: str) -> tuple[list[str], str | None]:
    """Meaningful sentences (chatter dropped) and the subject line, if one starts the message."""
    text = _FORM_CATEGORY.sub("", clean(message))
    text = _split_glued_subject(text)
    parts = [p.strip(" -,;:") for p in _SENTENCE_END.split(text) if p and p.strip(" -,;:")]
    sentences: list[str] = []
    for part in parts:
        sentence = _GREETING.sub("", re.sub(r"^\d\)\s*", "", part)).strip()
        if re.match(r"my name is\b", sentence, re.IGNORECASE) and len(sentence.split()) <= 6:
            continue
        sentence = _CHATTER_SENTENCE.sub("", sentence).lstrip(" ,.!-")
        if sentence and keywords(sentence):
            sentences.append(sentence)
    subject = None
    if sentences and _looks_like_subject(sentences[0]):
        subject = sentences[0].rstrip(".:")
        sentences[0] = subject
    return sentences, subject


def _split_glued_subject(text: str) -> str:
    """'Absence seizures Does any damage ...' -> 'Absence seizures. Does any damage ...'."""
    glued = _GLUED_SUBJECT.match(text)
    if glued and _looks_like_subject(glued.group(1)):
        return f"{glued.group(1)}. {text[glued.end():]}"
    return text


def _looks_like_subject(sentence: str) -> bool:
    words = sentence.split()
    return (
        0 < len(words) <= 6
        and not sentence.endswith("?")
        and not _QUESTION_CUE.search(sentence)
        and not re.match(r"(i|my|we|our|he|she|it|this|they)\b", sentence, re.IGNORECASE)
    )


def _focus(sentences: list[str], subject: str | None) -> str | None:
    questions = [s for s in sentences if _QUESTION_CUE.search(s)]
    if subject:
        from_subject = _focus_after_cue(subject) or _noun_phrase(subject)
        if from_subject:
            return from_subject
    for sentence in questions + [s for s in sentences if s not in questions]:
        found = _focus_after_cue(sentence)
        if found:
            return found
    return None


def _focus_after_cue(sentence: str) -> str | None:
    for cue in _FOCUS_CUE.finditer(sentence):
        phrase = _noun_phrase(sentence[cue.end() :])
        if phrase:
            return phrase
    return None


def _noun_phrase(text: str, limit: int = 5) -> str | None:
    """The leading noun phrase: words up to a function word or punctuation, at most `limit`."""
    words: list[str] = []
    for token in re.split(r"(\s+|[,.;:?!()\"/])", text.strip()):
        if not token or token.isspace():
            continue
        if not _NOUN.fullmatch(token) or (words and token.lower() in _FOCUS_STOP):
            break
        if not words and (token.lower() in _LEADING_SKIP or token.isdigit()):
            continue
        if not words and token.lower() in _FOCUS_STOP:
            break
        words.append(token)
        if len(words) == limit:
            break
    while words and words[-1].lower() in _TRAILING_CHATTER:
        words.pop()
    if not words or all(w.lower() in _NOT_A_TOPIC or w.isdigit() for w in words):
        return None
    return " ".join(_case(w) for w in words)


_LEADING_SKIP = _wordset(
    """a an the my his her your this that some any their our known common main early possible
    different best usual typical first most initial late warning other general specific
    new"""
)


def _case(word: str) -> str:
    return word if 1 < len(word) <= 5 and word.isupper() else word.lower()


def _keep(sentences: list[str], subject: str | None, focus: str | None) -> list[str]:
    """The subject, the question sentences and the sentences naming the focus, in order."""
    named = focus.lower() if focus else None
    kept = [
        s for s in sentences
        if s == subject or _QUESTION_CUE.search(s) or (named and named in s.lower())
    ]
    return kept or sentences
