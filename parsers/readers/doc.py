"""Legacy Word .doc acts: converted to .docx by LibreOffice (headless), then read as .docx.

The conversion runs in a private temporary folder and profile with a time limit. Without
LibreOffice on the machine the clerk is told to install it or to save the file as .docx.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import ReadDocument
from russian_errors import os_problem

CONVERT_TIMEOUT_SECONDS = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


WORD_STREAM = "WordDocument".encode("utf-16-le")
OTHER_STREAMS = {"Workbook".encode("utf-16-le"): "таблица Excel", "PowerPoint Document".encode("utf-16-le"):
                 "презентация PowerPoint", "EncryptedPackage".encode("utf-16-le"): "зашифрованный документ Office"}


def check_word_container(path: Path) -> None:
    """An OLE file is a .doc only if it holds a WordDocument stream (its name is in the directory)."""
    data = path.read_bytes()
    if WORD_STREAM in data:
        return
    for marker, what in OTHER_STREAMS.items():
        if marker in data:
            advice = ("Откройте его с паролем и сохраните копию без пароля как .docx"
                      if "зашифрованный" in what else "Укажите файл акта (.docx, .pdf, .doc)")
            raise ReadError(str(path), f"внутри не документ Word, а {what}", advice)
    raise ReadError(str(path), "файл .doc повреждён: в нём нет текста документа Word",
                    "Откройте его в Word и сохраните как .docx, или возьмите исходный файл ещё раз")


def read_doc(path: Path) -> ReadDocument:
    from parsers.readers.sniff import OLE_MAGIC

    with open(path, "rb") as handle:
        is_ole = handle.read(len(OLE_MAGIC)) == OLE_MAGIC
    if is_ole:
        check_word_container(path)
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(str(path), "для чтения файлов .doc (Word 97–2003) нужен LibreOffice, "
                        "а он не установлен на этом компьютере",
                        "Сохраните акт в Word как .docx или установите LibreOffice "
                        "(sudo apt-get install libreoffice-writer-nogui)")
    from parsers.readers.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="tracker-doc-") as work:
        source = Path(work) / "act.doc"
        shutil.copyfile(path, source)  # a plain ASCII name: LibreOffice and odd file names do not mix
        profile = Path(work) / "profile"
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False,
                           env={**os.environ, "HOME": work}, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError(str(path), f"LibreOffice не преобразовал файл .doc за {CONVERT_TIMEOUT_SECONDS} с",
                            "Откройте файл в Word или LibreOffice и сохраните как .docx") from None
        except OSError as error:
            raise ReadError(str(path), f"LibreOffice не запустился ({os_problem(error)})",
                            "Сохраните акт в Word как .docx") from None
        converted = Path(work) / "act.docx"
        if not converted.exists() or converted.stat().st_size == 0:
            raise ReadError(str(path), "файл .doc повреждён: LibreOffice не смог его преобразовать",
                            "Откройте файл в Word и сохраните как .docx, или возьмите исходный файл ещё раз")
        document = read_docx(converted)
    if document.text.count("\ufffd") > max(10, len(document.text) // 20):
        raise ReadError(str(path), "файл .doc повреждён: после преобразования в нём нечитаемые символы",
                        "Откройте его в Word и сохраните как .docx, или возьмите исходный файл ещё раз")
    document.format = "doc"
    return document
