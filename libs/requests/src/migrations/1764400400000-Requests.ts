import { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTCOME_CODES } from '@disclose/domain';

const outcomeList = OUTCOME_CODES.map((o) => `'${o.code}'`).join(', ');

/**
 * Requests, their append-only hash-chained event log, consultations, extensions, documents, per-agency
 * calendar overrides and the per-agency-year tracking-number counters.
 */
export class Requests1764400400000 implements MigrationInterface {
  name = 'Requests1764400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_number text NOT NULL UNIQUE,
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        applicant_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
        delivery_method text NOT NULL CHECK (delivery_method IN ('electronic', 'email', 'post', 'pickup')),
        channel text NOT NULL CHECK (channel IN ('online', 'mail', 'in_person', 'fax', 'email')),
        received_on date NOT NULL,
        rule_set text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'in_progress', 'awaiting_clarification',
          'awaiting_consultation', 'awaiting_fee', 'decided', 'closed', 'withdrawn')),
        version int NOT NULL DEFAULT 1,
        assignee_id uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        due_on date NULL,
        provisional boolean NOT NULL DEFAULT false,
        clock_status text NOT NULL DEFAULT 'running' CHECK (clock_status IN ('running', 'stopped')),
        deadline_trace jsonb NOT NULL DEFAULT '{}'::jsonb,
        deadline_warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        clarification_notice_due_on date NULL,
        clarification_reply_by date NULL,
        fee_payment_due_on date NULL,
        outcome text NULL CHECK (outcome IN (${outcomeList})),
        outcome_reasons jsonb NULL,
        decision_message text NULL,
        decided_on date NULL,
        closed_on date NULL,
        applicant_type text NOT NULL CHECK (applicant_type IN
          ('natural_person', 'commercial', 'research', 'social_welfare', 'legal_services', 'other_org')),
        repeat_of uuid NULL REFERENCES requests(id) ON DELETE SET NULL,
        repeat_score real NULL,
        applicant_month_count int NOT NULL DEFAULT 1,
        idempotency_key text NULL,
        idempotency_fingerprint text NULL,
        idempotency_response jsonb NULL,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        fee_amount_fen int NULL CHECK (fee_amount_fen >= 0),
        fee_basis text NULL CHECK (fee_basis IN ('per_request', 'per_page')),
        fee_waived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT requests_idempotency_uq UNIQUE (created_by, idempotency_key)
      )`);
    // The clerk's queue: an agency's open requests, most urgent first.
    await q.query(`CREATE INDEX requests_queue_idx ON requests (agency_id, status, due_on)`);
    await q.query(`CREATE INDEX requests_applicant_idx ON requests (applicant_id, agency_id, received_on)`);
    await q.query(
      `CREATE INDEX requests_assignee_idx ON requests (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
    // Trigram indexes: substring search works on Chinese text, which has no word boundaries.
    await q.query(`CREATE INDEX requests_subject_trgm ON requests USING gin (subject gin_trgm_ops)`);
    await q.query(`CREATE INDEX requests_description_trgm ON requests USING gin (description gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE tracking_counters (
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (agency_id, year)
      )`);

    await q.query(`
      CREATE TABLE request_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
        seq int NOT NULL CHECK (seq >= 1),
        type text NOT NULL,
        actor_id uuid NULL REFERENCES users(id) ON DELETE RESTRICT,
        occurred_at timestamptz NOT NULL,
        on_date date NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash text NULL,
        hash text NOT NULL,
        CONSTRAINT request_events_seq_uq UNIQUE (request_id, seq)
      )`);
    // DESIGN.md decision 3: the audit log is append-only, enforced by the database itself.
    await q.query(`
      CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'request_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER request_events_no_update_delete BEFORE UPDATE OR DELETE ON request_events
      FOR EACH ROW EXECUTE FUNCTION request_events_append_only()`);
    await q.query(`
      CREATE TRIGGER request_events_no_truncate BEFORE TRUNCATE ON request_events
      FOR EACH STATEMENT EXECUTE FUNCTION request_events_append_only()`);

    await q.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
        party text NOT NULL CHECK (length(party) BETWEEN 1 AND 300),
        sent_on date NOT NULL,
        replied_on date NULL,
        opinion text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultations_request_idx ON consultations (request_id)`);

    await q.query(`
      CREATE TABLE extensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
        working_days int NOT NULL CHECK (working_days BETWEEN 1 AND 100),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_by uuid NOT NULL REFERENCES users(id),
        decided_by uuid NULL REFERENCES users(id),
        requested_on date NOT NULL,
        decided_on date NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX extensions_request_idx ON extensions (request_id)`);

    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES requests(id) ON DELETE RESTRICT,
        filename text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        visible_to_applicant boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX documents_request_idx ON documents (request_id)`);

    await q.query(`
      CREATE TABLE calendar_overrides (
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        note text NULL,
        PRIMARY KEY (agency_id, date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_overrides, documents, extensions, consultations`);
    await q.query(`DROP TABLE IF EXISTS request_events`);
    await q.query(`DROP FUNCTION IF EXISTS request_events_append_only()`);
    await q.query(`DROP TABLE IF EXISTS tracking_counters, requests`);
  }
}
