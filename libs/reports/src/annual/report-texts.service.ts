import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import { ReportSections, Table1 } from './annual-report.types';

export interface StoredReportTexts {
  table1: Table1;
  sections: ReportSections;
  updatedBy: string | null;
  updatedAt: string;
}

/** Table 1 and the text sections of an annual report, entered by staff per agency and year (B.2, B.3). */
@Injectable()
export class ReportTextsService {
  constructor(private readonly db: DataSource) {}

  async get(agencyId: string, year: number): Promise<StoredReportTexts | null> {
    const rows = await this.db.query<
      { table1: Table1; sections: ReportSections; updated_by: string | null; updated_at: Date }[]
    >(
      `SELECT table1, sections, updated_by, updated_at FROM annual_report_texts WHERE agency_id = $1 AND year = $2`,
      [agencyId, year],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      table1: row.table1,
      sections: row.sections,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /**
   * Upserts; a section or table-1 row left out keeps its stored value (jsonb `||` merges one level), and a
   * section given as null is removed (so a prefilled section is written from the figures again).
   */
  async put(input: {
    agencyCode: string;
    year: number;
    table1?: Table1;
    sections?: { [K in keyof ReportSections]?: string | null };
    updatedBy: string | null;
  }): Promise<StoredReportTexts> {
    const agencies = await this.db.query<{ id: string }[]>(`SELECT id FROM agencies WHERE code = $1`, [
      input.agencyCode,
    ]);
    const agencyId = agencies[0]?.id;
    if (!agencyId) throw new NotFoundError('AGENCY.NOT_FOUND', input.agencyCode);
    await this.db.query(
      `INSERT INTO annual_report_texts (agency_id, year, table1, sections, updated_by)
       VALUES ($1, $2, $3::jsonb, jsonb_strip_nulls($4::jsonb), $5)
       ON CONFLICT (agency_id, year) DO UPDATE
         SET table1 = annual_report_texts.table1 || EXCLUDED.table1,
             sections = jsonb_strip_nulls(annual_report_texts.sections || $4::jsonb),
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        agencyId,
        input.year,
        JSON.stringify(input.table1 ?? {}),
        JSON.stringify(input.sections ?? {}),
        input.updatedBy,
      ],
    );
    return (await this.get(agencyId, input.year)) as StoredReportTexts;
  }
}
