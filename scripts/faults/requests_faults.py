#!/usr/bin/env python3
"""Helpers of scripts/fault-requests.sh (issue 12): large bodies, slow clients, a sign-in flood.

  requests_faults.py prepare PORT OUT_DIR       cookies of the measuring user (reviewer-dsj), an API token and the
                                                 import form's action of filer-001239, 400 (session, CSRF token) pairs
                                                 of anonymous login pages for the flood (files in OUT_DIR)
  requests_faults.py big PORT OUT_DIR SIZE_MB   one request of SIZE_MB to a page form, the import upload and the API;
                                                 prints status, seconds and what the body said
  requests_faults.py slow PORT N SECONDS        N connections that send a request line and then one header byte every
                                                 5 s (never finishing the headers), plus 50 that send nothing; prints how
                                                 many of each the server had closed at the end
  requests_faults.py logins PORT N              N sign-ins of finance, one after the other: status and seconds
"""
import re
import socket
import sys
import threading
import time
import urllib.parse

import perfclient as pc


def prepare(port, out):
    viewer = pc.Browser(port)
    viewer.login("reviewer-dsj")
    with open(f"{out}/viewer-cookie", "w") as f:
        f.write("; ".join(f"{k}={v}" for k, v in viewer.cookies.items()))
    filer = pc.Browser(port)
    filer.login("filer-001239")
    page = filer.get("/account/tokens").text()
    r = filer.post("/account/tokens", [("_csrf", pc.csrf_of(page)), ("name", "故障测试"), ("validDays", "1")])
    assert r.status == 302, r.status
    token = re.search(r'id="issued-token".*?value="([^"]+)"', filer.get("/account/tokens").text(), re.S).group(1)
    with open(f"{out}/api-token", "w") as f:
        f.write(token)
    imports = filer.get("/imports").text()
    action = re.search(r'action="(/imports\?_csrf=[^"]+)"', imports).group(1).replace("&amp;", "&")
    unit = re.search(r'name="unitId"[^>]*>\s*<option[^>]*value="(\d+)"', imports, re.S) or re.search(
        r'<option value="(\d+)"', imports[imports.find('name="unitId"'):])
    with open(f"{out}/filer", "w") as f:
        f.write("\t".join(["; ".join(f"{k}={v}" for k, v in filer.cookies.items()), action, unit.group(1)]))
    with open(f"{out}/login-pairs", "w") as f:
        for _ in range(400):
            b = pc.Browser(port)
            m = pc.FIELD_CSRF.search(b.get("/login").text())
            f.write(f"{'; '.join(f'{k}={v}' for k, v in b.cookies.items())}\t{m.group(1)}\n")
            b.close()


class Zeros:
    """A body of n bytes, streamed (never held in memory)."""

    def __init__(self, head, n, tail=b""):
        self.head, self.n, self.tail = head, n, tail

    def length(self):
        return len(self.head) + self.n + len(self.tail)

    def send(self, sock):
        sock.sendall(self.head)
        chunk = b"a" * 65536
        left = self.n
        while left > 0:
            k = min(left, len(chunk))
            sock.sendall(chunk[:k])
            left -= k
        sock.sendall(self.tail)


