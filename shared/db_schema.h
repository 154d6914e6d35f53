/* db_schema.h — the ordered migrations that build the schema (see db_schema.c). */
#ifndef SP_DB_SCHEMA_H
#define SP_DB_SCHEMA_H

/* The first schema version whose badges hold keyed hashes and sealed tokens (badge_key.h). */
#define SP_SCHEMA_SEALED_BADGES 6

int sp_schema_migration_count(void);
/* The statements (NULL-terminated) that move a file from version-1 to version, or NULL. */
const char *const *sp_schema_migration(int version);

#endif
