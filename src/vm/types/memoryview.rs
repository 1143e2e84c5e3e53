//! `memoryview` over bytes, bytearray and other memoryviews: one-dimensional, contiguous views
//! with the native single-character formats (`cast`), as `re._compiler` (`cast('I')`) and
//! everyday code use them. A view reads its object's bytes when used, so a bytearray resized
//! under a view is seen at its new size (CPython refuses the resize instead; cpjit does not
//! track exports yet, and an index past the new end raises IndexError).

use super::{add_method, add_static, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

pub struct MemoryViewObj {
    /// The bytes or bytearray viewed.
    obj: Value,
    /// Byte offset and byte length of the view in `obj`.
    start: usize,
    len: usize,
    format: char,
    readonly: bool,
    released: bool,
    /// The shape of a view cast to other than one dimension (C-contiguous); None: 1-D.
    shape: Option<Box<[usize]>>,
}

impl MemoryViewObj {
    /// A one-dimensional view of `len` bytes of `obj` from `start`.
    fn flat(obj: Value, start: usize, len: usize, format: char, readonly: bool) -> Self {
        MemoryViewObj {
            obj,
            start,
            len,
            format,
            readonly,
            released: false,
            shape: None,
        }
    }

    fn shape(&self) -> Vec<usize> {
        match &self.shape {
            Some(s) => s.to_vec(),
            None => vec![self.len / itemsize(self.format).unwrap()],
        }
    }

    /// A view of other than one dimension, whose items are not reached by one index.
    fn multi_dim(&self) -> bool {
        self.shape.is_some()
    }
}

impl NativeObject for MemoryViewObj {
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.obj);
    }
}

/// Item size of a native single-character struct format.
fn itemsize(f: char) -> Option<usize> {
    Some(match f {
        'B' | 'b' | 'c' | '?' => 1,
        'H' | 'h' => 2,
        'I' | 'i' | 'f' => 4,
        'L' | 'l' | 'Q' | 'q' | 'd' | 'N' | 'n' | 'P' => 8,
        'e' => 2,
        // array('u')'s format (UCS-4), which memoryview cannot unpack.
        'w' => 4,
        _ => return None,
    })
}

fn is_byte_format(f: char) -> bool {
    matches!(f, 'B' | 'b' | 'c')
}

fn view<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut MemoryViewObj> {
    match as_native::<MemoryViewObj>(v) {
        Some(m) if m.released => {
            Err(vm.value_error("operation forbidden on released memoryview object"))
        }
        Some(m) => Ok(m),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'memoryview' object but received a '{tn}'"
            )))
        }
    }
}

/// The memory of an exporting object: a bytes or bytearray (or a subclass's value), or an
/// `array.array`'s items.
fn raw<'a>(obj: Value) -> Option<&'a mut Vec<u8>> {
    let base = crate::vm::types::subclass::base_value(obj).unwrap_or(obj);
    if let Some(b) = as_bytes(base) {
        return Some(b);
    }
    crate::vm::modules::array::storage(obj).map(|d| d.buf())
}

/// The bytes a view covers (clamped to the object's current size).
fn data<'a>(m: &MemoryViewObj) -> &'a [u8] {
    let b = raw(m.obj).map(|b| b.as_slice()).unwrap_or(&[]);
    let a = m.start.min(b.len());
    let e = (m.start + m.len).min(b.len());
    &b[a..e]
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview, array.array), if `v` is one.
pub fn buffer_bytes<'a>(v: Value) -> Option<&'a [u8]> {
    if let Some(m) = as_native::<MemoryViewObj>(v) {
        return Some(data(m));
    }
    raw(v).map(|b| b.as_slice())
}

/// A copy of the bytes of bytes-like `v`, as `bytes(v)` makes it (None when `v` is not
/// bytes-like); a released memoryview raises ValueError.
pub fn buffer_copy(vm: &mut Vm, v: Value) -> Option<PyResult<Vec<u8>>> {
    if as_native::<MemoryViewObj>(v).is_some() {
        return Some(view(vm, v).map(|m| data(m).to_vec()));
    }
    raw(v).map(|b| Ok(b.clone()))
}

/// Whether `v` is a writable bytes-like object (bytearray, array.array, a memoryview that is
/// not read-only over one): what `readinto` and other `w*` arguments accept.
pub fn is_writable_buffer(vm: &Vm, v: Value) -> bool {
    if let Some(m) = as_native::<MemoryViewObj>(v) {
        return !m.readonly && !m.released;
    }
    crate::vm::types::bytes::is_bytearray(vm, v) || crate::vm::modules::array::storage(v).is_some()
}

