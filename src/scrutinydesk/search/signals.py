"""Keep the index current: a saved or deleted record is indexed again once its
transaction commits; so are the records whose entries show it."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .index import SOURCES, refresh
from .models import EntryKind

# model -> (kind, function giving the pks of records of that kind to index again)
_DEPENDENTS = {
    "committees.AgendaItem": [
        (EntryKind.MINUTE, lambda o: [o.pk]),
        (EntryKind.DECISION, lambda o: list(o.decisions.values_list("pk", flat=True))),
        (EntryKind.UNDERTAKING, lambda o: list(o.undertakings.values_list("pk", flat=True))),
        (EntryKind.REPORT, lambda o: list(o.documents.values_list("pk", flat=True))),
    ],
    "actionplans.Action": [(EntryKind.ACTION_PLAN, lambda o: [o.plan_id])],
    "actionplans.Priority": [(EntryKind.ACTION_PLAN, lambda o: [o.plan_id])],
}
for _kind, _source in SOURCES.items():
    _DEPENDENTS.setdefault(_source.model, []).append((_kind, lambda o: [o.pk]))
    if _source.model == "committees.AgendaItem":
        _DEPENDENTS[_source.model].pop()  # listed above
# a report's sections are shown, or kept back, with the report
_DEPENDENTS["committees.Document"].append(
    (EntryKind.SECTION, lambda o: list(o.sections.values_list("pk", flat=True))))


def _schedule(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    for kind, pks in _DEPENDENTS[sender._meta.label]:
        for pk in [pk for pk in pks(instance) if pk is not None]:
            transaction.on_commit(lambda kind=kind, pk=pk: refresh(kind, pk))


for _label in _DEPENDENTS:
    _model = apps.get_model(_label)
    post_save.connect(_schedule, sender=_model, dispatch_uid=f"search-save-{_label}")
    post_delete.connect(_schedule, sender=_model, dispatch_uid=f"search-delete-{_label}")
