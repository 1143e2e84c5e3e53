//! `zlib` over flate2 with its C zlib backend, linked to the system's libz as CPython's zlib
//! module is (so compressed bytes are identical to CPython's): compress, decompress,
//! compressobj, decompressobj, crc32, adler32. The Compress and Decompress classes are Python
//! (the module's Python part, below) over native stream states; the functions here act on
//! those. Not supported (NotImplementedError): a memLevel other than 8, a strategy other than
//! Z_DEFAULT_STRATEGY, and copy() of a stream.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use super::{bytes_arg, def};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

enum Stream {
    Comp(Compress),
    Decomp(Decompress),
}

/// A compression or decompression stream (the payload of a Compress/Decompress's `_st`).
pub struct ZStream(Stream);

impl NativeObject for ZStream {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        // zlib's window and tables.
        300 * 1024
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("zlib");
    vm.roots.push(m);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_compressor", compressor),
        ("_decompressor", decompressor),
        ("_compress", compress),
        ("_decompress", decompress),
        ("_set_dictionary", set_dictionary),
        ("crc32", crc32),
        ("adler32", adler32),
        ("_version", version),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    let d = as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, ZLIB_SRC.as_bytes(), "<frozen zlib>", d);
    vm.roots.pop();
    r?;
    Ok(m)
}

/// `_version()`: the linked libz's version (zlibVersion(3)).
fn version(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_version", args, kw, 0, 0, 0)?;
    Ok(vm.new_str(&crate::sys::zlib_version()))
}

const ZLIB_SRC: &str = r#"
"""The functions in this module allow compression and decompression using the
zlib library, which is based on GNU zip."""

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_RUNTIME_VERSION = _version()
# CPython's is the zlib.h it was built with; this module is built and run against the same libz.
ZLIB_VERSION = ZLIB_RUNTIME_VERSION
del _version


class error(Exception):
    __module__ = 'zlib'


