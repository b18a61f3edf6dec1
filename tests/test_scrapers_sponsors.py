import csv

import pytest

from scrapers.sponsors import (
    draft_family,
    parse_notes,
    split_cover,
    split_sponsor_list,
)
from scrapers.unbis import parse_drafts_csv, read_authors

from .conftest import SAMPLES

DRAFTS = SAMPLES / "un_resolutions" / "unbisnet_draft_resolutions_subset.csv"
AUTHORS = SAMPLES / "un_resolutions" / "unbisnet_draft_authors_subset.csv"
needs_samples = pytest.mark.skipif(not DRAFTS.exists(), reason="shared samples not present")


def test_split_sponsor_list_keeps_compound_names():
    names = [n for n, _ in split_sponsor_list(
        "Bosnia and Herzegovina, Trinidad and Tobago, United Kingdom of Great Britain and "
        "Northern Ireland, Saint Vincent and the Grenadines and Uruguay")]
    assert names == ["Bosnia and Herzegovina", "Trinidad and Tobago",
                     "United Kingdom of Great Britain and Northern Ireland",
                     "Saint Vincent and the Grenadines", "Uruguay"]


def test_split_sponsor_list_parentheses_and_on_behalf():
    pairs = split_sponsor_list("Bolivia (Plurinational State of), Ethiopia (on behalf of the "
                               "Group of African States) and Micronesia (Federated States of)")
    assert pairs == [("Bolivia (Plurinational State of)", None),
                     ("Ethiopia", "Group of African States"),
                     ("Micronesia (Federated States of)", None)]


def test_split_sponsor_list_missing_comma_needs_known_names():
    known = {"Netherlands", "New Zealand", "Norway"}.__contains__
    text = "Netherlands New Zealand, Norway"
    assert [n for n, _ in split_sponsor_list(text)] == ["Netherlands New Zealand", "Norway"]
    assert [n for n, _ in split_sponsor_list(text, known)] == ["Netherlands", "New Zealand",
                                                               "Norway"]


def test_split_cover_title():
    title, cover = split_cover("Equal participation : draft resolution / Albania, Benin")
    assert (title, cover) == ("Equal participation", "Albania, Benin")
    assert split_cover("No sponsors here") == ("No sponsors here", None)


def test_draft_family():
    assert draft_family("A/C.3/68/L.64/Rev.1") == "A/C.3/68/L.64"
    assert draft_family("A/HRC/27/L.12") == "A/HRC/27/L.12"


def test_parse_notes_additional_and_withdrawals_with_documents():
    notes = ("Additional sponsors: Japan, Monaco and Liechtenstein. - Republic of Moldova "
             "withdrew as a sponsors of the draft resolution. - No action was taken on the "
             "draft resolution (A/59/503/Add.3). Reissued for technical reasons.")
    events = parse_notes("A/C.3/59/L.48", notes)
    assert [(e.name, e.action, e.source_document) for e in events] == [
        ("Japan", "join", "A/59/503/Add.3"), ("Monaco", "join", "A/59/503/Add.3"),
        ("Liechtenstein", "join", "A/59/503/Add.3"),
        ("Republic of Moldova", "withdraw", "A/59/503/Add.3")]


def test_parse_notes_amendment_withdrawal_is_not_a_draft_withdrawal():
    events = parse_notes("X", "United States withdrew as a sponsor of the amendment to the "
                              "draft resolution.")
    assert events == []


@needs_samples
def test_catalogue_68_181_counts_from_real_rows():
    text = DRAFTS.read_bytes().decode("cp1252")
    authors = read_authors(AUTHORS.read_bytes().decode("cp1252"))
    drafts, errors, skipped = parse_drafts_csv(text, "drafts.csv", authors)
    assert errors == [] and skipped == []
    draft = next(d for d in drafts if d.symbol == "A/C.3/68/L.64/Rev.1")
    assert draft.family == "A/C.3/68/L.64"
    assert draft.resolution_symbol == "A/RES/68/181"
    cover = [e for e in draft.events if e.role == "cover"]
    additional = [e for e in draft.events if e.role == "additional"]
    withdrawn = [e for e in draft.events if e.action == "withdraw"]
    assert (len(cover), len(additional), len(withdrawn)) == (56, 15, 36)
    assert {e.source_document for e in withdrawn} == {"A/68/456/Add.2"}


@needs_samples
def test_catalogue_every_row_parses():
    with open(DRAFTS, encoding="cp1252", newline="") as f:
        rows = list(csv.DictReader(f))
    drafts, errors, skipped = parse_drafts_csv(DRAFTS.read_bytes().decode("cp1252"),
                                               "drafts.csv")
    assert errors == [] and skipped == [] and len(drafts) == len(rows) == 57
    hrc27 = [d for d in drafts if d.symbol.startswith("A/HRC/27/L.")]
    assert len(hrc27) == 17
    l12 = next(d for d in drafts if d.symbol == "A/HRC/27/L.12")
    assert ("Ethiopia", "Group of African States") in [(e.name, e.on_behalf_of)
                                                       for e in l12.events]
