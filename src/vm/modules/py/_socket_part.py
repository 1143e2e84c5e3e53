"""Implementation module for socket operations.

See the socket module for documentation."""
# The Python part of cpjit's _socket (src/vm/modules/socket.rs holds the system calls).
del __file__

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOCK_RDM = 4
SOCK_SEQPACKET = 5
SOCK_NONBLOCK = 2048
SOCK_CLOEXEC = 524288
SOL_SOCKET = 1
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_DONTROUTE = 5
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_OOBINLINE = 10
SO_LINGER = 13
SO_REUSEPORT = 15
SO_RCVLOWAT = 18
SO_SNDLOWAT = 19
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
SO_ACCEPTCONN = 30
SO_DOMAIN = 39
SO_PROTOCOL = 38
SOMAXCONN = 4096
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_RAW = 255
IPV6_V6ONLY = 26
IP_TOS = 1
IP_TTL = 2
TCP_NODELAY = 1
TCP_MAXSEG = 2
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
MSG_OOB = 1
MSG_PEEK = 2
MSG_DONTROUTE = 4
MSG_WAITALL = 256
MSG_DONTWAIT = 64
MSG_NOSIGNAL = 16384
MSG_TRUNC = 32
MSG_EOR = 128
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
AI_PASSIVE = 1
AI_CANONNAME = 2
AI_NUMERICHOST = 4
AI_V4MAPPED = 8
AI_ALL = 16
AI_ADDRCONFIG = 32
AI_NUMERICSERV = 1024
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
NI_MAXHOST = 1025
NI_MAXSERV = 32
EAI_ADDRFAMILY = -9
EAI_AGAIN = -3
EAI_BADFLAGS = -1
EAI_FAIL = -4
EAI_FAMILY = -6
EAI_MEMORY = -10
EAI_NODATA = -5
EAI_NONAME = -2
EAI_OVERFLOW = -12
EAI_SERVICE = -8
EAI_SOCKTYPE = -7
EAI_SYSTEM = -11
INADDR_ANY = 0
INADDR_BROADCAST = 0xffffffff
INADDR_LOOPBACK = 0x7f000001
INADDR_NONE = 0xffffffff
has_ipv6 = True

error = OSError
timeout = TimeoutError


class herror(OSError):
    __module__ = 'socket'


class gaierror(OSError):
    __module__ = 'socket'


_default_timeout = None
_SERVICES = {'http': 80, 'https': 443, 'ftp': 21, 'ssh': 22, 'smtp': 25, 'domain': 53}


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _timeout_value(timeout)


def _timeout_value(t):
    if t is None:
        return None
    try:
        t = float(t)
    except (TypeError, ValueError):
        raise TypeError('Timeout value must be int, float or None') from None
    if t < 0:
        raise ValueError('Timeout value out of range')
    return t


def _host_ip(family, host):
    # The numeric address for `host` (no DNS lookups in cpjit).
    if family == AF_INET6:
        if host in ('', None):
            return '::'
        if host == 'localhost':
            return '::1'
        if '%' in host:
            host = host.split('%')[0]
        inet_pton(AF_INET6, host)
        return host
    if host in ('', None):
        return '0.0.0.0'
    if host == '<broadcast>':
        return '255.255.255.255'
    if host == 'localhost' or host == gethostname():
        return '127.0.0.1'
    try:
        return inet_ntoa(inet_aton(host))
    except OSError:
        raise gaierror(EAI_NONAME, 'Name or service not known') from None


def _addr(family, address):
    if family == AF_UNIX:
        if isinstance(address, (bytes, bytearray, memoryview)):
            return bytes(address)
        if isinstance(address, str):
            return address
        import os
        return os.fsencode(address)
    if family == AF_INET:
        if not isinstance(address, tuple) or len(address) != 2:
            raise TypeError('AF_INET address must be tuple, not %s' % type(address).__name__)
        host, port = address
    elif family == AF_INET6:
        if not isinstance(address, tuple) or not 2 <= len(address) <= 4:
            raise TypeError('AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])')
        host, port = address[0], address[1]
    else:
        raise OSError('getsockaddrarg: bad family %d' % family)
    if not isinstance(host, str):
        raise TypeError('str, bytes or bytearray expected, not %s' % type(host).__name__)
    if not isinstance(port, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(port).__name__)
    return (_host_ip(family, host), port) + tuple(address[2:])


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object
socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object

