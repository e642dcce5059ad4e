"""Alembic environment: always run on the connection handed in by ``database._upgrade``."""

from alembic import context

from kyodo_desktop.persistence.models import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
