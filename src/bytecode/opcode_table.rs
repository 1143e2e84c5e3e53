// THE opcode table: the single source of truth for every instruction (DEVELOPERS rule 6).
//
// This file is `include!`d both by the crate (src/bytecode/opcode.rs) and by build.rs (which drives the
// stencil list from it), so it holds only this macro: no `use`, no crate paths.
//
// `for_each_opcode!(callback)` calls `callback! { ... }` with one entry per instruction:
//
//   NAME = number, stack: |oparg, jump| (pops, pushes), operand: OperandKind, cache: inline cache
//   entries (code units after the instruction), deopt: the generic instruction a specialized one falls
//   back to (itself for generic ones), stencil: Own (a dedicated stencil) | Generic (compiled as a call to
//   its runtime function) | No (never compiled), doc: one line;
//
// `jump` is true for the stack effect along the branch-taken edge of a jump instruction. Numbers are
// cpjit's own (not CPython's); names and meanings follow CPython 3.11/3.12. Generic instructions come
// first and every specialized one after them (from `FIRST_SPECIALIZED`), so the interpreter tells a
// specialized instruction by one compare of its opcode byte.
//
// Conventions shared by every entry: TOS = STACK[-1], TOS1 = STACK[-2], ...; jump opargs are absolute
// code-unit indices (cache units count); `Local` opargs index localsplus (locals, then cells, then free
// variables: 3.11's numbering for *_DEREF, MAKE_CELL and LOAD_CLOSURE too); an exception raised in a
// range of the exception table pops the stack to the entry's depth, pushes the raising instruction's
// index (as an int) if the entry has `lasti`, pushes the exception and jumps to the handler.

