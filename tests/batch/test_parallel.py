import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
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


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``, read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition: Callable[[], bool], *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to list processes")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "kill-TERM"])
def test_workers_exit_when_the_batch_process_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    """Regression: after kill -9 or kill -TERM of convert --jobs 2 the workers stayed alive."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _files(src, 400)
    command = [sys.executable, "-m", "extractor", "convert", str(src), "-o", str(out)]
    parent = subprocess.Popen(
        [*command, "--model", "blank", "--jobs", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        assert _wait_for(lambda: len(_children(parent.pid)) >= 2, seconds=60)
        workers = _children(parent.pid)
        assert _wait_for(lambda: any(out.glob("*.json")), seconds=60)
        parent.send_signal(how)
        parent.wait(timeout=10)
        # a bound on process existence, not a speed figure: the workers poll twice a second
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), seconds=10)
    finally:
        parent.kill()
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


WATCH_ONLY = """
import os, sys, time
from extractor.batch import parallel
sys.platform = "other"  # leave out the Linux call: only the watch thread is left
me = os.getpid()
ready, told = os.pipe()
child = os.fork()
if child == 0:
    parallel._exit_with_parent(me)
    os.write(told, b"!")  # the watch runs: only now may the parent be killed
    time.sleep(60)
    os._exit(0)
os.read(ready, 1)
print(child, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to list processes")
def test_the_watch_thread_alone_ends_a_worker_whose_parent_was_killed() -> None:
    """The portable half: no prctl, so only the worker's own check of its parent can end it."""
    parent = subprocess.Popen([sys.executable, "-c", WATCH_ONLY], stdout=subprocess.PIPE, text=True)
    worker = 0
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert _alive(worker)
        parent.kill()
        parent.wait(timeout=10)
        assert _wait_for(lambda: not _alive(worker), seconds=10)
    finally:
        parent.kill()
        if worker:
            with contextlib.suppress(OSError):
                os.kill(worker, signal.SIGKILL)
