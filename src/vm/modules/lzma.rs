//! `_lzma` over liblzma (the sys layer's safe wrapper, `crate::sys::lzma`), linked to the
//! system's liblzma as CPython's `_lzma` is, so compressed bytes are identical to CPython's:
//! LZMACompressor, LZMADecompressor, is_check_supported, the filter properties codec and the
//! constants. The classes are Python (the module's Python part, below: argument parsing and
//! filter specifiers with `Modules/_lzmamodule.c`'s messages) over native stream states; the
//! functions here run liblzma's loops as `_lzmamodule.c` does, with its output buffer's block
//! sizes, so `needs_input`, `unused_data` and `max_length` behave alike.

use crate::sys::lzma::{self as lz, Action, Decoded, Filter, LzmaOptions, Ret, Stream};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// LZMA_CHECK_UNKNOWN (LZMA_CHECK_ID_MAX + 1): a decoder's check before the header is read.
const CHECK_UNKNOWN: u32 = 16;

/// A decompression stream with `_lzmamodule.c`'s Decompressor state.
struct Decomp {
    s: Stream,
    /// Input left over by a call that stopped at `max_length` (CPython's input_buffer).
    pending: Vec<u8>,
    eof: bool,
    needs_input: bool,
    unused: Vec<u8>,
    check: u32,
}

enum LzState {
    Comp(Stream),
    Decomp(Decomp),
}

/// The `_st` of an LZMACompressor or LZMADecompressor.
pub struct LzStream(LzState);

impl NativeObject for LzStream {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        // liblzma's dictionary and match finder: about 94 MB compressing at preset 6.
        let s = match &self.0 {
            LzState::Comp(s) => s,
            LzState::Decomp(d) => &d.s,
        };
        s.memusage() as usize
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_preset", preset),
        ("_encoder", encoder),
        ("_decoder", decoder),
        ("_compress", compress),
        ("_decompress", decompress),
        ("_dinfo", dinfo),
        ("_check_supported", check_supported),
        ("_encode_props", encode_props),
        ("_decode_props", decode_props),
    ];
    let inner = super::native_with_python(vm, "_lzma", fns, LZMA_SRC)?;
    vm.roots.push(inner);
    let m = super::public_part(
        vm,
        inner,
        &["_encode_filter_properties", "_decode_filter_properties"],
    );
    vm.roots.pop();
    m
}

const LZMA_SRC: &str = r#"
__doc__ = None
FORMAT_AUTO = 0
FORMAT_XZ = 1
FORMAT_ALONE = 2
FORMAT_RAW = 3
CHECK_NONE = 0
CHECK_CRC32 = 1
CHECK_CRC64 = 4
CHECK_SHA256 = 10
CHECK_ID_MAX = 15
CHECK_UNKNOWN = 16
FILTER_LZMA1 = 0x4000000000000001
FILTER_LZMA2 = 0x21
FILTER_DELTA = 0x03
FILTER_X86 = 0x04
FILTER_IA64 = 0x06
FILTER_ARM = 0x07
FILTER_ARMTHUMB = 0x08
FILTER_SPARC = 0x09
FILTER_POWERPC = 0x05
MF_HC3 = 0x03
MF_HC4 = 0x04
MF_BT2 = 0x12
MF_BT3 = 0x13
MF_BT4 = 0x14
MODE_FAST = 1
MODE_NORMAL = 2
PRESET_DEFAULT = 6
PRESET_EXTREME = 0x80000000


class LZMAError(Exception):
    """Call to liblzma failed."""
    __module__ = '_lzma'


_MISSING = object()


