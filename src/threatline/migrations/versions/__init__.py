"""Alembic revisions of the threatline store, oldest first by ``down_revision``."""
