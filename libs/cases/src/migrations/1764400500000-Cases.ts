import { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_DISPOSITIONS, CASE_KINDS } from '@disclose/domain';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Legal cases that follow a reply (issue 6): reconsiderations, lawsuits, US appeals, UK internal reviews,
 * with their hearings, documents and an append-only event log. The reports read `cases` for table 3
 * (cn-annual-report.md B.5): kind, filed_on, decided_on, outcome (null = pending), disposition, request_id,
 * agency_id, parent_case_id — keep these names.
 */
export class Cases1764400500000 implements MigrationInterface {
  name = 'Cases1764400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN (${list(CASE_KINDS)})),
        parent_case_id uuid NULL REFERENCES cases(id) ON DELETE RESTRICT,
        body text NULL CHECK (length(body) <= 300),
        case_number text NULL CHECK (length(case_number) <= 100),
        -- The reply challenged (the request's decided_on at filing): the applicant's windows run from it.
        reply_on date NULL,
        filed_on date NOT NULL,
        accepted_on date NULL,
        served_on date NULL,
        decision_received_on date NULL,
        decision_extension_days int NOT NULL DEFAULT 0 CHECK (decision_extension_days BETWEEN 0 AND 30),
        parties text NULL,
        counsel text NULL,
        legal_owner_id uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        internal_notes text NULL,
        grounds text NULL,
        filed_by uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        disposition text NULL CHECK (disposition IN (${list(CASE_DISPOSITIONS.map((d) => d.code))})),
        outcome text NULL CHECK (outcome IN ('upheld', 'corrected', 'other')),
        decided_on date NULL,
        outcome_notes text NULL,
        reopened_due_on date NULL,
        deadlines jsonb NOT NULL DEFAULT '[]'::jsonb,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Only a lawsuit after reconsideration has a parent (checked for its kind by the service).
        CHECK ((kind = 'litigation_after_reconsideration') = (parent_case_id IS NOT NULL)),
        -- A decided case has its disposition, its table 3 column and its date together; open = all null.
        CHECK ((disposition IS NULL) = (outcome IS NULL) AND (outcome IS NULL) = (decided_on IS NULL))
      )`);
    await q.query(`CREATE INDEX cases_request_idx ON cases (request_id)`);
    await q.query(`CREATE INDEX cases_agency_filed_idx ON cases (agency_id, filed_on)`);
    await q.query(`CREATE INDEX cases_parent_idx ON cases (parent_case_id) WHERE parent_case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_hearings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        held_at timestamptz NOT NULL,
        place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
        notes text NULL,
        created_by uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_hearings_case_idx ON case_hearings (case_id, held_at)`);

    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('application', 'defence', 'decision', 'judgment', 'other')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size int NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_documents_case_idx ON case_documents (case_id)`);

    await q.query(`
      CREATE TABLE case_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
        type text NOT NULL,
        actor_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, occurred_at)`);
    // DESIGN.md decision 3: the audit trail is append-only, enforced by the database itself.
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
    await q.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_events`);
    await q.query(`DROP FUNCTION IF EXISTS case_events_append_only()`);
    await q.query(`DROP TABLE IF EXISTS case_documents`);
    await q.query(`DROP TABLE IF EXISTS case_hearings`);
    await q.query(`DROP TABLE IF EXISTS cases`);
  }
}