def _args(name, names, required, args, kwargs):
    """The arguments of a C function taking `names` (getargs' and Argument Clinic's checks)."""
    given = len(args) + len(kwargs)
    if given > len(names):
        raise TypeError('%s() takes at most %d argument%s (%d given)'
                        % (name, len(names), '' if len(names) == 1 else 's', given))
    vals = list(args) + [_MISSING] * (len(names) - len(args))
    for k in kwargs:
        if k in names:
            i = names.index(k)
            if i < len(args):
                raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                % (name, k, i + 1))
            vals[i] = kwargs[k]
    for k in kwargs:
        if k not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (k, name))
    for i in range(required):
        if vals[i] is _MISSING:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (name, names[i], i + 1))
    return vals


def _exactly_one(name, args):
    if len(args) != 1:
        raise TypeError('%s() takes exactly one argument (%d given)' % (name, len(args)))
    return args[0]


def _buffer(data):
    try:
        return memoryview(data)
    except TypeError:
        pass
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _index(x):
    if isinstance(x, float) or not hasattr(type(x), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    return type(x).__index__(x)


def _cint(x, big=None):
    """A C int argument: getargs' 'i' (big is None) or Argument Clinic's int."""
    x = _index(x)
    if x > 0x7fffffff:
        raise OverflowError(big or 'signed integer is greater than maximum')
    if x < -0x80000000:
        raise OverflowError(big or 'signed integer is less than minimum')
    return x


def _ssize(x):
    x = _index(x)
    if not -(1 << 63) <= x < 1 << 63:
        raise OverflowError('Python int too large to convert to C ssize_t')
    return x


def _u64(x):
    """PyLong_AsUnsignedLongLong."""
    if not isinstance(x, int):
        raise TypeError('an integer is required')
    if x < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if x >> 64:
        raise OverflowError('int too big to convert')
    return int(x)


def _u32(x):
    x = _u64(x)
    if x >> 32:
        raise OverflowError('Value too large for uint32_t type')
    return x


def _s64(x):
    """A uint64 as the int64 with its bits, as the native functions take it."""
    return x - (1 << 64) if x >> 63 else x


def _item(spec, key):
    """spec[key], or _MISSING for a KeyError (PyMapping_GetItemString)."""
    try:
        return spec[key]
    except KeyError:
        pass
    return _MISSING


def _options(spec, names, what):
    """The uint32 options of a filter specifier (PyArg_ParseTupleAndKeywords over it: any
    failure is a ValueError)."""
    out = {}
    ok = isinstance(spec, dict)
    if ok:
        for k in dict.keys(spec):
            if not isinstance(k, str) or k not in names:
                ok = False
                break
            if k == 'id' or k == 'preset':
                continue
            v = dict.__getitem__(spec, k)
            if not isinstance(v, int) or not 0 <= v < 1 << 32:
                ok = False
                break
            out[k] = int(v)
    if not ok:
        raise ValueError('Invalid filter specifier for %s filter' % what)
    return out


_LZMA_OPTS = ('dict_size', 'lc', 'lp', 'pb', 'mode', 'nice_len', 'mf', 'depth')


def _filter(spec):
    """A filter specifier (a dict) as the tuple the native functions take."""
    if not hasattr(type(spec), '__getitem__'):
        raise TypeError('Filter specifier must be a dict or dict-like object')
    fid = _item(spec, 'id')
    if fid is _MISSING:
        raise ValueError('Filter specifier must have an "id" entry')
    fid = _u64(fid)
    if fid == FILTER_LZMA1 or fid == FILTER_LZMA2:
        preset = _item(spec, 'preset')
        preset = PRESET_DEFAULT if preset is _MISSING else _u32(preset)
        base = _preset(preset)
        if base is None:
            raise LZMAError('Invalid compression preset: %d' % preset)
        opts = _options(spec, ('id', 'preset') + _LZMA_OPTS, 'LZMA')
        return (fid,) + tuple(opts.get(k, v) for k, v in zip(_LZMA_OPTS, base))
    if fid == FILTER_DELTA:
        return (fid, _options(spec, ('id', 'dist'), 'delta').get('dist', 1))
    if FILTER_X86 <= fid <= FILTER_SPARC:
        return (fid, _options(spec, ('id', 'start_offset'), 'BCJ').get('start_offset', 0))
    raise ValueError('Invalid filter ID: %d' % fid)


def _chain(specs):
    if isinstance(specs, dict):
        raise TypeError('%s is not a sequence' % type(specs).__name__)
    n = len(specs)
    if n > 4:
        raise ValueError('Too many filters - liblzma supports a maximum of 4')
    return [_filter(specs[i]) for i in range(n)]


def _unpicklable(name):
    def __reduce_ex__(self, protocol=None, /):
        raise TypeError("cannot pickle '%s' object" % name)
    return __reduce_ex__


def _readonly(self, value=None):
    raise AttributeError('readonly attribute')


class LZMACompressor:
    """LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)

Create a compressor object for compressing data incrementally.

format specifies the container format to use for the output. This can
be FORMAT_XZ (default), FORMAT_ALONE, or FORMAT_RAW.

check specifies the integrity check to use. For FORMAT_XZ, the default
is CHECK_CRC64. FORMAT_ALONE and FORMAT_RAW do not support integrity
checks; for these formats, check must be omitted, or be CHECK_NONE.

The settings used by the compressor can be specified either as a
preset compression level (with the 'preset' argument), or in detail
as a custom filter chain (with the 'filters' argument). For FORMAT_XZ
and FORMAT_ALONE, the default is to use the PRESET_DEFAULT preset
level. For FORMAT_RAW, the caller must always specify a filter chain;
the raw compressor does not support preset compression levels.

preset (if provided) should be an integer in the range 0-9, optionally
OR-ed with the constant PRESET_EXTREME.

filters (if provided) should be a sequence of dicts. Each dict should
have an entry for "id" indicating the ID of the filter, plus
additional entries for options to the filter.

For one-shot compression, use the compress() function instead.
"""

    __module__ = '_lzma'
    __slots__ = ('_st', '_flushed')

    def __new__(cls, *args, **kwargs):
        format, check, preset, filters = _args(
            'LZMACompressor', ('format', 'check', 'preset', 'filters'), 0, args, kwargs)
        format = FORMAT_XZ if format is _MISSING else _cint(format)
        check = -1 if check is _MISSING else _cint(check)
        preset = None if preset is _MISSING else preset
        filters = None if filters is _MISSING else filters
        if format != FORMAT_XZ and check != -1 and check != CHECK_NONE:
            raise ValueError('Integrity checks are only supported by FORMAT_XZ')
        if preset is not None and filters is not None:
            raise ValueError('Cannot specify both preset and filter chain')
        preset = PRESET_DEFAULT if preset is None else _u32(preset)
        if format == FORMAT_XZ:
            if check == -1:
                check = CHECK_CRC64
            st = _encoder(0, check, preset, None if filters is None else _chain(filters))
        elif format == FORMAT_ALONE:
            chain = None
            if filters is not None:
                chain = _chain(filters)
                if len(chain) != 1 or chain[0][0] != FILTER_LZMA1:
                    raise ValueError('Invalid filter chain for FORMAT_ALONE - '
                                     'must be a single LZMA1 filter')
            st = _encoder(1, 0, preset, chain)
        elif format == FORMAT_RAW:
            if filters is None:
                raise ValueError('Must specify filters for FORMAT_RAW')
            st = _encoder(2, 0, 0, _chain(filters))
        else:
            raise ValueError('Invalid container format: %d' % format)
        self = object.__new__(cls)
        self._st = st
        self._flushed = False
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_lzma.LZMACompressor' is not an acceptable base type")

    def compress(self, *args):
        """Provide data to the compressor object.

Returns a chunk of compressed data if possible, or b'' otherwise.

When you have finished providing data to the compressor, call the
flush() method to finish the compression process."""
        data = _buffer(_exactly_one('LZMACompressor.compress', args))
        if self._flushed:
            raise ValueError('Compressor has been flushed')
        return _compress(self._st, data, False)

    def flush(self, *args):
        """Finish the compression process.

Returns the compressed data left in internal buffers.

The compressor object may not be used after this method is called."""
        if args:
            raise TypeError('LZMACompressor.flush() takes no arguments (%d given)' % len(args))
        if self._flushed:
            raise ValueError('Repeated call to flush()')
        self._flushed = True
        return _compress(self._st, b'', True)

    __reduce__ = __reduce_ex__ = _unpicklable('_lzma.LZMACompressor')


class LZMADecompressor:
    """Create a decompressor object for decompressing data incrementally.

  format
    Specifies the container format of the input stream.  If this is
    FORMAT_AUTO (the default), the decompressor will automatically detect
    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with
    FORMAT_RAW cannot be autodetected.
  memlimit
    Limit the amount of memory used by the decompressor.  This will cause
    decompression to fail if the input cannot be decompressed within the
    given limit.
  filters
    A custom filter chain.  This argument is required for FORMAT_RAW, and
    not accepted with any other format.  When provided, this should be a
    sequence of dicts, each indicating the ID and options for a single
    filter.

For one-shot decompression, use the decompress() function instead."""

    __module__ = '_lzma'
    __slots__ = ('_st',)

    def __new__(cls, *args, **kwargs):
        format, memlimit, filters = _args(
            'LZMADecompressor', ('format', 'memlimit', 'filters'), 0, args, kwargs)
        format = (FORMAT_AUTO if format is _MISSING
                  else _cint(format, 'Python int too large to convert to C int'))
        memlimit = None if memlimit is _MISSING else memlimit
        filters = None if filters is _MISSING else filters
        limit = (1 << 64) - 1
        if memlimit is not None:
            if format == FORMAT_RAW:
                raise ValueError('Cannot specify memory limit with FORMAT_RAW')
            limit = _u64(memlimit)
        if format == FORMAT_RAW and filters is None:
            raise ValueError('Must specify filters for FORMAT_RAW')
        elif format != FORMAT_RAW and filters is not None:
            raise ValueError('Cannot specify filters except with FORMAT_RAW')
        if format == FORMAT_RAW:
            st = _decoder(format, 0, _chain(filters))
        elif FORMAT_AUTO <= format <= FORMAT_ALONE:
            st = _decoder(format, _s64(limit), None)
        else:
            raise ValueError('Invalid container format: %d' % format)
        self = object.__new__(cls)
        self._st = st
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_lzma.LZMADecompressor' is not an acceptable base type")

    def decompress(self, *args, **kwargs):
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
        data, max_length = _args('decompress', ('data', 'max_length'), 1, args, kwargs)
        data = _buffer(data)
        max_length = -1 if max_length is _MISSING else _ssize(max_length)
        return _decompress(self._st, data, max_length)

    check = property(lambda self: _dinfo(self._st)[3], _readonly, _readonly,
                     'ID of the integrity check used by the input stream.')
    eof = property(lambda self: _dinfo(self._st)[0], _readonly, _readonly,
                   'True if the end-of-stream marker has been reached.')
    needs_input = property(lambda self: _dinfo(self._st)[1], _readonly, _readonly,
                           'True if more input is needed before more decompressed data '
                           'can be produced.')
    unused_data = property(lambda self: _dinfo(self._st)[2], _readonly, _readonly,
                           'Data found after the end of the compressed stream.')

    __reduce__ = __reduce_ex__ = _unpicklable('_lzma.LZMADecompressor')


def is_check_supported(*args):
    """Test whether the given integrity check is supported.

Always returns True for CHECK_NONE and CHECK_CRC32."""
    check_id = _exactly_one('_lzma.is_check_supported', args)
    return _check_supported(_cint(check_id, 'Python int too large to convert to C int'))


def _encode_filter_properties(*args):
    """Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).

The result does not include the filter ID itself, only the options."""
    spec = _exactly_one('_lzma._encode_filter_properties', args)
    return _encode_props(_filter(spec))


def _decode_filter_properties(*args):
    """Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).

The result does not include the filter ID itself, only the options."""
    if len(args) != 2:
        raise TypeError('_decode_filter_properties expected 2 arguments, got %d' % len(args))
    fid = _u64(args[0])
    t = _decode_props(_s64(fid), _buffer(args[1]))
    if fid == FILTER_LZMA1:
        return {'id': fid, 'lc': t[1], 'lp': t[2], 'pb': t[3], 'dict_size': t[0]}
    if fid == FILTER_LZMA2:
        return {'id': fid, 'dict_size': t[0]}
    if fid == FILTER_DELTA:
        return {'id': fid, 'dist': t[0]}
    if FILTER_X86 <= fid <= FILTER_SPARC:
        return {'id': fid, 'start_offset': t[0]}
    raise ValueError('Invalid filter ID: %d' % fid)
"#;

/// The exception `_lzmamodule.c`'s `catch_lzma_error` raises for a liblzma error code.
fn lzma_error(vm: &mut Vm, r: Ret) -> Value {
    let msg = match r {
        lz::UNSUPPORTED_CHECK => "Unsupported integrity check",
        lz::MEM_ERROR => {
            let ty = vm.t.exc("MemoryError");
            let args = vm.new_tuple(Vec::new());
            return vm.new_exception_args(ty, args);
        }
        lz::MEMLIMIT_ERROR => "Memory usage limit exceeded",
        lz::FORMAT_ERROR => "Input format not supported by decoder",
        lz::OPTIONS_ERROR => "Invalid or unsupported options",
        lz::DATA_ERROR => "Corrupt input data",
        lz::BUF_ERROR => "Insufficient buffer space",
        lz::PROG_ERROR => "Internal error",
        _ => return raise_lzma(vm, format!("Unrecognized error from liblzma: {r}")),
    };
    raise_lzma(vm, msg.to_string())
}

fn raise_lzma(vm: &mut Vm, msg: String) -> Value {
    super::module_error(vm, "_lzma", "LZMAError", msg)
}

/// Whether a liblzma return code is a success (catch_lzma_error returns 0).
fn is_ok(r: Ret) -> bool {
    matches!(r, lz::OK | lz::GET_CHECK | lz::NO_CHECK | lz::STREAM_END)
}

fn int_u32(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let i = index_of(vm, v, "option")?;
    u32::try_from(i).map_err(|_| vm.value_error("option out of range"))
}

/// A filter as `_filter` in the Python part builds it: (id, dict_size, lc, lp, pb, mode,
/// nice_len, mf, depth) for LZMA1/LZMA2, (id, dist) for delta, (id, start_offset) for BCJ.
fn filter_of(vm: &mut Vm, v: Value) -> PyResult<Filter> {
    let items = as_tuple(v).map(|t| t.to_vec()).unwrap_or_default();
    if items.is_empty() {
        return Err(vm.type_error("not a filter"));
    }
    let id = index_of(vm, items[0], "filter")? as u64;
    let mut n = Vec::with_capacity(items.len() - 1);
    for &x in &items[1..] {
        n.push(int_u32(vm, x)?);
    }
    let f = match (id, n.as_slice()) {
        (
            lz::FILTER_LZMA1 | lz::FILTER_LZMA2,
            &[dict_size, lc, lp, pb, mode, nice_len, mf, depth],
        ) => {
            let o = LzmaOptions {
                dict_size,
                lc,
                lp,
                pb,
                mode,
                nice_len,
                mf,
                depth,
            };
            if id == lz::FILTER_LZMA1 {
                Filter::Lzma1(o)
            } else {
                Filter::Lzma2(o)
            }
        }
        (lz::FILTER_DELTA, &[dist]) => Filter::Delta(dist),
        (id, &[start]) if lz::FILTERS_BCJ.contains(&id) => Filter::Bcj(id, start),
        _ => return Err(vm.value_error(format!("Invalid filter ID: {id}"))),
    };
    Ok(f)
}

fn chain_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Filter>> {
    let Some(items) = as_list(v).map(|l| l.to_vec()) else {
        return Err(vm.type_error("not a filter chain"));
    };
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        out.push(filter_of(vm, x)?);
    }
    Ok(out)
}

