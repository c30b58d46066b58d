"""The «no» answers summed per Jalali month (1403-01) instead of per Gregorian month
(2024-03): the ranges people ask for (a month, a season, a half year) are whole Jalali months,
so the most-failed items of such a range are read from the month sums alone, without the
failed answers of the Gregorian months a Jalali range cuts. Rebuilt from the failed answers
held, with each visit day's Jalali month worked out here (SQL has no Jalali calendar).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Column, MetaData, String, Table, text

from inspector_app.domain.jalali import jalali_month

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_FILL = """
INSERT INTO figure_failed_months (month, county, office_type, form_id, form_version, item_id,
                                  failed, item_text)
SELECT d.month, s.county, s.office_type, s.form_id, s.form_version, a.item_id, COUNT(*),
       MIN(a.item_text)
FROM failed_answers a JOIN inspections s ON s.id = a.inspection_id
JOIN jalali_days d ON d.visit_date = s.visit_date
GROUP BY d.month, s.county, s.office_type, s.form_id, s.form_version, a.item_id
"""


def upgrade() -> None:
    bind = op.get_bind()
    days = Table(
        "jalali_days",
        MetaData(),
        Column("visit_date", String(10), primary_key=True),
        Column("month", String(7), nullable=False),
    )
    days.create(bind)
    visited = bind.execute(text("SELECT DISTINCT visit_date FROM inspections")).scalars().all()
    if visited:
        bind.execute(days.insert(), [{"visit_date": v, "month": jalali_month(v)} for v in visited])
    bind.execute(text("DELETE FROM figure_failed_months"))
    bind.execute(text(_FILL))
    days.drop(bind)
