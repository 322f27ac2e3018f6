// Every table Leadport has. Migrations in drizzle/ are generated from this file by `drizzle-kit generate`.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { StoredEvent } from "../lib/flow/lead-events";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

// 24-character lowercase hex ids, time-sortable like LeadConduit's (see lib/ids.ts).
const id = () => text("id").primaryKey();

export const accounts = pgTable("accounts", {
  id: id(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull().default("America/Chicago"),
  // Where an import's end is announced (lib/notifications). The signing secret is not stored: it is
  // HMAC(app secret, account id + nonce), so saving a new URL (a new nonce) retires the old secret.
  importWebhookUrl: text("import_webhook_url"),
  importWebhookNonce: text("import_webhook_nonce"),
  ...timestamps,
});
export type Account = typeof accounts.$inferSelect;

// What a person may do in their account (lib/auth/roles.ts has the rules).
export const holderRoleEnum = pgEnum("holder_role", ["owner", "admin", "editor", "viewer"]);
export type HolderRole = (typeof holderRoleEnum.enumValues)[number];

export const accountHolders = pgTable(
  "account_holders",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    // Null until the person chooses one through their setup link (account:create).
    passwordHash: text("password_hash"),
    // Rows from before roles existed were each the only person in their account: owners.
    role: holderRoleEnum("role").notNull().default("owner"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("account_holders_email_key").on(t.email), index("account_holders_account_idx").on(t.accountId)],
);
export type AccountHolder = typeof accountHolders.$inferSelect;

// Server-side sessions: the cookie holds a random token, the table its SHA-256, so a leaked table
// cannot be replayed and deleting a row revokes the session at once.
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountHolderId: text("account_holder_id")
      .notNull()
      .references(() => accountHolders.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Shown on Your account so a person can tell their sessions apart.
    userAgent: text("user_agent").notNull().default(""),
    clientAddress: text("client_address").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_account_holder_idx").on(t.accountHolderId)],
);
export type Session = typeof sessions.$inferSelect;

// One-time links: an owner's setup link (account:create), an invitation to join an account, and a
// password reset. Only the SHA-256 of the token is stored; a link works once (used_at) until it
// expires or is revoked.
export const accountLinkKindEnum = pgEnum("account_link_kind", ["setup", "invitation", "reset"]);
export type AccountLinkKind = (typeof accountLinkKindEnum.enumValues)[number];

export const accountLinks = pgTable(
  "account_links",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    kind: accountLinkKindEnum("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    // The role an invitation grants; null for setup and reset links.
    role: holderRoleEnum("role"),
    // The person a setup or reset link is for; null for invitations (nobody exists yet).
    accountHolderId: text("account_holder_id").references(() => accountHolders.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => accountHolders.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("account_links_token_key").on(t.tokenHash), index("account_links_account_idx").on(t.accountId, t.kind)],
);
export type AccountLink = typeof accountLinks.$inferSelect;

// Who did what in an account, newest first on /settings/audit. Written in the same transaction as the
// change it records. The actor's email is copied so an entry still reads after the person is removed.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    targetLabel: text("target_label").notNull().default(""),
    details: jsonb("details").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_account_idx").on(t.accountId, t.id)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

// Failed logins, counted per email and per client address over a sliding window.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_idx").on(t.key, t.attemptedAt)],
);

export const flows = pgTable(
  "flows",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    // FlowConfig (lib/flow/model.ts), parsed with zod whenever read.
    config: jsonb("config").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("flows_account_idx").on(t.accountId)],
);
export type Flow = typeof flows.$inferSelect;