fn alloc(vm: &mut Vm, s: LzState) -> Value {
    let ty = vm.t.lzma_state;
    vm.heap.alloc(ty, Box::new(LzStream(s)) as NativeData)
}

fn state<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut LzState> {
    match as_native::<LzStream>(v) {
        Some(s) => Ok(&mut s.0),
        None => Err(vm.type_error("not an lzma stream")),
    }
}

/// `_preset(preset)`: the LZMA options of a preset as (dict_size, lc, lp, pb, mode, nice_len,
/// mf, depth), None for an invalid preset.
fn preset(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_preset", a, k, 0, 1, 1)?;
    let p = int_u32(vm, a[0])?;
    let Some(o) = lz::lzma_preset(p) else {
        return Ok(vm.none);
    };
    let items = [
        o.dict_size,
        o.lc,
        o.lp,
        o.pb,
        o.mode,
        o.nice_len,
        o.mf,
        o.depth,
    ]
    .iter()
    .map(|&x| vm.new_int(x as i64))
    .collect();
    Ok(vm.new_tuple(items))
}

/// `_encoder(kind, check, preset, chain)`: an .xz (kind 0), .lzma (1) or raw (2) encoder of
/// a preset or (when `chain` is a list) a filter chain; the caller has checked the arguments
/// as `Compressor_new` does.
fn encoder(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_encoder", a, k, 0, 4, 4)?;
    let kind = index_of(vm, a[0], "kind")?;
    // A C int passed on as lzma_check: -2 becomes an ID liblzma refuses.
    let check = index_of(vm, a[1], "check")? as u32;
    let preset = int_u32(vm, a[2])?;
    let chain = if a[3] == vm.none {
        None
    } else {
        Some(chain_of(vm, a[3])?)
    };
    let r = match (kind, chain) {
        (0, None) => Stream::easy_encoder(preset, check),
        (0, Some(c)) => Stream::stream_encoder(&c, check),
        (1, None) => match lz::lzma_preset(preset) {
            Some(o) => Stream::alone_encoder(o),
            None => {
                return Err(raise_lzma(
                    vm,
                    format!("Invalid compression preset: {preset}"),
                ))
            }
        },
        (1, Some(c)) => match c.as_slice() {
            [Filter::Lzma1(o)] => Stream::alone_encoder(*o),
            _ => Err(lz::PROG_ERROR),
        },
        (_, c) => Stream::raw_encoder(&c.unwrap_or_default()),
    };
    match r {
        Ok(s) => Ok(alloc(vm, LzState::Comp(s))),
        Err(e) => Err(lzma_error(vm, e)),
    }
}

