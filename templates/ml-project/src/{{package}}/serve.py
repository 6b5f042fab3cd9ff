"""Serving: a FastAPI app with GET /health and POST /predict.

FastAPI is imported inside create_app(), so the package imports without it. Serve with
`uvicorn --factory {{package}}.serve:create_app`.
"""

from {{package}} import config


def create_app(model_path=config.MODEL_PATH):
    """Build the app; the model is loaded on the first prediction."""
    from fastapi import FastAPI

    from {{package}}.inference import load_model, predict

    app = FastAPI(title="{{project}}")
    state = {}

    @app.get("/health")
    def health():
        return {"status": "ok"}

    @app.post("/predict")
    def predict_endpoint(rows: list[dict]):
        if "model" not in state:
            state["model"] = load_model(model_path)
        return {"predictions": [float(value) for value in predict(state["model"], rows)]}

    return app
