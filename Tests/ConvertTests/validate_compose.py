"""Validates compose files against the Compose Specification's JSON schema, offline: the schema
docker-compose 1.29.2 ships (compose/config/compose_spec.json), read from its wheel.

usage: validate_compose.py WHEEL COMPOSE.yaml...   (exit 1 and one line per error when invalid)
"""
import json
import sys
import zipfile

import jsonschema
import yaml

with zipfile.ZipFile(sys.argv[1]) as wheel:
    schema = json.loads(wheel.read("compose/config/compose_spec.json"))
# It declares draft 2019-09 as "http://json-schema.org/draft/2019-09/schema#", which jsonschema
# does not recognise by that spelling.
jsonschema.Draft201909Validator.check_schema(schema)
validator = jsonschema.Draft201909Validator(schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
failed = False
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as file:
        document = yaml.safe_load(file)
    for error in sorted(validator.iter_errors(document), key=lambda error: list(error.path)):
        failed = True
        print(f"{path}: {'/'.join(str(part) for part in error.path) or '(root)'}: {error.message}")
print("compose schema:", "invalid" if failed else "valid", f"({len(sys.argv) - 2} files)")
sys.exit(1 if failed else 0)
