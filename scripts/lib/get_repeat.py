"""GET one path COUNT times on one keep-alive connection, reading each answer whole (for the callgrind scripts).

    python3 scripts/lib/get_repeat.py PORT PATH COUNT TIMEOUT_SECONDS [--expect-200]
"""
import http.client
import sys

port, path, count, timeout = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
expect_ok = "--expect-200" in sys.argv[5:]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
for _ in range(count):
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if expect_ok:
        assert response.status == 200, response.status
conn.close()
