/* pdf_struct.h - tagged PDF: the drawlist's structure items become marked
 * content in the page streams and the document's structure tree. Private
 * to pdfwriter.c.
 *
 * The tree: StructTreeRoot -> Document -> one Sect per page -> the page's
 * elements as the drawlist opens them (DL_BEGIN/DL_END). Painting items get
 * one marked-content sequence (an MCID) per run of items of the same
 * element, written flat (never nested) and outside BT/ET, so content order
 * is structure order; artifact spans become /Artifact sequences (header and
 * footer spans as /Pagination artifacts). The ParentTree maps each page's
 * MCIDs back to their elements (/StructParents = page index).
 *
 * Painting items outside every element and artifact span (a drawlist whose
 * producer does not tag yet) are tagged here so that no ink is left outside
 * marked content: each run of consecutive untagged text items becomes one
 * P (read in content order by assistive technology), each run of untagged
 * paths a decoration artifact. The writer refuses such items instead when
 * told to (pdfdoc_require_tags).
 */
#ifndef AIREPORT_PDF_STRUCT_H
#define AIREPORT_PDF_STRUCT_H

#include "drawlist.h"
#include "pdf_libharu.h"

#include <stdbool.h>

typedef struct pdf_struct pdf_struct;

/* The structure root and Document element of the document. */
pdf_struct *pdf_struct_new(HPDF_Doc pdf);
void pdf_struct_free(pdf_struct *s);

/* Starts page number index (0-based) of height h_pt: its Sect, its
 * /StructParents. */
bool pdf_struct_page_begin(pdf_struct *s, HPDF_Page page, int index, double h_pt);
/* Takes the next drawlist item of the page in order. For a structure item
 * it opens or closes the element or span and returns ""; for a painting item
 * it returns the marked-content operators to write before it ("" when the
 * open sequence already covers it). NULL when elements nest too deep
 * (pdf_struct_error says so; drawlist_check_tags refuses that first). The
 * tags must stay valid until pdf_struct_finish. */
const char *pdf_struct_item(pdf_struct *s, const dl_item *it);
/* Ends the page: the operators closing its last sequence. */
const char *pdf_struct_page_end(pdf_struct *s);
/* After the last page: reserves the structure objects' numbers, writes
 * them (StructTreeRoot, ParentTree, the elements) as text for the saver,
 * and adds the catalog's /StructTreeRoot and /MarkInfo << /Marked true >>. */
bool pdf_struct_finish(pdf_struct *s);
/* The objects pdf_struct_finish made, for pdf_lh_save (NULL before). Valid
 * until pdf_struct_free. */
const pdf_lh_objects *pdf_struct_objects(const pdf_struct *s);
/* What went wrong, for the message ("": libharu refused an object; its
 * error is in the document, see pdf_lh_check). */
const char *pdf_struct_error(const pdf_struct *s);

#endif
