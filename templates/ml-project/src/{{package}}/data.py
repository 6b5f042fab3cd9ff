"""Data stage: loading and preparing the dataset.

This stage is empty: the project was created from a template, not converted from a
notebook. Implement load_data() to read from config.DATA_DIR and return (features, target).
"""

EMPTY_STAGE = "the data stage is empty: implement load_data() in src/{{package}}/data.py"


def load_data():
    """Load the dataset and return (features, target)."""
    raise NotImplementedError(EMPTY_STAGE)
