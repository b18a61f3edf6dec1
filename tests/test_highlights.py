"""The fast highlighter gives Whoosh's own highlight, character for character."""

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight

from tracker.query import ANALYZER
from tracker.search.highlights import highlight_text, passage

# Words an advocate's summary holds: stems that meet ("defenders", "defending"), accents
# folded or not, stop words, dotted abbreviations, numbers, HTML's special characters.
WORDS = ["defenders", "defender", "defending", "defensoras", "Defensores", "Peña", "Pena",
         "PEÑA", "détention", "detention", "Dupré", "the", "of", "a", "and", "U.N.", "HND",
         "5/2013", "2013", "x", "Ayşe", "journalists", "journalist", "killing", "killed",
         "<b>", "&amp;", "AT&T", "\"quoted\"", "l'homme", "señora", "straße", "under_score",
         "naïve", "R&D", "a.b.c", "12.5", "Łódź", "ǅemal"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", " — ", " (", ") ", " & ", " < ", "> ", "; ",
              "…", "  ", "-", "/", "'"]
TERMS = sorted({ANALYZER.term(w) or w.lower() for w in WORDS} | {"absent", "the", "of"})


def whoosh_highlight(text, terms):
    if not text or not terms:
        return ""
    return highlight(text, frozenset(terms), ANALYZER,
                     ContextFragmenter(maxchars=300, surround=60),
                     HtmlFormatter(tagname="mark", classname="hl"), top=2)


@st.composite
def texts(draw):
    n = draw(st.integers(0, 400))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=n, max_size=n))
    if draw(st.booleans()):  # now and then a word longer than a fragment, or odd text
        words.insert(draw(st.integers(0, len(words))),
                     draw(st.sampled_from(["defenders" * 40, "a." * 200])))
    if draw(st.booleans()):
        words.append(draw(st.text(max_size=40)))
    return "".join(w + s for w, s in zip(words, seps, strict=False))


@settings(max_examples=400, deadline=None)
@given(text=texts(), terms=st.sets(st.sampled_from(TERMS), max_size=6))
def test_highlight_text_is_whooshs_highlight(text, terms):
    assert highlight_text(text, terms) == whoosh_highlight(text, terms)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300), terms=st.sets(st.sampled_from(TERMS), max_size=4))
def test_highlight_text_is_whooshs_highlight_on_any_text(text, terms):
    assert highlight_text(text, terms) == whoosh_highlight(text, terms)


def test_highlight_text_marks_stems_escapes_and_keeps_two_fragments():
    text = ("Defenders threatened. " + "filler words here " * 30
            + "The defender was released. " + "more filler text " * 30
            + "Defending the <b>defenders</b> & Peña.")
    out = highlight_text(text, {"defend", "pena"})
    assert out == whoosh_highlight(text, {"defend", "pena"})
    assert "&lt;b&gt;" in out and "&amp;" in out
    assert out.count("...") == 1  # two of the three fragments, in text order
    assert "Defenders threatened" not in out  # of equal scores, Whoosh keeps the later
    assert '<mark class="hl term0">defender</mark>' in out
    assert '<mark class="hl term3">Peña</mark>' in out


def test_highlight_text_without_a_match_is_empty():
    assert highlight_text("Nothing to see here.", {"defend"}) == ""
    assert highlight_text("", {"defend"}) == ""
    assert highlight_text("defenders", set()) == ""


def test_passage_highlights_the_window_round_the_first_match():
    letter = "x " * 5000 + "the defenders of Peña were detained " + "y " * 5000
    out = passage(letter, {"defend"})
    assert '<mark class="hl term0">defenders</mark>' in out
    assert len(out) < 700
    assert passage(letter, {"absent"}) == ""
