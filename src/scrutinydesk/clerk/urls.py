"""The clerk's desk, under /clerk/ (signed-in clerks; officers may update undertakings and
action plans' actions)."""

from django.urls import path

from . import views

app_name = "clerk"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/reschedule/", views.meeting_reschedule, name="meeting-reschedule"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting-cancel"),
    path("meetings/<int:pk>/items/new/", views.item_create, name="item-create"),
    path("items/<int:pk>/", views.item_edit, name="item-edit"),
    path("items/<int:pk>/move/", views.item_move, name="item-move"),
    path("meetings/<int:pk>/papers/new/", views.document_create, name="document-create"),
    path("meetings/<int:pk>/attendance/new/", views.attendance_create,
         name="attendance-create"),
    path("meetings/<int:pk>/declarations/new/", views.declaration_create,
         name="declaration-create"),
    path("meetings/<int:pk>/decisions/new/", views.decision_create, name="decision-create"),
    path("meetings/<int:pk>/undertakings/new/", views.undertaking_create,
         name="undertaking-create"),
    path("meetings/<int:pk>/pack/", views.pack_publish, name="pack-publish"),
    path("undertakings/", views.undertakings, name="undertakings"),
    path("undertakings/<int:pk>/", views.undertaking_status, name="undertaking-status"),
    path("actions/", views.actions, name="actions"),
    path("actions/<int:pk>/", views.action_status, name="action-status"),
    path("work-programme/", views.work_programme, name="work-programme"),
    path("work-programme/<int:pk>/move/", views.topic_move, name="topic-move"),
]
