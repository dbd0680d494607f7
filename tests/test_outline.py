"""The debate outline: order, folding, "see above" for shared sub-arguments, cycles cut."""

from __future__ import annotations

import re
import shutil

from conftest import FIXTURES

from argmap.load.project import load_folder
from argmap.site.debate import Outline

CYCLE = """
  - id: a-rebuts-b
    text: A rebuts B.
    kind: claim
    by: alice
    evidence: [{source: urn, quote: "Why would offense be easy, though?"}]
    links: [{rebuts: b-rebuts-a}]
  - id: b-rebuts-a
    text: B rebuts A.
    kind: claim
    by: alice
    evidence: [{source: urn, quote: "Why would offense be easy, though?"}]
    links: [{rebuts: a-rebuts-b}, {rebuts: fewer-projects}]
"""


def outline(tmp_path, extra: str = "") -> tuple[str, Outline]:
    shutil.copytree(FIXTURES / "good", tmp_path / "good")
    urn = tmp_path / "good" / "claims" / "urn.yaml"
    urn.write_text(urn.read_text(encoding="utf-8") + extra, encoding="utf-8")
    kb = load_folder(tmp_path / "good" / "claims", tmp_path / "good").kb
    tree = Outline(kb, {c.id: "accepted" for c in kb.claims}, {"accepted": "✓"},
                   href=lambda cid: f"/claims/{cid}/", who=lambda pid: pid)
    return tree.tree("fewer-projects"), tree


def items(html: str) -> list[str]:
    return re.findall(r'href="/claims/([a-z0-9-]+)/"', html)


def test_reasons_before_objections_and_undercuts_under_the_step(tmp_path):
    html, _ = outline(tmp_path)
    order = items(html)
    assert order[0] == "fewer-projects"
    # the thesis's direct children: its two reasons, then its objection
    top = html.split("<details open>", 1)[1]
    assert top.index("claims/more-draws/") < top.index("claims/regulation-fixes-racing/")
    # regulators-slow undercuts offense-easy -> more-draws: it appears under offense-easy's item
    offense = html.split('id="tree-offense-easy"', 1)[1]
    assert offense.index("undercuts the step") < offense.index("claims/regulators-slow/")


def test_shared_claims_appear_once_then_see_above(tmp_path):
    html, tree = outline(tmp_path)
    assert html.count('id="tree-regulators-slow"') == 1
    assert 'href="#tree-regulators-slow">see above</a>' in html
    assert tree.seen >= {"fewer-projects", "more-draws", "offense-easy", "regulators-slow"}


def test_relates_is_a_pointer_that_unfolds_nothing(tmp_path):
    html, _ = outline(tmp_path)
    see_also = re.search(r'see also</span> <a href="/claims/([a-z0-9-]+)/"', html)
    assert see_also is not None
    assert f'id="tree-{see_also.group(1)}"' in html  # expanded where it argues, not under the pointer


def test_a_cycle_through_rebuttals_is_cut_with_a_note(tmp_path):
    html, _ = outline(tmp_path, CYCLE)
    assert "a circle: this claim is already above on this branch" in html
    assert html.count('id="tree-b-rebuts-a"') == 1 and html.count('id="tree-a-rebuts-b"') == 1


def test_folding_opens_the_first_level_only(tmp_path):
    html, _ = outline(tmp_path)
    assert html.count("<details open>") == 1 and "<details>" in html
    assert re.search(r"<summary>\d+ responses?: [^<]+</summary>", html)
