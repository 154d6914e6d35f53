/* db_schema.c — the schema of the Signpost database as an ordered list of migrations.
 *
 * Migration N brings a file from user_version N-1 to N. Never edit a migration that has shipped:
 * add a new one and raise SP_SCHEMA_VERSION in db.h. Enumerations and ranges are CHECK
 * constraints so that no program can store a value the others do not understand. Dates are
 * 'YYYY-MM-DD' text, timestamps 'YYYY-MM-DDTHH:MM:SSZ' text (UTC). */
#include "db_schema.h"

#include <stddef.h>

static const char *const MIGRATION_1[] = {
    "CREATE TABLE staff ("
    "  id INTEGER PRIMARY KEY,"
    "  staff_code TEXT NOT NULL UNIQUE CHECK (length(staff_code) BETWEEN 1 AND 64),"
    "  given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),"
    "  family_name TEXT NOT NULL DEFAULT '' CHECK (length(family_name) <= 200),"
    "  display_name TEXT NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),"
    "  email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 320),"
    "  role TEXT NOT NULL DEFAULT 'teacher' CHECK (role IN ('teacher','support','admin')),"
    "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),"
    "  created_at TEXT NOT NULL"
    ");",
    "CREATE TABLE students ("
    "  id INTEGER PRIMARY KEY,"
    "  sis_id TEXT NOT NULL UNIQUE CHECK (length(sis_id) BETWEEN 1 AND 64),"
    "  given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),"
    "  family_name TEXT NOT NULL DEFAULT '' CHECK (length(family_name) <= 200),"
    "  preferred_name TEXT NOT NULL DEFAULT '' CHECK (length(preferred_name) <= 200),"
    "  grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 12)," /* 0 = kindergarten */
    "  home_language TEXT NOT NULL DEFAULT 'en' CHECK (length(home_language) BETWEEN 2 AND 35),"
    "  read_aloud INTEGER NOT NULL DEFAULT 0 CHECK (read_aloud IN (0,1)),"
    "  dyslexia_font INTEGER NOT NULL DEFAULT 0 CHECK (dyslexia_font IN (0,1)),"
    "  large_text INTEGER NOT NULL DEFAULT 0 CHECK (large_text IN (0,1)),"
    "  high_contrast INTEGER NOT NULL DEFAULT 0 CHECK (high_contrast IN (0,1)),"
    "  accommodations TEXT NOT NULL DEFAULT '' CHECK (length(accommodations) <= 4000),"
    "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),"
    "  created_at TEXT NOT NULL"
    ");",
    "CREATE TABLE classes ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),"
    "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  subject TEXT NOT NULL DEFAULT '' CHECK (length(subject) <= 200),"
    "  grade INTEGER CHECK (grade BETWEEN 0 AND 12),"
    "  teacher_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,"
    "  room TEXT NOT NULL DEFAULT '' CHECK (length(room) <= 100),"
    "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1))"
    ");",
    "CREATE TABLE enrollments ("
    "  class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  enrolled_on TEXT NOT NULL,"
    "  PRIMARY KEY (class_id, student_id)"
    ") WITHOUT ROWID;",
    "CREATE INDEX enrollments_by_student ON enrollments(student_id, class_id);",

    /* A milestone: the anatomy of SPEC section 2. */
    "CREATE TABLE milestones ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  class_id INTEGER REFERENCES classes(id) ON DELETE SET NULL,"
    "  template_key TEXT CHECK (template_key IS NULL OR length(template_key) <= 100),"
    "  statement TEXT NOT NULL CHECK (length(statement) BETWEEN 1 AND 4000),"
    "  student_text TEXT NOT NULL CHECK (length(student_text) BETWEEN 1 AND 1000),"
    "  category TEXT NOT NULL CHECK (category IN ('academic','behavior','social-emotional','future-readiness')),"
    "  horizon TEXT NOT NULL DEFAULT 'long' CHECK (horizon IN ('short','long')),"
    "  parent_id INTEGER REFERENCES milestones(id) ON DELETE SET NULL,"
    "  unit_label TEXT NOT NULL DEFAULT '' CHECK (length(unit_label) <= 100),"
    "  scale_min REAL,"
    "  scale_max REAL,"
    "  baseline REAL,"
    "  baseline_note TEXT NOT NULL DEFAULT '' CHECK (length(baseline_note) <= 1000),"
    "  target REAL NOT NULL,"
    "  direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),"
    "  target_k INTEGER NOT NULL DEFAULT 1 CHECK (target_k >= 1),"
    "  target_m INTEGER NOT NULL DEFAULT 1 CHECK (target_m >= target_k AND target_m <= 50),"
    "  start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND due_date > start_date),"
    "  method TEXT NOT NULL DEFAULT '' CHECK (length(method) <= 2000),"
    "  data_source TEXT NOT NULL DEFAULT '' CHECK (length(data_source) <= 2000),"
    "  support TEXT NOT NULL DEFAULT '' CHECK (length(support) <= 4000),"
    "  review_cadence_days INTEGER NOT NULL DEFAULT 7 CHECK (review_cadence_days BETWEEN 1 AND 366),"
    "  cadence_note TEXT NOT NULL DEFAULT '' CHECK (length(cadence_note) <= 500),"
    "  visibility TEXT NOT NULL DEFAULT 'kiosk' CHECK (visibility IN ('kiosk','conference','staff')),"
    "  standard_code TEXT NOT NULL DEFAULT '' CHECK (length(standard_code) <= 100),"
    "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('baselining','active','met','not-met','revised','retired')),"
    "  last_reviewed_on TEXT,"
    "  created_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  CHECK (baseline IS NULL OR baseline <> target)"
    ");",
    "CREATE INDEX milestones_by_student ON milestones(student_id, visibility, status);",
    "CREATE INDEX milestones_by_class ON milestones(class_id, template_key);",
    "CREATE TABLE milestone_revisions ("
    "  id INTEGER PRIMARY KEY,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  changed_at TEXT NOT NULL,"
    "  field TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),"
    "  changed_by INTEGER REFERENCES staff(id) ON DELETE SET NULL"
    ");",
    "CREATE INDEX revisions_by_milestone ON milestone_revisions(milestone_id, changed_at);",
    "CREATE TABLE measurements ("
    "  id INTEGER PRIMARY KEY,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  taken_on TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  value REAL NOT NULL,"
    "  source TEXT NOT NULL DEFAULT 'teacher' CHECK (source IN ('teacher','self','staff','import')),"
    "  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),"
    "  evidence_link TEXT NOT NULL DEFAULT '' CHECK (length(evidence_link) <= 2000),"
    "  entered_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,"
    "  created_at TEXT NOT NULL"
    ");",
    "CREATE INDEX measurements_by_milestone ON measurements(milestone_id, taken_on);",
    "CREATE TABLE support_changes ("
    "  id INTEGER PRIMARY KEY,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  changed_on TEXT NOT NULL CHECK (changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),"
    "  entered_by INTEGER REFERENCES staff(id) ON DELETE SET NULL"
    ");",
    "CREATE INDEX support_by_milestone ON support_changes(milestone_id, changed_on);",
    "CREATE TABLE if_then_rules ("
    "  id INTEGER PRIMARY KEY,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  if_text TEXT NOT NULL CHECK (length(if_text) BETWEEN 1 AND 1000),"
    "  then_text TEXT NOT NULL CHECK (length(then_text) BETWEEN 1 AND 1000),"
    "  student_choice TEXT NOT NULL DEFAULT '' CHECK (length(student_choice) <= 200)"
    ");",
    "CREATE INDEX rules_by_milestone ON if_then_rules(milestone_id);",

    /* Reflections. */
    "CREATE TABLE self_checks ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  created_at TEXT NOT NULL,"
    "  scale TEXT NOT NULL CHECK (scale IN ('faces3','scale4')),"
    "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4 AND (scale = 'scale4' OR rating <= 3)),"
    "  used_strategy INTEGER CHECK (used_strategy IN (0,1)),"
    "  obstacle TEXT NOT NULL DEFAULT '' CHECK (length(obstacle) <= 500),"
    "  next_step TEXT NOT NULL DEFAULT '' CHECK (length(next_step) <= 500),"
    "  kiosk_session_id INTEGER REFERENCES kiosk_sessions(id) ON DELETE SET NULL"
    ");",
    "CREATE INDEX self_checks_by_student ON self_checks(student_id, milestone_id, created_at);",
    "CREATE TABLE units ("
    "  id INTEGER PRIMARY KEY,"
    "  class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),"
    "  starts_on TEXT,"
    "  ends_on TEXT,"
    "  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0,1)),"
    "  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)"
    ");",
    "CREATE UNIQUE INDEX one_current_unit_per_class ON units(class_id) WHERE is_current = 1;",
    "CREATE TABLE learning_targets ("
    "  id INTEGER PRIMARY KEY,"
    "  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL CHECK (position >= 1),"
    "  statement TEXT NOT NULL CHECK (length(statement) BETWEEN 1 AND 500),"
    "  standard_code TEXT NOT NULL DEFAULT '' CHECK (length(standard_code) <= 100),"
    "  UNIQUE (unit_id, position)"
    ");",
    "CREATE TABLE unit_assignments ("
    "  id INTEGER PRIMARY KEY,"
    "  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200)"
    ");",
    "CREATE TABLE mastery_ratings ("
    "  id INTEGER PRIMARY KEY,"
    "  target_id INTEGER NOT NULL REFERENCES learning_targets(id) ON DELETE CASCADE,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  rater TEXT NOT NULL CHECK (rater IN ('student','teacher')),"
    "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),"
    "  evidence TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 500),"
    "  next_step TEXT NOT NULL DEFAULT '' CHECK (length(next_step) <= 500),"
    "  rated_at TEXT NOT NULL,"
    "  staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,"
    "  kiosk_session_id INTEGER REFERENCES kiosk_sessions(id) ON DELETE SET NULL"
    ");",
    "CREATE INDEX mastery_by_target ON mastery_ratings(target_id, student_id, rater, rated_at);",
    "CREATE INDEX mastery_by_student ON mastery_ratings(student_id, target_id);",
    "CREATE TABLE celebrations ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  milestone_id INTEGER REFERENCES milestones(id) ON DELETE CASCADE,"
    "  measurement_id INTEGER REFERENCES measurements(id) ON DELETE SET NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('milestone-met','step-reached','improvement','streak','shout-out')),"
    "  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 500),"
    "  created_at TEXT NOT NULL,"
    "  seen_at TEXT,"
    "  created_by INTEGER REFERENCES staff(id) ON DELETE SET NULL"
    ");",
    "CREATE INDEX celebrations_unseen ON celebrations(student_id, seen_at);",

    /* Badges and the kiosk's audit trail. */
    "CREATE TABLE badges ("
    "  id INTEGER PRIMARY KEY,"
    "  token TEXT NOT NULL UNIQUE CHECK (length(token) BETWEEN 16 AND 64),"
    "  student_id INTEGER REFERENCES students(id) ON DELETE CASCADE,"
    "  staff_id INTEGER REFERENCES staff(id) ON DELETE CASCADE,"
    "  issued_at TEXT NOT NULL,"
    "  revoked_at TEXT,"
    "  revoke_reason TEXT NOT NULL DEFAULT '',"
    "  CHECK ((student_id IS NULL) <> (staff_id IS NULL))"
    ");",
    "CREATE UNIQUE INDEX one_active_badge_per_student ON badges(student_id) WHERE revoked_at IS NULL AND student_id IS NOT NULL;",
    "CREATE UNIQUE INDEX one_active_badge_per_staff ON badges(staff_id) WHERE revoked_at IS NULL AND staff_id IS NOT NULL;",
    "CREATE TABLE kiosk_sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  kiosk_name TEXT NOT NULL DEFAULT '' CHECK (length(kiosk_name) <= 100),"
    "  student_id INTEGER REFERENCES students(id) ON DELETE CASCADE,"
    "  staff_id INTEGER REFERENCES staff(id) ON DELETE CASCADE,"
    "  started_at TEXT NOT NULL,"
    "  ended_at TEXT,"
    "  end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('done','timeout','switched','teacher-exit','closed')),"
    "  CHECK ((student_id IS NULL) <> (staff_id IS NULL))"
    ");",
    "CREATE INDEX sessions_by_time ON kiosk_sessions(started_at);",
    "CREATE INDEX sessions_by_student ON kiosk_sessions(student_id, started_at);",
    "CREATE TABLE scan_events ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  kiosk_name TEXT NOT NULL DEFAULT '',"
    "  outcome TEXT NOT NULL CHECK (outcome IN ('unknown','revoked','malformed','cooldown'))"
    ");",
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") WITHOUT ROWID;",
    NULL};

