"""Every URL Scrutiny Desk serves, in one place."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("scrutinydesk.api.urls")),
    path("clerk/", include("scrutinydesk.clerk.urls")),
    path("", include("scrutinydesk.clerk.public_urls")),
    path("", include("scrutinydesk.accounts.urls")),
    path("", include("scrutinydesk.web.urls")),
]
