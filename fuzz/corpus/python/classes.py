@deco(1)
class C[T](Base, metaclass=M):
    __slots__ = ()
    def m(self, /, a, *args, b=1, **kw) -> T:
        return super().m(a)