def _buffer(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return memoryview(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None


def _int(x):
    if isinstance(x, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    return x.__index__()


def _gzip_header_len(data):
    """The length of the gzip header at the start of data, None if it is incomplete."""
    if len(data) < 10:
        return None
    if data[0] != 0x1f or data[1] != 0x8b:
        raise error('Error -3 while decompressing data: incorrect header check')
    if data[2] != 8:
        raise error('Error -3 while decompressing data: unknown compression method')
    flags = data[3]
    i = 10
    if flags & 4:
        if len(data) < i + 2:
            return None
        i += 2 + data[i] + (data[i + 1] << 8)
    for bit in (8, 16):
        if flags & bit:
            while i < len(data) and data[i] != 0:
                i += 1
            i += 1
    if flags & 2:
        i += 2
    return i if i <= len(data) else None


class Compress:
    __module__ = 'zlib'

    def compress(self, data, /):
        """Returns a bytes object containing compressed data."""
        return _compress(self._st, _buffer(data), Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH, /):
        """Return a bytes object containing any remaining compressed data."""
        mode = _int(mode)
        if mode == Z_NO_FLUSH:
            return b''
        return _compress(self._st, b'', mode)

    def copy(self):
        raise NotImplementedError('cpjit does not support copying a zlib stream')

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


def _run(d, data, max_length):
    out, used, eof, need_dict = _decompress(d._st, data, max_length)
    if need_dict:
        zdict = getattr(d, '_zdict', None)
        if zdict is None:
            raise error('Error 2 while decompressing data')
        _set_dictionary(d._st, zdict)
        more, used2, eof, need_dict = _decompress(
            d._st, data[used:], max_length - len(out) if max_length else 0)
        out += more
        used += used2
    return out, used, eof


class Decompress:
    __module__ = 'zlib'

    def decompress(self, data, /, max_length=0):
        """Return a bytes object containing the decompressed version of the data."""
        data = bytes(_buffer(data))
        max_length = _int(max_length)
        if max_length < 0:
            raise ValueError('max_length must be non-negative')
        if max_length >= 1 << 48:
            max_length = 0
        if self.eof:
            self.unused_data += data
            return b''
        if self._pending is not None:
            data = self._pending + data
            n = _gzip_header_len(data)
            if n is None:
                self._pending = data
                return b''
            self._pending = None
            data = data[n:]
        out, used, eof = _run(self, data, max_length)
        rest = data[used:]
        if eof:
            self.eof = True
            if getattr(self, '_gzip', False):
                rest = rest[8:]
            self.unused_data += rest
        self.unconsumed_tail = rest
        return out

    def flush(self, length=DEF_BUF_SIZE, /):
        """Return a bytes object containing any remaining decompressed data."""
        length = _int(length)
        if length <= 0:
            raise ValueError('length must be greater than zero')
        if self.eof or self._pending is not None:
            return b''
        data = self.unconsumed_tail
        out, used, eof = _run(self, data, 0)
        rest = data[used:]
        if eof:
            self.eof = True
            self.unused_data += rest
        self.unconsumed_tail = b''
        return out

    def copy(self):
        raise NotImplementedError('cpjit does not support copying a zlib stream')

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """Return a compressor object."""
    level, method, wbits = _int(level), _int(method), _int(wbits)
    memLevel, strategy = _int(memLevel), _int(strategy)
    if method != DEFLATED or not (9 <= abs(wbits) <= 15 or wbits == 8 or 25 <= wbits <= 31) \
            or not 1 <= memLevel <= 9 or not 0 <= strategy <= 4:
        raise ValueError('Invalid initialization option')
    if not -1 <= level <= 9:
        raise error('Bad compression level')
    if memLevel != DEF_MEM_LEVEL or strategy != Z_DEFAULT_STRATEGY:
        raise NotImplementedError('cpjit does not support zlib memLevel or strategy options')
    c = object.__new__(Compress)
    c._st = _compressor(level, wbits)
    if zdict is not None:
        _set_dictionary(c._st, _buffer(zdict))
    return c


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    """Return a decompressor object."""
    wbits = _int(wbits)
    if zdict != b'':
        zdict = _buffer(zdict)
    d = object.__new__(Decompress)
    d.unused_data = b''
    d.unconsumed_tail = b''
    d.eof = False
    d._pending = None
    if 40 <= wbits <= 47:
        raise NotImplementedError('cpjit does not support zlib header auto-detection in '
                                  'decompressobj')
    if wbits == 0:
        wbits = MAX_WBITS
    if 25 <= wbits <= 31:
        # gzip: the header is read here, the rest is a raw stream and an 8-byte trailer.
        d._pending = b''
        d._st = _decompressor(-(wbits - 16))
        d._gzip = True
    elif 8 <= abs(wbits) <= 15:
        d._st = _decompressor(wbits)
    else:
        raise ValueError('Invalid initialization option')
    if zdict != b'':
        if wbits < 0:
            _set_dictionary(d._st, zdict)
        d._zdict = zdict
    return d


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """Returns a bytes object containing compressed data."""
    data = _buffer(data)
    wbits = _int(wbits)
    if 25 <= wbits <= 31:
        level = _int(level)
        c = compressobj(level, DEFLATED, -(wbits - 16))
        body = c.compress(data) + c.flush()
        xfl = 2 if level == 9 else 4 if level == 1 else 0
        size = len(data) & 0xffffffff
        return (b'\x1f\x8b\x08\x00\x00\x00\x00\x00' + bytes([xfl, 3]) + body
                + crc32(data).to_bytes(4, 'little') + size.to_bytes(4, 'little'))
    c = compressobj(level, DEFLATED, wbits)
    return c.compress(data) + c.flush()


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Returns a bytes object containing the uncompressed data."""
    data = bytes(_buffer(data))
    wbits, bufsize = _int(wbits), _int(bufsize)
    if bufsize < 0:
        raise ValueError('bufsize must be non-negative')
    if 40 <= wbits <= 47:
        wbits = wbits - 16 if data[:2] == b'\x1f\x8b' else wbits - 32
    if 25 <= wbits <= 31:
        n = _gzip_header_len(data)
        if n is None:
            raise error('Error -5 while decompressing data: incomplete or truncated stream')
        body = data[n:]
        out, used, eof, _ = _decompress(_decompressor(-(wbits - 16)), body, 0)
        trailer = body[used:used + 8]
        if not eof or len(trailer) < 8:
            raise error('Error -5 while decompressing data: incomplete or truncated stream')
        if int.from_bytes(trailer[:4], 'little') != crc32(out):
            raise error('Error -3 while decompressing data: incorrect data check')
        if int.from_bytes(trailer[4:], 'little') != len(out) & 0xffffffff:
            raise error('Error -3 while decompressing data: incorrect length check')
        return out
    d = decompressobj(wbits)
    out = d.decompress(data)
    if not d.eof:
        raise error('Error -5 while decompressing data: incomplete or truncated stream')
    return out
"#;

fn zerr(vm: &mut Vm, msg: String) -> Value {
    super::module_error(vm, "zlib", "error", msg)
}

fn stream<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut Stream> {
    match as_native::<ZStream>(v) {
        Some(s) => Ok(&mut s.0),
        None => Err(vm.type_error("not a zlib stream")),
    }
}

fn alloc(vm: &mut Vm, s: Stream) -> Value {
    let ty = vm.t.zlib_state;
    vm.heap.alloc(ty, Box::new(ZStream(s)) as NativeData)
}

/// `_compressor(level, wbits)`: wbits 8..15 for a zlib stream, -15..-9 for a raw one, 25..31 for
/// a gzip one.
fn compressor(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_compressor", a, k, 0, 2, 2)?;
    let level = index_of(vm, a[0], "level")?;
    let wbits = index_of(vm, a[1], "wbits")?;
    let level = if level < 0 {
        Compression::default()
    } else {
        Compression::new(level as u32)
    };
    // zlib itself reads a zlib stream's 8 as 9 (compressobj has checked the range).
    let c = if wbits > 16 {
        Compress::new_gzip(level, (wbits - 16) as u8)
    } else {
        Compress::new_with_window_bits(level, wbits > 0, (wbits.unsigned_abs() as u8).max(9))
    };
    Ok(alloc(vm, Stream::Comp(c)))
}

/// `_decompressor(wbits)`: as `_compressor`'s; 8 is read as 9, as zlib does.
fn decompressor(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decompressor", a, k, 0, 1, 1)?;
    let wbits = index_of(vm, a[0], "wbits")?;
    let bits = (wbits.unsigned_abs() as u8).max(9);
    let d = Decompress::new_with_window_bits(wbits > 0, bits);
    Ok(alloc(vm, Stream::Decomp(d)))
}

fn set_dictionary(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_set_dictionary", a, k, 0, 2, 2)?;
    let dict = bytes_arg(vm, a[1])?.to_vec();
    let r = match stream(vm, a[0])? {
        Stream::Comp(c) => c.set_dictionary(&dict).map_err(|e| e.to_string()),
        Stream::Decomp(d) => d.set_dictionary(&dict).map_err(|e| e.to_string()),
    };
    match r {
        Ok(_) => Ok(vm.none),
        Err(e) => Err(zerr(vm, format!("Error -2 while setting zdict: {e}"))),
    }
}

/// `_compress(st, data, mode)`: the output of feeding `data` and flushing with `mode`
/// (Z_NO_FLUSH, Z_PARTIAL_FLUSH/Z_SYNC_FLUSH, Z_FULL_FLUSH or Z_FINISH).
fn compress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_compress", a, k, 0, 3, 3)?;
    let mode = index_of(vm, a[2], "mode")?;
    let flush = match mode {
        0 => FlushCompress::None,
        1 | 2 | 5 | 6 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        _ => FlushCompress::Finish,
    };
    let mut input = bytes_arg(vm, a[1])?;
    let Stream::Comp(c) = stream(vm, a[0])? else {
        return Err(vm.type_error("not a compression stream"));
    };
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 2 + 64);
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(4096));
        }
        let before = c.total_in();
        let st = c.compress_vec(input, &mut out, flush);
        let used = (c.total_in() - before) as usize;
        input = &input[used..];
        match st {
            Ok(Status::StreamEnd) => break,
            Ok(_) if input.is_empty() && out.len() < out.capacity() => {
                if !matches!(flush, FlushCompress::Finish) {
                    break;
                }
            }
            Ok(_) => {}
            Err(e) => {
                return Err(zerr(vm, format!("Error -2 while compressing data: {e}")));
            }
        }
    }
    Ok(vm.new_bytes(out))
}

/// `_decompress(st, data, max_length)`: `(output, bytes of data consumed, end of stream, a
/// preset dictionary is needed)`; at most `max_length` bytes of output when it is not 0.
fn decompress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decompress", a, k, 0, 3, 3)?;
    let max = index_of(vm, a[2], "max_length")? as usize;
    let input = bytes_arg(vm, a[1])?;
    let Stream::Decomp(d) = stream(vm, a[0])? else {
        return Err(vm.type_error("not a decompression stream"));
    };
    let mut out: Vec<u8> = Vec::new();
    let mut used = 0usize;
    let mut eof = false;
    let mut need_dict = false;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let room = if max > 0 {
            (max - out.len()).min(buf.len())
        } else {
            buf.len()
        };
        if room == 0 {
            break;
        }
        let (in0, out0) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[used..], &mut buf[..room], FlushDecompress::None);
        let got = (d.total_out() - out0) as usize;
        used += (d.total_in() - in0) as usize;
        out.extend_from_slice(&buf[..got]);
        match r {
            Ok(Status::StreamEnd) => {
                eof = true;
                break;
            }
            Ok(_) if got < room && used == input.len() => break,
            Ok(_) if got == 0 && d.total_in() == in0 => break,
            Ok(_) => {}
            Err(e) if e.needs_dictionary().is_some() => {
                need_dict = true;
                break;
            }
            Err(e) => {
                let msg = e.to_string();
                let msg = msg
                    .strip_prefix("deflate decompression error: ")
                    .unwrap_or(&msg);
                return Err(zerr(
                    vm,
                    format!("Error -3 while decompressing data: {msg}"),
                ));
            }
        }
    }
    let items = vec![
        vm.new_bytes(out),
        vm.new_int(used as i64),
        if eof { vm.true_ } else { vm.false_ },
        if need_dict { vm.true_ } else { vm.false_ },
    ];
    Ok(vm.new_tuple(items))
}

fn checksum(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    k: &[Value],
    start: u32,
    f: fn(u32, &[u8]) -> u32,
) -> PyResult {
    nargs(vm, name, a, k, 0, 1, 2)?;
    if as_str(a[0]).is_some() {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    let data = bytes_arg(vm, a[0])?;
    let value = match a.get(1) {
        // The starting value is taken modulo 2**32, as C's unsigned int conversion does.
        Some(&v) => {
            let i = crate::vm::types::subclass::int_arg(v)
                .map(|i| i.to_big())
                .ok_or_else(|| {
                    let tn = vm.type_name(v);
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                })?;
            let m: num_bigint::BigInt = i & num_bigint::BigInt::from(0xffff_ffffu32);
            u32::try_from(m).unwrap_or(0)
        }
        None => start,
    };
    Ok(vm.new_int(f(value, data) as i64))
}

fn crc32(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    checksum(vm, "crc32", a, k, 0, |v, d| {
        let mut h = crc32fast::Hasher::new_with_initial(v);
        h.update(d);
        h.finalize()
    })
}

fn adler32(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    checksum(vm, "adler32", a, k, 1, |v, d| {
        const MOD: u32 = 65521;
        let (mut s1, mut s2) = (v & 0xffff, v >> 16);
        for chunk in d.chunks(5552) {
            for &b in chunk {
                s1 += b as u32;
                s2 += s1;
            }
            s1 %= MOD;
            s2 %= MOD;
        }
        (s2 << 16) | s1
    })
}
