"""A model's fields by name, typed for the code that reads their labels."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Field, Model


def model_field(model: type[Model], name: str) -> Field[Any, Any]:
    """The model's own field ``name``, with its verbose name and help text.

    ``_meta.get_field`` also finds the relations other models have to this one, which have
    neither; asking for one of those is a mistake in the code, as is an unknown name.
    """
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise FieldDoesNotExist(f"{model._meta.label}.{name} is a reverse relation, not a field")
    return field


def max_length(model: type[Model], name: str) -> int:
    """The longest text the model's field ``name`` holds; the field must set a maximum."""
    length = model_field(model, name).max_length
    if length is None:
        raise TypeError(f"{model._meta.label}.{name} sets no max_length")
    return length
