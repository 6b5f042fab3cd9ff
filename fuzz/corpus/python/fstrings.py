s = f"{x!r:>{w}} {\"nested\"} {{lit}} {y=}" rb"\x00" """
multi"""