// Every saved change of a flow, so account holders can see what changed and revert.
export const flowVersions = pgTable(
  "flow_versions",
  {
    flowId: text("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").notNull(),
    savedBy: text("saved_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
);

// A source sends leads to one flow. Its API key and docs token are stored as hashes only; the docs
// token is re-derivable from docs_token_nonce with the app secret, so the account holder can copy the
// link again while a leaked table reveals nothing.
export const sources = pgTable(
  "sources",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    flowId: text("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    contact: text("contact").notNull().default(""),
    // SourceConfig (lib/flow/model.ts).
    config: jsonb("config").notNull(),
    apiKeyHash: text("api_key_hash").notNull(),
    requireApiKey: boolean("require_api_key").notNull().default(false),
    docsTokenNonce: text("docs_token_nonce").notNull(),
    docsTokenHash: text("docs_token_hash").notNull(),
    // This source's own import webhook; wins over the account's. Secret derived as for accounts.
    importWebhookUrl: text("import_webhook_url"),
    importWebhookNonce: text("import_webhook_nonce"),
    ...timestamps,
  },
  (t) => [
    index("sources_flow_idx").on(t.flowId),
    uniqueIndex("sources_docs_token_key").on(t.docsTokenHash),
  ],
);
export type Source = typeof sources.$inferSelect;

export const outcomeEnum = pgEnum("outcome", ["success", "failure", "error"]);
export const stepOutcomeEnum = pgEnum("step_outcome", ["success", "failure", "error", "skip"]);

export const importStatusEnum = pgEnum("import_status", [
  "receiving",
  "staged",
  "validating",
  "validated",
  "importing",
  "completed",
  "failed",
  "cancelled",
]);

export const imports = pgTable(
  "imports",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    // Null flow/source: the file carries flow_id and source_id columns.
    flowId: text("flow_id").references(() => flows.id, { onDelete: "cascade" }),
    sourceId: text("source_id").references(() => sources.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull().default(""),
    status: importStatusEnum("status").notNull().default("receiving"),
    // ImportSettings (lib/imports/settings.ts): { encoding, delimiter, header, detected } chosen at
    // upload, changeable later by re-staging from import_files.
    settings: jsonb("settings").notNull(),
    headers: jsonb("headers").notNull().default(sql`'[]'::jsonb`),
    // What staging noticed without failing a row: renamed headers, blank lines, replaced bytes.
    notices: jsonb("notices").notNull().default(sql`'[]'::jsonb`),
    mapping: jsonb("mapping"),
    mode: text("mode"),
    bytes: integer("bytes").notNull().default(0),
    rows: integer("rows").notNull().default(0),
    unreadableRows: integer("unreadable_rows").notNull().default(0),
    invalidRows: integer("invalid_rows").notNull().default(0),
    duplicateRows: integer("duplicate_rows").notNull().default(0),
    validatedRows: integer("validated_rows").notNull().default(0),
    // Validation resumes after this line when its job is retried.
    validatedLine: integer("validated_line"),
    processedRows: integer("processed_rows").notNull().default(0),
    // Rows reported without a lead: invalid rows in "valid only" mode, rows naming an unknown flow.
    skippedRows: integer("skipped_rows").notNull().default(0),
    successCount: integer("success_count").notNull().default(0),
    failureCount: integer("failure_count").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    // The import job resumes after this line; updated in the transaction that saves the leads.
    lastLine: integer("last_line"),
    lastLeadId: text("last_lead_id"),
    // An ended import's rows by outcome and reason (lib/imports/report/reason-counts.ts), counted once
    // when it ends: counting them again on every page load read the whole import (issue #14). Null
    // while it runs, and for imports that ended before migration 0016 until their summary is read.
    reasonCounts: jsonb("reason_counts"),
    error: text("error"),
    // The person who uploaded the file (emailed when it ends); null when a source's key or docs link did.
    startedBy: text("started_by").references(() => accountHolders.id, { onDelete: "set null" }),
    ...timestamps,
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("imports_account_idx").on(t.accountId, t.createdAt), index("imports_source_idx").on(t.sourceId)],
);
export type Import = typeof imports.$inferSelect;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

// The uploaded file as it arrived, in pieces of about 1 MB, so encoding, delimiter and header can
// be changed later without uploading again (and on any machine: it is in the database, not on disk).
export const importFiles = pgTable(
  "import_files",
  {
    importId: text("import_id").notNull().references(() => imports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

// A resumable (tus) upload on its way to becoming an import (lib/imports/upload): who may continue
// it, how long the file is and how much has arrived. Its bytes are in upload_pieces, in the database
// like import_files, so any app process can take the next chunk. Once whole it is staged as a
// one-request upload would be; `import_id` or `error` then says what became of it.
export const uploads = pgTable(
  "uploads",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    // Null flow/source: the file carries flow_id and source_id columns (account holders only).
    flowId: text("flow_id").references(() => flows.id, { onDelete: "cascade" }),
    sourceId: text("source_id").references(() => sources.id, { onDelete: "cascade" }),
    startedBy: text("started_by").references(() => accountHolders.id, { onDelete: "set null" }),
    // Null while the client has deferred the length (tus creation-defer-length).
    uploadLength: bigint("upload_length", { mode: "number" }),
    uploadOffset: bigint("upload_offset", { mode: "number" }).notNull().default(0),
    // The client's Upload-Metadata (filename, filetype, flowId, sourceId), as given.
    metadata: jsonb("metadata").notNull().default(sql`'{}'::jsonb`),
    // Set while one process stages the finished file, so no other stages it twice.
    stagingAt: timestamp("staging_at", { withTimezone: true }),
    importId: text("import_id").references(() => imports.id, { onDelete: "set null" }),
    error: text("error"),
    ...timestamps,
  },
  (t) => [index("uploads_account_source_idx").on(t.accountId, t.sourceId, t.updatedAt), index("uploads_created_idx").on(t.createdAt)],
);
export type UploadRow = typeof uploads.$inferSelect;

// An upload's bytes as they arrived, one row per piece of up to 1 MB keyed by its first byte's offset.
export const uploadPieces = pgTable(
  "upload_pieces",
  {
    uploadId: text("upload_id").notNull().references(() => uploads.id, { onDelete: "cascade" }),
    start: bigint("start", { mode: "number" }).notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.start] })],
);

// Staging: one row per record of the uploaded file, loaded with COPY. `fields` holds the cells as text
// exactly as given, as a JSON array in a json column (not jsonb: it is only ever written whole and
// read whole, and json is stored as sent, about a third cheaper to load and to read back than
// jsonb's binary form); `problem` says why a record could not be read (too few columns, ...).
// Validation fills `problems` ([{ field, value, reason }], null when the row is valid) and
// `duplicate_of_line` (the earlier line of the file with the same dedupe key).
export const importRows = pgTable(
  "import_rows",
  {
    importId: text("import_id").notNull().references(() => imports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    fields: json("fields").notNull(),
    problem: text("problem"),
    problems: jsonb("problems"),
    duplicateOfLine: integer("duplicate_of_line"),
    // Cells corrected in place before the import (issue #16), by column index ({"3": "TX"}): kept
    // apart from `fields`, which stays what the file said (the lead's raw data).
    corrections: jsonb("corrections"),
    correctedBy: text("corrected_by"),
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.line] }),
    // The rows with a problem, in line order: the summary's rows not imported and the problem pages
    // find them without reading every row of a file whose problems are few (issue #14).
    index("import_rows_problem_lines_idx").on(t.importId, t.line).where(sql`problems is not null or duplicate_of_line is not null`),
  ],
);