/// `_decoder(format, memlimit, chain)`: a decoder of FORMAT_AUTO (0), FORMAT_XZ (1),
/// FORMAT_ALONE (2) with a memory limit (a uint64 in an int64's bits), or FORMAT_RAW (3) of a
/// filter chain.
fn decoder(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decoder", a, k, 0, 3, 3)?;
    let format = index_of(vm, a[0], "format")?;
    let memlimit = index_of(vm, a[1], "memlimit")? as u64;
    // LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK, as _lzmamodule.c asks.
    let flags = 0x04 | 0x01;
    let (r, check) = match format {
        0 => (Stream::auto_decoder(memlimit, flags), CHECK_UNKNOWN),
        1 => (Stream::stream_decoder(memlimit, flags), CHECK_UNKNOWN),
        2 => (Stream::alone_decoder(memlimit), 0),
        _ => {
            let c = chain_of(vm, a[2])?;
            (Stream::raw_decoder(&c), 0)
        }
    };
    match r {
        Ok(s) => Ok(alloc(
            vm,
            LzState::Decomp(Decomp {
                s,
                pending: Vec::new(),
                eof: false,
                needs_input: true,
                unused: Vec::new(),
                check,
            }),
        )),
        Err(e) => Err(lzma_error(vm, e)),
    }
}

