/*
 * messages.c - the language of this thread's messages, and the look-up of
 * a message in the catalogue (messages.h).
 *
 * Why our own catalogue and not gettext: gettext follows the process's
 * locale, and a server answers users of different languages at once from
 * its threads; and the servers natrisk is deployed on (minimal Debian)
 * have no nl_NL locale to switch to. So the language is per thread, set by
 * the server for each request, and the catalogue is a sorted table
 * compiled into the library: a binary search over some hundreds of
 * entries, made only when a message is formatted in Dutch.
 */
#include "messages.h"

#include <stdlib.h>
#include <string.h>

static _Thread_local natrisk_lang current = NATRISK_LANG_EN;

natrisk_lang natrisk_messages_set_lang(natrisk_lang lang)
{
	natrisk_lang before = current;
	current = lang == NATRISK_LANG_NL ? NATRISK_LANG_NL : NATRISK_LANG_EN;
	return before;
}

natrisk_lang natrisk_messages_lang(void) { return current; }

static int by_english(const void *key, const void *entry)
{
	return strcmp(key, ((const message_pair *)entry)->en);
}

const char *msg_in(natrisk_lang lang, const char *english)
{
	static const message_table *const dutch[] = {
		&messages_nl_core, &messages_nl_io, &messages_nl_store,
		&messages_nl_server,
	};
	if (lang != NATRISK_LANG_NL || !english)
		return english;
	for (size_t k = 0; k < sizeof dutch / sizeof *dutch; k++) {
		const message_pair *found =
			bsearch(english, dutch[k]->pairs, dutch[k]->count,
			        sizeof *dutch[k]->pairs, by_english);
		if (found)
			return found->nl;
	}
	return english;
}

const char *msg_tr(const char *english)
{
	return msg_in(current, english);
}
