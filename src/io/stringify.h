/*
 * stringify.h - a macro's number as a string literal, for messages that
 * name a limit fixed at compile time ("at most " LIMIT(64) " levels").
 */
#ifndef NATRISK_IO_STRINGIFY_H
#define NATRISK_IO_STRINGIFY_H

#define LIMIT_TEXT(n) #n
#define LIMIT(n) LIMIT_TEXT(n)

#endif
