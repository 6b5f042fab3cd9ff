def f():
    global g
    g = [y := i for i in range(3) if (z := i)]
    return lambda q=g: q + z
