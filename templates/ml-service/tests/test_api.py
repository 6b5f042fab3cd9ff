"""The service answers over HTTP (in process, through FastAPI's test client)."""

from fastapi.testclient import TestClient

from {{package}}.main import app

client = TestClient(app)


def test_health():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "0.1.0"}


def test_predict_returns_the_baseline_prediction():
    response = client.post("/predict", json={"features": [1.0, 2.0, 6.0]})
    assert response.status_code == 200
    assert response.json() == {"prediction": 3.0}


def test_predict_rejects_an_empty_row():
    response = client.post("/predict", json={"features": []})
    assert response.status_code == 422


def test_predict_validates_the_schema():
    response = client.post("/predict", json={"features": "not a list"})
    assert response.status_code == 422
