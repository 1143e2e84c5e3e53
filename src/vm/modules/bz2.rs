//! `_bz2` over the bzip2 crate with its default libbz2-rs-sys backend (a Rust port of libbzip2):
//! BZ2Compressor and BZ2Decompressor. The classes are Python (the module's Python part, below)
//! over native stream states; the functions here run libbzip2's loops as CPython's
//! `_bz2module.c` does, so `needs_input`, `unused_data` and `max_length` behave alike.

use bzip2::{Action, Compress, Compression, Decompress, Status};

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::memoryview::buffer_bytes;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// A compression stream (the `_st` of a BZ2Compressor).
pub struct Bz2Comp(Compress);

/// A decompression stream (the `_st` of a BZ2Decompressor).
pub struct Bz2Decomp(Decompress);

// libbzip2's block buffers at level 9: about 7.6 MB compressing, 3.6 MB decompressing.
impl NativeObject for Bz2Comp {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        7600 * 1024
    }
}

impl NativeObject for Bz2Decomp {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        3600 * 1024
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_compressor", compressor),
        ("_decompressor", decompressor),
        ("_compress", compress),
        ("_decompress", decompress),
    ];
    super::native_with_python(vm, "_bz2", fns, BZ2_SRC)
}

const BZ2_SRC: &str = r#"
def _buffer(data):
    try:
        return memoryview(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None


class BZ2Compressor:
    """Create a compressor object for compressing data incrementally.

  compresslevel
    Compression level, as a number between 1 and 9.

For one-shot compression, use the compress() function instead."""

    __module__ = '_bz2'
    __slots__ = ('_st', '_flushed')

    def __init__(self, compresslevel=9, /):
        if isinstance(compresslevel, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        compresslevel = compresslevel.__index__()
        if not 1 <= compresslevel <= 9:
            raise ValueError('compresslevel must be between 1 and 9')
        self._st = _compressor(compresslevel)
        self._flushed = False

    def compress(self, data, /):
        """Provide data to the compressor object.

Returns a chunk of compressed data if possible, or b'' otherwise.

When you have finished providing data to the compressor, call the
flush() method to finish the compression process."""
        data = _buffer(data)
        if self._flushed:
            raise ValueError('Compressor has been flushed')
        return _compress(self._st, data, False)

    def flush(self, /):
        """Finish the compression process.

Returns the compressed data left in internal buffers.

The compressor object may not be used after this method is called."""
        if self._flushed:
            raise ValueError('Repeated call to flush()')
        self._flushed = True
        return _compress(self._st, b'', True)

    def __reduce__(self):
        raise TypeError("cannot pickle '_bz2.BZ2Compressor' object")

    def __reduce_ex__(self, protocol, /):
        raise TypeError("cannot pickle '_bz2.BZ2Compressor' object")


class BZ2Decompressor:
    """Create a decompressor object for decompressing data incrementally.

For one-shot decompression, use the decompress() function instead."""

    __module__ = '_bz2'
    __slots__ = ('_st', '_eof', '_needs_input', '_unused_data', '_buf')

    def __init__(self, /):
        self._st = _decompressor()
        self._eof = False
        self._needs_input = True
        self._unused_data = b''
        self._buf = b''

    @property
    def eof(self):
        """True if the end-of-stream marker has been reached."""
        return self._eof

    @property
    def needs_input(self):
        """True if more input is needed before more decompressed data can be produced."""
        return self._needs_input

    @property
    def unused_data(self):
        """Data found after the end of the compressed stream."""
        return self._unused_data

    def decompress(self, data, max_length=-1):
        """Decompress *data*, returning uncompressed data as bytes.

If *max_length* is nonnegative, returns at most *max_length* bytes of
decompressed data. If this limit is reached and further output can be
produced, *self.needs_input* will be set to ``False``. In this case, the next
call to *decompress()* may provide *data* as b'' to obtain more of the output.

If all of the input data was decompressed and returned (either because this
was less than *max_length* bytes, or because *max_length* was negative),
*self.needs_input* will be set to True.

Attempting to decompress data after the end of stream is reached raises an
EOFError.  Any data found after the end of the stream is ignored and saved in
the unused_data attribute."""
        data = _buffer(data)
        if isinstance(max_length, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        max_length = max_length.__index__()
        if not -(1 << 63) <= max_length < 1 << 63:
            raise OverflowError('Python int too large to convert to C ssize_t')
        if max_length >= 1 << 48:
            max_length = -1
        if self._eof:
            raise EOFError('End of stream already reached')
        data = self._buf + bytes(data) if self._buf else bytes(data)
        self._buf = b''
        out, used, eof = _decompress(self._st, data, max_length)
        rest = data[used:]
        if eof:
            self._eof = True
            self._needs_input = False
            if rest:
                self._unused_data = rest
        elif not rest:
            self._needs_input = True
        else:
            self._needs_input = False
            self._buf = rest
        return out

    def __reduce__(self):
        raise TypeError("cannot pickle '_bz2.BZ2Decompressor' object")

    def __reduce_ex__(self, protocol, /):
        raise TypeError("cannot pickle '_bz2.BZ2Decompressor' object")
"#;

fn state<'a, T: NativeObject>(vm: &mut Vm, v: Value) -> PyResult<&'a mut T> {
    as_native::<T>(v).ok_or_else(|| vm.type_error("not a bz2 stream of that kind"))
}

fn alloc(vm: &mut Vm, s: NativeData) -> Value {
    let ty = vm.t.bz2_state;
    vm.heap.alloc(ty, s)
}

/// The exception CPython's `catch_bz2_error` raises for a libbzip2 error.
fn bz2_error(vm: &mut Vm, e: bzip2::Error) -> Value {
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => vm.err("OSError", "Invalid data stream"),
        bzip2::Error::Param => vm.err(
            "ValueError",
            "Internal error - invalid parameters passed to libbzip2",
        ),
        _ => vm.err(
            "RuntimeError",
            "Internal error - Invalid sequence of commands sent to libbzip2",
        ),
    }
}

/// `_compressor(level)`: a compression stream (the level is checked by the caller).
fn compressor(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_compressor", a, k, 0, 1, 1)?;
    let level = index_of(vm, a[0], "compresslevel")?.clamp(1, 9) as u32;
    let c = Compress::new(Compression::new(level), 0);
    Ok(alloc(vm, Box::new(Bz2Comp(c))))
}

fn decompressor(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decompressor", a, k, 0, 0, 0)?;
    Ok(alloc(vm, Box::new(Bz2Decomp(Decompress::new(false)))))
}

/// `_compress(st, data, finish)`: the output of feeding `data` (BZ_RUN), or of finishing the
/// stream (BZ_FINISH) when `finish` is true.
fn compress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_compress", a, k, 0, 3, 3)?;
    let finish = a[2] == vm.true_;
    let Some(mut input) = buffer_bytes(a[1]) else {
        return Err(vm.type_error("a bytes-like object is required"));
    };
    let Bz2Comp(c) = state(vm, a[0])?;
    let action = if finish { Action::Finish } else { Action::Run };
    let mut out: Vec<u8> = Vec::with_capacity(8192);
    loop {
        if !finish && input.is_empty() {
            break;
        }
        if out.len() == out.capacity() {
            out.reserve(out.capacity());
        }
        let before = c.total_in();
        let r = c.compress_vec(input, &mut out, action);
        input = &input[(c.total_in() - before) as usize..];
        match r {
            Ok(Status::StreamEnd) => break,
            Ok(_) => {}
            Err(e) => return Err(bz2_error(vm, e)),
        }
    }
    Ok(vm.new_bytes(out))
}

/// `_decompress(st, data, max_length)`: `(output, bytes of data consumed, end of stream)`;
/// at most `max_length` bytes of output when it is not negative.
fn decompress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decompress", a, k, 0, 3, 3)?;
    let max = index_of(vm, a[2], "max_length")?;
    let Some(input) = buffer_bytes(a[1]) else {
        return Err(vm.type_error("a bytes-like object is required"));
    };
    let Bz2Decomp(d) = state(vm, a[0])?;
    let limit = usize::try_from(max).ok();
    let mut out: Vec<u8> = Vec::new();
    let mut used = 0usize;
    let mut eof = false;
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        let room = match limit {
            Some(m) => (m - out.len()).min(buf.len()),
            None => buf.len(),
        };
        let (in0, out0) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[used..], &mut buf[..room]);
        let got = (d.total_out() - out0) as usize;
        used += (d.total_in() - in0) as usize;
        out.extend_from_slice(&buf[..got]);
        match r {
            Ok(Status::StreamEnd) => {
                eof = true;
                break;
            }
            Ok(Status::MemNeeded) => return Err(vm.err("MemoryError", "")),
            Ok(_) if used == input.len() => break,
            Ok(_) if limit == Some(out.len()) => break,
            Ok(_) if got == 0 && d.total_in() == in0 => break,
            Ok(_) => {}
            Err(e) => return Err(bz2_error(vm, e)),
        }
    }
    let items = vec![
        vm.new_bytes(out),
        vm.new_int(used as i64),
        if eof { vm.true_ } else { vm.false_ },
    ];
    Ok(vm.new_tuple(items))
}
