"""A species' name and its authority, told from prose before a year.

Why: a taxonomic authority names the describer and the year of a name ("Aus bus
Smith, 1949", "Homo sapiens Linnaeus, 1758", "Chesneya nubigena (D.Don) Ali,
Scientist 4. 1959"), not a work the paper cites; the mention check must not take it
as naming Smith's 1949 entry. But "a capitalised word, then a lower-case one" is the
shape of half of all prose too ("Results confirm", "as Okafor argued in her 2017
survey", "Estes dados"): read as a binomial, every name before a year was dropped
and works the text names were called uncited. So a binomial must look like one, as
a taxonomist writes it:

- the genus: one capitalised word of letters (three or more, the rest lower-case), or
  its initial and a stop ("A. bus"), and no function word of a language the corpus
  holds ("The", "Estes", "Para", "Die");
- the specific epithet: a lower-case word of letters with a Latin ending ("-us",
  "-a", "-um", "-ii", "-ensis", "-oides", "-ens", "-ur"...), not a common word of
  English, Portuguese, Spanish, French, German or Italian with such an ending ("thus",
  "data", "pesquisa", "para", "por"), and not ending its sentence ("Aus bus. Okafor");
  further epithets and rank words may follow ("sapiens sapiens", "var. cus", "subsp.");
- the authority: the run right after, of names (capitalised words, initials),
  particles ("de", "van") and the joins of authorities and places of publication
  ("et", "ex", "in", "&", "emend", "of"), reaching a year with no other word between,
  or a parenthesis opened after its names: "P. alba (Heimerl) Britton ex Standley
  (Standley 1918)" cites the work where the name was published (a parenthesis at the
  run's head, "(Heimerl)", "Aus bus (Smith, 1949)", is the authority's own).

Only when all three hold are the binomial and its run left out of the mention window:
"In Aus bus, Okafor found in 2017" still names Okafor (a verb breaks the run).
Cost: one pass over a window of a bounded number of tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.manuscript.citations.names import word_set
from citeaudit.model.surnames import PARTICLES

__all__ = ["authority_names", "is_epithet", "is_genus", "taxon_tokens"]

# Latin endings of a specific epithet (nominative and genitive forms taxonomists use).
_EPITHET_ENDINGS = (
    "us", "um", "a", "ae", "i", "is", "orum", "arum", "ensis", "ense", "oides", "ides",
    "ax", "ex", "ix", "ox", "yx", "ens", "ans", "ur", "er", "or", "ale", "ile", "are",
    "tre",
)  # fmt: skip
# Common words of the corpus's languages with those endings: never an epithet.
_NOT_EPITHETS = word_set(
    """
    thus plus versus via data media criteria area idea era extra this his its was has
    gas yes also focus status bonus campus census consensus corpus virus genus species
    nexus apparatus basis analysis thesis crisis axis emphasis hypothesis synthesis
    diagnosis sea tea visa agenda formula camera villa comma drama quota saga delta
    taxi multi semi anti maximum minimum optimum medium forum album museum spectrum
    datum curriculum premium vacuum momentum sum drum
    after under over other never either neither rather whether further per her for nor
    our four hour your their power water paper number order later ever however
    together another author prior poor door floor factor sector actor color colour
    error mirror doctor editor neighbor neighbour behavior behaviour tutor anterior
    posterior superior inferior interior exterior
    means opens happens lens tens plans humans scans spans fans dans
    are while mobile female male scale sale tale compare share care rare square aware
    centre theatre metre
    por pour sur hacer ser ter ver fazer estar haber poder mayor menor mejor peor
    melhor pior maior valor autor
    uma una para nessa nesta essa esta sua nossa toda cada nova outra mesma forma
    pesquisa ela ella ainda apenas agora contra hasta desta dessa pela nela entre
    contre notre votre autre della nella alla dalla sulla questa quella prima sobre
    mais dois pois depois bis sensu stricto lato versa vivo situ vitro
    """
)
# Capitalised words that open a sentence or a phrase: never a genus.
_NOT_GENERA = word_set(
    """
    the this that these those there their they then thus both each many most some
    such all any our its his her she and but for from with when where while which
    what who whose how here also after before since data results however although
    though figure table see fig per via hence yet not only other others overall
    finally first second further moreover furthermore previous recent earlier later
    like unlike using based following according during between among under over into
    onto upon about above below within without one two three new
    uma una uno los las les des del das dos nos nas nessa nesse neste nesta esta este
    esse essa isso isto como para por pelo pela segundo según sobre entre com con
    sin sem cuando quando onde donde porque pois mas pero também también ainda assim
    así ver vea dados datos estudos estudios resultados outros otros ambos todos
    une dans pour avec selon sur par ces cette ainsi
    die der den dem ein eine einer nach mit von bei für und
    nel nella della degli secondo questo questa
    """
)
# Lower-case words after an epithet before the authority: ranks and nomenclature.
_RANKS = word_set("var subsp ssp f forma cv sp spp nov comb stat gen spec sect subg nom")
# Lower-case words inside an authority or the place of its publication.
_AUTHORITY_JOINS = (
    word_set(
        """
        et ex in and emend non nec auct al fil f
        of the for on des der die und fur für zur y e
        """
    )
    | PARTICLES
)


def is_genus(word: str) -> bool:
    """A genus as written before its epithet: "Quercus", "Homo", or "Q." abbreviated."""
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return True
    return (
        len(word) >= 3
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and word.casefold() not in _NOT_GENERA
    )


def is_epithet(word: str) -> bool:
    """A specific epithet: lower-case letters with a Latin ending, no common word, not
    closing a sentence (`word` keeps a stop that followed it)."""
    return (
        len(word) >= 3
        and word.isalpha()
        and word.islower()
        and word.endswith(_EPITHET_ENDINGS)
        and word not in _NOT_EPITHETS
    )


def _is_year(token: str) -> bool:
    return token[:1].isdigit()


def _authority_word(token: str) -> bool:
    bare = token.lstrip("(").rstrip(".")
    return bool(bare) and (bare[0].isupper() or bare.casefold() in _AUTHORITY_JOINS)


def _after_binomial(tokens: Sequence[str], i: int) -> int | None:
    """Where the authority of a binomial opening at `i` would start (after further
    epithets and ranks), or None when no binomial opens there."""
    if not (is_genus(tokens[i].lstrip("(")) and is_epithet(tokens[i + 1])):
        return None
    j = i + 2
    while j < len(tokens) and not _is_year(tokens[j]):  # "sapiens sapiens", "var. cus"
        word = tokens[j]
        if word.rstrip(".") in _RANKS or is_epithet(word):
            j += 1
            continue
        break
    return j


def authority_names(tokens: Sequence[str]) -> set[int]:
    """Indices in `tokens` (as `taxon_tokens` takes them) of the capitalised names of
    an authority right after a binomial, wherever its run ends: "Aus bus Smith grows",
    "Chesneya nubigena (D.Don) Ali, Scientist 4", "Quercus alba L. is". Why: a
    taxonomic paper names the describers of its species over and over, and a
    describer is often a listed author whose other work the paper never cites -- the
    name is no sign of a citation the readers missed (`_partly_read`)."""
    names: set[int] = set()
    n = len(tokens)
    i = 0
    while i < n - 1:
        j = _after_binomial(tokens, i)
        if j is None:
            i += 1
            continue
        k = j
        while k < n and not _is_year(tokens[k]) and _authority_word(tokens[k]):
            if k + 1 < n and _after_binomial(tokens, k) is not None:
                break  # the next species of a list: "Aus bus Smith, Aus cus Jones"
            if tokens[k].lstrip("(")[:1].isupper():
                names.add(k)
            k += 1
        i = max(k, i + 1)
    return names


def taxon_tokens(tokens: Sequence[str]) -> set[int]:
    """Indices in `tokens` (words, a word keeping the stop after it, and years: a
    token opening with a digit) of the species' names and their authorities; the
    tokens are those before a year, so a run reaching their end reaches that year."""
    dropped: set[int] = set()
    n = len(tokens)
    i = 0
    while i < n - 1:
        j = _after_binomial(tokens, i)
        if j is None:
            i += 1
            continue
        k = j
        names = 0
        closed = False
        while k < n and not _is_year(tokens[k]) and _authority_word(tokens[k]):
            if names and tokens[k][0] == "(":
                closed = True  # "(Heimerl) Britton ex Standley (Standley 1918)": a citation
                break
            names += tokens[k].lstrip("(")[:1].isupper()
            k += 1
        if names and (closed or k == n or _is_year(tokens[k])):
            dropped.update(range(i, k))
            i = k
        else:
            i += 1
    return dropped
