#!/usr/bin/env python3
"""http_slow_test.py SCOREWHEEL - slow clients (docs/design.md, "The web app, turn 3: trust first").

4 addresses (127.0.0.1-4) x 64 connections each send one byte of a request
every 2 s. Meanwhile a new client from 127.0.0.5 asks for a page every
half second: none may wait more than 2 s. Each trickling connection must be
closed 15 s after its first byte (the whole-request deadline; the idle
timeout alone would never close it), within a second. One more connection
from a full address is refused by the per-address limit. About 20 s.
"""
import os
import select
import socket
import sys
import tempfile
import shutil
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_test as h  # noqa: E402

check = h.check
ADDRESSES = ["127.0.0.%d" % i for i in range(1, 5)]
PER_ADDRESS = 64


def get_once(port, source):
    start = time.monotonic()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5,
                                     source_address=(source, 0))
        s.sendall(b"GET /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        got = s.recv(12)
        s.close()
    except OSError:
        got = b""
    return got, time.monotonic() - start


def main():
    tmp = tempfile.mkdtemp(prefix="sw-slow-")
    os.makedirs(os.path.join(tmp, "req1"))
    srv = h.Server(tmp, ["req1"])
    socks = []
    try:
        for a in ADDRESSES:
            for _ in range(PER_ADDRESS):
                s = socket.create_connection(("127.0.0.1", srv.port), source_address=(a, 0))
                s.setblocking(False)
                s.sendall(b"G")
                socks.append([s, time.monotonic(), None])
        request = b"ET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100
        waits, stop = [], threading.Event()

        def newcomer():
            while not stop.is_set():
                got, took = get_once(srv.port, "127.0.0.5")
                waits.append((got, took))
                time.sleep(0.5)

        t = threading.Thread(target=newcomer)
        t.start()
        extra, _ = get_once(srv.port, ADDRESSES[0])
        check("per-address-limit-65th-refused", extra == b"", repr(extra))
        sent, deadline = 1, time.monotonic() + 19
        while time.monotonic() < deadline and any(c[2] is None for c in socks):
            open_ = [c for c in socks if c[2] is None]
            readable, _, _ = select.select([c[0] for c in open_], [], [], 0.2)
            now = time.monotonic()
            for c in open_:
                if c[0] in readable:
                    try:
                        data = c[0].recv(100)
                    except OSError:
                        data = b""
                    if not data:
                        c[2] = now
            if now - socks[0][1] >= sent * 2 and sent < len(request):
                for c in socks:
                    if c[2] is None:
                        try:
                            c[0].send(request[sent - 1:sent])
                        except OSError:
                            c[2] = time.monotonic()
                sent += 1
        stop.set()
        t.join()
        lives = [c[2] - c[1] for c in socks if c[2] is not None]
        check("trickle-all-closed", len(lives) == len(socks), "%d of %d" % (len(lives),
                                                                           len(socks)))
        check("trickle-closed-at-15s", lives and min(lives) >= 14.5 and max(lives) <= 16.5,
              "%.1f..%.1f s" % (min(lives or [0]), max(lives or [0])))
        slow = [w for w in waits if w[0] != b"HTTP/1.1 200" or w[1] > 2]
        check("newcomer-never-kept-out", waits and not slow,
              "%d of %d slow or refused: %r" % (len(slow), len(waits), slow[:3]))
        print("slow clients: %d trickling connections closed after %.1f-%.1f s; %d newcomer "
              "requests, longest %.2f s" % (len(lives), min(lives or [0]), max(lives or [0]),
                                           len(waits), max(w[1] for w in waits or [(0, 0)])))
    finally:
        for c in socks:
            c[0].close()
        rc = srv.stop()
        check("slow-sigterm-exit-0", rc == 0, str(rc))
        shutil.rmtree(tmp, ignore_errors=True)
    print("http_slow_test: %d checks, %d failed" % (h.checks, len(h.failures)))
    sys.exit(1 if h.failures else 0)


if __name__ == "__main__":
    main()
