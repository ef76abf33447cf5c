import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isWorkingDay } from '@disclose/deadlines';
import { createDataSource } from '@disclose/database';
import { currentTestRun } from '@disclose/testing';
import { createAgencies, createApplicant, insertRequests } from '../annual/annual-report.fixture-loader';
import type { FixtureRequest } from '../annual/annual-report.fixture';
import { StatsService } from './stats.service';

/**
 * Working-day figures follow each agency's calendar (its overrides, as the due dates did): days to answer
 * and days overdue of a parent agency with a local holiday differ from those of its child agency without
 * one, on the same dates.
 */
describe(StatsService.name, () => {
  let db: DataSource;
  let sut: StatsService;

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 2 }, 'stats-test');
    await db.initialize();
    sut = new StatsService(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('counts days to answer and days overdue in working days on the agency calendar', async () => {
    // Plain working days on the official calendar: the overrides below are what changes the counts.
    for (const d of ['2025-03-05', '2025-06-10']) expect(isWorkingDay('cn-ogi-2019', d)).toBe(true);
    expect(isWorkingDay('cn-ogi-2019', '2025-03-08')).toBe(false);

    const { ids, codes } = await createAgencies(db, 'cn-ogi-2019', ['统计市局', '统计县局']);
    const [parent] = ids;
    const applicant = await createApplicant(db);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const request = (agency: number, n: number, r: Partial<FixtureRequest>): FixtureRequest => ({
      trackingNumber: `ST${tag}-2025-${agency}${n}`,
      agency,
      applicantType: 'natural_person',
      receivedOn: '2025-03-03',
      dueOn: '2025-03-31',
      outcome: null,
      closedOn: null,
      feeNotice: null,
      ...r,
    });
    const requests = [0, 1].flatMap((agency) => [
      // Received Monday 3 March, answered Monday 10 March: 5 working days on the official calendar.
      request(agency, 1, { outcome: 'disclosed', closedOn: '2025-03-10' }),
      // Due Monday 2 June, still open on Friday 13 June: 9 working days overdue (11 calendar days).
      request(agency, 2, { receivedOn: '2025-05-06', dueOn: '2025-06-02' }),
    ]);
    await insertRequests(db, requests, ids, applicant);
    // The parent's calendar page: a local holiday on each of those stretches, and a Saturday worked.
    await db.query(
      `INSERT INTO calendar_overrides (agency_id, date, kind, note) VALUES
         ($1, '2025-03-05', 'holiday', '地方假日'), ($1, '2025-03-08', 'workday', '补班'),
         ($1, '2025-03-06', 'holiday', '地方假日'), ($1, '2025-06-10', 'holiday', '地方假日')`,
      [parent],
    );

    const stats = await sut.compute(codes[0], '2025-01-01', '2025-06-13');

    const byAgency = new Map(stats.byAgency.map((a) => [a.agency, a]));
    // Parent: 4 Mar, 7 Mar, Sat 8 Mar (worked), 10 Mar = 4; child: 4-7 Mar and 10 Mar = 5.
    expect(byAgency.get(codes[0])).toMatchObject({ answered: 1, medianDaysToAnswer: 4 });
    expect(byAgency.get(codes[1])).toMatchObject({ answered: 1, medianDaysToAnswer: 5 });
    expect(stats.totals).toMatchObject({ answered: 2, open: 2, overdue: 2 });
    expect(stats.daysOverdueUnit).toBe('working_days');
    const overdue = new Map(stats.mostOverdue.map((o) => [o.agency, o.daysOverdue]));
    expect(overdue.get(codes[0])).toBe(8); // 3-6 and 9, 11-13 June: the local holiday on the 10th is off
    expect(overdue.get(codes[1])).toBe(9);
    expect(stats.mostOverdue.every((o) => o.dueOn === '2025-06-02')).toBe(true);
  });

  it('follows the agency’s 调休 setting: a make-up Saturday counts only where the agency counts it', async () => {
    // 2025-02-08 (Saturday) is an official make-up workday after the Spring Festival.
    expect(isWorkingDay('cn-ogi-2019', '2025-02-08')).toBe(true);
    expect(isWorkingDay('cn-ogi-2019', '2025-02-08', undefined, { countMakeupWorkdays: false })).toBe(false);
    const { ids, codes } = await createAgencies(db, 'cn-ogi-2019', ['调休市局', '不调休县局']);
    await db.query(`UPDATE agencies SET count_makeup_workdays = false WHERE id = $1`, [ids[1]]);
    const applicant = await createApplicant(db);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    await insertRequests(
      db,
      [0, 1].map((agency) => ({
        trackingNumber: `SM${tag}-2025-${agency}`,
        agency,
        applicantType: 'natural_person',
        // Friday 7 February to Monday 10 February: Saturday 8th (make-up) and Monday 10th.
        receivedOn: '2025-02-07',
        dueOn: '2025-03-10',
        outcome: 'disclosed',
        closedOn: '2025-02-10',
        feeNotice: null,
      })),
      ids,
      applicant,
    );
    const stats = await sut.compute(codes[0], '2025-01-01', '2025-03-31');
    const byAgency = new Map(stats.byAgency.map((a) => [a.agency, a.medianDaysToAnswer]));
    expect(byAgency.get(codes[0])).toBe(2);
    expect(byAgency.get(codes[1])).toBe(1);
  });
});
