"""Rebuild course_lib/data/digits.npy.gz from scikit-learn's copy of the UCI digits data.

The UCI "Optical Recognition of Handwritten Digits" set (8x8 images, pixel counts 0..16) is
shipped in scikit-learn's wheel as ``sklearn/datasets/data/digits.csv.gz``: 1797 rows of 64
pixel values (row-major, top row first) followed by the digit label. This script converts that
file into the one course_lib loads, without importing scikit-learn:

    pip download --no-deps scikit-learn -d /tmp/skl
    unzip -j /tmp/skl/scikit_learn-*.whl sklearn/datasets/data/digits.csv.gz -d /tmp/skl
    python tools/make_digits.py /tmp/skl/digits.csv.gz

The output is a gzip-compressed ``.npy`` file holding one uint8 array of shape (1797, 65)
(64 pixels, then the label). It is written deterministically (gzip mtime 0, no file name in the
header), and the script prints its SHA-256, which must equal ``DIGITS_SHA256`` in
course_lib/datasets.py. (Another zlib version could compress differently; the script then also
prints the hash of the uncompressed array so the content can still be compared.)
"""

import gzip
import hashlib
import io
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "course_lib" / "data" / "digits.npy.gz"


def convert(csv_gz: Path) -> bytes:
    """Read the csv.gz and return the bytes of our .npy.gz file."""
    with gzip.open(csv_gz, "rt") as fh:
        table = np.loadtxt(fh, delimiter=",", dtype=np.float64)
    if table.shape != (1797, 65):
        raise SystemExit(f"expected 1797 rows of 65 numbers, got shape {table.shape}")
    if not np.array_equal(table, np.round(table)) or table.min() < 0 or table[:, :64].max() > 16:
        raise SystemExit("expected whole-number pixels in 0..16 and labels 0..9")
    data = table.astype(np.uint8)
    raw = io.BytesIO()
    np.save(raw, data, allow_pickle=False)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw.getvalue())
    print("uncompressed .npy sha256:", hashlib.sha256(raw.getvalue()).hexdigest())
    return buf.getvalue()


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("usage: python tools/make_digits.py path/to/digits.csv.gz")
    blob = convert(Path(argv[1]))
    OUT.write_bytes(blob)
    print(f"wrote {OUT} ({len(blob)} bytes)")
    print("file sha256:", hashlib.sha256(blob).hexdigest())


if __name__ == "__main__":
    main(sys.argv)
