{{#config}}
"""Configuration lifted from {{notebook}}."""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("{{data_directory_variable}}", PROJECT_ROOT / "{{data_directory}}"))
ARTIFACTS_DIR = Path(os.environ.get("{{artifacts_directory_variable}}", PROJECT_ROOT / "{{artifacts_directory}}"))

{{#lines}}
{{{.}}}
{{/lines}}
{{/config}}
