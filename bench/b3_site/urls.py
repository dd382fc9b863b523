"""The product's URLs and error handlers, plus ``/bench/bare/`` (the B3 baseline)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from aterkoppla import urls as product


def bare(request: HttpRequest) -> HttpResponse:
    """The baseline: a view that does nothing, behind the product's middleware."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *product.urlpatterns]

handler404 = product.handler404
handler403 = product.handler403
handler500 = product.handler500
