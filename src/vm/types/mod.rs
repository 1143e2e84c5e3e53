//! The built-in types: their type objects (created at start-up), MRO computation, and the method
//! tables of each type (one file per type).

pub mod asyncgen;
pub mod bytes;
pub mod codec_names;
pub mod complex;
pub mod dict;
pub mod dictview;
pub mod exc;
pub mod float;
pub mod frameobj;
pub mod genobj;
pub mod getset;
pub mod instance;
pub mod int;
pub mod iter_reduce;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod metatype;
pub mod misc;
pub mod num_dunders;
pub mod oserror;
pub mod range_big;
pub mod set;
pub mod slot_arity;
pub mod slot_wrappers;
pub mod str;
pub mod str_translate;
pub mod subclass;
pub mod tuple;

use std::collections::HashMap;

use super::gc::Heap;
use super::interp::Vm;
use super::object::*;
use super::value::Value;

macro_rules! types_struct {
    ($($field:ident : $name:literal, $layout:ident, $base:ident;)*) => {
        /// Pointers to the built-in type objects.
        pub struct Types {
            pub object: *const TypeObject,
            pub type_: *const TypeObject,
            $(pub $field: *const TypeObject,)*
            exceptions: HashMap<&'static str, *const TypeObject>,
            all: Vec<*const TypeObject>,
        }

        impl Types {
            pub fn bootstrap(heap: &mut Heap) -> Types {
                let mut all = Vec::new();
                let object = new_type(heap, std::ptr::null(), "object", Layout::Instance, &[]);
                let type_ = new_type(heap, std::ptr::null(), "type", Layout::Type, &[object]);
                set_type(Value::from_ptr(object), type_);
                set_type(Value::from_ptr(type_), type_);
                all.push(object);
                all.push(type_);
                let mut by_name: HashMap<&'static str, *const TypeObject> = HashMap::new();
                by_name.insert("object", object);
                $(let $field = new_type(heap, type_, $name, Layout::$layout, &[by_name[stringify!($base)]]);
                  by_name.insert(stringify!($field), $field);
                  all.push($field);)*
                let mut t = Types { object, type_, $($field,)* exceptions: HashMap::new(), all };
                set_unboxed_types(t.int, t.float);
                exc::bootstrap_exceptions(heap, &mut t);
                t
            }
        }
    };
}

