"""Placeholder tests for the model stage: it exists and says it is empty."""

import pytest

from {{package}} import model


def test_empty_model_stage_says_so():
    with pytest.raises(NotImplementedError, match="model stage is empty"):
        model.build_model()