/// The block sizes of CPython's `_BlocksOutputBuffer` (pycore_blocks_output_buffer.h).
const BLOCKS: [usize; 17] = {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    [
        32 * KB,
        64 * KB,
        256 * KB,
        MB,
        4 * MB,
        8 * MB,
        16 * MB,
        16 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        64 * MB,
        64 * MB,
        128 * MB,
        128 * MB,
        256 * MB,
    ]
};

/// An output buffer that grows by `BLOCKS` as CPython's does, up to `max` bytes when given.
struct OutBuf {
    buf: Vec<u8>,
    /// Bytes written; `buf.len() - filled` is liblzma's avail_out.
    filled: usize,
    blocks: usize,
    max: Option<usize>,
}

impl OutBuf {
    fn new(max: Option<usize>) -> Self {
        let first = max.map_or(BLOCKS[0], |m| m.min(BLOCKS[0]));
        OutBuf {
            buf: vec![0; first],
            filled: 0,
            blocks: 1,
            max,
        }
    }

    fn avail(&self) -> usize {
        self.buf.len() - self.filled
    }

    fn grow(&mut self) {
        let mut size = BLOCKS[self.blocks.min(BLOCKS.len() - 1)];
        if let Some(m) = self.max {
            size = size.min(m - self.buf.len());
        }
        self.blocks += 1;
        self.buf.resize(self.buf.len() + size, 0);
    }

