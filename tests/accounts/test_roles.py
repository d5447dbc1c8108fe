"""Roles: the groups and their permissions, set up after migrate, and the view helpers."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path
from django.views import View

from scrutinydesk import urls as project_urls
from scrutinydesk.accounts.roles import (
    Role,
    RoleRequiredMixin,
    ensure_roles,
    has_role,
    is_admin,
    is_clerk,
    is_member,
    is_officer,
    role_required,
    roles_of,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def perms(role) -> set[str]:
    group = Group.objects.get(name=Role(role).label)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_migrate_created_the_four_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Member", "Officer", "Clerk", "Administrator"}


def test_ensure_roles_is_idempotent_and_repairs_a_group():
    before = {role: perms(role) for role in Role}
    Group.objects.get(name="Clerk").permissions.clear()
    ensure_roles()
    ensure_roles()
    assert {role: perms(role) for role in Role} == before
    assert Group.objects.filter(name="Clerk").count() == 1
    assert Permission.objects.filter(codename="view_exempt").count() == 1


def test_members_see_exempt_information_and_view_but_change_nothing():
    member = perms("member")
    assert "core.view_exempt" in member
    assert {"committees.view_agendaitem", "outcomes.view_observation",
            "findings.view_finding"} <= member
    assert not any(p.split(".")[1].startswith(("add_", "change_", "delete_")) for p in member)


def test_clerks_keep_the_committees_business():
    clerk = perms("clerk")
    for model in ("meeting", "agendaitem", "document", "attendance", "declaration",
                  "decision", "undertaking", "workprogrammeitem"):
        assert {f"committees.add_{model}", f"committees.change_{model}"} <= clerk
    assert "core.view_exempt" in clerk and "core.add_sourcedocument" in clerk
    assert "outcomes.change_observation" not in clerk
    assert not any(".delete_" in p for p in clerk)


def test_officers_keep_the_outcomes_data_and_confirm_records():
    officer = perms("officer")
    assert {"outcomes.change_observation", "outcomes.add_commentary",
            "outcomes.change_populationindicator", "risks.change_riskassessment",
            "findings.change_finding", "core.confirm_record", "core.view_exempt"} <= officer
    assert "committees.change_meeting" not in officer
    assert "findings.add_finding" not in officer  # findings are computed, never typed in


def test_admins_hold_every_permission():
    assert perms("admin") == {f"{p.content_type.app_label}.{p.codename}"
                              for p in Permission.objects.all()}


def test_role_users_hold_their_groups_permissions(role_user):
    clerk = role_user("clerk")
    assert clerk.has_perm("committees.change_undertaking")
    assert not clerk.has_perm("outcomes.change_observation")


def test_roles_of_and_the_shorthands(role_user):
    clerk, officer, admin = role_user("clerk"), role_user("officer"), role_user("admin")
    assert roles_of(clerk) == {Role.CLERK} and roles_of(AnonymousUser()) == set()
    assert is_clerk(clerk) and not is_officer(clerk) and not is_member(clerk)
    assert is_officer(officer) and not is_admin(officer)
    assert all(check(admin) for check in (is_member, is_officer, is_clerk, is_admin))
    superuser = make_user(superuser=True)
    assert is_admin(superuser) and is_clerk(superuser)
    assert not has_role(make_user(), *Role)


def _request(user):
    request = RequestFactory().get("/clerk/page/?x=1")
    request.user = user
    return request


@role_required(Role.CLERK, "officer")
def protected(request):
    return HttpResponse("ok")


class ProtectedView(RoleRequiredMixin, View):
    roles = (Role.CLERK,)

    def get(self, request):
        return HttpResponse("ok")


@pytest.mark.parametrize("view", [protected, ProtectedView.as_view()])
def test_role_required_sends_the_public_to_sign_in(view):
    response = view(_request(AnonymousUser()))
    assert response.status_code == 302
    assert response.url == "/sign-in/?next=/clerk/page/%3Fx%3D1"


@pytest.mark.parametrize("view", [protected, ProtectedView.as_view()])
def test_role_required_refuses_other_roles_and_admits_the_role(view, role_user):
    with pytest.raises(PermissionDenied, match="This page is for clerks"):
        view(_request(role_user("member")))
    assert view(_request(role_user("clerk"))).content == b"ok"
    assert view(_request(role_user("admin"))).content == b"ok"


urlpatterns = [path("clerk/page/", protected), *project_urls.urlpatterns]


def test_a_view_refused_to_a_signed_in_person_says_why(client, role_user, settings):
    settings.ROOT_URLCONF = __name__
    client.force_login(role_user("member"))
    response = client.get("/clerk/page/")
    assert response.status_code == 403
    assert b"This page is for clerks or officers." in response.content


def test_role_required_needs_a_role():
    with pytest.raises(ValueError):
        role_required()
