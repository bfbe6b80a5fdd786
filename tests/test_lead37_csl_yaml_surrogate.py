"""A CSL YAML text holding a lone surrogate is read, not raised on (libyaml's C parser
takes UTF-8; the long fuzz profile found '\\ud800' alone raising UnicodeEncodeError)."""

from __future__ import annotations

from citeaudit.bibliography.csl_yaml import parse_csl_yaml


def test_a_lone_surrogate_is_read_around() -> None:
    assert parse_csl_yaml("\ud800", "refs.yaml").source == "refs.yaml"
    text = "references:\n- id: lee\n  title: Tide \ud800 tables\n  issued: 2001\n"
    bibliography = parse_csl_yaml(text, "refs.yaml")
    assert [r.title for r in bibliography.references] == ["Tide \ufffd tables"]
