/*
 * jsonlines — checks that every line of FILE is one JSON object (jansson)
 * and prints the string member KEY of each, one per line.
 *   jsonlines FILE KEY
 * Exit 1 at the first line that is not valid JSON (test tool only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <jansson.h>

int
main(int argc, char **argv)
{
	FILE *f = argc == 3 ? fopen(argv[1], "r") : NULL;
	char *line = NULL;
	size_t cap = 0;
	long n = 0;

	if (f == NULL) {
		fprintf(stderr, "usage: jsonlines FILE KEY\n");
		return 2;
	}
	while (getline(&line, &cap, f) > 0) {
		json_error_t e;
		json_t *o = json_loads(line, 0, &e);

		n++;
		if (!json_is_object(o)) {
			fprintf(stderr, "jsonlines: %s:%ld: %s\n", argv[1], n, e.text);
			return 1;
		}
		if (json_string_value(json_object_get(o, argv[2])) != NULL)
			printf("%s\n", json_string_value(json_object_get(o, argv[2])));
		json_decref(o);
	}
	free(line);
	fclose(f);
	return 0;
}
