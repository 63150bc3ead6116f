import json
from pathlib import Path

import pytest

from extractor.batch.parallel import default_jobs, run_dask, run_local
from extractor.core import Options

BLANK = Options(model="blank")
MINUTES = "Board meeting\nTuesday 9 April 2024\n\n## Finance\n- Budget agreed for {n}.\n"


def _files(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"m{i:02d}.md"
        text = MINUTES.format(n=i)
        if i == 3:  # a file of two meetings
            text = text.replace("Tuesday 9 April", "Date: 9 April") * 2
            text = text.replace("Date: 9 April", "Date: 16 April", 1)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (folder / "broken.md").write_text("", encoding="utf-8")
    return [*paths, folder / "broken.md"]


def _summary(results: list) -> list[tuple[str, str | None, str | None]]:  # type: ignore[type-arg]
    return [
        (
            r.path.name,
            json.loads(r.text)["sections"][0]["heading"] if r.text else None,
            r.error.message if r.error else None,
        )
        for r in results
    ]


def test_default_jobs_is_one_for_small_batches() -> None:
    assert default_jobs(3) == 1
    assert default_jobs(10_000) >= 1


@pytest.mark.slow
def test_process_pool_gives_the_same_results_in_order(tmp_path: Path) -> None:
    paths = _files(tmp_path, 20)
    one = list(run_local(paths, options=BLANK, jobs=1))
    two = list(run_local(paths, options=BLANK, jobs=2))
    assert _summary(two) == _summary(one)
    assert [r.path for r in two] == paths
    assert [r.outputs() for r in two] == [r.outputs() for r in one]
    broken = _summary(two)[-1]
    assert broken[1] is None and broken[2] is not None and "empty" in broken[2]


@pytest.mark.slow
def test_dask_engine_on_a_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _files(tmp_path, 6)
    paths.append(tmp_path / "missing.md")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        results = list(run_dask(paths, options=BLANK, scheduler=cluster.scheduler_address))
    local = list(run_local(paths, options=BLANK, jobs=1))
    assert _summary(results) == _summary(local)
    assert results[-1].error is not None and "no such file" in results[-1].error.message
    assert results[-2].error is not None and results[-2].error.path == str(paths[-2])
