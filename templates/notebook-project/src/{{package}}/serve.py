"""Serving: a FastAPI app with GET /health and POST /predict.

Serve it with `uvicorn {{package}}.serve:app`.{{#has_model}} The model is the one
`python -m {{package}}.train` saves ({{model_file}} in config.ARTIFACTS_DIR), loaded on the
first prediction.{{/has_model}}
"""
{{#has_model}}
import math
{{/has_model}}
from typing import Any{{^has_features}}{{^union_syntax}}, Union{{/union_syntax}}{{/has_features}}{{#has_preparation}}{{#has_features}}{{^union_syntax}}, Optional{{/union_syntax}}{{/has_features}}{{/has_preparation}}

{{#has_pandas}}
import pandas as pd
{{/has_pandas}}
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel{{#has_aliases}}, ConfigDict, Field{{/has_aliases}}
{{#has_model}}

from . import config
from .inference import load_model, predict{{#has_preparation}}, prepare_features{{/has_preparation}}
{{/has_model}}


{{#has_features}}
class Features(BaseModel):
    """One row: {{#has_preparation}}a record as the data file holds it (the notebook's feature code runs on it){{/has_preparation}}{{^has_preparation}}the features the model was trained on{{/has_preparation}}."""
{{#has_aliases}}

    model_config = ConfigDict(populate_by_name=True)
{{/has_aliases}}

{{#features}}
    {{field}}: {{type}}{{#has_alias}} = Field({{#optional}}default=None, {{/optional}}alias="{{column}}"){{/has_alias}}{{^has_alias}}{{#optional}} = None{{/optional}}{{/has_alias}}
{{/features}}


class PredictRequest(BaseModel):
    """Rows to predict, each with every feature."""

    rows: list[Features]
{{/has_features}}
{{^has_features}}
class PredictRequest(BaseModel):
    """Rows to predict: each a mapping of feature name to value, or a list of values."""

    rows: list[{{#union_syntax}}dict[str, Any] | list[Any]{{/union_syntax}}{{^union_syntax}}Union[dict[str, Any], list[Any]]{{/union_syntax}}]
{{/has_features}}


class PredictResponse(BaseModel):
    """One prediction per row."""

    predictions: list[Any]


{{#has_categories}}
# The categories of the data's text columns, so one-hot encoding a few rows gives every column.
CATEGORIES = {
{{#categories}}
    {{{column}}}: [{{{values}}}],
{{/categories}}
}

{{/has_categories}}
app = FastAPI(title="{{project}}", version="0.1.0")
_models = {}


@app.get("/health")
def health():
    """Liveness: the app is up (it says whether a trained model is there)."""
    return {"status": "ok", "model": {{#has_model}}model_path().is_file(){{/has_model}}{{^has_model}}False{{/has_model}}}
{{#has_model}}


def model_path():
    """Where the trained model is read from."""
    return config.ARTIFACTS_DIR / "{{model_file}}"


def get_model():
    """The trained model, loaded once per path."""
    return get_artifact(model_path())


def get_artifact(path):
    """An artifact train saved, loaded once per path."""
    if path not in _models:
        if not path.is_file():
            raise HTTPException(status_code=503, detail=f"no trained model at {path}: run python -m {{package}}.train")
        _models[path] = load_model(path)
    return _models[path]


def to_inputs(model, rows):
    """The request's rows as the model's input."""
    if not rows:
        raise HTTPException(status_code=422, detail="rows is empty")
{{#has_features}}
    columns = [{{#features}}"{{column}}", {{/features}}]
    frame = pd.DataFrame([row.model_dump(by_alias=True) for row in rows], columns=columns)
{{#has_preparation}}
    return prepared(model, frame)
{{/has_preparation}}
{{^has_preparation}}
    return frame
{{/has_preparation}}
{{/has_features}}
{{^has_features}}
{{#has_preparation}}
    if not all(isinstance(row, dict) for row in rows):
        raise HTTPException(status_code=422, detail="rows must be records: mappings of the data's column names to values")
    return prepared(model, pd.DataFrame(rows))
{{/has_preparation}}
{{^has_preparation}}
    if all(isinstance(row, dict) for row in rows):
{{^has_pandas}}
        try:
            import pandas as pd
        except ImportError:
            raise HTTPException(status_code=422, detail="rows as mappings need pandas; send lists of feature values") from None
{{/has_pandas}}
        frame = pd.DataFrame(rows)
        expected = getattr(model, "feature_names_in_", None)
        if expected is not None:
            missing = [str(name) for name in expected if name not in frame.columns]
            if missing:
                raise HTTPException(status_code=422, detail="missing features: " + ", ".join(missing))
            frame = frame[list(expected)]
        return frame
    if all(isinstance(row, list) for row in rows):
        return rows
    raise HTTPException(status_code=422, detail="rows must all be mappings or all be lists")
{{/has_preparation}}
{{/has_features}}
{{#has_preparation}}


def prepared(model, frame):
    """Raw records → the model's input: the notebook's feature code, then the model's columns."""
{{#preparation_target}}
    # A client does not send the label; a value from the data keeps the feature code's shapes.
    if "{{preparation_target}}" in frame:
        frame["{{preparation_target}}"] = frame["{{preparation_target}}"].fillna({{{preparation_placeholder}}})
    else:
        frame["{{preparation_target}}"] = {{{preparation_placeholder}}}
{{/preparation_target}}
{{#has_categories}}
    for column, categories in CATEGORIES.items():
        if column in frame:
            frame[column] = pd.Categorical(frame[column], categories=categories)
{{/has_categories}}
    try:
        features = prepare_features(frame{{#preparation_artifacts}}, get_artifact(config.ARTIFACTS_DIR / "{{file}}"){{/preparation_artifacts}})
    except (KeyError, ValueError, TypeError) as error:
        raise HTTPException(status_code=422, detail=f"cannot prepare the rows' features: {error}") from None
    expected = getattr(model, "feature_names_in_", None)
    if expected is not None and hasattr(features, "reindex"):
        # One-hot columns a few rows do not produce are the absent categories: zero.
        features = features.reindex(columns=list(expected), fill_value=0)
    return features
{{/has_preparation}}


def to_json(values):
    """Predictions as JSON values (NaN and infinities become null)."""
    if hasattr(values, "to_numpy"):
        values = values.to_numpy()  # a pandas Series or DataFrame: one entry per row
    values = values.tolist() if hasattr(values, "tolist") else list(values)
    return [None if isinstance(value, float) and not math.isfinite(value) else value for value in values]


@app.post("/predict", response_model=PredictResponse)
def predict_rows(request: PredictRequest):
    """Predicts one value per row."""
    model = get_model()
{{#has_preparation}}
    features = to_inputs(model, request.rows)
    try:
        predictions = predict(model, features)
    except ValueError as error:
        # Rows the feature code could not complete (a missing value it fills from the data's statistics).
        raise HTTPException(status_code=422, detail=f"cannot predict these rows: {error}") from None
    return {"predictions": to_json(predictions)}
{{/has_preparation}}
{{^has_preparation}}
    return {"predictions": to_json(predict(model, to_inputs(model, request.rows)))}
{{/has_preparation}}
{{/has_model}}
{{^has_model}}


@app.post("/predict", response_model=PredictResponse)
def predict_rows(request: PredictRequest):
    """{{notebook}} saves no trained model, so there is nothing to predict with."""
    raise HTTPException(status_code=501, detail="{{notebook}} has no model to serve: it trains no model that nbship could save")
{{/has_model}}
