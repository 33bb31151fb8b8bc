"""alerts_common.py - what the alerts' suites share (Python standard
library only): a local HTTP server on 127.0.0.1 that serves recorded feeds
from examples/feeds/ (or garbage, or nothing at all: it hangs), a webhook
receiver that fails the first N requests and records every one, the
monitor file of the example with its feed polled from a URL, and the body
of a manual alert.
"""
import hashlib
import hmac
import http.server
import json
import os
import re
import threading
import time

from serverlib import ROOT

FEEDS = os.path.join(ROOT, "examples", "feeds")
KP_FEED = os.path.join(FEEDS, "kp-2012-03.json")
EXAMPLE_MONITOR = os.path.join(ROOT, "examples", "monitor-2012.yaml")
NRB2012 = os.path.join(ROOT, "examples", "nrb-2012.yaml")


class _Quiet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


class FeedServer:
    """Serves PATH -> bytes from `feeds` (set them at any time); the path
    /hang answers nothing for `hang` seconds."""

    def __init__(self, hang=30):
        self.feeds = {}
        self.requests = []
        self.hang_seconds = hang
        outer = self

        class Handler(_Quiet):
            def do_GET(self):
                outer.requests.append(self.path)
                if self.path == "/hang":
                    time.sleep(outer.hang_seconds)
                body = outer.feeds.get(self.path)
                if body is None:
                    self.send_response(404)
                    body = b"no such feed"
                else:
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class Receiver:
    """A webhook receiver: answers 503 to the first `fail_first` requests
    (or to every one while `failing`), 200 to the others; records each
    request as a dict (time, key, signature, body, status)."""

    def __init__(self, fail_first=0):
        self.fail_first = fail_first
        self.failing = False
        self.received = []
        self.lock = threading.Lock()
        outer = self

        class Handler(_Quiet):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                with outer.lock:
                    fail = outer.failing or len(outer.received) < outer.fail_first
                    outer.received.append({
                        "time": time.time(),
                        "key": self.headers.get("Idempotency-Key"),
                        "signature": self.headers.get("X-Natrisk-Signature"),
                        "type": self.headers.get("Content-Type"),
                        "body": body,
                        "status": 503 if fail else 200})
                self.send_response(503 if fail else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self):
        return "http://127.0.0.1:%d/hook" % self.port

    def delivered(self):
        """{idempotency key: [bodies answered 200]}"""
        with self.lock:
            out = {}
            for r in self.received:
                if r["status"] == 200:
                    out.setdefault(r["key"], []).append(r["body"])
            return out

    def wait_for(self, condition, seconds):
        end = time.time() + seconds
        while time.time() < end:
            if condition(self):
                return True
            time.sleep(0.05)
        return condition(self)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def signature_of(secret_hex, body):
    """The X-Natrisk-Signature docs/server.md defines, computed here."""
    return "sha256=" + hmac.new(bytes.fromhex(secret_hex), body, hashlib.sha256).hexdigest()


def monitor_file(directory, indicators):
    """The example monitor file with its kp indicator repeated for each
    (id, url) of INDICATORS, each polled from its URL; its path."""
    with open(EXAMPLE_MONITOR, encoding="utf-8") as f:
        text = f.read()
    head, _, block = text.partition("indicators:\n")
    head = head.replace("assessment: nrb-2012.yaml", "assessment: " + NRB2012)
    out = head + "indicators:\n"
    for ident, url in indicators:
        b = block.replace("  - id: kp\n", "  - id: %s\n" % ident)
        b = re.sub(r"feed: \{ format: swpc-kp, path: [^}]*\}",
                   "feed: { format: swpc-kp, url: \"%s\" }" % url, b)
        out += b
    path = os.path.join(directory, "monitor.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    return path


def manual_body(**fields):
    """A manual alert's body: an Alert about pub-flood unless FIELDS say
    otherwise (a field set to None is left out)."""
    body = {"msg_type": "Alert", "status": "Exercise", "scenarios": ["pub-flood"],
            "event": "River flood exercise", "category": "Met", "urgency": "Expected",
            "severity": "Moderate", "certainty": "Likely",
            "headline": {"en": "Flood exercise on the Meuse", "nl": "Overstromingsoefening Maas"},
            "instruction": {"en": "This is an exercise.", "nl": "Dit is een oefening."},
            "area": {"desc": "Limburg", "circle": "51.2,5.9 30"}}
    for k, v in fields.items():
        if v is None:
            body.pop(k, None)
        else:
            body[k] = v
    return body


def wait_until(condition, seconds):
    end = time.time() + seconds
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()
