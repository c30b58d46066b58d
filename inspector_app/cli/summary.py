"""`inspector-app summary`, `overview` and `population`: the supervisors' view from the CLI."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.common import (
    context,
    data_dir_parent,
    json_flag,
    overview_filter,
    overview_filters,
    print_json,
    print_table,
)
from inspector_app.errors import KnownError
from inspector_app.figures.coverage import compute_coverage
from inspector_app.figures.overview import ComplianceRow
from inspector_app.figures.population import BUNDLED
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.overview import population
from inspector_app.services.overview.local import overview_of


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = data_dir_parent()
    p = sub.add_parser(
        "summary", parents=[parent], help="province summary report (Persian PDF) for a period"
    )
    overview_filters(p, required=True)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(func=_summary)

    p = sub.add_parser("overview", parents=[parent], help="print the overview figures")
    overview_filters(p, required=False)
    json_flag(p)
    p.set_defaults(func=_overview)

    group = sub.add_parser(
        "population", help="county populations used for coverage"
    ).add_subparsers(dest="action", required=True)
    p = group.add_parser("show", parents=[parent], help="the populations in use and their source")
    json_flag(p)
    p.set_defaults(func=_population_show)
    p = group.add_parser(
        "import", parents=[parent], help="use a newer population file (CSV with its source)"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=_population_import)
    p = group.add_parser("reset", parents=[parent], help="back to the bundled 1395 census")
    p.set_defaults(func=_population_reset)


def _summary(args: argparse.Namespace) -> int:
    # reportlab is loaded only for the PDF, not for `overview` or `population`.
    from inspector_app.figures.summary_report import render_summary
    from inspector_app.services.overview.local import summary_of

    f = overview_filter(args)
    assert f.date_from is not None and f.date_to is not None  # required options
    ctx = context(args)
    data = summary_of(
        ctx.db,
        f.date_from,
        f.date_to,
        county=f.county,
        office_type=f.office_type,
        include_drafts=f.include_drafts,
    )
    pdf = render_summary(data)
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(pdf)
    except OSError as exc:
        raise KnownError(
            f"پرونده نوشته نشد: {exc.strerror or exc}", where=str(args.output)
        ) from exc
    o = data.overview
    print(f"{args.output}: {o.inspections} inspections, {len(o.overdue)} overdue offices")
    return 0


def _overview(args: argparse.Namespace) -> int:
    ctx = context(args)
    o = overview_of(ctx.db, overview_filter(args))
    cov = compute_coverage(sqlite_runner(ctx.db), population.current(ctx.db))
    if args.json:
        print_json({**o.to_dict(), "coverage": cov.to_dict()})
        return 0
    mean = f"{o.mean_score:.1f}" if o.mean_score is not None else "-"
    print(f"{o.filter.describe()}")
    print(f"inspections: {o.inspections}  offices: {o.offices_inspected}  mean score: {mean}  "
          f"with critical failures: {o.critical}")  # fmt: skip
    for title, rows in (("by county", o.by_county), ("by office type", o.by_type),
                        ("by Jalali month", o.by_month)):  # fmt: skip
        print(f"\n# compliance {title}")
        print_table([_row(r) for r in rows], ["key", "inspections", "mean_score", "critical"])
    print("\n# items failed most often")
    print_table(
        [{"item": i.item_id, "failed": i.failed, "of": i.out_of, "text": i.text}
         for i in o.failed_items],
        ["item", "failed", "of", "text"],
    )  # fmt: skip
    unit = "working days" if o.overdue_working_days else "days"
    print(f"\n# offices with no inspection in {o.overdue_days} {unit}")
    print_table(
        [{"code": d.code, "county": d.county, "last_visit": d.last_visit or "never",
          "days": d.days_since} for d in o.overdue],
        ["code", "county", "last_visit", "days"],
    )  # fmt: skip
    print("\n# coverage (active offices per 100,000 people)")
    print_table(
        [{"county": c.county, "population": c.population, "active": c.active_total,
          "per_100k": None if c.per_100k is None else f"{c.per_100k:.2f}",
          "pending": c.pending, "missing": ",".join(c.missing_types)} for c in cov.counties],
        ["county", "population", "active", "per_100k", "pending", "missing"],
    )  # fmt: skip
    return 0


def _row(r: ComplianceRow) -> dict[str, object]:
    mean = None if r.mean_score is None else f"{r.mean_score:.1f}"
    return {"key": r.key, "inspections": r.inspections, "mean_score": mean, "critical": r.critical}


def _population_show(args: argparse.Namespace) -> int:
    ctx = context(args)
    pop = population.current(ctx.db)
    if args.json:
        print_json({"source": pop.source, "path": str(pop.path), "counties": pop.by_county})
        return 0
    print(f"# {pop.source}\n# {pop.path}")
    print_table([{"county": k, "population": v} for k, v in pop.by_county.items()],
                ["county", "population"])  # fmt: skip
    return 0


def _population_import(args: argparse.Namespace) -> int:
    ctx = context(args)
    pop = population.import_file(ctx.db, args.file, ctx.data_dir)
    print(f"{args.file}: {len(pop.by_county)} counties, total {pop.total}; source: {pop.source}")
    return 0


def _population_reset(args: argparse.Namespace) -> int:
    ctx = context(args)
    population.reset(ctx.db)
    print(f"using {BUNDLED}")
    return 0
