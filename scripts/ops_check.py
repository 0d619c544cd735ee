#!/usr/bin/env python3
"""Fault checks of a running Newsdesk binary (issue 9, items 1-3), each against a server it starts on
127.0.0.1 and stops itself. Prints one line of figures per check and exits 1 if any check fails.

  fd         `ulimit -n 128`, 200 client connections held 5 s: server CPU-seconds and log bytes in those
             5 s, then /healthz once the clients have gone.
  slowloris  50 connections sending one header byte a second (headerTimeoutSeconds=2): how many the
             server closed, and when.
  drain      an NDJSON export read slowly, SIGTERM while it is in flight: bytes received, whether the
             closing chunk came, /healthz on an open connection during the drain, new connections
             refused, and the exit status.
  wrk        wrk (20 connections) under SIGTERM: requests failed other than connections refused after
             the listeners closed.

Usage: scripts/ops_check.py BINARY [--port-base 18150 (uses it to +4, and +10)] [--checks fd,slowloris,drain,wrk] [--measure-only]
                             [--config FILE]
--measure-only prints the figures without failing (to measure a build that lacks the fixes).
"""
import argparse
import json
import os
import resource
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = None  # --config FILE for the server (an older build needs its own config/server.json)
LOGS = {}      # port -> the log of the last server run there, shown when its check fails


def cpu_seconds(pid):
    """User plus system CPU seconds of a process (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def connect(port, timeout=5.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    return s


def http_get(port, path, timeout=5.0):
    """GET with Connection: close; returns (status, body) or (None, error text)."""
    try:
        s = connect(port, timeout)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head.split()[1]), body
    except OSError as e:
        return None, str(e)


class Server:
    """A server process with its log in a file."""

    def __init__(self, binary, port, data, env=None, ulimit=None, threads=2):
        self.port = port
        # A stray server left on the port would answer instead (builds of before bound with SO_REUSEPORT and shared it).
        if http_get(port, "/healthz", timeout=1)[0] is not None:
            raise RuntimeError(f"something already listens on port {port}; stop it or use --port-base")
        self.log = tempfile.NamedTemporaryFile(prefix="ops-check-", suffix=".log", delete=False)
        command = [binary, "serve", "--data", data, "--port", str(port), "--threads", str(threads)]
        if CONFIG:
            command += ["--config", CONFIG]
        if ulimit:
            command = ["bash", "-c", f"ulimit -n {ulimit} && exec \"$@\"", "bash"] + command
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=full_env, cwd=ROOT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.log_text()[-2000:]}")
            status, _ = http_get(port, "/healthz", timeout=1)
            if status == 200:
                return
            time.sleep(0.2)
        raise RuntimeError("server did not answer /healthz within 120 s")

    def log_bytes(self):
        return os.path.getsize(self.log.name)

    def log_text(self):
        with open(self.log.name, errors="replace") as f:
            return f.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        LOGS[self.port] = self.log_text()
        os.unlink(self.log.name)


def check_fd(binary, port, data):
    """200 connections against a server limited to 128 descriptors: with the default connection cap, and
    with a cap over the limit, so that accept() itself runs out of descriptors. The two servers run side by
    side (ports PORT and PORT+10), measured over the same 5 s."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    variants = (("default cap", port, {}), ("cap over the limit", port + 10, {"NEWSDESK_MAX_CONNECTIONS": "100000"}))
    servers = []
    try:
        for label, p, env in variants:
            servers.append((label, Server(binary, p, data, ulimit=128, env=env)))
        held = {}
        for label, server in servers:
            held[label] = []
            for _ in range(200):
                try:
                    held[label].append(connect(server.port, timeout=2))
                except OSError:
                    pass
        before = {label: (server.log_bytes(), cpu_seconds(server.process.pid)) for label, server in servers}
        time.sleep(5)
        ok = True
        for label, server in servers:
            cpu = cpu_seconds(server.process.pid) - before[label][1]
            log = server.log_bytes() - before[label][0]
            refused = 0
            for c in held[label]:
                c.setblocking(False)
                try:
                    if c.recv(4096).startswith(b"HTTP/1.1 503"):
                        refused += 1
                except OSError:
                    pass
                c.close()
            time.sleep(0.5)
            status, _ = http_get(server.port, "/healthz", timeout=5)
            warnings = sum(1 for line in server.log_text().splitlines() if "accept() failed" in line or "Error from accept" in line)
            ok = ok and cpu < 1.0 and log < 100_000 and status == 200
            print(f"fd ({label}): connections={len(held[label])} answered_503={refused} cpu_seconds_5s={cpu:.2f} "
                  f"log_bytes_5s={log} accept_warnings={warnings} healthz_after={status}")
        return ok
    finally:
        for _, server in servers:
            server.stop()


