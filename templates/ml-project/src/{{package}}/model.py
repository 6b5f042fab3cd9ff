"""Model stage: building the (untrained) model.

This stage is empty: the project was created from a template, not converted from a
notebook. Implement build_model() to return a model with fit() and predict().
"""

EMPTY_STAGE = "the model stage is empty: implement build_model() in src/{{package}}/model.py"


def build_model():
    """Return a new, untrained model."""
    raise NotImplementedError(EMPTY_STAGE)
