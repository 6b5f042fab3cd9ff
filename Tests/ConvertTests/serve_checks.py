"""Drives a converted project's server (`python -m PKG.serve`, real uvicorn) on 127.0.0.1 and
checks each documented behaviour; prints one JSON object per check: {"check", "ok", "detail"}.

usage: serve_checks.py PROJECT PACKAGE PORT RAW_ROWS_JSON

The project must be trained (artifacts/ holds the model). Every wait is bounded; the servers
are stopped (SIGTERM, then SIGKILL) before the script exits.
"""
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PROJECT, PACKAGE, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
RAW_ROWS = json.loads(sys.argv[4])
BASE = f"http://127.0.0.1:{PORT}"
results = []


def check(name, ok, detail=""):
    results.append({"check": name, "ok": bool(ok), "detail": str(detail)[:1500]})


def call(method, path, body=None, headers=None, raw=None):
    """One request on a new connection: (status, headers, body text)."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(BASE + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def start(env, log):
    """The project's own entry point, with SIGTERM unblocked (the test runner blocks it)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    environment = {**os.environ, "PYTHONPATH": os.path.join(PROJECT, "src"), "HOST": "127.0.0.1",
                   "PORT": str(PORT), "MPLBACKEND": "Agg", **env}
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return subprocess.Popen([sys.executable, "-m", f"{PACKAGE}.serve"], cwd=PROJECT, env=environment,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_until(path, status, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if call("GET", path)[0] == status:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            return server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    return server.returncode


def log_lines(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        return [json.loads(line) for line in file if line.startswith("{")]


def errors_name(body, field):
    try:
        detail = json.loads(body)["detail"]
    except (ValueError, KeyError):
        return False
    return isinstance(detail, list) and any(field in [str(part) for part in error.get("loc", [])] for error in detail)


work = tempfile.mkdtemp(prefix="serve-checks-")
model = os.path.join(PROJECT, "artifacts", "model.joblib")
digest = hashlib.sha256(open(model, "rb").read()).hexdigest()
row = dict(RAW_ROWS[0])
first_field = next(iter(row))
numeric_field = next(name for name, value in row.items() if isinstance(value, (int, float)) and not isinstance(value, bool))

# 1. Without a model, then a corrupt one, then the real one: /ready follows, /health stays up.
artifacts = os.path.join(work, "artifacts")
os.makedirs(artifacts)
with open(os.path.join(PROJECT, "src", PACKAGE, "config.py"), encoding="utf-8") as file:
    variable = re.search(r'ARTIFACTS_DIR = Path\(os\.environ\.get\("(\w+)"', file.read()).group(1)
with open(os.path.join(work, "missing.log"), "wb") as log:
    server = start({variable: artifacts, "WORKERS": "1"}, log)
    try:
        up = wait_until("/health", 200)
        check("health answers without a model", up)
        status, _, body = call("GET", "/ready")
        check("ready is 503 without a model, saying why", status == 503 and "train" in json.loads(body)["reason"], body)
        status, _, body = call("POST", "/predict", {"rows": RAW_ROWS})
        check("predict is 503 without a model", status == 503, body)
        with open(os.path.join(artifacts, "model.joblib"), "wb") as file:
            file.write(b"not a model\n")
        status, _, body = call("GET", "/ready")
        check("ready is 503 with a corrupt model, saying why", status == 503 and "cannot load" in json.loads(body)["reason"], body)
        time.sleep(0.01)
        shutil.copyfile(model, os.path.join(artifacts, "model.joblib"))
        status, _, body = call("GET", "/ready")
        check("ready turns 200 once the model is there", status == 200 and json.loads(body)["model_sha256"] == digest, body)
    finally:
        stop(server)
events = log_lines(os.path.join(work, "missing.log"))
check("not ready is logged with the reason", any(e.get("event") == "not ready" and "reason" in e for e in events), events[:3])
check("a corrupt model's traceback stays in the log",
      any(e.get("event") == "not ready" and "Traceback" in e.get("traceback", "") for e in events), events[:3])

# 2. Two workers, limits from the environment.
server_log = os.path.join(work, "serve.log")
with open(server_log, "wb") as log:
    server = start({"WORKERS": "2", "MAX_ROWS": "3", "MAX_BODY_BYTES": "65536"}, log)
    try:
        check("ready after start-up with two workers", wait_until("/ready", 200), "")
        status, _, body = call("GET", "/health")
        check("health is 200", status == 200 and json.loads(body) == {"status": "ok"}, body)
        status, _, body = call("POST", "/predict", row)
        check("one row gets one prediction", status == 200 and len(json.loads(body)["predictions"]) == 1, body)
        status, _, body = call("POST", "/predict", {"rows": RAW_ROWS[:3]})
        check("a batch gets one prediction per row", status == 200 and len(json.loads(body)["predictions"]) == 3, body)
        status, _, body = call("POST", "/predict", {"rows": RAW_ROWS[:1] * 4})
        check("more than MAX_ROWS rows is 422 naming rows", status == 422 and errors_name(body, "rows"), body)
        status, _, body = call("POST", "/predict", {"rows": []})
        check("an empty batch is 422 naming rows", status == 422 and errors_name(body, "rows"), body)
        status, _, body = call("POST", "/predict", raw=b'{"rows": [')
        check("malformed JSON is 422", status == 422 and "json_invalid" in body, body)
        status, _, body = call("POST", "/predict", {"rows": [{**row, numeric_field: "many"}]})
        check("a wrong type is 422 naming the field", status == 422 and errors_name(body, numeric_field), body)
        status, _, body = call("POST", "/predict", {"rows": [{k: v for k, v in row.items() if k != first_field}]})
        check("a missing field is 422 naming the field", status == 422 and errors_name(body, first_field), body)
        status, _, body = call("POST", "/predict", {"rows": [{**row, "unexpected_column": 1}]})
        check("an extra field is 422 naming the field", status == 422 and errors_name(body, "unexpected_column"), body)
        check("no error body holds a traceback", "Traceback" not in body, body)
        # A 10 MB body is refused from its Content-Length, before the server reads any of it.
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        connection.putrequest("POST", "/predict")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(10 << 20))
        connection.endheaders()
        response = connection.getresponse()
        check("a 10 MB body is 413", response.status == 413, response.read()[:200])
        connection.close()
        # Chunked, so the size is only known while reading.
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        connection.request("POST", "/predict", body=iter([b" " * 40000] * 3), headers={"Content-Type": "application/json"},
                           encode_chunked=True)
        response = connection.getresponse()
        check("a chunked body over MAX_BODY_BYTES is 413", response.status == 413, response.read()[:200])
        connection.close()
        status, headers, _ = call("GET", "/health", headers={"X-Request-ID": "check-42"})
        check("X-Request-ID is honoured", headers.get("x-request-id") == "check-42", headers)
        status, headers, _ = call("GET", "/health")
        check("a request id is made when none is sent", re.fullmatch(r"[0-9a-f]{32}", headers.get("x-request-id", "")), headers)

        status, _, body = call("GET", "/openapi.json")
        spec = json.loads(body) if status == 200 else {}
        examples = spec.get("paths", {}).get("/predict", {}).get("post", {}).get("requestBody", {}).get("content", {}) \
            .get("application/json", {}).get("examples", {})
        batch = examples.get("batch", {}).get("value", {}).get("rows", [])
        check("the OpenAPI example is the data's first rows", batch[:1] and batch[0] == RAW_ROWS[0], examples)
        response_schema = spec.get("paths", {}).get("/predict", {}).get("post", {}).get("responses", {}).get("200", {})
        check("the OpenAPI response schema is PredictResponse", "PredictResponse" in json.dumps(response_schema), response_schema)
        status, _, body = call("GET", "/docs")
        check("/docs answers", status == 200 and "swagger" in body.lower(), body[:200])

        # Requests until both workers have answered some (bounded), then /metrics adds them all up.
        sent = 0
        while sent < 200:
            call("POST", "/predict", {"rows": RAW_ROWS[:2]})
            sent += 1
            pids = {e.get("pid") for e in log_lines(server_log) if e.get("event") == "request" and e.get("route") == "/predict"}
            if sent >= 10 and len(pids) >= 2:
                break
        check("both workers answered requests", len(pids) >= 2, pids)
        status, _, text = call("GET", "/metrics")
        def sample(pattern):
            return sum(float(value) for value in re.findall("^" + pattern + r" ([0-9.e+]+)$", text, re.M))
        predicted = sample(r'http_requests_total\{method="POST",route="/predict",status="200"\}')
        check("metrics count the requests of every worker", predicted == sent + 2, f"{predicted} for {sent + 2}\n{text[:3000]}")
        check("metrics count rows predicted", sample("predicted_rows_total") == 2 * sent + 1 + 3, sample("predicted_rows_total"))
        check("metrics have a latency histogram by route",
              sample(r'http_request_duration_seconds_count\{route="/predict"\}') >= sent, text[:2000])
        check("metrics count prediction errors", "prediction_errors_total" in text, "")
        check("the info metric names the version and the model's SHA-256",
              re.search(r'^model_info\{model_sha256="' + digest + r'",version="0\.1\.0"\} 1\.0$', text, re.M), text[:3000])

        # SIGTERM while a request is in flight: it is answered, then the server exits 0.
        payload = json.dumps({"rows": RAW_ROWS[:3]}).encode()
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        connection.putrequest("POST", "/predict")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(len(payload)))
        connection.endheaders()
        connection.send(payload[:10])
        time.sleep(0.5)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        connection.send(payload[10:])
        response = connection.getresponse()
        answer = response.read().decode()
        check("SIGTERM lets the request in flight finish", response.status == 200 and len(json.loads(answer)["predictions"]) == 3, answer)
        code = server.wait(timeout=60)
        check("the server exits 0 after SIGTERM", code == 0, code)
    finally:
        stop(server)

events = log_lines(server_log)
requests = [e for e in events if e.get("event") == "request"]
check("one JSON log line per request, with its id, route and status",
      requests and all({"request_id", "route", "status", "duration_ms"} <= e.keys() for e in requests)
      and any(e["request_id"] == "check-42" for e in requests), requests[:2])
shutil.rmtree(work, ignore_errors=True)
print(json.dumps(results))
