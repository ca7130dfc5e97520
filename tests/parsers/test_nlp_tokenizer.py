"""The acts tokenizer (parsers.tokenizer) cuts text as spaCy's Russian tokenizer with the acts'
two rules did, without importing spaCy; the directive-verb candidates (parsers.nlp.verb_matches)
are the ones spaCy's Matcher found over spaCy's tokens with pymorphy3's morphology.

spaCy stays the reference here: its tokenizer is built by scripts/tokenizer_rules.py, which also
wrote the rules file the acts tokenizer reads.
"""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import nlp
from scripts.tokenizer_rules import rules_of, spacy_tokenizer, written_rules

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("tracker/samples/acts", "tests/parsers/written", "corpus/real/rules/docs")


@pytest.fixture(scope="module")
def spacy_cut():
    return spacy_tokenizer()


def cut(tokens):
    return [(token.text, token.idx) for token in tokens]


def passages():
    """Every non-empty line of the sample, written and rule-writing real acts, and each act whole."""
    texts = [path.read_text(encoding="utf-8") for folder in FOLDERS for path in sorted((ROOT / folder).glob("*.txt"))]
    return [line for text in texts for line in text.splitlines() if line.strip()] + texts


def test_the_rules_file_holds_the_installed_spacys_rules(spacy_cut):
    assert written_rules() == rules_of(spacy_cut), "run .venv/bin/python scripts/tokenizer_rules.py"


def test_a_stop_glued_between_words_splits_them_and_a_web_address_stays_whole():
    words = [token.text for token in nlp.tokens("в 2023 г.разработать порядок, см. https://irkobl.ru/docs")]
    assert words[:4] == ["в", "2023", "г.", "разработать"]
    assert "https://irkobl.ru/docs" in words


def test_a_special_case_cut_by_affixes_is_put_back_together():
    assert cut(nlp.tokens("в т.ч. 5°C.")) == [("в т.ч.", 0), ("5", 7), ("°", 8), ("C", 9), (".", 10)]


def test_whitespace_other_than_one_space_is_a_token():
    assert cut(nlp.tokens("1.  Обеспечить\nисполнение")) == [("1", 0), (".", 1), (" ", 3), ("Обеспечить", 4),
                                                             ("\n", 14), ("исполнение", 15)]


def test_the_acts_tokenizer_cuts_every_sample_written_and_real_act_as_spacy_does(spacy_cut):
    texts = passages()
    assert len(texts) > 1500
    for text in texts:
        assert cut(nlp.tokens(text)) == cut(spacy_cut(text)), text


ACT_CHARS = ("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
             "abcxyzABCXYZ0123456789 .,;:!?-–—«»\"'()[]/№%§\n\t\u00a0…°’“”*+=@&")
FRAGMENTS = ["т.е.", "в т.ч.", "г.", "см.", "т.д.", "°C.", "д-р мед. наук", ":)", "https://irkobl.ru/docs",
             "www.kremlin.ru", "2023г.разработать", "1.1.", "12.03.2021", "(ред.", "«О", "»),", "\")", "т.п.)",
             "обеспечить", "Управлению"]
pieces = st.one_of(st.text(alphabet=ACT_CHARS, min_size=1, max_size=6), st.sampled_from(FRAGMENTS))
joints = st.sampled_from(["", " ", " ", "  ", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(pieces, joints), min_size=1, max_size=12))
def test_any_text_of_act_characters_is_cut_as_spacy_does(spacy_cut, parts):
    text = "".join(piece + joint for piece, joint in parts)
    assert cut(nlp.tokens(text)) == cut(spacy_cut(text))


def spacy_verb_matches(spacy_cut, text):
    """What the old pipeline found: spaCy's Matcher over its tokens, with pymorphy3's infinitives."""
    from spacy.matcher import Matcher

    from parsers.rules import words

    doc = spacy_cut(text)
    for token in doc:
        if token.is_alpha and nlp.is_infinitive(token.lower_):
            token.set_morph("VerbForm=Inf")
    matcher = Matcher(doc.vocab)
    matcher.add("INFINITIVE", [[{"MORPH": {"IS_SUPERSET": ["VerbForm=Inf"]}}]])
    matcher.add("ADDRESSING", [[{"LOWER": {"IN": sorted(words.addressing_verbs())}}]])
    return [(doc.vocab.strings[key], start) for key, start, _ in sorted(matcher(doc), key=lambda m: m[1])]


def test_the_verb_candidates_are_those_spacys_matcher_found(spacy_cut):
    leads = [line[:360] for line in passages()[:3000]]
    found = 0
    for lead in leads:
        expected = spacy_verb_matches(spacy_cut, lead)
        assert nlp.verb_matches(nlp.tokens(lead)) == expected, lead
        found += len(expected)
    assert found > 400


def test_a_verb_that_addresses_is_an_infinitive_first():
    tokens = nlp.tokens("Рекомендовать главам районов обеспечить")
    assert nlp.verb_matches(tokens) == [("INFINITIVE", 0), ("ADDRESSING", 0), ("INFINITIVE", 3)]
