from django.contrib import admin

from scrutinydesk.core.admin import ProvenanceAdmin

from .models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Declaration,
    Document,
    Meeting,
    Member,
    Membership,
    QuotedFigure,
    ReportSection,
    Undertaking,
    WorkProgrammeItem,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("member", "role", "start", "end")
    autocomplete_fields = ("member",)
    extra = 0


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ("position", "number", "minute_number", "title", "page_start", "page_end", "part",
              "exempt", "exempt_paragraph")
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fields = ("kind", "member", "officer", "name", "status", "capacity", "substitute_for")
    autocomplete_fields = ("member", "officer", "substitute_for")
    extra = 0


class DecisionInline(admin.StackedInline):
    model = Decision
    fields = ("agenda_item", "kind", "number", "text", "reason", "recipient")
    extra = 0


class UndertakingInline(admin.TabularInline):
    model = Undertaking
    fields = ("agenda_item", "owner", "text", "due", "status")
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(ProvenanceAdmin):
    list_display = ("name", "council")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MembershipInline]


@admin.register(Member)
class MemberAdmin(ProvenanceAdmin):
    list_display = ("name", "party", "division", "council")
    list_filter = ("council",)
    search_fields = ("name", "division")


@admin.register(Membership)
class MembershipAdmin(ProvenanceAdmin):
    list_display = ("member", "committee", "role", "start", "end")
    list_filter = ("committee", "role")


@admin.register(Meeting)
class MeetingAdmin(ProvenanceAdmin):
    list_display = ("committee", "date", "start_time", "venue", "status")
    list_filter = ("committee", "status")
    date_hierarchy = "date"
    search_fields = ("venue", "items__title")
    inlines = [AgendaItemInline, AttendanceInline, DecisionInline, UndertakingInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(ProvenanceAdmin):
    list_display = ("__str__", "meeting", "page_start", "page_end", "exempt")
    list_filter = ("exempt", "meeting__committee")
    search_fields = ("title", "description", "minutes")


@admin.register(Document)
class DocumentAdmin(ProvenanceAdmin):
    list_display = ("title", "kind", "meeting", "agenda_item", "exempt")
    list_filter = ("kind", "exempt")
    search_fields = ("title", "subject", "executive_summary", "officer")


@admin.register(Attendance)
class AttendanceAdmin(ProvenanceAdmin):
    list_display = ("person", "meeting", "kind", "status", "capacity")
    list_filter = ("status", "kind")


@admin.register(Declaration)
class DeclarationAdmin(ProvenanceAdmin):
    list_display = ("member", "meeting", "agenda_item", "kind")
    list_filter = ("kind",)


@admin.register(Decision)
class DecisionAdmin(ProvenanceAdmin):
    list_display = ("__str__", "kind", "meeting", "agenda_item", "recipient")
    list_filter = ("kind", "meeting__committee")
    search_fields = ("text", "reason")


@admin.register(Undertaking)
class UndertakingAdmin(ProvenanceAdmin):
    list_display = ("owner", "text", "meeting", "due", "status")
    list_filter = ("status",)
    search_fields = ("owner", "text")


@admin.register(WorkProgrammeItem)
class WorkProgrammeItemAdmin(ProvenanceAdmin):
    list_display = ("topic", "committee", "target_date", "lead", "status", "category")
    list_filter = ("committee", "status", "category")
    search_fields = ("topic", "purpose", "lead")


@admin.register(ReportSection)
class ReportSectionAdmin(ProvenanceAdmin):
    list_display = ("__str__", "document", "source_page")
    search_fields = ("title", "text", "document__title")


@admin.register(QuotedFigure)
class QuotedFigureAdmin(ProvenanceAdmin):
    list_display = ("value_text", "section", "indicator", "measure", "score")
    search_fields = ("sentence",)
