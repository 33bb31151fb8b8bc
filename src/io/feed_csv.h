/*
 * feed_csv.h - a CSV time series: "time,value", then one observation a
 * row (feed_csv.c).
 */
#ifndef NATRISK_FEED_CSV_H
#define NATRISK_FEED_CSV_H

#include "feed_read.h"

void feed_read_csv(feed_reader *r);

#endif
