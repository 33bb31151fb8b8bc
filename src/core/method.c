/*
 * method.c - read access to a loaded method, and the conversions it defines:
 * class values, and quantities or probabilities to classes and positions.
 * The loader lives in src/io/method_load.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "model.h"

void method_derive(natrisk_method *m)
{
	m->high_factor = pow(m->base, m->high_offset);
	for (int k = 0; k < NATRISK_CLASS_COUNT; k++) {
		/* Integer powers are exact in double; pow() is not promised to
		 * be, and the class of a total is decided by comparing it with
		 * these values. */
		double value = 1.0;
		for (int i = 0; i < k; i++)
			value *= m->base;
		m->class_values[k] = value;
		m->high_values[k] = value * m->high_factor;
	}
	for (size_t p = 0; p < m->profile_count; p++) {
		natrisk_profile *profile = &m->profiles[p];
		double sum = 0.0;
		for (size_t c = 0; c < m->criterion_count; c++)
			sum += profile->raw[c];
		profile->raw_sum = sum;
		for (size_t c = 0; c < m->criterion_count; c++)
			profile->weights[c] = profile->raw[c] / sum;
	}
}

void natrisk_method_free(natrisk_method *method)
{
	arena_owned_free(method);
}

const char *natrisk_method_id(const natrisk_method *m) { return m->id; }
const natrisk_text *natrisk_method_title(const natrisk_method *m)
{
	return &m->title;
}
const char *natrisk_method_origin(const natrisk_method *m) { return m->origin; }

size_t natrisk_method_interest_count(const natrisk_method *m)
{
	return m->interest_count;
}

const natrisk_interest *natrisk_method_interest(const natrisk_method *m,
                                                size_t i)
{
	return i < m->interest_count ? &m->interests[i] : NULL;
}

size_t natrisk_method_criterion_count(const natrisk_method *m)
{
	return m->criterion_count;
}

const natrisk_criterion *natrisk_method_criterion(const natrisk_method *m,
                                                  size_t i)
{
	return i < m->criterion_count ? &m->criteria[i] : NULL;
}

long natrisk_method_find_criterion(const natrisk_method *m, const char *id,
                                   size_t len)
{
	for (size_t i = 0; i < m->criterion_count; i++) {
		const char *cid = m->criteria[i].id;
		if (strlen(cid) == len && memcmp(cid, id, len) == 0)
			return (long)i;
	}
	return -1;
}

size_t natrisk_method_profile_count(const natrisk_method *m)
{
	return m->profile_count;
}

const natrisk_profile *natrisk_method_profile(const natrisk_method *m,
                                              size_t i)
{
	return i < m->profile_count ? &m->profiles[i] : NULL;
}

size_t natrisk_method_default_profile(const natrisk_method *m)
{
	return m->default_profile;
}

long natrisk_method_find_profile(const natrisk_method *m, const char *id)
{
	for (size_t i = 0; i < m->profile_count; i++)
		if (strcmp(m->profiles[i].id, id) == 0)
			return (long)i;
	return -1;
}

int natrisk_method_choose_profile(const natrisk_method *m, const char *id,
                                  size_t *index)
{
	long found = id ? natrisk_method_find_profile(m, id)
	                : (long)m->default_profile;
	if (found >= 0) {
		*index = (size_t)found;
		return NATRISK_OK;
	}
	char known[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < m->profile_count && used < sizeof known; i++)
		used += (size_t)snprintf(known + used, sizeof known - used,
		                         "%s%s", i ? ", " : "",
		                         m->profiles[i].id);
	return error_set(NATRISK_ENOTFOUND, "method %s has no weight profile "
	                 "'%s' (it has %s)", m->id, id, known);
}

const natrisk_text *natrisk_method_impact_label(const natrisk_method *m,
                                                int cls)
{
	static const natrisk_text not_applicable = { "not applicable",
		                                     "niet van toepassing" };
	if (cls < NATRISK_CLASS_A || cls > NATRISK_CLASS_E)
		return &not_applicable;
	return &m->impact_labels[cls];
}

const natrisk_text *natrisk_method_likelihood_label(const natrisk_method *m,
                                                    int cls)
{
	if (cls < NATRISK_CLASS_A || cls > NATRISK_CLASS_E)
		return NULL;
	return &m->likelihood_labels[cls];
}

double natrisk_method_base(const natrisk_method *m) { return m->base; }

double natrisk_method_likelihood_factor(const natrisk_method *m)
{
	return m->likelihood_factor;
}

double natrisk_method_horizon_years(const natrisk_method *m)
{
	return m->horizon_years;
}

double natrisk_method_class_value(const natrisk_method *m, int cls, bool high)
{
	if (cls < NATRISK_CLASS_A || cls > NATRISK_CLASS_E)
		return m->x_value;
	return high ? m->high_values[cls] : m->class_values[cls];
}

int ladder_class(const double t[4], double v)
{
	int k = 0;
	while (k < 4 && v >= t[k])
		k++;
	return k;
}

void ladder_place(const double t[4], double top, double v, int *k,
                  double *fraction)
{
	int cls = ladder_class(t, v);
	double lower, upper;
	if (cls == 0) {
		upper = t[0];
		lower = t[0] * (t[0] / t[1]);
	} else if (cls == 4) {
		lower = t[3];
		upper = top > 0 ? top : t[3] * (t[3] / t[2]);
	} else {
		lower = t[cls - 1];
		upper = t[cls];
	}
	*k = cls;
	/* v == lower (and v == 0 below A) is the start of the band */
	double f = v > lower ? log(v / lower) / log(upper / lower) : 0.0;
	*fraction = f < 1 ? f : top > 0 && cls == 4 ? 1.0
	                                         : nextafter(1.0, 0.0);
}

/* K + FRACTION kept inside band K: adding can round up to the next class,
 * which only the closed top of E may reach. */
static double band_position(int k, double fraction)
{
	double position = k + fraction;
	if (fraction < 1 && position >= k + 1)
		position = nextafter((double)(k + 1), 0.0);
	return position;
}

double ladder_position(const double t[4], double v)
{
	int k;
	double fraction;
	ladder_place(t, 0, v, &k, &fraction);
	return band_position(k, fraction);
}

void probability_place(const natrisk_method *m, double p, int *k,
                       double *fraction)
{
	/* E's band ends at certainty: p = 1 is the top of E (formats.md) */
	ladder_place(m->hazard_thresholds, 1.0, p, k, fraction);
	if (*fraction >= 1) {
		*k += 1;
		*fraction = 0;
	}
}

int natrisk_method_quantity_class(const natrisk_method *m, size_t criterion,
                                  double quantity)
{
	return ladder_class(m->criteria[criterion].thresholds, quantity);
}

double natrisk_method_quantity_position(const natrisk_method *m,
                                        size_t criterion, double quantity)
{
	return ladder_position(m->criteria[criterion].thresholds, quantity);
}

int natrisk_method_probability_class(const natrisk_method *m, double p)
{
	return ladder_class(m->hazard_thresholds, p);
}

double natrisk_method_probability_position(const natrisk_method *m, double p)
{
	int k;
	double fraction;
	probability_place(m, p, &k, &fraction);
	return band_position(k, fraction);
}
