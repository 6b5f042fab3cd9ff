"""The independent oracle for nbship's chunked gzip layers.

usage: gzip_oracle.py BLOB.tar.gz ORACLE.tar.gz LEVEL CHUNK_SIZE DICTIONARY_SIZE

Decompresses BLOB with Python's gzip module, then builds the same gzip member again from
the documented format using only Python's zlib: the tar is cut at fixed offsets into chunks of
CHUNK_SIZE bytes; chunk k is compressed by a fresh raw deflate stream
(`zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, zdict=...)`) primed
with the last DICTIONARY_SIZE bytes of chunk k-1, and ended with `Z_SYNC_FLUSH`; the last
chunk (the remainder after the last full chunk, possibly empty) ends with `Z_FINISH`. The
pieces are concatenated after the header nbship promises (no MTIME, no name, XFL 4 for level
1, 2 for level 9, else 0, OS 3 = Unix) and before the trailer of CRC-32 and length of the
whole tar, computed here in one pass (not combined per chunk). Writes that to ORACLE and
prints the SHA-256 of the uncompressed tar (the diff_id).
"""
import gzip
import hashlib
import struct
import sys
import zlib

blob_path, oracle_path = sys.argv[1], sys.argv[2]
level, chunk_size, dictionary_size = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
with open(blob_path, "rb") as f:
    tar = gzip.decompress(f.read())

full_chunks = len(tar) // chunk_size
pieces = []
for index in range(full_chunks + 1):
    chunk = tar[index * chunk_size:(index + 1) * chunk_size]
    options = {}
    if index > 0:
        options["zdict"] = tar[index * chunk_size - dictionary_size:index * chunk_size]
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY, **options)
    last = index == full_chunks
    pieces.append(compressor.compress(chunk) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))

extra_flags = 4 if level == 1 else (2 if level == 9 else 0)
header = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, extra_flags, 3])
trailer = struct.pack("<II", zlib.crc32(tar) & 0xFFFFFFFF, len(tar) & 0xFFFFFFFF)
with open(oracle_path, "wb") as f:
    f.write(header + b"".join(pieces) + trailer)
print(hashlib.sha256(tar).hexdigest())