def check_slowloris(binary, port, data, deadline=2):
    """50 connections that send one byte of a request head a second."""
    server = Server(binary, port, data, env={"NEWSDESK_HEADER_TIMEOUT_SECONDS": str(deadline)})
    try:
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
        clients = [connect(port) for _ in range(50)]
        for c in clients:
            c.setblocking(False)
        started = time.time()
        closed = {}
        position = 0
        limit = deadline + 10
        while len(closed) < len(clients) and time.time() - started < limit:
            for i, c in enumerate(clients):
                if i in closed:
                    continue
                try:
                    c.send(head[position:position + 1])
                except OSError:
                    closed[i] = time.time() - started
                    continue
                try:
                    while True:
                        chunk = c.recv(4096)
                        if not chunk:
                            closed[i] = time.time() - started
                            break
                except BlockingIOError:
                    pass
                except OSError:
                    closed[i] = time.time() - started
            position += 1
            time.sleep(1)
        last = max(closed.values()) if closed else None
        for c in clients:
            c.close()
        status, _ = http_get(port, "/healthz")
        print(f"slowloris: header_timeout={deadline}s closed={len(closed)}/50 "
              f"last_closed_after={'%.1fs' % last if last is not None else 'never'} (watched {limit}s) healthz_after={status}")
        return len(closed) == 50 and last is not None and last <= deadline + 2.5 and status == 200
    finally:
        server.stop()


def make_corpus(directory, articles=1500):
    """A JSON Lines corpus big enough that its NDJSON export outlasts the socket buffers."""
    path = os.path.join(directory, "bulk.jsonl")
    paragraph = ("The council met on Tuesday to discuss the new budget for roads, schools and the harbour. "
                 "Members debated the plan for several hours before the vote was postponed to next week. ") * 10
    with open(path, "w") as f:
        for i in range(articles):
            day = 1 + i % 28
            f.write(json.dumps({"date": f"2021-03-{day:02d}", "title": f"Council budget debate number {i}",
                                "text": f"{paragraph}\n\nItem {i} was read."}) + "\n")
    return directory


def read_chunked_slowly(sock, deadline, on_progress):
    """Reads a chunked response slowly; returns (bytes of body, saw the closing chunk, raw)."""
    raw = b""
    sock.settimeout(1.0)
    while time.time() < deadline:
        try:
            chunk = sock.recv(8192)
        except socket.timeout:
            continue
        except OSError:
            break
        if not chunk:
            break
        raw += chunk
        on_progress(len(raw))
        if raw.endswith(b"\r\n0\r\n\r\n"):
            break
        time.sleep(0.02)
    head, _, body = raw.partition(b"\r\n\r\n")
    # Decode the chunked body.
    data, rest, closed = b"", body, False
    while rest:
        size_line, sep, rest = rest.partition(b"\r\n")
        if not sep:
            break
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            break
        if size == 0:
            closed = True
            break
        data += rest[:size]
        rest = rest[size + 2:]
    return data, closed, head


def check_drain(binary, port, data_unused):
    """SIGTERM with an NDJSON export in flight."""
    directory = make_corpus(tempfile.mkdtemp(prefix="ops-check-corpus-"))
    server = Server(binary, port, directory, env={"NEWSDESK_SHUTDOWN_GRACE_SECONDS": "30"})
    try:
        export = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        export.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
        export.connect(("127.0.0.1", port))
        export.sendall(b"GET /articles?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")
        # A connection with half a request head: it is not idle, so the drain must answer it.
        pending = connect(port)
        pending.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        progress = {"bytes": 0}
        received_at_term = None
        start = time.time()
        # Read a little, then SIGTERM while the export is still flowing.
        buffered = b""
        export.settimeout(5)
        while len(buffered) < 64 * 1024:
            buffered += export.recv(8192)
        received_at_term = len(buffered)
        server.process.send_signal(signal.SIGTERM)
        term_at = time.time()
        exited = {}
        threading.Thread(target=lambda: exited.update(at=(server.process.wait(), time.time())[1]), daemon=True).start()
        time.sleep(0.3)
        pending.sendall(b"\r\n")
        pending.settimeout(5)
        answer = b""
        try:
            while True:
                c = pending.recv(4096)
                if not c:
                    break
                answer += c
        except OSError:
            pass
        healthz_status = int(answer.split()[1]) if answer.startswith(b"HTTP/") else None
        draining = b'"draining"' in answer
        try:
            connect(port, timeout=1).close()
            refused = False
        except OSError:
            refused = True

        class Prefixed:
            """The socket with the bytes already read in front."""
            def __init__(self, first, sock):
                self.first, self.sock = first, sock
            def recv(self, n):
                if self.first:
                    out, self.first = self.first, b""
                    return out
                return self.sock.recv(n)
            def settimeout(self, t):
                self.sock.settimeout(t)
        body, closing_chunk, head = read_chunked_slowly(Prefixed(buffered, export), time.time() + 60,
                                                        lambda n: progress.update(bytes=n))
        lines = body.count(b"\n")
        try:
            code = server.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            code = None
        exited_after = exited.get("at", time.time()) - term_at
        total = None
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"x-total-count:"):
                total = int(line.split(b":")[1])
        print(f"drain: export_bytes={len(body)} received_before_sigterm={received_at_term} lines={lines}/{total} "
              f"closing_chunk={'yes' if closing_chunk else 'no'} healthz_during_drain={healthz_status}"
              f"{' draining' if draining else ''} new_connection_refused={'yes' if refused else 'no'} "
              f"exit_status={code} exit_after={exited_after:.1f}s")
        return (closing_chunk and total is not None and lines == total and healthz_status == 503 and draining
                and refused and code == 0)
    finally:
        server.stop()
        for name in os.listdir(directory):
            os.unlink(os.path.join(directory, name))
        os.rmdir(directory)


