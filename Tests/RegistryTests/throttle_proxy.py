"""A loopback HTTP proxy in front of a test registry that answers the first THROTTLE requests
of a kind with 429 and Retry-After, then forwards everything; it logs what it did, one JSON
line per request, so a test can check the client waited and retried. With MODE `cut`, the
first large PATCH instead reaches the registry with only half its bytes (as when a connection
breaks mid-chunk) and the client gets a 502. distribution then refuses the client's stale
upload location (its `_state` names the old offset), so the client must start over. MODE
`cut-resume` does the same cut but plays a registry that keeps upload sessions on its side (as
zot or Harbor do): later requests to the stale location go to the one distribution answered
the half with, so the client can ask where the upload stands and go on from there.

usage: throttle_proxy.py UPSTREAM_PORT THROTTLE RETRY_AFTER LOG_FILE PORT_FILE [MODE]
"""
import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse

UPSTREAM = int(sys.argv[1])
THROTTLE = int(sys.argv[2])
RETRY_AFTER = sys.argv[3]
LOG = sys.argv[4]
MODE = sys.argv[6] if len(sys.argv) > 6 else "throttle"
lock = threading.Lock()
throttled = 0
cut = False
moved = {}  # stale upload path -> the path distribution answered the cut half with


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status):
        with lock, open(LOG, "a") as log:
            log.write(json.dumps({"t": time.time(), "method": self.command, "path": self.path, "status": status}) + "\n")

    def handle_any(self):
        global throttled, cut
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        with lock:
            cutting = MODE in ("cut", "cut-resume") and not cut and self.command == "PATCH" and length > 4096
            if cutting:
                cut = True
        if cutting:
            start = int(self.headers["Content-Range"].split("-")[0])
            half = body[: length // 2]
            upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM, timeout=30)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length", "content-range")}
            headers["Content-Length"] = str(len(half))
            headers["Content-Range"] = f"{start}-{start + len(half) - 1}"
            upstream.request("PATCH", self.path, body=half, headers=headers)
            answer = upstream.getresponse()
            answer.read()
            upstream.close()
            location = answer.getheader("Location")
            if MODE == "cut-resume" and answer.status == 202 and location:
                with lock:
                    moved[self.path] = urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()
            self.record(502)
            self.send_response(502)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with lock:
            throttle = self.command == "POST" and "/blobs/uploads/" in self.path and throttled < THROTTLE
            if throttle:
                throttled += 1
        if throttle:
            self.record(429)
            self.send_response(429)
            self.send_header("Retry-After", RETRY_AFTER)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length")}
        if body is not None:
            headers["Content-Length"] = str(len(body))
        with lock:
            path = moved.get(self.path, self.path)
        upstream.request(self.command, path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        self.record(response.status)
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("connection", "content-length", "transfer-encoding"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        upstream.close()

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[5] + ".tmp", "w") as port_file:
    port_file.write(str(server.server_address[1]))
import os
os.rename(sys.argv[5] + ".tmp", sys.argv[5])
threading.Timer(120, server.shutdown).start()
server.serve_forever()