/* Migration 2: the goal-setting script's "Set my next step" answers (reflect.h). Lengths are
 * checked in bytes, the limit the kiosk's 120-character answers are sized for. */
#define PLAN_TEXT(col) "  " col " TEXT NOT NULL DEFAULT '' CHECK (length(CAST(" col " AS BLOB)) <= 500),"
static const char *const MIGRATION_2[] = {
    "CREATE TABLE next_step_plans ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    PLAN_TEXT("in_the_way")
    PLAN_TEXT("change_text")
    PLAN_TEXT("how_we_know")
    PLAN_TEXT("support_first")
    "  created_at TEXT NOT NULL,"
    "  kiosk_session_id INTEGER REFERENCES kiosk_sessions(id) ON DELETE SET NULL,"
    "  CHECK (in_the_way <> '' OR change_text <> '' OR how_we_know <> '' OR support_first <> '')"
    ");",
    "CREATE INDEX next_step_plans_by_student ON next_step_plans(student_id, milestone_id, created_at);",
    NULL};
#undef PLAN_TEXT

/* Migration 3: the student-led conference. What a family can do at home for a milestone (written
 * for families, shown in conference mode and on the family summary), and kiosk sessions that
 * were conferences ("Show my family"), so the kiosk log can say so. */
static const char *const MIGRATION_3[] = {
    "ALTER TABLE milestones ADD COLUMN at_home TEXT NOT NULL DEFAULT '' CHECK (length(at_home) <= 2000);",
    "ALTER TABLE kiosk_sessions ADD COLUMN conference INTEGER NOT NULL DEFAULT 0 CHECK (conference IN (0,1));",
    NULL};

