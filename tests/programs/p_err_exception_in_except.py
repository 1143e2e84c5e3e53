try:
    raise KeyError("orig")
except KeyError as e:
    raise TypeError("handler failed: " + str(e))
