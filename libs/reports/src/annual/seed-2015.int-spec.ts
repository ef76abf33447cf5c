import { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { AgenciesService, UsersService } from '@disclose/identity';
import { currentTestRun } from '@disclose/testing';
import { ImportRequestsService } from '../csv/import-requests.service';
import { renderAnnualReportHtml } from '../render/annual-report.html';
import { AnnualReportService } from './annual-report.service';
import { createAgencies } from './annual-report.fixture-loader';
import { ReportTextsService } from './report-texts.service';

/**
 * The seed report (../shared/seeds: 平凉市国土资源局, 2015, under the 2008 Regulation): 2 requests received,
 * both answered within the statutory period, no reconsideration or lawsuit, no fees.
 */
describe('the 2015 seed report reproduced', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = createDataSource(
      { databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 3 },
      'reports-seed-test',
    );
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('gives 2 received, 2 of 2 on time, table 3 all zero, no fees, and the seed sentence', async () => {
    const { codes } = await createAgencies(db, 'cn-ogi-2008', ['平凉市国土资源局']);
    const code = codes[0];
    const importer = new ImportRequestsService(db, new UsersService(db, new AgenciesService(db)));
    const imported = await importer.import(
      [
        'tracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on',
        `${code}-2015-0001,${code},natural_person,mail,2015-04-07,disclosed,2015-04-21`,
        `${code}-2015-0002,${code},natural_person,in_person,2015-09-14,partially_disclosed,2015-09-29`,
      ].join('\n'),
      { today: '2026-01-01' },
    );
    expect(imported).toMatchObject({ refused: false, inserted: 2 });
    const due = await db.query<{ rule_set: string; due_on: string }[]>(
      `SELECT rule_set, due_on::text AS due_on FROM requests WHERE tracking_number LIKE $1 ORDER BY tracking_number`,
      [`${code}-2015-%`],
    );
    // 2008 Regulation, Art. 24: 15 working days (2015-04-07 → 04-28; 2015-09-14 → across 国庆 to 10-10, a make-up workday).
    expect(due).toEqual([
      { rule_set: 'cn-ogi-2008', due_on: '2015-04-28' },
      { rule_set: 'cn-ogi-2008', due_on: '2015-10-10' },
    ]);

    const report = await new AnnualReportService(db, new ReportTextsService(db)).compute({
      agencyCode: code,
      year: 2015,
      subordinates: false,
    });
    expect(report.requests.new_this_year).toMatchObject({ natural_person: 2, total: 2 });
    expect(report.requests.carried_from_last_year.total).toBe(0);
    expect(report.requests.total_processed.total).toBe(2);
    expect(report.requests.carried_to_next_year.total).toBe(0);
    expect(report.onTime).toEqual({ answered: 2, onTime: 2, late: 0, rate: 1 });
    for (const group of Object.values(report.reviews))
      expect(Object.values(group).every((n) => n === 0)).toBe(true);
    expect(report.fees).toMatchObject({ noticesIssued: 0, noticesAmountFen: 0, paymentsReceivedFen: 0 });
    expect(report.sections.requests).toBe('本年共收到政府信息公开申请2件，全部按期答复。');
    expect(report.sections.reviews).toBe('本年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。');
    expect(report.sections.other).toBe('本年未收取信息处理费。');
    expect(renderAnnualReportHtml(report)).toContain(
      '本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。',
    );
  });
});
