import numpy as np
from ..pkg import mod as m, *
x = np.array([1, 2])
