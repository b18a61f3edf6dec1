"""A realistic synthetic corpus of communications, and the queries advocates type into it.

`corpus(n)` yields index documents exactly as `tracker.search.communication_docs` does
(same keys and value shapes), so a benchmark writes them with the app's own
`build_generation`. `queries()` gives 48 queries of nine kinds, taken from the corpus
itself so that each kind finds what it should (phrases are real adjacent words, rare words
are rare, typos find nothing).

How it is made realistic, and why:
- Words: a 10,000-word vocabulary drawn with a Zipf–Mandelbrot law. The real summaries'
  words (../shared/samples/ohchr, or the snapshot the tracker ships) take the ranks of
  their real frequency, so "the", "of", "rights", "human" lead as they do in the real
  data; the coding rules' English, Spanish and French words and made-up words fill the
  long tail, where the rare words a researcher looks for live.
- Sentences: half of a summary's words come as fragments of real sentences ("information
  received concerning the alleged arbitrary detention of"), so phrases recur the way the
  Special Procedures' formulas do; the rest are Zipf words between them.
- Spanish (12 %) and French (8 %) summaries from their own sentence banks; names with
  accents (Peña, Françoise, Ordóñez) one to three times a summary; about 100 words each.
- References `TYPE ISO n/yyyy` numbered per addressee and year; joint letters most
  common; one in seven to a company (OTH); states weighted unevenly (a few receive most
  letters); 2.3 mandates a letter on average (a joint letter has two or more); dates from
  2011 to 2026; about 60 % coded (women, defenders, attacks, perpetrators, risks).
- Letters and replies carry no text (most communications have none read yet); the
  fields exist, empty, as communication_docs gives them.

Deterministic: document i is the same whatever n (the corpus is generated in seeded
chunks), so queries taken from the first documents find hits at every size.
Fast: about 5 s of CPU per 20,000 documents; generate once per size and reuse the list.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples" / "ohchr"
SNAPSHOT = ROOT / "tracker" / "data" / "snapshot" / "ohchr"
DATA = ROOT / "tracker" / "data"

VOCABULARY_SIZE = 10_000
CHUNK = 1000  # documents per seeded chunk: document i does not depend on n

TYPES = (("JAL", 55), ("JUA", 28), ("AL", 7), ("UA", 6), ("JOL", 3), ("OL", 1))
LANGUAGES = (("en", 80), ("es", 12), ("fr", 8))
# The mandates' shares of letters, roughly as on the communications site.
MANDATES = (("human-rights-defenders", 35), ("freedom-of-expression", 22),
            ("arbitrary-detention", 18), ("assembly-and-association", 15), ("torture", 12),
            ("violence-against-women", 10), ("disappearances", 9), ("executions", 8),
            ("judges-and-lawyers", 8), ("terrorism", 8), ("business", 7), ("privacy", 5),
            ("indigenous-peoples", 5), ("environment", 4), ("minority-issues", 4),
            ("health", 3), ("climate-change", 2), ("people-of-african-descent", 2),
            ("toxics", 2), ("idps", 1))
COUNTRY_MANDATES = {"BLR": "belarus", "IRN": "iran", "RUS": "russian-federation",
                    "ISR": "palestine"}
# Those that receive the most letters, in order; every other State gets a Pareto weight.
HEAVY = ("MEX", "COL", "IRN", "CHN", "RUS", "IND", "HND", "PHL", "EGY", "BRA", "GTM",
         "TUR", "SAU", "BHR", "VNM", "BLR", "PAK", "NIC", "VEN", "BGD", "ISR", "USA", "GBR",
         "AZE", "KHM", "THA", "MMR", "UZB", "PER", "ARE")
COMPANIES = ("Google LLC", "Meta Platforms Inc.", "Microsoft Corporation", "Glencore plc",
             "Barrick Gold Corporation", "Eni S.p.A", "Tullow Oil", "Vale S.A.",
             "TotalEnergies SE", "Shell plc", "Chevron Corporation", "Aylo Holdings S.A.R.L.",
             "Asian Development Bank", "International Finance Corporation",
             "Rio Tinto", "Anglo American plc", "Siemens Energy AG", "Visa", "MasterCard",
             "NSO Group Technologies", "Hidroeléctrica Agua Zarca S.A.", "Cargill Inc.")
ATTACKS = (("threats", 30), ("judicial_harassment", 25), ("arbitrary_detention", 22),
           ("stigmatisation", 12), ("surveillance", 8), ("torture", 8), ("killing", 7),
           ("travel_ban", 5), ("enforced_disappearance", 5), ("raid", 4), ("sgbv", 4),
           ("reprisal_un", 2), ("restrictions_organisations", 6))
PERPETRATORS = (("police", 30, "state"), ("judiciary", 25, "state"),
                ("officials", 20, "state"), ("military", 10, "state"),
                ("company", 8, "non_state"), ("armed_group", 5, "non_state"),
                ("leaders", 2, "non_state"), ("family", 1, "non_state"),
                ("unknown", 6, "unknown"))
RISKS = (("journalism", 30), ("land_environment", 25), ("indigenous", 15), ("sogi", 8),
         ("srhr", 6))

# Sentence banks: the formulas of the Special Procedures' letters. The 32 real summaries
# are mostly about companies and protest laws; these give the commoner subjects
# (detention, threats, disappearances) their real weight, and Spanish and French.
EN = (
    "Information received concerning the alleged arbitrary detention and ill-treatment of "
    "human rights defender",
    "threats and harassment against members of the indigenous community",
    "in connection with their peaceful work in defence of land and environmental rights",
    "concerns about the criminalisation of women human rights defenders and journalists",
    "the alleged enforced disappearance of",
    "the killing of the human rights defender and community leader",
    "by members of the police and the armed forces",
    "the lack of investigation and of adequate protection measures",
    "the excessive use of force against peaceful protesters",
    "a smear campaign on social media against civil society organisations",
    "judicial harassment of lawyers representing victims of torture",
    "charged with spreading false news and terrorism offences after reporting on the protests",
    "restrictions on the rights to freedom of expression and of peaceful assembly",
    "a raid on the offices of the organisation and the seizure of equipment",
    "surveillance of journalists with spyware and a travel ban imposed on",
    "reprisals for cooperation with the United Nations and its mechanisms",
    "We express serious concern that these acts appear to be related to their legitimate work",
    "held incommunicado without access to a lawyer or to family visits",
    "sentenced to years of imprisonment following an unfair trial",
)
ES = (
    "Información recibida en relación con la presunta detención arbitraria y los "
    "malos tratos de la defensora de derechos humanos",
    "así como las amenazas y actos de hostigamiento contra miembros de la comunidad indígena",
    "en el contexto de su labor de defensa del territorio y del medio ambiente "
    "frente a proyectos mineros",
    "Se expresa preocupación por la criminalización de lideresas sociales y periodistas",
    "la presunta desaparición forzada del señor",
    "el asesinato del defensor de derechos humanos y líder comunitario",
    "por parte de agentes de la policía nacional y de miembros de las fuerzas armadas",
    "la falta de investigación y de medidas de protección adecuadas",
    "el uso excesivo de la fuerza durante una protesta pacífica",
    "la campaña de estigmatización en redes sociales contra organizaciones de la "
    "sociedad civil",
    "Información recibida sobre el hostigamiento judicial contra la señora",
    "quien fue acusada de usurpación y daños agravados tras denunciar la "
    "contaminación del río",
    "las restricciones al derecho a la libertad de expresión y de reunión pacífica",
    "el allanamiento de las oficinas de la organización y la incautación de equipos",
    "Nos preocupa que estos hechos estén relacionados con su trabajo legítimo",
    "las defensoras y los defensores de derechos humanos en el país",
)
FR = (
    "Informations reçues concernant la détention arbitraire et les mauvais "
    "traitements infligés au défenseur des droits de l'homme",
    "ainsi que les menaces et actes d'intimidation à l'encontre de journalistes et d'avocats",
    "dans le cadre de leurs activités pacifiques de défense des droits humains",
    "la disparition forcée présumée de",
    "le harcèlement judiciaire et la criminalisation de défenseures des droits des femmes",
    "l'usage excessif de la force lors d'une manifestation pacifique",
    "des restrictions imposées aux organisations de la société civile en vertu de la "
    "loi relative aux associations",
    "l'absence d'enquête impartiale et de mesures de protection",
    "des actes de représailles pour leur coopération avec les Nations Unies",
    "Informations reçues concernant l'arrestation de Madame",
    "accusée d'atteinte à la sûreté de l'État après la publication d'articles critiques",
    "la perquisition du domicile et la saisie du matériel de travail",
    "Nous exprimons notre préoccupation quant à ces allégations",
    "les défenseurs des droits de l'homme et les journalistes indépendants",
)

FEMALE = ("Berta", "Françoise", "María José", "Narges", "Nasrin", "Ayşe", "Hélène",
          "Zoë", "Marielle", "Lucía", "Inés", "Thérèse", "Sofía", "Mónica", "Aïcha",
          "Fatoumata", "Renée", "Ángela", "Yolanda", "Salomé", "Amina", "Olga", "Lina")
MALE = ("José", "Álvaro", "Germain", "Benoît", "Jérôme", "Ahmed", "Alexei", "Nabeel",
        "Raúl", "Andrés", "Iñaki", "Joaquín", "Sébastien", "Mehmet", "Óscar", "Adrián",
        "Félix", "René", "Omar", "Ilya", "Ramón", "Hervé", "Jesús")
SURNAMES = ("Peña", "Ordóñez", "Mejía", "Cáceres", "Núñez", "Gómez", "Muñoz", "Hernández",
            "Pérez", "López", "Sánchez", "Rodríguez", "Castañeda", "Gutiérrez", "Ramírez",
            "Álvarez", "Dupré", "Lefèvre", "Mbaye", "Diallo", "Traoré", "Koné", "Ouédraogo",
            "Öztürk", "Sotoudeh", "Mohammadi", "Rahman", "Khan", "Ahmadi", "Karimi",
            "Nguyen", "Zhang", "Ivanova", "Petrov", "Novák", "Dvořák", "Wójcik", "Müller",
            "Çelik", "Şahin", "Cruz", "Morales", "Jiménez", "Vásquez", "Quiñónez", "Benítez",
            "Fontaine", "Gérard", "Bélanger", "Ferrão", "Gonçalves", "Magalhães")
TITLES = {"en": ("Ms.", "Mr."), "es": ("la Sra.", "el Sr."), "fr": ("Mme", "M.")}
VICTIMS = {"en": "Alleged victims:", "es": "Presuntas víctimas:", "fr": "Victimes présumées :"}

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


# --- the word material ----------------------------------------------------------------


@cache
def real_summaries() -> tuple[str, ...]:
    """The real communications' summaries: the shared samples, else the shipped snapshot."""
    folder = SAMPLES if SAMPLES.is_dir() else SNAPSHOT
    out = []
    for path in sorted(folder.glob("*.json")):
        out += [c["summary"] for c in json.loads(path.read_text(encoding="utf-8"))
                ["communications"] if c.get("summary")]
    return tuple(out)


