/* councildoc-structure — package XML in (after flatten, clean, notes),
 * council XML out. */
#include "filter.h"

int
main(int argc, char **argv)
{
	return cd_filter_main(argc, argv, "councildoc-structure", "[-v] [FILE]", cd_structure);
}
