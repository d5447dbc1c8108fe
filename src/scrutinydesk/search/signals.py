"""Keep the index current: a saved or deleted record is indexed again once its
transaction commits; so are the records whose entries show it. What one transaction
changes is indexed in one batch when it commits."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .index import SOURCES, refresh_many
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


class _Batch:
    """The (kind, pk) pairs a transaction changed, indexed again when it commits."""

    def __init__(self):
        self.keys: set[tuple[str, int]] = set()
        self.done = False

    def __call__(self):
        self.done = True
        for kind in sorted({kind for kind, _ in self.keys}):
            refresh_many(kind, [pk for k, pk in self.keys if k == kind])


def _schedule(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    keys = {(kind, pk) for kind, pks in _DEPENDENTS[sender._meta.label]
            for pk in pks(instance) if pk is not None}
    if not keys:
        return
    connection = transaction.get_connection()
    batch = next((entry[1] for entry in connection.run_on_commit
                  if isinstance(entry[1], _Batch) and not entry[1].done), None)
    if batch is not None:
        batch.keys |= keys
        return
    batch = _Batch()
    batch.keys |= keys
    transaction.on_commit(batch)  # outside a transaction: at once


for _label in _DEPENDENTS:
    _model = apps.get_model(_label)
    post_save.connect(_schedule, sender=_model, dispatch_uid=f"search-save-{_label}")
    post_delete.connect(_schedule, sender=_model, dispatch_uid=f"search-delete-{_label}")