Open a socket of the given type."""
    __module__ = '_socket'
    __slots__ = ('_fd', '_family', '_type', '_proto', '_timeout')

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
            fd = _sock(family, type, proto)
        else:
            if isinstance(fileno, float):
                raise TypeError("'float' object cannot be interpreted as an integer")
            fd = fileno.__index__()
            if fd < 0:
                raise ValueError('negative file descriptor')
            f, t = _fdinfo(fd)
            if family == -1:
                family = f
            if type == -1:
                type = t
            if proto == -1:
                proto = 0
        object.__setattr__(self, '_fd', fd)
        object.__setattr__(self, '_family', family)
        object.__setattr__(self, '_type', type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        object.__setattr__(self, '_proto', proto)
        if type & SOCK_NONBLOCK:
            t = 0.0
        else:
            t = _default_timeout
        object.__setattr__(self, '_timeout', None)
        if t is not None:
            self.settimeout(t)

    family = property(lambda self: self._family, doc='the socket family')
    type = property(lambda self: self._type, doc='the socket type')
    proto = property(lambda self: self._proto, doc='the socket protocol')
    timeout = property(lambda self: self._timeout, doc='the socket timeout')

    def __repr__(self):
        return '<socket object, fd=%d, family=%d, type=%d, proto=%d>' % (
            self._fd, self._family, self._type, self._proto)

    def fileno(self):
        return self._fd

    def _check(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')

    def close(self):
        fd = self._fd
        if fd >= 0:
            object.__setattr__(self, '_fd', -1)
            import os
            try:
                os.close(fd)
            except OSError as e:
                if e.errno != 104:
                    raise

    def detach(self):
        fd = self._fd
        object.__setattr__(self, '_fd', -1)
        return fd

    def __del__(self):
        pass

    # Timeouts: None blocks, 0.0 never blocks, t > 0 waits at most t seconds.
    def settimeout(self, value):
        t = _timeout_value(value)
        object.__setattr__(self, '_timeout', t)
        _nonblock(self._fd, t is not None)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def getblocking(self):
        return self._timeout != 0.0

    def _wait(self, write):
        t = self._timeout
        if t is not None and t > 0.0 and not _wait(self._fd, write, t):
            raise TimeoutError('timed out')

    def _io(self, write, f, *args):
        self._check()
        while True:
            self._wait(write)
            try:
                return f(self._fd, *args)
            except BlockingIOError:
                if self._timeout is None or self._timeout == 0.0:
                    raise
            except InterruptedError:
                pass

    def bind(self, address):
        self._check()
        _bind(self._fd, self._family, _addr(self._family, address))

    def listen(self, backlog=128):
        self._check()
        _listen(self._fd, max(backlog, 0))

    def _accept(self):
        return self._io(False, _accept)

    def connect_ex(self, address):
        self._check()
        err = _connect(self._fd, self._family, _addr(self._family, address))
        if err == 115 and self._timeout is not None and self._timeout > 0.0:
            if not _wait(self._fd, True, self._timeout):
                return 11
            err = _getopt(self._fd, SOL_SOCKET, SO_ERROR)
        return err

    def connect(self, address):
        err = self.connect_ex(address)
        if err == 11 and self._timeout is not None and self._timeout > 0.0:
            raise TimeoutError('timed out')
        if err:
            import os
            raise OSError(err, os.strerror(err))

    def send(self, data, flags=0):
        return self._io(True, _send, _bytes(data), flags)

    def sendall(self, data, flags=0):
        data = _bytes(data)
        while data:
            n = self.send(data, flags)
            data = data[n:]

    def sendto(self, data, flags_or_addr, addr=None):
        if addr is None:
            flags, addr = 0, flags_or_addr
        else:
            flags = flags_or_addr
        return self._io(True, _sendto, _bytes(data), flags, self._family,
                        _addr(self._family, addr))

    def recv(self, bufsize, flags=0):
        return self._io(False, _recv, bufsize, flags)

    def recvfrom(self, bufsize, flags=0):
        return self._io(False, _recvfrom, bufsize, flags)

    def recv_into(self, buffer, nbytes=0, flags=0):
        m = memoryview(buffer)
        if nbytes < 0:
            raise ValueError('negative buffersize in recv_into')
        n = nbytes or len(m)
        data = self.recv(n, flags)
        m[:len(data)] = data
        return len(data)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        m = memoryview(buffer)
        n = nbytes or len(m)
        data, addr = self.recvfrom(n, flags)
        m[:len(data)] = data
        return len(data), addr

    def getsockname(self):
        self._check()
        return _name(self._fd, False)

    def getpeername(self):
        self._check()
        return _name(self._fd, True)

    def setsockopt(self, level, optname, value, optlen=None):
        self._check()
        if isinstance(value, (bytes, bytearray)):
            value = int.from_bytes(value[:4].ljust(4, b'\0'), 'little')
        _setopt(self._fd, level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        self._check()
        v = _getopt(self._fd, level, optname)
        if buflen is not None:
            return v.to_bytes(4, 'little')[:buflen]
        return v

    def shutdown(self, how):
        self._check()
        _shutdown(self._fd, how)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


SocketType = socket


def _bytes(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(memoryview(data))


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _pair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def dup(fd):
    import os
    return os.dup(fd)


def close(fd):
    import os
    os.close(fd)


def gethostname():
    try:
        with open('/proc/sys/kernel/hostname') as f:
            return f.read().strip()
    except OSError:
        return 'localhost'


def gethostbyname(host):
    return _host_ip(AF_INET, host)


def gethostbyname_ex(host):
    return (host, [], [gethostbyname(host)])


def gethostbyaddr(ip):
    if ip in ('127.0.0.1', '::1', 'localhost'):
        return ('localhost', [], [ip])
    raise herror(1, 'Unknown host')


def getservbyname(name, proto=None):
    try:
        return _SERVICES[name]
    except KeyError:
        raise OSError('service/proto not found') from None


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(host, bytes):
        host = host.decode('idna')
    if port is None:
        port = 0
    elif isinstance(port, (str, bytes)):
        if isinstance(port, bytes):
            port = port.decode()
        if port.isdigit():
            port = int(port)
        elif port in _SERVICES and not flags & AI_NUMERICSERV:
            port = _SERVICES[port]
        else:
            raise gaierror(EAI_SERVICE, 'Servname not supported for ai_socktype')
    elif not isinstance(port, int):
        raise OSError('Int or String expected')
    families = []
    if host is None:
        if flags & AI_PASSIVE:
            cands = [(AF_INET6, '::'), (AF_INET, '0.0.0.0')]
        else:
            cands = [(AF_INET6, '::1'), (AF_INET, '127.0.0.1')]
    elif host == 'localhost':
        cands = [(AF_INET, '127.0.0.1'), (AF_INET6, '::1')]
    else:
        try:
            inet_pton(AF_INET, host)
            cands = [(AF_INET, host)]
        except OSError:
            try:
                inet_pton(AF_INET6, host.split('%')[0])
                cands = [(AF_INET6, host)]
            except OSError:
                if flags & AI_NUMERICHOST:
                    raise gaierror(EAI_NONAME, 'Name or service not known') from None
                try:
                    cands = [(AF_INET, _host_ip(AF_INET, host))]
                except gaierror:
                    raise gaierror(EAI_NONAME, 'Name or service not known') from None
    for fam, ip in cands:
        if family not in (0, fam):
            continue
        families.append((fam, ip))
    if not families:
        raise gaierror(EAI_ADDRFAMILY if host else EAI_NONAME,
                       'Address family for hostname not supported')
    types = [type] if type else [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW]
    out = []
    for fam, ip in families:
        for t in types:
            p = proto or {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP}.get(t, 0)
            addr = (ip, port) if fam == AF_INET else (ip, port, 0, 0)
            out.append((fam, t, p, '', addr))
    return out


def getnameinfo(sockaddr, flags):
    host, port = sockaddr[0], sockaddr[1]
    return (host, str(port))


def _uint(x, limit, negative, large):
    if not isinstance(x, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    if x < 0:
        raise OverflowError(negative)
    if x > limit:
        raise OverflowError(large)
    return x


def htons(x):
    x = _uint(x, 0xffff, "ntohs: can't convert negative Python int to C 16-bit unsigned integer",
              'ntohs: Python int too large to convert to C 16-bit unsigned integer')
    return ((x & 0xff) << 8) | (x >> 8)


ntohs = htons


def htonl(x):
    x = _uint(x, 0xffffffff, "can't convert negative value to unsigned int",
              'int larger than 32 bits')
    return int.from_bytes(x.to_bytes(4, 'little'), 'big')


ntohl = htonl


def inet_aton(s):
    """Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary
