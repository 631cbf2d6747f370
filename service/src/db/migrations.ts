/**
 * The schema, as numbered migrations applied at start (issue 11 item 2). Applied in one
 * transaction under an advisory lock, so several processes starting together on one PostgreSQL
 * apply each migration once. Never edit a released migration; add the next number.
 */
import type { User } from 'webex-user-rules'
import { withUserDefaults } from 'webex-user-rules/new-user'
import type { Database, Queryable } from './database.js'
import { BASE_KEY, documentFromStored, storedDocumentOf } from './document.js'
import type { SiteSettings } from './store.js'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
  /** A data step after the SQL, in the same transaction: what SQL alone cannot compute. */
  readonly run?: (tx: Queryable) => Promise<void>
}

/** Users completed per statement batch (migration 4): bounded memory whatever the site's size. */
const COMPLETE_BATCH = 500

/**
 * Migration 4 (D-SV-11, issue 11 item 7): users stored before the service completed every user it
 * stores get what a real GetUser answer always carries, from the core's `withUserDefaults` with
 * their site's settings — everything they hold is kept. When they were stored was not recorded:
 * their `registrationDate` is the migration's time, the first time known to be after it.
 */
const completeStoredUsers = async (tx: Queryable): Promise<void> => {
  const registeredAt = Date.now()
  const sites = await tx.query<{ id: string; settings: SiteSettings }>('SELECT id, settings FROM site ORDER BY id')
  for (const site of sites) {
    let after = '0'
    for (;;) {
      const rows = await tx.query<{ id: string; web_ex_id: string; doc: Readonly<Record<string, unknown>> }>(
        'SELECT id, web_ex_id, doc FROM users WHERE site_id = $1 AND id > $2 ORDER BY id LIMIT $3',
        [site.id, after, COMPLETE_BATCH],
      )
      if (rows.length === 0) break
      const completed = rows.map((row) =>
        JSON.stringify(
          // a database migrated past 5 holds differences (D-SP-11): read either form
          withUserDefaults(
            { ...(documentFromStored(row.doc) as Omit<User, 'webExId'>), webExId: row.web_ex_id },
            { site: site.settings, registeredAt },
          ),
        ),
      )
      // one statement a batch; the document keeps what it held, only what it lacked is added
      await tx.query(
        'UPDATE users SET doc = c.doc FROM unnest($1::bigint[], $2::jsonb[]) AS c (id, doc) WHERE users.id = c.id',
        [rows.map((row) => row.id), completed],
      )
      after = String(rows[rows.length - 1]?.id)
    }
  }
}

/**
 * Migration 5 (D-SP-11): every whole document stored before becomes its difference from the
 * baseline, so the users no request has written since get the smaller rows too. Reading accepts
 * both forms; this only spares the old ones their size.
 */
