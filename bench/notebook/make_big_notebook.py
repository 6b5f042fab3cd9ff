#!/usr/bin/env python3
"""Write a deterministic ~100 MB nbformat 4.5 notebook with large base64 image outputs.

Usage: make_big_notebook.py OUTPUT.ipynb [SIZE_MB]

The same arguments always give byte-identical output (fixed seed, sorted keys), so reader
timings are comparable across runs and machines. Only the standard library is used.
"""

import base64
import json
import random
import sys

CELL_IMAGE_BYTES = 384 * 1024  # raw PNG-ish payload per image; ~512 KB once base64-encoded


def lines(text):
    """Split like nbformat's writer: keep newlines, one string per line."""
    return text.splitlines(keepends=True)


def make_notebook(size_mb, seed=20241121):
    rng = random.Random(seed)
    target = size_mb * 1024 * 1024
    cells = []
    total = 0
    n = 0
    while total < target:
        cells.append({
            "cell_type": "markdown",
            "id": f"md-{n}",
            "metadata": {},
            "source": lines(f"## Step {n}\n\nPlot the *{n}th* sample and summarise it.\n"),
        })
        payload = base64.b64encode(rng.randbytes(CELL_IMAGE_BYTES)).decode("ascii")
        source = (
            f"import numpy as np\nimport matplotlib.pyplot as plt\n"
            f"x = np.linspace(0, {n + 1}, 1000)\n"
            f"fig, ax = plt.subplots()\nax.plot(x, np.sin(x) * {n})\n"
            f"summary_{n} = {{'mean': float(np.mean(x)), 'n': {n}}}\nsummary_{n}\n"
        )
        cells.append({
            "cell_type": "code",
            "execution_count": n + 1,
            "id": f"code-{n}",
            "metadata": {"tags": ["plot"] if n % 3 == 0 else []},
            "outputs": [
                {
                    "data": {"text/plain": [f"{{'mean': {n / 2}, 'n': {n}}}"]},
                    "execution_count": n + 1,
                    "metadata": {},
                    "output_type": "execute_result",
                },
                {
                    "data": {
                        "image/png": payload,
                        "text/plain": ["<Figure size 640x480 with 1 Axes>"],
                    },
                    "metadata": {"needs_background": "light"},
                    "output_type": "display_data",
                },
                {
                    "name": "stdout",
                    "output_type": "stream",
                    "text": [f"step {n}: {i} ✓ données\n" for i in range(20)],
                },
            ],
            "source": lines(source),
        })
        total += len(payload) + 2000
        n += 1
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.7"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    size_mb = int(sys.argv[2]) if len(sys.argv) == 3 else 100
    text = json.dumps(make_notebook(size_mb), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
