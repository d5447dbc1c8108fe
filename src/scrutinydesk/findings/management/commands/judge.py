from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from scrutinydesk.findings.models import Finding
from scrutinydesk.findings.services import figure, recompute_findings
from scrutinydesk.outcomes.assessment import assess
from scrutinydesk.outcomes.models import PopulationIndicator


class Command(BaseCommand):
    help = "Recompute every judgement and finding, and print a summary table."

    def handle(self, *args, **options):
        counts = recompute_findings()
        console = Console(file=self.stdout, highlight=False, width=160)
        table = Table(title="Population indicators: judgements computed from the data")
        for column in ("Indicator", "Latest", "Period", "Direction", "Trend", "Benchmark",
                       "Findings"):
            table.add_column(column)
        indicators = PopulationIndicator.objects.select_related("outcome").prefetch_related(
            "observations", "comparatorvalues__comparator", "findings")
        for indicator in indicators:
            a = assess(indicator)
            open_findings = sum(1 for f in indicator.findings.all() if f.still_holds)
            table.add_row(
                str(indicator)[:60],
                figure(a.latest.value) if a.latest else "—",
                a.latest.period.label if a.latest else "—",
                _word(a.direction), _word(a.trend),
                a.benchmark.wording if a.benchmark else "—", str(open_findings))
        console.print(table)
        findings = Table(title="Findings")
        for column in ("Kind", "Severity", "Count"):
            findings.add_column(column)
        for kind, label in Finding._meta.get_field("kind").choices:
            rows = Finding.objects.filter(kind=kind, still_holds=True)
            if rows.exists():
                findings.add_row(label, ", ".join(sorted({r.severity for r in rows})),
                                 str(rows.count()))
        console.print(findings)
        console.print(f"Findings: {counts['new']} new, {counts['updated']} updated, "
                      f"{counts['unchanged']} unchanged, {counts['resolved']} no longer hold.")


def _word(result) -> str:
    if result is None:
        return "—"
    if not result.calculated:
        return f"cannot be calculated ({result.cannot_calculate.value.replace('_', ' ')})"
    return f"{result.wording} ({result.rag.letter})"