const storeDocumentsAsDifferences = async (tx: Queryable): Promise<void> => {
  let after = '0'
  for (;;) {
    const rows = await tx.query<{ id: string; doc: Readonly<Record<string, unknown>> }>(
      'SELECT id, doc FROM users WHERE id > $1 AND NOT (doc ? $2) ORDER BY id LIMIT $3',
      [after, BASE_KEY, COMPLETE_BATCH],
    )
    if (rows.length === 0) break
    await tx.query(
      'UPDATE users SET doc = c.doc FROM unnest($1::bigint[], $2::jsonb[]) AS c (id, doc) WHERE users.id = c.id',
      [rows.map((row) => row.id), rows.map((row) => JSON.stringify(storedDocumentOf(row.doc)))],
    )
    after = String(rows[rows.length - 1]?.id)
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'schema',
    sql: `
CREATE TABLE site (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  -- SiteContext without the computed fields (activeHostCount, takenWebExIds, takenEmails)
  settings jsonb NOT NULL,
  -- SHA-256 (hex) of each accessToken AuthenticateUser accepts for this site
  access_token_hashes text[] NOT NULL DEFAULT '{}',
  ticket_ttl_seconds integer NOT NULL DEFAULT 5400
);
CREATE UNIQUE INDEX site_name ON site (lower(name));

-- Webex userIds: never reused, also across sites
CREATE SEQUENCE user_id START 1000001;

CREATE TABLE users (
  id bigint PRIMARY KEY DEFAULT nextval('user_id'),
  site_id bigint NOT NULL REFERENCES site (id),
  web_ex_id text NOT NULL,
  email text,
  counts_as_host boolean NOT NULL,
  -- the engine's User without password and userId (those are the columns)
  doc jsonb NOT NULL,
  password_hash text
);
CREATE UNIQUE INDEX users_web_ex_id ON users (site_id, lower(web_ex_id));
CREATE UNIQUE INDEX users_email ON users (site_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX users_counts_as_host ON users (site_id) WHERE counts_as_host;

-- R14: a new webExId must not be a name any user had before
CREATE TABLE prior_names (
  site_id bigint NOT NULL REFERENCES site (id),
  user_id bigint NOT NULL REFERENCES users (id),
  web_ex_id text NOT NULL
);
CREATE INDEX prior_names_name ON prior_names (site_id, lower(web_ex_id));

CREATE TABLE sessions (
  ticket_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  site_id bigint NOT NULL REFERENCES site (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  site_id bigint NOT NULL REFERENCES site (id),
  operation text NOT NULL,
  web_ex_id text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- a dispatcher claims an effect until then; one that crashes lets the claim lapse
  claimed_until timestamptz,
  last_error text,
  delivered_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;
`,
  },
  {
    version: 2,
    name: 'login tickets',
    sql: `
-- GetLoginTicket / GetloginurlUser (D-OP-14): each user's outstanding host login ticket
CREATE TABLE login_tickets (
  user_id bigint PRIMARY KEY REFERENCES users (id),
  ticket text NOT NULL,
  create_time bigint NOT NULL,
  time_to_live integer NOT NULL,
  consumed boolean NOT NULL DEFAULT false
);
`,
  },
  {
    version: 3,
    name: 'host counter',
    sql: `
-- R6 (D-SP-1): the number of users counted against the host limit, kept in the site row by
-- triggers in the same transaction as every change of users.counts_as_host. Reading it costs
-- the same whatever the site's size; counting the partial index cost one index entry per host.
-- Every operation that can change the count already holds the site row (lock order site then
-- user), so the trigger's update of that row adds no lock.
ALTER TABLE site ADD COLUMN active_host_count integer NOT NULL DEFAULT 0;
UPDATE site SET active_host_count = (SELECT count(*) FROM users WHERE users.site_id = site.id AND counts_as_host);

CREATE FUNCTION users_host_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.counts_as_host THEN
    UPDATE site SET active_host_count = active_host_count - 1 WHERE id = OLD.site_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.counts_as_host THEN
    UPDATE site SET active_host_count = active_host_count + 1 WHERE id = NEW.site_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER users_host_count_insert AFTER INSERT ON users
  FOR EACH ROW WHEN (NEW.counts_as_host) EXECUTE FUNCTION users_host_count();
-- an update that keeps the flag and the site (a firstName change) runs no trigger at all
CREATE TRIGGER users_host_count_update AFTER UPDATE ON users
  FOR EACH ROW WHEN (OLD.counts_as_host IS DISTINCT FROM NEW.counts_as_host OR OLD.site_id IS DISTINCT FROM NEW.site_id)
  EXECUTE FUNCTION users_host_count();
CREATE TRIGGER users_host_count_delete AFTER DELETE ON users
  FOR EACH ROW WHEN (OLD.counts_as_host) EXECUTE FUNCTION users_host_count();
`,
  },
  {
    version: 4,
    name: 'complete stored users',
    // no schema change: the documents are completed by the data step (D-SV-11)
    sql: '',
    run: completeStoredUsers,
  },
  {
    version: 5,
    name: 'documents as differences',
    // no schema change: the documents are rewritten by the data step (D-SP-11)
    sql: '',
    run: storeDocumentsAsDifferences,
  },
]

/** Any fixed number: every process of this service takes the same lock while it migrates. */
const MIGRATION_LOCK = 7_351_020_011

/**
 * Thrown when the database holds a migration this version does not know: a later version of the
 * service migrated it, and this one would misread what that version stores (D-SP-11's documents
 * for one). The process must not serve such a database; it stops at start instead.
 */
export class NewerDatabase extends Error {}

/** Applies the migrations the database lacks; returns the versions applied now. */
export const migrate = (db: Database): Promise<number[]> =>
  db.transaction(async (tx) => {
    // released at commit or rollback; a second process waits here, then sees the versions
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    )
    const known = new Set(MIGRATIONS.map((migration) => migration.version))
    const unknown = [...done].filter((version) => !known.has(version)).sort((a, b) => a - b)
    if (unknown.length > 0)
      throw new NewerDatabase(
        `the database was migrated by a later version of the service (migrations ${unknown.join(', ')}); run that version or a later one`,
      )
    const applied: number[] = []
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      for (const statement of statements(migration.sql)) await tx.query(statement)
      if (migration.run !== undefined) await migration.run(tx)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
    }
    return applied
  })

/**
 * Splits a migration on the semicolons that end its lines (extended protocol: one statement a
 * query), except inside a `$$ … $$` function body, whose own statements end with semicolons.
 */
export const statements = (sql: string): string[] => {
  const out: string[] = []
  let current: string[] = []
  let inBody = false
  for (const line of sql.split('\n')) {
    if (!inBody && /^\s*--/.test(line)) continue
    current.push(line)
    // an odd number of `$$` on a line opens or closes a body
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody
    if (!inBody && /;\s*$/.test(line)) {
      out.push(current.join('\n').replace(/;\s*$/, '').trim())
      current = []
    }
  }
  const rest = current.join('\n').trim()
  if (rest !== '') out.push(rest)
  return out.filter((s) => s !== '')
}
