"""A Vancouver author list ("Family INITIALS, ...") with one irregular piece: a person
known by one name ("Jatmiko", "Sodmergen") or initials that read as a generation
("Prokhorova IV", "Kauvar IV"). The list was then read pairwise as "Family, Given",
so every person was turned round and the entry's first author became its initials
("MW" for "Tocheri MW"): its citation "Tocheri et al. 2007" found no entry. Made-up
entries modelled on the class."""

from __future__ import annotations

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _families(text: str) -> list[str]:
    ref = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    return [a.family for a in ref.authors]


def test_mononym_inside_vancouver_list() -> None:
    text = (
        "Harrow MW, Lind CM, Perez SG, Suwito T, Jatmiko, Wirawan EW, Bell RA. 2009. "
        "A wrist bone of a small hominin. Science 317:1743–1745."
    )
    assert _families(text) == ["Harrow", "Lind", "Perez", "Suwito", "Jatmiko", "Wirawan", "Bell"]


def test_initials_like_a_generation_inside_vancouver_list() -> None:
    text = (
        "Bortnik DE, Kolesova IV, Semenov PV, Ortiz P, Volkova OV. 2014. Methylation "
        "of rRNA and bacterial fitness. Nucleic Acids Research 40:7885–7895."
    )
    assert _families(text) == ["Bortnik", "Kolesova", "Semenov", "Ortiz", "Volkova"]