/// The struct format of a bytes-like object's items.
fn buffer_format(v: Value) -> char {
    if let Some(m) = as_native::<MemoryViewObj>(v) {
        return m.format;
    }
    crate::vm::modules::array::storage(v).map_or('B', |d| d.format())
}

/// A format memoryview can hold but not unpack.
fn check_unpack(vm: &mut Vm, m: &MemoryViewObj) -> PyResult<()> {
    if m.format == 'w' {
        return Err(vm.err(
            "NotImplementedError",
            format!("memoryview: format {} not supported", m.format),
        ));
    }
    Ok(())
}

fn new_view(vm: &mut Vm, m: MemoryViewObj) -> Value {
    let ty = vm.t.memoryview;
    vm.heap.alloc(ty, Box::new(m) as NativeData)
}

pub fn install(vm: &mut Vm) {
    let t = vm.t.memoryview;
    add_static(vm, t, "__new__", mv_new, false);
    add_method(vm, t, "cast", mv_cast);
    // memoryview's rich comparison: only == and != are defined; its ordering slots (a checked
    // self) answer NotImplemented.
    for op in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(vm, t, op, super::misc::object_order);
    }
    add_method(vm, t, "tolist", mv_tolist);
    add_method(vm, t, "tobytes", mv_tobytes);
    add_method(vm, t, "hex", mv_hex);
    add_method(vm, t, "release", mv_release);
    add_method(vm, t, "__enter__", |vm, a, _k| {
        view(vm, a[0])?;
        Ok(a[0])
    });
    add_method(vm, t, "__exit__", mv_release);
    add_method(vm, t, "__len__", |vm, a, _k| {
        let m = view(vm, a[0])?;
        let Some(&n) = m.shape().first() else {
            return Err(vm.type_error("0-dim memory has no length"));
        };
        Ok(vm.new_int(n as i64))
    });
    add_method(vm, t, "__getitem__", mv_getitem);
    add_method(vm, t, "__setitem__", mv_setitem);
    add_method(vm, t, "__eq__", mv_eq);
    add_method(vm, t, "__ne__", mv_ne);
    add_method(vm, t, "__delitem__", mv_delitem);
    add_method(vm, t, "toreadonly", mv_toreadonly);
    add_method(vm, t, "__getattribute__", super::misc::object_getattribute);
    add_method(vm, t, "__hash__", mv_hash);
    add_method(vm, t, "__repr__", |vm, a, _k| {
        let released = as_native::<MemoryViewObj>(a[0]).is_some_and(|m| m.released);
        let s = if released {
            format!("<released memory at {:#x}>", a[0].0)
        } else {
            format!("<memory at {:#x}>", a[0].0)
        };
        Ok(vm.new_str_owned(s))
    });
    add_method(vm, t, "__iter__", |vm, a, _k| {
        if view(vm, a[0])?.multi_dim() {
            return Err(no_sub_views(vm));
        }
        let l = mv_tolist(vm, a, &[])?;
        crate::vm::runtime::iter::get_iter(vm, l)
    });
    for (name, f) in [
        ("format", getter_format as BuiltinFn),
        ("itemsize", getter_itemsize),
        ("nbytes", getter_nbytes),
        ("readonly", getter_readonly),
        ("obj", getter_obj),
        ("ndim", getter_ndim),
        ("shape", getter_shape),
        ("strides", getter_strides),
    ] {
        let n = vm.intern(name);
        let kind = vm.t.getset_descriptor;
        super::getset::add_descriptor(vm, t, n, kind, f, Value::NULL);
    }
}

fn mv_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // Argument Clinic: memoryview(object).
    let (pos, kws) = super::split_kw(args, kw);
    let obj = super::bind_named(vm, "memoryview", &pos[1..], &kws, &["object"], 1, 1)?[0].unwrap();
    if let Some(m) = as_native::<MemoryViewObj>(obj) {
        view(vm, obj)?;
        let mut v = MemoryViewObj::flat(m.obj, m.start, m.len, m.format, m.readonly);
        v.shape = m.shape.clone();
        return Ok(new_view(vm, v));
    }
    if let Some(d) = crate::vm::modules::array::storage(obj) {
        let v = MemoryViewObj::flat(obj, 0, d.buf().len(), d.format(), false);
        return Ok(new_view(vm, v));
    }
    let base = crate::vm::types::subclass::base_value(obj).unwrap_or(obj);
    let Some(b) = as_bytes(base) else {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{tn}'"
        )));
    };
    let len = b.len();
    let readonly = !super::bytes::is_bytearray(vm, base);
    Ok(new_view(
        vm,
        MemoryViewObj::flat(base, 0, len, 'B', readonly),
    ))
}

