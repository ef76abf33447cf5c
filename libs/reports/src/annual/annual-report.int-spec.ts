import { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { currentTestRun } from '@disclose/testing';
import { AnnualReportService } from './annual-report.service';
import { ReportTextsService } from './report-texts.service';
import { expectedReport, generateFixture } from './annual-report.fixture';
import { createAgencies, createApplicant, insertCases, insertRequests } from './annual-report.fixture-loader';
import { ReportInconsistencyError } from './report-inconsistency.error';

describe(AnnualReportService.name, () => {
  let db: DataSource;
  let sut: AnnualReportService;
  const fx = generateFixture(20251129, `RPT${Date.now().toString(36)}`);
  let codes: string[];

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 5 }, 'reports-test');
    await db.initialize();
    sut = new AnnualReportService(db, new ReportTextsService(db));
    const agencies = await createAgencies(db);
    codes = agencies.codes;
    const applicantId = await createApplicant(db);
    const requestIds = await insertRequests(db, fx.requests, agencies.ids, applicantId);
    await insertCases(db, fx.cases, requestIds, fx.requests, agencies.ids);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('uses a fixture that exercises every part of the report', () => {
    expect(fx.requests.length).toBeGreaterThanOrEqual(500);
    expect(fx.cases.length).toBeGreaterThanOrEqual(150);
    const e = expectedReport(fx, new Set([0, 1, 2]), 2024);
    expect(e.requests.carried_from_last_year.total).toBeGreaterThan(0);
    expect(e.requests.carried_to_next_year.total).toBeGreaterThan(0);
    expect(e.reviews.reconsideration.pending).toBeGreaterThan(0);
    expect(e.fees.paidFen).toBeGreaterThan(0);
  });

  const scopes: [string, number, boolean, number[]][] = [];
  for (const year of [2023, 2024, 2025]) {
    scopes.push([`parent with subordinates, ${year}`, 0, true, [0, 1, 2]]);
    scopes.push([`parent alone, ${year}`, 0, false, [0]]);
    scopes.push([`a county agency, ${year}`, 1, false, [1]]);
  }
  it.each(scopes)(
    'matches the independently computed tables: %s',
    async (name, agency, subordinates, included) => {
      const year = Number(name.slice(-4));
      const report = await sut.compute({ agencyCode: codes[agency], year, subordinates });
      const expected = expectedReport(fx, new Set(included), year);
      expect(report.requests).toEqual(expected.requests);
      expect(report.reviews).toEqual(expected.reviews);
      expect(report.fees).toMatchObject({
        noticesIssued: expected.fees.notices,
        noticesAmountFen: expected.fees.noticesFen,
        paymentsReceivedFen: expected.fees.paidFen,
      });
      expect(report.onTime).toMatchObject({ answered: expected.answered, onTime: expected.onTime });
      expect(report.agency.included).toHaveLength(included.length);
    },
  );

  it('reports an unknown agency as not found', async () => {
    await expect(
      sut.compute({ agencyCode: 'NOPE-0', year: 2024, subordinates: false }),
    ).rejects.toMatchObject({
      code: 'AGENCY.NOT_FOUND',
    });
  });

  it('refuses a report over contradictory data and names the offending request', async () => {
    const { ids, codes: own } = await createAgencies(db, 'cn-ogi-2019', ['断言局']);
    const applicantId = await createApplicant(db);
    const tn = `${own[0]}-BROKEN`;
    await insertRequests(
      db,
      [
        {
          trackingNumber: `${own[0]}-OK`,
          agency: 0,
          applicantType: 'commercial',
          receivedOn: '2024-03-01',
          dueOn: '2024-03-29',
          outcome: 'disclosed',
          closedOn: '2024-03-10',
          feeNotice: null,
        },
        // An outcome without a date of conclusion: the request would vanish from 三 and 四 alike.
        {
          trackingNumber: tn,
          agency: 0,
          applicantType: 'research',
          receivedOn: '2024-05-06',
          dueOn: '2024-06-03',
          outcome: 'disclosed',
          closedOn: null,
          feeNotice: null,
        },
      ],
      ids,
      applicantId,
    );
    const attempt = sut.compute({ agencyCode: own[0], year: 2024, subordinates: false });
    await expect(attempt).rejects.toBeInstanceOf(ReportInconsistencyError);
    await expect(attempt).rejects.toThrow(tn);
  });

  it('detects a broken identity (concluded in the year without an outcome) and names the request', async () => {
    const { ids, codes: own } = await createAgencies(db, 'cn-ogi-2019', ['无结果局']);
    const applicantId = await createApplicant(db);
    const tn = `${own[0]}-NO-OUTCOME`;
    await insertRequests(
      db,
      [
        {
          trackingNumber: tn,
          agency: 0,
          applicantType: 'research',
          receivedOn: '2024-05-06',
          dueOn: '2024-06-03',
          outcome: null,
          closedOn: '2024-05-20',
          feeNotice: null,
        },
      ],
      ids,
      applicantId,
    );
    const error = await sut
      .compute({ agencyCode: own[0], year: 2024, subordinates: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInconsistencyError);
    const inconsistency = error as ReportInconsistencyError;
    expect(inconsistency.trackingNumbers).toEqual([tn]);
    expect(inconsistency.violations).toContain(
      'research: total_processed = 1 ≠ sum of the 21 outcome rows = 0',
    );
    expect(inconsistency.message).toContain(tn);
  });

  it('names a request concluded before it was received', async () => {
    const { ids, codes: own } = await createAgencies(db, 'cn-ogi-2019', ['倒序局']);
    const applicantId = await createApplicant(db);
    const tn = `${own[0]}-BACKWARDS`;
    const backwards = {
      trackingNumber: tn,
      agency: 0,
      applicantType: 'research',
      receivedOn: '2024-05-06',
      dueOn: '2024-06-03',
      outcome: 'disclosed',
      closedOn: '2023-12-20',
      feeNotice: null,
    };
    await insertRequests(db, [backwards], ids, applicantId);
    await expect(sut.compute({ agencyCode: own[0], year: 2024, subordinates: false })).rejects.toMatchObject({
      trackingNumbers: [tn],
    });
  });
});
