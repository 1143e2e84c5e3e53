a b
