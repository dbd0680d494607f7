"""README's two commands are the ones CI runs, so a missing install step fails CI."""

import re

from conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick)


def test_readme_gives_two_commands_and_ci_runs_them():
    setup, tests = readme_commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci_setup = next(line for line in ci if "pip install" in line)
    assert setup == ci_setup, "CI must set up exactly as README says"
    assert tests in ci, "CI must run README's test command"