fn mv_cast(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = super::split_kw(args, kw);
    let (mut format, mut shape) = (pos.get(1).copied(), pos.get(2).copied());
    for (k, v) in kws {
        match k {
            "format" if format.is_none() => format = Some(v),
            "shape" if shape.is_none() => shape = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for cast()"))
                )
            }
        }
    }
    let Some(format) = format.filter(|_| pos.len() <= 3) else {
        return Err(vm.type_error("cast() takes from 1 to 2 arguments"));
    };
    let m = view(vm, args[0])?;
    let Some(fs) = crate::vm::types::subclass::str_arg(format).map(|s| s.s.to_string()) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let f = fs.strip_prefix('@').unwrap_or(&fs);
    let mut cs = f.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else {
        return Err(bad_format(vm));
    };
    let Some(size) = itemsize(c) else {
        return Err(bad_format(vm));
    };
    if !is_byte_format(m.format) && !is_byte_format(c) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let shape = match shape {
        Some(sv) => Some(cast_shape(vm, m, sv, size)?),
        None => None,
    };
    if shape.is_none() && m.len % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut v = MemoryViewObj::flat(m.obj, m.start, m.len, c, m.readonly);
    // A 1-D shape is the view's own.
    v.shape = shape.filter(|s| s.len() != 1);
    Ok(new_view(vm, v))
}

/// The `shape` argument of `cast`: a list or tuple of positive ints whose product times the
/// item size is the view's size (CPython: only 1-D -> N-D or N-D -> 1-D casts).
fn cast_shape(vm: &mut Vm, m: &MemoryViewObj, sv: Value, size: usize) -> PyResult<Box<[usize]>> {
    let items: Vec<Value> = if let Some(t) = as_tuple(sv) {
        t.to_vec()
    } else if let Some(l) = as_list(sv) {
        l.to_vec()
    } else {
        return Err(vm.type_error("shape must be a list or a tuple"));
    };
    if m.multi_dim() && items.len() != 1 {
        return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
    }
    if items.len() > 64 {
        return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
    }
    let mut dims = Vec::with_capacity(items.len());
    let mut total = size;
    for x in items {
        let d = match crate::vm::runtime::num::int_of(x) {
            Some(crate::vm::runtime::num::IntVal::Small(d)) if d > 0 => d as usize,
            Some(_) => {
                return Err(
                    vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                )
            }
            None => {
                return Err(vm.type_error("memoryview.cast(): elements of shape must be integers"))
            }
        };
        total = total.saturating_mul(d);
        dims.push(d);
    }
    if total != m.len {
        return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
    }
    Ok(dims.into_boxed_slice())
}

/// What a multi-dimensional view does not support yet.
fn no_sub_views(vm: &mut Vm) -> Value {
    vm.err(
        "NotImplementedError",
        "multi-dimensional sub-views are not implemented",
    )
}

fn bad_format(vm: &mut Vm) -> Value {
    vm.value_error(
        "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    )
}

/// Item `i` of the view (its format's Python value).
fn item(vm: &mut Vm, m: &MemoryViewObj, bytes: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..bytes.len()].copy_from_slice(bytes);
    let u = u64::from_ne_bytes(w);
    let signed = |bits: u32| ((u << (64 - bits)) as i64) >> (64 - bits);
    match m.format {
        'B' | 'H' | 'I' => vm.new_int(u as i64),
        'L' | 'Q' | 'N' | 'P' => {
            if u > i64::MAX as u64 {
                vm.new_bigint(num_bigint::BigInt::from(u))
            } else {
                vm.new_int(u as i64)
            }
        }
        'b' => vm.new_int(signed(8)),
        'h' => vm.new_int(signed(16)),
        'i' => vm.new_int(signed(32)),
        'l' | 'q' | 'n' => vm.new_int(u as i64),
        'c' => vm.new_bytes(bytes.to_vec()),
        '?' => vm.bool_val(u != 0),
        'f' => vm.new_float(f32::from_bits(u as u32) as f64),
        'd' => vm.new_float(f64::from_bits(u)),
        _ => vm.none,
    }
}

