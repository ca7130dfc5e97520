"""parse_file / parse_files: the same results whether files are read in a helper process or here."""
import json
import time

from builders import DocxBuilder, PdfLine, pdf_bytes

import parsers.pipeline as pipeline
from parsers.pipeline import parse_file, parse_files


def sample_files(tmp_path):
    txt = tmp_path / "act.txt"
    txt.write_text("ПОСТАНОВЛЕНИЕ\n1. Управлению образования обеспечить исполнение до 1 марта 2024 года.\n",
                   encoding="utf-8")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    docx = DocxBuilder().paragraph("РАСПОРЯЖЕНИЕ").paragraph("Обеспечить исполнение.").save(tmp_path / "act.docx")
    pdf = tmp_path / "act.pdf"
    pdf.write_bytes(pdf_bytes([[PdfLine(85, 80, "ПОСТАНОВЛЕНИЕ"), PdfLine(85, 110, "Обеспечить исполнение.")]]))
    return [str(txt), str(empty), str(docx), str(pdf)]


def as_json(results):
    return [json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) for r in results]


def test_parse_files_gives_in_order_what_parse_file_gives_one_by_one(tmp_path):
    files = sample_files(tmp_path)
    together = list(parse_files(files))
    assert [r.source for r in together] == files
    assert as_json(together) == as_json(parse_file(f) for f in files)
    assert [r.format for r in together] == ["txt", None, "docx", "pdf"]
    assert together[1].error and "пуст" in together[1].error


def test_without_fork_the_files_are_read_in_process_with_the_same_results(tmp_path, monkeypatch):
    files = sample_files(tmp_path)
    expected = as_json(parse_files(files))
    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)
    assert as_json(parse_files(files, sources=["a", "b", "c", "d"])) == [
        line.replace(json.dumps(f, ensure_ascii=False), json.dumps(name, ensure_ascii=False))
        for line, f, name in zip(expected, files, "abcd", strict=True)
    ]


def test_no_files_no_results():
    assert list(parse_files([])) == []


def test_a_process_with_other_threads_reads_in_process(tmp_path):
    import threading

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert pipeline._can_fork() is False
        files = sample_files(tmp_path)
        assert [r.source for r in parse_files(files)] == files
    finally:
        stop.set()
        worker.join()


_REAL_READ = pipeline.read_outcome


def read_last_when_told(path, ocr=None):
    """A reader that holds back the file named last.txt until go.flag exists; after 10 s it gives
    up waiting and leaves gave-up.flag."""
    from pathlib import Path

    if path.endswith("last.txt"):
        go = Path(path).with_name("go.flag")
        for _ in range(100):
            if go.exists():
                break
            time.sleep(0.1)
        else:
            go.with_name("gave-up.flag").write_text("")
    return _REAL_READ(path, ocr)


def test_a_file_read_is_extracted_while_the_helper_still_reads_the_next(tmp_path, monkeypatch):
    files = sample_files(tmp_path)[:1]
    last = tmp_path / "last.txt"
    last.write_text("РАСПОРЯЖЕНИЕ\n1. Отделу культуры провести смотр до 1 мая 2024 года.\n", encoding="utf-8")
    files.append(str(last))
    expected = as_json(parse_file(f) for f in files)
    monkeypatch.setattr(pipeline, "read_outcome", read_last_when_told)
    results = parse_files(files)
    first = next(results)  # the helper is still holding last.txt back
    (tmp_path / "go.flag").write_text("")
    assert as_json([first, *results]) == expected
    assert not (tmp_path / "gave-up.flag").exists()  # the first result did not wait for the last read
