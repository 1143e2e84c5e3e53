//! `itertools`: the iterator types of CPython 3.11's `Modules/itertoolsmodule.c` as native
//! iterators (`IterData::Tool`, stepped by `runtime::iter::next` like `enumerate` and `zip`),
//! with the C module's argument checks, error messages, reprs, `__reduce__`/`__setstate__`
//! states and `__length_hint__`. `tee` and its helpers are the module's Python part
//! (py/itertools.py), run in the module's namespace after the native types are set.

use num_traits::ToPrimitive;

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call;
use crate::vm::runtime::compare::{eq, truthy};
use crate::vm::runtime::iter::{self as riter, get_iter};
use crate::vm::runtime::num::{index_value, IntVal};
use crate::vm::types::subclass::{new_subclass, new_subclass_init_kw};
use crate::vm::types::{add_method, add_static, bind_named, nargs, split_kw, unpack_tuple_nargs};
use crate::vm::value::Value;

/// The state of one itertools iterator. NULL `Value`s are C's NULL fields (no iterator left,
/// no value saved); every non-NULL one is traced by the collector (`trace`).
pub enum Tool {
    /// `it` NULL once exhausted or failed; `next` is the index of the next item to give.
    Islice {
        it: Value,
        next: i64,
        stop: i64,
        step: i64,
        cnt: i64,
    },
    Chain {
        source: Value,
        active: Value,
    },
    /// Fast mode: `cnt` is the next value (`long_cnt` NULL); `cnt == i64::MAX`: slow mode,
    /// `long_cnt + long_step` each step.
    Count {
        cnt: i64,
        long_cnt: Value,
        long_step: Value,
    },
    /// `cnt` -1: endless.
    Repeat {
        element: Value,
        cnt: i64,
    },
    /// `pools`: a tuple of tuples.
    Product {
        pools: Value,
        indices: Vec<usize>,
        result: Option<Vec<Value>>,
        stopped: bool,
    },
    /// Exhausted iterators are NULL.
    ZipLongest {
        its: Vec<Value>,
        numactive: usize,
        fillvalue: Value,
    },
    /// starmap, takewhile, dropwhile and filterfalse: a function and an iterator; `flag`:
    /// takewhile stopped / dropwhile started.
    Func {
        kind: FuncKind,
        func: Value,
        it: Value,
        flag: bool,
    },
    /// `binop`, `total` and `initial` NULL when absent.
    Accumulate {
        it: Value,
        binop: Value,
        total: Value,
        initial: Value,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    Pairwise {
        it: Value,
        old: Value,
    },
    /// combinations (`Comb::Plain`), combinations_with_replacement (`Comb::Repl`) and
    /// permutations (`Comb::Perm`, with its cycles): `pool` a tuple.
    Comb {
        kind: Comb,
        pool: Value,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        result: Option<Vec<Value>>,
        stopped: bool,
    },
    /// `saved` a list.
    Cycle {
        it: Value,
        saved: Value,
        index: usize,
        firstpass: bool,
    },
    Groupby {
        it: Value,
        keyfunc: Value,
        tgtkey: Value,
        currkey: Value,
        currvalue: Value,
        currgrouper: Value,
    },
    Grouper {
        parent: Value,
        tgtkey: Value,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FuncKind {
    Starmap,
    Takewhile,
    Dropwhile,
    Filterfalse,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Comb {
    Plain,
    Repl,
    Perm,
}

impl Tool {
    /// The objects the state holds, for the collector.
    pub fn trace(&self, out: &mut Vec<Value>) {
        let mut push = |v: &Value| {
            if !v.is_null() {
                out.push(*v)
            }
        };
        match self {
            Tool::Islice { it, .. } => push(it),
            Tool::Chain { source, active } => [source, active].into_iter().for_each(push),
            Tool::Count {
                long_cnt,
                long_step,
                ..
            } => [long_cnt, long_step].into_iter().for_each(push),
            Tool::Repeat { element, .. } => push(element),
            Tool::Product { pools, result, .. } => {
                push(pools);
                result.iter().flatten().for_each(push);
            }
            Tool::ZipLongest { its, fillvalue, .. } => {
                its.iter().for_each(&mut push);
                push(fillvalue);
            }
            Tool::Func { func, it, .. } => [func, it].into_iter().for_each(push),
            Tool::Accumulate {
                it,
                binop,
                total,
                initial,
            } => [it, binop, total, initial].into_iter().for_each(push),
            Tool::Compress { data, selectors } => [data, selectors].into_iter().for_each(push),
            Tool::Pairwise { it, old } => [it, old].into_iter().for_each(push),
            Tool::Comb { pool, result, .. } => {
                push(pool);
                result.iter().flatten().for_each(push);
            }
            Tool::Cycle { it, saved, .. } => [it, saved].into_iter().for_each(push),
            Tool::Groupby {
                it,
                keyfunc,
                tgtkey,
                currkey,
                currvalue,
                currgrouper,
            } => [it, keyfunc, tgtkey, currkey, currvalue, currgrouper]
                .into_iter()
                .for_each(push),
            Tool::Grouper { parent, tgtkey } => [parent, tgtkey].into_iter().for_each(push),
        }
    }
}

/// The state of the itertools iterator `v` (its base value for a subclass instance).
fn tool<'a>(v: Value) -> Option<&'a mut Tool> {
    let v = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if !v.is_ptr() || layout_of(v) != Layout::Iter {
        return None;
    }
    match as_iter(v) {
        Some(IterData::Tool(t)) => Some(&mut **t),
        _ => None,
    }
}

// ---- the module ----------------------------------------------------------------------------

/// (attribute name, type, docstring) of each native type.
fn types(vm: &Vm) -> [(&'static str, *const TypeObject, &'static str); 19] {
    let t = &vm.t;
    [
        ("count", t.it_count, DOC_COUNT),
        ("repeat", t.it_repeat, DOC_REPEAT),
        ("islice", t.it_islice, DOC_ISLICE),
        ("chain", t.it_chain, DOC_CHAIN),
        ("product", t.it_product, DOC_PRODUCT),
        ("zip_longest", t.it_zip_longest, DOC_ZIP_LONGEST),
        ("starmap", t.it_starmap, DOC_STARMAP),
        ("accumulate", t.it_accumulate, DOC_ACCUMULATE),
        ("compress", t.it_compress, DOC_COMPRESS),
        ("takewhile", t.it_takewhile, DOC_TAKEWHILE),
        ("dropwhile", t.it_dropwhile, DOC_DROPWHILE),
        ("filterfalse", t.it_filterfalse, DOC_FILTERFALSE),
        ("pairwise", t.it_pairwise, DOC_PAIRWISE),
        ("combinations", t.it_combinations, DOC_COMBINATIONS),
        (
            "combinations_with_replacement",
            t.it_cwr,
            DOC_COMBINATIONS_WITH_REPLACEMENT,
        ),
        ("permutations", t.it_permutations, DOC_PERMUTATIONS),
        ("cycle", t.it_cycle, DOC_CYCLE),
        ("groupby", t.it_groupby, DOC_GROUPBY),
        ("_grouper", t.it_grouper, ""),
    ]
}

/// The module: the native types, then the Python part run in a namespace of its own (its
/// helpers stay there), of which the public names and `_tee`/`_tee_dataobject` are copied.
pub fn create(vm: &mut Vm) -> PyResult {
    install_types(vm);
    let inner = vm.new_module("itertools");
    vm.roots.push(inner);
    for (name, t, _) in types(vm) {
        super::set_attr(vm, inner, name, Value::from_ptr(t));
    }
    let d = as_module(inner).unwrap().dict;
    let src = include_str!("py/itertools.py");
    let r = crate::vm::run::exec_source(vm, src.as_bytes(), "<frozen itertools>", d)
        .and_then(|_| super::public_part(vm, inner, &["_grouper", "_tee", "_tee_dataobject"]));
    vm.roots.pop();
    r
}

/// The types' methods (once: the types outlive the module).
fn install_types(vm: &mut Vm) {
    if type_data(vm.t.it_count).module == "itertools" {
        return;
    }
    for (_, t, doc) in types(vm) {
        crate::vm::types::type_data_mut_module(t, "itertools");
        type_data_mut(t).base_ok = true;
        add_method(vm, t, "__next__", crate::vm::types::misc::iter_next);
        add_method(vm, t, "__iter__", crate::vm::types::misc::iter_self);
        if !doc.is_empty() {
            let (k, v) = (vm.intern("__doc__"), vm.new_str(doc));
            let d = type_data(t).dict;
            crate::vm::runtime::dict::dict_set_str(vm, d, k, v);
        }
    }
    let news: [BuiltinFn; 19] = [
        count_new,
        repeat_new,
        islice_new,
        chain_new,
        product_new,
        zip_longest_new,
        starmap_new,
        accumulate_new,
        compress_new,
        takewhile_new,
        dropwhile_new,
        filterfalse_new,
        pairwise_new,
        combinations_new,
        cwr_new,
        permutations_new,
        cycle_new,
        groupby_new,
        grouper_new,
    ];
    for ((_, ty, _), f) in types(vm).into_iter().zip(news) {
        add_static(vm, ty, "__new__", f, false);
        if ty != vm.t.it_pairwise {
            add_method(vm, ty, "__reduce__", reduce);
        }
    }
    for ty in [
        vm.t.it_islice,
        vm.t.it_chain,
        vm.t.it_product,
        vm.t.it_zip_longest,
        vm.t.it_accumulate,
        vm.t.it_takewhile,
        vm.t.it_dropwhile,
        vm.t.it_combinations,
        vm.t.it_cwr,
        vm.t.it_permutations,
        vm.t.it_cycle,
        vm.t.it_groupby,
    ] {
        add_method(vm, ty, "__setstate__", setstate);
    }
    // No state to pickle: `__reduce__` fails naming the class (copyreg's `_reduce_ex`),
    // pickling and copying (object.__reduce_ex__) naming its tp_name.
    add_method(vm, vm.t.it_pairwise, "__reduce__", |vm, a, _k| {
        let tn = vm.type_name(a[0]);
        Err(vm.type_error(format!("cannot pickle '{tn}' object")))
    });
    add_method(vm, vm.t.it_pairwise, "__reduce_ex__", |vm, a, _k| {
        let tn = crate::vm::interp::type_tp_name(vm.type_of(a[0]));
        Err(vm.type_error(format!("cannot pickle '{tn}' object")))
    });
    add_method(vm, vm.t.it_repeat, "__length_hint__", repeat_length_hint);
    for ty in [vm.t.it_count, vm.t.it_repeat] {
        add_method(vm, ty, "__repr__", |vm, a, k| {
            nargs(vm, "__repr__", a, k, 1, 0, 0)?;
            let name = type_data(vm.type_of(a[0])).name.clone();
            match repr(vm, a[0], &name)? {
                Some(s) => Ok(vm.new_str_owned(s)),
                None => Ok(vm.none),
            }
        });
    }
    add_static(
        vm,
        vm.t.it_chain,
        "from_iterable",
        chain_from_iterable,
        true,
    );
    add_static(
        vm,
        vm.t.it_chain,
        "__class_getitem__",
        crate::vm::types::metatype::class_getitem,
        true,
    );
}

// ---- argument helpers ------------------------------------------------------------------------

/// Runs `f`, then drops what it pushed on `vm.roots`.
fn rooted<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> R) -> R {
    let base = vm.roots.len();
    let r = f(vm);
    vm.roots.truncate(base);
    r
}

fn ival_i64(i: IntVal) -> Option<i64> {
    match i {
        IntVal::Small(n) => Some(n),
        IntVal::Big(b) => b.to_i64(),
    }
}

/// `PyNumber_AsSsize_t(v, PyExc_OverflowError)` with any error cleared: the value, or -1 for
/// anything that is not an integer in the Py_ssize_t range (islice's arguments).
fn ssize_or_minus_one(vm: &mut Vm, v: Value) -> i64 {
    match index_value(vm, v) {
        Ok(Some(i)) => ival_i64(i).unwrap_or(-1),
        _ => -1,
    }
}

/// The "n" converter: `__index__`, in the Py_ssize_t range.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_value(vm, v)? {
        Some(i) => ival_i64(i)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `PyLong_AsSsize_t` (no `__index__`): the state values of `__setstate__`.
fn long_ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = crate::vm::runtime::num::int_of(v).or_else(|| {
        crate::vm::types::subclass::base_value(v).and_then(crate::vm::runtime::num::int_of)
    });
    match i {
        Some(i) => ival_i64(i)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(vm.type_error("an integer is required")),
    }
}

/// `PyLong_Check`: an int, bool or int subclass instance.
fn is_long(vm: &Vm, v: Value) -> bool {
    vm.isinstance(v, vm.t.int)
}

/// `PyIter_Check`: the type has `__next__`.
fn is_iterator(vm: &mut Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    lookup_type_str(vm, t, "__next__").is_some()
}

/// `PySequence_Tuple`: a tuple itself, else a new tuple of the items.
fn seq_tuple(vm: &mut Vm, v: Value) -> PyResult {
    if as_tuple(v).is_some() && vm.type_of(v) == vm.t.tuple {
        return Ok(v);
    }
    let items = riter::collect(vm, v)?;
    Ok(vm.new_tuple(items))
}

/// The items of a tuple (none for anything else).
fn items<'a>(v: Value) -> &'a [Value] {
    as_tuple(v).map_or(&[][..], |t| &t[..])
}

fn new_tool(vm: &mut Vm, ty: *const TypeObject, t: Tool) -> Value {
    vm.new_iter(ty, IterData::Tool(Box::new(t)))
}

/// The state tuple of a `__setstate__` (CPython's "state is not a tuple"), with
/// PyArg_ParseTuple's count check ("function takes exactly 2 arguments (1 given)").
fn state_items<'a>(vm: &mut Vm, state: Value, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let Some(items) = as_tuple(state) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    let n = items.len();
    if n < min || n > max {
        let (bound, k) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        let s = if k == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "function takes {bound} {k} argument{s} ({n} given)"
        )));
    }
    Ok(items)
}

