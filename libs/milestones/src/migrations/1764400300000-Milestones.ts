import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Milestones are the truth of every timer (DESIGN.md decision 1); Redis only caches the near-term ones.
 * `recipients` holds recipient roles relative to the subject ('assignee', 'agency_clerks', 'supervisors',
 * 'applicant'), resolved to users at fire time, so a reassignment between planning and firing reaches
 * the current assignee without replanning.
 */
export class Milestones1764400300000 implements MigrationInterface {
  name = 'Milestones1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ('request', 'case')),
        subject_id uuid NOT NULL,
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled', 'skipped')),
        recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        generation int NOT NULL DEFAULT 1,
        fired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX milestones_status_due_idx ON milestones (status, due_at)`);
    await q.query(`CREATE INDEX milestones_subject_idx ON milestones (subject_type, subject_id)`);
    // One pending milestone per (subject, kind, instant): makes a concurrent double sync harmless.
    await q.query(`
      CREATE UNIQUE INDEX milestones_pending_uniq ON milestones (subject_type, subject_id, kind, due_at)
      WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY,
        daily_digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE milestones`);
  }
}
