"""The inspection editor: header, sections of items, interviews, findings, live score."""
