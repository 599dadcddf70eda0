/* pdf_xmp.h - the document's XMP metadata packet (pdf_xmp.c): what the Info
 * dictionary says, in XML, with the PDF/UA identification. Private to the
 * render stage (pdfwriter.c) and its white-box test. */
#ifndef AIREPORT_PDF_XMP_H
#define AIREPORT_PDF_XMP_H

#include <time.h>

/* What the packet says (UTF-8; NULL or "": left out). */
typedef struct {
    const char *title;       /* dc:title */
    const char *author;      /* dc:creator */
    const char *subject;     /* dc:description */
    const char *keywords;    /* pdf:Keywords */
    const char *creator;     /* xmp:CreatorTool: the program */
    const char *producer;    /* pdf:Producer: the PDF library */
    const char *lang;        /* dc:language */
} pdf_xmp_fields;

/* The packet (malloc'd, UTF-8, LF line ends, no padding): dc:format, the
 * fields above, xmp:CreateDate, ModifyDate and MetadataDate (t, UTC) and
 * pdfuaid:part 1, text XML-escaped. The same input gives the same bytes. */
char *pdf_xmp_packet(const pdf_xmp_fields *f, time_t t);

#endif
