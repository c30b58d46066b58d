"""The governorate server: receives finalized inspections exactly once, serves registry and forms.

FastAPI on uvicorn; storage through SQLAlchemy Core (SQLite in the data folder, or PostgreSQL);
files content-addressed in a folder store. It shares `domain/` and the bundle format with the app.
"""
