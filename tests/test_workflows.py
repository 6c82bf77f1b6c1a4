"""The GitHub workflows and repository settings are safe, valid and run the README's commands.

Everything here reads the real files under `.github/` (YAML parsed with PyYAML's
BaseLoader, so every scalar stays a string and `on:` stays "on"). The linters of these
files (zizmor, GitHub's schemas) run in `make lint`, not here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PULL_REQUEST = GITHUB / "workflows" / "pull-request.yml"
DEPLOY = GITHUB / "workflows" / "deploy.yml"
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")

PINNED_USES = re.compile(r"^(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})$")
USES_LINE = re.compile(
    r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<version>v\d+(?:\.\d+){0,2}))?\s*$"
)
COMMAND_LINE = re.compile(r"^(?:\$\s+)?(?P<command>make\s+\S+)\s*$")


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _run_lines(workflow: dict[str, Any]) -> set[str]:
    """Every line of every `run:` script, stripped."""
    return {
        line.strip()
        for step in _steps(workflow)
        for line in step.get("run", "").splitlines()
        if line.strip()
    }


def _readme_commands() -> list[str]:
    """The `make ...` lines of the README's fenced code block that holds `make site`."""
    readme = ROOT / "README.md"
    assert readme.exists(), "README.md is missing; it must show `make site` and `make test`"
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", readme.read_text(encoding="utf-8"), re.M | re.S)
    for block in blocks:
        commands = [m["command"] for line in block.splitlines() if (m := COMMAND_LINE.match(line))]
        if "make site" in commands:
            return commands
    pytest.fail("README.md has no fenced code block with a `make site` line")


def test_both_workflows_exist() -> None:
    assert {PULL_REQUEST, DEPLOY} <= set(WORKFLOWS)


# (a) zizmor and GitHub's JSON Schemas check these files in `make lint`, which CI runs: see
# test_workflow_runs_the_readme_commands.


def test_both_issue_forms_exist() -> None:
    assert [p.name for p in ISSUE_FORMS] == ["correction.yml", "new-story.yml"]


# (c) CI runs what the README tells people to run


def test_readme_shows_make_site_make_test_and_make_lint() -> None:
    assert {"make site", "make test", "make lint"} <= set(_readme_commands())


@pytest.mark.parametrize("path", [PULL_REQUEST, DEPLOY], ids=lambda p: p.name)
def test_workflow_runs_the_readme_commands(path: Path) -> None:
    """Each README command is a step's command; the deploy's `make site` is split across
    runners as `make site-shard` and `make site-merge`, which build the same bytes
    (tests/test_shards.py)."""
    runs = _run_lines(_load(path))
    if path == DEPLOY and 'make site-shard SHARD="$SHARD"' in runs and "make site-merge" in runs:
        runs.add("make site")
    missing = set(_readme_commands()) - runs
    assert not missing, f"{path.name} never runs {sorted(missing)} as a step command"


# (d) every action is pinned to a commit, with its version in a comment


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(path: Path) -> None:
    parsed = [step["uses"] for step in _steps(_load(path)) if "uses" in step]
    assert parsed, f"{path.name} uses no action"
    for ref in parsed:
        assert PINNED_USES.match(ref), f"{path.name}: {ref} is not pinned to a 40-hex commit SHA"
    lines = [m for line in path.read_text().splitlines() if (m := USES_LINE.match(line))]
    assert [m["ref"] for m in lines] == parsed, "every `uses:` must be on one line"
    for m in lines:
        assert m["version"], f"{path.name}: {m['ref']} has no `# vX.Y.Z` comment"


def test_each_action_has_one_pin_across_workflows() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if (m := USES_LINE.match(line)) and (ref := PINNED_USES.match(m["ref"])):
                pins.setdefault(ref["action"], set()).add(f"{ref['sha']} {m['version']}")
    assert pins
    assert {action: shas for action, shas in pins.items() if len(shas) > 1} == {}


