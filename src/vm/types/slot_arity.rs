//! How many arguments (after `self`) CPython's slot wrappers and no-argument dunder methods take:
//! `str.__repr__('', 1)` is a TypeError there ("expected 0 arguments, got 1"), whatever the
//! built-in behind it would do with the extra argument. Checked once in `call::call` for every
//! built-in method of a built-in type, so each method needs no count check of its own.

/// (min, max) positional arguments after self, for the dunders CPython implements as slot
/// wrappers or METH_NOARGS / METH_O methods.
pub fn slot_arity(name: &str) -> Option<(usize, usize)> {
    if !(name.starts_with("__") && name.ends_with("__")) {
        return None;
    }
    Some(match name {
        "__repr__" | "__str__" | "__hash__" | "__len__" | "__iter__" | "__next__" | "__neg__"
        | "__pos__" | "__abs__" | "__invert__" | "__int__" | "__float__" | "__index__"
        | "__bool__" | "__await__" | "__aiter__" | "__anext__" | "__del__" => (0, 0),
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__add__"
        | "__radd__" | "__sub__" | "__rsub__" | "__mul__" | "__rmul__" | "__mod__" | "__rmod__"
        | "__divmod__" | "__rdivmod__" | "__lshift__" | "__rlshift__" | "__rshift__"
        | "__rrshift__" | "__and__" | "__rand__" | "__xor__" | "__rxor__" | "__or__"
        | "__ror__" | "__floordiv__" | "__rfloordiv__" | "__truediv__" | "__rtruediv__"
        | "__matmul__" | "__rmatmul__" | "__iadd__" | "__isub__" | "__imul__" | "__imod__"
        | "__ilshift__" | "__irshift__" | "__iand__" | "__ixor__" | "__ior__" | "__ifloordiv__"
        | "__itruediv__" | "__imatmul__" | "__contains__" | "__getitem__" | "__delitem__"
        | "__getattribute__" | "__delattr__" | "__delete__" => (1, 1),
        "__setitem__" | "__setattr__" | "__set__" => (2, 2),
        "__pow__" | "__rpow__" | "__ipow__" | "__get__" => (1, 2),
        _ => return None,
    })
}

/// The dunders CPython defines as METH_NOARGS (`Some(0)`) or METH_O (`Some(1)`) methods, not
/// slot wrappers, on built-in types: their errors name the defining type
/// (`int.__sizeof__() takes no arguments (1 given)`). `range.__reduce__` is METH_VARARGS and
/// ignores its arguments; `bytearray.__reduce_ex__` takes an optional protocol.
pub fn method_arity(owner: &str, name: &str) -> Option<usize> {
    match name {
        "__sizeof__" | "__getnewargs__" | "__trunc__" | "__floor__" | "__ceil__"
        | "__reversed__" | "__complex__" | "__getstate__" | "__subclasses__" | "__bytes__"
        | "__length_hint__" => Some(0),
        "__reduce__" if owner != "range" => Some(0),
        "__format__" | "__instancecheck__" | "__subclasscheck__" | "__setstate__"
        | "__class_getitem__" => Some(1),
        "__reduce_ex__" if owner != "bytearray" => Some(1),
        // list and dict define `__getitem__` as a method (METH_COEXIST), dict and set
        // `__contains__`.
        "__getitem__" if matches!(owner, "list" | "dict") => Some(1),
        "__contains__" if matches!(owner, "dict" | "set" | "frozenset") => Some(1),
        _ => None,
    }
}

/// The TypeError message when `got` positionals (and `nkw` keywords) do not fit the arity of
/// `owner`'s method `name`, None when they do.
pub fn arity_error(owner: &str, name: &str, got: usize, nkw: usize) -> Option<String> {
    if let Some(n) = method_arity(owner, name) {
        if nkw > 0 {
            return Some(format!("{owner}.{name}() takes no keyword arguments"));
        }
        if got != n {
            let what = if n == 0 {
                "no arguments"
            } else {
                "exactly one argument"
            };
            return Some(format!("{owner}.{name}() takes {what} ({got} given)"));
        }
        return None;
    }
    let (lo, hi) = slot_arity(name)?;
    if nkw > 0 {
        return Some(format!("wrapper {name}() takes no keyword arguments"));
    }
    if (lo..=hi).contains(&got) {
        return None;
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    Some(if lo == hi && lo == 2 {
        // The two-argument wrappers (setattr, setitem, descr_set) unpack with
        // PyArg_UnpackTuple and an empty name too, not check_num_args.
        format!(" expected 2 arguments, got {got}")
    } else if lo == hi {
        format!("expected {lo} argument{}, got {got}", plural(lo))
    } else if got < lo {
        // PyArg_UnpackTuple with an empty name: the message starts with a space.
        format!(" expected at least {lo} argument{}, got {got}", plural(lo))
    } else {
        format!(" expected at most {hi} argument{}, got {got}", plural(hi))
    })
}
