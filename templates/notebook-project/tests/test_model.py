"""Tests for the model stage: the module imports{{#has_model_definitions}} and defines what the notebook defined{{/has_model_definitions}}."""
import importlib


def test_model_module_imports():
    module = importlib.import_module("{{package}}.model")
    assert module.__name__ == "{{package}}.model"
{{#has_model_definitions}}


def test_model_definitions_are_callable():
    module = importlib.import_module("{{package}}.model")
{{#model_definitions}}
    assert callable(module.{{.}})
{{/model_definitions}}
{{/has_model_definitions}}
{{#model_functions}}


def test_{{name}}_builds_a_model():
    from {{package}}.model import (
        {{name}},
    )

    {{{call}}}
{{#has_returns}}
    for value in [{{returns}}]:
        assert value is not None
{{/has_returns}}
{{/model_functions}}