types_struct! {
    int: "int", BigInt, object;
    bool_: "bool", Bool, int;
    float: "float", Unboxed, object;
    complex: "complex", Complex, object;
    str_: "str", Str, object;
    bytes: "bytes", Bytes, object;
    bytearray: "bytearray", Bytes, object;
    list: "list", List, object;
    tuple: "tuple", Tuple, object;
    dict: "dict", Dict, object;
    set: "set", Set, object;
    frozenset: "frozenset", Set, object;
    range: "range", Range, object;
    slice: "slice", Slice, object;
    function: "function", Function, object;
    builtin_function: "builtin_function_or_method", Builtin, object;
    // A built-in type's method (`list.append`), its slot wrapper (`list.__len__`) and a slot
    // wrapper bound to an instance (`[].__len__`): built-ins like `builtin_function`, typed as
    // CPython types them.
    method_descriptor: "method_descriptor", Builtin, object;
    wrapper_descriptor: "wrapper_descriptor", Builtin, object;
    method_wrapper: "method-wrapper", Builtin, object;
    code: "code", Code, object;
    cell: "cell", Cell, object;
    method: "method", BoundMethod, object;
    classmethod: "classmethod", MethodWrapper, object;
    staticmethod: "staticmethod", MethodWrapper, object;
    property: "property", Property, object;
    generator: "generator", Generator, object;
    coroutine: "coroutine", Generator, object;
    coroutine_wrapper: "coroutine_wrapper", Iter, object;
    async_generator: "async_generator", Generator, object;
    async_generator_asend: "async_generator_asend", Iter, object;
    async_generator_athrow: "async_generator_athrow", Iter, object;
    anext_awaitable: "anext_awaitable", Iter, object;
    module: "module", Module, object;
    none_type: "NoneType", NoneType, object;
    not_implemented_type: "NotImplementedType", Singleton, object;
    ellipsis_type: "ellipsis", Singleton, object;
    super_: "super", Super, object;
    list_iterator: "list_iterator", SeqIter, object;
    list_reverseiterator: "list_reverseiterator", Iter, object;
    tuple_iterator: "tuple_iterator", SeqIter, object;
    str_iterator: "str_ascii_iterator", Iter, object;
    bytes_iterator: "bytes_iterator", Iter, object;
    bytearray_iterator: "bytearray_iterator", Iter, object;
    range_iterator: "range_iterator", RangeIter, object;
    longrange_iterator: "longrange_iterator", Iter, object;
    dict_keyiterator: "dict_keyiterator", Iter, object;
    dict_valueiterator: "dict_valueiterator", Iter, object;
    dict_itemiterator: "dict_itemiterator", Iter, object;
    dict_reversekeyiterator: "dict_reversekeyiterator", Iter, object;
    dict_reversevalueiterator: "dict_reversevalueiterator", Iter, object;
    dict_reverseitemiterator: "dict_reverseitemiterator", Iter, object;
    set_iterator: "set_iterator", Iter, object;
    enumerate: "enumerate", Iter, object;
    zip: "zip", Iter, object;
    map: "map", Iter, object;
    filter: "filter", Iter, object;
    reversed: "reversed", Iter, object;
    callable_iterator: "callable_iterator", Iter, object;
    dict_keys: "dict_keys", DictView, object;
    mappingproxy: "mappingproxy", DictView, object;
    dict_values: "dict_values", DictView, object;
    dict_items: "dict_items", DictView, object;
    member_descriptor: "member_descriptor", Property, object;
    getset_descriptor: "getset_descriptor", Property, object;
    frame: "frame", Native, object;
    weakref: "weakref", WeakRef, object;
    traceback: "traceback", Instance, object;
    memoryview: "memoryview", Native, object;
    sre_pattern: "Pattern", Native, object;
    sre_match: "Match", Native, object;
    sre_scanner: "SRE_Scanner", Native, object;
    mt_state: "mt_state", Native, object;
    array_data: "array_data", Native, object;
    hash_state: "hash_state", Native, object;
    // `_hashlib`'s (modules::hashlib).
    hashlib_hash: "HASH", Native, object;
    hashlib_hashxof: "HASHXOF", Native, hashlib_hash;
    hashlib_hmac: "HMAC", Native, object;
    zlib_state: "zlib_state", Native, object;
    bz2_state: "bz2_state", Native, object;
    lzma_state: "lzma_state", Native, object;
    csv_state: "csv_state", Native, object;
    // `itertools`' (modules::itertools).
    it_count: "count", Iter, object;
    it_repeat: "repeat", Iter, object;
    it_islice: "islice", Iter, object;
    it_chain: "chain", Iter, object;
    it_product: "product", Iter, object;
    it_zip_longest: "zip_longest", Iter, object;
    it_starmap: "starmap", Iter, object;
    it_accumulate: "accumulate", Iter, object;
    it_compress: "compress", Iter, object;
    it_takewhile: "takewhile", Iter, object;
    it_dropwhile: "dropwhile", Iter, object;
    it_filterfalse: "filterfalse", Iter, object;
    it_pairwise: "pairwise", Iter, object;
    it_combinations: "combinations", Iter, object;
    it_cwr: "combinations_with_replacement", Iter, object;
    it_permutations: "permutations", Iter, object;
    it_cycle: "cycle", Iter, object;
    it_groupby: "groupby", Iter, object;
    it_grouper: "_grouper", Iter, object;
}

impl Types {
    pub fn all(&self) -> Vec<Value> {
        self.all.iter().map(|&t| Value::from_ptr(t)).collect()
    }
    pub fn exc(&self, name: &str) -> *const TypeObject {
        match self.exceptions.get(name) {
            Some(&t) => t,
            None => self.exceptions["Exception"],
        }
    }
    pub fn exc_opt(&self, name: &str) -> Option<*const TypeObject> {
        self.exceptions.get(name).copied()
    }
    pub(crate) fn add_exception(&mut self, name: &'static str, t: *const TypeObject) {
        self.exceptions.insert(name, t);
        self.all.push(t);
    }
    pub fn exception_names(&self) -> Vec<&'static str> {
        let mut v: Vec<_> = self.exceptions.keys().copied().collect();
        v.sort();
        v
    }
}

