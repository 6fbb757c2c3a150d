"""A webhook receiver standing in for people: Alertmanager's chat notifications land here.

POST <any path>   keeps the JSON body (the last 500), answers 200, logs one line
GET  /received    every body kept, oldest first: [{"path": ..., "receivedAt": ..., "body": ...}]
GET  /healthz     200
"""
import json
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY_BYTES = 1 << 20
received = deque(maxlen=500)
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.answer(413, {"error": "body over 1 MiB"})
            return
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            self.answer(400, {"error": "body is not JSON"})
            return
        with lock:
            received.append({"path": self.path, "receivedAt": time.time(), "body": body})
        title = body.get("attachments", [{}])[0].get("title", "") if isinstance(body, dict) else ""
        print(f"received {self.path}: {title}", flush=True)
        self.answer(200, {"status": "ok"})

    def do_GET(self):
        if self.path == "/healthz":
            self.answer(200, {"status": "ok"})
        elif self.path == "/received":
            with lock:
                self.answer(200, list(received))
        else:
            self.answer(404, {"error": "not found"})

    def answer(self, status, document):
        payload = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    ThreadingHTTPServer(("", port), Handler).serve_forever()
