"""One router per resource; api/main.py puts them together."""