/// Allocates a built-in type object (its dict is created later by `populate`).
pub(crate) fn new_type(
    heap: &mut Heap,
    meta: *const TypeObject,
    name: &str,
    layout: Layout,
    bases: &[*const TypeObject],
) -> *const TypeObject {
    let bases_v: Vec<Value> = bases.iter().map(|&b| Value::from_ptr(b)).collect();
    let v = heap.alloc(
        meta,
        TypeData {
            name: name.to_string(),
            qualname: name.to_string(),
            module: "builtins".to_string(),
            bases: bases_v.clone(),
            mro: Vec::new(),
            dict: Value::NULL,
            layout,
            builtin: true,
            base_ok: matches!(layout, Layout::Instance),
            is_exception: false,
            lookup_cache: Default::default(),
            ctor_cache: std::cell::Cell::new((0, Value::NULL, Value::NULL, false)),
            always_true: std::cell::Cell::new(0),
            default_eq: std::cell::Cell::new((0, false)),
            finalizer: std::cell::Cell::new((0, false)),
            ext: None,
            version: std::cell::Cell::new(crate::vm::runtime::attr::next_type_version()),
            subclasses: Default::default(),
            keys: Default::default(),
            c_type: Default::default(),
        },
    );
    let mut mro = vec![v];
    if let Some(&b) = bases_v.first() {
        mro.extend(type_data(b.as_ptr::<TypeObject>()).mro.iter().copied());
    }
    type_data_mut(v.as_ptr::<TypeObject>()).mro = mro;
    v.as_ptr::<TypeObject>()
}

/// The TypeError for bases without a consistent C3 order (CPython's wording).
pub fn mro_error(vm: &mut Vm, bases: &[Value]) -> Value {
    let names: Vec<String> = bases
        .iter()
        .map(|b| type_data(b.as_ptr()).name.clone())
        .collect();
    vm.type_error(format!(
        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
        names.join(", ")
    ))
}

/// C3 linearization of a class with the given bases; None if no consistent order exists.
pub fn c3_mro(this: Value, bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|&b| type_data(b.as_ptr::<TypeObject>()).mro.clone())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![this];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|t| t[1..].contains(&cand)) {
                found = Some(cand);
                break;
            }
        }
        let c = found?;
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// Adds a method implemented in Rust to a type's dict.
pub fn add_method(vm: &mut Vm, ty: *const TypeObject, name: &'static str, f: BuiltinFn) {
    super::runtime::attr::invalidate_cache();
    let bty = if num_dunders::is_slot_wrapper_of(&type_data(ty).name, name) {
        vm.t.wrapper_descriptor
    } else {
        vm.t.method_descriptor
    };
    let m = vm.heap.alloc(
        bty,
        BuiltinData {
            module: Value::NULL,
            name,
            f,
            bound: Value::NULL,
            owner: Value::from_ptr(ty),
        },
    );
    let k = vm.intern(name);
    let d = type_data(ty).dict;
    super::runtime::dict::dict_set_str(vm, d, k, m);
}

/// Adds a classmethod / staticmethod implemented in Rust.
pub fn add_static(
    vm: &mut Vm,
    ty: *const TypeObject,
    name: &'static str,
    f: BuiltinFn,
    class: bool,
) {
    let bty = vm.t.builtin_function;
    // `__new__` knows its type, so calls check `cls` first (`call::check_new_cls`).
    let owner = if name == "__new__" {
        Value::from_ptr(ty)
    } else {
        Value::NULL
    };
    let m = vm.heap.alloc(
        bty,
        BuiltinData {
            module: Value::NULL,
            name,
            f,
            bound: Value::NULL,
            owner,
        },
    );
    let wty = if class {
        vm.t.classmethod
    } else {
        vm.t.staticmethod
    };
    let w = vm.heap.alloc(wty, m);
    let k = vm.intern(name);
    let d = type_data(ty).dict;
    super::runtime::dict::dict_set_str(vm, d, k, w);
}

