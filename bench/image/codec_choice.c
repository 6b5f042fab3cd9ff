/* Which deflate for nbship's chunked gzip layers, and at which level (`make bench` runs this).
 *
 * usage: codec_choice TAR [CHUNK_SIZE]
 *
 * One core, the whole TAR in memory, cut into CHUNK_SIZE pieces (default 256 KiB) as nbship
 * cuts a layer. For each candidate, prints MB of input per second of this process's CPU time
 * (user + sys: the machine is shared, so wall time would measure the other sessions) and
 * output/input:
 *   zlib-dict Ln        zlib raw deflate, each chunk primed with the previous chunk's last
 *                       32 KiB (deflateSetDictionary) and ended by a sync flush;
 *   isal-dict Ln        ISA-L's igzip, the same format (isal_deflate_set_dict, SYNC_FLUSH,
 *                       ISA-L's default level buffer): nbship's default at level 1;
 *   libdeflate-indep Ln libdeflate on each chunk alone: libdeflate 1.14's public API has no
 *                       preset dictionary and always ends with a final block, so it cannot
 *                       make one gzip member of parallel chunks without re-parsing its bits;
 *   zstd Ln             libzstd on each chunk alone, for scale.
 * Build: gcc -O2 codec_choice.c -lz -ldeflate -lzstd -lisal
 */
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#include <zstd.h>

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void report(const char *name, int level, size_t in, size_t out, double seconds) {
    printf("%-16s L%d: %7.1f MB/CPU-s  ratio %.4f\n", name, level, in / seconds / 1e6, (double)out / in);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: codec_choice TAR [CHUNK_SIZE]\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *in = malloc(n);
    if (!in || fread(in, 1, n, f) != (size_t)n) { fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
    fclose(f);
    size_t chunk = argc > 2 ? (size_t)atol(argv[2]) : (size_t)256 << 10;
    size_t capacity = 2 * chunk + 65536;
    unsigned char *out = malloc(capacity);
    for (int level = 1; level <= 6; level++) {
        z_stream s;
        memset(&s, 0, sizeof s);
        if (deflateInit2(&s, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return 1;
        double t = cpu();
        size_t total = 0;
        for (long off = 0; off < n; off += chunk) {
            size_t len = (size_t)(n - off) < chunk ? (size_t)(n - off) : chunk;
            deflateReset(&s);
            if (off > 0) deflateSetDictionary(&s, in + off - 32768, 32768);
            s.next_in = in + off;
            s.avail_in = len;
            s.next_out = out;
            s.avail_out = capacity;
            if (deflate(&s, off + (long)len >= n ? Z_FINISH : Z_SYNC_FLUSH) < 0) return 1;
            total += capacity - s.avail_out;
        }
        report("zlib-dict", level, n, total, cpu() - t);
        deflateEnd(&s);
    }
    uint32_t buffers[] = {0, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT, ISAL_DEF_LVL3_DEFAULT};
    for (int level = 0; level <= 3; level++) {
        unsigned char *buffer = buffers[level] ? malloc(buffers[level]) : NULL;
        struct isal_zstream s;
        double t = cpu();
        size_t total = 0;
        for (long off = 0; off < n; off += chunk) {
            size_t len = (size_t)(n - off) < chunk ? (size_t)(n - off) : chunk;
            int last = off + (long)len >= n;
            isal_deflate_init(&s);
            s.level = level;
            s.level_buf = buffer;
            s.level_buf_size = buffers[level];
            if (off > 0 && isal_deflate_set_dict(&s, in + off - 32768, 32768) != COMP_OK) return 1;
            s.next_in = in + off;
            s.avail_in = len;
            s.next_out = out;
            s.avail_out = capacity;
            s.end_of_stream = last;
            s.flush = last ? NO_FLUSH : SYNC_FLUSH;
            if (isal_deflate(&s) != COMP_OK || s.avail_in != 0) return 1;
            total += capacity - s.avail_out;
        }
        report("isal-dict", level, n, total, cpu() - t);
        free(buffer);
    }
    int levels[] = {1, 6};
    for (int i = 0; i < 2; i++) {
        struct libdeflate_compressor *c = libdeflate_alloc_compressor(levels[i]);
        double t = cpu();
        size_t total = 0;
        for (long off = 0; off < n; off += chunk) {
            size_t len = (size_t)(n - off) < chunk ? (size_t)(n - off) : chunk;
            total += libdeflate_deflate_compress(c, in + off, len, out, capacity);
        }
        report("libdeflate-indep", levels[i], n, total, cpu() - t);
        libdeflate_free_compressor(c);
    }
    int zlevels[] = {1, 3};
    for (int i = 0; i < 2; i++) {
        double t = cpu();
        size_t total = 0;
        for (long off = 0; off < n; off += chunk) {
            size_t len = (size_t)(n - off) < chunk ? (size_t)(n - off) : chunk;
            total += ZSTD_compress(out, capacity, in + off, len, zlevels[i]);
        }
        report("zstd", zlevels[i], n, total, cpu() - t);
    }
    return 0;
}
