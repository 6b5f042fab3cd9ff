"""The zlib oracle for nbship's layer blobs.

usage: gzip_oracle.py BLOB.tar.gz ORACLE.tar.gz

Decompresses BLOB, then compresses the same tar again with Python's zlib at level 6 as a raw
deflate stream (`zlib.compressobj(6, zlib.DEFLATED, -15)`), wrapped in the gzip header nbship
promises (no MTIME, no name, XFL 0, OS 3 = Unix) and the standard CRC32/ISIZE trailer, and
writes that to ORACLE. Prints the SHA-256 of the uncompressed tar (the diff_id).
"""
import gzip
import hashlib
import struct
import sys
import zlib

blob_path, oracle_path = sys.argv[1], sys.argv[2]
with open(blob_path, "rb") as f:
    tar = gzip.decompress(f.read())
compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
body = compressor.compress(tar) + compressor.flush()
header = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
trailer = struct.pack("<II", zlib.crc32(tar) & 0xFFFFFFFF, len(tar) & 0xFFFFFFFF)
with open(oracle_path, "wb") as f:
    f.write(header + body + trailer)
print(hashlib.sha256(tar).hexdigest())
