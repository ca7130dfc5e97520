"""The acts tokenizer (parsers.nlp) is spaCy's Russian with two rules of ours, built in one go.

The rules were once set on a built tokenizer (which recompiles and reloads it each time); built
into the language's defaults they must give the very same tokens.
"""
import re
from pathlib import Path

from parsers import nlp

ROOT = Path(__file__).resolve().parents[2]


def tokenizer_set_after_building():
    """The pipeline's tokenizer the way it was made before: spacy.blank, then each rule set on it."""
    spacy = nlp._import_spacy()
    blank = spacy.blank("ru")
    infixes = [*blank.Defaults.infixes, r"(?<=[а-яё])\.(?=[а-яё]{3,})"]
    blank.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    url_match = blank.tokenizer.url_match
    blank.tokenizer.url_match = lambda text: url_match(text) if re.search(r"[A-Za-z/]", text) else None
    return blank.tokenizer


def test_a_stop_glued_between_words_splits_them_and_a_web_address_stays_whole():
    words = [token.text for token in nlp.tokens("в 2023 г.разработать порядок, см. https://irkobl.ru/docs")]
    assert words[:4] == ["в", "2023", "г.", "разработать"]
    assert "https://irkobl.ru/docs" in words


def test_the_acts_tokenizer_cuts_every_sample_and_written_act_as_before():
    before = tokenizer_set_after_building()
    now = nlp.pipeline().tokenizer
    texts = [path.read_text(encoding="utf-8") for folder in ("tracker/samples/acts", "tests/parsers/written")
             for path in sorted((ROOT / folder).glob("*.txt"))]
    passages = [line for text in texts for line in text.splitlines() if line.strip()]
    assert len(passages) > 500
    for passage in passages:
        assert [(t.text, t.idx) for t in now(passage)] == [(t.text, t.idx) for t in before(passage)], passage
