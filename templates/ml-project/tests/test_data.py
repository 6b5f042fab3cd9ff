"""Placeholder tests for the data stage: it exists and says it is empty."""

import pytest

from {{package}} import data


def test_empty_data_stage_says_so():
    with pytest.raises(NotImplementedError, match="data stage is empty"):
        data.load_data()
