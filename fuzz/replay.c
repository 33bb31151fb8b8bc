/*
 * replay.c - a main() for the libFuzzer targets of fuzz/ under any
 * compiler: it gives every file of the directories (or the files) named
 * on its command line to LLVMFuzzerTestOneInput, once, in name order.
 * "make check" links each target with it under gcc and replays the seeds
 * and the minimised corpus, so that an input the fuzzer once found keeps
 * working without clang. A target that crashes or aborts takes this
 * process with it, and the exit status says so; the sanitizers of the
 * build report what went wrong.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole of PATH in a buffer of its own size (so that a read past the
 * end is caught), or NULL. */
static uint8_t *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *data = NULL;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0) {
		*size = (size_t)st.st_size;
		data = malloc(*size ? *size : 1);
		if (data && fread(data, 1, *size, f) != *size) {
			free(data);
			data = NULL;
		}
	}
	fclose(f);
	return data;
}

static int replay_file(const char *path)
{
	size_t size;
	uint8_t *data = read_all(path, &size);
	if (!data) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	/* Named first, so that a crash names its input. */
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Replays every file of DIR; returns how many, or -1. */
static long replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, skip_dots, by_name);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	long done = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (replay_file(path) != 0)
				done = -1;
			else if (done >= 0)
				done++;
		}
		free(names[i]);
	}
	free(names);
	return done;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	long total = 0;
	int status = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		long done;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			done = replay_dir(argv[i]);
		else
			done = replay_file(argv[i]) == 0 ? 1 : -1;
		if (done < 0)
			status = 1;
		else
			total += done;
	}
	/* No inputs at all is a mistake in the paths, not a pass. */
	if (total == 0)
		status = 1;
	printf("replayed %ld inputs\n", total);
	return status;
}
