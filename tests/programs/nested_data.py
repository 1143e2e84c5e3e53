db = {
    "users": [{"id": 1, "name": "ann", "roles": ["admin", "dev"]}, {"id": 2, "name": "bo", "roles": []}],
    "settings": {"theme": "dark", "limits": {"max": 10, "min": 1}},
}
print([u["name"] for u in db["users"] if "admin" in u["roles"]])
db["users"][1]["roles"].append("ops")
db["settings"]["limits"]["max"] *= 2
print(db["users"][1], db["settings"])
by_id = {u["id"]: u for u in db["users"]}
print(by_id[2]["name"], sorted(by_id), len(db))
counts = {}
for u in db["users"]:
    for r in u["roles"]:
        counts[r] = counts.get(r, 0) + 1
print(counts)
