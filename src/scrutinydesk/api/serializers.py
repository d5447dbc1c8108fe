"""What the API says of each record: its fields, links to the records it names, and a few
records nested where they are read together (an indicator's observations).

Every serializer is a ``Resource``: links are hyperlinks into the API (``api:`` views),
periods are objects (``fields.PeriodField``), people's accounts are never shown, and
where a record came from (``source`` …) is read-only: records typed in through the API
have no paper. Writes are checked by the model's own validation (``full_clean``), so the
API accepts exactly what the admin and the forms do.
"""

from __future__ import annotations

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from scrutinydesk.actionplans import models as actionplans
from scrutinydesk.committees import models as committees
from scrutinydesk.core import fields as core_fields
from scrutinydesk.core import models as core
from scrutinydesk.findings import models as findings
from scrutinydesk.outcomes import models as outcomes
from scrutinydesk.risks import models as risks

from .fields import LinkField, PeriodField, VisibleLinkField

NAMESPACE = "api"
# Never shown: people's accounts, and keys Scrutiny Desk derives for matching.
PRIVATE = frozenset({"confirmed_by", "imported_by", "reviewed_by", "code_key", "title_key",
                     "name_key"})
# Where a record came from: set by imports and confirmation, read-only here.
PROVENANCE = ("source", "source_page", "source_page_end", "confirmed_at")
FIRST = ("url", "code", "number", "title", "name")  # what names a record, before the rest


def detail_view(model) -> str:
    return f"{NAMESPACE}:{model._meta.model_name}-detail"


def council_name() -> serializers.SlugRelatedField:
    """A record's council, by its name (one the site already knows)."""
    return serializers.SlugRelatedField(
        slug_field="name", queryset=core.Council.objects.all(), default=None,
        allow_null=True, help_text="The council's name, e.g. “Dorset County Council”.")


def links(model, **kwargs) -> VisibleLinkField:
    """Read-only links to related records of ``model``."""
    return VisibleLinkField(view_name=detail_view(model), read_only=True, many=True, **kwargs)


