/* Runs a region of AArch64 stencils stitched by cpjit (tests/jit_aarch64_qemu.rs) under qemu-user.
 *
 * Input file (little-endian u64 words unless noted):
 *   code_base, code_len, code bytes (padded to 8), data_base, data_len, data bytes (padded to 8),
 *   target_offset, nlocals, stack_room, stack_depth, then nlocals + stack_depth initial slot values.
 * The code was stitched for code_base and the data (objects it references) for data_base; both are
 * mapped at exactly those addresses. Output, one line:
 *   status S ret R instr I depth D slots X0 X1 ...   (all hex; slots = locals then live stack)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static uint64_t *words;
static size_t pos, nwords;

static uint64_t next(void) {
    if (pos >= nwords) {
        fprintf(stderr, "input too short\n");
        exit(2);
    }
    return words[pos++];
}

static void *map_at(uint64_t base, uint64_t len, const void *bytes) {
    size_t size = (len + 4095) & ~(size_t)4095;
    if (size == 0) size = 4096;
    void *p = mmap((void *)base, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (p == MAP_FAILED || (uint64_t)p != base) {
        perror("mmap");
        exit(2);
    }
    memcpy(p, bytes, len);
    return p;
}

typedef int64_t (*entry_fn)(void *frame, void *ctx, void *target);

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s INPUT\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static uint64_t buf[1 << 20];
    nwords = fread(buf, 8, 1 << 20, f);
    fclose(f);
    words = buf;

    uint64_t code_base = next(), code_len = next();
    void *code = map_at(code_base, code_len, &words[pos]);
    pos += (code_len + 7) / 8;
    uint64_t data_base = next(), data_len = next();
    if (data_len) map_at(data_base, data_len, &words[pos]);
    pos += (data_len + 7) / 8;
    uint64_t target = next(), nlocals = next(), room = next(), depth = next();

    /* W^X as in jit::memory: write, then read+execute, then synchronize the caches. */
    if (mprotect(code, (code_len + 4095) & ~(size_t)4095, PROT_READ | PROT_EXEC) != 0) {
        perror("mprotect");
        return 2;
    }
    __builtin___clear_cache((char *)code, (char *)code + code_len);

    /* Frame: 64-byte header (instr_index u32 @40, stack_depth u32 @44, nlocalsplus u32 @48), then
     * localsplus. The context (jit::runtime::JitContext, return_value @0) comes whole from the
     * input, as the test built it (its backward-jump allowance set). */
    uint64_t *frame = calloc(8 + nlocals + room, 8);
    ((uint32_t *)frame)[11] = (uint32_t)depth;
    ((uint32_t *)frame)[12] = (uint32_t)nlocals;
    for (uint64_t i = 0; i < nlocals + depth; i++) frame[8 + i] = next();
    uint64_t ctx_words = next();
    uint64_t *ctx = calloc(ctx_words, 8);
    for (uint64_t i = 0; i < ctx_words; i++) ctx[i] = next();

    int64_t status = ((entry_fn)code)(frame, ctx, (char *)code + target);

    uint32_t instr = ((uint32_t *)frame)[10], d = ((uint32_t *)frame)[11];
    printf("status %llx ret %llx instr %x depth %x slots", (long long)status,
           (unsigned long long)ctx[0], instr, d);
    uint64_t live = status == 1 ? nlocals + d : nlocals;
    for (uint64_t i = 0; i < live; i++) printf(" %llx", (unsigned long long)frame[8 + i]);
    printf("\n");
    return 0;
}
