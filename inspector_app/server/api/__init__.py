"""The HTTP API: one router per resource (routes/), their dependencies (deps), bodies (models)."""