class Resource(serializers.HyperlinkedModelSerializer):
    """The base of every serializer of the API."""

    serializer_related_field = VisibleLinkField
    serializer_url_field = LinkField
    serializer_field_mapping = {
        **serializers.HyperlinkedModelSerializer.serializer_field_mapping,
        core_fields.PeriodField: PeriodField,
    }

    def get_default_field_names(self, declared_fields, model_info):
        """Its link, its own fields, the records it links to, where it came from, then
        what is nested or computed."""
        hidden = PRIVATE | set(getattr(self.Meta, "hidden", ()))
        names = [name for name in super().get_default_field_names(declared_fields, model_info)
                 if name not in hidden]
        first = [n for n in FIRST if n in names]
        last = [n for n in (*PROVENANCE, *declared_fields) if n in names and n not in first]
        return first + [n for n in names if n not in first and n not in last] + last

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        model_fields = {f.name for f in self.Meta.model._meta.get_fields()}
        for name in PROVENANCE:
            if name in model_fields:
                extra.setdefault(name, {})["read_only"] = True
        return extra

    def build_url_field(self, field_name, model_class):
        field_class, kwargs = super().build_url_field(field_name, model_class)
        return field_class, {**kwargs, "view_name": detail_view(model_class)}

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        if "view_name" in kwargs:
            kwargs["view_name"] = detail_view(relation_info.related_model)
        return field_class, kwargs

    def validate(self, attrs):
        """The model's own validation (fields, ``clean()``, constraints) on the record as
        it would be saved."""
        attrs = super().validate(attrs)
        model = self.Meta.model
        record = copy.copy(self.instance) if self.instance is not None else model()
        many = {f.name for f in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many:
                setattr(record, name, value)
        writable = {field.source for field in self._writable_fields}
        exclude = [f.name for f in model._meta.concrete_fields
                   if not f.editable or f.name not in writable]
        try:
            record.full_clean(exclude=exclude)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        return attrs


def serializer_for(model, **fields) -> type[Resource]:
    """A ``Resource`` of every field of ``model``, with ``fields`` declared beside them."""
    meta = type("Meta", (), {"model": model, "fields": "__all__"})
    return type(f"{model.__name__}Serializer", (Resource,), {**fields, "Meta": meta})


# --- papers and people ---------------------------------------------------------------------

class PaperSerializer(Resource):
    """An imported paper's metadata. Its text and file are not part of the API."""

    has_exempt_parts = serializers.BooleanField(
        read_only=True, help_text="Records read from it include exempt (Part 2) information.")

    class Meta:
        model = core.SourceDocument
        fields = "__all__"
        hidden = ("text", "file", "warnings")


OfficerSerializer = serializer_for(core.Officer, council=council_name())


# --- outcomes framework --------------------------------------------------------------------

class OutcomeSerializer(Resource):
    class Meta:
        model = outcomes.Outcome
        fields = "__all__"
        read_only_fields = ("slug",)


ObservationSerializer = serializer_for(outcomes.Observation)
ComparatorSerializer = serializer_for(outcomes.Comparator)


ComparatorValueSerializer = serializer_for(
    outcomes.ComparatorValue,
    comparator_name=serializers.CharField(source="comparator.name", read_only=True))


def series() -> dict:
    """An indicator's or measure's observations and comparator values, nested."""
    return {"observations": ObservationSerializer(many=True, read_only=True),
            "comparator_values": ComparatorValueSerializer(many=True, read_only=True,
                                                           source="comparatorvalues")}


IndicatorSerializer = serializer_for(
    outcomes.PopulationIndicator, **series(), parts=links(outcomes.PopulationIndicator),
    measures=links(outcomes.PerformanceMeasure), risks=links(risks.Risk),
    __doc__="A population indicator with its observations and comparator values.")
MeasureSerializer = serializer_for(
    outcomes.PerformanceMeasure, **series(),
    __doc__="A performance measure with its observations and comparator values.")


ReportEditionSerializer = serializer_for(outcomes.ReportEdition)
StatedJudgementSerializer = serializer_for(outcomes.StatedJudgement)
CommentarySerializer = serializer_for(outcomes.Commentary)
FocusSuggestionSerializer = serializer_for(outcomes.FocusSuggestion)
IndicatorAliasSerializer = serializer_for(outcomes.IndicatorAlias)


# --- risks ---------------------------------------------------------------------------------

RiskAssessmentSerializer = serializer_for(risks.RiskAssessment)


RiskSerializer = serializer_for(
    risks.Risk, assessments=RiskAssessmentSerializer(many=True, read_only=True),
    __doc__="A risk with its assessments, latest first.")


# --- committee business --------------------------------------------------------------------

class CommitteeSerializer(Resource):
    council = council_name()
    memberships = links(committees.Membership)

    class Meta:
        model = committees.Committee
        fields = "__all__"
        read_only_fields = ("slug",)


MemberSerializer = serializer_for(committees.Member, council=council_name(),
                                  memberships=links(committees.Membership))


MembershipSerializer = serializer_for(committees.Membership)


class AgendaEntrySerializer(Resource):
    """An agenda item as its meeting lists it."""

    class Meta:
        model = committees.AgendaItem
        fields = ("url", "number", "minute_number", "position", "title", "page_start",
                  "page_end", "part", "exempt", "exempt_paragraph")


class AttendanceSerializer(Resource):
    person = serializers.SerializerMethodField(help_text="The member's, officer's or "
                                                         "other attendee's name.")

    class Meta:
        model = committees.Attendance
        fields = "__all__"

    def get_person(self, obj) -> str:
        return str(obj.person)


class MeetingSerializer(Resource):
    """A meeting with its agenda and attendance; ``ocd`` is the meeting as an Open Civic
    Data event."""

    committee_name = serializers.CharField(source="committee.name", read_only=True)
    agenda = AgendaEntrySerializer(many=True, read_only=True, source="items")
    attendance = AttendanceSerializer(many=True, read_only=True)
    ocd = LinkField(view_name=f"{NAMESPACE}:meeting-ocd",
                    help_text="The meeting as an Open Civic Data event.")

    class Meta:
        model = committees.Meeting
        fields = "__all__"


class AgendaItemSerializer(Resource):
    """An agenda item with links to its business. For the public, an exempt item keeps its
    number, title, pages and paragraph; its minutes and description are blank and its
    business is left out."""

    documents = links(committees.Document)
    decisions = links(committees.Decision)
    undertakings = links(committees.Undertaking)
    declarations = links(committees.Declaration)

    class Meta:
        model = committees.AgendaItem
        fields = "__all__"


DocumentSerializer = serializer_for(committees.Document)
DeclarationSerializer = serializer_for(committees.Declaration)
DecisionSerializer = serializer_for(committees.Decision)


class UndertakingSerializer(Resource):
    overdue = serializers.SerializerMethodField(
        help_text="Open or in progress past its due date (Undertaking.is_overdue).")

    class Meta:
        model = committees.Undertaking
        fields = "__all__"

    def get_overdue(self, obj) -> bool:
        return obj.is_overdue()


class WorkProgrammeItemSerializer(Resource):
    priority = serializers.SerializerMethodField(
        help_text="The decided priority, else the one the prioritisation gives "
                  "(docs/work-programme.md).")
    priority_reason = serializers.SerializerMethodField()

    class Meta:
        model = committees.WorkProgrammeItem
        fields = "__all__"

    @extend_schema_field({"type": "string", "nullable": True,
                          "enum": [p.value for p in committees.Priority] + [None]})
    def get_priority(self, obj):
        priority, _ = obj.priority
        return priority.value if priority else None

    def get_priority_reason(self, obj) -> str:
        return obj.priority[1] or ""


# --- action plans --------------------------------------------------------------------------

MilestoneSerializer = serializer_for(actionplans.Milestone)
ProgressUpdateSerializer = serializer_for(actionplans.ProgressUpdate)


ActionSerializer = serializer_for(
    actionplans.Action,
    rag_rating=serializers.CharField(read_only=True, help_text="The RAG given, else the "
                                     "one its status carries."),
    milestones=MilestoneSerializer(many=True, read_only=True),
    updates=ProgressUpdateSerializer(many=True, read_only=True),
    __doc__="An action with its milestones and progress updates.")
PrioritySerializer = serializer_for(actionplans.Priority, actions=links(actionplans.Action))


class ActionPlanSerializer(Resource):
    """An action plan with its priorities and links to its actions."""

    priorities = PrioritySerializer(many=True, read_only=True)
    actions = links(actionplans.Action)

    class Meta:
        model = actionplans.ActionPlan
        fields = "__all__"


# --- findings ------------------------------------------------------------------------------

class FindingSerializer(Resource):
    """A finding of the audit. Only its ``status`` can be changed: the review."""

    class Meta:
        model = findings.Finding
        fields = "__all__"
        read_only_fields = ("key", "kind", "severity", "indicator", "measure", "edition",
                            "stated", "computed", "explanation", "still_holds",
                            "reviewed_at", "computed_at")

    def update(self, instance, validated_data):
        request = self.context.get("request")
        if "status" in validated_data and validated_data["status"] != instance.status:
            instance.reviewed_by = getattr(request, "user", None)
            instance.reviewed_at = timezone.now()
        return super().update(instance, validated_data)
