"""The embedded default source: simulated customers from scenario files, on a simulated clock.

It behaves like a remote platform (its own database, its own ids, idempotency keys), so the
whole sync and outbox path is the same one a real source takes, yet nothing leaves the machine.
"""