// Dedupe keys seen while validating, first line per key: finds duplicates within a file of any size
// without holding the keys in memory, and lets a retried validation carry on where it stopped.
export const importRowKeys = pgTable(
  "import_row_keys",
  {
    importId: text("import_id").notNull().references(() => imports.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    line: integer("line").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.key] })],
);

// Partitioned by RANGE (submitted_at), one partition per calendar month in UTC (leads_2026_12) and a
// DEFAULT partition for anything else (drizzle/0018_leads_partitioned.sql; drizzle cannot say
// PARTITION BY, so this describes the parent's columns and indexes; every index is a partitioned
// index). The primary key holds the partition key, as PostgreSQL requires of every unique index;
// a lead is still found by its id alone (each partition's key index is probed). Partitions are
// created ahead and old months dropped whole by lib/maintenance/lead-partitions.ts.
export const leads = pgTable(
  "leads",
  {
    id: text("id").notNull(),
    accountId: text("account_id").notNull(),
    flowId: text("flow_id").notNull(),
    sourceId: text("source_id").notNull(),
    importId: text("import_id"),
    importLine: integer("import_line"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    // raw, normalized and events are lz4-compressed on PostgreSQL, on the parent and every month
    // (migration 0019; drizzle cannot say COMPRESSION); PGlite has no lz4 and keeps pglz.
    raw: jsonb("raw").notNull(),
    normalized: jsonb("normalized").notNull(),
    outcome: outcomeEnum("outcome").notNull(),
    reason: text("reason"),
    price: numeric("price", { precision: 12, scale: 4, mode: "number" }).notNull().default(0),
    isBatchLead: boolean("is_batch_lead").notNull().default(false),
    isTest: boolean("is_test").notNull().default(false),
    // As the lists show them, normalized: lowercase email, 10-digit phone, lowercase names and reference.
    email: text("email"),
    phone: text("phone"),
    name: text("name"),
    reference: text("reference"),
    // What the search box finds (lib/leads/search-keys.ts): e:email, p:phone, r:reference and n:<word>
    // of the names, lowercase without accents; one GIN index serves every kind of search.
    searchKeys: text("search_keys").array().notNull().default(sql`'{}'::text[]`),
    // The lead's step results in order (lib/flow/lead-events.ts): in the row, so a lead is one row to
    // write and to read. They replaced the lead_events table (migration 0014).
    events: jsonb("events").$type<StoredEvent[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ name: "leads_pkey", columns: [t.id, t.submittedAt] }),
    // A lead per (import, line) at most is import_lines' primary key (below): a unique index on a
    // partitioned table must hold the partition key, so it cannot be global here.
    // The Leads view pages on (account, submitted_at, id); the columns after id let reports count a
    // time frame from the index alone (index-only scan), never reading the wide lead rows. Reason is
    // left out: a recipient's reason can be long, and index entries must stay small.
    index("leads_account_time_idx").on(t.accountId, t.submittedAt, t.id, t.flowId, t.sourceId, t.outcome, t.importId, t.isBatchLead, t.price),
    index("leads_flow_time_idx").on(t.flowId, t.submittedAt, t.id),
    index("leads_source_time_idx").on(t.sourceId, t.submittedAt, t.id),
    // The Leads view's search (email, phone, reference, name words); it replaced four btree indexes.
    // fastupdate off: with GIN's pending list, the insert that found it full (4 MB) merged it into the
    // index itself, 200-260 ms, every 10-20 s under 1,500 real-time leads/s (p99 23 -> 114-156 ms in
    // bench:submit); off, each insert adds its 4-8 keys at once (an import's PostgreSQL CPU: +7%).
    index("leads_search_keys_idx").using("gin", t.searchKeys).with({ fastupdate: false }),
    // The import filter newest first.
    index("leads_import_time_idx").on(t.importId, t.submittedAt, t.id),
    // An import's failed and error leads by line, for the summary's failed rows: without it a file
    // with few failures was read whole to fill one page (issue #14). Success leads are left out.
    index("leads_import_unsuccessful_idx").on(t.importId, t.importLine).where(sql`outcome <> 'success'`),
  ],
);
export type Lead = typeof leads.$inferSelect;

