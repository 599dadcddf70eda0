/* pdf_struct.c - marked content and the structure tree from drawlist tags
 * (see pdf_struct.h).
 *
 * The tree is kept as plain arrays while the pages are written and becomes
 * PDF text at the end, in objects whose numbers libharu reserves
 * (pdf_lh_reserve) and which the saver packs into the object streams. Not
 * libharu dictionaries: its object API costs about 10,000 instructions an
 * element (a dictionary, 128-byte names, references, each allocated, then
 * written byte by byte), which for the tens of thousands of elements of a
 * whole build would alone cost a tenth of its time; this costs a few
 * hundred. */
#include "pdf_struct.h"

#include "arena.h"
#include "pdf_buf.h"
#include "pdf_tounicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* drawlist_check_tags allows 64 nested elements; the page's Sect is below. */
enum { FRAME_MAX = 64 + 1 };

/* A kid of an element, in order: an MCID or an element. Kids of all
 * elements share one pool, each element chaining its own. */
typedef struct {
    int value; /* MCID, or element index */
    bool is_element;
    int next; /* next kid of the same element, -1: last */
} kid;

typedef struct {
    const char *role; /* /S */
    int parent;       /* element index; -1: the StructTreeRoot */
    uint32_t page;    /* /Pg object number (0: none, no MCID) */
    int first_kid, last_kid, n_kids;
    const dl_tag *tag; /* attributes (Figure, TH, TD), or NULL */
    double bbox[4];    /* Figure: in PDF coordinates */
} element;

/* What the open marked-content sequence belongs to. */
typedef enum { SEQ_NONE, SEQ_ELEMENT, SEQ_ARTIFACT } seq_kind;

struct pdf_struct {
    HPDF_Doc pdf;
    element *elems; /* [0]: Document */
    int n_elems, cap_elems;
    kid *kids;
    int n_kids, cap_kids;
    /* ParentTree: per page, the element of each MCID */
    int *parents, n_parents, cap_parents;
    int *page_first; /* per page, its first entry in parents */
    int n_pages, cap_pages;
    /* the page being written */
    uint32_t page_obj;
    double h_pt;
    int stack[FRAME_MAX]; /* open elements; [0]: the page's Sect */
    int depth;
    bool in_artifact;
    dl_artifact_kind artifact;
    int run; /* the P of the current run of untagged text, -1: none */
    seq_kind seq;
    int seq_element;
    dl_artifact_kind seq_artifact;
    char ops[96];
    char err[160];
    /* the objects for the saver, made by pdf_struct_finish */
    pdf_buf text;
    size_t *offsets;
    pdf_lh_objects objects;
};

static int element_add(pdf_struct *s, const char *role, int parent, const dl_tag *tag);

pdf_struct *pdf_struct_new(HPDF_Doc pdf)
{
    pdf_struct *s = xcalloc(1, sizeof *s);
    s->pdf = pdf;
    s->run = -1;
    element_add(s, "Document", -1, NULL);
    return s;
}

void pdf_struct_free(pdf_struct *s)
{
    if (!s)
        return;
    free(s->elems);
    free(s->kids);
    free(s->parents);
    free(s->page_first);
    free(s->text.buf);
    free(s->offsets);
    free(s);
}

const char *pdf_struct_error(const pdf_struct *s)
{
    return s->err;
}

static void kid_add(pdf_struct *s, int elem, int value, bool is_element)
{
    if (s->n_kids == s->cap_kids) {
        s->cap_kids = s->cap_kids ? 2 * s->cap_kids : 1024;
        s->kids = xrealloc(s->kids, sizeof *s->kids * (size_t)s->cap_kids);
    }
    int k = s->n_kids++;
    s->kids[k] = (kid){value, is_element, -1};
    element *e = &s->elems[elem];
    if (e->n_kids++)
        s->kids[e->last_kid].next = k;
    else
        e->first_kid = k;
    e->last_kid = k;
}

