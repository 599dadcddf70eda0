/* test_textbuf.c - the one writer of CSV, JSON, HTML and XML escapes (textbuf.h):
 * each escaper against strings written out by hand from the syntax's rules
 * (RFC 4180, RFC 8259, HTML's five metacharacters, XML 1.0's Char), and printable text for
 * messages. */
#include "harness.h"
#include "textbuf.h"

#include <stdlib.h>
#include <string.h>

typedef void (*escaper)(textbuf *b, const char *s);

/* The escaper's output for s, NUL-terminated (caller frees). */
static char *esc(escaper fn, const char *s)
{
    textbuf b = {0};
    fn(&b, s);
    textbuf_putc(&b, '\0');
    return b.data;
}

#define CHECK_ESC(fn, in, want)                                                                    \
    do {                                                                                           \
        char *got_ = esc(fn, in);                                                                  \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

static void test_csv(void)
{
    CHECK_ESC(textbuf_csv_field, "plain 全国", "plain 全国");
    CHECK_ESC(textbuf_csv_field, "", "");
    CHECK_ESC(textbuf_csv_field, NULL, "");
    CHECK_ESC(textbuf_csv_field, "a,b", "\"a,b\"");
    CHECK_ESC(textbuf_csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
    CHECK_ESC(textbuf_csv_field, "\"", "\"\"\"\"");
    CHECK_ESC(textbuf_csv_field, "line\nbreak", "\"line\nbreak\"");
    CHECK_ESC(textbuf_csv_field, "cr\r", "\"cr\r\"");
    CHECK_ESC(textbuf_csv_field, "tab\tstays", "tab\tstays");
}

static void test_json(void)
{
    CHECK_ESC(textbuf_json_string, "令和7年度", "\"令和7年度\"");
    CHECK_ESC(textbuf_json_string, NULL, "\"\"");
    CHECK_ESC(textbuf_json_string, "a\"b\\c", "\"a\\\"b\\\\c\"");
    CHECK_ESC(textbuf_json_string, "\n\r\t", "\"\\n\\r\\t\"");
    CHECK_ESC(textbuf_json_string, "\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"");
    CHECK_ESC(textbuf_json_string, "/", "\"/\"");
}

static void test_html(void)
{
    CHECK_ESC(textbuf_html, "<a href=\"x\">A & B's</a>",
              "&lt;a href=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;");
    CHECK_ESC(textbuf_html, "東京都", "東京都");
    CHECK_ESC(textbuf_html, NULL, "");
    CHECK_ESC(textbuf_html, "&&", "&amp;&amp;");
    /* TAB LF CR stay; the other C0 controls cannot be in XML at all */
    CHECK_ESC(textbuf_html, "a\tb\nc\rd", "a\tb\nc\rd");
    CHECK_ESC(textbuf_html, "x\x01y\x1fz\x0b", "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD");
    CHECK_ESC(textbuf_html, "\x7f", "\x7f");
}

static void br_lines(textbuf *b, const char *s) { textbuf_html_lines(b, s, "<br>"); }
static void space_lines(textbuf *b, const char *s) { textbuf_html_lines(b, s, " "); }
static void kept_lines(textbuf *b, const char *s) { textbuf_html_lines(b, s, NULL); }

static void test_html_lines(void)
{
    CHECK_ESC(br_lines, "一行目\n<二>行目", "一行目<br>&lt;二&gt;行目");
    CHECK_ESC(br_lines, "\n\n", "<br><br>");
    CHECK_ESC(space_lines, "A & B\nC's", "A &amp; B C&#39;s");
    CHECK_ESC(kept_lines, "a\nb\"", "a\nb&quot;");
    CHECK_ESC(br_lines, NULL, "");
    CHECK_ESC(space_lines, "\x02\n", "\xEF\xBF\xBD ");
}

static void test_printable(void)
{
    CHECK_ESC(textbuf_printable, "札幌市", "札幌市");
    CHECK_ESC(textbuf_printable, "a\tb\rc\nd", "a\\tb\\rc\\nd");
    CHECK_ESC(textbuf_printable, "\x1b[31mred", "\\x1b[31mred");
    CHECK_ESC(textbuf_printable, "back\\slash", "back\\slash");
    CHECK_ESC(textbuf_printable, "\x7f", "\\x7f");
    /* C1 control U+009B (CSI) as UTF-8, and bytes that are not UTF-8 */
    CHECK_ESC(textbuf_printable, "\xc2\x9b" "x", "\\xc2\\x9bx");
    CHECK_ESC(textbuf_printable, "\xff\xe3\x81", "\\xff\\xe3\\x81");
    CHECK_ESC(textbuf_printable, "é", "é");

    char small[8];
    CHECK_STR(text_printable(small, sizeof small, "abc"), "abc");
    CHECK_STR(text_printable(small, sizeof small, "abcdefgh"), "abcd…");
    /* cut at a character boundary: 3-byte characters */
    CHECK_STR(text_printable(small, sizeof small, "東京都庁"), "東…");
    CHECK_STR(text_printable(small, sizeof small, "\x1b\x1b"), "\\x1b…");
}

static void test_buffer(void)
{
    textbuf b = {0};
    for (int i = 0; i < 10000; i++)
        textbuf_printf(&b, "%d,", i % 10);
    CHECK_INT(b.len, 20000);
    CHECK(memcmp(b.data, "0,1,2,", 6) == 0);
    TEXTBUF_LIT(&b, "end");
    CHECK(memcmp(b.data + 20000, "end", 3) == 0);
    textbuf_free(&b);
    CHECK(b.data == NULL && b.len == 0);
}

int main(void)
{
    test_csv();
    test_json();
    test_html();
    test_html_lines();
    test_printable();
    test_buffer();
    return test_done();
}
