"""Writes a deterministic notebook of about SIZE_MB megabytes, mostly base64 PNG outputs,
the way real notebooks with many plots look. Usage: make_big_notebook.py OUT [SIZE_MB]"""
import base64, json, random, sys

out = sys.argv[1]
size_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
rng = random.Random(1234)
blob = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(750_000))).decode()  # ~1 MB of base64
cells = []
total = 0
i = 0
while total < size_mb * 1_000_000:
    src = [f"x{i} = df['col{i % 7}'].rolling({i % 5 + 2}).mean()\n", f"plt.plot(x{i})\n", "plt.show()"]
    outputs = [
        {"output_type": "display_data", "metadata": {}, "data": {"image/png": blob[i % 97:] + blob[: i % 97], "text/plain": ["<Figure size 640x480 with 1 Axes>"]}},
        {"output_type": "stream", "name": "stdout", "text": [f"step {i}: done \u2713\n"]},
    ]
    cells.append({"cell_type": "code", "execution_count": i + 1, "id": f"c{i}", "metadata": {}, "outputs": outputs, "source": src})
    cells.append({"cell_type": "markdown", "id": f"m{i}", "metadata": {}, "source": [f"## Plot {i}\n", "Notes with unicode: \u00e9\u00e8 \U0001F600"]})
    total += len(blob) + 400
    i += 1
cells.insert(0, {"cell_type": "code", "execution_count": 0, "id": "imports", "metadata": {}, "outputs": [], "source": ["import pandas as pd\n", "import matplotlib.pyplot as plt\n", "df = pd.read_csv('data.csv')"]})
nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
with open(out, "w") as f:
    json.dump(nb, f, indent=1)