#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            NOP = 0, stack: |_a, _j| (0, 0), operand: None, cache: 0,
                deopt: NOP, stencil: Own,
                doc: "Do nothing.";
            POP_TOP = 1, stack: |_a, _j| (1, 0), operand: None, cache: 0,
                deopt: POP_TOP, stencil: Own,
                doc: "Discard the top of the stack.";
            LOAD_CONST = 2, stack: |_a, _j| (0, 1), operand: Const, cache: 0,
                deopt: LOAD_CONST, stencil: Own,
                doc: "Push co_consts[oparg].";
            LOAD_FAST = 3, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_FAST, stencil: Own,
                doc: "Push local oparg; UnboundLocalError if it is unbound.";
            STORE_FAST = 4, stack: |_a, _j| (1, 0), operand: Local, cache: 0,
                deopt: STORE_FAST, stencil: Own,
                doc: "Pop into local oparg.";
            BINARY_OP = 5, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "TOS = TOS1 <op> TOS, op = oparg (an NB_* code, see opcode::nb; >= 13 are the in-place forms); adaptive.";
            COMPARE_OP = 6, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Generic,
                doc: "TOS = TOS1 <cmp> TOS, cmp = oparg (0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=, as Py_LT..Py_GE); adaptive.";
            POP_JUMP_IF_FALSE = 7, stack: |_a, _j| (1, 0), operand: Jump, cache: 0,
                deopt: POP_JUMP_IF_FALSE, stencil: Own,
                doc: "Pop TOS; jump to oparg if it is false.";
            POP_JUMP_IF_TRUE = 8, stack: |_a, _j| (1, 0), operand: Jump, cache: 0,
                deopt: POP_JUMP_IF_TRUE, stencil: Own,
                doc: "Pop TOS; jump to oparg if it is true.";
            JUMP_FORWARD = 9, stack: |_a, _j| (0, 0), operand: Jump, cache: 0,
                deopt: JUMP_FORWARD, stencil: Own,
                doc: "Jump forward to oparg.";
            JUMP_BACKWARD = 10, stack: |_a, _j| (0, 0), operand: Jump, cache: 0,
                deopt: JUMP_BACKWARD, stencil: Own,
                doc: "Jump backward to oparg (a loop edge: checks for GC and JIT entry).";
            GET_ITER = 11, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: GET_ITER, stencil: Generic,
                doc: "TOS = iter(TOS).";
            FOR_ITER = 12, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Generic,
                doc: "Push next(TOS); when exhausted pop the iterator and jump to oparg; adaptive.";
            RETURN_VALUE = 13, stack: |_a, _j| (1, 0), operand: None, cache: 0,
                deopt: RETURN_VALUE, stencil: Own,
                doc: "Return TOS to the caller.";
            PUSH_NULL = 14, stack: |_a, _j| (0, 1), operand: None, cache: 0,
                deopt: PUSH_NULL, stencil: Own,
                doc: "Push NULL (marks a CALL / CALL_FUNCTION_EX whose callable is not a method).";
            COPY = 15, stack: |a, _j| (a, a + 1), operand: Count, cache: 0,
                deopt: COPY, stencil: Own,
                doc: "Push a copy of the oparg-th item from the top (COPY 1 duplicates TOS); oparg >= 1.";
            SWAP = 16, stack: |a, _j| (a, a), operand: Count, cache: 0,
                deopt: SWAP, stencil: Own,
                doc: "Swap TOS with the oparg-th item from the top (oparg >= 2).";
            UNARY_POSITIVE = 17, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: UNARY_POSITIVE, stencil: Generic,
                doc: "TOS = +TOS.";
            UNARY_NEGATIVE = 18, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: UNARY_NEGATIVE, stencil: Generic,
                doc: "TOS = -TOS.";
            UNARY_NOT = 19, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: UNARY_NOT, stencil: Own,
                doc: "TOS = not TOS (a bool).";
            UNARY_INVERT = 20, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: UNARY_INVERT, stencil: Generic,
                doc: "TOS = ~TOS.";
            IS_OP = 21, stack: |_a, _j| (2, 1), operand: Raw, cache: 0,
                deopt: IS_OP, stencil: Own,
                doc: "TOS = (TOS1 is TOS) if oparg == 0 else (TOS1 is not TOS).";
            CONTAINS_OP = 22, stack: |_a, _j| (2, 1), operand: Raw, cache: 0,
                deopt: CONTAINS_OP, stencil: Generic,
                doc: "TOS = (TOS1 in TOS) if oparg == 0 else (TOS1 not in TOS).";
            BINARY_SUBSCR = 23, stack: |_a, _j| (2, 1), operand: None, cache: 1,
                deopt: BINARY_SUBSCR, stencil: Generic,
                doc: "TOS = TOS1[TOS].";
            STORE_SUBSCR = 24, stack: |_a, _j| (3, 0), operand: None, cache: 1,
                deopt: STORE_SUBSCR, stencil: Generic,
                doc: "TOS1[TOS] = TOS2; pops all three.";
            DELETE_SUBSCR = 25, stack: |_a, _j| (2, 0), operand: None, cache: 0,
                deopt: DELETE_SUBSCR, stencil: Generic,
                doc: "del TOS1[TOS]; pops both.";
            BINARY_SLICE = 26, stack: |_a, _j| (3, 1), operand: None, cache: 0,
                deopt: BINARY_SLICE, stencil: Generic,
                doc: "(3.12) TOS = TOS2[TOS1:TOS] (the bounds may be None).";
            STORE_SLICE = 27, stack: |_a, _j| (4, 0), operand: None, cache: 0,
                deopt: STORE_SLICE, stencil: Generic,
                doc: "(3.12) TOS2[TOS1:TOS] = TOS3; pops all four.";
            BUILD_SLICE = 28, stack: |a, _j| (a, 1), operand: Count, cache: 0,
                deopt: BUILD_SLICE, stencil: Generic,
                doc: "oparg is 2 or 3: push slice(TOS1, TOS) or slice(TOS2, TOS1, TOS), popping the parts.";
            LOAD_NAME = 29, stack: |_a, _j| (0, 1), operand: Name, cache: 0,
                deopt: LOAD_NAME, stencil: Generic,
                doc: "Push the value of co_names[oparg] looked up in locals, then globals, then builtins (NameError if absent).";
            STORE_NAME = 30, stack: |_a, _j| (1, 0), operand: Name, cache: 0,
                deopt: STORE_NAME, stencil: Generic,
                doc: "locals[co_names[oparg]] = TOS (pops).";
            DELETE_NAME = 31, stack: |_a, _j| (0, 0), operand: Name, cache: 0,
                deopt: DELETE_NAME, stencil: Generic,
                doc: "del locals[co_names[oparg]] (NameError if absent).";
            LOAD_GLOBAL = 32, stack: |a, _j| (0, 1 + (a & 1)), operand: GlobalName, cache: 6,
                deopt: LOAD_GLOBAL, stencil: Generic,
                doc: "Push NULL if oparg & 1, then the global or builtin co_names[oparg >> 1] (NameError if absent); adaptive.";
            STORE_GLOBAL = 33, stack: |_a, _j| (1, 0), operand: Name, cache: 0,
                deopt: STORE_GLOBAL, stencil: Generic,
                doc: "globals[co_names[oparg]] = TOS (pops).";
            DELETE_GLOBAL = 34, stack: |_a, _j| (0, 0), operand: Name, cache: 0,
                deopt: DELETE_GLOBAL, stencil: Generic,
                doc: "del globals[co_names[oparg]] (NameError if absent).";
            DELETE_FAST = 35, stack: |_a, _j| (0, 0), operand: Local, cache: 0,
                deopt: DELETE_FAST, stencil: Generic,
                doc: "Unbind local oparg (UnboundLocalError if it is unbound).";
            MAKE_CELL = 36, stack: |_a, _j| (0, 0), operand: Local, cache: 0,
                deopt: MAKE_CELL, stencil: Generic,
                doc: "Replace slot oparg by a new cell holding its current value (possibly NULL).";
            LOAD_CLOSURE = 37, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_CLOSURE, stencil: Generic,
                doc: "Push the cell in slot oparg itself (to build a closure tuple).";
            LOAD_DEREF = 38, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_DEREF, stencil: Own,
                doc: "Push the contents of the cell in slot oparg (NameError / UnboundLocalError if empty, as CPython).";
            LOAD_CLASSDEREF = 39, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_CLASSDEREF, stencil: Generic,
                doc: "Class bodies: push locals[name of slot oparg] if present, else the contents of the cell in slot oparg.";
            STORE_DEREF = 40, stack: |_a, _j| (1, 0), operand: Local, cache: 0,
                deopt: STORE_DEREF, stencil: Own,
                doc: "Pop into the cell in slot oparg.";
            DELETE_DEREF = 41, stack: |_a, _j| (0, 0), operand: Local, cache: 0,
                deopt: DELETE_DEREF, stencil: Generic,
                doc: "Empty the cell in slot oparg (error if already empty).";
            COPY_FREE_VARS = 42, stack: |_a, _j| (0, 0), operand: Count, cache: 0,
                deopt: COPY_FREE_VARS, stencil: Own,
                doc: "Copy the oparg cells of the function's closure tuple into the last oparg slots (the free slots).";
            LOAD_ATTR = 43, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Generic,
                doc: "TOS = getattr(TOS, co_names[oparg]); adaptive.";
            STORE_ATTR = 44, stack: |_a, _j| (2, 0), operand: Name, cache: 7,
                deopt: STORE_ATTR, stencil: Generic,
                doc: "setattr(TOS, co_names[oparg], TOS1); pops both; adaptive.";
            DELETE_ATTR = 45, stack: |_a, _j| (1, 0), operand: Name, cache: 0,
                deopt: DELETE_ATTR, stencil: Generic,
                doc: "delattr(TOS, co_names[oparg]); pops it.";
            LOAD_METHOD = 46, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Generic,
                doc: "Pop obj; if obj.<co_names[oparg]> is a plain method (a function found on the type, not shadowed), push the unbound method then obj; else push NULL then the attribute; adaptive.";
            KW_NAMES = 47, stack: |_a, _j| (0, 0), operand: Const, cache: 0,
                deopt: KW_NAMES, stencil: Generic,
                doc: "Record co_consts[oparg] (a tuple of str) as the keyword names of the next CALL.";
            CALL = 48, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "Stack: NULL, callable, args... or method, self, args...; oparg = number of args (excluding self), the last len(kwnames) of them keyword values named by the preceding KW_NAMES; pops all, pushes the result; adaptive.";
            CALL_FUNCTION_EX = 49, stack: |a, _j| (3 + (a & 1), 1), operand: Raw, cache: 0,
                deopt: CALL_FUNCTION_EX, stencil: Generic,
                doc: "Stack: NULL, callable, args, [kwargs dict if oparg & 1]: pops them and pushes callable(*args, **kwargs); args is any iterable (made a tuple if it is not one).";
            MAKE_FUNCTION = 50, stack: |a, _j| (1 + (a & 0xF).count_ones(), 1), operand: Raw, cache: 0,
                deopt: MAKE_FUNCTION, stencil: Generic,
                doc: "Pop a code object, then (if flag set) closure tuple (8), annotations tuple of name/value pairs (4), kwdefaults dict (2), defaults tuple (1); push the new function (qualname from the code object).";
            RETURN_GENERATOR = 51, stack: |_a, _j| (0, 1), operand: None, cache: 0,
                deopt: RETURN_GENERATOR, stencil: Generic,
                doc: "First instruction of a generator: create the generator (owning this frame) and return it to the caller; on the first resume the sent value (None) is pushed.";
            YIELD_VALUE = 52, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: YIELD_VALUE, stencil: Generic,
                doc: "Pop TOS and yield it from the generator; when resumed, push the value sent (None for next()).";
            RESUME = 53, stack: |_a, _j| (0, 0), operand: Raw, cache: 0,
                deopt: RESUME, stencil: Own,
                doc: "No-op marking where a frame (re)starts: oparg 0 function start, 1 after a yield, 2 after a yield-from's yield, 3 after an await's yield (>= 2: TOS is the delegated-to subiterator, for throw()/close()).";
            SEND = 54, stack: |_a, j| if j { (2, 1) } else { (2, 2) }, operand: Jump, cache: 0,
                deopt: SEND, stencil: Generic,
                doc: "TOS1 = receiver, TOS = value: r = receiver.send(value) (next(receiver) if value is None); if it yields, replace TOS by the yielded value; if it returns (StopIteration), pop both, push the return value and jump to oparg.";
            GET_YIELD_FROM_ITER = 55, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: GET_YIELD_FROM_ITER, stencil: Generic,
                doc: "TOS = iter(TOS) unless TOS is a generator (or a coroutine inside a coroutine).";
            JUMP_BACKWARD_NO_INTERRUPT = 56, stack: |_a, _j| (0, 0), operand: Jump, cache: 0,
                deopt: JUMP_BACKWARD_NO_INTERRUPT, stencil: Own,
                doc: "Jump backward to oparg without the loop-edge checks (the yield-from / await loop).";
            POP_JUMP_IF_NONE = 57, stack: |_a, _j| (1, 0), operand: Jump, cache: 0,
                deopt: POP_JUMP_IF_NONE, stencil: Own,
                doc: "Pop TOS; jump to oparg if it is None.";
            POP_JUMP_IF_NOT_NONE = 58, stack: |_a, _j| (1, 0), operand: Jump, cache: 0,
                deopt: POP_JUMP_IF_NOT_NONE, stencil: Own,
                doc: "Pop TOS; jump to oparg if it is not None.";
            JUMP_IF_FALSE_OR_POP = 59, stack: |_a, j| if j { (1, 1) } else { (1, 0) }, operand: Jump, cache: 0,
                deopt: JUMP_IF_FALSE_OR_POP, stencil: Own,
                doc: "If TOS is false jump to oparg leaving it on the stack, else pop it.";
            JUMP_IF_TRUE_OR_POP = 60, stack: |_a, j| if j { (1, 1) } else { (1, 0) }, operand: Jump, cache: 0,
                deopt: JUMP_IF_TRUE_OR_POP, stencil: Own,
                doc: "If TOS is true jump to oparg leaving it on the stack, else pop it.";
            BUILD_TUPLE = 61, stack: |a, _j| (a, 1), operand: Count, cache: 0,
                deopt: BUILD_TUPLE, stencil: Generic,
                doc: "Pop oparg items, push them as a tuple (first pushed first).";
            BUILD_LIST = 62, stack: |a, _j| (a, 1), operand: Count, cache: 0,
                deopt: BUILD_LIST, stencil: Generic,
                doc: "Pop oparg items, push them as a list.";
            BUILD_SET = 63, stack: |a, _j| (a, 1), operand: Count, cache: 0,
                deopt: BUILD_SET, stencil: Generic,
                doc: "Pop oparg items, push them as a set (added in push order).";
            BUILD_MAP = 64, stack: |a, _j| (2 * a, 1), operand: Count, cache: 0,
                deopt: BUILD_MAP, stencil: Generic,
                doc: "Pop oparg key, value pairs (key pushed first), push a dict (inserted in push order).";
            BUILD_CONST_KEY_MAP = 65, stack: |a, _j| (a + 1, 1), operand: Count, cache: 0,
                deopt: BUILD_CONST_KEY_MAP, stencil: Generic,
                doc: "TOS is a tuple of oparg keys; pop it and oparg values, push the dict.";
            BUILD_STRING = 66, stack: |a, _j| (a, 1), operand: Count, cache: 0,
                deopt: BUILD_STRING, stencil: Generic,
                doc: "Pop oparg str objects, push their concatenation.";
            LIST_APPEND = 67, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: LIST_APPEND, stencil: Own,
                doc: "Pop v; STACK[-oparg].append(v) (counted after the pop).";
            SET_ADD = 68, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: SET_ADD, stencil: Generic,
                doc: "Pop v; STACK[-oparg].add(v) (counted after the pop).";
            MAP_ADD = 69, stack: |_a, _j| (2, 0), operand: Count, cache: 0,
                deopt: MAP_ADD, stencil: Generic,
                doc: "Pop value, then key; STACK[-oparg][key] = value (counted after the pops).";
            LIST_EXTEND = 70, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: LIST_EXTEND, stencil: Generic,
                doc: "Pop it; STACK[-oparg].extend(it).";
            SET_UPDATE = 71, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: SET_UPDATE, stencil: Generic,
                doc: "Pop it; STACK[-oparg].update(it).";
            DICT_UPDATE = 72, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: DICT_UPDATE, stencil: Generic,
                doc: "Pop m; STACK[-oparg].update(m) (TypeError '... object is not a mapping' like CPython).";
            DICT_MERGE = 73, stack: |_a, _j| (1, 0), operand: Count, cache: 0,
                deopt: DICT_MERGE, stencil: Generic,
                doc: "Pop m; merge it into the kwargs dict STACK[-oparg], TypeError on a duplicate key or non-mapping; the callable (for messages) is STACK[-oparg - 2].";
            LIST_TO_TUPLE = 74, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: LIST_TO_TUPLE, stencil: Generic,
                doc: "TOS = tuple(TOS) (TOS is a list).";
            UNPACK_SEQUENCE = 75, stack: |a, _j| (1, a), operand: Count, cache: 1,
                deopt: UNPACK_SEQUENCE, stencil: Generic,
                doc: "Pop an iterable of exactly oparg items and push them so that the first ends on top; adaptive.";
            UNPACK_EX = 76, stack: |a, _j| (1, (a & 0xFF) + (a >> 8) + 1), operand: Raw, cache: 0,
                deopt: UNPACK_EX, stencil: Generic,
                doc: "Starred unpack: oparg = before | after << 8; pop the iterable, push after items, the list of the middle, then before items, so the first ends on top.";
            FORMAT_VALUE = 77, stack: |a, _j| (1 + ((a >> 2) & 1), 1), operand: Format, cache: 0,
                deopt: FORMAT_VALUE, stencil: Generic,
                doc: "f-string field: if oparg & 4, pop a format spec; pop v; convert v by oparg & 3 (0 none, 1 str, 2 repr, 3 ascii); push format(v, spec or '').";
            PUSH_EXC_INFO = 78, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: PUSH_EXC_INFO, stencil: Generic,
                doc: "Pop exc; push the current handled exception (exc_info, or None), then exc; make exc the handled exception.";
            POP_EXCEPT = 79, stack: |_a, _j| (1, 0), operand: None, cache: 0,
                deopt: POP_EXCEPT, stencil: Generic,
                doc: "Pop a value and restore it as the handled exception (exc_info).";
            CHECK_EXC_MATCH = 80, stack: |_a, _j| (2, 2), operand: None, cache: 0,
                deopt: CHECK_EXC_MATCH, stencil: Generic,
                doc: "TOS is an exception type (or tuple), TOS1 an exception: replace TOS by isinstance(TOS1, TOS) (TypeError if TOS is not a BaseException class / tuple of them).";
            CHECK_EG_MATCH = 81, stack: |_a, _j| (2, 2), operand: None, cache: 0,
                deopt: CHECK_EG_MATCH, stencil: Generic,
                doc: "except*: TOS match type, TOS1 exception group: (rest, match) = TOS1.split(TOS); if matched pop both, push rest then match, else pop TOS, push None (TOS1 stays).";
            PREP_RERAISE_STAR = 82, stack: |_a, _j| (2, 1), operand: None, cache: 0,
                deopt: PREP_RERAISE_STAR, stencil: Generic,
                doc: "except*: pop the list of raised/reraised exceptions and the original group, push the exception group to reraise (or None).";
            RERAISE = 83, stack: |_a, _j| (1, 0), operand: Raw, cache: 0,
                deopt: RERAISE, stencil: Generic,
                doc: "Pop exc and re-raise it; if oparg, first set the frame's instruction index from the int at STACK[-oparg - 1] (before the pop).";
            RAISE_VARARGS = 84, stack: |a, _j| (a, 0), operand: Count, cache: 0,
                deopt: RAISE_VARARGS, stencil: Generic,
                doc: "oparg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS.";
            LOAD_ASSERTION_ERROR = 85, stack: |_a, _j| (0, 1), operand: None, cache: 0,
                deopt: LOAD_ASSERTION_ERROR, stencil: Generic,
                doc: "Push AssertionError.";
            BEFORE_WITH = 86, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: BEFORE_WITH, stencil: Generic,
                doc: "Pop a context manager cm; push cm.__exit__ (bound), then cm.__enter__() (looked up on the type; TypeError like CPython if missing).";
            WITH_EXCEPT_START = 87, stack: |_a, _j| (4, 5), operand: None, cache: 0,
                deopt: WITH_EXCEPT_START, stencil: Generic,
                doc: "Stack: exit, lasti, prev_exc, exc: push exit(type(exc), exc, exc.__traceback__).";
            LOAD_BUILD_CLASS = 88, stack: |_a, _j| (0, 1), operand: None, cache: 0,
                deopt: LOAD_BUILD_CLASS, stencil: Generic,
                doc: "Push builtins.__build_class__.";
            SETUP_ANNOTATIONS = 89, stack: |_a, _j| (0, 0), operand: None, cache: 0,
                deopt: SETUP_ANNOTATIONS, stencil: Generic,
                doc: "Create locals['__annotations__'] = {} if it does not exist.";
            IMPORT_NAME = 90, stack: |_a, _j| (2, 1), operand: Name, cache: 0,
                deopt: IMPORT_NAME, stencil: Generic,
                doc: "Pop fromlist (TOS) and level (TOS1); push __import__(co_names[oparg], globals, locals, fromlist, level).";
            IMPORT_FROM = 91, stack: |_a, _j| (1, 2), operand: Name, cache: 0,
                deopt: IMPORT_FROM, stencil: Generic,
                doc: "TOS is a module: push its attribute co_names[oparg] (falling back to sys.modules['mod.name']; ImportError like CPython).";
            IMPORT_STAR = 92, stack: |_a, _j| (1, 0), operand: None, cache: 0,
                deopt: IMPORT_STAR, stencil: Generic,
                doc: "Pop a module and bind its public names (__all__ or not starting with _) in locals.";
            PRINT_EXPR = 93, stack: |_a, _j| (1, 0), operand: None, cache: 0,
                deopt: PRINT_EXPR, stencil: Generic,
                doc: "Interactive mode: pop TOS and pass it to sys.displayhook.";
            GET_LEN = 94, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: GET_LEN, stencil: Generic,
                doc: "match: push len(TOS) (TOS stays).";
            MATCH_MAPPING = 95, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: MATCH_MAPPING, stencil: Generic,
                doc: "match: push True if TOS is a mapping (Py_TPFLAGS_MAPPING), else False (TOS stays).";
            MATCH_SEQUENCE = 96, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: MATCH_SEQUENCE, stencil: Generic,
                doc: "match: push True if TOS is a sequence (Py_TPFLAGS_SEQUENCE: not str/bytes/bytearray), else False (TOS stays).";
            MATCH_KEYS = 97, stack: |_a, _j| (2, 3), operand: None, cache: 0,
                deopt: MATCH_KEYS, stencil: Generic,
                doc: "match: TOS a tuple of keys, TOS1 a mapping: push a tuple of the mapping's values for those keys, or None if any is missing (both stay).";
            MATCH_CLASS = 98, stack: |_a, _j| (3, 1), operand: Count, cache: 0,
                deopt: MATCH_CLASS, stencil: Generic,
                doc: "match: TOS tuple of keyword attribute names, TOS1 class, TOS2 subject; oparg positional count: pop all three, push the tuple of extracted attributes, or None if no match.";
            GET_AWAITABLE = 99, stack: |_a, _j| (1, 1), operand: Raw, cache: 0,
                deopt: GET_AWAITABLE, stencil: Generic,
                doc: "TOS = the awaitable for TOS: TOS itself if a coroutine (or a generator with CO_ITERABLE_COROUTINE), else iter(TOS.__await__()); TypeError like CPython otherwise (oparg 1: after __aenter__, 2: after __aexit__, for the message).";
            GET_AITER = 100, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: GET_AITER, stencil: Generic,
                doc: "TOS = TOS.__aiter__() (TypeError like CPython if missing).";
            GET_ANEXT = 101, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: GET_ANEXT, stencil: Generic,
                doc: "TOS is an async iterator: push the awaitable of TOS.__anext__() (TOS stays).";
            BEFORE_ASYNC_WITH = 102, stack: |_a, _j| (1, 2), operand: None, cache: 0,
                deopt: BEFORE_ASYNC_WITH, stencil: Generic,
                doc: "Pop an async context manager cm; push cm.__aexit__ (bound), then cm.__aenter__() (an awaitable).";
            END_ASYNC_FOR = 103, stack: |_a, _j| (2, 0), operand: None, cache: 0,
                deopt: END_ASYNC_FOR, stencil: Generic,
                doc: "Stack: async iterator, exception: if the exception is a StopAsyncIteration pop both and continue, else re-raise it.";
            ASYNC_GEN_WRAP = 104, stack: |_a, _j| (1, 1), operand: None, cache: 0,
                deopt: ASYNC_GEN_WRAP, stencil: Generic,
                doc: "Async generators: wrap TOS (a value being yielded) so the async generator machinery can tell it from an await's yield.";
            BINARY_OP_ADD_INT = 105, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two small ints, +.";
            BINARY_OP_SUBTRACT_INT = 106, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two small ints, -.";
            BINARY_OP_MULTIPLY_INT = 107, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two small ints, *.";
            BINARY_OP_ADD_FLOAT = 108, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two floats, +.";
            BINARY_OP_SUBTRACT_FLOAT = 109, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two floats, -.";
            BINARY_OP_MULTIPLY_FLOAT = 110, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP specialized for two floats, *.";
            COMPARE_OP_INT = 111, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Own,
                doc: "COMPARE_OP specialized for two small ints.";
            COMPARE_OP_FLOAT = 112, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Own,
                doc: "COMPARE_OP specialized for two floats.";
            FOR_ITER_RANGE = 113, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Own,
                doc: "FOR_ITER specialized for a range iterator.";
            BINARY_OP_ADD_UNICODE = 114, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Generic,
                doc: "BINARY_OP specialized for two exact strs, + (concatenation).";
            BINARY_OP_INPLACE_ADD_UNICODE = 115, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Generic,
                doc: "BINARY_OP specialized for `s += t` on two exact strs when the next instruction is STORE_FAST: stores the result into that local itself and skips the STORE_FAST.";
            COMPARE_OP_STR = 116, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Generic,
                doc: "COMPARE_OP specialized for == / != on two exact strs.";
            COMPARE_OP_INT_JUMP = 117, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Own,
                doc: "COMPARE_OP on two small ints fused with the following POP_JUMP_IF_FALSE/TRUE: jumps (or skips it) itself, pushing nothing.";
            COMPARE_OP_FLOAT_JUMP = 118, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Own,
                doc: "COMPARE_OP on two floats fused with the following POP_JUMP_IF_FALSE/TRUE.";
            COMPARE_OP_STR_JUMP = 119, stack: |_a, _j| (2, 1), operand: Cmp, cache: 1,
                deopt: COMPARE_OP, stencil: Generic,
                doc: "COMPARE_OP == / != on two exact strs fused with the following POP_JUMP_IF_FALSE/TRUE.";
            LOAD_GLOBAL_MODULE = 120, stack: |a, _j| (0, 1 + (a & 1)), operand: GlobalName, cache: 6,
                deopt: LOAD_GLOBAL, stencil: Own,
                doc: "LOAD_GLOBAL of a name found in the globals dict: guards the dict's keys version (shape), then one indexed load.";
            LOAD_GLOBAL_BUILTIN = 121, stack: |a, _j| (0, 1 + (a & 1)), operand: GlobalName, cache: 6,
                deopt: LOAD_GLOBAL, stencil: Own,
                doc: "LOAD_GLOBAL of a name found in builtins: guards the keys versions of globals (absent there) and builtins, then one indexed load.";
            LOAD_ATTR_INSTANCE_VALUE = 122, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Own,
                doc: "LOAD_ATTR of an instance attribute: guards the type version, loads the instance value at the cached shared-key index (a NULL value or a materialized __dict__ misses).";
            LOAD_ATTR_MODULE = 123, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Own,
                doc: "LOAD_ATTR of a module attribute: guards the module dict's keys version, one indexed load.";
            LOAD_ATTR_SLOT = 124, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Own,
                doc: "LOAD_ATTR of a __slots__ member: guards the type version, loads the instance value at the cached slot index (a NULL value misses).";
            LOAD_ATTR_CLASS = 125, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Own,
                doc: "LOAD_ATTR on a class object (Cls.attr) of a plain class attribute: guards the class's type version, pushes the cached value.";
            LOAD_ATTR_PROPERTY = 126, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Generic,
                doc: "LOAD_ATTR of a property whose getter is a Python function: guards the type version, calls the cached getter.";
            LOAD_ATTR_NONDESCRIPTOR = 127, stack: |_a, _j| (1, 1), operand: Name, cache: 7,
                deopt: LOAD_ATTR, stencil: Generic,
                doc: "LOAD_ATTR of a plain class attribute through an instance (its name not a shared key of the class, nor in a materialized __dict__): guards the type version, pushes the cached value.";
            STORE_ATTR_INSTANCE_VALUE = 128, stack: |_a, _j| (2, 0), operand: Name, cache: 7,
                deopt: STORE_ATTR, stencil: Own,
                doc: "STORE_ATTR of an instance attribute: guards the type version, stores the instance value at the cached shared-key index (a new attribute only at or above the instance's highest index so far).";
            STORE_ATTR_SLOT = 129, stack: |_a, _j| (2, 0), operand: Name, cache: 7,
                deopt: STORE_ATTR, stencil: Own,
                doc: "STORE_ATTR of a __slots__ member: guards the type version, stores into the instance value at the cached slot index.";
            LOAD_METHOD_WITH_VALUES = 130, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Own,
                doc: "LOAD_METHOD of a class function on an instance that cannot shadow it (not a shared key of the class, nor in a materialized __dict__): guards the type version, pushes the cached function and self.";
            LOAD_METHOD_NO_DICT = 131, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Own,
                doc: "LOAD_METHOD on an object without an instance dict (built-in types, slotted classes): guards the type version, pushes the cached method and self.";
            LOAD_METHOD_MODULE = 132, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Own,
                doc: "LOAD_METHOD of a module attribute: guards the module dict's keys version, pushes NULL and the value.";
            CALL_PY_EXACT_ARGS = 133, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a Python function with exactly its positional parameters: pushes the callee frame with the arguments copied into its locals.";
            CALL_PY_WITH_DEFAULTS = 134, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a Python function with fewer positional arguments than parameters, the rest from its defaults.";
            CALL_BOUND_METHOD_EXACT_ARGS = 135, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a bound method object wrapping a Python function called with exactly its positional parameters (self included).";
            CALL_BUILTIN_FAST = 136, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a built-in function or method descriptor without keyword arguments: calls its Rust function on the stack slice.";
            CALL_LEN = 137, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Own,
                doc: "CALL of the built-in len with one argument.";
            CALL_ISINSTANCE = 138, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Own,
                doc: "CALL of the built-in isinstance with two arguments.";
            CALL_LIST_APPEND = 139, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Own,
                doc: "CALL of list.append (from LOAD_METHOD) on an exact list with one argument.";
            CALL_TYPE_1 = 140, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of type with one argument.";
            CALL_STR_1 = 141, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of str with one argument.";
            CALL_TUPLE_1 = 142, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of tuple with one argument.";
            BINARY_SUBSCR_LIST_INT = 143, stack: |_a, _j| (2, 1), operand: None, cache: 1,
                deopt: BINARY_SUBSCR, stencil: Own,
                doc: "BINARY_SUBSCR of an exact list by a small int in range.";
            BINARY_SUBSCR_TUPLE_INT = 144, stack: |_a, _j| (2, 1), operand: None, cache: 1,
                deopt: BINARY_SUBSCR, stencil: Own,
                doc: "BINARY_SUBSCR of an exact tuple by a small int in range.";
            BINARY_SUBSCR_DICT = 145, stack: |_a, _j| (2, 1), operand: None, cache: 1,
                deopt: BINARY_SUBSCR, stencil: Generic,
                doc: "BINARY_SUBSCR of an exact dict (a missing key raises KeyError as the generic form does).";
            BINARY_SUBSCR_STR_INT = 146, stack: |_a, _j| (2, 1), operand: None, cache: 1,
                deopt: BINARY_SUBSCR, stencil: Generic,
                doc: "BINARY_SUBSCR of an exact ASCII str by a small int in range.";
            STORE_SUBSCR_LIST_INT = 147, stack: |_a, _j| (3, 0), operand: None, cache: 1,
                deopt: STORE_SUBSCR, stencil: Own,
                doc: "STORE_SUBSCR into an exact list at a small int index in range.";
            STORE_SUBSCR_DICT = 148, stack: |_a, _j| (3, 0), operand: None, cache: 1,
                deopt: STORE_SUBSCR, stencil: Generic,
                doc: "STORE_SUBSCR into an exact dict.";
            FOR_ITER_LIST = 149, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Own,
                doc: "FOR_ITER specialized for a list iterator.";
            FOR_ITER_TUPLE = 150, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Own,
                doc: "FOR_ITER specialized for a tuple iterator.";
            FOR_ITER_GEN = 151, stack: |_a, j| if j { (1, 0) } else { (1, 2) }, operand: Jump, cache: 1,
                deopt: FOR_ITER, stencil: Generic,
                doc: "FOR_ITER specialized for a generator: resumes it directly.";
            UNPACK_SEQUENCE_TWO_TUPLE = 152, stack: |a, _j| (1, a), operand: Count, cache: 1,
                deopt: UNPACK_SEQUENCE, stencil: Own,
                doc: "UNPACK_SEQUENCE of an exact tuple of two.";
            UNPACK_SEQUENCE_TUPLE = 153, stack: |a, _j| (1, a), operand: Count, cache: 1,
                deopt: UNPACK_SEQUENCE, stencil: Own,
                doc: "UNPACK_SEQUENCE of an exact tuple of oparg items.";
            UNPACK_SEQUENCE_LIST = 154, stack: |a, _j| (1, a), operand: Count, cache: 1,
                deopt: UNPACK_SEQUENCE, stencil: Own,
                doc: "UNPACK_SEQUENCE of an exact list of oparg items.";
            LOAD_FAST__LOAD_FAST = 155, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_FAST, stencil: Generic,
                doc: "Superinstruction: LOAD_FAST oparg, then the LOAD_FAST that follows (executed here, then skipped). Formed when code is quickened. Its stack effect is its first instruction's: the second stays in the code.";
            LOAD_FAST__LOAD_CONST = 156, stack: |_a, _j| (0, 1), operand: Local, cache: 0,
                deopt: LOAD_FAST, stencil: Generic,
                doc: "Superinstruction: LOAD_FAST oparg, then the LOAD_CONST that follows. Its stack effect is its first instruction's: the second stays in the code.";
            LOAD_CONST__LOAD_FAST = 157, stack: |_a, _j| (0, 1), operand: Const, cache: 0,
                deopt: LOAD_CONST, stencil: Generic,
                doc: "Superinstruction: LOAD_CONST oparg, then the LOAD_FAST that follows. Its stack effect is its first instruction's: the second stays in the code.";
            STORE_FAST__LOAD_FAST = 158, stack: |_a, _j| (1, 0), operand: Local, cache: 0,
                deopt: STORE_FAST, stencil: Generic,
                doc: "Superinstruction: STORE_FAST oparg, then the LOAD_FAST that follows. Its stack effect is its first instruction's: the second stays in the code.";
            STORE_FAST__STORE_FAST = 159, stack: |_a, _j| (1, 0), operand: Local, cache: 0,
                deopt: STORE_FAST, stencil: Generic,
                doc: "Superinstruction: STORE_FAST oparg, then the STORE_FAST that follows. Its stack effect is its first instruction's: the second stays in the code.";
            BINARY_OP_NUMERIC_FLOAT = 160, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP with a float result from unboxed numbers (beyond CPython 3.11's forms): + - * with a float and a small int, / on two floats or small ints (a zero divisor misses), ** of a positive float to a float with a finite result (vm::ops::spec::numeric_float).";
            BINARY_OP_SMALL_INT = 161, stack: |_a, _j| (2, 1), operand: BinOp, cache: 1,
                deopt: BINARY_OP, stencil: Own,
                doc: "BINARY_OP on two small ints for the operators without a form of their own (// % & | ^ >>; beyond CPython 3.11's forms): a zero divisor, a shift out of 0..64 or a result beyond a small int misses (vm::eval::small_int_op).";
            CALL_ALLOC_AND_ENTER_INIT = 162, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a class (metaclass type, __new__ object.__new__) whose __init__ is a Python function taking self and exactly the arguments (beyond CPython 3.11's forms; 3.13's): guards the class's type version (unit 1), allocates the instance in place of the call's result and pushes the __init__ frame (FRAME_INIT), whose None return leaves the instance there (vm::ops::spec::enter_init).";
            LOAD_METHOD_CLASS = 163, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Generic,
                doc: "LOAD_METHOD on a class object (metaclass type) of a classmethod wrapping a Python function (unit 2 = 1: pushes the function and the class, which the call passes as its first argument) or a plain class attribute (unit 2 = 0: pushes NULL and the value); guards the class's type version (beyond CPython 3.11's forms).";
            CALL_BUILTIN_CLASS = 164, stack: |a, _j| (a + 2, 1), operand: Count, cache: 3,
                deopt: CALL, stencil: Generic,
                doc: "CALL of a built-in class (range, set, list, int, ...; not type, object or an exception) without keyword arguments: calls its built-in __new__ on the class and the arguments in place, which fully initializes the object (CPython 3.11's PRECALL_BUILTIN_CLASS; units 1-2 the class).";
            LOAD_METHOD_SUPER = 165, stack: |_a, _j| (1, 2), operand: Name, cache: 7,
                deopt: LOAD_METHOD, stencil: Generic,
                doc: "LOAD_METHOD on a super object bound to an instance (`super().m(...)`) of a plain method found in the super's class's MRO after the class: guards the class's version (unit 2) and that the instance type's MRO ends with the class's (so every subclass under single inheritance hits), pushes the cached method (units 3-4) and the instance, so the call is a CALL_PY_EXACT_ARGS instead of binding a method (beyond CPython 3.11's forms; 3.12's LOAD_SUPER_ATTR_METHOD without fusing the super() call).";
        }
    };
}