// ---- constructors ------------------------------------------------------------------------------

/// The start of a constructor taking keywords: the instance of a Python subclass built
/// through `new` (`Err`), else the arguments bound to `names` as Argument Clinic binds them.
#[allow(clippy::too_many_arguments)]
fn parse_new(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    new: BuiltinFn,
    name: &str,
    names: &[&str],
    max_pos: usize,
    required: usize,
) -> PyResult<Result<Vec<Option<Value>>, Value>> {
    if let Some(r) = new_subclass(vm, args, kw, new)? {
        return Ok(Err(r));
    }
    let (pos, kws) = split_kw(args, kw);
    bind_named(vm, name, &pos[1..], &kws, names, max_pos, required).map(Ok)
}

/// `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() || v.is_float() {
        return true;
    }
    let t = vm.type_of(v);
    if vm.is_subtype(t, vm.t.int) || vm.is_subtype(t, vm.t.float) || vm.is_subtype(t, vm.t.complex)
    {
        return true;
    }
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|n| lookup_type_str(vm, t, n).is_some())
}

fn count_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = match parse_new(vm, args, kw, count_new, "count", &["start", "step"], 2, 0)? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    for v in a.iter().flatten() {
        if !is_number(vm, *v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    let one = Value::try_from_i64(1).unwrap();
    let long_cnt = a[0].unwrap_or(Value::try_from_i64(0).unwrap());
    let long_step = a[1].unwrap_or(one);
    let mut slow = false;
    let mut cnt = 0;
    if a[0].is_some() {
        match is_long(vm, long_cnt)
            .then(|| long_ssize(vm, long_cnt).ok())
            .flatten()
        {
            Some(c) => cnt = c,
            None => slow = true,
        }
    }
    if !is_long(vm, long_step) || long_ssize(vm, long_step).ok() != Some(1) {
        slow = true;
    }
    let t = if slow {
        Tool::Count {
            cnt: i64::MAX,
            long_cnt,
            long_step,
        }
    } else {
        Tool::Count {
            cnt,
            long_cnt: Value::NULL,
            long_step,
        }
    };
    let ty = vm.t.it_count;
    Ok(new_tool(vm, ty, t))
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = match parse_new(
        vm,
        args,
        kw,
        repeat_new,
        "repeat",
        &["object", "times"],
        2,
        1,
    )? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    let cnt = match a[1] {
        Some(t) => ssize_arg(vm, t)?.max(0),
        None => -1,
    };
    let ty = vm.t.it_repeat;
    Ok(new_tool(
        vm,
        ty,
        Tool::Repeat {
            element: a[0].unwrap(),
            cnt,
        },
    ))
}

const ISLICE_STOP: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass_init_kw(vm, args, kw, islice_new)? {
        return Ok(r);
    }
    unpack_tuple_nargs(vm, "islice", args, kw, 1, 2, 4)?;
    let a = &args[1..];
    let none = vm.none;
    let (mut start, mut stop, mut step) = (0, -1, 1);
    if a.len() == 2 {
        if a[1] != none {
            stop = ssize_or_minus_one(vm, a[1]);
            if stop == -1 {
                return Err(vm.value_error(ISLICE_STOP));
            }
        }
    } else {
        if a[1] != none {
            start = ssize_or_minus_one(vm, a[1]);
        }
        if a[2] != none {
            stop = ssize_or_minus_one(vm, a[2]);
            if stop == -1 {
                return Err(vm.value_error(ISLICE_STOP));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(&s) = a.get(3) {
        if s != none {
            step = ssize_or_minus_one(vm, s);
        }
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = get_iter(vm, a[0])?;
    let ty = vm.t.it_islice;
    Ok(new_tool(
        vm,
        ty,
        Tool::Islice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass_init_kw(vm, args, kw, chain_new)? {
        return Ok(r);
    }
    if !kw.is_empty() {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let t = vm.new_tuple(args[1..].to_vec());
    vm.roots.push(t);
    let source = get_iter(vm, t);
    vm.roots.pop();
    let source = source?;
    let ty = vm.t.it_chain;
    Ok(new_tool(
        vm,
        ty,
        Tool::Chain {
            source,
            active: Value::NULL,
        },
    ))
}

/// `chain.from_iterable(iterable)`: a chain (of the class it is called on) over the iterables
/// `iterable` gives, lazily.
fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "chain.from_iterable", args, kw, 1, 1, 1)?;
    let source = get_iter(vm, args[1])?;
    vm.roots.push(source);
    let ty = vm.t.it_chain;
    let base = new_tool(
        vm,
        ty,
        Tool::Chain {
            source,
            active: Value::NULL,
        },
    );
    vm.roots.pop();
    Ok(wrap(vm, args[0], base))
}

/// `base` as an instance of `cls` (itself when `cls` is the built-in type).
fn wrap(vm: &mut Vm, cls: Value, base: Value) -> Value {
    match as_type(cls) {
        Some(td) if !td.builtin && td.ext.as_ref().is_some_and(|e| !e.builtin_base.is_null()) => {
            vm.roots.push(base);
            let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
            let r = crate::vm::types::subclass::new_ext_instance(vm, t, base);
            vm.roots.pop();
            r
        }
        _ => base,
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass(vm, args, kw, product_new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    let mut repeat = 1;
    if !kws.is_empty() {
        let a = bind_named(vm, "product", &[], &kws, &["repeat"], 0, 0)?;
        if let Some(r) = a[0] {
            repeat = ssize_arg(vm, r)?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let args = &pos[1..];
    let nargs = if repeat == 0 { 0 } else { args.len() };
    if repeat != 0 && nargs as u64 > (i64::MAX as u64) / 8 / repeat as u64 {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let npools = nargs * repeat as usize;
    if npools > 1 << 26 {
        return Err(vm.err("MemoryError", ""));
    }
    rooted(vm, |vm| {
        let mut pools = Vec::with_capacity(npools);
        for &a in &args[..nargs] {
            let p = seq_tuple(vm, a)?;
            vm.roots.push(p);
            pools.push(p);
        }
        for i in nargs..npools {
            pools.push(pools[i - nargs]);
        }
        let pools = vm.new_tuple(pools);
        let ty = vm.t.it_product;
        Ok(new_tool(
            vm,
            ty,
            Tool::Product {
                pools,
                indices: vec![0; npools],
                result: None,
                stopped: false,
            },
        ))
    })
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass(vm, args, kw, zip_longest_new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    let mut fillvalue = vm.none;
    if !kws.is_empty() {
        match kws[..] {
            [("fillvalue", v)] => fillvalue = v,
            _ => return Err(vm.type_error("zip_longest() got an unexpected keyword argument")),
        }
    }
    rooted(vm, |vm| {
        let mut its = Vec::with_capacity(pos.len() - 1);
        for &a in &pos[1..] {
            let it = get_iter(vm, a)?;
            vm.roots.push(it);
            its.push(it);
        }
        let ty = vm.t.it_zip_longest;
        let numactive = its.len();
        Ok(new_tool(
            vm,
            ty,
            Tool::ZipLongest {
                its,
                numactive,
                fillvalue,
            },
        ))
    })
}

/// The `(function, iterable)` constructors that refuse keywords (starmap, takewhile,
/// dropwhile, filterfalse; `new` is the constructor itself, for subclasses).
fn func_iter_new(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    new: BuiltinFn,
    kind: FuncKind,
) -> PyResult {
    if let Some(r) = new_subclass_init_kw(vm, args, kw, new)? {
        return Ok(r);
    }
    let (name, ty) = match kind {
        FuncKind::Starmap => ("starmap", vm.t.it_starmap),
        FuncKind::Takewhile => ("takewhile", vm.t.it_takewhile),
        FuncKind::Dropwhile => ("dropwhile", vm.t.it_dropwhile),
        FuncKind::Filterfalse => ("filterfalse", vm.t.it_filterfalse),
    };
    unpack_tuple_nargs(vm, name, args, kw, 1, 2, 2)?;
    let it = get_iter(vm, args[2])?;
    let func = args[1];
    let flag = false;
    Ok(new_tool(
        vm,
        ty,
        Tool::Func {
            kind,
            func,
            it,
            flag,
        },
    ))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    func_iter_new(vm, args, kw, starmap_new, FuncKind::Starmap)
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    func_iter_new(vm, args, kw, takewhile_new, FuncKind::Takewhile)
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    func_iter_new(vm, args, kw, dropwhile_new, FuncKind::Dropwhile)
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    func_iter_new(vm, args, kw, filterfalse_new, FuncKind::Filterfalse)
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = match parse_new(
        vm,
        args,
        kw,
        accumulate_new,
        "accumulate",
        &["iterable", "func", "initial"],
        2,
        1,
    )? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    let it = get_iter(vm, a[0].unwrap())?;
    let none = vm.none;
    let opt = |v: Option<Value>| v.filter(|&v| v != none).unwrap_or(Value::NULL);
    let ty = vm.t.it_accumulate;
    Ok(new_tool(
        vm,
        ty,
        Tool::Accumulate {
            it,
            binop: opt(a[1]),
            total: Value::NULL,
            initial: opt(a[2]),
        },
    ))
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = match parse_new(
        vm,
        args,
        kw,
        compress_new,
        "compress",
        &["data", "selectors"],
        2,
        2,
    )? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    let data = get_iter(vm, a[0].unwrap())?;
    vm.roots.push(data);
    let selectors = get_iter(vm, a[1].unwrap());
    vm.roots.pop();
    let selectors = selectors?;
    let ty = vm.t.it_compress;
    Ok(new_tool(vm, ty, Tool::Compress { data, selectors }))
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass_init_kw(vm, args, kw, pairwise_new)? {
        return Ok(r);
    }
    unpack_tuple_nargs(vm, "pairwise", args, kw, 1, 1, 1)?;
    let it = get_iter(vm, args[1])?;
    let ty = vm.t.it_pairwise;
    Ok(new_tool(
        vm,
        ty,
        Tool::Pairwise {
            it,
            old: Value::NULL,
        },
    ))
}

fn cycle_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass_init_kw(vm, args, kw, cycle_new)? {
        return Ok(r);
    }
    unpack_tuple_nargs(vm, "cycle", args, kw, 1, 1, 1)?;
    let it = get_iter(vm, args[1])?;
    vm.roots.push(it);
    let saved = vm.new_list(Vec::new());
    vm.roots.pop();
    let ty = vm.t.it_cycle;
    Ok(new_tool(
        vm,
        ty,
        Tool::Cycle {
            it,
            saved,
            index: 0,
            firstpass: false,
        },
    ))
}

fn groupby_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = match parse_new(
        vm,
        args,
        kw,
        groupby_new,
        "groupby",
        &["iterable", "key"],
        2,
        1,
    )? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    let it = get_iter(vm, a[0].unwrap())?;
    let keyfunc = a[1].unwrap_or(vm.none);
    let ty = vm.t.it_groupby;
    Ok(new_tool(
        vm,
        ty,
        Tool::Groupby {
            it,
            keyfunc,
            tgtkey: Value::NULL,
            currkey: Value::NULL,
            currvalue: Value::NULL,
            currgrouper: Value::NULL,
        },
    ))
}

fn grouper_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = new_subclass(vm, args, kw, grouper_new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    let a = crate::vm::types::bind_clinic(
        vm,
        "_grouper",
        &pos[1..],
        &kws,
        &["parent", "tgtkey"],
        2,
        2,
        2,
    )?;
    let (parent, tgtkey) = (a[0].unwrap(), a[1].unwrap());
    if !vm.isinstance(parent, vm.t.it_groupby) {
        let tn = vm.arg_type_name(parent);
        return Err(vm.type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {tn}"
        )));
    }
    Ok(grouper_create(vm, parent, tgtkey))
}

/// A `_grouper` of `parent` for the key `tgtkey`, made its current one.
fn grouper_create(vm: &mut Vm, parent: Value, tgtkey: Value) -> Value {
    let ty = vm.t.it_grouper;
    let g = new_tool(vm, ty, Tool::Grouper { parent, tgtkey });
    if let Some(Tool::Groupby { currgrouper, .. }) = tool(parent) {
        *currgrouper = g;
    }
    g
}

/// combinations, combinations_with_replacement and permutations (`new` the constructor, for
/// subclasses): the pool is a tuple of the iterable's items.
fn comb_new(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    new: BuiltinFn,
    name: &str,
    kind: Comb,
) -> PyResult {
    let required = if kind == Comb::Perm { 1 } else { 2 };
    let a = match parse_new(vm, args, kw, new, name, &["iterable", "r"], 2, required)? {
        Ok(a) => a,
        Err(sub) => return Ok(sub),
    };
    // combinations' r is converted (clinic's Py_ssize_t) before the iterable is read;
    // permutations' after, and it must be an int.
    let mut r = None;
    if kind != Comb::Perm {
        r = Some(ssize_arg(vm, a[1].unwrap())?);
    }
    let pool = seq_tuple(vm, a[0].unwrap())?;
    let n = items(pool).len();
    if kind == Comb::Perm {
        r = Some(match a[1] {
            Some(r) if r != vm.none => {
                if !is_long(vm, r) {
                    return Err(vm.type_error("Expected int as r"));
                }
                long_ssize(vm, r)?
            }
            _ => n as i64,
        });
    }
    let r = r.unwrap();
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let r = r as usize;
    let (indices, cycles, stopped, ty) = match kind {
        Comb::Plain => (
            (0..r.min(n)).collect(),
            Vec::new(),
            r > n,
            vm.t.it_combinations,
        ),
        Comb::Repl => {
            let stopped = n == 0 && r > 0;
            if !stopped && r > 1 << 26 {
                return Err(vm.err("MemoryError", ""));
            }
            (
                vec![0; if stopped { 0 } else { r }],
                Vec::new(),
                stopped,
                vm.t.it_cwr,
            )
        }
        Comb::Perm => {
            let cycles = if r <= n {
                (0..r).map(|i| n - i).collect()
            } else {
                Vec::new()
            };
            ((0..n).collect(), cycles, r > n, vm.t.it_permutations)
        }
    };
    let t = Tool::Comb {
        kind,
        pool,
        r,
        indices,
        cycles,
        result: None,
        stopped,
    };
    Ok(new_tool(vm, ty, t))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    comb_new(vm, args, kw, combinations_new, "combinations", Comb::Plain)
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let name = "combinations_with_replacement";
    comb_new(vm, args, kw, cwr_new, name, Comb::Repl)
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    comb_new(vm, args, kw, permutations_new, "permutations", Comb::Perm)
}

// ---- __next__ ----------------------------------------------------------------------------------

/// The next item of the itertools iterator `it` (a built-in object, not a subclass instance).
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Some(t) = tool(it) else {
        return Ok(None);
    };
    match t {
        Tool::Islice { .. } => islice_next(vm, it),
        Tool::Chain { .. } => chain_next(vm, it),
        Tool::Count {
            cnt,
            long_cnt,
            long_step,
        } => {
            if *cnt != i64::MAX {
                let v = *cnt;
                *cnt += 1;
                return Ok(Some(vm.new_int(v)));
            }
            let (c, s) = (*long_cnt, *long_step);
            let c = if c.is_null() { vm.new_int(i64::MAX) } else { c };
            vm.roots.push(c);
            let up = crate::vm::runtime::ops::binary_op(vm, 0, c, s)?;
            if let Some(Tool::Count { long_cnt, .. }) = tool(it) {
                *long_cnt = up;
            }
            Ok(Some(c))
        }
        Tool::Repeat { element, cnt } => {
            if *cnt == 0 {
                return Ok(None);
            }
            if *cnt > 0 {
                *cnt -= 1;
            }
            Ok(Some(*element))
        }
        Tool::Product { .. } => product_next(vm, it),
        Tool::ZipLongest { .. } => zip_longest_next(vm, it),
        Tool::Func {
            kind: FuncKind::Starmap,
            func,
            it: inner,
            ..
        } => {
            let (func, inner) = (*func, *inner);
            let Some(a) = riter::next(vm, inner)? else {
                return Ok(None);
            };
            vm.roots.push(a);
            let items = if vm.type_of(a) == vm.t.tuple {
                as_tuple(a).unwrap().to_vec()
            } else {
                let v = riter::collect(vm, a)?;
                let t = vm.new_tuple(v);
                vm.roots.push(t);
                as_tuple(t).unwrap().to_vec()
            };
            call(vm, func, &items, &[]).map(Some)
        }
        Tool::Accumulate { initial, total, .. } if !initial.is_null() => {
            *total = *initial;
            *initial = Value::NULL;
            Ok(Some(*total))
        }
        Tool::Accumulate { it: inner, .. } => {
            let Some(val) = riter::next(vm, *inner)? else {
                return Ok(None);
            };
            vm.roots.push(val);
            let Some(Tool::Accumulate { binop, total, .. }) = tool(it) else {
                return Ok(None);
            };
            let (binop, old) = (*binop, *total);
            let new = if old.is_null() {
                val
            } else if binop.is_null() {
                crate::vm::runtime::ops::binary_op(vm, 0, old, val)?
            } else {
                call(vm, binop, &[old, val], &[])?
            };
            if let Some(Tool::Accumulate { total, .. }) = tool(it) {
                *total = new;
            }
            Ok(Some(new))
        }
        Tool::Compress { data, selectors } => {
            let (data, selectors) = (*data, *selectors);
            loop {
                let Some(d) = riter::next(vm, data)? else {
                    return Ok(None);
                };
                vm.roots.push(d);
                let Some(s) = riter::next(vm, selectors)? else {
                    return Ok(None);
                };
                if truthy(vm, s)? {
                    return Ok(Some(d));
                }
                vm.roots.pop();
            }
        }
        Tool::Func {
            kind: FuncKind::Takewhile,
            func,
            it: inner,
            flag,
        } => {
            if *flag {
                return Ok(None);
            }
            let (func, inner) = (*func, *inner);
            let Some(item) = riter::next(vm, inner)? else {
                return Ok(None);
            };
            vm.roots.push(item);
            let good = call(vm, func, &[item], &[])?;
            if truthy(vm, good)? {
                return Ok(Some(item));
            }
            if let Some(Tool::Func { flag, .. }) = tool(it) {
                *flag = true;
            }
            Ok(None)
        }
        Tool::Func {
            kind: FuncKind::Dropwhile,
            func,
            it: inner,
            ..
        } => {
            let (func, inner) = (*func, *inner);
            loop {
                let Some(item) = riter::next(vm, inner)? else {
                    return Ok(None);
                };
                if matches!(tool(it), Some(Tool::Func { flag: true, .. })) {
                    return Ok(Some(item));
                }
                vm.roots.push(item);
                let good = call(vm, func, &[item], &[])?;
                if !truthy(vm, good)? {
                    if let Some(Tool::Func { flag, .. }) = tool(it) {
                        *flag = true;
                    }
                    return Ok(Some(item));
                }
                vm.roots.pop();
            }
        }
        Tool::Func {
            func, it: inner, ..
        } => {
            let (func, inner) = (*func, *inner);
            let plain = func == vm.none || func == Value::from_ptr(vm.t.bool_);
            loop {
                let Some(item) = riter::next(vm, inner)? else {
                    return Ok(None);
                };
                vm.roots.push(item);
                let ok = if plain {
                    truthy(vm, item)?
                } else {
                    let good = call(vm, func, &[item], &[])?;
                    truthy(vm, good)?
                };
                if !ok {
                    return Ok(Some(item));
                }
                vm.roots.pop();
            }
        }
        Tool::Pairwise { .. } => pairwise_next(vm, it),
        Tool::Comb { .. } => comb_next(vm, it),
        Tool::Cycle { .. } => cycle_next(vm, it),
        Tool::Groupby { .. } => groupby_next(vm, it),
        Tool::Grouper { .. } => grouper_next(vm, it),
    }
}

/// The index of the item an islice gives after the one at `next`: `stop` past it (or past
/// the Py_ssize_t range).
fn islice_after(next: i64, stop: i64, step: i64) -> i64 {
    let n = next.wrapping_add(step);
    if n < next || (stop != -1 && n > stop) {
        stop
    } else {
        n
    }
}

fn islice_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    // The common case: nothing to skip, over a range, list or tuple iterator, whose steps run
    // no Python code, so the state is updated in place.
    if let Some(Tool::Islice {
        it,
        next,
        stop,
        step,
        cnt,
    }) = tool(me)
    {
        let fast = !it.is_null()
            && *cnt >= *next
            && (*stop == -1 || *cnt < *stop)
            && matches!(layout_of(*it), Layout::RangeIter | Layout::SeqIter);
        if fast {
            let item = match layout_of(*it) {
                Layout::RangeIter => as_range_iter(*it).unwrap().advance().map(|v| vm.new_int(v)),
                _ => as_seq_iter(*it).unwrap().advance(),
            };
            let Some(item) = item else {
                *it = Value::NULL;
                return Ok(None);
            };
            *cnt += 1;
            *next = islice_after(*next, *stop, *step);
            return Ok(Some(item));
        }
    }
    let clear = |me: Value| {
        if let Some(Tool::Islice { it, .. }) = tool(me) {
            *it = Value::NULL;
        }
    };
    loop {
        let Some(Tool::Islice { it, next, cnt, .. }) = tool(me) else {
            return Ok(None);
        };
        if it.is_null() {
            return Ok(None);
        }
        if *cnt >= *next {
            break;
        }
        let it = *it;
        match riter::next(vm, it) {
            Ok(Some(_)) => {
                if let Some(Tool::Islice { cnt, .. }) = tool(me) {
                    *cnt += 1;
                }
            }
            Ok(None) => {
                clear(me);
                return Ok(None);
            }
            Err(e) => {
                clear(me);
                return Err(e);
            }
        }
    }
    let Some(&mut Tool::Islice { it, stop, cnt, .. }) = tool(me) else {
        return Ok(None);
    };
    if stop != -1 && cnt >= stop {
        clear(me);
        return Ok(None);
    }
    let item = match riter::next(vm, it) {
        Ok(Some(v)) => v,
        Ok(None) => {
            clear(me);
            return Ok(None);
        }
        Err(e) => {
            clear(me);
            return Err(e);
        }
    };
    if let Some(Tool::Islice {
        next,
        stop,
        step,
        cnt,
        ..
    }) = tool(me)
    {
        *cnt += 1;
        *next = islice_after(*next, *stop, *step);
    }
    Ok(Some(item))
}

fn chain_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    loop {
        let Some(&mut Tool::Chain { source, active }) = tool(me) else {
            return Ok(None);
        };
        if source.is_null() {
            return Ok(None);
        }
        let active = if active.is_null() {
            let clear_source = |me: Value| {
                if let Some(Tool::Chain { source, .. }) = tool(me) {
                    *source = Value::NULL;
                }
            };
            let iterable = match riter::next(vm, source) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    clear_source(me);
                    return Ok(None);
                }
                Err(e) => {
                    clear_source(me);
                    return Err(e);
                }
            };
            vm.roots.push(iterable);
            let a = match get_iter(vm, iterable) {
                Ok(a) => a,
                Err(e) => {
                    clear_source(me);
                    return Err(e);
                }
            };
            if let Some(Tool::Chain { active, .. }) = tool(me) {
                *active = a;
            }
            a
        } else {
            active
        };
        vm.roots.push(active);
        if let Some(v) = riter::next(vm, active)? {
            return Ok(Some(v));
        }
        if let Some(Tool::Chain { active, .. }) = tool(me) {
            *active = Value::NULL;
        }
    }
}

fn product_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(Tool::Product {
        pools,
        indices,
        result,
        stopped,
    }) = tool(me)
    else {
        return Ok(None);
    };
    if *stopped {
        return Ok(None);
    }
    let pools = items(*pools);
    match result {
        None => {
            let mut r = Vec::with_capacity(pools.len());
            for p in pools {
                match as_tuple(*p).and_then(|p| p.first()) {
                    Some(&e) => r.push(e),
                    None => {
                        *stopped = true;
                        return Ok(None);
                    }
                }
            }
            *result = Some(r);
        }
        Some(r) => {
            let mut i = pools.len();
            loop {
                if i == 0 {
                    *stopped = true;
                    return Ok(None);
                }
                i -= 1;
                let pool = items(pools[i]);
                indices[i] += 1;
                if indices[i] >= pool.len() {
                    indices[i] = 0;
                    r[i] = pool[0];
                } else {
                    r[i] = pool[indices[i]];
                    break;
                }
            }
        }
    }
    let items = result.as_ref().unwrap().clone();
    Ok(Some(vm.new_tuple(items)))
}

fn zip_longest_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(Tool::ZipLongest { its, numactive, .. }) = tool(me) else {
        return Ok(None);
    };
    let n = its.len();
    if n == 0 || *numactive == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(Tool::ZipLongest {
            its,
            numactive,
            fillvalue,
        }) = tool(me)
        else {
            return Ok(None);
        };
        let Some(&it) = its.get(i) else {
            return Ok(None);
        };
        let item = if it.is_null() {
            *fillvalue
        } else {
            let r = riter::next(vm, it);
            let Some(Tool::ZipLongest {
                its,
                numactive,
                fillvalue,
            }) = tool(me)
            else {
                return Ok(None);
            };
            match r {
                Ok(Some(v)) => v,
                Ok(None) => {
                    *numactive = numactive.saturating_sub(1);
                    if *numactive == 0 {
                        return Ok(None);
                    }
                    if let Some(x) = its.get_mut(i) {
                        *x = Value::NULL;
                    }
                    *fillvalue
                }
                Err(e) => {
                    *numactive = 0;
                    return Err(e);
                }
            }
        };
        let _ = numactive;
        vm.roots.push(item);
        out.push(item);
    }
    Ok(Some(vm.new_tuple(out)))
}

