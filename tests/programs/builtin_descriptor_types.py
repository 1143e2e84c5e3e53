# The types and attributes of built-in methods: method_descriptor (`list.append`),
# wrapper_descriptor (`list.__len__`), method-wrapper (`[].__len__`) and
# builtin_function_or_method (`[].append`), with __objclass__, __self__, __get__, __reduce__
# and descriptor binding checks as CPython has them.
import inspect
import pickle
import re
import types


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, re.sub(r" at 0x[0-9a-f]+", " at ADDR", repr(r)))


class MyList(list):
    pass


objs = [
    ("list.append", list.append),
    ("list.__len__", list.__len__),
    ("[].__len__", [].__len__),
    ("[].append", [].append),
    ("MyList().__len__", MyList().__len__),
    ("object.__init__", object.__init__),
    ("object().__init__", object().__init__),
    ("str.join", str.join),
    ("dict.__getitem__", dict.__getitem__),
    ("(1).__add__", (1).__add__),
    ("len.__call__", len.__call__),
]
for label, o in objs:
    attempt(label + " type", lambda: type(o).__name__)
    attempt(label + " repr", lambda: o)
    for a in ["__name__", "__qualname__", "__objclass__", "__self__", "__module__"]:
        attempt(label + " " + a, lambda: getattr(o, a))
    attempt(label + " has __get__", lambda: hasattr(o, "__get__"))
    attempt(label + " reduce", lambda: o.__reduce__())

print(types.MethodDescriptorType, types.WrapperDescriptorType, types.MethodWrapperType)
print(types.MethodDescriptorType is type(dict.get), types.MethodWrapperType is type(1 .__str__))
print(inspect.ismethoddescriptor(list.append), inspect.ismethoddescriptor([].append))
print(inspect.isbuiltin(list.append), inspect.isbuiltin([].append))
print(inspect.ismethodwrapper([].__len__), inspect.ismethodwrapper(list.__len__))
print(inspect.isroutine(list.__len__), inspect.isroutine([].__len__), callable(list.append))

lst = [1, 2]
attempt("get bound", lambda: list.append.__get__(lst).__self__ is lst)
attempt("get None, list", lambda: list.append.__get__(None, list))
attempt("get None, int", lambda: list.__len__.__get__(None, int))
attempt("get None", lambda: list.append.__get__(None))
attempt("get None, None", lambda: list.append.__get__(None, None))
attempt("get int", lambda: list.append.__get__(1))
attempt("wrapper get int", lambda: list.__len__.__get__(1))
attempt("wrapper get call", lambda: list.__len__.__get__(lst)())
attempt("no args", lambda: list.append.__get__())
attempt("three args", lambda: list.append.__get__(1, 2, 3))
attempt("call via __call__", lambda: (list.append.__call__(lst, 3), lst))
attempt("wrapper via __call__", lambda: list.__len__.__call__(lst))

# A built-in type's method stored on an unrelated class does not bind to its instances.
class A:
    f = list.append
    g = list.__len__
    h = len


attempt("A.f", lambda: A.f)
attempt("A().f", lambda: A().f)
attempt("A().g", lambda: A().g)
attempt("A().h", lambda: A().h([1, 2, 3]))


# On a subclass they bind, to the instance itself.
class L(list):
    f = list.append


m = L()
m.f(5)
print(m, m.f.__self__ is m)

# Descriptors and method-wrappers pickle by reference.
for o in [list.append, list.__len__, str.upper]:
    print(pickle.loads(pickle.dumps(o)) is o)
w = pickle.loads(pickle.dumps([7, 8].__len__))
print(type(w).__name__, w())
print(pickle.loads(pickle.dumps([1].append)).__self__)

# Equality and hashing of method-wrappers follow their self and slot.
x = [1]
print(x.__len__ == x.__len__, x.__len__ == [1].__len__, hash(x.__len__) == hash(x.__len__))
