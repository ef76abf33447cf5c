import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isWorkingDay } from '@disclose/deadlines';
import { createDataSource } from '@disclose/database';
import { currentTestRun } from '@disclose/testing';
import { createAgencies, createApplicant, insertRequests } from '../annual/annual-report.fixture-loader';
import type { FixtureRequest } from '../annual/annual-report.fixture';
import { DojReportService } from './doj-report.service';

/**
 * Section VII of the DOJ report over FY2025 (2024-10-01 to 2025-09-30) for a us-foia agency and the one
 * below it, a handful of requests per track. The parent has local closures on its calendar page
 * (2025-03-05, 2025-09-10), the child none: every day count below is written out by hand on the
 * 5 U.S.C. 6103 calendar, with the parent's closures off for the parent's requests only.
 */
describe(DojReportService.name, () => {
  let db: DataSource;
  let sut: DojReportService;

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 2 }, 'doj-test');
    await db.initialize();
    sut = new DojReportService(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('reports VII.A–E by track, in working days on each agency’s calendar', async () => {
    // The closures are ordinary federal working days: only the overrides take them off.
    for (const d of ['2025-03-05', '2025-09-10', '2024-12-24']) expect(isWorkingDay('us-foia', d)).toBe(true);
    for (const d of ['2024-11-11', '2024-11-28', '2025-01-20', '2025-02-17', '2025-09-01'])
      expect(isWorkingDay('us-foia', d)).toBe(false);

    const { ids, codes } = await createAgencies(db, 'us-foia', ['DOJ test parent', 'DOJ test child']);
    const applicant = await createApplicant(db);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const rows: Array<[string, FixtureRequest, string | null]> = [];
    const add = (key: string, track: string | null, r: Partial<FixtureRequest>): void => {
      rows.push([
        key,
        {
          trackingNumber: `DJ${tag}-${key}`,
          agency: 0,
          applicantType: 'natural_person',
          receivedOn: '2025-03-03',
          dueOn: '2025-03-31',
          outcome: null,
          closedOn: null,
          feeNotice: null,
          ...r,
        },
        track,
      ]);
    };
    // Simple (S3 has no track set: simple by default).
    add('S1', 'simple', { outcome: 'disclosed', closedOn: '2025-03-10' }); // 4-7, 10 Mar less the 5th: 4
    add('S2', 'simple', { outcome: 'withheld.state_secret', closedOn: '2025-03-31' }); // 4-7, 10-14, 17-21, 24-28, 31 Mar = 20, less the 5th: 19
    add('S3', null, {
      receivedOn: '2025-06-02',
      dueOn: '2025-06-30',
      outcome: 'disclosed',
      closedOn: '2025-06-09',
    }); // 5
    // Complex.
    add('C1', 'complex', {
      receivedOn: '2025-01-02',
      dueOn: '2025-01-31',
      outcome: 'partially_disclosed',
      closedOn: '2025-03-14',
    }); // Jan 20 + Feb 19 + Mar 3-14 (10 less the 5th) = 48
    add('C2', 'complex', {
      receivedOn: '2024-11-01',
      dueOn: '2024-12-03',
      outcome: 'unavailable.not_held',
      closedOn: '2025-01-31',
    }); // Nov 18 + Dec 21 + Jan 21 = 60
    // Expedited: the same dates at the parent (5 March off) and at the child.
    add('E1', 'expedited', { receivedOn: '2025-03-04', outcome: 'disclosed', closedOn: '2025-03-07' }); // 6, 7: 2
    add('E2', 'expedited', {
      agency: 1,
      receivedOn: '2025-03-04',
      outcome: 'disclosed',
      closedOn: '2025-03-07',
    }); // 3
    // Pending on 30 September 2025.
    add('P1', null, { receivedOn: '2025-09-02', dueOn: '2025-09-30' }); // Sep 3-30: 20 less the 10th: 19
    add('P2', 'complex', { receivedOn: '2025-08-01', dueOn: '2025-08-29' }); // Aug 20 + Sep 21 less the 10th: 40
    add('P3', 'complex', { agency: 1, receivedOn: '2025-09-02', dueOn: '2025-09-30' }); // 20
    add('P4', 'simple', {
      receivedOn: '2025-09-15',
      dueOn: '2025-10-14',
      outcome: 'disclosed',
      closedOn: '2025-10-10',
    }); // closed after the year: 16-19, 22-26, 29-30 = 11
    // Concluded in FY2024: in no table.
    add('OLD', 'complex', {
      receivedOn: '2024-09-03',
      dueOn: '2024-10-01',
      outcome: 'disclosed',
      closedOn: '2024-09-20',
    });
    await insertRequests(
      db,
      rows.map(([, r]) => r),
      ids,
      applicant,
      'us-foia',
    );
    for (const [, r, track] of rows) {
      if (track)
        await db.query(`UPDATE requests SET processing_track = $2 WHERE tracking_number = $1`, [
          r.trackingNumber,
          track,
        ]);
    }
    await db.query(
      `INSERT INTO calendar_overrides (agency_id, date, kind, note) VALUES
         ($1, '2025-03-05', 'holiday', 'Local closure'), ($1, '2025-09-10', 'holiday', 'Local closure')`,
      [ids[0]],
    );

    const report = await sut.compute(codes[0], 2025, true);

    expect(report.requests).toEqual({ pendingStart: 0, received: 11, processed: 7, pendingEnd: 4 });
    expect(report.responseTimes).toEqual({
      unit: 'working_days',
      simple: { median: 5, average: 9.33, lowest: 4, highest: 19 },
      complex: { median: 54, average: 54, lowest: 48, highest: 60 },
      expedited: { median: 2.5, average: 2.5, lowest: 2, highest: 3 },
    });
    // Granted = full and partial grants: S1, S3; C1; E1, E2.
    expect(report.grantedResponseTimes).toEqual({
      unit: 'working_days',
      simple: { median: 4.5, average: 4.5, lowest: 4, highest: 5 },
      complex: { median: 48, average: 48, lowest: 48, highest: 48 },
      expedited: { median: 2.5, average: 2.5, lowest: 2, highest: 3 },
    });
    const nonZero = (bands: Record<string, number>) => Object.entries(bands).filter(([, n]) => n > 0);
    expect(nonZero(report.responseTimeBands.simple)).toEqual([['1-20', 3]]);
    expect(nonZero(report.responseTimeBands.complex)).toEqual([['41-60', 2]]);
    expect(nonZero(report.responseTimeBands.expedited)).toEqual([['1-20', 2]]);
    expect(report.pendingByTrack).toEqual({
      unit: 'working_days',
      simple: { number: 2, median: 15, average: 15 },
      complex: { number: 2, median: 30, average: 30 },
      expedited: { number: 0, median: null, average: null },
    });
    expect(report.oldestPending).toEqual([
      { trackingNumber: `DJ${tag}-P2`, agency: codes[0], receivedOn: '2025-08-01', daysPending: 40 },
      { trackingNumber: `DJ${tag}-P1`, agency: codes[0], receivedOn: '2025-09-02', daysPending: 19 },
      { trackingNumber: `DJ${tag}-P3`, agency: codes[1], receivedOn: '2025-09-02', daysPending: 20 },
      { trackingNumber: `DJ${tag}-P4`, agency: codes[0], receivedOn: '2025-09-15', daysPending: 11 },
    ]);

    // The child alone: its own calendar (no closures), E2 and P3 only.
    const child = await sut.compute(codes[1], 2025, false);
    expect(child.responseTimes.expedited).toEqual({ median: 3, average: 3, lowest: 3, highest: 3 });
    expect(child.pendingByTrack.complex).toEqual({ number: 1, median: 20, average: 20 });
  });
});
