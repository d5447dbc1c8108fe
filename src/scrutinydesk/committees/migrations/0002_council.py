"""Each committee's council becomes a Council record; councillors and officers belong to the
council whose committees they sit on or attend, and are unique by name within it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

from scrutinydesk.core.models import area_of


def councils_from_text(apps, schema_editor):
    Council = apps.get_model("core", "Council")
    Committee = apps.get_model("committees", "Committee")
    HistoricalCommittee = apps.get_model("committees", "HistoricalCommittee")
    Member = apps.get_model("committees", "Member")
    Officer = apps.get_model("core", "Officer")
    by_text = {}
    for committee in Committee.objects.exclude(council_name=""):
        text = " ".join(committee.council_name.split())[:200]
        key = text.casefold()
        if key not in by_text:
            by_text[key] = Council.objects.filter(name__iexact=text).first() or \
                Council.objects.create(name=text, short_name=area_of(text)[:100],
                                       slug=slugify(text)[:200])
        committee.council = by_text[key]
        committee.save(update_fields=["council"])
    for row in HistoricalCommittee.objects.exclude(council_name=""):
        row.council_id = getattr(by_text.get(" ".join(row.council_name.split()).casefold()),
                                 "pk", None)
        row.save(update_fields=["council"])
    councils = list(Council.objects.all()[:2])
    only = councils[0] if len(councils) == 1 else None
    for member in Member.objects.all():
        theirs = set(Committee.objects.filter(
            models.Q(memberships__member=member) | models.Q(meetings__attendance__member=member)
        ).exclude(council=None).values_list("council", flat=True))
        council_id = theirs.pop() if len(theirs) == 1 else getattr(only, "pk", None)
        if council_id is not None:
            Member.objects.filter(pk=member.pk).update(council_id=council_id)
    if only is not None:
        Officer.objects.filter(council=None).update(council=only)


def councils_to_text(apps, schema_editor):
    Committee = apps.get_model("committees", "Committee")
    for committee in Committee.objects.exclude(council=None).select_related("council"):
        committee.council_name = committee.council.name
        committee.save(update_fields=["council_name"])


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0001_initial'),
        ('core', '0002_council'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name='committee', old_name='council',
                               new_name='council_name'),
        migrations.RenameField(model_name='historicalcommittee', old_name='council',
                               new_name='council_name'),
        migrations.AddField(
            model_name='committee',
            name='council',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='committees', to='core.council'),
        ),
        migrations.AddField(
            model_name='historicalcommittee',
            name='council',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.council'),
        ),
        migrations.RemoveConstraint(
            model_name='member',
            name='member_unique_name',
        ),
        migrations.AddField(
            model_name='historicalmember',
            name='council',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='core.council'),
        ),
        migrations.AddField(
            model_name='member',
            name='council',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='members', to='core.council'),
        ),
        migrations.RunPython(councils_from_text, councils_to_text),
        migrations.RemoveField(model_name='committee', name='council_name'),
        migrations.RemoveField(model_name='historicalcommittee', name='council_name'),
        migrations.AddConstraint(
            model_name='member',
            constraint=models.UniqueConstraint(fields=('council', 'name_key'), name='member_unique_name_in_council'),
        ),
        migrations.AddConstraint(
            model_name='member',
            constraint=models.UniqueConstraint(condition=models.Q(('council__isnull', True)), fields=('name_key',), name='member_unique_name_without_council'),
        ),
        migrations.AlterField(
            model_name='committee',
            name='name',
            field=models.CharField(max_length=300),
        ),
        migrations.AlterField(
            model_name='historicalcommittee',
            name='name',
            field=models.CharField(max_length=300),
        ),
        migrations.AddConstraint(
            model_name='committee',
            constraint=models.UniqueConstraint(fields=('council', 'name'), name='committee_unique_name_in_council'),
        ),
        migrations.AddConstraint(
            model_name='committee',
            constraint=models.UniqueConstraint(condition=models.Q(('council__isnull', True)), fields=('name',), name='committee_unique_name_without_council'),
        ),
    ]