fn mv_tolist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "tolist", args, kw, 1, 0, 0)?;
    let m = view(vm, args[0])?;
    check_unpack(vm, m)?;
    let size = itemsize(m.format).unwrap();
    let d = data(m);
    let items: Vec<Value> = d.chunks_exact(size).map(|c| item(vm, m, c)).collect();
    if !m.multi_dim() {
        return Ok(vm.new_list(items));
    }
    let shape = m.shape();
    if shape.is_empty() {
        return Ok(items.first().copied().unwrap_or(vm.none));
    }
    // Nested lists, innermost dimension first.
    let base = vm.roots.len();
    vm.roots.extend_from_slice(&items);
    let mut level = items;
    for &dim in shape[1..].iter().rev() {
        let lists: Vec<Value> = level.chunks(dim).map(|c| vm.new_list(c.to_vec())).collect();
        vm.roots.extend_from_slice(&lists);
        level = lists;
    }
    let r = vm.new_list(level);
    vm.roots.truncate(base);
    Ok(r)
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, _) = super::split_kw(args, kw);
    if pos.len() > 2 {
        return Err(vm.type_error("tobytes() takes at most 1 argument"));
    }
    let m = view(vm, args[0])?;
    let d = data(m).to_vec();
    Ok(vm.new_bytes(d))
}

fn mv_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // memoryview.hex(sep=<unrepresentable>, bytes_per_sep=1), as bytes.hex.
    let (sep, per) = super::bytes::hex_args(vm, args, kw)?;
    let m = view(vm, args[0])?;
    // A copy: sep's __len__ may run Python code that changes the viewed buffer.
    let d = data(m).to_vec();
    super::bytes::hex_impl(vm, &d, sep, per)
}

fn mv_release(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if let Some(m) = as_native::<MemoryViewObj>(args[0]) {
        m.released = true;
    }
    Ok(vm.none)
}

/// A view's index or slice: (byte offset, byte length) within the view, or the single item.
fn mv_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getitem__", args, kw, 1, 1, 1)?;
    let m = view(vm, args[0])?;
    if m.multi_dim() {
        return Err(no_sub_views(vm));
    }
    let size = itemsize(m.format).unwrap();
    let n = m.len / size;
    let k = args[1];
    if as_slice(k).is_some() {
        let (start, _stop, step, len) = crate::vm::runtime::subscr::slice_indices(vm, k, n as i64)?;
        if step != 1 && len > 1 {
            return Err(vm.not_implemented("memoryview slices with a step"));
        }
        let start = m.start + start.max(0) as usize * size;
        let v = MemoryViewObj::flat(m.obj, start, len * size, m.format, m.readonly);
        return Ok(new_view(vm, v));
    }
    check_unpack(vm, m)?;
    let i = crate::vm::runtime::subscr::index_of(vm, k, "memoryview")?;
    let idx = if i < 0 { i + n as i64 } else { i };
    let d = data(m);
    if idx < 0 || (idx as usize + 1) * size > d.len() {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let i = idx as usize * size;
    Ok(item(vm, m, &d[i..i + size]))
}

fn mv_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setitem__", args, kw, 1, 2, 2)?;
    let m = view(vm, args[0])?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if m.multi_dim() {
        return Err(no_sub_views(vm));
    }
    if m.format != 'B' {
        return Err(vm.not_implemented("memoryview item assignment for formats other than 'B'"));
    }
    let n = m.len;
    let (k, val) = (args[1], args[2]);
    let (start, len) = if as_slice(k).is_some() {
        let (start, _stop, step, len) = crate::vm::runtime::subscr::slice_indices(vm, k, n as i64)?;
        if step != 1 && len > 1 {
            return Err(vm.not_implemented("memoryview slices with a step"));
        }
        (start.max(0) as usize, len)
    } else {
        let i = crate::vm::runtime::subscr::index_of(vm, k, "memoryview")?;
        let idx = if i < 0 { i + n as i64 } else { i };
        if idx < 0 || idx as usize >= n {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        }
        let b = match crate::vm::runtime::num::int_of(val) {
            Some(crate::vm::runtime::num::IntVal::Small(x)) if (0..256).contains(&x) => x as u8,
            Some(_) => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
            None => return Err(vm.type_error("memoryview: invalid type for format 'B'")),
        };
        let off = m.start + idx as usize;
        if let Some(buf) = raw(m.obj) {
            if off < buf.len() {
                buf[off] = b;
            }
        }
        return Ok(vm.none);
    };
    let Some(src) = buffer_bytes(val).map(|b| b.to_vec()) else {
        let tn = vm.type_name(val);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    if src.len() != len {
        return Err(
            vm.value_error("memoryview assignment: lvalue and rvalue have different structures")
        );
    }
    let off = m.start + start;
    if let Some(buf) = raw(m.obj) {
        if off + len <= buf.len() {
            buf[off..off + len].copy_from_slice(&src);
        }
    }
    Ok(vm.none)
}

