"""Build a ReadDocument from a snippet the way the .txt reader does: one block per non-empty line."""
from parsers.model import Block, ReadDocument


def document(text: str) -> ReadDocument:
    return ReadDocument.build("txt", [Block(text=line) for line in text.splitlines() if line.strip()])


def extract_text(text: str):
    from parsers.extract import extract

    return extract(document(text), source="snippet.txt")
