/*
 * migrations.c - see migrations.h. Never edit a migration that has been
 * released: add the next one.
 */
#include "migrations.h"

const char *const migrations[] = {
	/* 1: users, sessions, editions, scenarios, scores, audit */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL"
	"    CHECK (role IN ('admin', 'chair', 'analyst', 'viewer')),"
	"  clearance TEXT NOT NULL"
	"    CHECK (clearance IN ('public', 'restricted', 'confidential')),"
	"  password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE sessions ("
	"  token_hash BLOB PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  expires_at INTEGER NOT NULL);"
	"CREATE TABLE assessments ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  edition TEXT,"
	"  method TEXT NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN"
	"    ('draft', 'scoring', 'consolidation', 'published')),"
	"  themes TEXT NOT NULL DEFAULT '[]',"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE scenarios ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL"
	"    REFERENCES assessments(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  key TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  theme TEXT,"
	"  kind TEXT NOT NULL CHECK (kind IN ('hazard', 'threat')),"
	"  description TEXT,"
	"  classification TEXT NOT NULL DEFAULT 'public' CHECK"
	"    (classification IN ('public', 'restricted', 'confidential')),"
	"  is_new INTEGER NOT NULL DEFAULT 0,"
	"  sources TEXT NOT NULL DEFAULT '[]',"
	"  likelihood TEXT NOT NULL,"
	"  UNIQUE (assessment_id, key));"
	/* Every score ever given, never updated: the current one is the
	 * newest of its (scenario, criterion, author) or, for the chair's
	 * consolidated score, of its (scenario, criterion). */
	"CREATE TABLE scores ("
	"  id INTEGER PRIMARY KEY,"
	"  scenario_id INTEGER NOT NULL"
	"    REFERENCES scenarios(id) ON DELETE CASCADE,"
	"  criterion TEXT NOT NULL,"
	"  consolidated INTEGER NOT NULL DEFAULT 0,"
	"  author TEXT NOT NULL,"
	"  score TEXT,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX scores_current ON scores"
	"  (scenario_id, criterion, consolidated, author, id);"
	"CREATE TABLE assignments ("
	"  scenario_id INTEGER NOT NULL"
	"    REFERENCES scenarios(id) ON DELETE CASCADE,"
	"  analyst TEXT NOT NULL,"
	"  PRIMARY KEY (scenario_id, analyst));"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  object TEXT NOT NULL,"
	"  before TEXT,"
	"  after TEXT,"
	"  previous_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL);"
	/* append-only: the database itself refuses to change history */
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/* 2: the expected value's class of each score, for the spread
	 * between analysts (X is -1); NULL for scores written before */
	"ALTER TABLE scores ADD COLUMN ev_class INTEGER;"
	/* changes counted by the classification of what they touched, so
	 * that a reader's version of an edition moves only with what the
	 * reader may see */
	"ALTER TABLE assessments ADD COLUMN changes_public INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE assessments ADD COLUMN changes_restricted INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE assessments ADD COLUMN changes_confidential INTEGER NOT NULL"
	"  DEFAULT 0;"
	"CREATE INDEX assignments_analyst ON assignments (analyst);",
	/* 3: a theme's classification is its own (the lowest of the
	 * scenarios that use it, public when none does), so that what a
	 * reader sees of the themes never moves with a hidden scenario */
	"UPDATE assessments SET themes = ("
	"  SELECT json_group_array(json(theme)) FROM ("
	"    SELECT CASE WHEN json_type(t.value, '$.classification')"
	"      IS NOT NULL THEN t.value"
	"    ELSE json_set(t.value, '$.classification', COALESCE(("
	"      SELECT CASE MIN(CASE s.classification WHEN 'public' THEN 0"
	"        WHEN 'restricted' THEN 1 ELSE 2 END)"
	"        WHEN 0 THEN 'public' WHEN 1 THEN 'restricted'"
	"        WHEN 2 THEN 'confidential' END"
	"      FROM scenarios s WHERE s.assessment_id = assessments.id"
	"        AND s.theme = json_extract(t.value, '$.id')), 'public'))"
	"    END AS theme"
	"    FROM json_each(assessments.themes) t ORDER BY t.key));",
	/* 4: an edition's own chairs, who alone (with admins) manage it;
	 * the chair who uploaded an edition is its first chair. And the
	 * edition it follows, for the movements since. */
	"CREATE TABLE edition_chairs ("
	"  assessment_id INTEGER NOT NULL"
	"    REFERENCES assessments(id) ON DELETE CASCADE,"
	"  chair TEXT NOT NULL,"
	"  PRIMARY KEY (assessment_id, chair));"
	"INSERT INTO edition_chairs SELECT a.id, a.created_by FROM"
	"  assessments a JOIN users u ON u.name = a.created_by"
	"  AND u.role = 'chair';"
	"ALTER TABLE assessments ADD COLUMN previous_id INTEGER"
	"  REFERENCES assessments(id);",
	/* 5: each audit entry's MAC under the key kept outside the
	 * database (audit.h); NULL for the entries written before, which
	 * the first open after this migration checks and seals */
	"ALTER TABLE audit ADD COLUMN mac TEXT;",
	/* 6: an edition's plan (plan_store.h): its title and assessment
	 * reference, its items in the file's form, the experts of each
	 * capability and every level ever given (never updated) */
	"ALTER TABLE assessments ADD COLUMN plan TEXT;"
	"CREATE TABLE plan_items ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL"
	"    REFERENCES assessments(id) ON DELETE CASCADE,"
	"  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),"
	"  key TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  UNIQUE (assessment_id, kind, key));"
	"CREATE TABLE plan_experts ("
	"  item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,"
	"  analyst TEXT NOT NULL,"
	"  PRIMARY KEY (item_id, analyst));"
	"CREATE TABLE plan_levels ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,"
	"  agreed INTEGER NOT NULL DEFAULT 0,"
	"  author TEXT NOT NULL,"
	"  current INTEGER NOT NULL,"
	"  target INTEGER NOT NULL,"
	"  why TEXT,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX plan_levels_current ON plan_levels"
	"  (item_id, agreed, author, id);",
	/* 7: two more roles, owner and reporter (store.h). SQLite cannot
	 * change a CHECK, so the table is made anew; dropping the old one
	 * ends every session (ON DELETE CASCADE): users sign in again. */
	"CREATE TABLE users_7 ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role IN ('admin', 'chair', 'analyst',"
	"    'viewer', 'owner', 'reporter')),"
	"  clearance TEXT NOT NULL"
	"    CHECK (clearance IN ('public', 'restricted', 'confidential')),"
	"  password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL);"
	"INSERT INTO users_7 SELECT id, name, role, clearance, password_hash,"
	"  disabled, created_at FROM users;"
	"DROP TABLE users;"
	"ALTER TABLE users_7 RENAME TO users;",
	/* 8: signals (signals.h): what reporters submit, the scenarios and
	 * themes each names, and the analysts' triage, every decision kept
	 * (append-only, as the audit log). IF NOT EXISTS: a store whose
	 * version was set back by hand (as the tests of older migrations
	 * do) keeps these tables and their rows. */
	"CREATE TABLE IF NOT EXISTS signals ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  author TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  observed TEXT NOT NULL,"
	"  confidence TEXT NOT NULL"
	"    CHECK (confidence IN ('low', 'medium', 'high')),"
	"  classification TEXT NOT NULL"
	"    CHECK (classification IN ('public', 'restricted', 'confidential')),"
	"  assessment_id INTEGER REFERENCES assessments(id),"
	"  submitted_at TEXT NOT NULL,"
	"  edited_at TEXT);"
	"CREATE INDEX IF NOT EXISTS signals_author ON signals (author);"
	"CREATE TABLE IF NOT EXISTS signal_scenarios ("
	"  signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
	"  PRIMARY KEY (signal_id, scenario_id));"
	"CREATE TABLE IF NOT EXISTS signal_themes ("
	"  signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  theme TEXT NOT NULL,"
	"  PRIMARY KEY (signal_id, theme));"
	"CREATE TABLE IF NOT EXISTS signal_triage ("
	"  id INTEGER PRIMARY KEY,"
	"  signal_id INTEGER NOT NULL REFERENCES signals(id),"
	"  decision TEXT NOT NULL"
	"    CHECK (decision IN ('dismiss', 'watch', 'propose')),"
	"  note TEXT,"
	"  title TEXT,"
	"  description TEXT,"
	"  assessment_id INTEGER REFERENCES assessments(id),"
	"  scenario_id INTEGER REFERENCES scenarios(id),"
	"  classification TEXT NOT NULL DEFAULT 'public'"
	"    CHECK (classification IN ('public', 'restricted', 'confidential')),"
	"  author TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS signal_triage_signal ON signal_triage (signal_id, id);"
	"CREATE TRIGGER IF NOT EXISTS signal_triage_no_update BEFORE UPDATE ON signal_triage"
	"  BEGIN SELECT RAISE(ABORT, 'the triage history is append-only'); END;"
	"CREATE TRIGGER IF NOT EXISTS signal_triage_no_delete BEFORE DELETE ON signal_triage"
	"  BEGIN SELECT RAISE(ABORT, 'the triage history is append-only'); END;",
	/* 9: alerts (alert_store.h): every CAP message made or issued,
	 * never updated, chained by the identifier of the chain's first
	 * message; the webhooks and their outbox, one row per message and
	 * webhook, committed with the message and marked done only after
	 * a 2xx; the monitor's progress per indicator, committed with the
	 * messages it made; and each feed's last poll. IF NOT EXISTS:
	 * a store taken back to an older schema by hand keeps them */
	"CREATE TABLE IF NOT EXISTS alerts ("
	"  id INTEGER PRIMARY KEY,"
	"  identifier TEXT NOT NULL UNIQUE,"
	"  chain TEXT NOT NULL,"
	"  sender TEXT NOT NULL,"
	"  sent INTEGER NOT NULL,"
	"  status TEXT NOT NULL,"
	"  msg_type TEXT NOT NULL,"
	"  source TEXT NOT NULL CHECK (source IN ('monitor', 'manual')),"
	"  indicator TEXT,"
	"  assessment_id INTEGER,"
	"  scenarios TEXT NOT NULL DEFAULT '[]',"
	"  classification INTEGER NOT NULL CHECK (classification BETWEEN 0 AND 2),"
	"  headline TEXT,"
	"  cap TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS alerts_chain ON alerts (chain, id);"
	"CREATE TABLE IF NOT EXISTS webhooks ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL,"
	"  secret TEXT NOT NULL,"
	"  clearance INTEGER NOT NULL CHECK (clearance BETWEEN 0 AND 2),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS alert_outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  alert_id INTEGER NOT NULL REFERENCES alerts(id),"
	"  webhook_id INTEGER NOT NULL REFERENCES webhooks(id),"
	"  state TEXT NOT NULL DEFAULT 'pending'"
	"    CHECK (state IN ('pending', 'delivered', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt REAL NOT NULL,"
	"  last_error TEXT,"
	"  done_at TEXT,"
	"  UNIQUE (alert_id, webhook_id));"
	"CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (state, next_attempt);"
	"CREATE TABLE IF NOT EXISTS monitor_state ("
	"  indicator TEXT PRIMARY KEY,"
	"  seen INTEGER NOT NULL,"
	"  last_time INTEGER NOT NULL,"
	"  level INTEGER NOT NULL,"
	"  chain_open INTEGER NOT NULL,"
	"  chain_sent INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS monitor_feeds ("
	"  indicator TEXT PRIMARY KEY,"
	"  classification INTEGER NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('ok', 'stale', 'failed')),"
	"  message TEXT,"
	"  checked_at TEXT NOT NULL);",
	/* 10: the register: the organisations an owner belongs to; the status log
	 * of the actions of a published edition's plan, appended to and
	 * never changed (the plan file's own log stays in plan_items); and
	 * each user's token for the reminders' feed (only its hash). IF NOT
	 * EXISTS, as for 8 and 9 */
	"CREATE TABLE IF NOT EXISTS user_organisations ("
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  organisation TEXT NOT NULL,"
	"  PRIMARY KEY (user_id, organisation));"
	"CREATE TABLE IF NOT EXISTS action_log ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessments(id),"
	"  measure TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('planned', 'on-track',"
	"    'late', 'done', 'dropped')),"
	"  note TEXT,"
	"  author TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS action_log_action ON action_log"
	"  (assessment_id, measure, action, id);"
	"CREATE TRIGGER IF NOT EXISTS action_log_no_update BEFORE UPDATE ON action_log"
	"  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;"
	"CREATE TRIGGER IF NOT EXISTS action_log_no_delete BEFORE DELETE ON action_log"
	"  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;"
	"CREATE TABLE IF NOT EXISTS feed_tokens ("
	"  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL);",
	/* 11: a webhook is removed, not deleted: its outbox rows, delivered
	 * or given up, stay the record of what was sent where. A table of
	 * its own, IF NOT EXISTS as 8 to 10, where columns added to webhooks
	 * could not be added twice to a store taken back by hand */
	"CREATE TABLE IF NOT EXISTS webhook_removals ("
	"  webhook_id INTEGER PRIMARY KEY REFERENCES webhooks(id),"
	"  removed_by TEXT NOT NULL,"
	"  removed_at TEXT NOT NULL);"
	/* and a proposal made a scenario (signals.h): at most once, the
	 * scenario the signal became */
	"CREATE TABLE IF NOT EXISTS signal_adoptions ("
	"  signal_id INTEGER PRIMARY KEY REFERENCES signals(id),"
	"  scenario_id INTEGER NOT NULL REFERENCES scenarios(id),"
	"  author TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);",
};

const int migration_count = (int)(sizeof migrations / sizeof *migrations);
