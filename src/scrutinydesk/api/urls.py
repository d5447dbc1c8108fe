"""The API's URLs, under /api/: one route per resource (api.views.RESOURCES), the token,
the OpenAPI schema and its documentation pages."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from .views import RESOURCES, TokenView

app_name = "api"


class Router(DefaultRouter):
    """The API root lists the resources in documentation order."""

    include_format_suffixes = False


router = Router()
for prefix, viewset in RESOURCES:
    router.register(prefix, viewset, basename=viewset.model._meta.model_name)

urlpatterns = [
    path("token/", TokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]
