import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import { CASE_CSV_COLUMNS } from './case-rows';
import { writeCsv } from './csv-file';
import { REQUEST_CSV_COLUMNS } from './request-rows';

const SCOPE = `WITH RECURSIVE scope AS (
    SELECT id FROM agencies WHERE code = $1
    UNION ALL SELECT a.id FROM agencies a JOIN scope s ON a.parent_id = s.id WHERE $3::boolean)`;

/**
 * CSV export with the import's columns, so an export re-imports unchanged: the requests received in a
 * year, the cases filed in a year (of the agency, optionally with the agencies below it).
 */
@Injectable()
export class ExportService {
  constructor(private readonly db: DataSource) {}

  async requests(
    agencyCode: string,
    year: number,
    subordinates = false,
  ): Promise<{ csv: string; rows: number }> {
    await this.assertAgency(agencyCode);
    const rows = await this.db.query<Record<string, string | null>[]>(
      `${SCOPE}
       SELECT r.tracking_number, a.code::text AS agency_code, r.applicant_type, r.channel, r.received_on::text AS received_on,
              r.outcome, r.closed_on::text AS closed_on
         FROM requests r JOIN agencies a ON a.id = r.agency_id
        WHERE r.agency_id IN (SELECT id FROM scope) AND extract(year FROM r.received_on) = $2
        ORDER BY r.received_on, r.tracking_number`,
      [agencyCode, year, subordinates],
    );
    return {
      csv: writeCsv(
        REQUEST_CSV_COLUMNS,
        rows.map((r) => REQUEST_CSV_COLUMNS.map((c) => r[c])),
      ),
      rows: rows.length,
    };
  }

  async cases(
    agencyCode: string,
    year: number,
    subordinates = false,
  ): Promise<{ csv: string; rows: number }> {
    await this.assertAgency(agencyCode);
    const rows = await this.db.query<Record<string, string | null>[]>(
      `${SCOPE}
       SELECT r.tracking_number AS request_tracking_number, c.kind, c.filed_on::text AS filed_on, c.outcome,
              c.decided_on::text AS closed_on
         FROM cases c JOIN requests r ON r.id = c.request_id
        WHERE c.agency_id IN (SELECT id FROM scope) AND extract(year FROM c.filed_on) = $2
        ORDER BY c.filed_on, r.tracking_number, c.kind`,
      [agencyCode, year, subordinates],
    );
    return {
      csv: writeCsv(
        CASE_CSV_COLUMNS,
        rows.map((r) => CASE_CSV_COLUMNS.map((c) => r[c])),
      ),
      rows: rows.length,
    };
  }

  private async assertAgency(code: string): Promise<void> {
    const found = await this.db.query<unknown[]>(`SELECT 1 FROM agencies WHERE code = $1`, [code]);
    if (found.length === 0) throw new NotFoundError('AGENCY.NOT_FOUND', code);
  }
}
