n = 2 ** 100
print(f"{n:,}", f"{n:_x}", f"{n:e}", f"{-n:>40}", f"{n:040d}")
print(str(n).count("0"), sum(int(c) for c in str(n)), int(str(n)[::-1]))
print(n.bit_length(), n.to_bytes(13, "big").hex(), n // 3 ** 50, n % 97)
print(hash(n) == hash(n), hash(2 ** 61 - 1), hash(-(2 ** 61)))
print(int("-" + "9" * 50) + 1, abs(int("-" + "9" * 30)))
print(round(n / 3), round(123456789123456789, -5), (10 ** 25) / 10 ** 5)
print(max(n, n + 1) - n, min(-n, n) == -n, sorted([n, 1, -n, 0]))
print(pow(n, 3, 10 ** 9 + 7), pow(3, n, 1000), divmod(-n, 7))
