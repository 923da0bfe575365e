/*
 * files_int.h - internal to core/io/files_write.c and its tests: the names of
 * temporary files (not part of the public API).
 */
#ifndef SW_FILES_INT_H
#define SW_FILES_INT_H

/* A new temporary name ".NAME.tmp-PID-XXXXXXXX" beside path, where XXXXXXXX
 * differs on every call of the process, from any thread; caller frees. NULL
 * when out of memory. */
char *sw_tmpfile_name(const char *path);

#endif
