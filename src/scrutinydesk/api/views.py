"""The REST API's views: one viewset per resource, all made the same way.

- **Reading** is open to everyone. Every queryset comes from ``records_for(model, user)``:
  ``Model.objects.visible_to(user)`` on every model that can carry exempt information
  (core.visibility), so the public gets from the API exactly what the public pages show.
- **Writing** (create with POST, change with PUT or PATCH; nothing is deleted through the
  API) needs a signed-in user holding the model's add or change permission, which the
  roles grant (accounts.roles): officers for outcomes data, risks and action plans,
  clerks for committee business. The public gets 401, other roles 403.
- **Lists** filter (``api.filters``), order (``?ordering=``) and paginate (``?page=``,
  ``?page_size=`` up to 1000); as CSV or XLSX (``?format=csv|xlsx``) a list is every
  record that matches, not one page.
- Each resource fetches what its serializer reads in a constant number of queries,
  however many records there are.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from scrutinydesk.actionplans import models as actionplans
from scrutinydesk.committees import models as committees
from scrutinydesk.core import models as core
from scrutinydesk.findings import models as findings
from scrutinydesk.outcomes import models as outcomes
from scrutinydesk.risks import models as risks

from . import ocd
from . import serializers as s
from .filters import StableOrderingFilter, filterset_for, ordering_fields_for

TABULAR = ("csv", "xlsx")


def records_for(model, user):
    """Every record of ``model`` ``user`` may see: through ``visible_to(user)`` where the
    model can carry exempt information, else all of them."""
    manager = model._default_manager
    return manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000


class ResourceViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin,
                      viewsets.ReadOnlyModelViewSet):
    """Read for everyone, create and change with the model's permissions."""

    model = None
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    permission_classes = [DjangoModelPermissionsOrAnonReadOnly]
    filter_backends = [DjangoFilterBackend, StableOrderingFilter, SearchFilter]
    pagination_class = Pagination
    search_fields: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    prefetch: tuple = ()

    export_name = "export"  # a download's file name: the resource's URL prefix

    def get_queryset(self):
        user = self.request.user
        queryset = records_for(self.model, user)
        if self.select:
            queryset = queryset.select_related(*self.select)
        lookups = [p(user) if callable(p) else p for p in self.prefetch]
        return queryset.prefetch_related(*lookups) if lookups else queryset

    def paginate_queryset(self, queryset):
        renderer = getattr(self.request, "accepted_renderer", None)
        if getattr(renderer, "format", None) in TABULAR:
            return None  # a download holds every record that matches
        return super().paginate_queryset(queryset)


def visible(lookup: str, model, *, select: tuple[str, ...] = ()):
    """A prefetch of ``lookup`` through ``model``'s ``visible_to`` for the request's user."""

    def prefetch(user):
        queryset = records_for(model, user)
        return Prefetch(lookup, queryset.select_related(*select) if select else queryset)

    return prefetch


def resource(model, serializer, *, text: tuple[str, ...] = (), search: tuple[str, ...] = (),
             select: tuple[str, ...] = (), prefetch: tuple = (),
             read_only: bool = False, base=ResourceViewSet, doc: str = ""):
    """A viewset for ``model``: filters on its fields (``text`` with ``icontains``),
    ``?search=`` over ``search``, and what its serializer reads fetched up front."""
    attrs = {
        "model": model, "queryset": model._default_manager.none(),
        "serializer_class": serializer,
        "filterset_class": filterset_for(model, text),
        "ordering_fields": ordering_fields_for(model),
        "search_fields": search, "select": select, "prefetch": prefetch,
        "__doc__": doc or (model.__doc__ or "").strip().split("\n\n")[0],
    }
    if read_only:
        attrs["http_method_names"] = ["get", "head", "options"]
    return type(f"{model.__name__}ViewSet", (base,), attrs)


class MeetingViewSet(ResourceViewSet):
    @extend_schema(summary="The meeting as an Open Civic Data event",
                   operation_id="meetings_ocd_event",
                   responses={200: ocd.EVENT_SCHEMA})
    @action(detail=True, methods=["get"], url_path="ocd", url_name="ocd")
    def ocd_event(self, request, pk=None):
        meeting = ocd.meetings_for(request.user).get(pk=self.get_object().pk)
        return Response(ocd.event(meeting, request.build_absolute_uri))

    @extend_schema(summary="Meetings as Open Civic Data events",
                   operation_id="meetings_ocd_events",
                   responses={200: {"type": "object", "properties": {
                       "count": {"type": "integer"},
                       "next": {"type": "string", "nullable": True},
                       "previous": {"type": "string", "nullable": True},
                       "results": {"type": "array", "items": ocd.EVENT_SCHEMA}}}})
    @action(detail=False, methods=["get"], url_path="ocd", url_name="ocd-list")
    def ocd_events(self, request):
        meetings = self.filter_queryset(ocd.meetings_for(request.user))
        page = self.paginator.paginate_queryset(meetings, request, view=self)
        return self.paginator.get_paginated_response(
            [ocd.event(m, request.build_absolute_uri) for m in page])