fn pairwise_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let clear = |me: Value| {
        if let Some(Tool::Pairwise { it, old }) = tool(me) {
            *it = Value::NULL;
            *old = Value::NULL;
        }
    };
    let Some(&mut Tool::Pairwise { it, old }) = tool(me) else {
        return Ok(None);
    };
    if it.is_null() {
        return Ok(None);
    }
    let old = if old.is_null() {
        let o = match riter::next(vm, it) {
            Ok(Some(o)) => o,
            r => {
                clear(me);
                return r;
            }
        };
        let Some(Tool::Pairwise { it, old }) = tool(me) else {
            return Ok(None);
        };
        if it.is_null() {
            *old = Value::NULL;
            return Ok(None);
        }
        *old = o;
        o
    } else {
        old
    };
    vm.roots.push(old);
    let new = match riter::next(vm, it) {
        Ok(Some(n)) => n,
        r => {
            clear(me);
            return r;
        }
    };
    vm.roots.push(new);
    if let Some(Tool::Pairwise { old, .. }) = tool(me) {
        *old = new;
    }
    Ok(Some(vm.new_tuple(vec![old, new])))
}

fn comb_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(Tool::Comb {
        kind,
        pool,
        r,
        indices,
        cycles,
        result,
        stopped,
    }) = tool(me)
    else {
        return Ok(None);
    };
    if *stopped {
        return Ok(None);
    }
    let pool = items(*pool);
    let (n, r) = (pool.len(), *r);
    match result {
        None => {
            let res: Vec<Value> = if *kind == Comb::Repl {
                match pool.first() {
                    Some(&e) => vec![e; r],
                    None => Vec::new(),
                }
            } else {
                indices[..r].iter().map(|&i| pool[i]).collect()
            };
            *result = Some(res);
        }
        Some(res) => {
            let advanced = match kind {
                Comb::Plain => {
                    // The rightmost index not at its maximum (i + n - r) goes up by one, those
                    // right of it follow it.
                    match (0..r).rev().find(|&i| indices[i] != i + n - r) {
                        None => false,
                        Some(i) => {
                            indices[i] += 1;
                            for j in i + 1..r {
                                indices[j] = indices[j - 1] + 1;
                            }
                            for j in i..r {
                                res[j] = pool[indices[j]];
                            }
                            true
                        }
                    }
                }
                Comb::Repl => match (0..r).rev().find(|&i| indices[i] != n - 1) {
                    None => false,
                    Some(i) => {
                        let index = indices[i] + 1;
                        let elem = pool[index];
                        for j in i..r {
                            indices[j] = index;
                            res[j] = elem;
                        }
                        true
                    }
                },
                Comb::Perm => {
                    let mut done = n == 0;
                    if !done {
                        done = true;
                        for i in (0..r).rev() {
                            cycles[i] -= 1;
                            if cycles[i] == 0 {
                                indices[i..].rotate_left(1);
                                cycles[i] = n - i;
                            } else {
                                let j = cycles[i];
                                indices.swap(i, n - j);
                                for k in i..r {
                                    res[k] = pool[indices[k]];
                                }
                                done = false;
                                break;
                            }
                        }
                    }
                    !done
                }
            };
            if !advanced {
                *stopped = true;
                return Ok(None);
            }
        }
    }
    let items = result.as_ref().unwrap().clone();
    Ok(Some(vm.new_tuple(items)))
}

