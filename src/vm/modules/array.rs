//! `array`: typed arrays of numbers (CPython's arraymodule.c, written anew). The items live in
//! a native `ArrayData` (a typecode and the raw machine-order bytes); the Rust functions here
//! convert items with CPython's range checks and messages and do the bulk work (slices,
//! repetition, bytes, byteswap). The `array.array` class itself is the module's Python part:
//! it keeps its storage in `_d` and forwards each operation to these functions.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{float_of, index_value, IntVal};
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// An array's storage: `code` is the typecode, `buf` holds `len * itemsize` bytes.
pub struct ArrayData {
    code: u8,
    buf: Vec<u8>,
}

impl NativeObject for ArrayData {
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn heap_bytes(&self) -> usize {
        self.buf.capacity()
    }
}

const TYPECODES: &str = "bBuhHiIlLqQfd";

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// The storage of an `array.array` instance (its `_d` slot): the buffer `memoryview` and the
/// bytes-like consumers read and write.
pub fn storage<'a>(v: Value) -> Option<&'a mut ArrayData> {
    if !v.is_ptr() || layout_of(v) != Layout::Instance {
        return None;
    }
    as_native::<ArrayData>(crate::vm::types::instance::slot_by_text(v, "_d")?)
}

impl ArrayData {
    /// The items' raw machine-order bytes.
    pub fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }
    /// The buffer format of the items: the typecode ('w' for 'u', as CPython's array gives).
    pub fn format(&self) -> char {
        if self.code == b'u' {
            'w'
        } else {
            self.code as char
        }
    }
    fn len(&self) -> usize {
        self.buf.len() / itemsize(self.code)
    }
    fn item(&self, i: usize) -> &[u8] {
        let n = itemsize(self.code);
        &self.buf[i * n..(i + 1) * n]
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("array");
    vm.roots.push(m);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_new", new_data),
        ("_len", len),
        ("_itemsize", item_size),
        ("_get", get),
        ("_set", set),
        ("_append", append),
        ("_insert", insert),
        ("_pop", pop),
        ("_get_slice", get_slice),
        ("_set_slice", set_slice),
        ("_del_slice", del_slice),
        ("_tobytes", tobytes),
        ("_frombytes", frombytes),
        ("_tolist", tolist),
        ("_byteswap", byteswap),
        ("_reverse", reverse),
        ("_repeat", repeat),
        ("_concat", concat),
        ("_tounicode", tounicode),
        ("_fromunicode", fromunicode),
        ("_typecode_of", typecode_of),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    let tc = vm.new_str(TYPECODES);
    set_attr(vm, m, "typecodes", tc);
    let d = as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, ARRAY_SRC.as_bytes(), "<frozen array>", d);
    vm.roots.pop();
    r?;
    Ok(m)
}

const ARRAY_SRC: &str = r#"
_list = list
_NOARG = object()

