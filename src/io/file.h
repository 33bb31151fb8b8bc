/*
 * file.h - whole-file reading and atomic writing, the only file I/O the
 * loaders and writers need.
 */
#ifndef NATRISK_FILE_H
#define NATRISK_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Files larger than this are refused: no real assessment comes close. */
#define NATRISK_MAX_INPUT (64u * 1024u * 1024u)

/*
 * Reads PATH into a NUL-terminated buffer (free it). Returns 0, or a
 * negative natrisk error code with the reason in natrisk_error_last().
 */
int file_read(const char *path, char **data, size_t *len);

/*
 * Writes LEN bytes to PATH through a temporary file in the same directory
 * and a rename, so that a failed run never leaves a half-written output.
 */
int file_write_atomic(const char *path, const void *data, size_t len);

/* The directory part of PATH ("." when there is none); free it. */
char *path_dirname(const char *path);

#endif