fn cycle_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(&mut Tool::Cycle { it, .. }) = tool(me) else {
        return Ok(None);
    };
    if !it.is_null() {
        let r = riter::next(vm, it)?;
        let Some(Tool::Cycle {
            it,
            saved,
            firstpass,
            ..
        }) = tool(me)
        else {
            return Ok(None);
        };
        match r {
            Some(item) => {
                if !*firstpass {
                    if let Some(l) = as_list(*saved) {
                        l.push(item);
                    }
                }
                return Ok(Some(item));
            }
            None => *it = Value::NULL,
        }
    }
    let Some(Tool::Cycle { saved, index, .. }) = tool(me) else {
        return Ok(None);
    };
    let items = as_list(*saved).map_or(&[][..], |l| &l[..]);
    if items.is_empty() {
        return Ok(None);
    }
    if *index >= items.len() {
        *index = 0;
    }
    let item = items[*index];
    *index += 1;
    if *index >= items.len() {
        *index = 0;
    }
    Ok(Some(item))
}

/// groupby_step: the next value and its key become the current ones.
fn groupby_step(vm: &mut Vm, me: Value) -> PyResult<bool> {
    let Some(&mut Tool::Groupby { it, keyfunc, .. }) = tool(me) else {
        return Ok(false);
    };
    let Some(value) = riter::next(vm, it)? else {
        return Ok(false);
    };
    let key = if keyfunc == vm.none {
        value
    } else {
        vm.roots.push(value);
        let k = call(vm, keyfunc, &[value], &[]);
        vm.roots.pop();
        k?
    };
    if let Some(Tool::Groupby {
        currkey, currvalue, ..
    }) = tool(me)
    {
        *currvalue = value;
        *currkey = key;
    }
    Ok(true)
}

