"""Open the dashboard in a real headless Chromium: charts render, no console errors, screenshot.

Skipped where /usr/bin/chromium is absent (CI installs Debian's ``chromium`` package). Name
lookups are mapped to nothing, so the page must render without a network.
"""

import re
import struct
import subprocess
from pathlib import Path

import pytest

from extractor.core import DocumentEntity
from extractor.corpus import read_minutes
from extractor.corpus.report import build_report
from tests.corpus.search_docs import write_all

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000",
    "--enable-logging=stderr", "--v=0",
)  # fmt: skip
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    docs = [read_minutes(p) for p in write_all(folder / "out")]
    docs[0].minutes.entities = [
        DocumentEntity(text="CSP", label="ORG", expansion="Community Safety Partnership", count=3),
        DocumentEntity(text="Safer Streets Fund", label="PROGRAMME", count=2),
    ]
    docs[1].minutes.entities = [DocumentEntity(text="Hillside", label="PLACE", count=1)]
    target = folder / "report.html"
    target.write_text(build_report(docs, page=target), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def run(page: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One browser run: the rendered DOM on stdout, console messages on stderr, a screenshot."""
    shot = page.parent / "report.png"
    command = [
        str(CHROMIUM), *FLAGS, f"--user-data-dir={page.parent / 'profile'}", "--dump-dom",
        f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result, shot


def test_no_console_errors(run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    messages = [line for line in run[0].stderr.splitlines() if ":CONSOLE" in line]
    assert [m for m in messages if re.search(r"error|uncaught|failed", m, re.IGNORECASE)] == []


def test_charts_render(run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    dom = run[0].stdout
    for number in range(1, 6):
        assert f'id="chart-{number}"' in dom
    assert dom.count('class="main-svg"') >= 10  # plotly draws two SVG layers per chart
    assert 'class="trace bars"' in dom
    assert ">Riverside Community Safety Forum</a>" in dom


def test_screenshot(run: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    data = run[1].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 2000)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes
