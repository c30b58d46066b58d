"""The supervisors' overview: province aggregates, coverage, and the summary PDF."""
