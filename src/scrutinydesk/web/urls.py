from django.urls import path, re_path

from . import outcome_views, review, views

app_name = "web"
KIND = "(?P<kind>indicators|measures)"

urlpatterns = [
    path("", views.home, name="home"),
    path("outcomes/<slug:slug>/", views.outcome, name="outcome"),
    path("outcomes/<slug:slug>/report.<str:fmt>", views.outcome_report, name="outcome-report"),
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
    path("accessibility/", views.accessibility, name="accessibility"),
    path("papers/", review.paper_list, name="review-list"),
    path("papers/<int:pk>/", review.paper_review, name="review-paper"),
    path("papers/<int:pk>/confirm/", review.confirm, name="review-confirm"),
    path("papers/<int:pk>/read-again/", review.read_again, name="review-read-again"),
    path("papers/<int:pk>/figures/<str:record>/<int:row>/", review.correct,
         name="review-correct"),
    path("papers/<int:pk>/series/<str:kind>/<int:subject>/", review.assign,
         name="review-assign"),
]
