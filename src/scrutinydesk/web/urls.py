from django.urls import path, re_path, register_converter

from . import outcome_views, review
from .converters import IsoDateConverter
from .views import (
    actionplans,
    committees,
    decisions,
    feeds,
    general,
    meetings,
    outcomes,
    undertakings,
)

register_converter(IsoDateConverter, "isodate")

app_name = "web"
KIND = "(?P<kind>indicators|measures)"

urlpatterns = [
    path("", general.home, name="home"),
    path("outcomes/<slug:slug>/", outcomes.outcome, name="outcome"),
    path("outcomes/<slug:slug>/report.<str:fmt>", outcomes.outcome_report, name="outcome-report"),
    path("outcomes/<slug:slug>/dashboard/", outcome_views.dashboard, name="outcome-dashboard"),
    re_path(rf"^outcomes/(?P<slug>[-\w]+)/{KIND}/(?P<pk>[0-9]+)/$", outcome_views.subject_page,
            name="outcome-subject"),
    re_path(rf"^outcomes/(?P<slug>[-\w]+)/{KIND}/(?P<pk>[0-9]+)/polarity/$",
            outcome_views.confirm_subject_polarity, name="outcome-subject-polarity"),
    path("outcomes/<slug:slug>/board/", outcome_views.board, name="outcome-board"),
    path("outcomes/<slug:slug>/board/new/", outcome_views.board_edit,
         name="outcome-board-new"),
    path("outcomes/<slug:slug>/board/<int:pk>/", outcome_views.board_edit,
         name="outcome-board-edit"),
    path("accessibility/", general.accessibility, name="accessibility"),
    path("committees/", committees.committees, name="committees"),
    path("committees/<slug:slug>/", committees.committee, name="committee"),
    path("committees/<slug:slug>/work-programme/", committees.work_programme,
         name="work-programme"),
    path("committees/<slug:slug>/work-programme/<int:pk>/move/", committees.move_topic,
         name="work-programme-move"),
    path("committees/<slug:slug>/meetings.ics", feeds.committee_meetings_ical,
         name="committee-meetings-ical"),
    path("committees/<slug:slug>/<isodate:day>/", meetings.meeting, name="meeting"),
    path("committees/<slug:slug>/<isodate:day>/outstanding/", meetings.outstanding,
         name="meeting-outstanding"),
    path("members/<int:pk>/", committees.member, name="member"),
    path("meetings.ics", feeds.meetings_ical, name="meetings-ical"),
    path("decisions/", decisions.decisions, name="decisions"),
    path("decisions/rss/", feeds.DecisionsFeed(), name="decisions-rss"),
    path("decisions/atom/", feeds.DecisionsAtomFeed(), name="decisions-atom"),
    path("undertakings/", undertakings.undertakings, name="undertakings"),
    path("undertakings/<int:pk>/", undertakings.undertaking, name="undertaking"),
    path("action-plans/", actionplans.action_plans, name="action-plans"),
    path("action-plans/<int:pk>/", actionplans.action_plan, name="action-plan"),
    path("papers/", review.paper_list, name="review-list"),
    path("papers/<int:pk>/", review.paper_review, name="review-paper"),
    path("papers/<int:pk>/confirm/", review.confirm, name="review-confirm"),
    path("papers/<int:pk>/read-again/", review.read_again, name="review-read-again"),
    path("papers/<int:pk>/figures/<str:record>/<int:row>/", review.correct,
         name="review-correct"),
    path("papers/<int:pk>/series/<str:kind>/<int:subject>/", review.assign,
         name="review-assign"),
]
