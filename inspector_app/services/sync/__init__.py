"""Sync with the governorate server: outbox, HTTP client, USB bundles, registry/form updates."""