def _rule_words() -> list[str]:
    """The coding rules' words in three languages: the domain's rarer vocabulary."""
    rules = tomllib.loads((DATA / "coding" / "rules.toml").read_text(encoding="utf-8"))
    words = {w for rule in rules["rule"] for phrase in rule.get("words", [])
             for w in _LETTERS.findall(phrase) if len(w) > 2}
    return sorted(words)


def _made_up(rng: np.random.Generator, n: int, taken: set[str]) -> list[str]:
    """n pronounceable words, some accented, none already taken."""
    onsets = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
              "ch", "gr", "pl", "tr", "qu"]
    vowels = ["a", "e", "i", "o", "u"] * 3 + ["a", "e", "o", "é", "á", "ó"]
    codas = ["", "", "", "n", "r", "s", "l", "t"]
    out: list[str] = []
    while len(out) < n:
        word = "".join(onsets[rng.integers(len(onsets))] + vowels[rng.integers(len(vowels))]
                       for _ in range(int(rng.integers(2, 5)))) + codas[rng.integers(len(codas))]
        if word not in taken:
            taken.add(word)
            out.append(word)
    return out


@cache
def vocabulary() -> tuple[tuple[str, ...], np.ndarray, frozenset[str]]:
    """The 10,000 words by rank, the Zipf–Mandelbrot cumulative weights to draw them,
    and which of them are made up (queries use real words).

    The real summaries' most frequent words keep their ranks at the head; the rest of
    their words, the rules' words and made-up words are shuffled through the tail.
    """
    rng = np.random.default_rng(20_110_101)
    counts = Counter(w.lower() for s in real_summaries() for w in _LETTERS.findall(s)
                     if len(w) > 1)
    ranked = [w for w, _ in counts.most_common()]
    head, tail = ranked[:300], ranked[300:]
    # The words of the formulas, lower-case, spread through ranks 20 to 300.
    formulas = [w for w in dict.fromkeys(w.lower() for s in EN + ES + FR
                                         for w in _LETTERS.findall(s)) if len(w) > 3]
    head = [w for w in head if w not in formulas]
    for i, w in enumerate(formulas):
        head.insert(20 + i * 280 // len(formulas), w)
    tail = [w for w in tail if w not in formulas]
    taken = set(ranked) | set(formulas)
    tail += [w for w in (w.lower() for w in _rule_words()) if w not in taken
             and not taken.add(w)]
    made_up = _made_up(rng, VOCABULARY_SIZE - len(head) - len(tail), taken)
    tail += made_up
    tail = [tail[i] for i in rng.permutation(len(tail))]
    words = tuple(head + tail)[:VOCABULARY_SIZE]
    weights = 1.0 / (np.arange(len(words)) + 2.7) ** 1.0
    return words, np.cumsum(weights) / weights.sum(), frozenset(made_up)


@cache
def _fragments() -> dict[str, list[list[str]]]:
    """Sentences as lists of words (punctuation kept) to copy fragments from."""
    english = [s.split() for text in real_summaries()
               for s in re.split(r"(?<=[.;])\s+", text.split("Alleged victims")[0])
               if len(s.split()) >= 4]
    # The bank's sentences as often as the real ones.
    english += [s.split() for s in EN] * max(1, len(english) // len(EN))
    return {"en": english, "es": [s.split() for s in ES], "fr": [s.split() for s in FR]}


@cache
def _surnames() -> tuple[tuple[str, ...], np.ndarray]:
    """The real-looking surnames first, then made-up ones capitalised, with Zipf weights
    flat at the head: the commonest is in about 1 % of names, most in a handful."""
    rng = np.random.default_rng(1946)
    names = SURNAMES + tuple(w.capitalize() for w in _made_up(rng, 3000, set()))
    weights = 1.0 / (np.arange(len(names)) + 20.0)
    return names, np.cumsum(weights) / weights.sum()


@cache
def _states():
    from tracker.reference import state_rows
    from tracker.search.schema import region_term

    rows = [r for r in state_rows() if r["status"] == "member"]
    rng = np.random.default_rng(193)
    weight = {r["iso3"]: float(min(rng.pareto(1.5) * 0.5, 2.0) + 0.1) for r in rows}
    for i, iso3 in enumerate(HEAVY):
        weight[iso3] = 40.0 / (i + 2)
    codes = [r["iso3"] for r in rows]
    w = np.array([weight[c] for c in codes])
    names = {r["iso3"]: r["name"] for r in rows}
    groups = {r["iso3"]: r["un_group"] for r in rows if r["un_group"]}
    regions = {r["iso3"]: ",".join(t for t in (
        region_term("un-groups", r["un_group"]) if r["un_group"] else "",
        region_term("m49", r["m49_region"]) if r["m49_region"] else "",
        region_term("sr-hrd", r["hrd_region"]) if r["hrd_region"] else "") if t)
        for r in rows}
    return codes, np.cumsum(w) / w.sum(), names, groups, regions


@cache
def _cdf(pairs: tuple) -> tuple[tuple, np.ndarray]:
    items = tuple(p[0] for p in pairs)
    w = np.array([p[1] for p in pairs], dtype=float)
    return items, np.cumsum(w) / w.sum()


def _pick(rng: np.random.Generator, cdf: np.ndarray, size=None):
    return np.minimum(np.searchsorted(cdf, rng.random(size)), len(cdf) - 1)


# --- documents ------------------------------------------------------------------------


def _summary(rng: np.random.Generator, lang: str, words, word_cdf, female: bool) -> str:
    length = int(np.clip(rng.lognormal(4.5, 0.45), 30, 320))  # median 90, mean ~100
    fragments = _fragments()[lang]
    surnames, surname_cdf = _surnames()
    out: list[str] = []
    opening = fragments[int(rng.integers(len(fragments)))] if lang != "en" else next(
        s for s in (fragments[int(rng.integers(len(fragments)))] for _ in range(50))
        if s[0][0].isupper())
    out += opening[:int(rng.integers(4, 12))]
    name_at = sorted(rng.integers(len(out), length, 1 + int(rng.random() < 0.5)
                                  + int(rng.random() < 0.2)).tolist())
    zipf = iter(words[_pick(rng, word_cdf, length)].tolist())
    while len(out) < length:
        if name_at and len(out) >= name_at[0]:
            name_at.pop(0)
            given = FEMALE if female else MALE
            surname = surnames[int(_pick(rng, surname_cdf))]
            out += [TITLES[lang][0 if female else 1], given[int(rng.integers(len(given)))],
                    surname]
            female = bool(rng.random() < 0.5)
        elif rng.random() < 0.5:
            sentence = fragments[int(rng.integers(len(fragments)))]
            start = int(rng.integers(len(sentence)))
            out += sentence[start:start + int(rng.integers(3, 10))]
        else:
            out += [next(zipf) for _ in range(int(rng.integers(2, 8)))]
    victims = ["-", "1", "1", "1", "2", "3", "5", "12"][int(rng.integers(8))]
    return " ".join(out[:length + 3]).rstrip(",;") + f". {VICTIMS[lang]} {victims}"


def _weighted_sample(rng: np.random.Generator, items, cdf, k: int) -> list[str]:
    chosen: list[str] = []
    while len(chosen) < k:
        item = items[int(_pick(rng, cdf))]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _coded(rng: np.random.Generator) -> dict[str, str]:
    if rng.random() >= 0.6:
        return {"attack": "", "perpetrator": "", "perpetrator_type": "", "risk": "",
                "coded": "uncoded"}
    attacks, a_cdf = _cdf(ATTACKS)
    perps, p_cdf = _cdf(tuple((p, w) for p, w, _ in PERPETRATORS))
    parent = {p: t for p, _, t in PERPETRATORS}
    risks, r_cdf = _cdf(RISKS)
    attack = _weighted_sample(rng, attacks, a_cdf, int(rng.integers(0, 4)))
    perp = _weighted_sample(rng, perps, p_cdf, int(rng.integers(0, 3)))
    risk = _weighted_sample(rng, risks, r_cdf, int(rng.random() < 0.45)
                            + int(rng.random() < 0.1))
    return {"attack": ",".join(sorted(attack)) or "none",
            "perpetrator": ",".join(sorted(perp)) or "none",
            "perpetrator_type": ",".join(sorted({parent[p] for p in perp})) or "none",
            "risk": ",".join(sorted(risk)) or "none", "coded": "coded"}


def _chunk(seed: int, number: int, counters: dict) -> list[dict]:
    rng = np.random.default_rng([seed, number])
    words, word_cdf, _ = vocabulary()
    words = np.array(words)
    codes, state_cdf, names, groups, regions = _states()
    types, type_cdf = _cdf(TYPES)
    langs, lang_cdf = _cdf(LANGUAGES)
    mandates, mandate_cdf = _cdf(MANDATES)
    first = date(2011, 1, 1)
    days = (date(2026, 11, 1) - first).days
    docs = []
    for i in range(number * CHUNK, (number + 1) * CHUNK):
        company = rng.random() < 0.14
        code = "OTH" if company else codes[int(_pick(rng, state_cdf))]
        # More letters in later years, as the procedures grew.
        day = first + timedelta(days=int(days * rng.random() ** 0.8))
        counters[(code, day.year)] = counters.get((code, day.year), 0) + 1
        typ = types[int(_pick(rng, type_cdf))]
        lang = langs[int(_pick(rng, lang_cdf))]
        female = bool(rng.random() < 0.45)
        summary = _summary(rng, lang, words, word_cdf, female)
        count = 1 if not typ.startswith("J") else 2 + int(rng.poisson(0.51))
        chosen = _weighted_sample(rng, mandates, mandate_cdf, min(count, 7))
        if code in COUNTRY_MANDATES and rng.random() < 0.7:
            chosen.append(COUNTRY_MANDATES[code])
        addressee = COMPANIES[int(rng.integers(len(COMPANIES)))] if company else names[code]
        reference = f"{typ} {code} {counters[(code, day.year)]}/{day.year}"
        coded = _coded(rng)
        flag = ("yes" if rng.random() < (0.8 if female else 0.2) else "no") \
            if coded["coded"] == "coded" else "not coded"
        whrd = ("yes" if flag == "yes" and rng.random() < 0.6 else "no") \
            if flag != "not coded" else "not coded"
        doc = {
            "key": f"comm:{i + 1}", "doc_type": "communication", "db_id": i + 1,
            "reference": reference, "refwords": reference, "type": typ,
            "year": str(day.year), "state": code,
            "state_name": addressee if company else names[code], "addressee": addressee,
            "group": groups.get(code, "none") if not company else "none",
            "region": "" if company else regions.get(code, ""),
            "mandate": ",".join(sorted(set(chosen))),
            "reply": "replied" if rng.random() < (0.25 if company else 0.5) else "awaiting",
            "women": flag, "whrd": whrd, "summary": summary, "letter": "", "replies": "",
            "url": f"https://spcommreports.ohchr.org/TMResultsBase/"
                   f"DownLoadPublicCommunicationFile?gId={20000 + i}",
        }
        doc.update(coded)
        doc["date"] = datetime.combine(day, datetime.min.time())
        docs.append(doc)
    return docs


def corpus(n: int, seed: int = 7) -> Iterator[dict]:
    """The first n documents of the seeded corpus, as communication_docs yields them."""
    counters: dict = {}
    made = 0
    for number in range(-(-n // CHUNK)):
        for doc in _chunk(seed, number, counters):
            if made == n:
                return
            yield doc
            made += 1


# --- queries --------------------------------------------------------------------------

KINDS = ("one word", "2–4 words", "phrase", "rare word", "name", "typo (did you mean)",
         "boolean OR/NOT", "words + filters", "browse, no query")

# Words an advocate types, as the corpus has them (real summaries' words).
COMMON = ("detention", "defenders", "journalists", "torture", "threats", "protest",
          "harassment", "indigenous", "lawyers", "disappearance", "surveillance", "women")


def _stem(word: str) -> str | None:
    from tracker.query import ANALYZER

    return ANALYZER.term(word)


@cache
def _sample() -> tuple[list[dict], Counter, Counter]:
    """The first 2,000 documents (in every corpus of 2,000 or more), with each word's
    document frequency and each adjacent pair's."""
    docs = list(corpus(2000))
    df: Counter = Counter()
    pairs: Counter = Counter()
    for d in docs:
        tokens = d["summary"].split()
        df.update({w.lower() for w in _LETTERS.findall(d["summary"])})
        pairs.update({(a.lower(), b.lower()) for a, b in zip(tokens, tokens[1:], strict=False)
                      if _LETTERS.fullmatch(a) and _LETTERS.fullmatch(b)})
    return docs, df, pairs


def queries(seed: int = 11) -> list[tuple[str, str, dict[str, list[str]]]]:
    """48 queries: (kind, text as typed, filters), kinds in the order of KINDS."""
    rng = np.random.default_rng(seed)
    docs, df, pairs = _sample()
    # Made-up words and surnames are the corpus's filler, not what anyone searches.
    made_up = vocabulary()[2] | {n.lower() for n in _surnames()[0]}
    real = sorted(w for w in df if len(w) > 3 and w not in made_up and _stem(w)
                  and not w[0].isupper())
    out: list[tuple[str, str, dict]] = []

    out += [("one word", w, {}) for w in rng.choice(COMMON, 6, replace=False).tolist()]

    for lang in ("en", "en", "en", "en", "en", "es"):  # real words of one letter's language
        d = next(d for d in (docs[int(rng.integers(len(docs)))] for _ in range(1000))
                 if VICTIMS[lang] in d["summary"])
        own = {w.lower() for s in _fragments()[lang] for w in s}
        words = [w for w in dict.fromkeys(_LETTERS.findall(d["summary"].lower()))
                 if len(w) > 4 and w in own and _stem(w)
                 and 0.01 < df[w] / len(docs) < 0.5]
        k = min(len(words), int(rng.integers(2, 5)))
        out.append(("2–4 words", " ".join(rng.choice(words, k, replace=False).tolist()), {}))

    # Phrases: adjacent words of the real sentences (the letters' formulas), starting and
    # ending with a content word, found in at least five letters of the sample.
    phrases = set()
    for lang, sentences in _fragments().items():
        for sentence in sentences:
            words = [w.strip(",.;:()") for w in sentence]
            for size in (2, 3):
                for i in range(len(words) - size + 1):
                    gram = tuple(w.lower() for w in words[i:i + size])
                    if all(_LETTERS.fullmatch(w) for w in gram) and len(gram[0]) > 3 \
                            and len(gram[-1]) > 3 and _stem(gram[0]) and _stem(gram[-1]) \
                            and 5 <= pairs[gram[:2]] <= 400:
                        phrases.add((lang, gram))
    english = sorted(g for lang, g in phrases if lang == "en")
    other = sorted(g for lang, g in phrases if lang != "en")
    chosen = [english[i] for i in rng.choice(len(english), 5, replace=False).tolist()]
    chosen.append(other[int(rng.integers(len(other)))])
    out += [("phrase", f'"{" ".join(g)}"', {}) for g in chosen]

    rare = [w for w in real if 1 <= df[w] <= 3 and len(w) > 5]
    out += [("rare word", w, {}) for w in rng.choice(rare, 5, replace=False).tolist()]

    # Names as typed with accents and without: the index folds them.
    full = Counter(m for d in docs for m in re.findall(
        r"(?:Ms\.|Mr\.|Sra\.|Sr\.|Mme|M\.) ([^\W\d_]+ [^\W\d_]+)", d["summary"]))
    accented = sorted(n for n, c in full.items() if c >= 2 and re.search(r"[^\x00-\x7f]", n)
                      and n.split()[1] in SURNAMES)
    picked = rng.choice(accented, 2, replace=False).tolist()
    surname = next(s for s in SURNAMES if re.search(r"[^\x00-\x7f]", s)
                   and s.lower() in df and df[s.lower()] > 5)
    for name in (picked[0], picked[1], surname):
        out.append(("name", name, {}))
        out.append(("name", _unaccented(name), {}))

    # Typos: two letters of a real word swapped, giving a word no document has.
    stems = {_stem(w) for w in vocabulary()[0]} | {_stem(w) for w in df}
    typos = []
    for w in rng.choice([w for w in real if len(w) > 6 and df[w] > 20], 40,
                        replace=False).tolist():
        i = int(rng.integers(1, len(w) - 2))
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if typo != w and _stem(typo) not in stems:
            typos.append(typo)
    out += [("typo (did you mean)", t, {}) for t in typos[:5]]

    out += [("boolean OR/NOT", q, {}) for q in (
        "torture OR disappearance", "journalists OR lawyers OR judges",
        "detention NOT terrorism", "defenders NOT women", "(protest OR assembly) NOT police")]

    top_states = [s for s, _ in Counter(d["state"] for d in docs).most_common(12)
                  if s != "OTH"]
    mandate_slugs = [m for m, _ in MANDATES[:8]]
    for i in range(5):
        filters: dict[str, list[str]] = {}
        if i % 3 != 2:
            filters["state"] = [str(rng.choice(top_states))]
        if i % 2 == 0:
            filters["year"] = [str(int(rng.integers(2015, 2026)))]
        if i >= 2:
            filters["mandate"] = [str(rng.choice(mandate_slugs))]
        out.append(("words + filters", str(rng.choice(COMMON)), filters))

    out += [("browse, no query", "", f) for f in (
        {}, {"state": [top_states[0]]}, {"year": ["2020"], "mandate": ["torture"]},
        {"state": [top_states[1]], "year": ["2023"]})]
    assert len(out) == 48, len(out)
    return out


def _unaccented(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


if __name__ == "__main__":  # `make bench` runs every bench/*.py: a short description
    import sys
    import time

    sys.path.insert(0, str(ROOT))
    start = time.process_time()
    sample = list(corpus(20_000))
    took = time.process_time() - start
    lengths = [len(d["summary"].split()) for d in sample]
    print(f"corpus(20000): {took:.1f} s CPU; {sum(lengths) / len(lengths):.0f} words a "
          f"summary; {sum(len(d['mandate'].split(',')) for d in sample) / len(sample):.2f} "
          "mandates a letter")
    print(sample[0]["reference"], "|", sample[0]["summary"][:300])
    for kind, text, filters in queries():
        print(f"{kind:22} {text!r:45} {filters}")
