#!/usr/bin/env python3
"""Slow clients for bench/serve-hostile.sh: N connections that each send a
request header one byte at a time and never finish it, reconnecting when
the server cuts them. The connections come from several loopback addresses
(127.0.1.1, 127.0.1.2, ...) as from several machines.

Usage: slowloris.py PORT CONNECTIONS SECONDS [ADDRESSES] [BYTE_EVERY_S]
Prints: connections opened, cut by the server, refused, most open at once.
"""
import selectors
import socket
import sys
import time


def connect(port, source):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.setblocking(False)
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


def main():
    port, total, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    n_addr = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    every = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
    start = b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port
    sel = selectors.DefaultSelector()
    opened = cut = refused = most = 0
    sent = {}  # socket -> bytes of the header sent so far
    born = {}  # socket -> when it connected
    retry = []  # client numbers waiting for the next tick to reconnect

    def open_one(i):
        nonlocal opened, refused
        try:
            s = connect(port, "127.0.1.%d" % (1 + i % n_addr))
        except OSError:
            refused += 1
            retry.append(i)
            return
        opened += 1
        sent[s] = 0
        born[s] = time.monotonic()
        sel.register(s, selectors.EVENT_READ, i)

    for i in range(total):
        open_one(i)
    end = time.monotonic() + seconds
    next_byte = time.monotonic()
    while time.monotonic() < end:
        most = max(most, len(sent))
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:  # closed by the server: come back as a new client
                sel.unregister(s)
                s.close()
                del sent[s]
                if time.monotonic() - born.pop(s) < 1.0:
                    refused += 1  # at once: the server is full
                else:
                    cut += 1
                retry.append(key.data)
        if time.monotonic() >= next_byte:
            next_byte += every
            pending = retry[:]
            retry.clear()
            for i in pending:
                open_one(i)
            for s in list(sent):
                k = sent[s]
                byte = start[k:k + 1] if k < len(start) else b"X"
                try:
                    s.send(byte)
                    sent[s] = k + 1
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    pass  # reported as closed by the selector
    print("slow clients: %d connections opened, %d cut by the server, %d refused, "
          "%d open at most" % (opened, cut, refused, most))
    for s in list(sent):
        s.close()


if __name__ == "__main__":
    main()
