"""Train stage: data, then model, then fit, then save the artifact.

This stage is empty until the data and model stages are written: train() calls them.
Run it with `python -m {{package}}.train`.
"""

import pickle

from {{package}} import config
from {{package}}.data import load_data
from {{package}}.model import build_model


def train(features, target):
    """Fit a new model on the data and return it."""
    model = build_model()
    model.fit(features, target)
    return model


def save_model(model, path=config.MODEL_PATH):
    """Write the trained model to path (config.MODEL_PATH by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        pickle.dump(model, file)
    return path


def main():
    """Run the pipeline end to end: load, build, fit, save."""
    features, target = load_data()
    model = train(features, target)
    print(f"saved {save_model(model)}")


if __name__ == "__main__":
    main()
