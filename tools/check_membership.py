"""Check the membership reference files in tracker/data/ (stdlib only; a developer tool).

Checks: every iso3 is in states.csv or un_membership.csv; dates parse as YYYY-MM-DD and run
forwards; no State has overlapping Human Rights Council terms; every Council member was a UN
member for its whole term; one spelling never points at two States on the same day; and the
Council has 47 members on 1 July of each year from 2007 to the last year covered (years that
differ are printed with the changes that explain them).

Usage: python tools/check_membership.py [--votes PATH]
  --votes  the DERIVED_recorded_vote_presence_by_cycle.csv of shared/samples (States seen in
           recorded HRC votes, per cycle); if given, each cycle's roster is compared with it.
Exit status 1 if a check fails (a year that is not 47 is reported, not failed).
"""

import argparse
import csv
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tracker" / "data"
errors: list[str] = []


def read(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def day(value, where, required=False):
    """Parse an ISO date; empty means unknown/open (an error only if required)."""
    if not value:
        if required:
            errors.append(f"{where}: date missing")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: not a YYYY-MM-DD date: {value!r}")
        return None


def span(row, a, b, where, required_start=False, required_end=False):
    start = day(row[a], f"{where} {a}", required_start)
    end = day(row[b], f"{where} {b}", required_end)
    if start and end and end < start:
        errors.append(f"{where}: {b} {end} is before {a} {start}")
    return start, end


def overlaps(a_start, a_end, b_start, b_end):
    lo = dt.date.min
    hi = dt.date.max
    return (a_start or lo) <= (b_end or hi) and (b_start or lo) <= (a_end or hi)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--votes", type=Path, help="DERIVED_recorded_vote_presence_by_cycle.csv")
    args = ap.parse_args(argv)

    states = {r["iso3"] for r in read("states.csv")}
    un = read("un_membership.csv")
    un_iso = {r["iso3"] for r in un}
    known = states | un_iso

    # UN membership
    un_spans = defaultdict(list)
    for i, r in enumerate(un, 2):
        where = f"un_membership.csv:{i} {r['iso3']}"
        start, end = span(r, "admitted", "left", where, required_start=True)
        un_spans[r["iso3"]].append((start, end))
        if r["successor"] and r["successor"] not in known:
            errors.append(f"{where}: successor {r['successor']} unknown")
        if r["left"] and r["succession"] not in ("merged", "dissolved"):
            errors.append(f"{where}: left without succession merged/dissolved")
        if r["succession"] == "merged" and not r["successor"]:
            errors.append(f"{where}: merged without successor")
        if not r["source"]:
            errors.append(f"{where}: no source")
    current = [r for r in un if not r["left"]]
    print(f"un_membership.csv: {len(un)} rows, {len(current)} current members, "
          f"{len(un) - len(current)} former")
    if len(current) != 193:
        errors.append(f"un_membership.csv: {len(current)} current members, not 193")

    # aliases: one spelling, one State per day
    by_alias = defaultdict(list)
    for name in ("state_aliases.csv", "state_aliases_former.csv"):
        if not (DATA / name).exists():
            continue
        rows = read(name)
        print(f"{name}: {len(rows)} rows, {sum(bool(r.get('valid_from') or r.get('valid_to')) for r in rows)} dated")
        for i, r in enumerate(rows, 2):
            where = f"{name}:{i} {r['alias']!r}"
            if r["iso3"] not in known:
                errors.append(f"{where}: iso3 {r['iso3']} unknown")
            start, end = span(r, "valid_from", "valid_to", where)
            by_alias[" ".join(r["alias"].casefold().split())].append((start, end, r["iso3"], where))
    for spellings in by_alias.values():
        for i, (s1, e1, iso1, w1) in enumerate(spellings):
            for s2, e2, iso2, w2 in spellings[i + 1:]:
                if iso1 != iso2 and overlaps(s1, e1 and e1 - dt.timedelta(days=1), s2,
                                             e2 and e2 - dt.timedelta(days=1)):
                    errors.append(f"{w1} ({iso1}) and {w2} ({iso2}) overlap in time")

    # EU and G77
    for name, a, b in (("eu_membership.csv", "joined", "left"), ("g77_membership.csv", "joined", "left")):
        if not (DATA / name).exists():
            print(f"{name}: absent")
            continue
        rows = read(name)
        print(f"{name}: {len(rows)} rows, {sum(not r[b] for r in rows)} current")
        for i, r in enumerate(rows, 2):
            if r["iso3"] not in known:
                errors.append(f"{name}:{i}: iso3 {r['iso3']} unknown")
            span(r, a, b, f"{name}:{i} {r['iso3']}")

    # Human Rights Council
    hrc = read("hrc_membership.csv")
    terms = defaultdict(list)
    for i, r in enumerate(hrc, 2):
        where = f"hrc_membership.csv:{i} {r['iso3']}"
        if r["iso3"] not in known:
            errors.append(f"{where}: iso3 unknown")
        start, end = span(r, "term_start", "term_end", where, True, True)
        if not r["source"]:
            errors.append(f"{where}: no source")
        if start and end:
            terms[r["iso3"]].append((start, end, where))
            if not any(overlaps(a, b, start, end) and (a is None or a <= start)
                       and (b is None or b >= end) for a, b in un_spans.get(r["iso3"], [])):
                errors.append(f"{where}: not a UN member for the whole term")
    for iso, ts in terms.items():
        ts.sort()
        for (s1, e1, w1), (s2, e2, w2) in zip(ts, ts[1:]):
            if s2 <= e1:
                errors.append(f"{w1} and {w2}: overlapping terms ({s1}..{e1}, {s2}..{e2})")
    print(f"hrc_membership.csv: {len(hrc)} terms, {len(terms)} States")

    def members_on(d):
        return {iso for iso, ts in terms.items() if any(s <= d <= e for s, e, _ in ts)}

    last = max(e for ts in terms.values() for _, e, _ in ts)
    last_year = max(s for ts in terms.values() for s, _, _ in ts).year
    print(f"Council members on 1 July (terms known to {last}):")
    for year in range(2007, last_year + 1):
        d = dt.date(year, 7, 1)
        n = len(members_on(d))
        line = f"  {year}: {n}"
        if n != 47:
            # changes on dates shared by fewer than 3 terms: not a cohort's normal start or end
            shared = defaultdict(int)
            for ts in terms.values():
                for s, e, _ in ts:
                    shared[s] += 1
                    shared[e] += 1
            events = sorted(
                (x, iso, kind) for iso, ts in terms.items() for s, e, _ in ts
                for x, kind in ((s, "starts"), (e, "ends"))
                if x.year == year and shared[x] < 3)
            line += "  <- " + "; ".join(f"{iso} term {kind} {x}" for x, iso, kind in events)
        print(line)

    if args.votes:
        compare_votes(args.votes, terms)

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


def compare_votes(path, terms):
    """Compare each cycle's roster with the States seen in its recorded votes."""
    seen = defaultdict(dict)
    window = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            seen[r["cycle"]][r["iso3"]] = r
            window[r["cycle"]] = (dt.date.fromisoformat(r["cycle_first_vote"]),
                                  dt.date.fromisoformat(r["cycle_last_vote"]))
    print(f"\nRecorded-vote rosters ({path.name}) against hrc_membership.csv:")
    for cycle in sorted(seen):
        first, last = window[cycle]
        expected = {iso for iso, ts in terms.items()
                    if any(s <= last and e >= first for s, e, _ in ts)}
        listed = set(seen[cycle])
        missing, extra = sorted(expected - listed), sorted(listed - expected)
        odd = []
        for iso in sorted(listed & expected):
            r = seen[cycle][iso]
            for key in ("first_recorded_vote", "last_recorded_vote"):
                d = dt.date.fromisoformat(r[key])
                if not any(s <= d <= e for s, e, _ in terms[iso]):
                    odd.append(f"{iso} listed {d} outside its term"
                               + (f" ({r['n_records_NO_VOTE']} non-voting)" if r["n_records_NO_VOTE"] != "0" else ""))
        status = "agree" if not (missing or extra or odd) else "DIFFER"
        print(f"  {cycle} ({first}..{last}): {len(listed)} listed, {len(expected)} expected: {status}"
              + (f"; not seen voting: {', '.join(missing)}" if missing else "")
              + (f"; seen but no term: {', '.join(extra)}" if extra else "")
              + (f"; {'; '.join(odd)}" if odd else ""))


if __name__ == "__main__":
    sys.exit(main())
