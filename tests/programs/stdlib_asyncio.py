# asyncio on loopback (tasks, gather, queues, cancellation, wait_for, an echo server and client)
# and the socket module under it (_socket: socketpair, TCP/UDP on 127.0.0.1, options, inet_*).
import asyncio, socket
async def f(x):
    await asyncio.sleep(0.01)
    return x * 2
async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b'echo:' + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
async def main():
    print(await asyncio.gather(f(1), f(2), f(3)))
    q = asyncio.Queue()
    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)
    async def consumer():
        out = []
        while (x := await q.get()) is not None:
            out.append(x)
        return out
    _, got = await asyncio.gather(producer(), consumer())
    print(got)
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    for msg in [b'hello\n', b'world\n']:
        r, w = await asyncio.open_connection('127.0.0.1', port)
        w.write(msg)
        await w.drain()
        print(await r.read())
        w.close()
        await w.wait_closed()
    server.close()
    await server.wait_closed()
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled')
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('timeout')
asyncio.run(main())
a, b = socket.socketpair()
a.sendall(b'xyz'); print(b.recv(10)); a.close(); b.close()
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.inet_aton('127.0.0.1'), socket.inet_ntoa(b'\x7f\x00\x00\x01'), socket.inet_aton('10.1'))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, bytes(15) + b'\x01'))
print(socket.inet_pton(socket.AF_INET, '192.168.0.1'), socket.inet_ntop(socket.AF_INET, b'\xc0\xa8\x00\x01'))
for bad in ['1.2.3.4.5', 'abc', '']:
    try: socket.inet_aton(bad)
    except OSError as e: print('OSError', e)
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo('localhost', '8080', socket.AF_INET, socket.SOCK_DGRAM))
print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(issubclass(socket.gaierror, OSError), socket.timeout is TimeoutError, socket.error is OSError)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0, srv.gettimeout(), srv.getblocking())
srv.bind(('127.0.0.1', 0)); srv.listen()
host, port = srv.getsockname(); print(host, port > 0, srv.family == socket.AF_INET, srv.type)
cli = socket.create_connection(('127.0.0.1', port))
conn, addr = srv.accept()
print(addr[0], cli.getpeername() == srv.getsockname(), conn.getpeername() == cli.getsockname())
cli.sendall(b'ping' * 1000)
buf = bytearray()
while len(buf) < 4000:
    buf += conn.recv(1000)
print(len(buf), bytes(buf[:8]))
conn.settimeout(0.05)
try: conn.recv(10)
except TimeoutError as e: print('TimeoutError', e)
conn.setblocking(False)
try: conn.recv(10)
except BlockingIOError as e: print('BlockingIOError', e.errno)
b = bytearray(8); cli.send(b'12345'); conn.setblocking(True); print(conn.recv_into(b), b)
cli.shutdown(socket.SHUT_WR); print(conn.recv(10))
for s in (cli, conn, srv): s.close()
print(cli.fileno(), cli._closed)
bad = socket.socket()
print(bad.connect_ex(('127.0.0.1', port)) in (111,))
bad.close()
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(('127.0.0.1', 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b'datagram', u1.getsockname())
data, frm = u1.recvfrom(100); print(data, frm[0], frm == u2.getsockname())
u1.close(); u2.close()
with socket.socket() as s:
    try: s.connect(('127.0.0.1', port))
    except ConnectionRefusedError as e: print('ConnectionRefusedError', e.errno)
