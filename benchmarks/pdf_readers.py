"""PDF libraries compared on the shared PDFs: speed, memory and text quality per candidate.

    .venv/bin/python benchmarks/pdf_readers.py [--shared ../shared] [--rounds 3]
    .venv/bin/python benchmarks/pdf_readers.py --reader      # also time the extractor's reader

Candidates (all MIT-compatible licences): pypdfium2 (BSD-3/Apache-2.0, PDFium), pdfminer.six
(MIT), pdfplumber (MIT, on pdfminer.six) and pypdf (BSD-3). Each one is asked for what the
PDF reader needs: every character or word of every page with its position, font size and
weight. Timings are per page (a document's opening cost is spread over its pages), the best
of ``--rounds`` runs; peak RSS is measured in a fresh process on the largest PDF.

Text quality, per library, over all PDFs:
- words per page (alphabetic tokens of two or more letters);
- split words: adjacent tokens ``a b`` whose join ``ab`` is a word another library produced
  for the same PDF, while ``a`` or ``b`` is not (``Coun cil``);
- glued words: tokens no other library produced that are two of their words run together
  (``theCouncil``);
- order: mean difflib ratio of the page's word sequence against each other library's, so a
  library that reads columns or cells out of order stands apart.
Libraries that are not installed are skipped.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import logging
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PageTexts = list[str]
Extractor = Callable[[Path], tuple[PageTexts, list[float]]]
_WORD = re.compile(r"[A-Za-z]+")


def pdf_files(shared: Path) -> list[Path]:
    """Every PDF of the shared ``corpus/pdf`` and ``corpus/pool`` folders."""
    found: list[Path] = []
    for name in ("pdf", "pool"):
        folder = shared / "corpus" / name
        if folder.is_dir():
            found += sorted(folder.glob("*.pdf"))
    return found


def _pdfium(path: Path) -> tuple[PageTexts, list[float]]:
    """Characters with boxes, font size and weight through PDFium; text in content order."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    start = time.perf_counter()
    document = pdfium.PdfDocument(path.read_bytes())
    opened = time.perf_counter() - start
    texts: PageTexts = []
    times: list[float] = []
    for index in range(len(document)):
        start = time.perf_counter()
        page = document[index]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        left, right, bottom, top = (raw.c_double() for _ in range(4))
        for char in range(count):
            raw.FPDFText_GetUnicode(textpage.raw, char)
            raw.FPDFText_GetCharBox(textpage.raw, char, left, right, bottom, top)
            raw.FPDFText_GetFontSize(textpage.raw, char)
            raw.FPDFText_GetFontWeight(textpage.raw, char)
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
        times.append(time.perf_counter() - start)
    document.close()
    return texts, [t + opened / max(len(times), 1) for t in times]


def _pdfminer(path: Path) -> tuple[PageTexts, list[float]]:
    """Layout analysis (LAParams defaults): text lines with their characters' fonts."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    texts: PageTexts = []
    times: list[float] = []
    pages = extract_pages(path, laparams=LAParams())
    while True:
        start = time.perf_counter()
        try:
            page = next(pages)
        except StopIteration:
            break
        lines: list[str] = []
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    if isinstance(line, LTTextLine):
                        for char in line:
                            if isinstance(char, LTChar):
                                _ = (char.fontname, char.size, char.x0, char.y0)
                        lines.append(line.get_text())
        texts.append("".join(lines))
        times.append(time.perf_counter() - start)
    return texts, times


def _pdfplumber(path: Path) -> tuple[PageTexts, list[float]]:
    """Words with font name and size; the page text as pdfplumber lays it out."""
    import pdfplumber

    texts: PageTexts = []
    times: list[float] = []
    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        opened = time.perf_counter() - start
        for page in pdf.pages:
            start = time.perf_counter()
            page.extract_words(extra_attrs=["fontname", "size"])
            texts.append(page.extract_text() or "")
            page.close()
            times.append(time.perf_counter() - start)
    return texts, [t + opened / max(len(times), 1) for t in times]


def _pypdf(path: Path) -> tuple[PageTexts, list[float]]:
    """Text runs with font and text matrix through pypdf's visitor."""
    from pypdf import PdfReader

    start = time.perf_counter()
    reader = PdfReader(path)
    opened = time.perf_counter() - start
    texts: PageTexts = []
    times: list[float] = []
    runs: list[tuple[str, object, float]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: float) -> None:
        runs.append((text, font, size))

    for page in reader.pages:
        start = time.perf_counter()
        texts.append(page.extract_text(visitor_text=visit))
        times.append(time.perf_counter() - start)
    return texts, [t + opened / max(len(times), 1) for t in times]


def _reader(path: Path) -> tuple[PageTexts, list[float]]:
    """The extractor's own PDF reader (layout, reflow, furniture), whole document."""
    from extractor.readers import read_data

    data = path.read_bytes()
    start = time.perf_counter()
    document = read_data(data, name=path.name)
    elapsed = time.perf_counter() - start
    pages: dict[int, list[str]] = {}
    for block in document.blocks:
        pages.setdefault(block.origin.page or 1, []).append(block.text)
    count = max(pages) if pages else 1
    texts = ["\n".join(pages.get(n, [])) for n in range(1, count + 1)]
    return texts, [elapsed / count] * count


