"""Highlights benchmark: a page of 50 summaries, Whoosh's highlighter against ours.

Run: .venv/bin/python bench/highlights.py [--pages 200]

Each page is 50 generated summaries (bench/corpus.py's, else bench/search.py's) that
contain a query's word, highlighted as the search page does. Prints CPU ms per page (p50,
p95) for Whoosh's highlighter and ours (on summaries not seen before, and on the same page
again, whose words are kept), the speed-up, and whether every output was the same.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

try:
    from corpus import corpus  # the realistic corpus (bench/corpus.py)
except ImportError:  # before it was written
    from search import corpus
from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight  # noqa: E402

from tracker.query import ANALYZER  # noqa: E402
from tracker.search.highlights import _words, highlight_text  # noqa: E402

QUERIES = ["defenders", "detention torture", "journalists threats", "pena", "indigenous land",
           "desaparicion forzada", "harcelement judiciaire", "peaceful assembly protest"]


def whoosh_highlight(text, terms):
    return highlight(text, frozenset(terms), ANALYZER,
                     ContextFragmenter(maxchars=300, surround=60),
                     HtmlFormatter(tagname="mark", classname="hl"), top=2)


def pages(n: int, seed: int = 5):
    summaries = [d["summary"] for d in corpus(5000)]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        terms = {ANALYZER.term(w) for w in QUERIES[i % len(QUERIES)].split()} - {None}
        hits = [s for s in summaries if any(ANALYZER.term(w) in terms for w in s.split()[:60])]
        out.append((terms, rng.sample(hits, min(50, len(hits)))))
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed_page(fn, terms, texts):
    start = time.process_time()
    out = [fn(t, terms) for t in texts]
    return (time.process_time() - start) * 1000, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    work = pages(args.pages)
    for terms, texts in work[:5]:  # warm the analyzer's word cache for both
        timed_page(whoosh_highlight, terms, texts)
    slow, fast, again, same = [], [], [], True
    for terms, texts in work:
        ms, expected = timed_page(whoosh_highlight, terms, texts)
        slow.append(ms)
        _words.cache_clear()  # summaries not shown before
        ms, got = timed_page(highlight_text, terms, texts)
        fast.append(ms)
        ms, _ = timed_page(highlight_text, terms, texts)  # the same page again
        again.append(ms)
        same &= got == expected
    print(f"{len(work)} pages of 50 summaries ({corpus.__module__}.py), CPU ms per page")
    print(f"whoosh highlight           p50 {pct(slow, 50):6.2f}  p95 {pct(slow, 95):6.2f}")
    print(f"highlight_text, new page   p50 {pct(fast, 50):6.2f}  p95 {pct(fast, 95):6.2f}"
          f"   {pct(slow, 50) / pct(fast, 50):4.1f}x faster")
    print(f"highlight_text, page again p50 {pct(again, 50):6.2f}  p95 {pct(again, 95):6.2f}"
          f"   {pct(slow, 50) / pct(again, 50):4.1f}x faster")
    print(f"same output as Whoosh: {same}")


if __name__ == "__main__":
    main()
