# gc.disable/enable/isenabled switch automatic collection; get_debug/set_debug(0), the DEBUG_*
# constants and gc.garbage; unsupported debug flags raise NotImplementedError in cpjit.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(20000)]
del junk
print(gc.collect() >= 0)
gc.enable()
print(gc.isenabled(), gc.get_debug(), gc.garbage)
gc.set_debug(gc.get_debug() & ~gc.DEBUG_LEAK)
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
try:
    gc.isenabled(1)
except TypeError as e:
    print('TypeError')