/// Creates every built-in type's dict and fills in its methods.
pub fn populate(vm: &mut Vm) {
    for t in vm.t.all() {
        let d = vm.new_dict();
        type_data_mut(t.as_ptr::<TypeObject>()).dict = d;
        let name = type_data(t.as_ptr::<TypeObject>()).name.clone();
        let n = vm.new_str(&name);
        let k = vm.sname("__name__");
        let _ = (n, k);
    }
    str::install(vm);
    list::install(vm);
    tuple::install(vm);
    dict::install(vm);
    set::install(vm);
    int::install(vm);
    float::install(vm);
    complex::install(vm);
    bytes::install(vm);
    num_dunders::install(vm);
    dictview::install(vm);
    mappingproxy::install(vm);
    exc::install(vm);
    misc::install(vm);
    subclass::install(vm);
    getset::install(vm);
    metatype::install(vm);
    slot_wrappers::install(vm);
    crate::vm::modules::weakref::install(vm);
    memoryview::install(vm);
    crate::vm::modules::sre::install(vm);
    install_default_reprs(vm);
}

/// Built-in types whose repr is computed by `runtime::repr` (str, int, list, ...) get a
/// `__repr__` of their own, as in CPython: without it `str.__repr__` would find
/// `object.__repr__` (`<str object at ...>`).
fn install_default_reprs(vm: &mut Vm) {
    let k = vm.sname("__repr__");
    for t in vm.t.all() {
        let td = type_data(t.as_ptr::<TypeObject>());
        // Iterators have object's repr (`<map object at ...>`), as in CPython. So do the
        // built-in types with plain instances (traceback, frame): `runtime::repr` would look
        // their `__repr__` up again, and recurse without end.
        if !td.builtin
            || td.is_exception
            || matches!(
                td.layout,
                Layout::Native
                    | Layout::Iter
                    | Layout::SeqIter
                    | Layout::RangeIter
                    | Layout::Instance
            )
            || t == Value::from_ptr(vm.t.object)
        {
            continue;
        }
        if super::runtime::dict::dict_get_str(vm, td.dict, k).is_none() {
            add_method(vm, t.as_ptr::<TypeObject>(), "__repr__", builtin_repr);
        }
    }
}

fn builtin_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> crate::vm::interp::PyResult {
    super::runtime::repr::repr(vm, args[0])
}

