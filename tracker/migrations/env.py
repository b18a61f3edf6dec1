"""Alembic's environment: run the revisions on the connection `tracker.migrate` gives.

The tracker opens the connection itself (its engine, with SQLite's pragmas, inside the
transaction and lock it holds), so there is no alembic.ini and no URL here: the database is
the app's DATABASE_URL. Use `tracker db ...`, not the `alembic` command.
"""

from alembic import context
from sqlmodel import SQLModel

from tracker import models  # noqa: F401 - registers the tables on SQLModel.metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `tracker db upgrade`, which opens the app's "
                       "database; the alembic command alone does not know it")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot alter most of a table in place: batch mode copies it to a new one.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