fn groupby_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    if let Some(Tool::Groupby { currgrouper, .. }) = tool(me) {
        *currgrouper = Value::NULL;
    }
    loop {
        let Some(&mut Tool::Groupby {
            tgtkey, currkey, ..
        }) = tool(me)
        else {
            return Ok(None);
        };
        if !currkey.is_null() {
            if tgtkey.is_null() {
                break;
            }
            vm.roots.extend([tgtkey, currkey]);
            if !eq(vm, tgtkey, currkey)? {
                break;
            }
        }
        if !groupby_step(vm, me)? {
            return Ok(None);
        }
    }
    let Some(Tool::Groupby {
        tgtkey, currkey, ..
    }) = tool(me)
    else {
        return Ok(None);
    };
    *tgtkey = *currkey;
    let key = *currkey;
    let g = grouper_create(vm, me, key);
    vm.roots.push(g);
    Ok(Some(vm.new_tuple(vec![key, g])))
}

fn grouper_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(&mut Tool::Grouper { parent, tgtkey }) = tool(me) else {
        return Ok(None);
    };
    vm.roots.push(parent);
    let Some(&mut Tool::Groupby {
        currgrouper,
        currvalue,
        ..
    }) = tool(parent)
    else {
        return Ok(None);
    };
    if currgrouper != me {
        return Ok(None);
    }
    if currvalue.is_null() && !groupby_step(vm, parent)? {
        return Ok(None);
    }
    let Some(&mut Tool::Groupby { currkey, .. }) = tool(parent) else {
        return Ok(None);
    };
    if !eq(vm, tgtkey, currkey)? {
        return Ok(None);
    }
    let Some(Tool::Groupby {
        currkey, currvalue, ..
    }) = tool(parent)
    else {
        return Ok(None);
    };
    let r = *currvalue;
    *currvalue = Value::NULL;
    *currkey = Value::NULL;
    Ok(Some(r))
}

