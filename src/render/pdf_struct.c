/* pdf_struct.c - marked content and the structure tree from drawlist tags
 * (see pdf_struct.h). The structure objects are libharu dictionaries
 * (pdf_libharu.h), written with the rest of the document. */
#include "pdf_struct.h"

#include "arena.h"

#include <stdio.h>
#include <string.h>

/* libharu's limit on array length (HPDF_LIMIT_MAX_ARRAY): a page's
 * ParentTree array has one entry per MCID. */
#define MCIDS_PER_PAGE_MAX 32767
/* drawlist_check_tags allows 64 nested elements; the page's Sect is below. */
enum { FRAME_MAX = 64 + 1 };

/* An open structure element and its kids so far (/K): MCIDs and elements in
 * order. One kid is written as itself, several as an array. */
typedef struct {
    HPDF_Dict dict;
    const char *role; /* the marked-content tag of its sequences */
    bool has_page;    /* /Pg written */
    int n_kids;
    long first_mcid; /* the first kid: an MCID, or an element when first_elem */
    HPDF_Dict first_elem;
    pdf_obj kids; /* the array, from the second kid on */
} frame;

/* What the open marked-content sequence belongs to. */
typedef enum { SEQ_NONE, SEQ_ELEMENT, SEQ_ARTIFACT } seq_kind;

struct pdf_struct {
    HPDF_Doc pdf;
    HPDF_Dict root;
    frame document;   /* its kids: the pages' Sects */
    pdf_obj nums;     /* ParentTree /Nums: page index, array of elements by MCID */
    int n_pages;
    /* the page being written */
    HPDF_Page page;
    int page_index;
    double h_pt;
    pdf_obj page_parents;
    long next_mcid;
    frame stack[FRAME_MAX]; /* [0]: the page's Sect */
    int depth;              /* frames in use, the Sect included */
    bool in_artifact;
    dl_artifact_kind artifact;
    frame run; /* the P of the current run of untagged text (run.dict NULL: none) */
    /* the open marked-content sequence */
    seq_kind seq;
    HPDF_Dict seq_element;
    dl_artifact_kind seq_artifact;
    char ops[128];
    char err[160];
};

pdf_struct *pdf_struct_new(HPDF_Doc pdf)
{
    pdf_struct *s = xcalloc(1, sizeof *s);
    s->pdf = pdf;
    s->root = pdf_lh_dict(pdf, true);
    s->document.dict = pdf_lh_dict(pdf, true);
    s->nums = pdf_lh_array(pdf);
    if (!s->root || !s->document.dict || !s->nums ||
        !pdf_lh_add_name(s->root, "Type", "StructTreeRoot") ||
        !pdf_lh_add(s->root, "K", s->document.dict) ||
        !pdf_lh_add_name(s->document.dict, "S", "Document") ||
        !pdf_lh_add(s->document.dict, "P", s->root)) {
        pdf_struct_free(s);
        return NULL;
    }
    return s;
}

void pdf_struct_free(pdf_struct *s)
{
    free(s); /* the objects belong to the document */
}

const char *pdf_struct_error(const pdf_struct *s)
{
    return s->err;
}

static bool kid_add(frame *f, HPDF_Doc pdf, long mcid, HPDF_Dict elem)
{
    bool ok = true;
    if (f->n_kids == 0) {
        f->first_mcid = mcid;
        f->first_elem = elem;
    } else {
        if (f->n_kids == 1) {
            f->kids = pdf_lh_array(pdf);
            ok = f->kids && (f->first_elem ? pdf_lh_array_add(f->kids, f->first_elem)
                                           : pdf_lh_array_add_int(f->kids, f->first_mcid));
        }
        ok = ok && (elem ? pdf_lh_array_add(f->kids, elem) : pdf_lh_array_add_int(f->kids, mcid));
    }
    f->n_kids++;
    return ok;
}

/* Writes the element's /K (an element without kids has none: an empty table
 * cell is still a cell). */
static bool frame_close(frame *f)
{
    if (f->n_kids == 0)
        return true;
    if (f->n_kids > 1)
        return pdf_lh_add(f->dict, "K", f->kids);
    return f->first_elem ? pdf_lh_add(f->dict, "K", f->first_elem)
                         : pdf_lh_add_int(f->dict, "K", f->first_mcid);
}