/* Migration 4: languages per person and per text (SPEC section 9). A student's kiosk language
 * ('' = the school's language, settings 'school_language'), and teacher texts given per language:
 * the student text, the at-home text and the support in the student's words. */
static const char *const MIGRATION_4[] = {
    "ALTER TABLE students ADD COLUMN kiosk_language TEXT NOT NULL DEFAULT ''"
    "  CHECK (kiosk_language = '' OR length(kiosk_language) BETWEEN 2 AND 35);",
    "CREATE TABLE milestone_texts ("
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 35),"
    "  field TEXT NOT NULL CHECK (field IN ('student_text','at_home','support')),"
    "  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (milestone_id, field, lang)"
    ") WITHOUT ROWID;",
    "INSERT OR IGNORE INTO settings(key, value) VALUES ('school_language', 'en');",
    NULL};

/* Migration 5: celebrations learn the raise-the-goal kind and can be withdrawn (a shout-out taken
 * back, or a data point edited or deleted so that it no longer earns its celebration). SQLite
 * cannot change a CHECK constraint in place, so the table is rebuilt with its rows. */
static const char *const MIGRATION_5[] = {
    "CREATE TABLE celebrations_v5 ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,"
    "  milestone_id INTEGER REFERENCES milestones(id) ON DELETE CASCADE,"
    "  measurement_id INTEGER REFERENCES measurements(id) ON DELETE SET NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('milestone-met','step-reached','improvement','streak','raise-goal',"
    "'shout-out')),"
    "  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 500),"
    "  created_at TEXT NOT NULL,"
    "  seen_at TEXT,"
    "  created_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,"
    "  withdrawn_at TEXT"
    ");",
    "INSERT INTO celebrations_v5(id, student_id, milestone_id, measurement_id, kind, message, created_at, seen_at,"
    " created_by) SELECT id, student_id, milestone_id, measurement_id, kind, message, created_at, seen_at, created_by"
    " FROM celebrations;",
    "DROP TABLE celebrations;",
    "ALTER TABLE celebrations_v5 RENAME TO celebrations;",
    "CREATE INDEX celebrations_unseen ON celebrations(student_id, seen_at);",
    "CREATE INDEX celebrations_by_milestone ON celebrations(milestone_id, kind);",
    NULL};

