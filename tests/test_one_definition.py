"""Each shared concept is defined in one module; the others import it.

`ChangeKind`, `Notice`, `SOURCES` and the report's `Link` once existed twice (the watch
had its own change kinds and registry notices, the web its own source names and link
type), and the copies drifted. An alias (`ChangeNotice = Notice`) is not a definition;
the store's `Link` table (an ORM row, another concept) is not the report's link.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "citeaudit"
SHARED = {"ChangeKind", "Notice", "SOURCES", "Link"}
ROWS = {("store/tables.py", "Link")}  # SQLAlchemy tables named after what they hold


def _definitions() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {name: [] for name in SHARED}
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC).as_posix()
        for node in ast.parse(path.read_text("utf-8")).body:
            names: list[str] = []
            if isinstance(node, ast.ClassDef):
                names = [node.name]
            elif isinstance(node, ast.Assign) and not isinstance(node.value, ast.Name):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and not isinstance(node.value, ast.Name)
            ):
                names = [node.target.id]
            for name in names:
                if name in SHARED and (where, name) not in ROWS:
                    found[name].append(where)
    return found


def test_each_shared_concept_is_defined_once() -> None:
    found = _definitions()
    assert {name: len(where) for name, where in found.items()} == dict.fromkeys(SHARED, 1), found
