"""Serving: a FastAPI app with GET /health, GET /ready, GET /metrics and POST /predict.

Run it with `python -m {{package}}.serve`: PORT (8000), HOST (0.0.0.0), WORKERS (1),
MAX_ROWS (rows per request, 1000), MAX_BODY_BYTES (1048576) and GRACEFUL_SECONDS (30) come
from the environment.{{#has_model}} The model is the one `python -m {{package}}.train` saves
({{model_file}} in config.ARTIFACTS_DIR), loaded once at start-up: GET /ready answers 503,
with the reason, until it has loaded.{{/has_model}} Every request is logged as one JSON line with
its request id (X-Request-ID, or a new one).
"""
{{#has_model}}
import hashlib
{{/has_model}}
import json
import logging
{{#has_model}}
import math
{{/has_model}}
import os
import shutil
import sys
import tempfile
import time
import uuid
from contextlib import asynccontextmanager
from typing import {{#has_example}}Annotated, {{/has_example}}Any{{^has_features}}{{^union_syntax}}, Union{{/union_syntax}}{{/has_features}}{{#has_preparation}}{{#has_features}}{{^union_syntax}}, Optional{{/union_syntax}}{{/has_features}}{{/has_preparation}}

{{#has_pandas}}
import pandas as pd
{{/has_pandas}}
import uvicorn
from fastapi import {{#has_example}}Body, {{/has_example}}FastAPI, HTTPException
from fastapi.responses import JSONResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from pydantic import BaseModel, ConfigDict, Field, model_validator
{{#has_model}}

from . import config
from .inference import load_model, predict{{#has_preparation}}, prepare_features{{/has_preparation}}
{{/has_model}}

VERSION = "0.1.0"
MAX_ROWS = int(os.environ.get("MAX_ROWS", "1000"))
MAX_BODY_BYTES = int(os.environ.get("MAX_BODY_BYTES", str(1 << 20)))
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

class JSONLines(logging.Formatter):
    """A log record as one JSON line: the event, its fields, and a traceback when there is one."""

    def format(self, record):
        line = {"time": self.formatTime(record), "level": record.levelname.lower(), "pid": record.process, "event": record.getMessage()}
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


log = logging.getLogger("{{package}}.serve")
if not log.handlers:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JSONLines())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def log_event(event, **fields):
    """One JSON line on standard error."""
    log.info(event, extra={"fields": fields})


# This module's own registry: `python -m {{package}}.serve` imports it twice (as __main__ and
# by uvicorn), and with several workers each process writes its values where /metrics reads them.
REGISTRY = CollectorRegistry()
REQUESTS = Counter("http_requests_total", "Requests answered, by route and status.", ["method", "route", "status"], registry=REGISTRY)
LATENCY = Histogram("http_request_duration_seconds", "Time to answer a request, by route.", ["route"], registry=REGISTRY)
ROWS = Counter("predicted_rows_total", "Rows predicted.", registry=REGISTRY)
ERRORS = Counter("prediction_errors_total", "Predict requests that failed after validation.", registry=REGISTRY)
INFO = Gauge("model_info", "The package version and the served model's SHA-256 (value 1).", ["version", "model_sha256"],
             registry=REGISTRY, multiprocess_mode="max")


{{#has_features}}
class Features(BaseModel):
    """One row: {{#has_preparation}}a record as the data file holds it (the notebook's feature code runs on it){{/has_preparation}}{{^has_preparation}}the features the model was trained on{{/has_preparation}}."""

    model_config = ConfigDict({{#has_aliases}}populate_by_name=True, {{/has_aliases}}extra="forbid")

{{#features}}
    {{field}}: {{type}}{{#has_alias}} = Field({{#optional}}default=None, {{/optional}}alias="{{column}}"){{/has_alias}}{{^has_alias}}{{#optional}} = None{{/optional}}{{/has_alias}}
{{/features}}


class PredictRequest(BaseModel):
    """One row, or a batch of rows (`rows`, at most MAX_ROWS), each with every feature."""

    model_config = ConfigDict(extra="forbid")

    rows: list[Features] = Field(min_length=1, max_length=MAX_ROWS)

    @model_validator(mode="before")
    @classmethod
    def one_row(cls, data):
        """A single row is a batch of one."""
        if isinstance(data, dict) and "rows" not in data:
            return {"rows": [data]}
        return data
{{/has_features}}
{{^has_features}}
class PredictRequest(BaseModel):
    """A batch of rows (at most MAX_ROWS): each a mapping of feature name to value, or a list of values."""

    model_config = ConfigDict(extra="forbid")

    rows: list[{{#union_syntax}}dict[str, Any] | list[Any]{{/union_syntax}}{{^union_syntax}}Union[dict[str, Any], list[Any]]{{/union_syntax}}] = Field(min_length=1, max_length=MAX_ROWS)

    @model_validator(mode="before")
    @classmethod
    def one_row(cls, data):
        """A single row (a mapping without `rows`) is a batch of one."""
        if isinstance(data, dict) and "rows" not in data:
            return {"rows": [data]}
        return data
{{/has_features}}


class PredictResponse(BaseModel):
    """One prediction per row."""

    predictions: list[Any]


{{#has_example}}
# The first records of the notebook's data, as a client sends them: the OpenAPI example.
EXAMPLE_ROWS = [
{{#example_rows}}
    {{{.}}},
{{/example_rows}}
]
EXAMPLES = {
    "batch": {"summary": "the first rows of the data", "value": {"rows": EXAMPLE_ROWS}},
    "one row": {"summary": "a single row", "value": EXAMPLE_ROWS[0]},
}

{{/has_example}}
{{#has_categories}}
# The categories of the data's text columns, so one-hot encoding a few rows gives every column.
CATEGORIES = {
{{#categories}}
    {{{column}}}: [{{{values}}}],
{{/categories}}
}

{{/has_categories}}
# What start-up loaded: the model and the artifacts it needs, or why /ready says no.
state = {"ready": False, "reason": "starting", "artifacts": {}}
{{#has_model}}


def model_path():
    """Where the trained model is read from."""
    return config.ARTIFACTS_DIR / "{{model_file}}"


def model_stamp():
    """The model file's size and modification time (None while it is missing)."""
    try:
        stat = model_path().stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def load_artifacts():
    """Loads what train saved; a missing or unreadable file leaves the app not ready."""
    state.update(ready=False, artifacts={}, stamp=model_stamp())
    paths = [model_path(){{#preparation_artifacts}}, config.ARTIFACTS_DIR / "{{file}}"{{/preparation_artifacts}}]
    for path in paths:
        if not path.is_file():
            state["reason"] = f"no trained model at {path}: run python -m {{package}}.train"
            log_event("not ready", reason=state["reason"])
            return
        try:
            state["artifacts"][path.name] = load_model(path)
        except Exception as error:  # a corrupt or incompatible file: say why, keep serving /health
            state["reason"] = f"cannot load {path}: {type(error).__name__}: {error}"
            log.exception("not ready", extra={"fields": {"reason": state["reason"]}})
            return
    digest = hashlib.sha256(model_path().read_bytes()).hexdigest()
    INFO.labels(version=VERSION, model_sha256=digest).set(1)
    state.update(ready=True, reason="", model_sha256=digest)
    log_event("ready", model=str(model_path()), model_sha256=digest)
{{/has_model}}


@asynccontextmanager
async def lifespan(app):
    """Loads the model before the first request; on shutdown, marks this worker's metrics dead."""
{{#has_model}}
    load_artifacts()
{{/has_model}}
{{^has_model}}
    INFO.labels(version=VERSION, model_sha256="").set(1)
    state.update(ready=True, reason="")
{{/has_model}}
    yield
    if MULTIPROCESS:
        multiprocess.mark_process_dead(os.getpid())


app = FastAPI(title="{{project}}", version=VERSION, lifespan=lifespan)


class RequestLog:
    """ASGI middleware: request id, body size limit, metrics and one JSON log line per request;
    an unexpected error becomes a 500 without its traceback (which goes to the log)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:128] or uuid.uuid4().hex
        started = time.perf_counter()
        status = {"code": 500, "sent": False}

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["sent"] = True
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode("latin-1"))]
            await send(message)

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                raise HTTPException(status_code=413, detail=f"request body over {MAX_BODY_BYTES} bytes")
            return message

        length = headers.get(b"content-length", b"")
        try:
            if length.isdigit() and int(length) > MAX_BODY_BYTES:
                response = JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
                await response(scope, receive, send_with_id)
            else:
                await self.app(scope, limited_receive, send_with_id)
        except Exception as error:
            # The traceback goes to the log, never to the client.
            log.exception("error", extra={"fields": {"request_id": request_id, "error": f"{type(error).__name__}: {error}"}})
            if not status["sent"]:
                response = JSONResponse({"detail": "internal error", "request_id": request_id}, status_code=500)
                await response(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            seconds = time.perf_counter() - started
            REQUESTS.labels(method=scope["method"], route=route, status=str(status["code"])).inc()
            LATENCY.labels(route=route).observe(seconds)
            log_event("request", request_id=request_id, method=scope["method"], path=scope["path"], route=route,
                      status=status["code"], duration_ms=round(seconds * 1000, 3), body_bytes=received)


app.add_middleware(RequestLog)


@app.get("/health")
def health():
    """Liveness: the process answers (whether the model has loaded is /ready's question)."""
    return {"status": "ok"}


@app.get("/ready")
def ready():
    """Readiness: 200 once the model has loaded, else 503 with the reason."""
{{#has_model}}
    refresh()
{{/has_model}}
    if not state["ready"]:
        return JSONResponse({"status": "not ready", "reason": state["reason"]}, status_code=503)
{{#has_model}}
    return {"status": "ready", "model_sha256": state["model_sha256"]}
{{/has_model}}
{{^has_model}}
    return {"status": "ready"}
{{/has_model}}


@app.get("/metrics")
def metrics():
    """Prometheus text format; with several workers (PROMETHEUS_MULTIPROC_DIR), all of them."""
    registry = REGISTRY
    if MULTIPROCESS:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
{{#has_model}}


def refresh():
    """While not ready, loads again once the model file has appeared or changed (a training job
    writing the artifacts volume after start-up)."""
    if not state["ready"] and model_stamp() != state.get("stamp"):
        load_artifacts()


def get_artifact(path):
    """An artifact start-up loaded (503 while not ready)."""
    refresh()
    if not state["ready"]:
        raise HTTPException(status_code=503, detail=state["reason"])
    return state["artifacts"][path.name]


def to_inputs(model, rows):
    """The request's rows as the model's input."""
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
def predict_rows(request: {{#has_example}}Annotated[PredictRequest, Body(openapi_examples=EXAMPLES)]{{/has_example}}{{^has_example}}PredictRequest{{/has_example}}):
    """Predicts one value per row: a single row, or `{"rows": [...]}`."""
    model = get_artifact(model_path())
    try:
        predictions = to_json(predict(model, to_inputs(model, request.rows)))
    except HTTPException:
        ERRORS.inc()
        raise
    except ValueError as error:
        # Rows the feature code could not complete (a missing value it fills from the data's statistics).
        ERRORS.inc()
        raise HTTPException(status_code=422, detail=f"cannot predict these rows: {error}") from None
    except Exception:
        ERRORS.inc()
        raise
    ROWS.inc(len(predictions))
    return {"predictions": predictions}
{{/has_model}}
{{^has_model}}


@app.post("/predict", response_model=PredictResponse)
def predict_rows(request: {{#has_example}}Annotated[PredictRequest, Body(openapi_examples=EXAMPLES)]{{/has_example}}{{^has_example}}PredictRequest{{/has_example}}):
    """{{notebook}} saves no trained model, so there is nothing to predict with."""
    ERRORS.inc()
    raise HTTPException(status_code=501, detail="{{notebook}} has no model to serve: it trains no model that nbship could save")
{{/has_model}}


def main():
    """Serves the app: WORKERS processes on HOST:PORT; SIGTERM finishes the requests in flight."""
    workers = int(os.environ.get("WORKERS", "1"))
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Each worker writes its metrics here; /metrics adds them up. Fresh for every start.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="{{package}}-metrics-")
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)
    uvicorn.run(
        "{{package}}.serve:app",
        host=os.environ.get("HOST", "0.0.0.0"),
        port=int(os.environ.get("PORT", "8000")),
        workers=workers,
        access_log=False,
        timeout_graceful_shutdown=int(os.environ.get("GRACEFUL_SECONDS", "30")),
        # A worker has this long to import the model's libraries before it counts as hung.
        timeout_worker_healthcheck=60,
    )


if __name__ == "__main__":
    main()
