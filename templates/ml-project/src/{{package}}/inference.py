"""Inference stage: loading the trained model and predicting.

Train first (`python -m {{package}}.train`), which writes config.MODEL_PATH.
"""

import pickle

from {{package}} import config


def load_model(path=config.MODEL_PATH):
    """Load the model train.py saved."""
    with open(path, "rb") as file:
        return pickle.load(file)


def predict(model, features):
    """Predict with a trained model."""
    return model.predict(features)
