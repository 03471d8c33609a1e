/*
 * refkinds.h — private to pipeline/refs.c and pipeline/refkinds.c: the
 * reference a recogniser found, and the entry point that tries every
 * kind. Not installed; prefix cd_refs_.
 */
#ifndef CD_REFKINDS_H
#define CD_REFKINDS_H

#include <stddef.h>

/* The attributes of one <ref> (empty string or NULL type: absent); see
 * the top of refs.c for their meaning. */
typedef struct cd_refs_m {
	const char *type;
	char conf[8], sector[2], series[8], num[64], amd[8], suppl[8];
	char question[16], rev[8], place[48], year[8];
} cd_refs_m;

/* Tries every kind of reference at s+i (a word start): on a match fills
 * *m (cleared first) and returns the byte length of the matched text,
 * else 0. */
size_t cd_refs_match(const char *s, size_t i, cd_refs_m *m);

/* 0 when no reference can start with byte c: cheap to test at every byte,
 * where cd_refs_match tries every keyword. */
int cd_refs_can_start(unsigned char c);

#endif