CANDIDATES: dict[str, tuple[str, Extractor]] = {
    "pypdfium2": ("pypdfium2", _pdfium),
    "pdfminer.six": ("pdfminer", _pdfminer),
    "pdfplumber": ("pdfplumber", _pdfplumber),
    "pypdf": ("pypdf", _pypdf),
}


def _installed(module: str) -> bool:
    """Tell whether ``module`` imports."""
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _quality(
    results: dict[str, dict[Path, PageTexts]],
) -> dict[str, dict[str, float]]:
    """Words per page, split and glued words per 1,000 words, order agreement, per library."""
    names = list(results)
    paths = list(next(iter(results.values()))) if results else []
    vocab = {
        (name, path): {w.lower() for page in results[name][path] for w in _WORD.findall(page)}
        for name in names
        for path in paths
    }
    scores: dict[str, dict[str, float]] = {}
    for name in names:
        words = pages = split = glued = 0
        ratios: list[float] = []
        for path in paths:
            others = [o for o in names if o != name]
            theirs_vocab = set().union(*(vocab[o, path] for o in others)) if others else set()
            for index, page in enumerate(results[name][path]):
                tokens = [w.lower() for w in _WORD.findall(page)]
                pages += 1
                words += sum(len(t) > 1 for t in tokens)
                split += sum(
                    1
                    for a, b in itertools.pairwise(tokens)
                    if a + b in theirs_vocab and (a not in theirs_vocab or b not in theirs_vocab)
                )
                glued += sum(
                    1 for t in tokens if t not in theirs_vocab and _two_words(t, theirs_vocab)
                )
                for other in others:
                    pages_there = results[other][path]
                    if index < len(pages_there):
                        there = [w.lower() for w in _WORD.findall(pages_there[index])]
                        ratios.append(
                            difflib.SequenceMatcher(None, tokens, there, autojunk=False).ratio()
                        )
        scores[name] = {
            "words_per_page": words / max(pages, 1),
            "split_per_1000": 1000 * split / max(words, 1),
            "glued_per_1000": 1000 * glued / max(words, 1),
            "order_agreement": statistics.fmean(ratios) if ratios else 0.0,
        }
    return scores


def _two_words(token: str, known: set[str]) -> bool:
    """Tell whether ``token`` splits into two known words, each of two letters or more."""
    return any(token[:i] in known and token[i:] in known for i in range(2, len(token) - 1))


def _rss_child(name: str, path: str) -> None:
    """Run one candidate on one file and print its peak RSS in MB (child process)."""
    extractor = _reader if name == "reader" else CANDIDATES[name][1]
    extractor(Path(path))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _peak_rss(name: str, path: Path) -> float:
    """Peak RSS in MB of a fresh process that imports the library and reads ``path``."""
    output = subprocess.run(
        [sys.executable, __file__, "--rss-child", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(output.split()[-1])


def main() -> None:
    """Measure every installed candidate and print one table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reader", action="store_true", help="also time the extractor")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if args.rss_child:
        _rss_child(*args.rss_child)
        return
    files = pdf_files(args.shared)
    if not files:
        sys.exit(f"no PDFs under {args.shared}/corpus/{{pdf,pool}}")
    largest = max(files, key=lambda p: p.stat().st_size)
    chosen = {name: ex for name, (module, ex) in CANDIDATES.items() if _installed(module)}
    if args.reader:
        chosen["reader"] = _reader
    results: dict[str, dict[Path, PageTexts]] = {}
    table: dict[str, dict[str, float]] = {}
    for name, extractor in chosen.items():
        best: dict[Path, list[float]] = {}
        texts: dict[Path, PageTexts] = {}
        for _ in range(args.rounds):
            for path in files:
                pages, times = extractor(path)
                texts[path] = pages
                if path not in best or sum(times) < sum(best[path]):
                    best[path] = times
        per_page = sorted(t * 1000 for times in best.values() for t in times)
        total = sum(per_page) / 1000
        table[name] = {
            "pages": len(per_page),
            "p50_ms": statistics.median(per_page),
            "p95_ms": per_page[min(len(per_page) - 1, int(0.95 * len(per_page)))],
            "pages_per_s": len(per_page) / total if total else 0.0,
            "peak_rss_mb": _peak_rss(name, largest),
        }
        if name != "reader":
            results[name] = texts
    for name, scores in _quality(results).items():
        table[name].update(scores)
    if args.json:
        print(json.dumps({"largest": largest.name, "files": len(files), "table": table}, indent=2))
        return
    print(f"{len(files)} PDFs; peak RSS on the largest, {largest.name}")
    columns = list(next(iter(table.values())))
    print(f"{'library':<14}" + "".join(f"{c:>17}" for c in columns))
    for name, row in table.items():
        print(f"{name:<14}" + "".join(f"{row.get(c, float('nan')):>17.2f}" for c in columns))


if __name__ == "__main__":
    main()
