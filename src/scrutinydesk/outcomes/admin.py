from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from scrutinydesk.core.admin import ProvenanceAdmin

from .models import (
    BoardEntry,
    Commentary,
    Comparator,
    ComparatorValue,
    FocusSuggestion,
    IndicatorAlias,
    Observation,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
    PrintedValue,
    ReportEdition,
    StatedJudgement,
)


class ObservationInline(admin.TabularInline):
    model = Observation
    fields = ("period", "breakdown", "value", "numerator", "denominator", "status",
              "source", "source_page")
    extra = 0


class PrintedValueInline(admin.TabularInline):
    """What each edition printed for the observation's period (kept as imported)."""

    model = PrintedValue
    fields = readonly_fields = ("edition", "value", "status", "source", "source_page")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ComparatorValueInline(admin.TabularInline):
    model = ComparatorValue
    fields = ("comparator", "period", "value", "lower_limit", "upper_limit")
    extra = 0


class CommentaryInline(admin.StackedInline):
    model = Commentary
    fields = ("edition", "kind", "text")
    extra = 0


JUDGEMENT_FIELDSET = ("How judgements are computed (see docs/methodology.md)", {
    "fields": ("polarity", "polarity_basis", "comparator", "similar_band", "trend_periods",
               "compare_same_period_last_year",
               "value_min", "value_max"),
})


@admin.register(Outcome)
class OutcomeAdmin(ProvenanceAdmin):
    list_display = ("name", "sponsor", "code_prefix")
    search_fields = ("name", "sponsor")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(PopulationIndicator)
class PopulationIndicatorAdmin(ProvenanceAdmin):
    list_display = ("code", "title", "outcome", "unit", "frequency", "polarity")
    list_filter = ("outcome", "polarity", "unit", "frequency", "active")
    search_fields = ("code", "title", "description")
    autocomplete_fields = ("lead_officers", "outcome_lead_officers")
    inlines = [ObservationInline, ComparatorValueInline, CommentaryInline]
    fieldsets = (
        (None, {"fields": ("outcome", "parent", "code", "number", "title", "description",
                           "unit", "unit_label", "frequency", "active")}),
        ("People", {"fields": ("outcome_lead_officers", "lead_officers", "partners",
                               "data_source")}),
        JUDGEMENT_FIELDSET,
        ("Source", {"fields": ProvenanceAdmin.provenance_fields}),
    )


@admin.register(PerformanceMeasure)
class PerformanceMeasureAdmin(ProvenanceAdmin):
    list_display = ("title", "indicator", "outcome", "unit", "polarity")
    list_filter = ("outcome", "polarity", "unit")
    search_fields = ("code", "title")
    autocomplete_fields = ("lead_officers", "indicator")
    inlines = [ObservationInline, ComparatorValueInline, CommentaryInline]
    fieldsets = (
        (None, {"fields": ("outcome", "indicator", "code", "title", "description", "unit",
                           "unit_label", "frequency", "active")}),
        ("People", {"fields": ("lead_officers", "partners", "data_source")}),
        JUDGEMENT_FIELDSET,
        ("Source", {"fields": ProvenanceAdmin.provenance_fields}),
    )


@admin.register(Observation)
class ObservationAdmin(ProvenanceAdmin):
    list_display = ("__str__", "period", "breakdown", "value", "status", "source")
    list_filter = ("status", "indicator__outcome")
    search_fields = ("indicator__title", "measure__title", "breakdown")
    autocomplete_fields = ("indicator", "measure")
    inlines = [PrintedValueInline]


@admin.register(Comparator)
class ComparatorAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(ComparatorValue)
class ComparatorValueAdmin(ProvenanceAdmin):
    list_display = ("comparator", "__str__", "period", "value")
    list_filter = ("comparator",)
    autocomplete_fields = ("indicator", "measure")


@admin.register(ReportEdition)
class ReportEditionAdmin(ProvenanceAdmin):
    list_display = ("outcome", "edition", "title", "meeting")
    list_filter = ("outcome",)


@admin.register(StatedJudgement)
class StatedJudgementAdmin(ProvenanceAdmin):
    list_display = ("edition", "code", "latest_text", "trend_text", "trend_rag",
                    "benchmark_text", "benchmark_rag")
    list_filter = ("edition", "trend", "benchmark")
    autocomplete_fields = ("indicator", "measure")


@admin.register(Commentary)
class CommentaryAdmin(ProvenanceAdmin):
    list_display = ("__str__", "kind", "edition")
    list_filter = ("kind", "edition")
    search_fields = ("text",)
    autocomplete_fields = ("indicator", "measure")


@admin.register(IndicatorAlias)
class IndicatorAliasAdmin(ProvenanceAdmin):
    list_display = ("code", "title", "edition", "indicator", "measure")
    list_filter = ("edition",)


@admin.register(FocusSuggestion)
class FocusSuggestionAdmin(ProvenanceAdmin):
    list_display = ("text", "kind", "edition")
    list_filter = ("kind", "edition")


@admin.register(BoardEntry)
class BoardEntryAdmin(SimpleHistoryAdmin):
    list_display = ("outcome", "service_area", "updated_at", "updated_by")
    list_filter = ("outcome",)
    search_fields = ("service_area", "going_well", "worried_about", "doing_about_it")
    readonly_fields = ("updated_at",)