class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
a bytes-like object, or iterable over elements of the appropriate type."""
    __module__ = 'array'
    __hash__ = None
    # No instance dict, as CPython's array (a subclass with __slots__ has none either).
    __slots__ = ('_d', '__weakref__')

    def __new__(cls, typecode, initializer=_NOARG, /, **kwargs):
        if kwargs and cls is array:
            raise TypeError('array.array() takes no keyword arguments')
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        self = object.__new__(cls)
        self._d = _new(typecode)
        if initializer is _NOARG:
            return self
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r'
                                % typecode)
            _fromunicode(self._d, initializer)
        elif isinstance(initializer, array):
            if initializer.typecode == 'u' and typecode != 'u':
                raise TypeError('cannot use a unicode array to initialize an array with '
                                'typecode %r' % typecode)
            for x in initializer.tolist():
                _append(self._d, x)
        elif isinstance(initializer, (bytes, bytearray)):
            _frombytes(self._d, initializer)
        else:
            for x in initializer:
                _append(self._d, x)
        return self

    @property
    def typecode(self):
        return _typecode_of(self._d)

    @property
    def itemsize(self):
        return _itemsize(self._d)

    def __len__(self):
        return _len(self._d)

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = object.__new__(array)
            r._d = _get_slice(self._d, *i.indices(_len(self._d)))
            return r
        return _get(self._d, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v.typecode != self.typecode:
                raise TypeError('bad argument type for built-in operation')
            _set_slice(self._d, *i.indices(_len(self._d)), v._d)
        else:
            _set(self._d, i, v)

    def __delitem__(self, i):
        if isinstance(i, slice):
            _del_slice(self._d, *i.indices(_len(self._d)))
        else:
            _pop(self._d, i, 'array assignment index out of range')

    def __iter__(self):
        return arrayiterator(self)

    def __contains__(self, v):
        for x in self:
            if x is v or x == v:
                return True
        return False

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        r = object.__new__(array)
        r._d = _concat(self._d, other._d)
        return r

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        r = object.__new__(array)
        r._d = _repeat(self._d, n)
        return r

    __rmul__ = __mul__

    def __imul__(self, n):
        if not hasattr(type(n), '__index__'):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % type(n).__name__)
        d = _repeat(self._d, n)
        _set_slice(self._d, 0, _len(self._d), 1, d)
        return self

    def _cmp_items(self, other):
        if not isinstance(other, array):
            return None
        return self.tolist(), other.tolist()

    def __eq__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp_items(other)
        return NotImplemented if p is None else p[0] >= p[1]

    def __repr__(self):
        tc, name = self.typecode, type(self).__name__
        if not _len(self._d):
            return '%s(%r)' % (name, tc)
        if tc == 'u':
            return '%s(%r, %r)' % (name, tc, self.tounicode())
        return '%s(%r, %r)' % (name, tc, self.tolist())

    def __bytes__(self):
        return _tobytes(self._d)

    def __copy__(self):
        return array(self.typecode, self)

    def __deepcopy__(self, memo):
        return array(self.typecode, self)

    def __reduce_ex__(self, protocol, /):
        """Return state information for pickling."""
        d = getattr(self, '__dict__', None)
        if protocol < 3:
            return (type(self), (self.typecode, self.tolist()), d)
        return (_array_reconstructor, (type(self), self.typecode,
                                       _TYPECODE_MFORMAT[self.typecode], self.tobytes()), d)

    def append(self, v, /):
        """Append new value v to the end of the array."""
        _append(self._d, v)

    def extend(self, iterable, /):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            _set_slice(self._d, _len(self._d), _len(self._d), 1, iterable._d)
            return
        for x in iterable:
            _append(self._d, x)

    def insert(self, i, v, /):
        """Insert a new item v into the array before position i."""
        _insert(self._d, i, v)

    def pop(self, i=-1, /):
        """Return the i-th element and delete it from the array. i defaults to -1."""
        return _pop(self._d, i, None)

    def remove(self, v, /):
        """Remove the first occurrence of v in the array."""
        for i, x in enumerate(self):
            if x is v or x == v:
                _pop(self._d, i, None)
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=None, /):
        """Return index of first occurrence of v in the array."""
        n = _len(self._d)
        start, stop, _ = slice(start, stop).indices(n)
        for i in range(start, stop):
            x = _get(self._d, i)
            if x is v or x == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v, /):
        """Return number of occurrences of v in the array."""
        return sum(1 for x in self if x is v or x == v)

    def reverse(self):
        """Reverse the order of the items in the array."""
        _reverse(self._d)

    def byteswap(self):
        """Byteswap all items of the array."""
        _byteswap(self._d)

    def buffer_info(self):
        """Return a tuple (address, length): cpjit has no stable buffer address, so 0."""
        return (0, _len(self._d))

    def tobytes(self):
        """Convert the array to an array of machine values and return the bytes representation."""
        return _tobytes(self._d)

    def frombytes(self, buffer, /):
        """Appends items from the bytes-like object, interpreting it as an array of machine values."""
        _frombytes(self._d, buffer)

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return _tolist(self._d)

    def fromlist(self, list, /):
        """Append items to array from list."""
        if not isinstance(list, _list):
            raise TypeError('arg must be list')
        n = _len(self._d)
        try:
            for x in list:
                _append(self._d, x)
        except BaseException:
            _del_slice(self._d, n, _len(self._d), 1)
            raise

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        return _tounicode(self._d)

    def fromunicode(self, ustr, /):
        """Extends this array with data from the unicode string ustr."""
        if not isinstance(ustr, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(ustr).__name__)
        _fromunicode(self._d, ustr)

    def fromfile(self, f, n, /):
        """Read n objects from the file object f and append them to the end of the array."""
        if n < 0:
            raise ValueError('negative count')
        size = _itemsize(self._d) * n
        b = f.read(size)
        if not isinstance(b, bytes):
            raise TypeError('read() didn\'t return bytes')
        k = len(b) - len(b) % _itemsize(self._d)
        _frombytes(self._d, b[:k])
        if len(b) != size:
            raise EOFError('read() didn\'t return enough bytes')

    def tofile(self, f, /):
        """Write all items (as machine values) to the file object f."""
        f.write(_tobytes(self._d))

ArrayType = array

class arrayiterator:
    # The array's items by index, its length read at each step; picklable as CPython's is
    # (the array and the position; an exhausted iterator as iter(())).
    __module__ = 'array'

    def __init__(self, a):
        self._a = a
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        a = self._a
        if a is not None:
            d = a._d
            i = self._i
            if i < _len(d):
                self._i = i + 1
                return _get(d, i)
            self._a = None
        raise StopIteration

    def __reduce__(self):
        if self._a is None:
            return (iter, ((),))
        return (iter, (self._a,), self._i)

    def __setstate__(self, state):
        i = state.__index__()
        n = _len(self._a._d) if self._a is not None else 0
        self._i = 0 if i < 0 else n if i > n else i


# Machine format codes (CPython's enum machine_format_code): the item layout of pickled arrays
# (protocol 3+), so an array pickled on one platform loads on another. This one's: x86-64,
# little-endian, wchar_t of 4 bytes.
# Each stands in for a type CPython writes in C: messages say 'array.array'.
import _cpjit
_cpjit.c_type(array)
_cpjit.c_type(arrayiterator)
del _cpjit

_TYPECODE_MFORMAT = {'B': 0, 'b': 1, 'H': 2, 'h': 4, 'I': 6, 'i': 8, 'L': 10, 'l': 12,
                     'Q': 10, 'q': 12, 'f': 14, 'd': 16, 'u': 20}
# code: (size, signed, big-endian) for the integer codes 0..13.
_INT_MFORMATS = {0: (1, False, False), 1: (1, True, False)}
for _i, (_size, _signed) in enumerate([(2, False), (2, True), (4, False), (4, True),
                                       (8, False), (8, True)]):
    _INT_MFORMATS[2 + 2 * _i] = (_size, _signed, False)
    _INT_MFORMATS[3 + 2 * _i] = (_size, _signed, True)
del _i, _size, _signed


def _array_reconstructor(arraytype, typecode, mformat_code, items, /):
    """Internal. Used for pickling support."""
    if not isinstance(arraytype, type):
        raise TypeError('first argument must be a type object, not %.200s'
                        % type(arraytype).__name__)
    if not issubclass(arraytype, array):
        raise TypeError('%.200s is not a subtype of array.array' % arraytype.__name__)
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError('array_reconstructor() argument 2 must be a unicode character, not %s'
                        % type(typecode).__name__)
    if typecode not in typecodes:
        raise ValueError('second argument must be a valid type code')
    if not hasattr(type(mformat_code), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(mformat_code).__name__)
    mformat_code = mformat_code.__index__()
    if not -1 <= mformat_code <= 21:
        raise ValueError('third argument must be a valid machine format code.')
    if not isinstance(items, bytes):
        raise TypeError('fourth argument should be bytes, not %.200s' % type(items).__name__)
    if mformat_code == _TYPECODE_MFORMAT[typecode] or mformat_code == -1:
        return array.__new__(arraytype, typecode, items)
    import struct
    if mformat_code in (14, 15, 16, 17):
        size, fmt = (4, 'f') if mformat_code < 16 else (8, 'd')
        order = '<' if mformat_code % 2 == 0 else '>'
        n = len(items) // size
        converted = list(struct.unpack('%s%d%s' % (order, n, fmt), items[:n * size]))
    elif mformat_code >= 18:
        size = 2 if mformat_code < 20 else 4
        order = 'little' if mformat_code % 2 == 0 else 'big'
        units = [int.from_bytes(items[i:i + size], order)
                 for i in range(0, len(items) - len(items) % size, size)]
        chars = []
        i = 0
        while i < len(units):
            u = units[i]
            # UTF-16: a high surrogate and a low one make one character.
            if (size == 2 and 0xD800 <= u < 0xDC00 and i + 1 < len(units)
                    and 0xDC00 <= units[i + 1] < 0xE000):
                u = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
                i += 1
            chars.append(chr(u))
            i += 1
        converted = ''.join(chars)
    else:
        size, signed, big = _INT_MFORMATS[mformat_code]
        for tc in typecodes:
            if tc in 'ufd':
                continue
            probe = array(tc)
            # The last one that fits, as CPython's search.
            if probe.itemsize == size and (tc.islower() == signed):
                typecode = tc
        order = 'big' if big else 'little'
        converted = [int.from_bytes(items[i:i + size], order, signed=signed)
                     for i in range(0, len(items) - len(items) % size, size)]
    return array.__new__(arraytype, typecode, converted)
"#;

fn data<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut ArrayData> {
    match as_native::<ArrayData>(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("array storage expected")),
    }
}

fn new_array(vm: &mut Vm, code: u8, buf: Vec<u8>) -> Value {
    let ty = vm.t.array_data;
    vm.heap
        .alloc(ty, Box::new(ArrayData { code, buf }) as NativeData)
}

fn new_data(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_new", args, kw, 0, 1, 1)?;
    let s = crate::vm::interp::str_of(args[0]).to_string();
    let code = match s.as_bytes() {
        [c] if TYPECODES.as_bytes().contains(c) => *c,
        _ => {
            return Err(
                vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
            )
        }
    };
    Ok(new_array(vm, code, Vec::new()))
}

fn typecode_of(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_typecode_of", args, kw, 0, 1, 1)?;
    let c = data(vm, args[0])?.code as char;
    Ok(vm.new_str(&c.to_string()))
}

fn len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_len", args, kw, 0, 1, 1)?;
    let n = data(vm, args[0])?.len();
    Ok(vm.new_int(n as i64))
}

fn item_size(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_itemsize", args, kw, 0, 1, 1)?;
    let n = itemsize(data(vm, args[0])?.code);
    Ok(vm.new_int(n as i64))
}

/// An OverflowError with `msg`.
fn overflow(vm: &mut Vm, msg: &str) -> Value {
    vm.err("OverflowError", msg)
}

/// The integer item `v` must be, with the checks (and messages) of CPython's setitem for
/// typecode `code`, as native-order bytes.
fn int_item(vm: &mut Vm, code: u8, v: Value) -> PyResult<Vec<u8>> {
    let Some(i) = index_value(vm, v)? else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let big = match &i {
        IntVal::Small(x) => BigInt::from(*x),
        IntVal::Big(b) => b.clone(),
    };
    // The C converter each typecode goes through first ('b' reads a short, 'H' an int, ...).
    let as_long = big.to_i64();
    let range = |vm: &mut Vm, lo: i64, hi: i64, name: &str| -> PyResult<i64> {
        let Some(x) = as_long else {
            return Err(overflow(vm, "Python int too large to convert to C long"));
        };
        if x < lo {
            return Err(overflow(vm, &format!("{name} is less than minimum")));
        }
        if x > hi {
            return Err(overflow(vm, &format!("{name} is greater than maximum")));
        }
        Ok(x)
    };
    let unsigned = |vm: &mut Vm, max: u64, name: &str, neg: &str, big_msg: &str| {
        if big.is_negative() {
            return Err(overflow(vm, neg));
        }
        let Some(x) = big.to_u64() else {
            return Err(overflow(vm, big_msg));
        };
        if x > max {
            return Err(overflow(vm, &format!("{name} is greater than maximum")));
        }
        Ok(x)
    };
    const UL: &str = "Python int too large to convert to C unsigned long";
    const NEG_U: &str = "can't convert negative value to unsigned int";
    Ok(match code {
        b'b' => {
            let x = range(vm, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            let x = range(vm, -128, 127, "signed char").map(|_| x)?;
            (x as i8).to_ne_bytes().to_vec()
        }
        b'B' => (range(vm, 0, 255, "unsigned byte integer")? as u8)
            .to_ne_bytes()
            .to_vec(),
        b'h' => (range(vm, i16::MIN as i64, i16::MAX as i64, "signed short integer")? as i16)
            .to_ne_bytes()
            .to_vec(),
        b'H' => {
            range(vm, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            (range(vm, 0, 65535, "unsigned short")? as u16)
                .to_ne_bytes()
                .to_vec()
        }
        b'i' => (range(vm, i32::MIN as i64, i32::MAX as i64, "signed integer")? as i32)
            .to_ne_bytes()
            .to_vec(),
        b'I' => (unsigned(vm, u32::MAX as u64, "unsigned int", NEG_U, UL)? as u32)
            .to_ne_bytes()
            .to_vec(),
        b'l' => range(vm, i64::MIN, i64::MAX, "signed long")?
            .to_ne_bytes()
            .to_vec(),
        b'L' => unsigned(vm, u64::MAX, "unsigned long", NEG_U, UL)?
            .to_ne_bytes()
            .to_vec(),
        b'q' => match big.to_i64() {
            Some(x) => x.to_ne_bytes().to_vec(),
            None => return Err(overflow(vm, "int too big to convert")),
        },
        _ => unsigned(
            vm,
            u64::MAX,
            "unsigned long long",
            "can't convert negative int to unsigned",
            "int too big to convert",
        )?
        .to_ne_bytes()
        .to_vec(),
    })
}

/// `v` as an item of an array of typecode `code` (native-order bytes).
fn to_item(vm: &mut Vm, code: u8, v: Value) -> PyResult<Vec<u8>> {
    match code {
        b'f' | b'd' => {
            let Some(x) = float_of(vm, v)? else {
                let f = match crate::vm::runtime::call::call_dunder(vm, v, "__float__", &[])? {
                    Some(r) if r.is_float() => r.as_f64(),
                    _ => {
                        let tn = vm.type_name(v);
                        return Err(vm.type_error(format!("must be real number, not {tn}")));
                    }
                };
                return Ok(if code == b'f' {
                    (f as f32).to_ne_bytes().to_vec()
                } else {
                    f.to_ne_bytes().to_vec()
                });
            };
            Ok(if code == b'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            })
        }
        b'u' => {
            let s = as_str(v).map(|s| s.s.to_string());
            match s.as_deref().map(|s| {
                let mut c = s.chars();
                (c.next(), c.next())
            }) {
                Some((Some(c), None)) => Ok((c as u32).to_ne_bytes().to_vec()),
                _ => Err(vm.type_error("array item must be unicode character")),
            }
        }
        _ => int_item(vm, code, v),
    }
}

/// Item bytes `b` of typecode `code` as a Python value.
fn from_item(vm: &mut Vm, code: u8, b: &[u8]) -> Value {
    macro_rules! int {
        ($t:ty) => {{
            let x = <$t>::from_ne_bytes(b.try_into().unwrap());
            match i64::try_from(x) {
                Ok(i) => vm.new_int(i),
                Err(_) => vm.new_bigint(BigInt::from(x)),
            }
        }};
    }
    match code {
        b'b' => int!(i8),
        b'B' => int!(u8),
        b'h' => int!(i16),
        b'H' => int!(u16),
        b'i' => int!(i32),
        b'I' => int!(u32),
        b'l' | b'q' => int!(i64),
        b'L' | b'Q' => int!(u64),
        b'f' => vm.new_float(f32::from_ne_bytes(b.try_into().unwrap()) as f64),
        b'd' => vm.new_float(f64::from_ne_bytes(b.try_into().unwrap())),
        _ => {
            let c = u32::from_ne_bytes(b.try_into().unwrap());
            let s = char::from_u32(c).unwrap_or('\u{fffd}').to_string();
            vm.new_str(&s)
        }
    }
}

/// Index `i` (negative from the end) into an array of `n` items, or IndexError `msg`.
fn position(vm: &mut Vm, i: Value, n: usize, msg: &str) -> PyResult<usize> {
    let i = match index_value(vm, i)? {
        Some(IntVal::Small(x)) => x,
        Some(IntVal::Big(_)) => {
            return Err(vm.err("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
        None => {
            return Err(vm.type_error("array indices must be integers"));
        }
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.err("IndexError", msg));
    }
    Ok(j as usize)
}

fn get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_get", args, kw, 0, 2, 2)?;
    let d = data(vm, args[0])?;
    let i = position(vm, args[1], d.len(), "array index out of range")?;
    let code = d.code;
    Ok(from_item(vm, code, d.item(i)))
}

fn set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_set", args, kw, 0, 3, 3)?;
    let d = data(vm, args[0])?;
    let i = position(vm, args[1], d.len(), "array assignment index out of range")?;
    let code = d.code;
    let b = to_item(vm, code, args[2])?;
    let n = itemsize(code);
    data(vm, args[0])?.buf[i * n..(i + 1) * n].copy_from_slice(&b);
    Ok(vm.none)
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_append", args, kw, 0, 2, 2)?;
    let code = data(vm, args[0])?.code;
    let b = to_item(vm, code, args[1])?;
    data(vm, args[0])?.buf.extend_from_slice(&b);
    Ok(vm.none)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_insert", args, kw, 0, 3, 3)?;
    let d = data(vm, args[0])?;
    let (code, n) = (d.code, d.len() as i64);
    let i = index_of(vm, args[1], "insert")?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let b = to_item(vm, code, args[2])?;
    let at = i * itemsize(code);
    data(vm, args[0])?.buf.splice(at..at, b);
    Ok(vm.none)
}

/// `_pop(d, i, msg)`: removes and returns item `i` (`msg`: the IndexError's text, None for
/// pop()'s own messages).
fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_pop", args, kw, 0, 3, 3)?;
    let d = data(vm, args[0])?;
    let n = d.len();
    let msg = if args[2] == vm.none {
        if n == 0 {
            return Err(vm.err("IndexError", "pop from empty array"));
        }
        "pop index out of range".to_string()
    } else {
        crate::vm::interp::str_of(args[2]).to_string()
    };
    let i = position(vm, args[1], n, &msg)?;
    let d = data(vm, args[0])?;
    let code = d.code;
    let sz = itemsize(code);
    let b: Vec<u8> = d.buf.drain(i * sz..(i + 1) * sz).collect();
    Ok(from_item(vm, code, &b))
}

/// The item indices of slice (start, stop, step) already clipped by `slice.indices`.
fn slice_indices(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<usize>> {
    let start = index_of(vm, args[0], "slice")?;
    let stop = index_of(vm, args[1], "slice")?;
    let step = index_of(vm, args[2], "slice")?;
    let mut v = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        v.push(i as usize);
        // A step near sys.maxsize leaves the range at once.
        match i.checked_add(step) {
            Some(n) => i = n,
            None => break,
        }
    }
    Ok(v)
}

fn get_slice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_get_slice", args, kw, 0, 4, 4)?;
    let idx = slice_indices(vm, &args[1..])?;
    let d = data(vm, args[0])?;
    let mut buf = Vec::with_capacity(idx.len() * itemsize(d.code));
    for i in idx {
        buf.extend_from_slice(d.item(i));
    }
    let code = d.code;
    Ok(new_array(vm, code, buf))
}

fn set_slice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_set_slice", args, kw, 0, 5, 5)?;
    let step = index_of(vm, args[3], "slice")?;
    let idx = slice_indices(vm, &args[1..4])?;
    let src = data(vm, args[4])?.buf.clone();
    let d = data(vm, args[0])?;
    let sz = itemsize(d.code);
    if step == 1 {
        let start = (index_of(vm, args[1], "slice")? as usize).min(d.len());
        let stop = start + idx.len();
        d.buf.splice(start * sz..stop * sz, src);
        return Ok(vm.none);
    }
    let m = src.len() / sz;
    if m != idx.len() {
        return Err(vm.value_error(format!(
            "attempt to assign array of size {m} to extended slice of size {}",
            idx.len()
        )));
    }
    for (k, i) in idx.into_iter().enumerate() {
        d.buf[i * sz..(i + 1) * sz].copy_from_slice(&src[k * sz..(k + 1) * sz]);
    }
    Ok(vm.none)
}

fn del_slice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_del_slice", args, kw, 0, 4, 4)?;
    let idx = slice_indices(vm, &args[1..])?;
    let d = data(vm, args[0])?;
    let sz = itemsize(d.code);
    let gone: std::collections::HashSet<usize> = idx.into_iter().collect();
    let old = std::mem::take(&mut d.buf);
    d.buf = old
        .chunks(sz)
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    Ok(vm.none)
}

fn tobytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_tobytes", args, kw, 0, 1, 1)?;
    let b = data(vm, args[0])?.buf.clone();
    Ok(vm.new_bytes(b))
}

fn frombytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_frombytes", args, kw, 0, 2, 2)?;
    let Some(b) = crate::vm::types::memoryview::buffer_bytes(args[1]).map(|b| b.to_vec()) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    let d = data(vm, args[0])?;
    if b.len() % itemsize(d.code) != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    d.buf.extend_from_slice(&b);
    Ok(vm.none)
}

fn tolist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_tolist", args, kw, 0, 1, 1)?;
    let d = data(vm, args[0])?;
    let code = d.code;
    let items: Vec<Value> = (0..d.len())
        .map(|i| from_item(vm, code, d.item(i)))
        .collect();
    Ok(vm.new_list(items))
}

fn byteswap(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_byteswap", args, kw, 0, 1, 1)?;
    let d = data(vm, args[0])?;
    let sz = itemsize(d.code);
    d.buf.chunks_mut(sz).for_each(|c| c.reverse());
    Ok(vm.none)
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_reverse", args, kw, 0, 1, 1)?;
    let d = data(vm, args[0])?;
    let sz = itemsize(d.code);
    let items: Vec<&[u8]> = d.buf.chunks(sz).rev().collect();
    d.buf = items.concat();
    Ok(vm.none)
}

fn repeat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_repeat", args, kw, 0, 2, 2)?;
    let n = index_of(vm, args[1], "repeat")?.max(0) as usize;
    let d = data(vm, args[0])?;
    if d.buf
        .len()
        .checked_mul(n)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.err("MemoryError", ""));
    }
    let (code, buf) = (d.code, d.buf.repeat(n));
    Ok(new_array(vm, code, buf))
}

fn concat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_concat", args, kw, 0, 2, 2)?;
    let b = data(vm, args[1])?.buf.clone();
    let a = data(vm, args[0])?;
    let (code, buf) = (a.code, [a.buf.as_slice(), b.as_slice()].concat());
    Ok(new_array(vm, code, buf))
}

fn tounicode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_tounicode", args, kw, 0, 1, 1)?;
    let d = data(vm, args[0])?;
    if d.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let mut s = String::new();
    for c in d.buf.chunks(4) {
        let u = u32::from_ne_bytes(c.try_into().unwrap());
        match char::from_u32(u) {
            Some(ch) => s.push(ch),
            None => {
                return Err(vm.value_error(format!(
                    "character U+{u:x} is not in range [U+0000; U+10ffff]"
                )))
            }
        }
    }
    Ok(vm.new_str(&s))
}

fn fromunicode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_fromunicode", args, kw, 0, 2, 2)?;
    let s = crate::vm::interp::str_of(args[1]).to_string();
    let d = data(vm, args[0])?;
    if d.code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    for c in s.chars() {
        d.buf.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    Ok(vm.none)
}
