"""Tests for the serving API: /health answers{{#has_model}}, /predict answers 503 before training and one prediction per row after{{/has_model}}{{^has_model}} and /predict says there is no model{{/has_model}}."""
{{#model_input}}
import json

{{/model_input}}
from fastapi.testclient import TestClient

from {{package}} import {{#has_model}}config, {{/has_model}}serve

client = TestClient(serve.app)


def test_health_answers():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
{{#has_model}}


{{#has_preparation}}
def test_predict_before_training_is_unavailable(tmp_path, monkeypatch, raw_rows):
    monkeypatch.setattr(config, "ARTIFACTS_DIR", tmp_path)
    response = client.post("/predict", json={"rows": raw_rows})
{{/has_preparation}}
{{^has_preparation}}
def test_predict_before_training_is_unavailable(tmp_path, monkeypatch{{#model_input}}, sample_input{{/model_input}}):
    monkeypatch.setattr(config, "ARTIFACTS_DIR", tmp_path)
    response = client.post("/predict", json={"rows": {{#model_input}}to_rows(sample_input){{/model_input}}{{^model_input}}[[1.0]]{{/model_input}}})
{{/has_preparation}}
    assert response.status_code == 503
    assert "train" in response.json()["detail"]


def test_predict_rejects_an_empty_request(trained):
    assert client.post("/predict", json={"rows": []}).status_code == 422
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
def test_predict_rejects_a_row_without_its_features(trained):
    response = client.post("/predict", json={"rows": [{}]})
    assert response.status_code == 422


{{/has_features}}
def test_predict_answers_one_prediction_per_row(trained, sample_input):
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


def test_predict_accepts_the_data_files_raw_records(trained, raw_rows):
    """The first records of the data file, as it holds them: the notebook's feature code runs in the API."""
    response = client.post("/predict", json={"rows": raw_rows})
    assert response.status_code == 200, response.text
    assert len(response.json()["predictions"]) == len(raw_rows)
{{/has_preparation}}
{{/has_model}}
{{^has_model}}


def test_predict_says_there_is_no_model():
    response = client.post("/predict", json={"rows": [[1.0]]})
    assert response.status_code == 501
    assert "no model" in response.json()["detail"]
{{/has_model}}