/* Migration 6: badge tokens leave the database (badge_key.h). Each token becomes its keyed hash,
 * and a sealed copy for reprinting is kept beside it, so every badge already printed keeps
 * working while a copy of the file alone can no longer make a payload. The functions are
 * registered by sp_db_open(); the key file is created here when there is none yet. */
static const char *const MIGRATION_6[] = {
    "ALTER TABLE badges ADD COLUMN sealed TEXT;",
    "SELECT sp_badge_key_ready() WHERE EXISTS (SELECT 1 FROM badges);",
    "UPDATE badges SET sealed = sp_badge_seal(token), token = sp_badge_hash(token);",
    NULL};


/* Migration 7: the teacher's decision loop (rules.h, SPEC §9). If/then rules get the date they
 * were decided (existing rules: the day their milestone was written, the latest they can have
 * been decided); a support change can raise, keep or fade the support and can answer a rule; a
 * revision that changes the target, timeframe or method starts a new phase (a new aim line from
 * the revision date and the level reached by then), every phase kept; a milestone records whether
 * its method is the student's accommodated one. */
#define DAY_CHECK(col) "CHECK (" col " IS NULL OR " col " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
static const char *const MIGRATION_7[] = {
    "ALTER TABLE if_then_rules ADD COLUMN decided_on TEXT " DAY_CHECK("decided_on") ";",
    "UPDATE if_then_rules SET decided_on = (SELECT substr(m.created_at, 1, 10) FROM milestones m"
    " WHERE m.id = if_then_rules.milestone_id);",
    "ALTER TABLE support_changes ADD COLUMN intensity TEXT"
    " CHECK (intensity IS NULL OR intensity IN ('raise','keep','fade'));",
    "ALTER TABLE support_changes ADD COLUMN rule_id INTEGER REFERENCES if_then_rules(id) ON DELETE SET NULL;",
    "CREATE INDEX support_by_rule ON support_changes(rule_id, changed_on) WHERE rule_id IS NOT NULL;",
    "ALTER TABLE milestones ADD COLUMN accommodated INTEGER NOT NULL DEFAULT 0 CHECK (accommodated IN (0,1));",
    "CREATE TABLE milestone_phases ("
    "  id INTEGER PRIMARY KEY,"
    "  milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,"
    "  starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  start_value REAL NOT NULL,"
    "  target REAL NOT NULL,"
    "  due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND due_date > starts_on),"
    "  method TEXT NOT NULL DEFAULT '' CHECK (length(method) <= 2000),"
    "  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),"
    "  created_at TEXT NOT NULL"
    ");",
    "CREATE INDEX phases_by_milestone ON milestone_phases(milestone_id, starts_on, id);",
    NULL};
#undef DAY_CHECK

/* Migration 8: the student's own words for the parts of a milestone the kiosk shows. The
 * teacher's statement, method, support and notes stay for staff; the kiosk shows only these,
 * and a part left empty is not shown at all. Obstacles are choices separated by "|". */
#define STUDENT_TEXT(table, col, max)                                                                                 \
    "ALTER TABLE " table " ADD COLUMN " col " TEXT NOT NULL DEFAULT '' CHECK (length(" col ") <= " #max ");"
static const char *const MIGRATION_8[] = {
    STUDENT_TEXT("milestones", "student_support", 1000),
    STUDENT_TEXT("milestones", "student_know", 1000),
    STUDENT_TEXT("milestones", "student_obstacles", 2000),
    STUDENT_TEXT("support_changes", "student_note", 1000),
    NULL};
#undef STUDENT_TEXT

static const char *const *const MIGRATIONS[] = {MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5,
                                                 MIGRATION_6, MIGRATION_7, MIGRATION_8};

int sp_schema_migration_count(void) { return (int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]); }

const char *const *sp_schema_migration(int version)
{
    if (version < 1 || version > sp_schema_migration_count())
        return 0;
    return MIGRATIONS[version - 1];
}
