from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("outcomes/<slug:slug>/", views.outcome, name="outcome"),
    path("outcomes/<slug:slug>/report.<str:fmt>", views.outcome_report, name="outcome-report"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