# (e) least privilege


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_grants_nothing_at_the_top_and_never_uses_pull_request_target(
    path: Path,
) -> None:
    workflow = _load(path)
    assert "pull_request_target" not in workflow["on"]
    assert "pull_request_target" not in path.read_text()
    assert workflow["permissions"] == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_drops_the_token(path: Path) -> None:
    checkouts = [
        s for s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") == "false", step


def test_pull_request_workflow_is_read_only_and_uses_no_secrets() -> None:
    workflow = _load(PULL_REQUEST)
    assert set(workflow["on"]) == {"pull_request"}
    for name, job in workflow["jobs"].items():
        assert job["permissions"] == {"contents": "read"}, name
    assert "secrets." not in PULL_REQUEST.read_text()


def test_deploy_jobs_get_only_what_they_need() -> None:
    jobs = _load(DEPLOY)["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "plan": {},
        # configure-pages reads the Pages site's settings, hence pages: read.
        "shard": {"contents": "read", "pages": "read"},
        "build": {"contents": "read"},  # this run's own artifacts need no permission
        "test": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


# The pull-request job: annotations, summary, preview


def test_pull_request_job_annotates_summarises_and_uploads_the_preview() -> None:
    workflow = _load(PULL_REQUEST)
    runs = _run_lines(workflow)
    assert ".venv/bin/python -m generator check content --format github" in runs
    diff = [line for line in runs if "-m generator diff" in line]
    assert diff and all(line.endswith('>> "$GITHUB_STEP_SUMMARY"') for line in diff)
    uploads = [
        s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert [s["with"]["path"] for s in uploads] == ["site/"]
    checkout = next(s for s in _steps(workflow) if s["uses"].startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == "0", "the base commit's content/ is needed"


def test_pull_request_annotates_warnings_whether_or_not_the_check_failed() -> None:
    steps = _steps(_load(PULL_REQUEST))
    check = next(s for s in steps if s.get("run") == "make check")
    annotate = next(s for s in steps if "--format github" in s.get("run", ""))
    assert steps.index(annotate) == steps.index(check) + 1
    assert annotate["run"] == ".venv/bin/python -m generator check content --format github"
    # Warnings leave `make check` green: a step that runs only on failure would hide them.
    assert "failure()" not in annotate["if"]
    assert annotate["if"] == f"${{{{ !cancelled() && steps.{check['id']}.outcome != 'skipped' }}}}"


# The deploy workflow


def test_deploy_runs_on_push_to_main_one_at_a_time() -> None:
    workflow = _load(DEPLOY)
    assert workflow["on"] == {"push": {"branches": ["main"]}}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


def test_deploy_happens_only_after_the_build_and_the_tests() -> None:
    jobs = _load(DEPLOY)["jobs"]
    assert sorted(jobs["deploy"]["needs"]) == ["build", "test"]
    assert jobs["deploy"]["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert [s["id"] for s in jobs["deploy"]["steps"]] == ["deployment"]
    assert {"make lint", "make test"} <= _run_lines({"jobs": {"test": jobs["test"]}})


def test_deploy_build_is_reproducible_uncached_and_uses_the_pages_url() -> None:
    jobs = _load(DEPLOY)["jobs"]
    shard, build = jobs["shard"], jobs["build"]
    uses = [s["uses"].split("@")[0] for job in (shard, build) for s in job["steps"] if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-artifact",
        "actions/checkout",
        "actions/setup-python",
        "actions/download-artifact",
        "actions/upload-pages-artifact",
    ]
    assert not any("cache" in s.get("with", {}) for s in shard["steps"] + build["steps"])
    assert "cache" not in DEPLOY.read_text().replace("No dependency cache", "")
    steps = shard["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    site = next(s for s in steps if "make site-shard" in s.get("run", ""))
    assert site["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/"
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in site["run"]
    assert "export SOURCE_DATE_EPOCH" in site["run"]
    upload = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "site/"


def test_deploy_builds_one_shard_a_runner_and_merges_them_once() -> None:
    """SITE_SHARDS shards (one when unset), each built once in the matrix, with the
    number in its folder's name, and one merge of every shard's folder, after all."""
    jobs = _load(DEPLOY)["jobs"]
    assert jobs["shard"]["needs"] == "plan" and jobs["build"]["needs"] == "shard"
    matrix = jobs["shard"]["strategy"]["matrix"]["shard"]
    assert matrix == "${{ fromJSON(needs.plan.outputs.shards) }}"
    (plan,) = jobs["plan"]["steps"]
    assert plan["env"]["SITE_SHARDS"] == "${{ vars.SITE_SHARDS || '1' }}"
    cases = {"1": ["1/1"], "3": ["1/3", "2/3", "3/3"], "07": [f"{n}/7" for n in range(1, 8)]}
    for value, listed in cases.items():
        assert json.loads(_run_plan(plan["run"], value) or "null") == listed, value
    for bad in ("0", "257", "", "-2", "x"):
        assert _run_plan(plan["run"], bad) is None, bad
    upload = next(s for s in jobs["shard"]["steps"] if "upload-artifact" in s.get("uses", ""))
    download = next(s for s in jobs["build"]["steps"] if "download-artifact" in s.get("uses", ""))
    assert upload["with"]["name"] == "shard-${{ env.FOLDER }}"
    assert download["with"]["pattern"] == "shard-*"
    assert any("make site-merge" in s.get("run", "") for s in jobs["build"]["steps"])


def _run_plan(script: str, value: str) -> str | None:
    """The shards the plan step lists for SITE_SHARDS=value, or None when it fails."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output"
        output.touch()
        env = {"PATH": os.environ["PATH"], "SITE_SHARDS": value, "GITHUB_OUTPUT": str(output)}
        done = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            assert "::error::SITE_SHARDS is" in done.stdout
            return None
        (line,) = output.read_text().splitlines()
        assert line.startswith("shards=")
        return line.removeprefix("shards=")


# Dependabot, pre-commit, CODEOWNERS, pull request template


def test_dependabot_updates_actions_pip_pins_and_both_npm_locks_weekly() -> None:
    updates = _load(GITHUB / "dependabot.yml")["updates"]
    watched = {
        (u["package-ecosystem"], directory, u["schedule"]["interval"])
        for u in updates
        for directory in u.get("directories", [u.get("directory")])
    }
    npm_locks = {"/" + str(p.parent.relative_to(ROOT)) for p in _npm_lock_files()}
    assert npm_locks == {"/tests/npm", "/bench"}
    assert watched == {
        ("github-actions", "/", "weekly"),
        ("pip", "/", "weekly"),
        *{("npm", directory, "weekly") for directory in npm_locks},
    }


def _npm_lock_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("package-lock.json") if "node_modules" not in p.parts)


def test_dependabot_never_proposes_a_major_mkdocs_release() -> None:
    (pip,) = [
        u for u in _load(GITHUB / "dependabot.yml")["updates"] if u["package-ecosystem"] == "pip"
    ]
    assert {"dependency-name": "mkdocs", "update-types": ["version-update:semver-major"]} in (
        pip["ignore"]
    )


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_pin_is_installed_with_its_hashes(name: str) -> None:
    """Each requirement pinned exactly with at least one hash, and `make` installs the file
    with --require-hashes, so that a file changed on the registry is refused."""
    text = (ROOT / name).read_text(encoding="utf-8")
    pins = [b for b in re.split(r"\n(?=[A-Za-z])", text) if re.match(r"[A-Za-z0-9]", b)]
    assert len(pins) > 20
    for block in pins:
        assert re.match(r"^[A-Za-z0-9_.\-]+==\S+ \\\n", block), block.splitlines()[0]
        assert "--hash=sha256:" in block, block.splitlines()[0]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert f"pip install --quiet --require-hashes -r {name}" in makefile


def test_pull_request_builds_with_another_engine() -> None:
    workflow = _load(GITHUB / "workflows" / "pull-request.yml")
    runs = [step.get("run", "") for step in workflow["jobs"]["engines"]["steps"]]
    assert "make engines" in runs
    assert "make engines" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_pre_commit_checks_the_content() -> None:
    (repo,) = _load(ROOT / ".pre-commit-config.yaml")["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == "python -m generator check content"
    assert (hook["language"], hook["files"], hook["pass_filenames"]) == (
        "system",
        "^content/",
        "false",
    )


def test_codeowners_puts_the_code_under_the_maintainers() -> None:
    rules = dict(
        line.split(maxsplit=1)
        for line in (GITHUB / "CODEOWNERS").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )
    owned = {
        "/.github/", "/generator/", "/theme/", "/mkdocs.yml", "/Makefile",
        "/requirements.txt", "/requirements-dev.txt", "/pyproject.toml",
    }  # fmt: skip
    assert {path: owner.strip() for path, owner in rules.items()} == dict.fromkeys(
        owned, "@OWNER/maintainers"
    )


def test_pull_request_template_has_the_editors_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text()
    items = [line for line in text.splitlines() if line.startswith("- [ ]")]
    for needle in ("cited", "verbatim", "`make check` passes", "preview"):
        assert any(needle in item for item in items), needle
