"""Matching: which entry each in-text citation cites, and which registry record each entry is.

`citations` links citations to entries (through `keys`, `numbers` and the
`author_index` of first-author spellings, with `names` and `years` deciding fits);
`records` compares an entry with a registry's record. Both are pure: they read the
typed model and return matches, and the rules turn those into findings.
"""
