class A(B) x:
    pass
