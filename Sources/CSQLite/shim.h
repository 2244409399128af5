#include <sqlite3.h>

// Swift cannot call C variadic functions; these wrap the configuration calls jobtrack needs.
static inline int jobtrack_sqlite3_db_config_defensive(sqlite3 *db, int enable) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, enable, (int *)0);
}

// Keeping memory statistics makes SQLite take a global mutex on every allocation it
// makes; jobtrack reads none. Only takes effect before SQLite initialises.
static inline int jobtrack_sqlite3_config_no_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static inline int jobtrack_sqlite3_db_config_triggers(sqlite3 *db, int enable) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enable, (int *)0);
}

// SQLITE_TRANSIENT and SQLITE_STATIC are macros casting -1 and 0 to a function pointer,
// which Swift cannot import.
static inline sqlite3_destructor_type jobtrack_sqlite3_transient(void) {
    return SQLITE_TRANSIENT;
}

static inline sqlite3_destructor_type jobtrack_sqlite3_static(void) {
    return SQLITE_STATIC;
}
