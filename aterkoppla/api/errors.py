"""Every error the API gives is JSON ``{"detail": …}`` with a 4xx status; nothing is a 500.

Invalid input adds ``errors``: messages per field, named by their path in the request body.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import errors as ninja_errors
from ninja.parser import Parser

from aterkoppla.api.services import Conflict
from aterkoppla.language.gate import LanguageBlocked as StoppedText
from aterkoppla.language.review import blocked_error, special_category_reminder

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

ALL = NON_FIELD_ERRORS  # "__all__": errors about the request as a whole


class InvalidInput(Exception):
    """Input the services refused, with the messages per API field (HTTP 422)."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class LanguageBlocked(Exception):
    """Texts the language check stops, with no reason to keep them (HTTP 422, ``findings``),
    named by their place in the request body."""

    def __init__(self, blocking: Mapping[str, list[Any]]) -> None:
        super().__init__(blocking)
        self.blocking = blocking


def language_blocked(exc: StoppedText, path: Callable[[str], str] | None = None) -> LanguageBlocked:
    """A service's stopped texts, each named by ``path(name)``: its place in the body."""
    path = path or (lambda name: name)
    return LanguageBlocked({path(name): findings for name, findings in exc.blocking.items()})


class BadBody(ValueError):
    """A request body that is not JSON at all (HTTP 400)."""


class NotAnObject(ValueError):
    """A JSON body that is not an object: valid JSON, invalid input (HTTP 422)."""


def error_response(
    status: int, detail: str, errors: Mapping[str, list[str]] | None = None
) -> HttpResponse:
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = dict(errors)
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def invalid_input(exc: ValidationError, rename: Mapping[str, str] | None = None) -> InvalidInput:
    """A service's ValidationError as API field errors; ``rename`` maps its field names."""
    rename = rename or {}
    if hasattr(exc, "error_dict"):
        errors = {
            rename.get(field, field): messages for field, messages in exc.message_dict.items()
        }
    else:
        errors = {ALL: exc.messages}
    return InvalidInput(errors)


def merit_paths(exc: ValidationError, prefix: str = "") -> dict[str, str]:
    """Where each merit error the merits service names ("experience.0.years") sits in the
    body: under ``prefix``, with the length as an object ("experience.0.length.years")."""
    sections = ("education", "experience", "other")
    return {
        name: prefix + re.sub(r"\.(years|months)$", r".length.\1", name)
        for name in getattr(exc, "error_dict", {})
        if name.split(".")[0] in sections
    }


def _summary(errors: Mapping[str, list[str]]) -> str:
    fields = [field for field in errors if field != ALL]
    messages = errors.get(ALL, [])
    if not fields:
        return " ".join(messages) or _("The request is not valid.")
    return _("Invalid input in: %(fields)s.") % {"fields": ", ".join(fields)}


