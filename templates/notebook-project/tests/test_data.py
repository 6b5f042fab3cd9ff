"""Tests for the data stage{{#has_data_files}}: the data files are in place{{/has_data_files}}{{#has_data_functions}}, and load functions return values{{/has_data_functions}}."""
import importlib
{{#has_data_files}}
from pathlib import Path

from {{package}} import config
{{/has_data_files}}


def test_data_module_imports():
    assert importlib.import_module("{{package}}.data").__name__ == "{{package}}.data"
{{#has_data_files}}


def test_data_files_are_present():
    assert Path(config.DATA_DIR).is_dir(), f"no data folder at {config.DATA_DIR}: set {{data_directory_variable}}"
    for path in [{{#data_files}}config.{{config_name}}, {{/data_files}}]:
        assert Path(path).is_file(), f"missing data file {path}"
{{/has_data_files}}
{{#data_functions}}


def test_{{name}}_returns_values():
    from {{package}}.data import (
        {{name}},
    )

    {{{call}}}
{{#has_returns}}
    for value in [{{returns}}]:
        assert value is not None
        if getattr(value, "ndim", 0) > 0:
            assert value.shape[0] > 0
{{/has_returns}}
{{/data_functions}}
