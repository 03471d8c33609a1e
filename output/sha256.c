/*
 * sha256.c — SHA-256 for manifests, from libgcrypt (already in the process:
 * libxslt's EXSLT crypto functions link it). The first call initialises
 * libgcrypt when nobody has (no secure memory: only public data is hashed).
 */
#include <stdio.h>
#include <gcrypt.h>

#include "cd_internal.h"

void
cd_sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char d[32];

	if (!gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P)) {
		gcry_check_version(NULL);
		gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
		gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
	}
	gcry_md_hash_buffer(GCRY_MD_SHA256, d, data, len);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}