def _pydantic_errors(items: list[dict[str, Any]]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for item in items:
        location = [str(part) for part in item.get("loc", ())]
        if location[:1] == ["body"]:
            # ("body", <parameter name>, "candidate", "email") → "candidate.email". A union's
            # alternatives add their type to the path ("MeritIn", "function-after[…]"): the
            # field is the same whichever one failed.
            location = [p for p in location[2:] if "[" not in p and not p[:1].isupper()]
        elif location:
            location = location[1:]
        field = ".".join(location) or ALL
        message = item.get("msg", "Invalid value")
        if item.get("type") == "value_error" and "error" in item.get("ctx", {}):
            # Our own validators' words, without pydantic's "Value error, " in front.
            message = str(item["ctx"]["error"])
        if item.get("type") == "missing" and field == ALL:
            message = _("The request needs a JSON body.")
        if message not in errors.get(field, []):
            errors.setdefault(field, []).append(message)
    return errors


class JsonParser(Parser):
    """JSON bodies only, sent as JSON: anything else is a 400 with a word on what to fix."""

    def parse_body(self, request: HttpRequest) -> Any:
        content_type = request.content_type or ""
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise BadBody(
                _("Send the body as JSON, with the header Content-Type: application/json.")
            )
        try:
            data = json.loads(request.body)
        except (ValueError, RecursionError) as exc:
            # ValueError covers bad JSON and bytes that are not UTF-8.
            raise BadBody(_("The request body is not valid JSON.")) from exc
        if not isinstance(data, dict):
            # Every body is an object. ninja would read fields off anything else as
            # attributes: the JSON string "abc" would pass as {"title": "Abc"} (str.title).
            raise NotAnObject(_("The request body must be a JSON object."))
        return data


def install(api: NinjaAPI) -> None:
    """Replace ninja's exception handlers with ours."""

    @api.exception_handler(ninja_errors.AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(
            401, _("Send a valid API token: the header Authorization: Bearer <token>.")
        )

    @api.exception_handler(ninja_errors.HttpError)
    def http_error(request: HttpRequest, exc: ninja_errors.HttpError) -> HttpResponse:
        # ninja turns a body it cannot parse into HttpError(400) caused by our BadBody.
        if isinstance(exc.__cause__, BadBody):
            return error_response(400, str(exc.__cause__))
        if isinstance(exc.__cause__, NotAnObject):
            message = str(exc.__cause__)
            return error_response(422, message, {ALL: [message]})
        return error_response(exc.status_code, str(exc))

    @api.exception_handler(ninja_errors.ValidationError)
    def schema_error(request: HttpRequest, exc: ninja_errors.ValidationError) -> HttpResponse:
        if exc.errors and all(item.get("loc", ("",))[0] == "path" for item in exc.errors):
            # An id in the URL that is no id names nothing: not found, like an unknown id.
            return error_response(404, _("Not found."))
        errors = _pydantic_errors(exc.errors)
        return error_response(422, _summary(errors), errors)

    @api.exception_handler(InvalidInput)
    def service_invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
        return error_response(422, _summary(exc.errors), exc.errors)

    @api.exception_handler(ValidationError)
    def service_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = invalid_input(exc).errors
        return error_response(422, _summary(errors), errors)

    @api.exception_handler(StoppedText)
    def service_language_blocked(request: HttpRequest, exc: StoppedText) -> HttpResponse:
        # A route that does not rename the service's texts: their names are the body's.
        return stopped(request, language_blocked(exc))

    @api.exception_handler(LanguageBlocked)
    def stopped(request: HttpRequest, exc: LanguageBlocked) -> HttpResponse:
        detail = _(
            "The language check stops a text. Edit it, or keep it with a reason in "
            "“language_override_reason”."
        )
        reminder = special_category_reminder(
            finding for findings in exc.blocking.values() for finding in findings
        )
        response = error_response(
            422,
            f"{detail} {reminder}" if reminder else detail,
            {field: [blocked_error(findings)] for field, findings in exc.blocking.items()},
        )
        body = json.loads(response.content)
        body["findings"] = [
            {"field": field, **finding.to_dict()}
            for field, findings in exc.blocking.items()
            for finding in findings
        ]
        response.content = json.dumps(body, ensure_ascii=False)
        return response

    @api.exception_handler(Conflict)
    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return error_response(409, str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(404, _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A refusal that says why (creating a recruitment) keeps its words.
        return error_response(
            403, str(exc) or _("Your role on this recruitment does not allow this.")
        )

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(400, _("The request body is too large."))

    # Safety nets: input that slipped past validation and met a database rule is still the
    # client's mistake. Logged, because each one is a validation we should add.
    @api.exception_handler(IntegrityError)
    def integrity_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.warning("API request hit a database constraint: %s", exc)
        return error_response(409, _("The request conflicts with data already stored."))

    @api.exception_handler(DataError)
    def data_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.warning("API request had data the database refused: %s", exc)
        return error_response(422, _("The request holds a value that cannot be stored."))

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A bug: log it as Django logs a 500, and still answer in the API's own format.
        logging.getLogger("django.request").error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exc,
            extra={"status_code": 500, "request": request},
        )
        return error_response(500, _("Something went wrong on our side."))
