/*
 * monitor.c - the monitor's accessors and the evaluation of an
 * indicator (method.md section 9, docs/formats.md "natrisk monitor"):
 * observations in time order, a repeated time counted once, and the
 * level changes that become CAP messages.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "monitor_model.h"

const char *natrisk_monitor_title(const natrisk_monitor *m)
{
	return m->title;
}

const char *natrisk_monitor_path(const natrisk_monitor *m)
{
	return m->path;
}

const char *natrisk_monitor_sender(const natrisk_monitor *m)
{
	return m->sender;
}

size_t natrisk_monitor_indicator_count(const natrisk_monitor *m)
{
	return m->indicator_count;
}

const natrisk_indicator *natrisk_monitor_indicator(const natrisk_monitor *m,
                                                   size_t i)
{
	return i < m->indicator_count ? &m->indicators[i] : NULL;
}

void natrisk_monitor_free(natrisk_monitor *m)
{
	if (m)
		arena_owned_free(m);
}

const char *natrisk_feed_format_name(natrisk_feed_format format)
{
	static const char *const names[NATRISK_FEED_FORMAT_COUNT] = {
		"swpc-kp", "swpc-xray", "swpc-protons", "csv"
	};
	return (unsigned)format < NATRISK_FEED_FORMAT_COUNT ? names[format]
	                                                    : "?";
}

int natrisk_level_of(const natrisk_alert_level *levels, size_t count,
                     double value)
{
	/* a handful of levels: a scan beats a search */
	int level = -1;
	for (size_t i = 0; i < count && levels[i].at <= value; i++)
		level = (int)i;
	return level;
}

static bool sorted_by_time(const natrisk_observation *obs, size_t count)
{
	for (size_t i = 1; i < count; i++)
		if (obs[i].time < obs[i - 1].time)
			return false;
	return true;
}

/* Stable, in place; the fastest for the short runs merge_sort() leaves
 * and for a series that is nearly in order. */
static void insertion_sort(natrisk_observation *obs, size_t count)
{
	for (size_t i = 1; i < count; i++) {
		natrisk_observation o = obs[i];
		size_t j = i;
		for (; j > 0 && obs[j - 1].time > o.time; j--)
			obs[j] = obs[j - 1];
		obs[j] = o;
	}
}

/* Merge sort: stable, so that of a repeated time the first record is
 * first. Feeds arrive sorted, which sorted_by_time() sees in one pass. */
static void merge_sort(natrisk_observation *obs, natrisk_observation *tmp,
                       size_t count)
{
	if (count <= 32) {
		insertion_sort(obs, count);
		return;
	}
	size_t half = count / 2;
	merge_sort(obs, tmp, half);
	merge_sort(obs + half, tmp, count - half);
	if (obs[half - 1].time <= obs[half].time)
		return; /* in order already */
	size_t i = 0, j = half, k = 0;
	while (i < half && j < count)
		tmp[k++] = obs[j].time < obs[i].time ? obs[j++] : obs[i++];
	while (i < half)
		tmp[k++] = obs[i++];
	memcpy(obs, tmp, k * sizeof *obs);
}

static void sort_by_time(natrisk_observation *obs, size_t count)
{
	if (sorted_by_time(obs, count))
		return;
	natrisk_observation *tmp = malloc(count * sizeof *tmp);
	if (tmp) {
		merge_sort(obs, tmp, count);
		free(tmp);
		return;
	}
	insertion_sort(obs, count); /* out of memory: needs nothing */
}

size_t natrisk_indicator_evaluate(const natrisk_indicator *ind,
                                  natrisk_observation *obs, size_t count,
                                  natrisk_indicator_state *state,
                                  natrisk_level_change *changes)
{
	sort_by_time(obs, count);
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		const natrisk_observation *o = &obs[i];
		/* a repeated time, or one evaluated by an earlier run */
		if (state->seen && o->time <= state->last_time)
			continue;
		if (isnan(o->value))
			continue;
		state->seen = true;
		state->last_time = o->time;
		int level = natrisk_level_of(ind->levels, ind->level_count,
		                             o->value);
		if (level == state->level)
			continue;
		changes[n++] = (natrisk_level_change){ o->time, o->value,
			                               state->level, level };
		state->level = level;
	}
	return n;
}
