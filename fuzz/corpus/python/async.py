async def g():
    async with a as b, c:
        async for i in b:
            yield await i
