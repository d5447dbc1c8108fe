"""Published agenda packs, for everyone: the public gets the public pack only."""

from django.urls import path

from . import views

app_name = "agenda-packs"

urlpatterns = [
    path("agenda-packs/<int:pk>.pdf", views.pack_download, name="download"),
]
