match p:
    case [1, *rest] | (2, *rest):
        pass
    case {"k": v, **kw} if v:
        pass
    case Point(x=0) as pt:
        pass
    case _:
        pass
