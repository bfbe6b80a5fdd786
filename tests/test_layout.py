"""The layout's one rule: the packages of citeaudit import each other in one direction.

A cycle between two packages (service <-> watch, api <-> web, config <-> suppress
once) means neither can be read, tested or changed alone. Top-level modules count as
their own node (`citeaudit.audit`, `citeaudit.server`); imports inside functions count
too -- a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "citeaudit"


def _node(module: str) -> str:
    """citeaudit.links.checker -> links; citeaudit.audit -> audit (a root module)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC.parent).with_suffix("")
        source = _node(".".join(relative.parts).removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module == "citeaudit":  # from citeaudit import web
                    names = [f"citeaudit.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name.startswith("citeaudit.") and _node(name) != source:
                    graph[source].add(_node(name))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_cycle_between_packages_or_root_modules() -> None:
    graph = import_graph()
    assert len(graph) > 15  # the walk found the code
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def _sql(name: str) -> bool:
    """SQLAlchemy itself, or the store's tables (an ORM model is SQL by another name)."""
    return name.split(".")[0] == "sqlalchemy" or name in (
        "citeaudit.store.tables",
        "citeaudit.store.watch_tables",
    )


def test_the_watch_package_decides_and_the_store_reads_and_writes() -> None:
    """Every SQL statement of the watch lives in store/ (store/watching/), none in watch/."""
    watch = sorted((SRC / "watch").rglob("*.py"))
    assert len(watch) > 5
    offenders = {
        str(path.relative_to(SRC)): sorted(n for n in _imports(path) if _sql(n)) for path in watch
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert any(_sql(n) for p in (SRC / "store").rglob("*.py") for n in _imports(p))
