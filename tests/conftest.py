"""Suite-wide environment: what the whole test run, and every worker it starts, shares.

No test may send a question off the machine: the NAT64 prefixes (`links.nat64`) are
declared absent, so no process asks the system's resolver for ipv4only.arpa, nor for a
mail recipient's MX records. Set before any test module imports citeaudit; child
processes inherit it. The NAT64 tests ask their own name-server stand-in
(`Nat64Prefixes.forget` + their lookup).
"""

import os

os.environ.setdefault("CITEAUDIT_NAT64_PREFIXES", "none")
# Nor the mail exchangers of a notification's recipient (`watch.mail_exchangers`): the
# tests that judge them set it on and answer for a stand-in name server.
os.environ.setdefault("CITEAUDIT_SMTP_CHECK_EXCHANGERS", "false")
