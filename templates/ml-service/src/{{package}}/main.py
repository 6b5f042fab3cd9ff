"""The HTTP API: GET /health and POST /predict."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from {{package}} import __version__, model

app = FastAPI(title="{{project}}", version=__version__)


class Features(BaseModel):
    """One row of features."""

    features: list[float]


class Prediction(BaseModel):
    """The model's answer for one row."""

    prediction: float


@app.get("/health")
def health():
    """Liveness: the process is up."""
    return {"status": "ok", "version": __version__}


@app.post("/predict", response_model=Prediction)
def predict(row: Features):
    """Predict for one row of features."""
    try:
        return Prediction(prediction=model.predict(row.features))
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
