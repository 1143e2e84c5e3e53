# Iterating a generic alias gives one unpacked copy (PEP 646: *tuple[int, ...]), which repr,
# equality and __unpacked__ tell apart from the alias (it made [*tuple[*Ts]] loop forever).
from typing import TypeVarTuple
a = list(tuple[int, ...])
print(a, a[0].__unpacked__, a == [tuple[int, ...]], hash(a[0]) == hash(tuple[int, ...]))
print(a[0].__origin__, a[0].__args__, tuple[int] == tuple[int])
Ts = TypeVarTuple('Ts')
print(tuple[*Ts].__parameters__, list(tuple[*Ts])[0].__parameters__)
print([*list[str]], [*tuple[*Ts]])