/* A new element of the role below parent. */
static HPDF_Dict element_new(pdf_struct *s, frame *parent, const char *role)
{
    HPDF_Dict e = pdf_lh_dict(s->pdf, true);
    if (!e || !pdf_lh_add_name(e, "S", role) || !pdf_lh_add(e, "P", parent->dict) ||
        !kid_add(parent, s->pdf, 0, e))
        return NULL;
    return e;
}

bool pdf_struct_page_begin(pdf_struct *s, HPDF_Page page, int index, double h_pt)
{
    s->page = page;
    s->page_index = index;
    s->h_pt = h_pt;
    s->next_mcid = 0;
    s->depth = 1;
    s->in_artifact = false;
    s->run.dict = NULL;
    s->seq = SEQ_NONE;
    s->stack[0] = (frame){.role = "Sect"};
    s->stack[0].dict = element_new(s, &s->document, "Sect");
    s->page_parents = pdf_lh_array(s->pdf);
    return s->stack[0].dict && s->page_parents && pdf_lh_add_int(page, "StructParents", index);
}

/* The attributes a tag carries: a Figure's alt text and box, a table
 * cell's scope and row span. */
static bool add_attributes(pdf_struct *s, HPDF_Dict e, const dl_tag *t)
{
    HPDF_Doc pdf = s->pdf;
    bool ok = true;
    if (t->role == DL_ROLE_FIGURE) {
        HPDF_Dict a = pdf_lh_dict(pdf, false);
        pdf_obj box = pdf_lh_array(pdf);
        if (!a || !box)
            return false;
        /* drawlist boxes grow downwards from the top-left, PDF's upwards */
        const double b[4] = {t->box[0], s->h_pt - t->box[1] - t->box[3], t->box[0] + t->box[2],
                             s->h_pt - t->box[1]};
        for (int k = 0; k < 4; k++)
            ok &= pdf_lh_array_add_real(box, b[k]);
        ok &= pdf_lh_add_text(pdf, e, "Alt", t->alt ? t->alt : "");
        ok &= pdf_lh_add_name(a, "O", "Layout") && pdf_lh_add_name(a, "Placement", "Block") &&
              pdf_lh_add(a, "BBox", box) && pdf_lh_add(e, "A", a);
    } else if ((t->role == DL_ROLE_TH || t->role == DL_ROLE_TD) &&
               (t->scope != DL_SCOPE_NONE || t->row_span > 1)) {
        static const char *const scope[] = {NULL, "Row", "Column", "Both"};
        HPDF_Dict a = pdf_lh_dict(pdf, false);
        if (!a)
            return false;
        ok &= pdf_lh_add_name(a, "O", "Table");
        if (t->role == DL_ROLE_TH && t->scope != DL_SCOPE_NONE)
            ok &= pdf_lh_add_name(a, "Scope", scope[t->scope]);
        if (t->row_span > 1)
            ok &= pdf_lh_add_int(a, "RowSpan", t->row_span);
        ok &= pdf_lh_add(e, "A", a);
    }
    return ok;
}

static bool begin_element(pdf_struct *s, const dl_tag *t)
{
    if (s->depth == FRAME_MAX) {
        snprintf(s->err, sizeof s->err, "structure elements nested deeper than %d",
                 FRAME_MAX - 1);
        return false;
    }
    const char *role = dl_role_name(t->role);
    HPDF_Dict e = element_new(s, &s->stack[s->depth - 1], role);
    if (!e || !add_attributes(s, e, t))
        return false;
    s->stack[s->depth++] = (frame){.dict = e, .role = role};
    return true;
}

/* The run of untagged text ends: its P is complete. */
static bool end_run(pdf_struct *s)
{
    bool ok = !s->run.dict || frame_close(&s->run);
    s->run.dict = NULL;
    return ok;
}