def wrk_counts(output):
    """The figures of scripts/wrk-count.lua's line."""
    for line in output.splitlines():
        if line.startswith("wrk-count:"):
            return {k: int(v) for k, v in (item.split("=") for item in line.split()[1:])}
    raise RuntimeError("wrk printed no wrk-count line: " + output[-500:])


def check_wrk(binary, port, data):
    """wrk with 20 connections; SIGTERM after 2 s. Every request either completes with a 2xx or is a
    refused connection after the listeners closed."""
    import shutil
    if not shutil.which("wrk"):
        print("wrk: wrk is not installed (apt-get install wrk)")
        return False
    server = Server(binary, port, data)
    try:
        wrk = subprocess.Popen(["wrk", "-t2", "-c20", "-d4s", "-s", os.path.join(ROOT, "scripts/wrk-count.lua"),
                                f"http://127.0.0.1:{port}/articles?limit=5"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(2)
        server.process.send_signal(signal.SIGTERM)
        code = server.process.wait(timeout=40)
        output = wrk.communicate(timeout=30)[0]
        c = wrk_counts(output)
        # After the listeners close, wrk's reconnects are refused: on Linux wrk reports a refused non-blocking
        # connect as a write error. A read error is a request sent and never answered: a failure.
        print(f"wrk under SIGTERM: requests={c['requests']} non2xx={c['non2xx']} read_errors={c['read']} "
              f"timeouts={c['timeout']} refused_after_close={c['write'] + c['connect']} exit_status={code}")
        return (c["requests"] > 0 and c["non2xx"] == 0 and c["read"] == 0 and c["timeout"] == 0 and code == 0)
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--port-base", type=int, default=18150)
    parser.add_argument("--data", default=os.path.join(ROOT, "corpus/sample"))
    parser.add_argument("--checks", default="fd,slowloris,drain,wrk")
    parser.add_argument("--measure-only", action="store_true")
    parser.add_argument("--config", help="config file passed to serve")
    args = parser.parse_args()
    global CONFIG
    CONFIG = args.config and os.path.abspath(args.config)
    checks = {"fd": check_fd, "slowloris": check_slowloris, "drain": check_drain, "wrk": check_wrk}
    failed = []
    for offset, name in enumerate(args.checks.split(",")):
        # A check that fails is run once more (timing on a shared machine), and both runs are printed: a
        # server without the fixes fails both.
        for attempt in (1, 2):
            try:
                ok = checks[name](os.path.abspath(args.binary), args.port_base + offset, args.data)
            except Exception as e:  # a check that cannot run fails
                print(f"{name}: error: {e}")
                ok = False
            if ok or attempt == 2 or args.measure_only:
                break
            tail = LOGS.get(args.port_base + offset, "").splitlines()[-15:]
            print("\n".join(f"  {name} server log: {line[:300]}" for line in tail))
            print(f"{name}: failed; running it once more")
        if not ok:
            failed.append(name)
            tail = LOGS.get(args.port_base + offset, "").splitlines()[-15:]
            print("\n".join(f"  {name} server log: {line[:300]}" for line in tail))
    print(f"ops-check: {len(args.checks.split(',')) - len(failed)} passed, {len(failed)} failed"
          + (f" ({', '.join(failed)})" if failed else ""))
    sys.exit(0 if args.measure_only or not failed else 1)


if __name__ == "__main__":
    main()