class FindingViewSet(ResourceViewSet):
    """Findings of the audit: where a report's stated figure or judgement is contradicted
    by the data. They are computed, never created here; officers review them by changing
    ``status``."""

    http_method_names = ["get", "put", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        self.http_method_not_allowed(request)


# (URL prefix, viewset): the API's resources, in the order the documentation lists them.
RESOURCES = [
    ("outcomes", resource(outcomes.Outcome, s.OutcomeSerializer, text=("name",),
                          search=("name", "description"), prefetch=("committees",))),
    ("indicators", resource(
        outcomes.PopulationIndicator, s.IndicatorSerializer, text=("code", "title"),
        search=("code", "title", "description"),
        prefetch=("observations", "comparatorvalues__comparator", "lead_officers",
                  "outcome_lead_officers", "parts", "measures", "risks"))),
    ("measures", resource(
        outcomes.PerformanceMeasure, s.MeasureSerializer, text=("code", "title"),
        search=("code", "title", "description"),
        prefetch=("observations", "comparatorvalues__comparator", "lead_officers"))),
    ("observations", resource(outcomes.Observation, s.ObservationSerializer,
                              text=("breakdown", "area_code"))),
    ("comparators", resource(outcomes.Comparator, s.ComparatorSerializer, text=("name",))),
    ("comparator-values", resource(outcomes.ComparatorValue, s.ComparatorValueSerializer,
                                   select=("comparator",))),
    ("editions", resource(outcomes.ReportEdition, s.ReportEditionSerializer,
                          text=("title",))),
    ("stated-judgements", resource(outcomes.StatedJudgement, s.StatedJudgementSerializer,
                                   text=("code",))),
    ("commentary", resource(outcomes.Commentary, s.CommentarySerializer,
                            search=("text",))),
    ("focus-suggestions", resource(outcomes.FocusSuggestion, s.FocusSuggestionSerializer,
                                   text=("risk_code",))),
    ("indicator-aliases", resource(outcomes.IndicatorAlias, s.IndicatorAliasSerializer,
                                   text=("code", "title"))),
    ("risks", resource(risks.Risk, s.RiskSerializer, text=("code", "title", "owner"),
                       search=("code", "title"),
                       prefetch=("assessments", "outcomes", "indicators"))),
    ("risk-assessments", resource(risks.RiskAssessment, s.RiskAssessmentSerializer)),
    ("committees", resource(committees.Committee, s.CommitteeSerializer,
                            text=("name",), select=("council",),
                            prefetch=("memberships",))),
    ("members", resource(committees.Member, s.MemberSerializer,
                         text=("name", "party", "division"), select=("council",),
                         prefetch=("memberships",))),
    ("memberships", resource(committees.Membership, s.MembershipSerializer)),
    ("meetings", resource(
        committees.Meeting, s.MeetingSerializer, text=("venue",), base=MeetingViewSet,
        search=("venue", "committee__name"), select=("committee",),
        prefetch=("attendance__member", "attendance__officer"),
        doc="Meetings of committees, each with its agenda and attendance; "
            "/ocd/ gives them as Open Civic Data events.")),
    ("agenda-items", resource(
        committees.AgendaItem, s.AgendaItemSerializer, text=("number", "title"),
        search=("title", "minutes"),
        prefetch=(visible("decisions", committees.Decision),
                  visible("undertakings", committees.Undertaking),
                  visible("declarations", committees.Declaration),
                  "documents"))),
    ("documents", resource(committees.Document, s.DocumentSerializer, text=("title",),
                           search=("title", "subject", "executive_summary"))),
    ("attendance", resource(committees.Attendance, s.AttendanceSerializer,
                            text=("name",), select=("member", "officer"))),
    ("declarations", resource(committees.Declaration, s.DeclarationSerializer,
                              search=("interest",))),
    ("decisions", resource(committees.Decision, s.DecisionSerializer, text=("recipient",),
                           search=("text", "reason"))),
    ("undertakings", resource(committees.Undertaking, s.UndertakingSerializer,
                              text=("owner",), search=("owner", "text"))),
    ("work-programme", resource(committees.WorkProgrammeItem,
                                s.WorkProgrammeItemSerializer,
                                text=("topic", "lead", "category"),
                                search=("topic", "purpose"))),
    ("action-plans", resource(actionplans.ActionPlan, s.ActionPlanSerializer,
                              text=("title", "owner"),
                              prefetch=("priorities__actions", "actions"))),
    ("priorities", resource(actionplans.Priority, s.PrioritySerializer, text=("title",),
                            prefetch=("actions",))),
    ("actions", resource(actionplans.Action, s.ActionSerializer, text=("number",),
                         search=("text", "lead", "progress"),
                         prefetch=("milestones", "updates"))),
    ("milestones", resource(actionplans.Milestone, s.MilestoneSerializer)),
    ("progress-updates", resource(actionplans.ProgressUpdate, s.ProgressUpdateSerializer)),
    ("findings", resource(findings.Finding, s.FindingSerializer, base=FindingViewSet,
                          search=("explanation",))),
    ("papers", resource(core.SourceDocument, s.PaperSerializer, text=("name", "title"),
                        read_only=True,
                        doc="Papers Scrutiny Desk has imported: their metadata. Records "
                            "name the paper they were read from as their source.")),
    ("officers", resource(core.Officer, s.OfficerSerializer,
                          text=("name", "job_title", "organisation"), select=("council",))),
]

for _prefix, _viewset in RESOURCES:
    _viewset.export_name = _prefix


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})


class TokenView(APIView):
    """Your API token: POST your username and password for it (the same throttle as the
    sign-in page applies); DELETE it to revoke it."""

    permission_classes = []
    serializer_class = CredentialsSerializer

    @extend_schema(request=CredentialsSerializer, responses={
        200: inline_serializer("Token", {"token": serializers.CharField()}),
        400: OpenApiResponse(description="Wrong username or password, or locked out.")})
    def post(self, request):
        credentials = self.serializer_class(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request=request._request, **credentials.validated_data)
        if user is None or not user.is_active:
            return Response({"non_field_errors": ["Enter a correct username and password."]},
                            status=status.HTTP_400_BAD_REQUEST)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        if not IsAuthenticated().has_permission(request, self):
            self.permission_denied(request)
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

