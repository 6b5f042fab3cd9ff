"""Placeholder test for serving: the module imports without FastAPI installed."""

from {{package}} import serve


def test_serve_builds_its_app_lazily():
    assert callable(serve.create_app)
