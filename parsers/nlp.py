"""Lazy NLP: spaCy's blank Russian tokenizer with morphology filled in from pymorphy3.

Nothing here is imported until a file is parsed: `tracker --help` must not pay for spaCy.
pymorphy3's first parse ignores context, so a token keeps every case its word can have
(«области» is Gen, Dat and Loc at once) and patterns test for a superset.
"""
from __future__ import annotations

import re
import sys
import types
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

CASES = {"nomn": "Nom", "gent": "Gen", "gen2": "Gen", "datv": "Dat", "accs": "Acc", "acc2": "Acc",
         "ablt": "Ins", "loct": "Loc", "loc2": "Loc", "voct": "Voc"}
POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
       "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
       "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ"}


@cache
def analyzer() -> Any:
    """The pymorphy3 analyzer, built once (80 ms)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy3 parse of a word (lower-cased), cached: acts repeat their words."""
    return tuple(analyzer().parse(word.lower()))


@lru_cache(maxsize=100_000)
def cases(word: str) -> frozenset[str]:
    """Every pymorphy3 case the word can be in («области» -> gent, datv, loct, ...)."""
    return frozenset(p.tag.case for p in parses(word) if p.tag.case)


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form for p in parses(word))


@lru_cache(maxsize=100_000)
def is_infinitive(word: str) -> bool:
    return any(p.tag.POS == "INFN" for p in parses(word))


@lru_cache(maxsize=100_000)
def _morph_string(word: str) -> tuple[str, str, str]:
    """(UD morph string, pos, lemma) for a word, keeping all of its possible cases."""
    found = parses(word)
    if not found:
        return "", "X", word.lower()
    first = found[0]
    feats: dict[str, set[str]] = {}
    for parse in found:
        case = CASES.get(parse.tag.case or "")
        if case:
            feats.setdefault("Case", set()).add(case)
        if parse.tag.POS == "INFN":
            feats.setdefault("VerbForm", set()).add("Inf")
        if parse.tag.number:
            feats.setdefault("Number", set()).add("Sing" if parse.tag.number == "sing" else "Plur")
    morph = "|".join(f"{key}={','.join(sorted(values))}" for key, values in sorted(feats.items()))
    pos = "VERB" if "VerbForm" in feats else POS.get(first.tag.POS or "", "X")
    return morph, pos, first.normal_form


def _import_spacy() -> Any:
    """Import spaCy without its command line.

    spaCy's package __init__ imports `spacy.cli` (requests, typer, downloads: about 0.15 s of
    the benchmark's budget) only to re-export `info`. The parsers never use it, so the import
    is deferred: `spacy.info` still works (it imports the real module when called), and the
    placeholders are removed at once, so a later `import spacy.cli` gets the real one.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that «from .cli.info import info» resolves
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, cli_info
    try:
        import spacy
    finally:
        for name, placeholder in (("spacy.cli", cli), ("spacy.cli.info", cli_info)):
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy


@cache
def pipeline() -> Language:
    """spacy.blank("ru") plus the pymorphy3 component, built on first use (~0.6 s)."""
    spacy = _import_spacy()
    from spacy.language import Language

    if not Language.has_factory("pymorphy3_morphology"):
        @Language.component("pymorphy3_morphology")
        def fill_morphology(doc: Doc) -> Doc:
            for token in doc:
                if token.is_alpha:
                    morph, pos, lemma = _morph_string(token.lower_)
                    if morph:
                        token.set_morph(morph)  # type: ignore[attr-defined]  # spaCy's token.pyi omits set_morph
                    token.pos_ = pos
                    token.lemma_ = lemma
            return doc

    nlp = _acts_russian(spacy).from_config({})  # what spacy.blank("ru") does, with our tokenizer rules
    nlp.add_pipe("pymorphy3_morphology")
    return nlp


def _acts_russian(spacy: Any) -> Any:
    """spaCy's Russian with the tokenizer rules acts need, given before the tokenizer is built.

    Set on a built tokenizer instead, each rule recompiles spaCy's regular expressions or
    reloads its 2,000 special cases (about 0.1 s of every import); the tokens are the same."""
    from spacy.lang.ru import Russian, RussianDefaults

    url_match: Any = RussianDefaults.url_match

    class ActsDefaults(RussianDefaults):
        # a web page that lost its spaces glues a word to the abbreviation before it
        # («2023 г.разработать»): a stop between lower-case letters splits the token
        infixes = [*RussianDefaults.infixes, r"(?<=[а-яё])\.(?=[а-яё]{3,})"]
        # ... which spaCy would otherwise take for a web address
        url_match = staticmethod(lambda text: url_match(text) if re.search(r"[A-Za-z/]", text) else None)

    class ActsRussian(Russian):
        Defaults = ActsDefaults

    return ActsRussian


def tokens(text: str) -> Doc:
    """Tokenize a short passage (an item's lead, never the whole act) and fill its morphology."""
    return pipeline()(text)


@cache
def matcher_for(name: str) -> Any:
    """spaCy rule Matchers the rules share, built once on the pipeline's vocabulary."""
    from spacy.matcher import Matcher

    from parsers.rules import words

    nlp = pipeline()
    matcher = Matcher(nlp.vocab)
    if name == "verbs":
        # an infinitive (the directive) and the verbs that put the executor after them
        matcher.add("INFINITIVE", [[{"MORPH": {"IS_SUPERSET": ["VerbForm=Inf"]}}]])
        matcher.add("ADDRESSING", [[{"LOWER": {"IN": sorted(words.addressing_verbs())}}]])
    return matcher


@lru_cache(maxsize=100_000)
def is_known(word: str) -> bool:
    """Is the word in the dictionary (not a guess from its ending)?"""
    return analyzer().word_is_known(word.lower())
