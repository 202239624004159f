"""Alembic migrations of the threatline store (run by :meth:`threatline.store.Store.open`)."""
