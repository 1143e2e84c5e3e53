class Multi(Exception):
    pass
raise Multi("a", 2, None)
