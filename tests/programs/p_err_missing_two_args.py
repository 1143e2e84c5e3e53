def area(w, h, unit):
    return f"{w * h}{unit}"
print(area(2, 3, "m2"))
area(2)
