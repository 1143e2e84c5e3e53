inventory = {"apple": (0.5, 100), "banana": (0.25, 150), "cherry": (3.0, 20)}
orders = [("apple", 10), ("cherry", 25), ("banana", 150), ("durian", 1)]
revenue = 0.0
for item, qty in orders:
    if item not in inventory:
        print(f"unknown item {item!r}")
        continue
    price, stock = inventory[item]
    if qty > stock:
        print(f"insufficient {item}: want {qty}, have {stock}")
        continue
    inventory[item] = (price, stock - qty)
    revenue += price * qty
print(f"revenue={revenue:.2f}", inventory)
print(sorted(inventory, key=lambda k: inventory[k][1]))
