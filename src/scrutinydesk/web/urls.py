from django.urls import path

from .views import general, outcomes

app_name = "web"

urlpatterns = [
    path("", general.home, name="home"),
    path("outcomes/<slug:slug>/", outcomes.outcome, name="outcome"),
    path("outcomes/<slug:slug>/report.<str:fmt>", outcomes.outcome_report, name="outcome-report"),
    path("accessibility/", general.accessibility, name="accessibility"),
]
