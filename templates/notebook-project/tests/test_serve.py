"""Tests for the serving API: /health answers, {{#has_model}}/ready and /predict answer 503 before training, and one prediction per row after{{/has_model}}{{^has_model}}/ready answers and /predict says there is no model{{/has_model}}; /metrics counts requests."""
{{#model_input}}
import json

{{/model_input}}
import pytest
from fastapi.testclient import TestClient

from {{package}} import {{#has_model}}config, {{/has_model}}serve
{{#has_model}}


@pytest.fixture
def client(trained):
    """The app after start-up, which loaded the model train saved."""
    with TestClient(serve.app) as client:
        yield client


@pytest.fixture
def untrained(tmp_path, monkeypatch):
    """The app after start-up with no trained model."""
    monkeypatch.setattr(config, "ARTIFACTS_DIR", tmp_path)
    with TestClient(serve.app) as client:
        yield client


def test_health_answers_without_a_model(untrained):
    response = untrained.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


{{#has_preparation}}
def test_not_ready_before_training(untrained, raw_rows):
    ready = untrained.get("/ready")
    assert ready.status_code == 503
    assert "train" in ready.json()["reason"]
    response = untrained.post("/predict", json={"rows": raw_rows})
{{/has_preparation}}
{{^has_preparation}}
def test_not_ready_before_training(untrained{{#model_input}}, sample_input{{/model_input}}):
    ready = untrained.get("/ready")
    assert ready.status_code == 503
    assert "train" in ready.json()["reason"]
    response = untrained.post("/predict", json={"rows": {{#model_input}}to_rows(sample_input){{/model_input}}{{^model_input}}[[1.0]]{{/model_input}}})
{{/has_preparation}}
    assert response.status_code == 503
    assert "train" in response.json()["detail"]


def test_ready_after_training(client):
    response = client.get("/ready")
    assert response.status_code == 200, response.text
    assert len(response.json()["model_sha256"]) == 64


def test_predict_rejects_an_empty_request(client):
    assert client.post("/predict", json={"rows": []}).status_code == 422


def test_metrics_count_requests_and_name_the_model(client):
    client.get("/health", headers={"X-Request-ID": "test-1"})
    text = client.get("/metrics").text
    assert 'http_requests_total{method="GET",route="/health",status="200"}' in text
    assert "model_info{" in text


def test_the_request_id_is_honoured_or_made(client):
    assert client.get("/health", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    assert len(client.get("/health").headers["x-request-id"]) == 32


def test_an_unexpected_error_is_a_500_without_its_traceback(client, monkeypatch):
    def fail():
        raise RuntimeError("secret internals")

    monkeypatch.setattr(serve, "refresh", fail)
    response = client.get("/ready", headers={"X-Request-ID": "boom-1"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error", "request_id": "boom-1"}
    assert "secret internals" not in response.text
{{#model_input}}


def to_rows(sample):
    """Rows a client would send: records for a table, lists of values otherwise."""
    if hasattr(sample, "to_json") and hasattr(sample, "columns"):
        return json.loads(sample.to_json(orient="records"))
    if hasattr(sample, "toarray"):  # a sparse matrix
        sample = sample.toarray()
    values = sample.tolist() if hasattr(sample, "tolist") else list(sample)
    return [row if isinstance(row, list) else [row] for row in values]


{{#has_features}}
def test_predict_rejects_a_row_without_its_features(client):
    response = client.post("/predict", json={"rows": [{}]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:3] == ["body", "rows", 0]


{{/has_features}}
def test_predict_answers_one_prediction_per_row(client, sample_input):
    rows = to_rows(sample_input)
{{#has_preparation}}
    # The API takes raw records, so the model's own input goes through predict() directly.
    from {{package}}.inference import load_model, predict

    model = load_model(config.ARTIFACTS_DIR / "{{model_file}}")
    assert len(predict(model, sample_input)) == len(rows)
{{/has_preparation}}
{{^has_preparation}}
    response = client.post("/predict", json={"rows": rows})
    assert response.status_code == 200, response.text
    assert len(response.json()["predictions"]) == len(rows)
{{/has_preparation}}
{{/model_input}}
{{#has_preparation}}


def test_predict_accepts_the_data_files_raw_records(client, raw_rows):
    """The first records of the data file, as it holds them: the notebook's feature code runs in the API."""
    response = client.post("/predict", json={"rows": raw_rows})
    assert response.status_code == 200, response.text
    assert len(response.json()["predictions"]) == len(raw_rows)
    one = client.post("/predict", json=raw_rows[0])
    assert one.status_code == 200, one.text
    assert len(one.json()["predictions"]) == 1
{{/has_preparation}}
{{/has_model}}
{{^has_model}}


@pytest.fixture
def client():
    """The app after start-up."""
    with TestClient(serve.app) as client:
        yield client


def test_health_and_ready_answer(client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/ready").status_code == 200


def test_predict_says_there_is_no_model(client):
    response = client.post("/predict", json={"rows": [[1.0]]})
    assert response.status_code == 501
    assert "no model" in response.json()["detail"]
    assert "prediction_errors_total 1.0" in client.get("/metrics").text
{{/has_model}}
