"""The administration site: every model's pages open, changes save and are kept in history,
and imported records can be confirmed."""

import pytest
from django.contrib import admin
from django.urls import reverse

from scrutinydesk.outcomes.models import Observation
from scrutinydesk.risks.models import Risk
from tests.factories import EXAMPLES, make_observation, make_risk, make_source_document

pytestmark = pytest.mark.django_db

PROJECT_MODELS = sorted(
    (model for model in admin.site._registry if model.__module__.startswith("scrutinydesk.")),
    key=lambda model: model._meta.label,
)
IDS = [model._meta.label for model in PROJECT_MODELS]
RESAVE_PARAMS = HISTORY_PARAMS = PROJECT_MODELS


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_project_model_is_registered_and_has_an_example():
    assert len(PROJECT_MODELS) == len(EXAMPLES)
    assert set(PROJECT_MODELS) == set(EXAMPLES)


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=IDS)
def test_changelist_opens(admin_client, model):
    example = EXAMPLES[model]()
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == model.objects.count() >= 1
    assert str(example.pk) in response.content.decode()


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=IDS)
def test_add_view_opens(admin_client, model):
    response = admin_client.get(admin_url(model, "add"))
    assert response.status_code == 200
    assert response.context["add"] is True


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=IDS)
def test_change_view_opens(admin_client, model):
    example = EXAMPLES[model]()
    response = admin_client.get(admin_url(model, "change", example.pk))
    assert response.status_code == 200
    assert response.context["original"] == example


@pytest.mark.parametrize("model", HISTORY_PARAMS, ids=IDS)
def test_history_view_opens(admin_client, model):
    example = EXAMPLES[model]()
    response = admin_client.get(admin_url(model, "history", example.pk))
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 1


def change_form_data(response) -> dict:
    """What a browser would post back from a change page left as it is."""
    data = {"_save": "Save"}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


@pytest.mark.parametrize("model", RESAVE_PARAMS, ids=IDS)
def test_change_form_saves_unchanged(admin_client, model):
    example = EXAMPLES[model]()
    url = admin_url(model, "change", example.pk)
    response = admin_client.post(url, change_form_data(admin_client.get(url)))
    errors = response.context and response.context["adminform"].form.errors
    assert response.status_code == 302, errors
    assert response.url == admin_url(model, "changelist")


def test_history_view_lists_a_change_and_its_user(admin_client, admin_user):
    risk = make_risk(title="Inability to recruit social workers")
    url = admin_url(Risk, "change", risk.pk)
    data = change_form_data(admin_client.get(url))
    data["title"] = "Inability to recruit and retain social workers"
    assert admin_client.post(url, data).status_code == 302

    page = admin_client.get(admin_url(Risk, "history", risk.pk)).content.decode()
    assert "Inability to recruit and retain social workers" in page
    assert admin_user.username in page
    assert "Changed" in page


def test_confirm_action_sets_who_and_when(admin_client, admin_user):
    paper = make_source_document()
    chosen = [make_risk(source=paper, source_page=p) for p in (3, 4)]
    other = make_risk(source=paper, source_page=5)
    assert all(r.machine_extracted for r in chosen)
    response = admin_client.post(admin_url(Risk, "changelist"), {
        "action": "confirm", "_selected_action": [r.pk for r in chosen]}, follow=True)
    assert response.status_code == 200
    assert "Confirmed 2 record(s)." in response.content.decode()
    for risk in chosen:
        risk.refresh_from_db()
        assert risk.confirmed_at is not None
        assert risk.confirmed_by == admin_user
        assert not risk.machine_extracted
    other.refresh_from_db()
    assert other.confirmed_at is None and other.machine_extracted


def test_confirm_action_on_observations(admin_client, admin_user):
    observation = make_observation(source=make_source_document(), source_page=67)
    admin_client.post(admin_url(Observation, "changelist"), {
        "action": "confirm", "_selected_action": [observation.pk]})
    observation.refresh_from_db()
    assert observation.confirmed_by == admin_user
    assert observation.history.first().history_user == admin_user


def test_confirmation_fields_are_read_only(admin_client):
    risk = make_risk()
    form = admin_client.get(admin_url(Risk, "change", risk.pk)).context["adminform"].form
    assert "confirmed_at" not in form.fields
    assert "confirmed_by" not in form.fields
    assert "source_page" in form.fields


def test_admin_needs_a_staff_login(client):
    response = client.get(admin_url(Risk, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