// Exactly one lead per (import, line), whichever month its lead is stored in: written by a trigger
// on leads in the statement that saves an import's leads (drizzle/0018_leads_partitioned.sql), so a
// second lead for a line fails that statement, on every write path (INSERT, COPY). submitted_at lets
// an import's pages find each row's lead in its one partition. Rows go with the import's staged rows
// (IMPORT_FILE_RETENTION_DAYS after it ends, lib/maintenance/prune.ts); a row whose lead's month was
// dropped (LEAD_RETENTION_DAYS) stays until then and reads as "no longer kept".
export const importLines = pgTable(
  "import_lines",
  {
    importId: text("import_id").notNull(),
    line: integer("line").notNull(),
    leadId: text("lead_id").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

// Per-day rollup of leads for reports: one or a few rows per (account, day in the account's time zone,
// flow, source, import, outcome, reason, batch flag) with the count and the sum of prices, so a
// report over any number of leads reads at most a few thousand rows. Kept by triggers on leads and
// accounts (drizzle/0005_report_rollup_trigger.sql), in the statement that writes the leads, so it
// is exact on every insert path (the real-time statement, batch INSERT, COPY).
// No unique key: a writer adds to a row of its group that no other transaction holds (FOR UPDATE
// SKIP LOCKED) or inserts a new one, so concurrent writers never wait on each other; a group has as
// many rows as it ever had writers at once, and reports sum them.
export const leadDailyCounts = pgTable(
  "lead_daily_counts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    flowId: text("flow_id").notNull(),
    sourceId: text("source_id").notNull(),
    importId: text("import_id"),
    outcome: outcomeEnum("outcome").notNull(),
    reason: text("reason"),
    isBatchLead: boolean("is_batch_lead").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    cost: numeric("cost", { mode: "string" }).notNull(),
  },
  (t) => [
    // Reports scan (account, day range); writers find their group. Reason only by its md5, since
    // reasons can be longer than a btree entry may be; NULLs as '' so equality can use the index.
    index("lead_daily_counts_group_idx").on(
      t.accountId,
      t.day,
      t.flowId,
      t.sourceId,
      t.outcome,
      t.isBatchLead,
      sql`coalesce(${t.importId}, '')`,
      sql`md5(coalesce(${t.reason}, ''))`,
    ),
  ],
);

// Pings (price requests, /ping) per (account, day in the account's time zone, flow, source, outcome).
// A ping stores no lead, so it is counted here instead of in lead_daily_counts; reports show pings
// apart from leads. One upsert per ping (lib/intake/ping-queries.ts): pings are short statements,
// so concurrent pings of one group wait on its row only for that statement.
export const pingDailyCounts = pgTable(
  "ping_daily_counts",
  {
    accountId: text("account_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    flowId: text("flow_id").notNull(),
    sourceId: text("source_id").notNull(),
    outcome: outcomeEnum("outcome").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.flowId, t.sourceId, t.outcome] })],
);