// ---- repr, __length_hint__, __reduce__, __setstate__ --------------------------------------------

/// The repr of a count or repeat (`name` its type's name), None for the other types.
pub fn repr(vm: &mut Vm, v: Value, name: &str) -> PyResult<Option<String>> {
    let (a, b) = match tool(v) {
        Some(&mut Tool::Count {
            cnt,
            long_cnt,
            long_step,
        }) => {
            if cnt != i64::MAX {
                return Ok(Some(format!("{name}({cnt})")));
            }
            let step_one = is_long(vm, long_step) && long_ssize(vm, long_step).ok() == Some(1);
            (long_cnt, (!step_one).then_some(long_step))
        }
        Some(&mut Tool::Repeat { element, cnt }) => {
            let r = repr_counted(vm, element)?;
            return Ok(Some(if cnt == -1 {
                format!("{name}({r})")
            } else {
                format!("{name}({r}, {cnt})")
            }));
        }
        _ => return Ok(None),
    };
    let ra = repr_counted(vm, a)?;
    Ok(Some(match b {
        None => format!("{name}({ra})"),
        Some(b) => format!("{name}({ra}, {})", repr_counted(vm, b)?),
    }))
}

/// repr() of an item, counted against the recursion limit (`repeat` of itself recurses).
fn repr_counted(vm: &mut Vm, v: Value) -> PyResult<String> {
    vm.enter_recursive(" while getting the repr of an object")?;
    let r = crate::vm::runtime::repr::repr_string(vm, v);
    vm.leave_recursive();
    r
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__length_hint__", args, kw, 1, 0, 0)?;
    match tool(args[0]) {
        Some(&mut Tool::Repeat { cnt: -1, .. }) => Err(vm.type_error("len() of unsized object")),
        Some(&mut Tool::Repeat { cnt, .. }) => Ok(vm.new_int(cnt)),
        _ => Ok(vm.new_int(0)),
    }
}

