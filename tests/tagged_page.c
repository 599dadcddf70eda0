/* tagged_page.c - the test page of tagged_page.h. */
#include "tagged_page.h"

void tagged_page(drawlist *dl, double w_pt, const char *figure_alt)
{
    dl_artifact_begin(dl, DL_ART_HEADER);
    dl_rect(dl, 0, 0, w_pt, 60, 0x1F3864, true, 0);
    dl_artifact_end(dl);
    dl_begin(dl, DL_ROLE_H1);
    dl_text(dl, "生成AIの導入状況", 40, 40, 24, FONT_GOTHIC_BOLD, 0xFFFFFF, DL_ALIGN_LEFT);
    dl_end(dl);
    dl_begin(dl, DL_ROLE_L);
    const char *items[] = {"導入済は852団体", "実証中は206団体"};
    for (int i = 0; i < 2; i++) {
        dl_begin(dl, DL_ROLE_LI);
        dl_begin(dl, DL_ROLE_LBL);
        dl_text(dl, "●", 40, 90 + 20 * i, 12, FONT_GOTHIC, 0x222222, DL_ALIGN_LEFT);
        dl_end(dl);
        dl_begin(dl, DL_ROLE_LBODY);
        dl_text(dl, items[i], 56, 90 + 20 * i, 12, FONT_GOTHIC, 0x222222, DL_ALIGN_LEFT);
        dl_end(dl);
        dl_end(dl);
    }
    dl_end(dl);
    dl_begin_tag(dl, &(dl_tag){.role = DL_ROLE_FIGURE, .alt = figure_alt,
                               .box = {40, 140, 400, 100}});
    dl_rect(dl, 40, 160, 300, 30, 0x4472C4, true, 0);
    dl_text(dl, "852", 350, 180, 12, FONT_GOTHIC, 0x222222, DL_ALIGN_LEFT);
    dl_end(dl);
    dl_begin(dl, DL_ROLE_TABLE);
    dl_begin(dl, DL_ROLE_THEAD);
    dl_begin(dl, DL_ROLE_TR);
    const char *heads[] = {"区分", "団体数"};
    for (int i = 0; i < 2; i++) {
        dl_begin_tag(dl, &(dl_tag){.role = DL_ROLE_TH, .scope = DL_SCOPE_COLUMN});
        dl_text(dl, heads[i], 40 + 150 * i, 280, 10, FONT_GOTHIC_BOLD, 0, DL_ALIGN_LEFT);
        dl_end(dl);
    }
    dl_end(dl);
    dl_end(dl);
    dl_begin(dl, DL_ROLE_TBODY);
    for (int r = 0; r < 2; r++) {
        dl_begin(dl, DL_ROLE_TR);
        if (r == 0) {
            dl_begin_tag(dl, &(dl_tag){.role = DL_ROLE_TH, .scope = DL_SCOPE_ROW, .row_span = 2});
            dl_text(dl, "都道府県", 40, 300, 10, FONT_GOTHIC, 0, DL_ALIGN_LEFT);
            dl_end(dl);
        }
        dl_begin(dl, DL_ROLE_TD);
        dl_text(dl, r ? "6" : "41", 190, 300 + 16 * r, 10, FONT_GOTHIC, 0, DL_ALIGN_LEFT);
        dl_end(dl);
        dl_end(dl);
    }
    dl_end(dl);
    dl_end(dl);
    dl_artifact_begin(dl, DL_ART_LAYOUT);
    dl_line(dl, 40, 330, 400, 330, 0x888888, 0.5); /* the table's rule */
    dl_artifact_end(dl);
    dl_artifact_begin(dl, DL_ART_FOOTER);
    dl_text(dl, "1", w_pt - 40, 580, 10, FONT_GOTHIC, 0x444444, DL_ALIGN_RIGHT);
    dl_artifact_end(dl);
}