// One row per (flow, dedupe step, key): claimed atomically by INSERT ... ON CONFLICT, so two identical
// leads arriving together can never both succeed.
export const dedupeKeys = pgTable(
  "dedupe_keys",
  {
    flowId: text("flow_id").notNull(),
    stepId: text("step_id").notNull(),
    keyHash: text("key_hash").notNull(),
    leadId: text("lead_id").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    // A claim held, committed, while its lead is delivered to a buyer (lib/flow/steps/holds.ts), so a
    // concurrent lead is refused before it is sent: held_by is the holder (a lead id, or
    // `<import>-<line>` for an import's row), held_until when the hold goes stale. Both null once the
    // lead is saved.
    heldBy: text("held_by"),
    heldUntil: timestamp("held_until", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.flowId, t.stepId, t.keyHash] }),
    index("dedupe_keys_held_by_idx").on(t.heldBy).where(sql`held_by is not null`),
    index("dedupe_keys_held_until_idx").on(t.heldUntil).where(sql`held_until is not null`),
  ],
);

// Volume cap counters, one per cap and period; incremented only by successful leads.
export const capCounters = pgTable(
  "cap_counters",
  {
    capKey: text("cap_key").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.capKey, t.periodStart] })],
);

// Cap units held, committed, while their lead is delivered to a buyer (lib/flow/steps/holds.ts): each
// is already counted in cap_counters; the lead's save takes the row over instead of counting again,
// and a stale row (past held_until) gives its unit back.
export const capHolds = pgTable(
  "cap_holds",
  {
    capKey: text("cap_key").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    holder: text("holder").notNull(),
    heldUntil: timestamp("held_until", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.capKey, t.periodStart, t.holder] }), index("cap_holds_holder_idx").on(t.holder)],
);

// The first response to a request with an Idempotency-Key, replayed for retries.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    sourceId: text("source_id").notNull(),
    key: text("key").notNull(),
    status: integer("status"),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.key] })],
);

// One row per delivery of a lead to a recipient step, written before the request is sent and
// outside the transaction that saves the lead (lib/flow/steps/delivery-ledger.ts), so a batch retried
// after a crash reuses the answer instead of sending again, or resends with the same key.
// idempotency_key is the Idempotency-Key header sent: `<import id>-<line>-<step id>` for an import's
// row (a retried batch gives the lead a new id), `<lead id>-<step id>` for the real-time API.
// lead_id is the lead's id when the attempt was first made. No foreign keys: the lead may never commit.
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    idempotencyKey: text("idempotency_key").primaryKey(),
    leadId: text("lead_id").notNull(),
    stepId: text("step_id").notNull(),
    importId: text("import_id"),
    importLine: integer("import_line"),
    // sending: recorded, no answer yet (a retry resends with the same key); answered: reused as is.
    status: text("status", { enum: ["sending", "answered"] }).notNull().default("sending"),
    responseStatus: integer("response_status"),
    // The reply's first 2,000 characters, for support; the outcome is read from the whole reply.
    responseBody: text("response_body"),
    outcome: text("outcome", { enum: ["success", "failure", "error"] }),
    reason: text("reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("delivery_attempts_import_idx").on(t.importId, t.importLine), index("delivery_attempts_sent_at_idx").on(t.sentAt)],
);
export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;

export const reportLinks = pgTable(
  "report_links",
  {
    id: id(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull().default(""),
    tokenNonce: text("token_nonce").notNull(),
    tokenHash: text("token_hash").notNull(),
    scope: jsonb("scope").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("report_links_token_key").on(t.tokenHash)],
);

// The outbox of "import ended" notices: one row per channel, written in the transaction that gives
// the import its final status, so a crash can neither lose nor double it. The worker hands due rows
// to the queue (lib/notifications/pump.ts); the id is the event id every attempt repeats.
export const importNotifications = pgTable(
  "import_notifications",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull().references(() => accounts.id, { onDelete: "cascade" }),
    importId: text("import_id").notNull(),
    channel: text("channel", { enum: ["webhook", "email"] }).notNull(),
    // The webhook URL or the email address, fixed when the import ended.
    target: text("target").notNull(),
    // For a webhook: whose secret signs it (source or account, and its nonce then).
    signer: jsonb("signer"),
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // Handed to the queue until then; a row whose job was lost is handed over again after it.
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    gaveUpAt: timestamp("gave_up_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("import_notifications_due_idx").on(t.nextAttemptAt).where(sql`delivered_at is null and gave_up_at is null`), index("import_notifications_import_idx").on(t.importId)],
);
export type ImportNotification = typeof importNotifications.$inferSelect;
