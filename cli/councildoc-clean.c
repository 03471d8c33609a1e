/* councildoc-clean — the clean stage as a filter: package XML in, package XML out. */
#include "filter.h"

static xmlDocPtr
run(xmlDocPtr in, const cd_options *o, cd_error *err)
{
	return cd_clean(in, o, err) == CD_OK ? in : NULL;
}

int
main(int argc, char **argv)
{
	return cd_filter_main(argc, argv, "councildoc-clean", "[-v] [FILE]", run);
}