fn mv_ne(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__ne__", args, kw, 1, 1, 1)?;
    let r = mv_eq(vm, args, kw)?;
    Ok(if r == vm.not_implemented {
        r
    } else {
        vm.bool_val(r != vm.true_)
    })
}

/// `del m[i]`: a memoryview cannot change its size.
fn mv_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__delitem__", args, kw, 1, 1, 1)?;
    let m = view(vm, args[0])?;
    Err(vm.type_error(if m.readonly {
        "cannot modify read-only memory"
    } else {
        "cannot delete memory"
    }))
}

/// `m.toreadonly()`: a read-only view of the same memory.
fn mv_toreadonly(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "memoryview.toreadonly", args, kw, 1, 0, 0)?;
    let m = view(vm, args[0])?;
    let mut ro = MemoryViewObj::flat(m.obj, m.start, m.len, m.format, true);
    ro.shape = m.shape.clone();
    Ok(new_view(vm, ro))
}

fn mv_eq(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__eq__", args, kw, 1, 1, 1)?;
    let Some(m) = as_native::<MemoryViewObj>(args[0]) else {
        return Ok(vm.not_implemented);
    };
    if m.released {
        return Ok(vm.bool_val(args[0] == args[1]));
    }
    let other = args[1];
    let Some(ob) = buffer_bytes(other) else {
        return Ok(vm.not_implemented);
    };
    if as_native::<MemoryViewObj>(other).is_some_and(|o| o.shape() != m.shape()) {
        return Ok(vm.false_);
    }
    let same_format = buffer_format(other) == m.format;
    if same_format {
        return Ok(vm.bool_val(data(m) == ob));
    }
    // Different formats compare item by item.
    let a = mv_tolist(vm, &[args[0]], &[])?;
    vm.roots.push(a);
    let b = if as_native::<MemoryViewObj>(other).is_some() {
        mv_tolist(vm, &[other], &[])
    } else if let Some(d) = crate::vm::modules::array::storage(other) {
        let view = MemoryViewObj::flat(other, 0, ob.len(), d.format(), false);
        let v = new_view(vm, view);
        mv_tolist(vm, &[v], &[])
    } else {
        let items: Vec<Value> = ob
            .iter()
            .map(|&x| Value::try_from_i64(x as i64).unwrap())
            .collect();
        Ok(vm.new_list(items))
    };
    vm.roots.pop();
    let b = b?;
    let r = crate::vm::runtime::compare::eq(vm, a, b)?;
    Ok(vm.bool_val(r))
}

fn mv_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__hash__", args, kw, 1, 0, 0)?;
    let m = view(vm, args[0])?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format) {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let h = crate::rtlib::hash::hash_bytes(data(m));
    Ok(vm.new_int(h))
}

fn getter_format(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let f = view(vm, a[0])?.format;
    Ok(vm.new_str(&f.to_string()))
}

fn getter_itemsize(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let f = view(vm, a[0])?.format;
    Ok(vm.new_int(itemsize(f).unwrap() as i64))
}

fn getter_nbytes(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let n = view(vm, a[0])?.len;
    Ok(vm.new_int(n as i64))
}

fn getter_readonly(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let r = view(vm, a[0])?.readonly;
    Ok(vm.bool_val(r))
}

fn getter_obj(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    Ok(view(vm, a[0])?.obj)
}

fn getter_ndim(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let n = view(vm, a[0])?.shape().len();
    Ok(vm.new_int(n as i64))
}

fn int_tuple(vm: &mut Vm, xs: &[usize]) -> Value {
    let items: Vec<Value> = xs.iter().map(|&x| vm.new_int(x as i64)).collect();
    vm.new_tuple(items)
}

fn getter_shape(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let shape = view(vm, a[0])?.shape();
    Ok(int_tuple(vm, &shape))
}

/// C-contiguous strides: each dimension's step is the size of the dimensions after it.
fn getter_strides(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let m = view(vm, a[0])?;
    let shape = m.shape();
    let mut strides = vec![0; shape.len()];
    let mut step = itemsize(m.format).unwrap();
    for i in (0..shape.len()).rev() {
        strides[i] = step;
        step *= shape[i];
    }
    Ok(int_tuple(vm, &strides))
}