/* The operators that close the open sequence and open one for frame f. */
static const char *open_element_seq(pdf_struct *s, frame *f, const char *close)
{
    if (s->next_mcid >= MCIDS_PER_PAGE_MAX) {
        snprintf(s->err, sizeof s->err,
                 "page %d has more than %d marked-content sequences (PDF structure limit)",
                 s->page_index + 1, MCIDS_PER_PAGE_MAX);
        return NULL;
    }
    long mcid = s->next_mcid++;
    if (!kid_add(f, s->pdf, mcid, NULL) || !pdf_lh_array_add(s->page_parents, f->dict))
        return NULL;
    if (!f->has_page) {
        if (!pdf_lh_add(f->dict, "Pg", s->page))
            return NULL;
        f->has_page = true;
    }
    s->seq = SEQ_ELEMENT;
    s->seq_element = f->dict;
    snprintf(s->ops, sizeof s->ops, "%s/%s <</MCID %ld>> BDC\n", close, f->role, mcid);
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
    snprintf(s->ops, sizeof s->ops, "%s%s", close, open[kind]);
    return s->ops;
}

/* Marked content for a painting item: the sequence it belongs to, opened
 * unless it is open already. */
static const char *paint(pdf_struct *s, const dl_item *it)
{
    const char *close = s->seq == SEQ_NONE ? "" : "EMC\n";
    dl_artifact_kind art = DL_ART_LAYOUT;
    frame *f = NULL;
    if (s->in_artifact) {
        art = s->artifact;
    } else if (s->depth > 1) {
        f = &s->stack[s->depth - 1];
    } else if (it->kind == DL_TEXT) { /* untagged text: a P per run */
        if (!s->run.dict) {
            HPDF_Dict p = element_new(s, &s->stack[0], "P");
            if (!p)
                return NULL;
            s->run = (frame){.dict = p, .role = "P"};
        }
        f = &s->run;
    } else if (!end_run(s)) { /* an untagged path: decoration */
        return NULL;
    }
    if (f)
        return s->seq == SEQ_ELEMENT && s->seq_element == f->dict ? ""
                                                                   : open_element_seq(s, f, close);
    return s->seq == SEQ_ARTIFACT && s->seq_artifact == art ? "" : open_artifact_seq(s, art, close);
}

const char *pdf_struct_item(pdf_struct *s, const dl_item *it)
{
    s->err[0] = '\0';
    if (dl_item_paints(it))
        return paint(s, it);
    if (!end_run(s))
        return NULL;
    switch (it->kind) {
    case DL_BEGIN:
        return begin_element(s, it->tag) ? "" : NULL;
    case DL_END:
        if (s->depth > 1 && !frame_close(&s->stack[--s->depth]))
            return NULL;
        return "";
    case DL_ARTIFACT:
        s->in_artifact = true;
        s->artifact = it->tag->artifact;
        return "";
    case DL_ARTIFACT_END:
        s->in_artifact = false;
        return "";
    default:
        return "";
    }
}

const char *pdf_struct_page_end(pdf_struct *s)
{
    bool ok = end_run(s);
    while (s->depth > 0) /* the Sect, and what a bad drawlist left open */
        ok = ok && frame_close(&s->stack[--s->depth]);
    ok = ok && pdf_lh_array_add_int(s->nums, s->page_index) &&
         pdf_lh_array_add(s->nums, s->page_parents);
    s->n_pages = s->page_index + 1;
    const char *close = s->seq == SEQ_NONE ? "" : "EMC\n";
    s->seq = SEQ_NONE;
    return ok ? close : NULL;
}

bool pdf_struct_finish(pdf_struct *s)
{
    HPDF_Doc pdf = s->pdf;
    HPDF_Dict tree = pdf_lh_dict(pdf, true), mark = pdf_lh_dict(pdf, false);
    return frame_close(&s->document) && tree && mark && pdf_lh_add(tree, "Nums", s->nums) &&
           pdf_lh_add(s->root, "ParentTree", tree) &&
           pdf_lh_add_int(s->root, "ParentTreeNextKey", s->n_pages) &&
           pdf_lh_add_bool(mark, "Marked", true) &&
           pdf_lh_add(pdf_lh_catalog(pdf), "StructTreeRoot", s->root) &&
           pdf_lh_add(pdf_lh_catalog(pdf), "MarkInfo", mark);
}
