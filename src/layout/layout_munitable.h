/* layout_munitable.h - the [munitable] block of a prefecture report: the
 * prefecture itself, then every municipality (code order), with its 区分,
 * population, status in each year shown, guideline, 入力可能情報, 人材確保
 * and the services it uses. The table runs over as many pages as it needs;
 * each page repeats the template's frame and other blocks and the table's
 * header, and continuation pages are titled 「…（続き）」. */
#ifndef AIREPORT_LAYOUT_MUNITABLE_H
#define AIREPORT_LAYOUT_MUNITABLE_H

#include "layout.h"

/* The block of pg, NULL when the page has none. */
const tpl_block *layout_munitable_block(const tpl_page *pg);

/* Lays out pg (which has a [munitable]) as pages first_page_no, … into
 * *pages / *titles (in c->mem); *n the number of pages. false when anything
 * was reported. c->pref names the prefecture. */
bool layout_munitable_pages(const layout_ctx *c, const tpl_page *pg, int first_page_no,
                            drawlist **pages, const char ***titles, int *n);

#endif
