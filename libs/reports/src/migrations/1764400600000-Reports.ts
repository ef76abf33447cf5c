import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff-entered parts of the annual report (table 1 and the text sections, per agency and year), and the
 * indexes the report's date-range aggregates use (cn-annual-report.md B.6).
 */
export class Reports1764400600000 implements MigrationInterface {
  name = 'Reports1764400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_report_texts (
        agency_id uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        table1 jsonb NOT NULL DEFAULT '{}'::jsonb,
        sections jsonb NOT NULL DEFAULT '{}'::jsonb,
        updated_by uuid NULL REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_id, year)
      )`);
    // A year's report reads the requests of an agency received by 31 December and concluded from 1 January.
    await q.query(`CREATE INDEX requests_report_received_idx ON requests (agency_id, received_on)`);
    await q.query(`CREATE INDEX requests_report_closed_idx ON requests (agency_id, closed_on)`);
    // Contradictory rows (see ANOMALIES_SQL): empty when the data is clean, so checking them is free.
    await q.query(`
      CREATE INDEX requests_report_anomaly_idx ON requests (agency_id)
       WHERE (outcome IS NULL) <> (closed_on IS NULL) OR closed_on < received_on`);
    await q.query(`
      CREATE INDEX request_events_fee_idx ON request_events (on_date, request_id)
       WHERE type IN ('fee_notice_issued', 'fee_paid')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS request_events_fee_idx`);
    await q.query(`DROP INDEX IF EXISTS requests_report_anomaly_idx`);
    await q.query(`DROP INDEX IF EXISTS requests_report_closed_idx`);
    await q.query(`DROP INDEX IF EXISTS requests_report_received_idx`);
    await q.query(`DROP TABLE IF EXISTS annual_report_texts`);
  }
}
