import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The US FOIA processing track of a request (multitrack processing, 5 U.S.C. 552(a)(6)(D)), which the DOJ
 * annual report's section VII splits response times by (us.md E.7). Null = not set by staff: the report
 * counts it as simple (the request record has no expedited-processing decision to derive it from).
 */
export class ProcessingTrack1764400720000 implements MigrationInterface {
  name = 'ProcessingTrack1764400720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE requests ADD COLUMN processing_track text NULL
        CHECK (processing_track IN ('simple', 'complex', 'expedited'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests DROP COLUMN processing_track`);
  }
}
