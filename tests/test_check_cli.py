"""`citeaudit check` end to end on the examples: exactly the known problems, no more.

The expected findings are the ones `references/examples/README.md` lists for each
example; anything else would be a false alarm.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "references" / "examples"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["check", *args, "--offline", "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def findings_of(report: dict[str, object]) -> set[tuple[str, int]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return {(f["rule"], f["location"]["line"]) for f in findings}


@pytest.mark.parametrize(
    ("example", "expected"),
    [
        (
            "apa-markdown/manuscript.md",
            {
                ("citation-year-mismatch", 21),
                ("missing-reference", 29),
                ("malformed-doi", 59),
                ("uncited-reference", 60),
                ("duplicate-reference", 64),
            },
        ),
        (
            "numeric-markdown/manuscript.md",
            {("missing-reference", 37), ("uncited-reference", 58)},
        ),
        (
            "docx/manuscript.docx",
            {("missing-reference", 21), ("uncited-reference", 28)},
        ),
    ],
)
def test_examples_report_exactly_their_known_problems(
    capsys: pytest.CaptureFixture[str], example: str, expected: set[tuple[str, int]]
) -> None:
    code, report = run_json(capsys, str(EXAMPLES / example))
    assert findings_of(report) == expected
    has_error = any(f["severity"] == "error" for f in report["findings"])  # type: ignore[attr-defined]
    assert code == (1 if has_error else 0)


def test_every_citation_of_the_apa_example_has_a_target_but_the_missing_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, report = run_json(capsys, str(EXAMPLES / "apa-markdown/manuscript.md"))
    untargeted = [c["item"] for c in report["citations"] if not c["targets"]]  # type: ignore[attr-defined]
    assert untargeted == ["Handayani, 2020"]
    refs = report["references"]
    assert isinstance(refs, list) and len(refs) == 20
    assert all(r["authors"] and (r["year"] or r["raw"]) for r in refs)


def test_fail_on_levels_and_offline_phases_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    numeric = str(EXAMPLES / "numeric-markdown/manuscript.md")
    assert main(["check", numeric, "--offline", "--fail-on", "never"]) == 0
    assert main(["check", numeric, "--offline", "--fail-on", "error"]) == 1
    out = capsys.readouterr().out
    assert "resolution: not done (--offline)" in out
    report = tmp_path / "r.sarif"
    assert main(["check", numeric, "--offline", "--format", "sarif", "-o", str(report)]) == 1
    sarif = json.loads(report.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"CIT001", "CIT002"}


def test_malformed_bibtex_is_reported_by_line_and_good_entries_still_audited(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{good1,\n  author = {Lee, K.},\n  title = {Fine},\n  year = {2020},\n"
        "  doi = {10.1000/ok}\n}\n\n"
        "@article{broken,\n  author = {Kim, J.},\n  title = {Unbalanced {brace},\n"
        "  year = {2019}\n\n"
        "@article{good2,\n  author = {Park, S.},\n  title = {Also fine},\n  year = {2021},\n"
        "  doi = {10.1000/x\\_y}\n}\n\n"
        "@book{good1,\n  author = {Lee, K.},\n  title = {Twice},\n  year = {2020}\n}\n",
        encoding="utf-8",
    )
    code, report = run_json(capsys, str(bib))
    assert findings_of(report) == {
        ("unparseable-reference", 8),
        ("malformed-doi", 17),
        ("duplicate-reference", 20),
    }
    keys = {r["key"] for r in report["references"]}  # type: ignore[attr-defined]
    assert {"good1", "good2"} <= keys
    assert code == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("binary.bib", b"\x00\x01\x02PK\x03\x04" * 50), ("paper.docx", b"not a zip file at all")],
)
def test_unreadable_input_exits_2_naming_the_file_and_still_audits_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = EXAMPLES / "numeric-markdown/manuscript.md"
    code = main(["check", str(good), str(bad), "--offline", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert name in captured.err and "Traceback" not in captured.err
    report = json.loads(captured.out)
    assert report["summary"]["citations"] > 0
    assert any(f["rule"] == "unreadable-input" for f in report["findings"])


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe\xfa not utf8 \xc3\x28\n@article{a, title={T}, year={2020}}\n"]
)
def test_empty_or_invalid_utf8_bibliography_never_tracebacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_bytes(content)
    code, report = run_json(capsys, str(bib))
    assert code in (0, 1)
    assert any(f["rule"] == "unparseable-reference" for f in report["findings"])  # type: ignore[attr-defined]


def _closed_port_url() -> str:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


@pytest.mark.parametrize(
    "example",
    ["apa-markdown/manuscript.md", "latex-natbib/main.tex", "docx/manuscript.docx"],
)
def test_with_every_service_down_the_audit_still_completes_and_says_why(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    example: str,
) -> None:
    """Registries and our network unreachable: offline findings only, never a traceback."""
    down = _closed_port_url()
    for name in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL", "ARCHIVE_URL"):
        monkeypatch.setenv(f"CITEAUDIT_{name}", down)
    monkeypatch.setenv("CITEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    code = main(["check", str(EXAMPLES / example), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    phases = {p["phase"]: p for p in report["phases"]}
    assert phases["resolution"]["done"] is False and phases["resolution"]["reason"]
    assert phases["links"]["done"] is False and phases["links"]["reason"]
    network_rules = {"broken-link", "doi-not-found", "unresolved-reference", "doi-mismatch"}
    assert not network_rules & {f["rule"] for f in report["findings"]}
    _, offline = run_json(capsys, str(EXAMPLES / example))
    assert findings_of(report) == findings_of(offline)


LIST_BY_LINE = (
    "Almeida, R., & Costa, P. (2018). Coastal erosion in the southern Atlantic. Journal of "
    "Coastal Studies, 12(3), 45-67. https://doi.org/10.5555/jcs.2018.12\n"
    "Chen, L., Wang, H., & Zhou, Y. (2020). Deep learning for sediment transport. Water "
    "Research, 170, 115-130.\n"
    "Dupont, M. (2009). Les rivieres de France. Paris: Presses Universitaires.\n"
    "Evans, T. J. (2014). Mapping floodplains. In K. Lee (Ed.), Rivers and people "
    "(pp. 10-30). London: Routledge.\n"
    "Evans, T. J. (2014). Mapping floodplains. In K. Lee (Ed.), Rivers and people "
    "(pp. 10-30). London: Routledge.\n"
)
LIST_BY_PARAGRAPH = (
    "Okafor, N. and Bello, S. 2015. Urban water supply in West\n"
    "African cities. Lagos: University Press.\n\n"
    "Quispe, R. 2021. Terraces and rain: farming the high Andes.\n"
    "Mountain Research 41 (2): 1-12.\n\n"
    "Sato, K. 2011. Rice and rivers. Tokyo: Hoshi Shoten.\n"
)


@pytest.mark.parametrize("text", [LIST_BY_LINE, LIST_BY_PARAGRAPH])
def test_a_reference_list_on_its_own_is_audited_as_a_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(text, encoding="utf-8")
    code, report = run_json(capsys, str(pasted))
    entries = text.count("\n\n") + 1 if "\n\n" in text else text.count("\n")
    assert len(report["references"]) == entries  # type: ignore[arg-type]
    assert report["inputs"]["manuscripts"] == []  # type: ignore[index]
    assert report["summary"]["citations"] == 0  # type: ignore[index]
    rules = {f["rule"] for f in report["findings"]}  # type: ignore[attr-defined]
    assert "uncited-reference" not in rules and "missing-reference" not in rules
    if text is LIST_BY_LINE:  # the entry rules still run on the list
        assert rules == {"duplicate-reference"} and code == 0
    main(["check", str(pasted), "--offline"])
    assert "no manuscript" in capsys.readouterr().out


def test_the_reference_list_option_and_a_manuscript_beside_a_pasted_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pasted = tmp_path / "refs.txt"
    pasted.write_text(LIST_BY_PARAGRAPH, encoding="utf-8")
    code, report = run_json(capsys, "--reference-list", str(pasted))
    assert len(report["references"]) == 3 and code == 0  # type: ignore[arg-type]
    paper = tmp_path / "paper.md"
    paper.write_text("Rivers matter (Sato, 2011; Quispe, 2021; Moreau, 2019).\n")
    code, report = run_json(capsys, str(paper), str(pasted))
    assert findings_of(report) == {("missing-reference", 1), ("uncited-reference", 1)}
    code, report = run_json(capsys, str(paper), "--bib", str(pasted))  # a .txt after --bib
    assert findings_of(report) == {("missing-reference", 1), ("uncited-reference", 1)}
    assert code == 1