format used in low-level network functions."""
    if not isinstance(s, str):
        raise TypeError('inet_aton() argument 1 must be str, not %s' % type(s).__name__)
    parts = s.split('.')
    try:
        if not 1 <= len(parts) <= 4 or any(p == '' for p in parts):
            raise ValueError
        nums = [int(p, 0) if p[:2].lower() == '0x' else (int(p, 8) if len(p) > 1 and p[0] == '0' else int(p, 10)) for p in parts]
        limits = [0xffffffff, 0xffffff, 0xffff, 0xff][len(parts) - 1]
        if any(n < 0 or n > 255 for n in nums[:-1]) or not 0 <= nums[-1] <= limits:
            raise ValueError
    except ValueError:
        raise OSError('illegal IP address string passed to inet_aton') from None
    v = 0
    for n in nums[:-1]:
        v = (v << 8) | n
    v = (v << (8 * (5 - len(parts)))) | nums[-1]
    return v.to_bytes(4, 'big')


def inet_ntoa(b):
    """Convert an IP address from 32-bit packed binary format to string format"""
    b = bytes(b)
    if len(b) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return '%d.%d.%d.%d' % tuple(b)


def inet_pton(family, s):
    if not isinstance(s, str):
        raise TypeError('inet_pton() argument 2 must be str, not %s' % type(s).__name__)
    if family == AF_INET:
        parts = s.split('.')
        if len(parts) != 4 or not all(p.isdigit() and p.isascii() and len(p) <= 3
                                      and (p == '0' or p[0] != '0') and int(p) <= 255
                                      for p in parts):
            raise OSError('illegal IP address string passed to inet_pton')
        return bytes(int(p) for p in parts)
    if family == AF_INET6:
        try:
            return _ipv6_pack(s)
        except ValueError:
            raise OSError('illegal IP address string passed to inet_pton') from None
    raise OSError(97, 'Address family not supported by protocol')


def _ipv6_pack(s):
    if s.count('::') > 1:
        raise ValueError
    tail4 = b''
    if '.' in s:
        i = s.rfind(':')
        tail4 = inet_pton(AF_INET, s[i + 1:])
        s = s[:i + 1] + '0:0'
    if '::' in s:
        head, tail = s.split('::')
        h = head.split(':') if head else []
        t = tail.split(':') if tail else []
        missing = 8 - len(h) - len(t)
        if missing < 1:
            raise ValueError
        groups = h + ['0'] * missing + t
    else:
        groups = s.split(':')
    if len(groups) != 8:
        raise ValueError
    out = bytearray()
    for g in groups:
        if not 1 <= len(g) <= 4 or any(c not in '0123456789abcdefABCDEF' for c in g):
            raise ValueError
        out += int(g, 16).to_bytes(2, 'big')
    if tail4:
        out[12:] = tail4
    return bytes(out)


def inet_ntop(family, packed):
    packed = bytes(packed)
    if family == AF_INET:
        if len(packed) != 4:
            raise ValueError('invalid length of packed IP address string')
        return inet_ntoa(packed)
    if family == AF_INET6:
        if len(packed) != 16:
            raise ValueError('invalid length of packed IP address string')
        import ipaddress
        return str(ipaddress.IPv6Address(packed))
    raise ValueError('unknown address family %d' % family)
