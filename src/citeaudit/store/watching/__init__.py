"""The watch's part of the store: every SQL statement the watch package needs.

`citeaudit.watch` decides -- what a new check means for a link, which notices are
news, how notifications are batched, retried and worded -- and this package reads and
writes: watches and collections, the due links and DOIs and their leases, the check
history, changes and the outbox. The watch package imports no SQLAlchemy.
"""
