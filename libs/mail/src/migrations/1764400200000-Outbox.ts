import { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox (DESIGN.md decision 2): emails are rows written with the change that causes them. */
export class Outbox1764400200000 implements MigrationInterface {
  name = 'Outbox1764400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL,
        to_address text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        template text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- No foreign key: requests belong to another library, and an email outlives nothing it points to.
        request_id uuid NULL,
        recipient_user_id uuid NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text NULL,
        message_id text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        CONSTRAINT outbox_dedupe_key_unique UNIQUE (dedupe_key)
      )`);
    // The dispatcher's sweep and the metrics read by status; due rows are found by (status, next_attempt_at).
    await q.query(`CREATE INDEX outbox_status_next_attempt_idx ON outbox (status, next_attempt_at)`);
    await q.query(`CREATE INDEX outbox_request_idx ON outbox (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
