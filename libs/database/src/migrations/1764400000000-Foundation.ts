import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions every later migration may rely on. */
export class Foundation1764400000000 implements MigrationInterface {
  name = 'Foundation1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Trigram indexes make substring search work on Chinese text, which has no word boundaries.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
  }

  async down(): Promise<void> {
    // Extensions may be shared with other schemas of the same database: leave them.
  }
}
