"""A minimal Docker token service for the tests (distribution's `auth: token` needs one):
GET /token?service=…&scope=… with Basic credentials answers a JWT (RS256, signed with
`openssl dgst`, the certificate in its x5c header) granting the scopes asked for; wrong
credentials get 401. Every request is logged as one JSON line (never the password).

usage: token_server.py KEY.pem CERT.pem ISSUER USER PASSWORD LOG_FILE PORT_FILE
"""
import base64
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse

KEY, CERT, ISSUER, USER, PASSWORD, LOG, PORT_FILE = sys.argv[1:8]
with open(CERT) as handle:
    pem = handle.read()
DER = base64.b64encode(base64.b64decode("".join(line for line in pem.splitlines() if "-----" not in line))).decode()
lock = threading.Lock()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims: dict) -> str:
    header = {"alg": "RS256", "typ": "JWT", "x5c": [DER]}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=signing_input.encode(),
                               capture_output=True, check=True).stdout
    return signing_input + "." + b64(signature)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        authorization = self.headers.get("Authorization", "")
        user = None
        ok = False
        if authorization.startswith("Basic "):
            user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            ok = user == USER and password == PASSWORD
        with lock, open(LOG, "a") as log:
            log.write(json.dumps({"user": user, "ok": ok, "scope": query.get("scope", [])}) + "\n")
        if not ok:
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        access = []
        for scope in query.get("scope", []):
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        claims = {"iss": ISSUER, "sub": user, "aud": query.get("service", [""])[0], "exp": now + 300,
                  "nbf": now - 10, "iat": now, "jti": os.urandom(8).hex(), "access": access}
        body = json.dumps({"token": sign(claims), "expires_in": 300}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as port_file:
    port_file.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
