/*
 * odt_package.c - an OpenDocument package written with libzip (ODF 1.3
 * part 2): the file `mimetype` first and stored uncompressed, so that
 * its text sits at a fixed offset for tools that sniff it; the parts;
 * and META-INF/manifest.xml listing every one. Built in memory, then
 * copied to the caller's stream; the entries' times are fixed so that
 * the same letter gives the same bytes. Pictures are stored as they
 * are (PNG is compressed already), the XML parts deflated.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include <natrisk/membuf.h>

#include "../core/error.h"
#include "letter_formats.h"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

/* 1980-01-01 00:00 UTC, the earliest time a zip entry can hold. */
#define ENTRY_TIME ((time_t)315532800)

/* The manifest of the N PARTS; NULL when out of memory. */
static char *manifest(const odt_part *parts, size_t n, size_t *len)
{
	natrisk_membuf mb = { 0 };
	FILE *f = natrisk_membuf_open(&mb);
	if (!f)
		return NULL;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
	      "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
	      " <manifest:file-entry manifest:full-path=\"/\" "
	      "manifest:version=\"1.3\" manifest:media-type=\"" ODT_MIMETYPE
	      "\"/>\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, " <manifest:file-entry manifest:full-path=\"%s\" "
		        "manifest:media-type=\"%s\"/>\n", parts[i].path,
		        parts[i].media_type);
	fputs("</manifest:manifest>\n", f);
	if (natrisk_membuf_close(&mb, f) != 0) {
		free(mb.data);
		return NULL;
	}
	*len = mb.len;
	return mb.data;
}

/* Adds LEN bytes at DATA (kept by the caller until zip_close) as PATH. */
static bool add(zip_t *za, const char *path, const void *data, size_t len,
                bool stored)
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	if (!src)
		return false;
	zip_int64_t index = zip_file_add(za, path, src, ZIP_FL_ENC_UTF_8);
	if (index < 0) {
		zip_source_free(src);
		return false;
	}
	return zip_set_file_compression(za, (zip_uint64_t)index,
	                                 stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
	                                 0) == 0 &&
	       zip_file_set_mtime(za, (zip_uint64_t)index, ENTRY_TIME, 0) == 0;
}

/* The archive written into SRC (a buffer source) copied to OUT. */
static int copy_out(zip_source_t *src, FILE *out)
{
	zip_stat_t st;
	if (zip_source_open(src) < 0)
		return error_set(NATRISK_ERROR, "cannot read the package back");
	zip_stat_init(&st);
	int rc = NATRISK_OK;
	char chunk[65536];
	zip_int64_t got;
	while ((got = zip_source_read(src, chunk, sizeof chunk)) > 0)
		if (fwrite(chunk, 1, (size_t)got, out) != (size_t)got) {
			rc = error_set(NATRISK_EIO, "cannot write the output");
			break;
		}
	if (got < 0 && rc == NATRISK_OK)
		rc = error_set(NATRISK_ERROR, "cannot read the package back");
	zip_source_close(src);
	return rc;
}

int odt_package_write(const odt_part *parts, size_t n, FILE *out)
{
	size_t manifest_len = 0;
	char *manifest_xml = manifest(parts, n, &manifest_len);
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *src = manifest_xml
	                            ? zip_source_buffer_create(NULL, 0, 0, &error)
	                            : NULL;
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &error) : NULL;
	if (!za) {
		zip_source_free(src);
		free(manifest_xml);
		zip_error_fini(&error);
		return error_set(NATRISK_ENOMEM, "out of memory");
	}
	zip_source_keep(src); /* for reading the result after zip_close */
	bool ok = add(za, "mimetype", ODT_MIMETYPE, strlen(ODT_MIMETYPE), true);
	for (size_t i = 0; ok && i < n; i++)
		ok = add(za, parts[i].path, parts[i].data, parts[i].len,
		         /* a PNG is compressed already */
		         strcmp(parts[i].media_type, "image/png") == 0);
	ok = ok && add(za, "META-INF/manifest.xml", manifest_xml, manifest_len,
	               false);
	int rc = NATRISK_OK;
	if (!ok || zip_close(za) != 0) {
		rc = error_set(NATRISK_ERROR, "cannot build the .odt package: "
		               "%s", zip_strerror(za));
		zip_discard(za);
	} else {
		rc = copy_out(src, out);
	}
	zip_source_free(src);
	free(manifest_xml);
	zip_error_fini(&error);
	return rc;
}
