"""Write parsers/data/tokenizer_ru.json, the rules of the acts tokenizer, from spaCy's Russian.

    .venv/bin/python scripts/tokenizer_rules.py          # write the file
    .venv/bin/python scripts/tokenizer_rules.py --check  # exit 1 if the file differs from spaCy's rules

parsers.tokenizer cuts text as spaCy's blank Russian tokenizer does, with the two rules acts
need, without importing spaCy (about 0.5 s of every `tracker parse`). Its rules are spaCy's:
the prefix, suffix and infix expressions, the web-address expression and the special cases
(«т.е.», «в т.ч.», emoticons). This script takes them from the installed spaCy;
tests/parsers/test_nlp_tokenizer.py checks that the file is current and that both tokenizers
cut the corpora alike.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "parsers" / "data" / "tokenizer_ru.json"
ORTH = 65  # spaCy's attribute id of a token's text (spacy.attrs.ORTH)


def spacy_tokenizer() -> Any:
    """spaCy's blank Russian tokenizer with the acts' two rules: the reference parsers.tokenizer follows."""
    from spacy.lang.ru import Russian, RussianDefaults

    url_match: Any = RussianDefaults.url_match

    class ActsDefaults(RussianDefaults):
        # a web page that lost its spaces glues a word to the abbreviation before it
        # («2023 г.разработать»): a stop between lower-case letters splits the token
        infixes = [*RussianDefaults.infixes, r"(?<=[а-яё])\.(?=[а-яё]{3,})"]
        # ... which spaCy would otherwise take for a web address (parsers.tokenizer.is_url)
        url_match = staticmethod(lambda text: url_match(text) if re.search(r"[A-Za-z/]", text) else None)

    class ActsRussian(Russian):
        Defaults = ActsDefaults

    return ActsRussian.from_config({}).tokenizer


def rules_of(tokenizer: Any) -> dict[str, Any]:
    """The tokenizer's rules as plain data: expressions with their flags, special cases as their pieces."""
    from spacy.lang.ru import RussianDefaults

    if tokenizer.token_match is not None:
        raise SystemExit("the Russian tokenizer has a token_match now: teach parsers.tokenizer to use it")

    def expression(bound_method: Any) -> dict[str, Any]:
        pattern = bound_method.__self__
        return {"pattern": pattern.pattern, "flags": int(pattern.flags)}

    return {
        "prefix": expression(tokenizer.prefix_search),
        "suffix": expression(tokenizer.suffix_search),
        "infix": expression(tokenizer.infix_finditer),
        "url": expression(RussianDefaults.url_match),
        "special": {chunk: [piece[ORTH] for piece in pieces] for chunk, pieces in sorted(tokenizer.rules.items())},
    }


def written_rules() -> dict[str, Any]:
    """The rules in the file, without the spaCy version they were taken from."""
    rules = json.loads(RULES.read_text(encoding="utf-8")) if RULES.exists() else {}
    rules.pop("spacy", None)
    return rules


def main(argv: list[str]) -> int:
    import spacy

    rules = rules_of(spacy_tokenizer())
    if "--check" in argv:
        if written_rules() != rules:
            print(f"{RULES.relative_to(ROOT)} differs from the installed spaCy's rules: run scripts/tokenizer_rules.py")
            return 1
        print(f"{RULES.relative_to(ROOT)} is current")
        return 0
    text = json.dumps({**rules, "spacy": spacy.__version__}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    RULES.write_text(text, encoding="utf-8")
    print(f"wrote {RULES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