/// Checks a method/function's positional argument count (self included in `args` for methods,
/// excluded from the counts) and that no keywords were passed.
pub fn nargs(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    self_: usize,
    min: usize,
    max: usize,
) -> super::interp::PyResult<()> {
    if !kw.is_empty() {
        let name = method_qualname(vm, name, args, self_);
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len() - self_;
    if n < min || n > max {
        let msg = match min {
            0 if max == 0 => {
                let name = method_qualname(vm, name, args, self_);
                format!("{name}() takes no arguments ({n} given)")
            }
            1 if max == 1 => {
                let name = method_qualname(vm, name, args, self_);
                format!("{name}() takes exactly one argument ({n} given)")
            }
            // Argument Clinic's _PyArg_CheckPositional, worded as PyArg_UnpackTuple.
            _ => unpack_arity_error(name, n, min, max).unwrap_or_default(),
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// The checks of a constructor that refuses keywords (`_PyArg_NoKeywords`) and unpacks its
/// positionals with `PyArg_UnpackTuple` (`self_` leading values in `args` are not counted):
/// "classmethod expected 1 argument, got 3", "expected at least/at most ...".
pub fn unpack_tuple_nargs(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    self_: usize,
    min: usize,
    max: usize,
) -> super::interp::PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match unpack_arity_error(name, args.len() - self_, min, max) {
        Some(msg) => Err(vm.type_error(msg)),
        None => Ok(()),
    }
}

/// PyArg_UnpackTuple's arity error for `n` arguments outside `min..=max` ("expected 2
/// arguments, got 3", "expected at least 1 argument, got 0"), None within it.
fn unpack_arity_error(name: &str, n: usize, min: usize, max: usize) -> Option<String> {
    let (bound, k) = arity_bound(n, min, max)?;
    // PyArg_UnpackTuple says "expected 2 arguments" where ParseTuple says "exactly".
    let bound = if bound == "exactly " { "" } else { bound };
    let s = if k == 1 { "" } else { "s" };
    Some(format!("{name} expected {bound}{k} argument{s}, got {n}"))
}

/// The bound `n` arguments break of `min..=max`, as CPython's arity errors word it, with its
/// count: ("exactly ", min), ("at least ", min) or ("at most ", max); None within it.
fn arity_bound(n: usize, min: usize, max: usize) -> Option<(&'static str, usize)> {
    if min == max && n != min {
        Some(("exactly ", min))
    } else if n < min {
        Some(("at least ", min))
    } else if n > max {
        Some(("at most ", max))
    } else {
        None
    }
}

/// `nargs` for the METH_VARARGS methods that parse with `PyArg_ParseTuple` ("O|nn:find"):
/// "find() takes at least 1 argument (0 given)"; keywords are refused naming the type.
pub fn parse_tuple_nargs(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    self_: usize,
    min: usize,
    max: usize,
) -> super::interp::PyResult<()> {
    if !kw.is_empty() {
        let q = method_qualname(vm, name, args, self_);
        return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
    }
    let n = args.len() - self_;
    let Some((bound, k)) = arity_bound(n, min, max) else {
        return Ok(());
    };
    let s = if k == 1 { "" } else { "s" };
    Err(vm.type_error(format!("{name}() takes {bound}{k} argument{s} ({n} given)")))
}

/// The name CPython's METH_NOARGS / METH_O / keyword-refusing method errors give a method of a
/// built-in type: qualified by the type that defines it (`bytes.isdigit`, `int.bit_length` for
/// `True.bit_length`), found from `self`'s type; `name` itself when already qualified or not a
/// method (constructors and class methods parse their own arguments).
fn method_qualname(vm: &mut Vm, name: &str, args: &[Value], self_: usize) -> String {
    // A class method (METH_CLASS) is bound to the class it is called on: its __qualname__
    // names that class (`MySet.__class_getitem__`).
    if self_ == 1
        && matches!(
            name,
            "__init_subclass__" | "__class_getitem__" | "fromkeys" | "fromhex"
        )
    {
        if let Some(&c) = args.first() {
            if let Some(t) = as_type(c) {
                return format!("{}.{name}", t.qualname);
            }
        }
    }
    if self_ != 1
        || args.is_empty()
        || name.contains('.')
        || matches!(
            name,
            "__new__" | "__init__" | "__init_subclass__" | "__class_getitem__" | "__subclasshook__"
        )
    {
        return name.to_string();
    }
    let t = vm.type_of(args[0]);
    let owner = super::runtime::attr::lookup_type_str(vm, t, name)
        .and_then(|f| super::object::as_builtin(f).map(|b| b.owner))
        .filter(|o| !o.is_null());
    match owner {
        Some(o) => format!("{}.{name}", type_data(o.as_ptr::<TypeObject>()).name),
        None => name.to_string(),
    }
}

/// Splits vectorcall arguments into positionals and (name, value) keyword pairs.
pub fn split_kw<'a>(args: &'a [Value], kw: &'a [Value]) -> (&'a [Value], Vec<(&'a str, Value)>) {
    let npos = args.len() - kw.len();
    let pairs = kw
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| (super::interp::str_of(*k), *v))
        .collect();
    (&args[..npos], pairs)
}

/// Binds positional arguments `pos` and keyword arguments `kws` to `names`, as Argument Clinic
/// does: at most `max_pos` positionally (the rest keyword-only), the first `required` required.
pub fn bind_named(
    vm: &mut Vm,
    fname: &str,
    pos: &[Value],
    kws: &[(&str, Value)],
    names: &[&str],
    max_pos: usize,
    required: usize,
) -> super::interp::PyResult<Vec<Option<Value>>> {
    bind_clinic(vm, fname, pos, kws, names, 0, max_pos, required)
}

/// `bind_named` where the first `posonly` of `names` are positional-only (`/` in the clinic
/// signature): a keyword of that name is an unknown keyword, and too few positionals is reported
/// as such before any missing keyword.
#[allow(clippy::too_many_arguments)]
pub fn bind_clinic(
    vm: &mut Vm,
    fname: &str,
    pos: &[Value],
    kws: &[(&str, Value)],
    names: &[&str],
    posonly: usize,
    max_pos: usize,
    required: usize,
) -> super::interp::PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    // The checks and their order of CPython's _PyArg_UnpackKeywords.
    let maxargs = names.len();
    let total = pos.len() + kws.len();
    if total > maxargs {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({total} given)",
            if pos.is_empty() { "keyword " } else { "" },
            if maxargs == 1 { "" } else { "s" }
        )));
    }
    if pos.len() > max_pos {
        let msg = if max_pos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes {} {max_pos} positional argument{} ({} given)",
                if required < max_pos {
                    "at most"
                } else {
                    "exactly"
                },
                if max_pos == 1 { "" } else { "s" },
                pos.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    let min_posonly = required.min(posonly);
    if pos.len() < min_posonly {
        return Err(vm.type_error(format!(
            "{fname}() takes {} {min_posonly} positional argument{} ({} given)",
            if min_posonly < max_pos {
                "at least"
            } else {
                "exactly"
            },
            if min_posonly == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    for (i, &v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    // Positional-only names never match a keyword (clinic leaves them out of its keyword list).
    let find = |k: &str| {
        names[posonly..]
            .iter()
            .position(|n| *n == k)
            .map(|i| i + posonly)
    };
    let mut unused = Vec::new();
    for &(k, v) in kws {
        match find(k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            _ => unused.push(k),
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    for k in unused {
        if let Some(i) = find(k) {
            return Err(vm.type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
    }
    for k in kws.iter().map(|p| p.0) {
        if find(k).is_none() {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(out)
}

/// Argument Clinic's `str` converter: a str (subclasses too) with no embedded NUL ("embedded
/// null character"), else `_PyArg_BadArgument`'s "fname() argument 'name' must be str, not T"
/// (`what` is "'name'" for a parameter that can be given by keyword, the position as "1" for a
/// positional-only one; None is named "None").
pub fn clinic_str(
    vm: &mut Vm,
    fname: &str,
    what: &str,
    v: Value,
) -> super::interp::PyResult<String> {
    match subclass::str_arg(v) {
        Some(x) if x.s.contains('\0') => Err(vm.value_error("embedded null character")),
        Some(x) => Ok(x.s.to_string()),
        None => {
            let tn = vm.arg_type_name(v);
            Err(vm.type_error(format!("{fname}() argument {what} must be str, not {tn}")))
        }
    }
}

/// The `keepends` argument of str/bytes/bytearray.splitlines (`bool(accept={int})` there).
pub fn splitlines_keepends(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
) -> super::interp::PyResult<bool> {
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "splitlines", &pos[1..], &kws, &["keepends"], 1, 0)?;
    match a[0] {
        Some(v) => Ok(super::runtime::num::c_int_arg(vm, v)? != 0),
        None => Ok(false),
    }
}

/// The `tabsize=8` argument of str/bytes/bytearray.expandtabs (a C int).
pub fn expandtabs_tabsize(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
) -> super::interp::PyResult<i64> {
    let (pos, kws) = split_kw(args, kw);
    let a = bind_named(vm, "expandtabs", &pos[1..], &kws, &["tabsize"], 1, 0)?;
    match a[0] {
        Some(v) => Ok(super::runtime::num::c_int_arg(vm, v)? as i64),
        None => Ok(8),
    }
}

/// Stable merge sort with a fallible less-than (Python's list.sort semantics: only `<` is used).
pub fn merge_sort<T: Copy>(
    v: &mut Vec<T>,
    less: &mut dyn FnMut(T, T) -> super::interp::PyResult<bool>,
) -> super::interp::PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(v[j], v[j - 1])? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if less(v[j], v[i])? {
                        buf.push(v[j]);
                        j += 1;
                    } else {
                        buf.push(v[i]);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&v[i..mid]);
                buf.extend_from_slice(&v[j..hi]);
                v[lo..hi].copy_from_slice(&buf);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Sets the `__module__` of a built-in type created outside `builtins`.
pub fn type_data_mut_module(t: *const TypeObject, module: &str) {
    type_data_mut(t).module = module.to_string();
}

/// `cls.__name__ = name`.
pub fn type_data_mut_name(t: *const TypeObject, name: String) {
    type_data_mut(t).name = name;
}

/// `cls.__qualname__ = name`.
pub fn type_data_mut_qualname(t: *const TypeObject, name: String) {
    type_data_mut(t).qualname = name;
}
