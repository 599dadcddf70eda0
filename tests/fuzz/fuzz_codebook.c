/* fuzz_codebook.c - codebook.ini through codebook_load() (iniparser plus the
 * loader's own line scan). The input is written to a temporary file because
 * iniparser reads files only.
 *
 * Properties: the loader reports success exactly when it added no
 * diagnostic; a loaded codebook keeps its bounds (question count, option
 * codes 1..31, a label for each code, masks inside the options, conditions
 * naming an existing single-select question) and finds each question by its
 * id and column; every diagnostic names the file and a line of it. */
#include "codebook.h"
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char S_path[64];

static void S_cleanup(void)
{
    unlink(S_path);
}

static void S_write(const uint8_t *data, size_t size)
{
    if (!S_path[0]) {
        snprintf(S_path, sizeof S_path, "/tmp/aireport-fuzz-codebook-%ld.ini", (long)getpid());
        atexit(S_cleanup);
    }
    FILE *f = fopen(S_path, "wb");
    FUZZ_ASSERT(f != NULL, "cannot write %s", S_path);
    FUZZ_ASSERT(fwrite(data, 1, size, f) == size && fclose(f) == 0, "cannot write %s", S_path);
}

static cb_mask S_all_options(int n)
{
    return n >= 32 ? ~(cb_mask)0 : (((cb_mask)1u << n) - 1u);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    S_write(data, size);
    long lines = 2;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || data[i] == '\r';

    diags *d = diags_new(NULL);
    arena *mem = arena_new();
    codebook cb;
    memset(&cb, 0xA5, sizeof cb); /* the loader must set every field it promises */
    bool ok = codebook_load(&cb, S_path, mem, d);

    FUZZ_ASSERT(ok == (diags_count(d) == 0), "load returned %d with %d diagnostics", ok,
                diags_count(d));
    for (int i = 0; i < diags_kept(d); i++) {
        const diag *g = diags_get(d, i);
        FUZZ_ASSERT(g->file && strstr(g->file, S_path), "diagnostic names no file");
        FUZZ_ASSERT(g->line >= 0 && g->line <= lines, "diagnostic line %ld of %ld", g->line, lines);
        FUZZ_ASSERT(g->code != D_INTERNAL, "internal error: %s", g->message);
    }
    if (ok) {
        FUZZ_ASSERT(cb.n >= 1 && cb.n <= CB_MAX_QUESTIONS, "%d questions", cb.n);
        for (int q = 0; q < cb.n; q++) {
            const cb_question *Q = &cb.q[q];
            FUZZ_ASSERT(Q->id && Q->column && Q->title, "question %d lacks id/column/title", q);
            FUZZ_ASSERT(Q->n_options >= 1 && Q->n_options <= CB_MAX_OPTIONS, "%s: %d options",
                        Q->id, Q->n_options);
            for (int k = 1; k <= Q->n_options; k++)
                FUZZ_ASSERT(Q->label[k] && Q->short_label[k], "%s: code %d has no label", Q->id, k);
            cb_mask all = S_all_options(Q->n_options);
            FUZZ_ASSERT((Q->exclusive & ~all) == 0, "%s: exclusive outside the options", Q->id);
            FUZZ_ASSERT(Q->max >= 0 && Q->max <= Q->n_options, "%s: max %d", Q->id, Q->max);
            FUZZ_ASSERT(Q->asked_q >= -1 && Q->asked_q < cb.n, "%s: asked_q %d", Q->id, Q->asked_q);
            if (Q->asked_q >= 0) {
                const cb_question *C = &cb.q[Q->asked_q];
                FUZZ_ASSERT(!C->multi, "%s: asked on a multi-select", Q->id);
                FUZZ_ASSERT(Q->asked_codes != 0 &&
                                (Q->asked_codes & ~S_all_options(C->n_options)) == 0,
                            "%s: asked codes outside %s", Q->id, C->id);
            }
            FUZZ_ASSERT(codebook_find(&cb, Q->id) == q, "%s not found by id", Q->id);
            for (int o = 0; o < q; o++) /* a CSV column names one question */
                FUZZ_ASSERT(cb.q[o].file != Q->file || strcmp(cb.q[o].column, Q->column) != 0,
                            "%s and %s share the column %s", cb.q[o].id, Q->id, Q->column);
        }
    }
    arena_free(mem);
    diags_free(d);
    return 0;
}
