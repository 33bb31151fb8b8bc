/*
 * score.c - class letters: the A..E/X vocabulary shared by every score.
 */
#include <natrisk/score.h>

#include <stddef.h>

const char *natrisk_class_letter(int cls)
{
	static const char *const letters[] = { "A", "B", "C", "D", "E" };
	if (cls >= NATRISK_CLASS_A && cls <= NATRISK_CLASS_E)
		return letters[cls];
	return "X";
}

void natrisk_grade_letters(const natrisk_grade *g, char out[3])
{
	out[0] = natrisk_class_letter(g->cls)[0];
	out[1] = g->high && !g->has_quantity ? '+' : '\0';
	out[2] = '\0';
}

int natrisk_class_parse(const char *text, size_t len, int *cls, bool *high)
{
	if (len == 0 || len > 2)
		return -1;
	char letter = text[0];
	bool plus = len == 2;
	if (plus && text[1] != '+')
		return -1;
	if (letter == 'X') {
		if (plus)
			return -1; /* "not applicable" has no upper range */
		*cls = NATRISK_CLASS_X;
	} else if (letter >= 'A' && letter <= 'E') {
		*cls = letter - 'A';
	} else {
		return -1;
	}
	*high = plus;
	return 0;
}
