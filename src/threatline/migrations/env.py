"""Alembic environment of the threatline store.

:meth:`threatline.store.Store.open` runs ``upgrade head`` with an open connection in
``config.attributes["connection"]`` (so that SQLite settings and in-memory databases carry
over). Run from the command line, the database URL comes from ``sqlalchemy.url`` or the
``THREATLINE_DB`` environment variable:

    THREATLINE_DB=postgresql+psycopg://... alembic -c <ini naming script_location> upgrade head
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from threatline.store import Base, include_in_migrations

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_in_migrations,
        # SQLite cannot ALTER most things: later revisions rebuild tables in batch mode.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Upgrade (or downgrade) over the given connection, or one opened from the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("THREATLINE_DB")
    if not url:
        raise SystemExit("Set sqlalchemy.url or THREATLINE_DB to the database URL.")
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            _configure(connection)
            connection.commit()
    finally:
        engine.dispose()


run()
