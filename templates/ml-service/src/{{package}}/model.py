"""The model the service serves.

A baseline until you replace it: predicts the mean of the features it is given. Keep the
signature (a list of floats in, one float out) or change the API's schema with it.
"""


def predict(features):
    """Return one prediction for one row of features."""
    if not features:
        raise ValueError("at least one feature is needed")
    return sum(features) / len(features)
