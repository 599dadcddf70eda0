/* popband.h - population bands of the body sheets: a municipality is
 * compared with the bodies of about its own size. */
#ifndef AIREPORT_POPBAND_H
#define AIREPORT_POPBAND_H

#include <stdint.h>

enum { POP_N_BANDS = 6 };

/* 0: under 10,000 … 5: 500,000 and more. */
static inline int pop_band(uint32_t population)
{
    static const uint32_t upper[POP_N_BANDS - 1] = {10000, 50000, 100000, 200000, 500000};
    int b = 0;
    while (b < POP_N_BANDS - 1 && population >= upper[b])
        b++;
    return b;
}

static inline const char *pop_band_label(int band)
{
    static const char *const labels[POP_N_BANDS] = {
        "人口1万人未満", "人口1万～5万人", "人口5万～10万人",
        "人口10万～20万人", "人口20万～50万人", "人口50万人以上"};
    return band >= 0 && band < POP_N_BANDS ? labels[band] : "";
}

#endif
