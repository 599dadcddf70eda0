/* chart.c - what every chart kind shares: palettes, label text and
 * wrapping, cairo path -> drawlist, value labels, ticks, the "box too small"
 * report. The entry point is chart_draw.c; each kind draws in its own file. */
#include "chart_priv.h"

#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Muted ministry palette: navy to grey for the six statuses (導入済 first). */
const uint32_t chart_palette_status[6] = {0x1F3864, 0x2E75B6, 0x9DC3E6,
                                          0xDDE5EF, 0xBFB5A8, 0xE3E3E3};
/* One blue, light to dark: oldest year lightest, latest darkest. */
const uint32_t chart_palette_years3[3] = {0xBDD7EE, 0x5B9BD5, 0x1F3864};

/* ---- text ---- */

double chart_text_w(chart_ctx *x, const char *s, double size_pt, font_role font)
{
    return x->measure(x->mctx, s, size_pt, font);
}

static int utf8_len(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if ((b & 0xE0) == 0xC0)
        return 2;
    if ((b & 0xF0) == 0xE0)
        return 3;
    if ((b & 0xF8) == 0xF0)
        return 4;
    return 1; /* stray byte: one unit, never read past it */
}

static bool is_one_of(const char *ch, int len, const char *set)
{
    for (const char *p = set; *p;) {
        int l = utf8_len((unsigned char)*p);
        if (l == len && memcmp(p, ch, (size_t)len) == 0)
            return true;
        p += l;
    }
    return false;
}

/* Japanese line-breaking rules, kept small: no line starts with closing
 * punctuation or a prolonged sound mark, none ends with an opening bracket,
 * runs of ASCII (numbers, names like "QommonsAI") stay whole. */
static const char CLOSE_CHARS[] = "、。，．）」』】〕ー・％！？：；…,.)%!?:;";
static const char OPEN_CHARS[] = "（「『【〔(";

static bool break_allowed(const char *prev, int pl, const char *cur, int cl)
{
    bool prev_word = pl == 1 && *prev != ' ';
    bool cur_word = cl == 1 && *cur != ' ';
    if (prev_word && cur_word)
        return false;
    if (is_one_of(cur, cl, CLOSE_CHARS))
        return false;
    if (is_one_of(prev, pl, OPEN_CHARS))
        return false;
    return true;
}

static const char *trimmed(chart_ctx *x, const char *s, size_t n)
{
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    return arena_strndup(x->out->mem, s, n);
}

chart_lines chart_wrap(chart_ctx *x, const char *s, double size_pt, font_role font,
                       double max_w)
{
    chart_lines r = {0};
    size_t len = strlen(s);
    int cap = 4;
    r.line = ARENA_NEW(x->out->mem, const char *, cap);
    size_t start = 0;  /* current line */
    size_t last_ok = 0; /* last allowed break after start (0 = none yet) */
    size_t i = 0;
    const char *prev = NULL;
    int pl = 0;
    while (start < len) {
        bool hard = false;
        size_t end = len;
        for (i = start, prev = NULL, last_ok = 0; i < len;) {
            if (s[i] == '\n') {
                end = i;
                hard = true;
                break;
            }
            int cl = utf8_len((unsigned char)s[i]);
            if (i + (size_t)cl > len)
                cl = (int)(len - i);
            if (prev && break_allowed(prev, pl, s + i, cl)) {
                const char *cand = arena_strndup(x->out->mem, s + start, i - start);
                if (chart_text_w(x, cand, size_pt, font) > max_w + 1e-6) {
                    /* break before this char if possible, else at the last
                     * allowed place, else let the run overflow */
                    end = last_ok ? last_ok : i;
                    break;
                }
                last_ok = i;
            }
            prev = s + i;
            pl = cl;
            i += (size_t)cl;
        }
        if (i >= len || hard) {
            /* end of text or a hard break: the tail fits unless its last run
             * is too wide */
            size_t tail = hard ? end : len;
            const char *all = arena_strndup(x->out->mem, s + start, tail - start);
            if (last_ok && chart_text_w(x, all, size_pt, font) > max_w + 1e-6) {
                end = last_ok;
                hard = false;
            } else {
                end = tail;
            }
        }
        if (r.n == cap) {
            const char **grown = ARENA_NEW(x->out->mem, const char *, cap * 2);
            memcpy(grown, r.line, sizeof *grown * (size_t)cap);
            r.line = grown;
            cap *= 2;
        }
        const char *ln = trimmed(x, s + start, end - start);
        double w = chart_text_w(x, ln, size_pt, font);
        if (w > r.w)
            r.w = w;
        if (w > max_w + 1e-6)
            r.overflow = true;
        r.line[r.n++] = ln;
        start = hard ? end + 1 : end;
        while (start < len && s[start] == ' ')
            start++;
    }
    if (r.n == 0) {
        r.line[0] = "";
        r.n = 1;
    }
    return r;
}

void chart_lines_draw(chart_ctx *x, const chart_lines *l, double tx, double mid_y,
                      double size_pt, font_role font, uint32_t rgb, dl_align align)
{
    double lh = size_pt * CHART_LINE;
    double block = (l->n - 1) * lh + size_pt; /* ascent+descent = 1 size */
    double top = mid_y - block / 2;
    for (int i = 0; i < l->n; i++)
        dl_text(x->out, l->line[i], tx, top + i * lh + size_pt * CHART_ASCENT, size_pt, font,
                rgb, align);
}

/* ---- shapes ---- */