/// `(type(self), args)` or `(type(self), args, state)`.
fn reduced(vm: &mut Vm, cls: Value, args: Vec<Value>, state: Option<Value>) -> Value {
    rooted(vm, |vm| {
        vm.roots.extend(args.iter().copied());
        vm.roots.extend(state);
        let a = vm.new_tuple(args);
        vm.roots.push(a);
        let mut items = vec![cls, a];
        items.extend(state);
        vm.new_tuple(items)
    })
}

fn ints_tuple(vm: &mut Vm, xs: &[usize]) -> Value {
    let items = xs.iter().map(|&i| vm.new_int(i as i64)).collect();
    vm.new_tuple(items)
}

fn reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let me = args[0];
    let cls = Value::from_ptr(vm.type_of(me));
    let Some(t) = tool(me) else {
        let tn = vm.type_name(me);
        return Err(vm.type_error(format!("cannot pickle '{tn}' object")));
    };
    let int = |vm: &mut Vm, i: i64| vm.new_int(i);
    Ok(match t {
        &mut Tool::Islice {
            it,
            next,
            stop,
            step,
            cnt,
        } => {
            if it.is_null() {
                let l = vm.new_list(Vec::new());
                vm.roots.push(l);
                let e = get_iter(vm, l);
                vm.roots.pop();
                let e = e?;
                vm.roots.push(e);
                let z = int(vm, 0);
                let r = reduced(vm, cls, vec![e, z], Some(z));
                vm.roots.pop();
                r
            } else {
                let stop = if stop == -1 { vm.none } else { int(vm, stop) };
                let (next, step, cnt) = (int(vm, next), int(vm, step), int(vm, cnt));
                reduced(vm, cls, vec![it, next, stop, step], Some(cnt))
            }
        }
        &mut Tool::Chain { source, active } => {
            let state = match (source.is_null(), active.is_null()) {
                (true, _) => None,
                (false, true) => Some(vec![source]),
                (false, false) => Some(vec![source, active]),
            };
            let state = state.map(|s| vm.new_tuple(s));
            reduced(vm, cls, Vec::new(), state)
        }
        &mut Tool::Count {
            cnt,
            long_cnt,
            long_step,
        } => {
            if cnt == i64::MAX {
                reduced(vm, cls, vec![long_cnt, long_step], None)
            } else {
                let c = int(vm, cnt);
                reduced(vm, cls, vec![c], None)
            }
        }
        &mut Tool::Repeat { element, cnt } => {
            if cnt >= 0 {
                let c = int(vm, cnt);
                reduced(vm, cls, vec![element, c], None)
            } else {
                reduced(vm, cls, vec![element], None)
            }
        }
        Tool::Product {
            pools,
            indices,
            result,
            stopped,
        } => {
            if *stopped {
                let e = vm.new_tuple(Vec::new());
                reduced(vm, cls, vec![e], None)
            } else {
                let pools = *pools;
                let state = result.is_some().then(|| indices.clone());
                let p = items(pools).to_vec();
                let state = state.map(|s| ints_tuple(vm, &s));
                reduced(vm, cls, p, state)
            }
        }
        Tool::ZipLongest { its, fillvalue, .. } => {
            let (its, fill) = (its.clone(), *fillvalue);
            let empty = vm.new_tuple(Vec::new());
            let a = its
                .iter()
                .map(|&i| if i.is_null() { empty } else { i })
                .collect();
            reduced(vm, cls, a, Some(fill))
        }
        &mut Tool::Func {
            kind,
            func,
            it,
            flag,
        } => {
            let with_flag = matches!(kind, FuncKind::Takewhile | FuncKind::Dropwhile);
            let f = with_flag.then(|| vm.bool_val(flag));
            reduced(vm, cls, vec![func, it], f)
        }
        &mut Tool::Compress { data, selectors } => reduced(vm, cls, vec![data, selectors], None),
        &mut Tool::Accumulate {
            it,
            binop,
            total,
            initial,
        } => {
            let none = vm.none;
            let binop = if binop.is_null() { none } else { binop };
            if !initial.is_null() {
                let it = chain_of(vm, initial, it);
                return Ok(reduced(vm, cls, vec![it, binop], Some(none)));
            }
            if total == none {
                // A total of None would read as "not started": restart from an accumulate of
                // None followed by the rest, skipping the None again.
                let c = chain_of(vm, total, it);
                vm.roots.push(c);
                let a = call(vm, cls, &[c, binop], &[]);
                vm.roots.pop();
                let a = a?;
                vm.roots.push(a);
                let one = int(vm, 1);
                let islice = Value::from_ptr(vm.t.it_islice);
                let r = reduced(vm, islice, vec![a, one, none], None);
                vm.roots.pop();
                return Ok(r);
            }
            let total = if total.is_null() { none } else { total };
            reduced(vm, cls, vec![it, binop], Some(total))
        }
        Tool::Pairwise { .. } => {
            let tn = crate::vm::interp::type_tp_name(vm.type_of(me));
            return Err(vm.type_error(format!("cannot pickle '{tn}' object")));
        }
        Tool::Comb {
            kind,
            pool,
            r,
            indices,
            cycles,
            result,
            stopped,
        } => {
            let (pool, kind) = (*pool, *kind);
            let rv = int(vm, *r as i64);
            if result.is_none() {
                reduced(vm, cls, vec![pool, rv], None)
            } else if *stopped {
                let e = vm.new_tuple(Vec::new());
                reduced(vm, cls, vec![e, rv], None)
            } else {
                let (indices, cycles, r) = (indices.clone(), cycles.clone(), *r);
                let state = if kind == Comb::Perm {
                    let i = ints_tuple(vm, &indices);
                    vm.roots.push(i);
                    let c = ints_tuple(vm, &cycles);
                    vm.roots.pop();
                    vm.new_tuple(vec![i, c])
                } else {
                    ints_tuple(vm, &indices[..r])
                };
                reduced(vm, cls, vec![pool, rv], Some(state))
            }
        }
        &mut Tool::Cycle {
            it,
            saved,
            index,
            firstpass,
        } => {
            if it.is_null() {
                let i = get_iter(vm, saved)?;
                vm.roots.push(i);
                if index != 0 {
                    let iv = int(vm, index as i64);
                    vm.roots.push(iv);
                    let k = vm.intern("__setstate__");
                    let f = crate::vm::runtime::attr::getattr(vm, i, k)?;
                    vm.roots.push(f);
                    call(vm, f, &[iv], &[])?;
                    vm.roots.truncate(vm.roots.len() - 2);
                }
                let t = vm.true_;
                let st = vm.new_tuple(vec![saved, t]);
                vm.roots.push(st);
                let r = reduced(vm, cls, vec![i], Some(st));
                vm.roots.truncate(vm.roots.len() - 2);
                r
            } else {
                let f = vm.bool_val(firstpass);
                let st = vm.new_tuple(vec![saved, f]);
                reduced(vm, cls, vec![it], Some(st))
            }
        }
        &mut Tool::Groupby {
            it,
            keyfunc,
            tgtkey,
            currkey,
            currvalue,
            ..
        } => {
            if !tgtkey.is_null() && !currkey.is_null() && !currvalue.is_null() {
                let st = vm.new_tuple(vec![currkey, currvalue, tgtkey]);
                reduced(vm, cls, vec![it, keyfunc], Some(st))
            } else {
                reduced(vm, cls, vec![it, keyfunc], None)
            }
        }
        &mut Tool::Grouper { parent, tgtkey } => {
            let current = matches!(tool(parent), Some(Tool::Groupby { currgrouper, .. }) if *currgrouper == tool_base(me));
            if current {
                reduced(vm, cls, vec![parent, tgtkey], None)
            } else {
                let iter = {
                    let k = vm.intern("iter");
                    crate::vm::runtime::dict::dict_get_str(vm, vm.builtins, k).unwrap_or(vm.none)
                };
                let e = vm.new_tuple(Vec::new());
                reduced(vm, iter, vec![e], None)
            }
        }
    })
}

