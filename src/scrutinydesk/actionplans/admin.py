from django.contrib import admin

from scrutinydesk.core.admin import ProvenanceAdmin

from .models import Action, ActionPlan, Milestone, Priority, ProgressUpdate


class PriorityInline(admin.TabularInline):
    model = Priority
    fields = ("position", "number", "title")
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ("position", "text", "due_text", "due", "status")
    extra = 0


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    fields = ("reported_on", "text", "status", "rag")
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(ProvenanceAdmin):
    list_display = ("title", "owner", "published_on", "committee")
    search_fields = ("title", "owner")
    inlines = [PriorityInline]


@admin.register(Priority)
class PriorityAdmin(ProvenanceAdmin):
    list_display = ("__str__", "plan")
    list_filter = ("plan",)


@admin.register(Action)
class ActionAdmin(ProvenanceAdmin):
    list_display = ("number", "text", "timescale", "lead", "status", "rag")
    list_filter = ("plan", "status", "rag")
    search_fields = ("number", "text", "lead")
    inlines = [MilestoneInline, ProgressUpdateInline]


@admin.register(Milestone)
class MilestoneAdmin(ProvenanceAdmin):
    list_display = ("text", "action", "due", "status")
    list_filter = ("status",)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ProvenanceAdmin):
    list_display = ("action", "reported_on", "status", "rag")
