import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies (a tree: a city bureau supervises its county bureaus), users of the five roles, sessions stored
 * as token hashes only, and single-use emailed tokens (email verification, password reset).
 */
export class Identity1764400100000 implements MigrationInterface {
  name = 'Identity1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code citext NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(code) <= 32),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
        name_en text NULL CHECK (length(name_en) <= 200),
        parent_id uuid NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        rule_set text NOT NULL CHECK (rule_set IN
          ('cn-ogi-2019', 'cn-ogi-2008', 'us-foia', 'uk-foia', 'uk-eir', 'scot-foisa')),
        timezone text NOT NULL,
        receipt_cutoff time NULL,
        count_makeup_workdays boolean NOT NULL DEFAULT true,
        cn_fee_mode text NOT NULL DEFAULT 'pause' CHECK (cn_fee_mode IN ('pause', 'restart')),
        contact_email citext NULL,
        reminder_hour smallint NOT NULL DEFAULT 9 CHECK (reminder_hour BETWEEN 0 AND 23),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX agencies_parent_idx ON agencies (parent_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NULL UNIQUE,
        password_hash text NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('applicant', 'clerk', 'supervisor', 'legal', 'admin')),
        agency_id uuid NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        applicant_type text NULL CHECK (applicant_type IN
          ('natural_person', 'commercial', 'research', 'social_welfare', 'legal_services', 'other_org')),
        locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
        phone text NULL,
        address text NULL,
        email_verified_at timestamptz NULL,
        disabled_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Staff belong to an agency; applicants have a type (the annual report's columns) and no agency.
        CONSTRAINT users_role_shape CHECK (
          (role = 'applicant' AND applicant_type IS NOT NULL AND agency_id IS NULL)
          OR (role <> 'applicant' AND agency_id IS NOT NULL AND applicant_type IS NULL))
      )`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_id) WHERE agency_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        user_agent text NULL,
        ip text NULL
      )`);
    await q.query(`CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE email_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS email_tokens`);
    await q.query(`DROP TABLE IF EXISTS sessions`);
    await q.query(`DROP TABLE IF EXISTS users`);
    await q.query(`DROP TABLE IF EXISTS agencies`);
  }
}