/// The built-in object of `v` (itself, or what a subclass instance wraps).
fn tool_base(v: Value) -> Value {
    crate::vm::types::subclass::base_value(v).unwrap_or(v)
}

/// `chain((first,), it)`.
fn chain_of(vm: &mut Vm, first: Value, it: Value) -> Value {
    rooted(vm, |vm| {
        let one = vm.new_tuple(vec![first]);
        vm.roots.push(one);
        let both = vm.new_tuple(vec![one, it]);
        vm.roots.push(both);
        let src = get_iter(vm, both).unwrap_or(Value::NULL);
        vm.roots.push(src);
        let ty = vm.t.it_chain;
        new_tool(
            vm,
            ty,
            Tool::Chain {
                source: src,
                active: Value::NULL,
            },
        )
    })
}

fn setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setstate__", args, kw, 1, 1, 1)?;
    let (me, state) = (args[0], args[1]);
    let none = vm.none;
    let Some(t) = tool(me) else {
        return Ok(none);
    };
    match t {
        Tool::Islice { .. } => {
            let c = long_ssize(vm, state)?;
            if let Some(Tool::Islice { cnt, .. }) = tool(me) {
                *cnt = c;
            }
        }
        Tool::Chain { .. } => {
            let items = state_items(vm, state, 1, 2)?;
            let source = items[0];
            let active = items.get(1).copied();
            if !is_iterator(vm, source) || active.is_some_and(|a| !is_iterator(vm, a)) {
                return Err(vm.type_error("Arguments must be iterators."));
            }
            if let Some(Tool::Chain {
                source: s,
                active: a,
            }) = tool(me)
            {
                *s = source;
                *a = active.unwrap_or(Value::NULL);
            }
        }
        Tool::Product { pools, .. } => {
            let pools = items(*pools).to_vec();
            let n = pools.len();
            let items = match as_tuple(state) {
                Some(s) if s.len() == n => s.to_vec(),
                _ => return Err(vm.value_error("invalid arguments")),
            };
            let mut idx = Vec::with_capacity(n);
            for (i, &x) in items.iter().enumerate() {
                let index = long_ssize(vm, x)?;
                let size = as_tuple(pools[i]).map_or(0, |p| p.len());
                if size == 0 {
                    if let Some(Tool::Product { stopped, .. }) = tool(me) {
                        *stopped = true;
                    }
                    return Ok(none);
                }
                idx.push(index.clamp(0, size as i64 - 1) as usize);
            }
            let res = idx
                .iter()
                .zip(&pools)
                .map(|(&i, &p)| as_tuple(p).unwrap()[i])
                .collect();
            if let Some(Tool::Product {
                indices, result, ..
            }) = tool(me)
            {
                *indices = idx;
                *result = Some(res);
            }
        }
        Tool::ZipLongest { fillvalue, .. } => *fillvalue = state,
        Tool::Accumulate { total, .. } => *total = state,
        Tool::Func { .. } => {
            let b = truthy(vm, state)?;
            if let Some(Tool::Func { flag, .. }) = tool(me) {
                *flag = b;
            }
        }
        Tool::Comb { kind, .. } if *kind == Comb::Perm => perm_setstate(vm, me, state)?,
        &mut Tool::Comb { kind, pool, r, .. } => {
            let n = as_tuple(pool).map_or(0, |p| p.len()) as i64;
            let items = match as_tuple(state) {
                Some(s) if s.len() == r => s.to_vec(),
                _ => return Err(vm.value_error("invalid arguments")),
            };
            let mut idx = Vec::with_capacity(r);
            for (i, &x) in items.iter().enumerate() {
                let index = long_ssize(vm, x)?;
                let max = if kind == Comb::Plain {
                    i as i64 + n - r as i64
                } else {
                    n - 1
                };
                idx.push(index.min(max).max(0) as usize);
            }
            set_comb_result(me, idx, None);
        }
        Tool::Cycle { .. } => {
            let items = state_items(vm, state, 2, 2)?;
            let saved = items[0];
            if as_list(saved).is_none() || vm.type_of(saved) != vm.t.list {
                let tn = vm.arg_type_name(saved);
                return Err(vm.type_error(format!("argument 1 must be list, not {tn}")));
            }
            let first = crate::vm::runtime::num::c_int_arg(vm, items[1])? != 0;
            if let Some(Tool::Cycle {
                saved: s,
                firstpass,
                index,
                ..
            }) = tool(me)
            {
                *s = saved;
                *firstpass = first;
                *index = 0;
            }
        }
        Tool::Groupby { .. } => {
            let items = state_items(vm, state, 3, 3)?;
            if let Some(Tool::Groupby {
                currkey,
                currvalue,
                tgtkey,
                ..
            }) = tool(me)
            {
                *currkey = items[0];
                *currvalue = items[1];
                *tgtkey = items[2];
            }
        }
        _ => {}
    }
    Ok(none)
}

/// Sets a combinations iterator's indices (and cycles) and its current result from them,
/// when every index is inside the pool (anything else leaves it stopped).
fn set_comb_result(me: Value, idx: Vec<usize>, cyc: Option<Vec<usize>>) {
    let Some(Tool::Comb {
        pool,
        r,
        indices,
        cycles,
        result,
        stopped,
        ..
    }) = tool(me)
    else {
        return;
    };
    let pool = items(*pool);
    let res: Option<Vec<Value>> = idx[..(*r).min(idx.len())]
        .iter()
        .map(|&i| pool.get(i).copied())
        .collect();
    match res {
        Some(res) if res.len() == *r => {
            *indices = idx;
            if let Some(c) = cyc {
                *cycles = c;
            }
            *result = Some(res);
        }
        _ => *stopped = true,
    }
}

fn perm_setstate(vm: &mut Vm, me: Value, state: Value) -> PyResult<()> {
    let items = state_items(vm, state, 2, 2)?;
    for (i, &x) in items.iter().enumerate() {
        if as_tuple(x).is_none() {
            let tn = vm.arg_type_name(x);
            return Err(vm.type_error(format!("argument {} must be tuple, not {tn}", i + 1)));
        }
    }
    let (ind, cyc) = (self::items(items[0]), self::items(items[1]));
    let Some(&mut Tool::Comb { pool, r, .. }) = tool(me) else {
        return Ok(());
    };
    let n = as_tuple(pool).map_or(0, |p| p.len());
    if ind.len() != n || cyc.len() != r {
        return Err(vm.value_error("invalid arguments"));
    }
    let mut idx = Vec::with_capacity(n);
    for &x in ind {
        let i = long_ssize(vm, x)?;
        idx.push(i.min(n as i64 - 1).max(0) as usize);
    }
    let mut cycles = Vec::with_capacity(r);
    for (i, &x) in cyc.iter().enumerate() {
        let c = long_ssize(vm, x)?;
        cycles.push(c.min(n as i64 - i as i64).max(1) as usize);
    }
    if r > n {
        // No permutation of r > n items: it stays stopped.
        return Ok(());
    }
    set_comb_result(me, idx, Some(cycles));
    Ok(())
}

// ---- docstrings ---------------------------------------------------------------------------------

const DOC_COUNT: &str = "Return a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step";
const DOC_REPEAT: &str = "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.";
const DOC_ISLICE: &str = "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator.";
const DOC_CHAIN: &str = "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.";
const DOC_PRODUCT: &str = "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...";
const DOC_ZIP_LONGEST: &str = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.\n";
const DOC_STARMAP: &str = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.";
const DOC_ACCUMULATE: &str =
    "Return series of accumulated sums (or other binary function results).";
const DOC_COMPRESS: &str = "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements.";
const DOC_TAKEWHILE: &str = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.";
const DOC_DROPWHILE: &str = "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.";
const DOC_FILTERFALSE: &str = "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.";
const DOC_PAIRWISE: &str = "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0, s1), (s1, s2), (s2, s3), ...";
const DOC_COMBINATIONS: &str = "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)";
const DOC_COMBINATIONS_WITH_REPLACEMENT: &str = "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')";
const DOC_PERMUTATIONS: &str = "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)";
const DOC_CYCLE: &str = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.";
const DOC_GROUPBY: &str = "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.";
