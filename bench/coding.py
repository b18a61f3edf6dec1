"""Precision and recall of the rule-based coder against communications coded by hand.

Run: .venv/bin/python bench/coding.py [--gold FILE] [--samples DIR] [--rules FILE]
(`make bench` runs it with the defaults.)

The gold file (bench/coding_gold.csv) has one row per communication, keyed by its
reference as the samples give it (`type` + `ref`, e.g. "JAL AUS 2/2026"), and the columns
women and whrd (yes/no) and attack, perpetrator, risk (slugs separated by ";", empty for
none). The coder reads each sample's summary and the slugs of its mandates (their site
labels mapped through tracker/data/mandates.csv), as `tracker code` would.

Prints, per code with gold support, and as a micro-average per scheme: support, true and
false positives, false negatives, precision, recall and F1; then every miss with its
reference, the rule and words behind a false positive, or the opening of the summary for a
false negative; then how many summaries per second the coder reads.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.codebook import load_codebook  # noqa: E402
from tracker.coding import Hit, RulesError, code, load_rules, resolve  # noqa: E402

GOLD = ROOT / "bench" / "coding_gold.csv"
SAMPLES = ROOT.parent / "shared" / "samples"
SCHEMES = ("women", "whrd", "attack", "perpetrator", "risk")
YES_NO = ("women", "whrd")
# a full stop that ends a sentence, not a title's (Ms., Sra., No.)
SENTENCE_END = re.compile(r"(?<!\bMs)(?<!\bMr)(?<!\bMrs)(?<!\bSra)(?<!\bSr)(?<!\bNo)"
                          r"(?<!\bDr)(?<!\bSt)[.;]\s+")


class GoldError(ValueError):
    pass


@dataclass
class Sample:
    reference: str
    summary: str
    mandates: list[str]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else None
        return (f"{name:36} {self.tp + self.fn:7} {self.tp:4} {self.fp:4} {self.fn:4} "
                f"{_num(p):>9} {_num(r):>7} {_num(f1):>6}")


@dataclass
class Miss:
    reference: str
    code: str
    kind: str  # "false positive" | "false negative"
    detail: str


@dataclass
class Result:
    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _reference(text: str) -> str:
    return " ".join(text.split())


def read_samples(folder: Path) -> dict[str, Sample]:
    with open(ROOT / "tracker" / "data" / "mandates.csv", encoding="utf-8") as f:
        slugs = {row["site_label"].casefold(): row["slug"] for row in csv.DictReader(f)}
    samples = {}
    for path in sorted(folder.glob("ohchr/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data.get("communications") if isinstance(data, dict) else data
        for item in items or []:
            ref = _reference(f"{item.get('type', '')} {item.get('ref', '')}")
            labels = item.get("mandates") or []
            samples[ref] = Sample(ref, item.get("summary") or "",
                                  [slugs.get(m.casefold(), m) for m in labels])
    return samples


def read_gold(path: Path) -> dict[str, dict[str, set[str]]]:
    """reference -> scheme -> values; a yes/no scheme left empty is not counted."""
    book = load_codebook()
    gold = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("reference", *SCHEMES) if c not in (reader.fieldnames or [])]
        if missing:
            raise GoldError(f"{path}: no column {missing[0]!r} (the header must name "
                            f"reference, {', '.join(SCHEMES)})")
        for line, row in enumerate(reader, start=2):
            ref = _reference(row["reference"] or "")
            if not ref:
                continue
            if ref in gold:
                raise GoldError(f"{path}, line {line}: {ref} is coded twice")
            codes = {}
            for scheme in SCHEMES:
                values = {v.strip().lower() for v in (row[scheme] or "").split(";")
                          if v.strip()}
                unknown = values - set(book.slugs(scheme))
                if unknown:
                    raise GoldError(f"{path}, line {line}: {sorted(unknown)[0]!r} is not a "
                                    f"value of {scheme} ({', '.join(book.slugs(scheme))})")
                if scheme in YES_NO and len(values) > 1:
                    raise GoldError(f"{path}, line {line}: {scheme} is yes or no")
                if scheme not in YES_NO or values:
                    codes[scheme] = values
            gold[ref] = codes
    return gold


def predict(sample: Sample, rules) -> tuple[dict[str, set[str]], list[Hit]]:
    hits = code({"summary": sample.summary}, rules, mandates=sample.mandates)
    return {s: set(v) for s, v in resolve(hits).items()}, hits


def _context(summary: str, words: tuple[str, ...]) -> str:
    """The sentence holding the first of these words, or the summary's opening."""
    start = summary.find(words[0]) if words else -1
    if start < 0:
        start = 0
    ends = [m.end() for m in SENTENCE_END.finditer(summary)]
    begin = max([e for e in ends if e <= start], default=0)
    end = min([e for e in ends if e > start], default=len(summary))
    sentence = " ".join(summary[begin:end].split())
    return sentence if len(sentence) <= 300 else sentence[:297] + "…"


