"""Configuration: paths, seeds and hyperparameters, in one place.

Every other module reads its settings from here, so a run is described by this file.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
ARTIFACTS_DIR = PROJECT_ROOT / "artifacts"
MODEL_PATH = ARTIFACTS_DIR / "model.pkl"

SEED = 0
