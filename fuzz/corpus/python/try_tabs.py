try:
	x = (1,
2)
except* E as e:
	del x[0]
finally:
	pass
