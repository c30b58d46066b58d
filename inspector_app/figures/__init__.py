"""The province figures: filters, SQL over a runner for SQLite or PostgreSQL, aggregates,
coverage, population, the summary PDF. Shared by the laptop (services/overview) and the
governorate server (server/figures.py); imports domain and pdf only."""
