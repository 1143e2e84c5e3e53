import math
result = None
print(result.upper())
