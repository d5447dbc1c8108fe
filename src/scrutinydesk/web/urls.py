from django.urls import path

from . import review, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("outcomes/<slug:slug>/", views.outcome, name="outcome"),
    path("outcomes/<slug:slug>/report.<str:fmt>", views.outcome_report, name="outcome-report"),
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
