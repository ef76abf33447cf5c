import { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { AgenciesService, UsersService } from '@disclose/identity';
import { verifyAuditChains } from '@disclose/requests';
import { currentTestRun } from '@disclose/testing';
import { createAgencies } from '../annual/annual-report.fixture-loader';
import { formatProblem } from './csv-file';
import { ExportService } from './export.service';
import { ImportCasesService } from './import-cases.service';
import { ImportRequestsService } from './import-requests.service';

const HEADER = 'tracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on';
const TODAY = { today: '2026-01-15' };

describe(ImportRequestsService.name, () => {
  let db: DataSource;
  let requests: ImportRequestsService;
  let cases: ImportCasesService;
  let code: string;
  let file: string;

  beforeAll(async () => {
    db = createDataSource(
      { databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 3 },
      'reports-import-test',
    );
    await db.initialize();
    requests = new ImportRequestsService(db, new UsersService(db, new AgenciesService(db)));
    cases = new ImportCasesService(db);
    code = (await createAgencies(db, 'cn-ogi-2019', ['导入局'])).codes[0];
    // A spreadsheet export: BOM, CRLF, a quoted field, padded cells, an open request.
    file =
      `\ufeff${HEADER}\r\n` +
      `${code}-1,${code},natural_person,online,2025-03-03,disclosed,2025-03-20\r\n` +
      `"${code}-2",${code}, commercial ,mail,2025-06-30,withheld.state_secret,2025-07-15\r\n` +
      `${code}-3,${code},research,in_person,2025-12-29,,\r\n`;
  });
  afterAll(() => db.destroy());

  it('reports every bad field with its line and imports nothing', async () => {
    const bad =
      `${HEADER}\n` +
      `${code}-X1,${code},natural_person,online,2025-03-03,disclosed,2025-03-20\n` +
      `${code}-X2,${code},robot,online,2025-13-01,disclosed,2025-03-20\n` +
      `${code}-X3,NOPE,natural_person,online,2025-03-03,withheld,\n` +
      `${code}-X1,${code},natural_person,online,2025-03-03,,\n`;
    const result = await requests.import(bad, TODAY);
    expect(result.refused).toBe(true);
    expect(result.problems.map(formatProblem)).toEqual([
      'line 3: applicant_type "robot" is not one of natural_person, commercial, research, social_welfare, legal_services, other_org',
      'line 3: received_on "2025-13-01" is not a date (YYYY-MM-DD)',
      'line 4: outcome and closed_on go together: both empty while open, both set once concluded',
      'line 4: outcome "withheld" is not one of the 21 outcome codes of the annual report',
      `line 5: tracking_number "${code}-X1" already appears on line 2`,
    ]);
    const written = await db.query(`SELECT 1 FROM requests WHERE tracking_number LIKE $1`, [`${code}-X%`]);
    expect(written).toHaveLength(0);
  });

  it('refuses an unknown agency and a wrong header', async () => {
    const unknown = await requests.import(`${HEADER}\nZ-1,NOPE9,natural_person,online,2025-03-03,,\n`, TODAY);
    expect(unknown.problems.map(formatProblem)).toEqual([
      'line 2: agency_code "NOPE9" is not a known agency',
    ]);
    const header = await requests.import('tracking_number,agency,received_on\n', TODAY);
    expect(formatProblem(header.problems[0])).toMatch(/^line 1: header: missing column\(s\) agency_code/);
  });

  it('imports the valid lines with --skip-invalid', async () => {
    const mixed = `${HEADER}\n${code}-S1,${code},other_org,fax,2025-02-03,,\n${code}-S2,${code},other_org,fax,someday,,\n`;
    const result = await requests.import(mixed, { ...TODAY, skipInvalid: true });
    expect(result).toMatchObject({ refused: false, inserted: 1, skipped: 1, lines: 2 });
  });

  it('imports a spreadsheet export with due dates, and a second import changes nothing', async () => {
    const progress: number[] = [];
    const first = await requests.import(file, { ...TODAY, onProgress: (done) => progress.push(done) });
    expect(first).toMatchObject({ refused: false, lines: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(progress).toEqual([3]);
    const rows = await db.query<
      { tracking_number: string; applicant_type: string; due_on: string; status: string }[]
    >(
      `SELECT tracking_number, applicant_type, due_on::text AS due_on, status FROM requests
        WHERE tracking_number = ANY($1) ORDER BY tracking_number`,
      [[`${code}-1`, `${code}-2`, `${code}-3`]],
    );
    // cn-ogi-2019 Art. 33: 20 working days from the day after receipt.
    expect(rows[0]).toEqual({
      tracking_number: `${code}-1`,
      applicant_type: 'natural_person',
      due_on: '2025-03-31',
      status: 'closed',
    });
    expect(rows[1].applicant_type).toBe('commercial');
    expect(rows[2].status).toBe('received');
    // Each imported request's audit chain starts with its import, so `audit verify` finds it intact.
    const [agency] = await db.query(`SELECT id FROM agencies WHERE code = $1`, [code]);
    expect((await verifyAuditChains(db, 500, [agency.id])).breaks).toEqual([]);
    const before = await db.query(
      `SELECT id, updated_at FROM requests WHERE tracking_number LIKE $1 ORDER BY 1`,
      [`${code}-%`],
    );

    const second = await requests.import(file, TODAY);
    expect(second).toMatchObject({ refused: false, inserted: 0, updated: 0, unchanged: 3 });
    const after = await db.query(
      `SELECT id, updated_at FROM requests WHERE tracking_number LIKE $1 ORDER BY 1`,
      [`${code}-%`],
    );
    expect(after).toEqual(before);
  });

  it('imports cases idempotently, links a lawsuit after reconsideration, and exports what it imported', async () => {
    const csv =
      'request_tracking_number,kind,filed_on,outcome,closed_on\n' +
      `${code}-2,reconsideration,2025-08-01,upheld,2025-09-20\n` +
      `${code}-2,litigation_after_reconsideration,2025-10-08,,\n` +
      `${code}-1,litigation_direct,2025-04-01,corrected,2025-11-30\n`;
    expect(await cases.import(csv, TODAY)).toMatchObject({ refused: false, inserted: 3 });
    expect(await cases.import(csv, TODAY)).toMatchObject({
      refused: false,
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    const orphan = await cases.import(
      `request_tracking_number,kind,filed_on,outcome,closed_on\n${code}-1,litigation_after_reconsideration,2025-05-01,,\nNOPE-1,reconsideration,2025-05-01,,\n`,
      TODAY,
    );
    expect(orphan.problems.map(formatProblem)).toEqual([
      `line 2: kind "litigation_after_reconsideration" needs a reconsideration of request ${code}-1 filed on or before 2025-05-01`,
      'line 3: request_tracking_number "NOPE-1" is not a known request',
    ]);

    const exported = await new ExportService(db).cases(code, 2025);
    expect(exported.rows).toBe(3);
    expect(await cases.import(exported.csv, TODAY)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const requestsCsv = await new ExportService(db).requests(code, 2025);
    expect(requestsCsv.csv.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    expect(await requests.import(requestsCsv.csv, TODAY)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: requestsCsv.rows,
    });
  });
});
