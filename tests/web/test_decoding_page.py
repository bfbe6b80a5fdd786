"""The editors' page audits a file that is not all UTF-8 as the CLI does: with a
warning naming the file and the line (one decoding policy, `text_decoding`), never a
refusal the CLI would not make."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.report.serialize import to_dict
from tests.web.conftest import App
from tests.web.helpers import wait_done

TEXT = (
    "# Studi\n\nSeperti kata Müller (2019).\n\n## Daftar Pustaka\n\n"
    "- Müller, A. (2019). Über Zitate. *Jurnal*, 1, 1-2.\n"
)


def test_the_page_names_the_lines_the_cli_names(app: App, tmp_path: Path) -> None:
    data = TEXT.encode("utf-8").replace("Über".encode(), "Über".encode("cp1252"))
    data = data.replace(b"Seperti", b"Sep\x81\x01rti")  # bytes no code page reads
    path = tmp_path / "naskah.md"
    path.write_bytes(data)
    expected = to_dict(audit(AuditInput.from_paths([path]), []))
    said = sorted(
        (f["location"]["line"], f["message"])
        for f in expected["findings"]  # type: ignore[union-attr]
        if f["rule"] == "unreadable-input"
    )
    assert [line for line, _ in said] == [3, 7]  # U+FFFD on line 3, Windows-1252 on 7
    csrf = app.sign_in("a")
    response = app.client.post(
        "/web/audits",
        data={"csrf": csrf},
        files=[("manuscript", (path.name, data, "text/markdown"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    audit_id = response.headers["location"].rsplit("/", 1)[1]
    assert wait_done(app.client, audit_id)["status"] == "done"
    page = app.client.get(f"/web/audits/{audit_id}").text
    for line, message in said:
        assert message.split(" -- ")[0] in page
        assert f"naskah.md, line {line}" in page or f"(line {line})" in page
