import type BetterSqlite3 from 'better-sqlite3'

/** One saved record: `value` is JSON; `null` deletes the row. */
export type RecordWrite = { section: string; key: string; value: string | null }

export type SqliteRecords = {
  /** Every saved row, by section then key. */
  readAll(): Map<string, Map<string, string>>
  /** Applies the writes in one transaction: when it returns they are on disk (WAL, `synchronous=FULL`). */
  write(writes: readonly RecordWrite[]): void
  close(): void
}

/**
 * Opens (creating it if missing) the SQLite file the durable sandbox keeps its state in: one table of
 * `(section, key) → JSON value`, journal in WAL mode, every write a transaction synced to disk.
 * better-sqlite3 is an optional dependency loaded only here, so nothing else in the package needs it.
 *
 * @example
 * const records = await openSqliteRecords('.sandbox-state.db')
 * records.write([{ section: 'orders', key: 'ord_1', value: '{"id":"ord_1"}' }])
 */
export async function openSqliteRecords(file: string): Promise<SqliteRecords> {
  const Database = await loadBetterSqlite3()
  const db = openDatabase(Database, file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    section TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (section, key)
  ) WITHOUT ROWID`)
  const upsert = db.prepare(
    'INSERT INTO records (section, key, value) VALUES (?, ?, ?) ON CONFLICT (section, key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare('DELETE FROM records WHERE section = ? AND key = ?')
  const writeAll = db.transaction((writes: readonly RecordWrite[]) => {
    for (const { section, key, value } of writes) {
      if (value === null) remove.run(section, key)
      else upsert.run(section, key, value)
    }
  })
  return {
    readAll() {
      const sections = new Map<string, Map<string, string>>()
      const rows = db
        .prepare('SELECT section, key, value FROM records ORDER BY section, key')
        .all() as Array<{
        section: string
        key: string
        value: string
      }>
      for (const { section, key, value } of rows) {
        let rowsOf = sections.get(section)
        if (!rowsOf) {
          rowsOf = new Map()
          sections.set(section, rowsOf)
        }
        rowsOf.set(key, value)
      }
      return sections
    },
    write(writes) {
      if (writes.length > 0) writeAll(writes)
    },
    close() {
      db.close()
    },
  }
}

async function loadBetterSqlite3(): Promise<typeof BetterSqlite3> {
  try {
    const loaded = (await import('better-sqlite3')) as unknown as { default?: typeof BetterSqlite3 }
    return loaded.default ?? (loaded as unknown as typeof BetterSqlite3)
  } catch (error) {
    throw new Error(
      `A state file needs the optional dependency better-sqlite3 (12.x), which did not load: ${
        error instanceof Error ? error.message : String(error)
      }. Install it next to @ecny/mock-rails (npm install better-sqlite3@12), or run without a state file.`,
    )
  }
}

/** Opens the file, saying what to do when it is not a SQLite database (a JSON state file of an older sandbox). */
function openDatabase(Database: typeof BetterSqlite3, file: string) {
  const db = new Database(file)
  try {
    db.pragma('schema_version')
    return db
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new Error(
        `${file} is not a SQLite state file (a JSON state file of an older sandbox?). Give a new file name, or delete it to start over.`,
      )
    }
    throw error
  }
}
