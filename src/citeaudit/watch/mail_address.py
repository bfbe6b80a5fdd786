"""One notification address: exactly one mailbox, as every reader of it sees it.

An account's e-mail address is a stranger's input, and it becomes the ``To`` header
of every notification. ``smtplib.send_message`` takes its recipients from that header,
read by ``email.utils.getaddresses``: ``root,me@example.org`` was two recipients (the
relay's local ``root`` and the account's), ``root;me@example.org`` was ``root`` alone,
and ``me@example.org,root`` was both -- notifications went to whichever mailbox of the
relay's own domain the account named. The former check (one ``@``, no blanks) let all
of them through.

An address here is one ``local@domain``: no list separators, no display name, route,
comment or quoting (``,;:<>()[]"\\``), no blanks or control characters; the domain is
dot-separated labels (or ``localhost``). The header parser must then read it back as
exactly itself (`mail_address_problem`), and the mailer names the recipient itself
rather than letting the header decide (`watch.mailer.send_mail`).

Nor may the local part carry a route: relays still rewrite ``user%host@their-domain``
into ``user@host`` (the "percent hack", on by default in Postfix and sendmail) and
``host!user@their-domain`` likewise (UUCP bang paths), and the relay's own name is in
the ``Received`` line of every notification. ``root%db.corp.example@<the relay>`` was
delivered by the relay to a machine of its network the domain check never saw
(`AddressRule.mail_refusal` judges the domain only). ``%`` and ``!`` are legal in a
local part, and next to unheard of in a real one.
"""

from __future__ import annotations

import re
from email.utils import getaddresses

__all__ = ["EMAIL", "MAX_EMAIL_LENGTH", "mail_address_problem"]

MAX_EMAIL_LENGTH = 254

# What may not appear anywhere in an address: the header's specials (list separators,
# display-name and route brackets, comments, quoting, domain literals), the "@" outside
# its one place, blanks (\s is Unicode-aware) and control characters; and the routes a
# relay follows inside a local part (``%``, ``!``).
_NOT = r"@\s,;:<>()\[\]\"\\\x00-\x1f\x7f-\x9f%!"
_ROUTE = frozenset("%!")
# Dot-separated domain labels, each without dots: no two quantifiers share a character,
# so the match is linear on any input (a run of dots fails at once).
EMAIL = re.compile(rf"[^{_NOT}]+@(?:(?:[^{_NOT}.]+\.)+[^{_NOT}.]+|localhost)\Z")


def mail_address_problem(text: str) -> str | None:
    """Why `text` is not one plain mailbox, or None when it is."""
    if len(text) > MAX_EMAIL_LENGTH:
        return f"the address is longer than {MAX_EMAIL_LENGTH} characters"
    if not _ROUTE.isdisjoint(text):
        return "a route for the relay (% or !) in the address"
    if EMAIL.fullmatch(text) is None:
        return "not one e-mail address (local@domain, without , ; < > ( ) or quotes)"
    if getaddresses([text]) != [("", text)]:
        return "not read back as one e-mail address"
    return None
