"""Finalize and sign: signature pads, the finalize dialog, verifying a signed report, and the
certificate box of the settings page."""