def evaluate(samples: dict[str, Sample], gold, rules) -> Result:
    result = Result({s: {} for s in SCHEMES})
    for ref, truth in gold.items():
        sample = samples[ref]
        found, hits = predict(sample, rules)
        for scheme, expected in truth.items():
            got = found.get(scheme, set())
            if scheme in YES_NO:  # one code: "yes" is the positive class
                expected, got = expected & {"yes"}, got & {"yes"}
            for value in expected | got:
                name = scheme if scheme in YES_NO else f"{scheme}:{value}"
                tally = result.tallies[scheme].setdefault(name, Tally())
                if value in expected and value in got:
                    tally.tp += 1
                elif value in got:
                    tally.fp += 1
                    why = [h for h in hits if h.scheme == scheme and h.value == value]
                    best = max(why, key=lambda h: h.confidence)
                    result.misses.append(Miss(ref, name, "false positive", (
                        f"{best.rule} ({best.confidence:.2f}) matched "
                        f"{', '.join(repr(w) for w in best.matched)} in: "
                        f"{_context(sample.summary, best.matched)}")))
                else:
                    tally.fn += 1
                    result.misses.append(Miss(ref, name, "false negative",
                                              f"opening: {_context(sample.summary, ())}"))
        # codes with no gold support still count against precision, under their name
        for scheme in YES_NO:
            result.tallies[scheme].setdefault(scheme, Tally())
    return result


def report(result: Result, n: int, rules) -> None:
    print(f"Coder ({rules.path.name}, rules v{rules.version}) against {n} communications "
          "coded by hand\n")
    print(f"{'code':36} {'support':>7} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} "
          f"{'recall':>7} {'F1':>6}")
    for scheme in SCHEMES:
        tallies = result.tallies[scheme]
        total = Tally()
        for name in sorted(tallies):
            tally = tallies[name]
            total.add(tally)
            if tally.tp + tally.fn > 0:
                print(tally.row(name))
        if scheme not in YES_NO:
            print(total.row(f"{scheme} (micro-average)"))
        print()
    if not result.misses:
        print("No misses.")
        return
    kinds = Counter(m.kind for m in result.misses)
    print(f"Misses: {kinds['false negative']} false negatives, "
          f"{kinds['false positive']} false positives")
    for miss in sorted(result.misses, key=lambda m: (m.code, m.kind, m.reference)):
        print(f"- {miss.reference:22} {miss.code:36} {miss.kind}: {miss.detail}")


def speed(samples: list[Sample], rules, seconds: float = 1.0) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for sample in samples:
            predict(sample, rules)
        done += len(samples)
    return done / (time.perf_counter() - start)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="the hand-coded CSV")
    parser.add_argument("--samples", type=Path, default=SAMPLES,
                        help="the folder holding ohchr/*.json")
    parser.add_argument("--rules", type=Path, help="a rules file (default: the shipped one)")
    args = parser.parse_args(argv)
    samples = read_samples(args.samples) if args.samples.is_dir() else {}
    if not samples:
        print(f"coding: no samples in {args.samples}/ohchr/*.json, nothing to measure.")
        return 0
    if not args.gold.is_file():
        print(f"coding: no gold file at {args.gold} yet: code the samples by hand first "
              "(columns reference, women, whrd, attack, perpetrator, risk).")
        return 0
    try:
        rules = load_rules(args.rules)
        gold = read_gold(args.gold)
    except (RulesError, GoldError) as exc:
        print(f"coding: {exc}", file=sys.stderr)
        return 1
    unknown = sorted(set(gold) - set(samples))
    if unknown:
        print(f"coding: {args.gold} names communications the samples do not hold: "
              f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}", file=sys.stderr)
        return 1
    report(evaluate(samples, gold, rules), len(gold), rules)
    not_coded = len(set(samples) - set(gold))
    if not_coded:
        print(f"\n{not_coded} sample communications are not in the gold file.")
    print(f"\nSpeed: {speed(list(samples.values()), rules):,.0f} summaries per second "
          f"({len(rules.rules)} rules).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
