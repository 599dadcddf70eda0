/* pdf_xmp.c - the XMP metadata packet of a document (see pdf_xmp.h).
 *
 * PDF/UA-1 (ISO 14289-1 6.7.11 and 5) asks for a metadata stream with the
 * document's title and the identification pdfuaid:part; the rest repeats
 * the Info dictionary so that the two agree (title, author, subject,
 * keywords, dates, creator, producer). No xmpMM:DocumentID/InstanceID: they
 * would need randomness or a second hash, and nothing requires them. */
#include "pdf_xmp.h"

#include "pdf_buf.h"
#include "textbuf.h"

#include <string.h>

/* Text content, XML-escaped by core's one writer of markup escapes
 * (textbuf_html: & < > " ' as entities, which XML reads alike). */
static void put_text(pdf_buf *b, const char *s)
{
    textbuf t = {0};
    textbuf_html(&t, s);
    if (t.len)
        pdf_buf_put_n(b, t.data, t.len);
    textbuf_free(&t);
}

/* <tag>text</tag>, or <tag><rdf:KIND><rdf:li…>text</rdf:li></rdf:KIND></tag>
 * for an array property (kind Alt, Seq or Bag); nothing for no text. */
static void property(pdf_buf *b, const char *tag, const char *kind, const char *text)
{
    if (!text || !*text)
        return;
    pdf_buf_put(b, "<");
    pdf_buf_put(b, tag);
    pdf_buf_put(b, ">");
    if (kind) {
        pdf_buf_put(b, "<rdf:");
        pdf_buf_put(b, kind);
        /* a language alternative needs its language; x-default is the one */
        pdf_buf_put(b, strcmp(kind, "Alt") == 0 ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
    }
    put_text(b, text);
    if (kind) {
        pdf_buf_put(b, "</rdf:li></rdf:");
        pdf_buf_put(b, kind);
        pdf_buf_put(b, ">");
    }
    pdf_buf_put(b, "</");
    pdf_buf_put(b, tag);
    pdf_buf_put(b, ">\n");
}

char *pdf_xmp_packet(const pdf_xmp_fields *f, time_t t)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    char date[32];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    pdf_buf b = {0};
    /* begin= holds U+FEFF, as the XMP specification asks */
    pdf_buf_put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "<rdf:Description rdf:about=\"\"\n"
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
            " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
    property(&b, "dc:format", NULL, "application/pdf");
    property(&b, "dc:title", "Alt", f->title);
    property(&b, "dc:creator", "Seq", f->author);
    property(&b, "dc:description", "Alt", f->subject);
    property(&b, "dc:language", "Bag", f->lang);
    property(&b, "xmp:CreateDate", NULL, date);
    property(&b, "xmp:ModifyDate", NULL, date);
    property(&b, "xmp:MetadataDate", NULL, date);
    property(&b, "xmp:CreatorTool", NULL, f->creator);
    property(&b, "pdf:Producer", NULL, f->producer);
    property(&b, "pdf:Keywords", NULL, f->keywords);
    pdf_buf_put(&b, "<pdfuaid:part>1</pdfuaid:part>\n"
            "</rdf:Description>\n"
            "</rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"r\"?>\n");
    return b.buf;
}
