/* test_checkdigit.c - the 団体コード check digit and the small model helpers. */
#include "harness.h"
#include "survey.h"

#include <string.h>

int main(void)
{
    CHECK_INT(survey_check_digit("01000"), 6); /* 北海道 010006 */
    CHECK_INT(survey_check_digit("01100"), 2); /* 札幌市 011002 */
    CHECK_INT(survey_check_digit("28100"), 0); /* 神戸市 281000 */
    CHECK_INT(survey_check_digit("13104"), 1); /* 新宿区 131041 */
    CHECK_INT(survey_check_digit("13000"), 1); /* 東京都 130001 */
    CHECK_INT(survey_check_digit("47000"), 7); /* 沖縄県 470007 */
    CHECK_INT(survey_check_digit("0110a"), -1);
    CHECK_INT(survey_check_digit("011"), -1);

    CHECK_INT(codebook_mask_code(0), 0);
    CHECK_INT(codebook_mask_code(CB_BIT(1)), 1);
    CHECK_INT(codebook_mask_code(CB_BIT(31)), 31);

    sv_body pref = {.kind = KIND_PREFECTURE}, city = {.kind = KIND_DESIGNATED},
            ward = {.kind = KIND_WARD};
    CHECK_INT(survey_body_group(&pref), GROUP_PREFECTURE);
    CHECK_INT(survey_body_group(&city), GROUP_DESIGNATED);
    CHECK_INT(survey_body_group(&ward), GROUP_OTHER);
    CHECK_STR(survey_kind_label(KIND_WARD), "特別区");
    CHECK_STR(survey_group_label(GROUP_OTHER), "その他市区町村");
    return test_done();
}
