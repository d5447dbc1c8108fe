from django.contrib import admin

from scrutinydesk.core.admin import ProvenanceAdmin

from .models import Finding


@admin.register(Finding)
class FindingAdmin(ProvenanceAdmin):
    list_display = ("explanation", "kind", "severity", "edition", "status", "still_holds")
    list_filter = ("kind", "severity", "status", "still_holds", "edition")
    search_fields = ("explanation", "stated", "computed")
    readonly_fields = ("key", "kind", "indicator", "measure", "edition", "stated", "computed",
                       "explanation", "computed_at", "still_holds")
