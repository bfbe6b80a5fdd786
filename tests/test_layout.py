"""The layout's rules: the packages of citeaudit import each other in one direction, and
SQL is written only in `store/`.

A cycle between two packages (service <-> watch, api <-> web, config <-> suppress
once) means neither can be read, tested or changed alone. Top-level modules count as
their own node (`citeaudit.audit`, `citeaudit.server`); imports inside functions count
too -- a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "citeaudit"


def _tree(path: Path) -> ast.Module:
    """`path` parsed, each text once a test process: every rule below walks the whole
    source (several hundred files, parsed six times over before), and none changes a
    tree. Keyed by the text, not the path: a test may write one path twice."""
    return _parsed(path.read_text("utf-8"))


@functools.cache
def _parsed(text: str) -> ast.Module:
    return ast.parse(text)


def _node(module: str) -> str:
    """citeaudit.links.checker -> links; citeaudit.audit -> audit (a root module)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC.parent).with_suffix("")
        source = _node(".".join(relative.parts).removesuffix(".__init__"))
        for node in ast.walk(_tree(path)):
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
    for node in ast.walk(_tree(path)):
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


# Reading a database URL is not SQL: the settings refuse the example's placeholder
# password by parsing the URL, which needs no engine, session or statement.
_URL_PARSING = ("sqlalchemy.engine", frozenset({"make_url"}))


def _sql_imports(path: Path) -> list[str]:
    """The SQL this module imports (SQLAlchemy, the store's tables), URL parsing aside."""
    found: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = frozenset(a.name for a in node.names)
            if (node.module, names) == (_URL_PARSING[0], names & _URL_PARSING[1]) and names:
                continue
            if _sql(node.module) or any(_sql(f"{node.module}.{n}") for n in names):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if _sql(a.name))
    return sorted(found)


def test_no_sql_outside_the_store() -> None:
    """No module outside store/ imports SQLAlchemy or the store's tables: an API route,
    a page or a watch decision asks the store (`store.db.unavailable`, `StoreError`,
    the repositories) instead of writing a statement of its own."""
    outside = [p for p in SRC.rglob("*.py") if (SRC / "store") not in p.parents]
    assert len(outside) > 100
    offenders = {str(p.relative_to(SRC)): _sql_imports(p) for p in outside}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_sql_finder_finds_sql(tmp_path: Path) -> None:
    """The check above can fail: each way of importing SQL is caught, URL parsing is not."""
    cases = {
        "import sqlalchemy": ["sqlalchemy"],
        "from sqlalchemy import text": ["sqlalchemy"],
        "from sqlalchemy.exc import SQLAlchemyError": ["sqlalchemy.exc"],
        "from citeaudit.store import tables": ["citeaudit.store"],
        "from citeaudit.store.watch_tables import Watch": ["citeaudit.store.watch_tables"],
        "from sqlalchemy.engine import make_url, create_engine": ["sqlalchemy.engine"],
        "from sqlalchemy.engine import make_url": [],
        "from citeaudit.store.db import StoreError": [],
    }
    for source, expected in cases.items():
        module = tmp_path / "m.py"
        module.write_text(source + "\n", "utf-8")
        assert _sql_imports(module) == expected, source


def test_sqlite_outside_the_store_is_only_the_answer_cache() -> None:
    """The one other file holding SQL: the network's on-disk cache (links/answers.py),
    a local file of the CLI and the workers, not the service's database."""
    users = sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if (SRC / "store") not in p.parents and "sqlite3" in _imports(p)
    )
    assert users == ["links/answers.py"]


def _dynamic_imports(path: Path) -> list[str]:
    """Our modules this file imports by name at run time (importlib.import_module or
    __import__ with a literal 'citeaudit.…'): an arrow the import graph cannot see."""
    found = []
    for node in ast.walk(_tree(path)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        first = node.args[0]
        if (
            name in ("import_module", "__import__")
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and first.value.split(".")[0] == "citeaudit"
        ):
            found.append(first.value)
    return found


def test_no_module_of_ours_is_imported_by_name() -> None:
    """The graph above is read from import statements; a module fetched by name
    (web/watching.py once reached citeaudit.watch by importlib, typed Any) is a
    dependency no test or reader sees, and its values arrive untyped."""
    hidden = {
        str(path.relative_to(SRC)): names
        for path in sorted(SRC.rglob("*.py"))
        if (names := _dynamic_imports(path))
    }
    assert not hidden, hidden


def test_the_dynamic_import_finder_finds_one(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import importlib\nfrom importlib import import_module\n"
        "importlib.import_module('citeaudit.watch')\nimport_module('citeaudit.store.x')\n"
        "__import__('citeaudit')\nimportlib.import_module('httpx._main')\n"
        "importlib.import_module(name)\n",
        encoding="utf-8",
    )
    assert _dynamic_imports(module) == ["citeaudit.watch", "citeaudit.store.x", "citeaudit"]


# What the store may import: the model it keeps (and the result that holds it), the
# settings, and the small leaf helpers the model uses. The store sits below everything
# that reads or writes audits; it once imported report/ for the watch's ChangeKind, so
# changing how a report is written could break the database's code.
STORE_MAY_IMPORT = {"model", "audit_data", "settings", "encodable"}


def test_the_store_imports_only_the_model_and_the_settings() -> None:
    assert import_graph()["store"] - STORE_MAY_IMPORT == set()


def test_the_model_imports_only_leaf_helpers() -> None:
    """model/ is the floor every package stands on; encodable (U+FFFD for what no
    writer can write) is its one helper, itself importing nothing of ours."""
    graph = import_graph()
    assert graph["model"] <= {"encodable"}, graph["model"]
    assert not graph.get("encodable"), graph["encodable"]


# The service half: what runs audits for others (jobs, storage, HTTP, pages, watching).
SERVICE_HALF = {"service", "store", "api", "web", "watch", "server", "cli"}
# The core `citeaudit check` runs: it must stand without the service half.
CORE = {
    "model", "audit", "audit_data", "bibliography", "manuscript", "matching",
    "rules", "resolve", "links", "report", "fix", "config", "suppress", "phases",
    "enrichment", "network_budget",
}  # fmt: skip


def test_the_core_imports_nothing_of_the_service_half() -> None:
    """fix/service.py (the service's fixed-file download) sat in the core's fix/ and
    made fix/ import service/ and store/: the core's room held a service file."""
    graph = import_graph()
    leaks = {
        node: sorted(graph[node] & SERVICE_HALF) for node in CORE if graph[node] & SERVICE_HALF
    }
    assert not leaks, leaks


def test_matching_decides_from_the_model_and_the_readers_vocabularies() -> None:
    """matching/ links citations to entries and entries to records; it reads the typed
    model and the citation readers' vocabularies, never the rules, registries or
    reports that act on its answers (resolve -> matching -> resolve was a cycle while
    the record matcher sat in resolve/)."""
    graph = import_graph()
    allowed = {"model", "manuscript", "imprint_names", "transliterations", "encodable"}
    assert graph["matching"] and graph["matching"] <= allowed, graph["matching"]
