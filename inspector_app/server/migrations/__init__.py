"""Alembic's scripts for the server database (env.py and versions/), inside the package so an
installed server has them; server/schema.py runs them, configured in code (no alembic.ini)."""
