from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Correction, PaperReview


@admin.register(PaperReview)
class PaperReviewAdmin(SimpleHistoryAdmin):
    list_display = ("source", "status", "confirmed_by", "confirmed_at")
    list_filter = ("status",)
    search_fields = ("source__title", "source__name")
    raw_id_fields = ("source",)


@admin.register(Correction)
class CorrectionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "kind", "source", "made_by", "made_at")
    list_filter = ("kind", "record")
    search_fields = ("source__title", "indicator__title", "measure__title", "reason")
    raw_id_fields = ("source", "indicator", "measure", "to_indicator", "to_measure")
