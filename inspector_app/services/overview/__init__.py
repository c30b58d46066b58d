"""The supervisors' overview of the laptop's own database: its settings (overdue days, the
population file), the figures and summary gathered from it (local), and the Overview page's
loads (dashboard). The figures themselves are inspector_app.figures."""