    fn finish(mut self) -> Vec<u8> {
        self.buf.truncate(self.filled);
        self.buf
    }
}

/// `_compress(st, data, finish)`: the output of feeding `data` (LZMA_RUN), or of finishing
/// the stream (LZMA_FINISH) when `finish` is true.
fn compress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_compress", a, k, 0, 3, 3)?;
    let finish = a[2] == vm.true_;
    let input = super::bytes_arg(vm, a[1])?;
    let LzState::Comp(s) = state(vm, a[0])? else {
        return Err(vm.type_error("not a compression stream"));
    };
    let action = if finish { Action::Finish } else { Action::Run };
    let mut out = OutBuf::new(None);
    let mut pos = 0;
    loop {
        let filled = out.filled;
        let (mut r, used, wrote) = s.code(&input[pos..], &mut out.buf[filled..], action);
        pos += used;
        out.filled += wrote;
        if r == lz::BUF_ERROR && input.is_empty() && out.avail() > 0 {
            r = lz::OK; // That wasn't a real error.
        }
        if !is_ok(r) {
            return Err(lzma_error(vm, r));
        }
        if (action == Action::Run && pos == input.len())
            || (action == Action::Finish && r == lz::STREAM_END)
        {
            break;
        } else if out.avail() == 0 {
            out.grow();
        }
    }
    Ok(vm.new_bytes(out.finish()))
}

