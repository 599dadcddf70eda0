/* pdf_xmp.h - the document's XMP metadata packet (pdf_xmp.c): what the Info
 * dictionary says, in XML, with the PDF/UA identification. Private to the
 * render stage (pdfwriter.c) and its white-box test. */
#ifndef AIREPORT_PDF_XMP_H
#define AIREPORT_PDF_XMP_H

#include "pdfwriter.h"

#include <time.h>

/* The packet (malloc'd, UTF-8, LF line ends, no padding): dc:format,
 * dc:title, dc:creator (info->author), dc:description (info->subject),
 * dc:language (lang), xmp:CreateDate, ModifyDate and MetadataDate (t, UTC),
 * xmp:CreatorTool (info->creator), pdf:Producer, pdf:Keywords and
 * pdfuaid:part 1. A NULL or empty field's element is left out; text is
 * XML-escaped. The same input gives the same bytes. */
char *pdf_xmp_packet(const pdf_info *info, const char *lang, const char *producer, time_t t);

#endif
