/* Page units: the one mm <-> pt conversion. Expected values from the
 * definitions (1 in = 25.4 mm = 72 pt), not from the program: an A4 page
 * is 595.28 x 841.89 pt, the deck's 338.67 mm is 960 pt (a 13.33 in slide). */
#include "harness.h"
#include "units.h"

#include <math.h>

static bool near(double got, double expected)
{
    return fabs(got - expected) < 1e-9;
}

int main(void)
{
    CHECK(near(mm_to_pt(25.4), 72.0));
    CHECK(near(mm_to_pt(210.0), 210.0 / 25.4 * 72.0));
    CHECK(fabs(mm_to_pt(210.0) - 595.28) < 0.005);
    CHECK(fabs(mm_to_pt(297.0) - 841.89) < 0.005);
    CHECK(fabs(mm_to_pt(338.67) - 960.0) < 0.01);
    CHECK(near(pt_to_mm(72.0), 25.4));
    CHECK(mm_to_pt(0) == 0 && pt_to_mm(0) == 0);
    for (double mm = -50; mm <= 2000; mm += 0.25)
        CHECK(near(pt_to_mm(mm_to_pt(mm)), mm));
    /* The very double of the `x * MM` (MM = 72.0 / 25.4) the layout files
     * once spelled each for itself: moving to units.h moved no output. */
    const double MM = 72.0 / 25.4;
    CHECK(mm_to_pt(12.5) == 12.5 * MM);
    CHECK(pt_to_mm(100.0) == 100.0 / MM);
    return test_done();
}
