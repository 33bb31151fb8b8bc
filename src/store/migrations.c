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
	/* register: the organisations an owner belongs to; the status log
	 * of the actions of a published edition's plan, appended to and
	 * never changed (the plan file's own log stays in plan_items); and
	 * each user's token for the reminders' feed (only its hash) */
	"CREATE TABLE user_organisations ("
	"  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  organisation TEXT NOT NULL,"
	"  PRIMARY KEY (user_id, organisation));"
	"CREATE TABLE action_log ("
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
	"CREATE INDEX action_log_action ON action_log"
	"  (assessment_id, measure, action, id);"
	"CREATE TRIGGER action_log_no_update BEFORE UPDATE ON action_log"
	"  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;"
	"CREATE TRIGGER action_log_no_delete BEFORE DELETE ON action_log"
	"  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;"
	"CREATE TABLE feed_tokens ("
	"  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL);",
};

const int migration_count = (int)(sizeof migrations / sizeof *migrations);
