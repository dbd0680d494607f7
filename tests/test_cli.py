import subprocess
import sys

import pytest

from argmap import __version__
from argmap.cli import build_parser
from conftest import REPO


def test_version(run):
    r = run("--version")
    assert r.code == 0 and r.out.strip() == f"argmap {__version__}"


def test_no_command_prints_help_and_exits_2(run):
    r = run()
    assert r.code == 2 and "validate" in r.out and "stats" in r.out


@pytest.mark.parametrize("command", sorted(build_parser()._subparsers._group_actions[0].choices))
def test_every_command_explains_itself(run, command):
    r = run(command, "--help")
    assert r.code == 0 and r.out.startswith("usage: argmap " + command)
    assert len(r.out.splitlines()) > 4


def test_stats_counts_the_fixture(run, good_kb):
    r = run("stats", cwd=good_kb)
    assert r.code == 0
    lines = [line.rsplit(None, 1) for line in r.out.split("\n\n")[0].splitlines()]
    rows = {name.strip(): value for name, value in (l for l in lines if len(l) == 2)}
    assert rows["topics"] == "2" and rows["claims"] == "8"
    assert rows["thesis"] == "2" and rows["fact"] == "1"
    assert rows["supports"] == "3" and rows["rebuts"] == "2" and rows["undercuts"] == "2"
    assert rows["questions"] == "1" and rows["relates"] == "1"
    assert rows["cross-topic"] == "3" and rows["evidence quotes"] == "8"
    assert rows["questioned"] == "1" and rows["open questions"] == "1"
    assert "questioned: \u201cOffense is easier than defense.\u201d [offense-easy]" in r.out
    assert rows["sources"] == "2" and rows["people and roles"] == "3"


def test_installed_console_script_runs(good_kb):
    """The real entry point, as a user runs it (no traceback on a usage error)."""
    exe = REPO / ".venv" / "bin" / "argmap"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "argmap"]
    out = subprocess.run(cmd + ["validate", "nope.yaml"], cwd=good_kb, capture_output=True, text=True)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "no such file" in out.stderr
    out = subprocess.run(cmd + ["validate"], cwd=good_kb, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


def test_explain_gives_the_reason_as_a_sentence_naming_claims_by_text(run, good_kb):
    r = run("explain", "regulation-fixes-racing", cwd=good_kb)
    assert r.code == 0
    flat = " ".join(r.out.split())
    assert "status: rejected" in r.out
    assert "Rejected: “Regulators are too slow to fix racing.” [regulators-slow] stands and rebuts it." in flat


def test_explain_shows_questions_and_see_also(run, good_kb):
    flat = " ".join(run("explain", "offense-easy", cwd=good_kb).out.split())
    assert "status: questioned" in flat and "asks for its reasons without arguing against it" in flat
    assert "questions offense-why" in flat
    flat = " ".join(run("explain", "more-draws", cwd=good_kb).out.split())
    assert "see also (the texts meet here): relates serial-bottleneck" in flat


def test_the_cli_starts_without_the_heavy_libraries():
    """`argmap --help` is started often (shells, hooks); building the parser must not import rdflib,
    networkx, pyoxigraph or MkDocs (rdflib alone doubled the start-up time)."""
    import subprocess
    import sys

    code = ("import sys; from argmap.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('rdflib', 'networkx', 'pyoxigraph', 'mkdocs', 'pygraphviz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
