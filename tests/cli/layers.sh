#!/bin/sh
# layers.sh - the layers of docs/design.md hold: store (src/store) and
# render (src/render) see the engine's models only through the public
# accessors of include/natrisk/, not through core's private layouts, and
# the CLI and the server write no output format of their own (the
# writers live in src/io). A private header of a lower layer may be
# included only where it is listed here, with the reason.
. "${NATRISK_ROOT:?}/tests/cli/lib.sh"

# The private headers each layer may include, and why:
#   core/error.h            error_set(): every layer sets the message of
#                           natrisk_error_last(); only reading it is public
#   core/messages.h         msg_tr() and MSG(): the Dutch catalogue of the
#                           messages a layer writes
#   core/arena.h            the bump allocator (scene.h): a utility, no model
#   io/parser_messages.h    the wording of the YAML/JSON parsers' errors,
#                           which the store repeats for a request's body
#   io/file.h               reading a file and writing one atomically
#   io/utf8.h               the UTF-8 check of a request's body, and the
#                           length in characters and blankness of a
#                           signal's texts (the store checks a signal)
#   io/embedded.h           the embedded web UI (server only)
#   io/xml_text.h           an xmlTextWriter's document as text (the
#                           server's Atom feed; CAP messages in io)
# Not listed, so refused: core/model.h and the other layouts of core
# (aggregate.h, smaa_model.h, ...), io's loaders and writers' internals
# (csv_write.h, ytree.h, assessment_loader.h ...).
allowed_store="core/error.h core/messages.h io/parser_messages.h io/utf8.h"
allowed_render="core/error.h core/messages.h core/arena.h"
allowed_cli="io/file.h"
allowed_server="core/error.h core/messages.h io/parser_messages.h io/file.h io/utf8.h io/embedded.h io/xml_text.h"

# forbidden ROOT DIR ALLOWED: prints "FILE:LINE HEADER" for every
# '#include "../X/Y.h"' in ROOT/src/DIR that names no header in ALLOWED.
forbidden() {
	(cd "$1" && grep -n '#include "\.\./' "src/$2"/*.c "src/$2"/*.h \
		2>/dev/null) |
		sed 's|^\([^:]*:[0-9]*\):#include "\.\./\([^"]*\)".*|\1 \2|' |
		while read -r where header; do
			case " $3 " in
			*" $header "*) ;;
			*) echo "$where $header" ;;
			esac
		done
}

# check_layer DIR ALLOWED: the test fails on any forbidden include.
check_layer() {
	forbidden . "$1" "$2" >"$OUT"
	[ -s "$OUT" ] && t_fail "private headers of a lower layer included"
}

t "store: only the allowed private headers"
check_layer store "$allowed_store"

t "render: only the allowed private headers"
check_layer render "$allowed_render"

t "cli: only the allowed private headers (no output format of its own)"
check_layer cli "$allowed_cli"

t "server: only the allowed private headers"
check_layer server "$allowed_server"

t "the check finds a forbidden include and passes an allowed one"
mkdir -p "$T_TMP/tree/src/render"
printf '#include "../core/error.h"\n#include "../core/model.h"\n' \
	>"$T_TMP/tree/src/render/bad.c"
forbidden "$T_TMP/tree" render "$allowed_render" >"$OUT"
expect_stdout_lines 1
expect_stdout_contains "src/render/bad.c:2 core/model.h"

t "robustness: written by src/io, declared in the public headers"
[ -f src/io/robustness_output.c ] || t_fail "no src/io/robustness_output.c"
grep -q natrisk_robustness_write include/natrisk/robustness_output.h \
	2>/dev/null ||
	t_fail "natrisk_robustness_write is not public"
if grep -q 'json_\|csv_field' src/cli/cmd_robustness.c; then
	t_fail "src/cli/cmd_robustness.c still formats JSON or CSV itself"
fi

finish
