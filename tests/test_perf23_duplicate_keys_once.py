"""duplicate-reference files each entry under its keys (first author with the year,
the title's head, the title's tail) and looks up the earlier entries under the same
keys: the keys are built once per entry, not once for the look-up and again for the
filing. Counts work, not time (made-up entries); the findings stay the same."""

from __future__ import annotations

import pytest

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model import Location, Person, Reference
from citeaudit.rules.bibliography import _duplicate_groups
from citeaudit.rules.bibliography.duplicate_reference import DuplicateReference


def _entry(i: int, title: str, year: int = 2019) -> Reference:
    return Reference(
        id=f"r{i}",
        index=i,
        location=Location("refs.bib", i + 1),
        key=f"r{i}",
        authors=(Person("Okafor", "B."),),
        year=year,
        title=title,
        raw=f"@article{{r{i}, ...}}",
    )


def _data(refs: list[Reference]) -> AuditData:
    return AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", tuple(refs)),),
        citations=(),
        matches=(),
    )


def test_an_entrys_keys_are_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    keys = _duplicate_groups._keys

    def counting(entry: _duplicate_groups.WorkProfile) -> list[tuple[str, ...]]:
        built.append(entry.ref.id)
        return list(keys(entry))

    monkeypatch.setattr(_duplicate_groups, "_keys", counting)
    titles = [
        "Rivers of the north basin",
        "Seed banks in dry grassland",
        "A census of mountain lakes",
        "Ferns under the forest canopy",
    ]
    refs = [_entry(i, titles[i % 4], 2000 + i // 4) for i in range(40)]
    refs.append(_entry(40, "Rivers of the north basin.", 2000))  # repeats r0
    findings = list(DuplicateReference().check(_data(refs)))
    assert [f.reference for f in findings] == ["r40"]
    assert sorted(built) == sorted(r.id for r in refs)  # each entry's keys once
