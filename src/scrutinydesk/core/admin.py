from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Council, Officer, SourceDocument

admin.site.site_header = "Scrutiny Desk administration"
admin.site.site_title = "Scrutiny Desk"
admin.site.index_title = "Records"


class ProvenanceAdmin(SimpleHistoryAdmin):
    """Shows where a record came from and lets a person confirm it."""

    provenance_fields = ("source", "source_page", "source_page_end", "confirmed_at",
                         "confirmed_by")
    actions = ["confirm"]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "confirmed_at", "confirmed_by")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), "confirmed_at")

    @admin.action(description="Confirm the selected records as checked")
    def confirm(self, request, queryset):
        from django.utils import timezone

        for obj in queryset:
            obj.confirmed_at, obj.confirmed_by = timezone.now(), request.user
            obj.save()
        self.message_user(request, f"Confirmed {queryset.count()} record(s).")


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name")
    search_fields = ("name", "short_name")
    readonly_fields = ("slug",)


@admin.register(SourceDocument)
class SourceDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "media_type", "page_count", "imported_at")
    list_filter = ("kind", "media_type")
    search_fields = ("name", "title", "sha256")
    readonly_fields = ("sha256", "size_bytes", "imported_at", "imported_by", "parser_version")


@admin.register(Officer)
class OfficerAdmin(ProvenanceAdmin):
    list_display = ("name", "job_title", "organisation", "council", "email")
    list_filter = ("council",)
    search_fields = ("name", "job_title", "email")