/* A new element of the role, the last kid of parent (-1: the root's). */
static int element_add(pdf_struct *s, const char *role, int parent, const dl_tag *tag)
{
    if (s->n_elems == s->cap_elems) {
        s->cap_elems = s->cap_elems ? 2 * s->cap_elems : 256;
        s->elems = xrealloc(s->elems, sizeof *s->elems * (size_t)s->cap_elems);
    }
    int i = s->n_elems++;
    s->elems[i] = (element){.role = role, .parent = parent, .tag = tag};
    if (parent >= 0)
        kid_add(s, parent, i, true);
    return i;
}

bool pdf_struct_page_begin(pdf_struct *s, HPDF_Page page, int index, double h_pt)
{
    if (s->n_pages == s->cap_pages) {
        s->cap_pages = s->cap_pages ? 2 * s->cap_pages : 32;
        s->page_first = xrealloc(s->page_first, sizeof *s->page_first * (size_t)s->cap_pages);
    }
    s->page_first[s->n_pages++] = s->n_parents;
    s->page_obj = pdf_lh_number(page);
    s->h_pt = h_pt;
    s->depth = 1;
    s->stack[0] = element_add(s, "Sect", 0, NULL);
    s->in_artifact = false;
    s->run = -1;
    s->seq = SEQ_NONE;
    s->err[0] = '\0';
    return index == s->n_pages - 1 && pdf_lh_add_int(page, "StructParents", index);
}

static bool begin_element(pdf_struct *s, const dl_tag *t)
{
    if (s->depth == FRAME_MAX) {
        snprintf(s->err, sizeof s->err, "structure elements nested deeper than %d",
                 FRAME_MAX - 1);
        return false;
    }
    int e = element_add(s, dl_role_name(t->role), s->stack[s->depth - 1], t);
    if (t->role == DL_ROLE_FIGURE) {
        /* drawlist boxes grow downwards from the top-left, PDF's upwards */
        double *b = s->elems[e].bbox;
        b[0] = t->box[0];
        b[1] = s->h_pt - t->box[1] - t->box[3];
        b[2] = t->box[0] + t->box[2];
        b[3] = s->h_pt - t->box[1];
    }
    s->stack[s->depth++] = e;
    return true;
}