def raw_post(port, path, headers, body, timeout=60):
    """POSTs body (Zeros) the way curl does without Expect: the whole body, reading the answer as it comes. Returns
    (status, seconds, text, bytes sent before the answer or the close)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html\r\nConnection: close\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {body.length()}\r\n\r\n"
    t0 = time.monotonic()
    answer = bytearray()
    sent = [0]
    first = [None]

    def complete():
        head_end = answer.find(b"\r\n\r\n")
        if head_end < 0:
            return False
        headers = answer[:head_end].decode("latin-1").lower()
        m = re.search(r"content-length: *(\d+)", headers)
        if m:
            return len(answer) - head_end - 4 >= int(m.group(1))
        return answer.endswith(b"0\r\n\r\n")

    def reader():
        try:
            while not complete():
                d = s.recv(65536)
                if not d:
                    break
                if first[0] is None:
                    first[0] = time.monotonic()
                answer.extend(d)
        except OSError:
            pass

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    try:
        s.sendall(head.encode())
        chunk = b"a" * 65536
        s.sendall(body.head)
        left = body.n
        while left > 0 and first[0] is None:
            k = min(left, len(chunk))
            s.sendall(chunk[:k])
            left -= k
            sent[0] += k
        if first[0] is None:
            s.sendall(body.tail)
    except OSError:
        pass
    t.join(timeout)
    seconds = (first[0] or time.monotonic()) - t0
    s.close()
    text = answer.decode("utf-8", "replace")
    status = int(text.split(" ", 2)[1]) if text.startswith("HTTP/") else 0
    return status, seconds, text, sent[0]


def said(text):
    for pattern in (r'class="error-message"[^>]*>([^<]+)', r'"title":"([^"]+)"', r'class="alert[^"]*"[^>]*>([^<]+)'):
        m = re.search(pattern, text)
        if m:
            return m.group(1).strip()
    return text[:120].replace("\r\n", " | ")


def big(port, out, size_mb):
    n = size_mb * 1024 * 1024
    with open(f"{out}/filer") as f:
        cookie, action, unit = f.read().split("\t")
    token = open(f"{out}/api-token").read().strip()
    cases = []
    cases.append(("page form POST /declarations/new", "/declarations", {
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}, Zeros(b"overview=", n)))
    boundary = "----perfbig"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nNEW_DECLARATION\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"unitId\"\r\n\r\n{unit}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    cases.append(("import upload POST /imports", action, {
        "Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}"},
        Zeros(head, n, f"\r\n--{boundary}--\r\n".encode())))
    cases.append(("API POST /api/v1/declarations", "/api/v1/declarations", {
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"},
        Zeros(b'{"projectName":"', n, b'"}')))
    cases.append(("anonymous POST /login", "/login", {"Content-Type": "application/x-www-form-urlencoded"},
                  Zeros(b"username=", n)))
    for name, path, headers, body in cases:
        status, seconds, text, sent = raw_post(port, path, headers, body)
        print(f"{name}: {size_mb} MB -> HTTP {status}, first byte of the answer after {seconds:.2f} s, "
              f"{sent // (1024 * 1024)} MB of the body "
              f"sent before the answer; said: {said(text)}"
              + ("  [STACK TRACE]" if "Exception" in text or "at org." in text else ""), flush=True)


def slow(port, n, seconds):
    socks, silent = [], []
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(f"GET /declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-{i}: ".encode())
        socks.append(s)
    for _ in range(50):
        silent.append(socket.create_connection(("127.0.0.1", port)))
    print(f"opened {n} slow connections (headers never finished, a byte every 5 s) and 50 silent ones", flush=True)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(5)
        for s in socks:
            try:
                s.send(b"a")
            except OSError:
                pass

    def closed(s):
        s.setblocking(False)
        try:
            return s.recv(1) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    c_slow = sum(1 for s in socks if closed(s))
    c_silent = sum(1 for s in silent if closed(s))
    print(f"after {seconds} s: the server had closed {c_slow} of {n} slow connections and {c_silent} of 50 silent "
          f"ones", flush=True)
    for s in socks + silent:
        s.close()


def logins(port, n):
    out = []
    for _ in range(n):
        b = pc.Browser(port)
        t0 = time.monotonic()
        try:
            b.login("finance")
            out.append(("302", time.monotonic() - t0))
        except pc.LoginRefused as e:
            out.append((str(e.status), time.monotonic() - t0))
        except Exception as e:
            out.append((type(e).__name__, time.monotonic() - t0))
        b.close()
        time.sleep(0.5)
    print(f"finance signing in {n} times during the run (GET /login + POST /login): "
          + ", ".join(f"{s} {t * 1000:.0f} ms" for s, t in out), flush=True)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "prepare":
        prepare(int(sys.argv[2]), sys.argv[3])
    elif cmd == "big":
        big(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif cmd == "slow":
        slow(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "logins":
        logins(int(sys.argv[2]), int(sys.argv[3]))
