from django.contrib import admin

from scrutinydesk.core.admin import ProvenanceAdmin

from .models import Risk, RiskAssessment


class RiskAssessmentInline(admin.TabularInline):
    model = RiskAssessment
    fields = ("assessed_on", "level", "score", "trend", "edition", "source", "source_page")
    extra = 0


@admin.register(Risk)
class RiskAdmin(ProvenanceAdmin):
    list_display = ("code", "title", "owner")
    search_fields = ("code", "title", "owner")
    filter_horizontal = ("outcomes", "indicators")
    inlines = [RiskAssessmentInline]


@admin.register(RiskAssessment)
class RiskAssessmentAdmin(ProvenanceAdmin):
    list_display = ("risk", "assessed_on", "level", "score", "trend")
    list_filter = ("level", "trend")
    search_fields = ("risk__code", "risk__title")
