"""The API's answers to what Django raises below it: a model's validation as 400, a
write that would clash with an existing record as 400, and a change to a record the user
may only see the public part of as 403."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from scrutinydesk.core.visibility import ExemptFieldError


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = serializers.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, IntegrityError):
        exc = serializers.ValidationError(
            {"non_field_errors": ["This would clash with a record that already exists "
                                  "(the same title, period or date)."]})
    elif isinstance(exc, ExemptFieldError):
        exc = exceptions.PermissionDenied(str(exc))
    return drf_exception_handler(exc, context)
