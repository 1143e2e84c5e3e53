# cpjit's _abc (CPython writes it in C): the registry and caches behind abc.ABCMeta. Each ABC
# keeps them in a `_abc_impl` object; abc.py's ABCMeta methods call these functions, so (as
# with CPython's C module) the frame that calls __subclasshook__ is abc.py's, which typing's
# protocol checks look for.

from _weakrefset import WeakSet as _WeakSet

_invalidation_counter = 0


class _Impl:
    __slots__ = ("registry", "cache", "negative_cache", "negative_version")

    def __init__(self):
        self.registry = _WeakSet()
        self.cache = _WeakSet()
        self.negative_cache = _WeakSet()
        self.negative_version = _invalidation_counter


def get_cache_token():
    return _invalidation_counter


def _impl(cls):
    impl = cls.__dict__.get("_abc_impl")
    if impl is None:
        raise TypeError("_abc_impl is set to a wrong type")
    return impl


def _abc_init(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    cls._abc_impl = _Impl()
    if "__abc_tpflags__" in cls.__dict__:
        try:
            delattr(cls, "__abc_tpflags__")
        except (AttributeError, TypeError):
            pass


def _abc_register(cls, subclass):
    global _invalidation_counter
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    _impl(cls).registry.add(subclass)
    _invalidation_counter += 1
    return subclass


def _abc_instancecheck(cls, instance):
    impl = _impl(cls)
    subclass = instance.__class__
    if subclass in impl.cache:
        return True
    subtype = type(instance)
    if subtype is subclass:
        if impl.negative_version == _invalidation_counter and subclass in impl.negative_cache:
            return False
        return cls.__subclasscheck__(subclass)
    return any(cls.__subclasscheck__(c) for c in (subclass, subtype))


def _abc_subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    impl = _impl(cls)
    if subclass in impl.cache:
        return True
    if impl.negative_version < _invalidation_counter:
        impl.negative_cache = _WeakSet()
        impl.negative_version = _invalidation_counter
    elif subclass in impl.negative_cache:
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if not isinstance(ok, bool):
            raise AssertionError("__subclasshook__ must return either False, True, "
                                 "or NotImplemented")
        (impl.cache if ok else impl.negative_cache).add(subclass)
        return ok
    if cls in getattr(subclass, "__mro__", ()):
        impl.cache.add(subclass)
        return True
    for rcls in impl.registry:
        if issubclass(subclass, rcls):
            impl.cache.add(subclass)
            return True
    for scls in cls.__subclasses__():
        if issubclass(subclass, scls):
            impl.cache.add(subclass)
            return True
    impl.negative_cache.add(subclass)
    return False


def _get_dump(cls):
    impl = _impl(cls)
    return (set(impl.registry), set(impl.cache), set(impl.negative_cache),
            impl.negative_version)


def _reset_registry(cls):
    _impl(cls).registry.clear()


def _reset_caches(cls):
    impl = _impl(cls)
    impl.cache.clear()
    impl.negative_cache.clear()