/// `_decompress(st, data, max_length)`: `_lzmamodule.c`'s decompress() and decompress_buf():
/// the output (at most `max_length` bytes when it is not negative), keeping unconsumed input
/// for the next call.
fn decompress(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decompress", a, k, 0, 3, 3)?;
    let max = index_of(vm, a[2], "max_length")?;
    let data = super::bytes_arg(vm, a[1])?;
    let LzState::Decomp(d) = state(vm, a[0])? else {
        return Err(vm.type_error("not a decompression stream"));
    };
    if d.eof {
        return Err(vm.err("EOFError", "Already at end of stream"));
    }
    let joined;
    let input: &[u8] = if d.pending.is_empty() {
        data
    } else {
        let mut v = std::mem::take(&mut d.pending);
        v.extend_from_slice(data);
        joined = v;
        &joined
    };
    let max = usize::try_from(max).ok();
    let mut out = OutBuf::new(max);
    let mut pos = 0;
    loop {
        let filled = out.filled;
        let (mut r, used, wrote) = d.s.code(&input[pos..], &mut out.buf[filled..], Action::Run);
        pos += used;
        out.filled += wrote;
        if r == lz::BUF_ERROR && pos == input.len() && out.avail() > 0 {
            r = lz::OK; // That wasn't a real error.
        }
        if !is_ok(r) {
            // The unconsumed input is dropped, as CPython's next_in = NULL does.
            return Err(lzma_error(vm, r));
        }
        if r == lz::GET_CHECK || r == lz::NO_CHECK {
            d.check = d.s.check();
        }
        if r == lz::STREAM_END {
            d.eof = true;
            break;
        } else if out.avail() == 0 {
            if Some(out.filled) == max {
                break;
            }
            out.grow();
        } else if pos == input.len() {
            break;
        }
    }
    let rest = &input[pos..];
    if d.eof {
        d.needs_input = false;
        if !rest.is_empty() {
            d.unused = rest.to_vec();
        }
    } else if rest.is_empty() {
        // Output that filled the buffer to max_length may have more behind it.
        d.needs_input = out.avail() != 0;
    } else {
        d.needs_input = false;
        d.pending = rest.to_vec();
    }
    Ok(vm.new_bytes(out.finish()))
}

