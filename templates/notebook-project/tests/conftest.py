"""Shared fixtures: plots render off-screen{{#has_train_main}}, and the pipeline trains once per session into a temporary artifacts folder{{/has_train_main}}."""
{{#has_train_main}}
import contextlib
import io
{{/has_train_main}}
import os
{{#has_train_main}}
from pathlib import Path
from typing import NamedTuple

import pytest
{{/has_train_main}}

os.environ.setdefault("MPLBACKEND", "Agg")
{{#has_train_main}}


class TrainingRun(NamedTuple):
    """Where `train.main()` saved the artifacts, and what it printed."""

    folder: Path
    output: str


@pytest.fixture(scope="session")
def training_run(tmp_path_factory):
    """Runs `train.main()` once; config.ARTIFACTS_DIR points at the folder it saved to."""
    from {{package}} import (
        config,
        train,
    )

    folder = tmp_path_factory.mktemp("artifacts")
    patch = pytest.MonkeyPatch()
    patch.setattr(config, "ARTIFACTS_DIR", folder)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        train.main()
    yield TrainingRun(folder, printed.getvalue())
    patch.undo()


@pytest.fixture(scope="session")
def trained(training_run):
    """The folder train saved its artifacts to."""
    return training_run.folder
{{/has_train_main}}
{{#model_input}}


@pytest.fixture(scope="session")
def sample_input():
    """A few rows of what the model is fitted on ({{name}}), computed as train does."""
{{#imports}}
    {{{.}}}
{{/imports}}
{{#lines}}
    {{{.}}}
{{/lines}}
    return {{name}}[:5]
{{/model_input}}
{{#has_preparation}}


@pytest.fixture(scope="session")
def raw_rows():
    """The first records of the data file, as a client sends them{{#preparation_target}} (without {{preparation_target}}, which the model predicts){{/preparation_target}}."""
    import json

    import pandas as pd

    from {{package}} import config

    frame = pd.read_csv(config.{{preparation_data_file}}).head(5)
{{#preparation_target}}
    frame = frame.drop(columns=["{{preparation_target}}"], errors="ignore")
{{/preparation_target}}
    return json.loads(frame.to_json(orient="records"))
{{/has_preparation}}