static void emit_path(chart_ctx *x, dl_kind kind, uint32_t rgb, double lw)
{
    cairo_path_t *p = cairo_copy_path(x->cr);
    int n = 0;
    for (int i = 0; i < p->num_data; i += p->data[i].header.length)
        n++;
    dl_item *it = drawlist_add(x->out, kind);
    it->rgb = rgb;
    it->line_width_pt = lw;
    it->segs = ARENA_NEW(x->out->mem, dl_seg, n ? n : 1);
    for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
        const cairo_path_data_t *h = &p->data[i];
        dl_seg *g = &it->segs[it->n_segs++];
        switch (h->header.type) {
        case CAIRO_PATH_MOVE_TO: g->op = DL_MOVE_TO; break;
        case CAIRO_PATH_LINE_TO: g->op = DL_LINE_TO; break;
        case CAIRO_PATH_CURVE_TO: g->op = DL_CURVE_TO; break;
        case CAIRO_PATH_CLOSE_PATH: g->op = DL_CLOSE; break;
        }
        int npts = h->header.type == CAIRO_PATH_CURVE_TO ? 3
                   : h->header.type == CAIRO_PATH_CLOSE_PATH ? 0
                                                             : 1;
        for (int k = 0; k < npts; k++) {
            g->x[k] = p->data[i + 1 + k].point.x;
            g->y[k] = p->data[i + 1 + k].point.y;
        }
    }
    cairo_path_destroy(p);
    cairo_new_path(x->cr);
}

void chart_emit_fill(chart_ctx *x, uint32_t rgb) { emit_path(x, DL_FILL, rgb, 0); }

void chart_emit_stroke(chart_ctx *x, uint32_t rgb, double line_width_pt)
{
    emit_path(x, DL_STROKE, rgb, line_width_pt);
}

void chart_emit_rect(chart_ctx *x, double rx, double ry, double rw, double rh, uint32_t rgb)
{
    cairo_new_path(x->cr);
    cairo_rectangle(x->cr, rx, ry, rw, rh);
    chart_emit_fill(x, rgb);
}

void chart_emit_line(chart_ctx *x, double x0, double y0, double x1, double y1, uint32_t rgb,
                     double line_width_pt)
{
    cairo_new_path(x->cr);
    cairo_move_to(x->cr, x0, y0);
    cairo_line_to(x->cr, x1, y1);
    chart_emit_stroke(x, rgb, line_width_pt);
}

/* ---- colours and labels ---- */

uint32_t chart_series_rgb(const chart_ctx *x, int s)
{
    const chart_spec *c = x->c;
    if (c->series_rgb)
        return c->series_rgb[s];
    if (c->type == CHART_GROUPED_BARS) {
        /* latest year (last series) darkest */
        int off = 3 - c->n_series;
        int k = s + (off > 0 ? off : 0);
        return chart_palette_years3[k < 3 ? k : 2];
    }
    if (c->type == CHART_BARS)
        return 0x2E75B6;
    return chart_palette_status[s % 6];
}

uint32_t chart_text_on(const chart_ctx *x, uint32_t bg)
{
    double r = (bg >> 16) & 0xFF, g = (bg >> 8) & 0xFF, b = bg & 0xFF;
    double lum = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
    return lum < 0.55 ? 0xFFFFFF : x->text_rgb;
}

const char *chart_value_label(chart_ctx *x, int cat, int series, double total)
{
    const chart_spec *c = x->c;
    size_t i = (size_t)cat * (size_t)c->n_series + (size_t)series;
    if (c->value_labels && c->value_labels[i])
        return c->value_labels[i];
    char cnt[NUMFMT_MAX], pct[NUMFMT_MAX];
    long long count = llround(c->values[i]);
    numfmt_int(cnt, count);
    if (total <= 0 || c->label_format == CHART_LABEL_COUNT)
        return arena_strdup(x->out->mem, cnt);
    numfmt_pct10_str(pct, numfmt_pct10(count, llround(total)));
    if (c->label_format == CHART_LABEL_PCT)
        return arena_printf(x->out->mem, "%s%%", pct);
    return arena_printf(x->out->mem, "%s\n%s%%", cnt, pct);
}

const char *chart_label_one_line(chart_ctx *x, const char *label)
{
    const char *nl = strchr(label, '\n');
    if (!nl)
        return label;
    return arena_printf(x->out->mem, "%.*s（%s）", (int)(nl - label), label, nl + 1);
}

void chart_row_text(chart_ctx *x, int from, const char *text)
{
    bool first = true;
    for (int i = from; i < x->out->n; i++) {
        dl_item *it = &x->out->items[i];
        if (it->kind != DL_TEXT || !it->text || !*it->text)
            continue;
        it->actual_text = first ? text : "";
        first = false;
    }
}

void chart_printed(chart_ctx *x, chart_text_role role, int cat, int series, const char *text)
{
    if (x->c->printed)
        x->c->printed(x->c->printed_ctx, role, cat, series, text);
}

void chart_format_tick(char *buf, double value)
{
    numfmt_int(buf, llround(value));
}

double chart_plot_top(const chart_ctx *x, chart_box a, double content_h)
{
    return x->legend == CHART_LEGEND_BOTTOM ? a.y + a.h - content_h : a.y;
}

/* ---- ticks ---- */

double chart_nice_step(double max, int target_ticks)
{
    if (max <= 0 || target_ticks < 1)
        return 1;
    double raw = max / target_ticks;
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double step = 10 * mag;
    for (int i = 0; i < 5; i++)
        if (steps[i] * mag >= raw) {
            step = steps[i] * mag;
            break;
        }
    return step < 1 ? 1 : step; /* counts: no fractional ticks */
}

bool chart_fail_room(chart_ctx *x, diag_code code, const char *kind, const char *what,
                     double need_pt, double have_pt, const char *advice)
{
    diag_add(x->d, code, x->context, 0, 0,
             "%s: %s needs %.1f pt but the box leaves %.1f pt; expected a larger chart box, %s",
             kind, what, need_pt, have_pt, advice);
    return false;
}