/* Appends decimal v to p; returns the end. */
static char *put_uint(char *p, unsigned long v)
{
    char tmp[24];
    int n = 0;
    do
        tmp[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        *p++ = tmp[--n];
    return p;
}

static char *put_str(char *p, const char *str)
{
    size_t n = strlen(str);
    memcpy(p, str, n);
    return p + n;
}

/* The operators that close the open sequence (close) and open one for
 * element e: "/Role <</MCID n>> BDC". */
static const char *open_element_seq(pdf_struct *s, int e, const char *close)
{
    element *el = &s->elems[e];
    int mcid = s->n_parents - s->page_first[s->n_pages - 1];
    kid_add(s, e, mcid, false);
    if (s->n_parents == s->cap_parents) {
        s->cap_parents = s->cap_parents ? 2 * s->cap_parents : 1024;
        s->parents = xrealloc(s->parents, sizeof *s->parents * (size_t)s->cap_parents);
    }
    s->parents[s->n_parents++] = e;
    el->page = s->page_obj;
    s->seq = SEQ_ELEMENT;
    s->seq_element = e;
    char *p = put_str(s->ops, close);
    *p++ = '/';
    p = put_str(p, el->role);
    p = put_str(p, " <</MCID ");
    p = put_uint(p, (unsigned long)mcid);
    p = put_str(p, ">> BDC\n");
    *p = '\0';
    return s->ops;
}

static const char *open_artifact_seq(pdf_struct *s, dl_artifact_kind kind, const char *close)
{
    static const char *const open[] = {
        [DL_ART_LAYOUT] = "/Artifact BMC\n",
        [DL_ART_HEADER] = "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
        [DL_ART_FOOTER] = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"};
    s->seq = SEQ_ARTIFACT;
    s->seq_artifact = kind;
    put_str(put_str(s->ops, close), open[kind])[0] = '\0';
    return s->ops;
}

/* Marked content for a painting item: the sequence it belongs to, opened
 * unless it is open already. */
static const char *paint(pdf_struct *s, const dl_item *it)
{
    const char *close = s->seq == SEQ_NONE ? "" : "EMC\n";
    if (s->in_artifact || (s->depth == 1 && it->kind != DL_TEXT)) {
        /* an artifact span, or an untagged path: decoration */
        dl_artifact_kind art = s->in_artifact ? s->artifact : DL_ART_LAYOUT;
        s->run = -1;
        return s->seq == SEQ_ARTIFACT && s->seq_artifact == art ? ""
                                                                : open_artifact_seq(s, art, close);
    }
    int e;
    if (s->depth > 1) {
        e = s->stack[s->depth - 1];
    } else { /* untagged text: a P per run */
        if (s->run < 0)
            s->run = element_add(s, "P", s->stack[0], NULL);
        e = s->run;
    }
    return s->seq == SEQ_ELEMENT && s->seq_element == e ? "" : open_element_seq(s, e, close);
}

const char *pdf_struct_item(pdf_struct *s, const dl_item *it)
{
    if (dl_item_paints(it))
        return paint(s, it);
    s->run = -1;
    switch (it->kind) {
    case DL_BEGIN: return begin_element(s, it->tag) ? "" : NULL;
    case DL_END:
        if (s->depth > 1)
            s->depth--;
        return "";
    case DL_ARTIFACT:
        s->in_artifact = true;
        s->artifact = it->tag->artifact;
        return "";
    case DL_ARTIFACT_END: s->in_artifact = false; return "";
    default: return "";
    }
}

const char *pdf_struct_page_end(pdf_struct *s)
{
    const char *close = s->seq == SEQ_NONE ? "" : "EMC\n";
    s->seq = SEQ_NONE;
    s->run = -1;
    return close;
}

/* --- the objects, as PDF text */

static void text_put(pdf_struct *s, const char *str)
{
    pdf_buf_put(&s->text, str);
}

/* " N 0 R" */
static void text_ref(pdf_struct *s, uint32_t number)
{
    char *p = pdf_buf_reserve(&s->text, 32), *q = p;
    *q++ = ' ';
    q = put_uint(q, number);
    q = put_str(q, " 0 R");
    s->text.len += (size_t)(q - p);
}

static void text_uint(pdf_struct *s, unsigned long v)
{
    char *p = pdf_buf_reserve(&s->text, 24);
    s->text.len += (size_t)(put_uint(p, v) - p);
}

static void text_real(pdf_struct *s, double v)
{
    char *p = pdf_buf_reserve(&s->text, 24);
    s->text.len += (size_t)(pdf_lh_ftoa(p, v, p + 20) - p);
}

/* A text string as hex UTF-16BE with its byte order mark, like libharu's. */
static void text_string(pdf_struct *s, const char *utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    unsigned char *u = pdf_utf16be(utf8, &n);
    char *p = pdf_buf_reserve(&s->text, 2 * n + 2);
    *p++ = '<';
    for (size_t i = 0; i < n; i++) {
        *p++ = hex[u[i] >> 4];
        *p++ = hex[u[i] & 15];
    }
    *p++ = '>';
    s->text.len += 2 * n + 2;
    free(u);
}

/* Object numbers: the root, the ParentTree, then the elements in order. */
#define OBJ_ROOT(s) ((s)->objects.first)
#define OBJ_PARENT_TREE(s) ((s)->objects.first + 1)
#define OBJ_ELEMENT(s, i) ((s)->objects.first + 2 + (uint32_t)(i))

static void write_attributes(pdf_struct *s, const element *e)
{
    const dl_tag *t = e->tag;
    if (t->role == DL_ROLE_FIGURE) {
        text_put(s, "/Alt ");
        text_string(s, t->alt ? t->alt : "");
        text_put(s, "/A <</O /Layout /Placement /Block /BBox [");
        for (int k = 0; k < 4; k++) {
            text_real(s, e->bbox[k]);
            text_put(s, k < 3 ? " " : "]>>");
        }
    } else if ((t->role == DL_ROLE_TH || t->role == DL_ROLE_TD) &&
               (t->scope != DL_SCOPE_NONE || t->row_span > 1)) {
        static const char *const scope[] = {NULL, "Row", "Column", "Both"};
        text_put(s, "/A <</O /Table");
        if (t->role == DL_ROLE_TH && t->scope != DL_SCOPE_NONE) {
            text_put(s, " /Scope /");
            text_put(s, scope[t->scope]);
        }
        if (t->row_span > 1) {
            text_put(s, " /RowSpan ");
            text_uint(s, (unsigned long)t->row_span);
        }
        text_put(s, ">>");
    }
}

/* /K: one kid as itself, several as an array; none: no /K (an empty table
 * cell is still a cell). */
static void write_kids(pdf_struct *s, const element *e)
{
    if (e->n_kids == 0)
        return;
    text_put(s, e->n_kids > 1 ? "/K [" : "/K");
    for (int k = e->first_kid; k >= 0; k = s->kids[k].next) {
        if (s->kids[k].is_element) {
            text_ref(s, OBJ_ELEMENT(s, s->kids[k].value));
        } else {
            text_put(s, " ");
            text_uint(s, (unsigned long)s->kids[k].value);
        }
    }
    if (e->n_kids > 1)
        text_put(s, "]");
}

static void write_element(pdf_struct *s, const element *e)
{
    text_put(s, "<</S /");
    text_put(s, e->role);
    text_put(s, " /P");
    text_ref(s, e->parent < 0 ? OBJ_ROOT(s) : OBJ_ELEMENT(s, e->parent));
    if (e->page) {
        text_put(s, " /Pg");
        text_ref(s, e->page);
    }
    write_kids(s, e);
    if (e->tag)
        write_attributes(s, e);
    text_put(s, ">>");
}

bool pdf_struct_finish(pdf_struct *s)
{
    uint32_t n = 2 + (uint32_t)s->n_elems;
    if (!pdf_lh_reserve(s->pdf, n, &s->objects.first))
        return false;
    s->offsets = xmalloc(sizeof *s->offsets * (n + 1));
    size_t *off = s->offsets;
    int k = 0;
    off[k++] = s->text.len;
    text_put(s, "<</Type /StructTreeRoot /K");
    text_ref(s, OBJ_ELEMENT(s, 0));
    text_put(s, " /ParentTree");
    text_ref(s, OBJ_PARENT_TREE(s));
    text_put(s, " /ParentTreeNextKey ");
    text_uint(s, (unsigned long)s->n_pages);
    text_put(s, ">>");
    /* one number tree leaf: page index, then the element of each MCID */
    off[k++] = s->text.len;
    text_put(s, "<</Nums [");
    for (int p = 0; p < s->n_pages; p++) {
        int end = p + 1 < s->n_pages ? s->page_first[p + 1] : s->n_parents;
        text_uint(s, (unsigned long)p);
        text_put(s, " [");
        for (int i = s->page_first[p]; i < end; i++)
            text_ref(s, OBJ_ELEMENT(s, s->parents[i]));
        text_put(s, p + 1 < s->n_pages ? "] " : "]");
    }
    text_put(s, "]>>");
    for (int i = 0; i < s->n_elems; i++) {
        off[k++] = s->text.len;
        write_element(s, &s->elems[i]);
    }
    off[k] = s->text.len;
    s->objects.n = n;
    s->objects.text = s->text.buf;
    s->objects.offset = s->offsets;

    HPDF_Doc pdf = s->pdf;
    HPDF_Dict mark = pdf_lh_dict(pdf, false);
    return mark && pdf_lh_add_bool(mark, "Marked", true) &&
           pdf_lh_add_ref(pdf, pdf_lh_catalog(pdf), "StructTreeRoot", OBJ_ROOT(s)) &&
           pdf_lh_add(pdf_lh_catalog(pdf), "MarkInfo", mark);
}

const pdf_lh_objects *pdf_struct_objects(const pdf_struct *s)
{
    return s->objects.n ? &s->objects : NULL;
}