/// `_dinfo(st)`: a decompressor's (eof, needs_input, unused_data, check).
fn dinfo(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_dinfo", a, k, 0, 1, 1)?;
    let LzState::Decomp(d) = state(vm, a[0])? else {
        return Err(vm.type_error("not a decompression stream"));
    };
    let (eof, needs_input, check) = (d.eof, d.needs_input, d.check);
    let unused = d.unused.clone();
    let items = vec![
        if eof { vm.true_ } else { vm.false_ },
        if needs_input { vm.true_ } else { vm.false_ },
        vm.new_bytes(unused),
        vm.new_int(check as i64),
    ];
    Ok(vm.new_tuple(items))
}

/// `_check_supported(check_id)`: lzma_check_is_supported of a C int (as lzma_check).
fn check_supported(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_check_supported", a, k, 0, 1, 1)?;
    let id = index_of(vm, a[0], "check_id")? as u32;
    Ok(if lz::check_is_supported(id) {
        vm.true_
    } else {
        vm.false_
    })
}

/// `_encode_props(filter)`: the encoded properties of a filter tuple.
fn encode_props(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_encode_props", a, k, 0, 1, 1)?;
    let f = filter_of(vm, a[0])?;
    match lz::properties_encode(f) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(e) => Err(lzma_error(vm, e)),
    }
}

/// `_decode_props(filter_id, props)`: the decoded options, (dict_size, lc, lp, pb) for LZMA1,
/// (dict_size,) for LZMA2, (dist,) for delta, (start_offset,) for BCJ, () for another ID.
fn decode_props(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_decode_props", a, k, 0, 2, 2)?;
    let id = index_of(vm, a[0], "filter_id")? as u64;
    let props = super::bytes_arg(vm, a[1])?;
    let vals: Vec<u32> = match lz::properties_decode(id, props) {
        Ok(Decoded::Known(Filter::Lzma1(o))) => vec![o.dict_size, o.lc, o.lp, o.pb],
        Ok(Decoded::Known(Filter::Lzma2(o))) => vec![o.dict_size],
        Ok(Decoded::Known(Filter::Delta(dist))) => vec![dist],
        Ok(Decoded::Known(Filter::Bcj(_, start))) => vec![start],
        Ok(Decoded::Other(_)) => Vec::new(),
        Err(e) => return Err(lzma_error(vm, e)),
    };
    let items = vals.iter().map(|&x| vm.new_int(x as i64)).collect();
    Ok(vm.new_tuple(items))
}
