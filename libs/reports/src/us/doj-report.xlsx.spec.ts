import ExcelJS from 'exceljs';
import { DOJ_DISPOSITION_OF, DOJ_DISPOSITIONS, DojAnnualReport } from './doj-report';
import { renderDojReportXlsx } from './doj-report.xlsx';
import { DOJ_DAY_BANDS, type DojDayBand } from './doj-tracks';
import { OUTCOME_CODES } from '@disclose/domain';

describe(renderDojReportXlsx.name, () => {
  it('maps every one of the 21 outcome codes to a V.B(1) category', () => {
    for (const o of OUTCOME_CODES) expect(DOJ_DISPOSITIONS).toContain(DOJ_DISPOSITION_OF[o.code]);
  });

  it('writes V.A, V.B(1), VII.A–E and XII.A sheets with the figures, section VII by track', async () => {
    const dispositions = Object.fromEntries(
      [...DOJ_DISPOSITIONS, 'total'].map((d) => [d, 0]),
    ) as DojAnnualReport['dispositions'];
    dispositions.full_grants = 7;
    dispositions.total = 7;
    const bands = Object.fromEntries(DOJ_DAY_BANDS.map((b) => [b, 0])) as Record<DojDayBand, number>;
    const report: DojAnnualReport = {
      fiscalYear: 2025,
      period: { from: '2024-10-01', to: '2025-09-30' },
      agency: { code: 'DOI', nameEn: 'Department of Examples', nameZh: '示例部', included: ['DOI'] },
      requests: { pendingStart: 3, received: 10, processed: 7, pendingEnd: 6 },
      dispositions,
      responseTimes: {
        unit: 'working_days',
        simple: { median: 12, average: 13.5, lowest: 2, highest: 40 },
        complex: { median: 60, average: 61, lowest: 45, highest: 80 },
        expedited: { median: null, average: null, lowest: null, highest: null },
      },
      grantedResponseTimes: {
        unit: 'working_days',
        simple: { median: 10, average: 10, lowest: 10, highest: 10 },
        complex: { median: null, average: null, lowest: null, highest: null },
        expedited: { median: null, average: null, lowest: null, highest: null },
      },
      responseTimeBands: {
        unit: 'working_days',
        simple: { ...bands, '1-20': 4, '21-40': 1 },
        complex: { ...bands, '41-60': 1, '61-80': 1 },
        expedited: bands,
      },
      pendingByTrack: {
        unit: 'working_days',
        simple: { number: 4, median: 30.5, average: 31 },
        complex: { number: 2, median: 200, average: 200 },
        expedited: { number: 0, median: null, average: null },
      },
      oldestPending: [
        { trackingNumber: 'DOI-2024-1', agency: 'DOI', receivedOn: '2024-03-01', daysPending: 210 },
        { trackingNumber: 'DOI-2024-7', agency: 'DOI', receivedOn: '2024-05-01', daysPending: 190 },
      ],
      backlog: { backloggedRequests: 2 },
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDojReportXlsx(report)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'V.A',
      'V.B(1)',
      'VII.A',
      'VII.B',
      'VII.C',
      'VII.D',
      'VII.E',
      'XII.A',
    ]);
    expect((wb.getWorksheet('V.A') as ExcelJS.Worksheet).getRow(4).values).toEqual([
      undefined,
      'Department of Examples',
      3,
      10,
      7,
      6,
    ]);
    expect((wb.getWorksheet('V.B(1)') as ExcelJS.Worksheet).getCell('B4').value).toBe(7);
    const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
    // Agency, then median/average/lowest/highest of simple, complex, expedited.
    expect(sheet('VII.A').getRow(3).getCell(6).value).toBe('Complex — Median Number of Days');
    expect(sheet('VII.A').getRow(4).values).toEqual([
      undefined,
      'Department of Examples',
      12,
      13.5,
      2,
      40,
      60,
      61,
      45,
      80,
    ]);
    expect(sheet('VII.B').getCell('B4').value).toBe(10);
    expect(sheet('VII.C').getRow(5).values).toEqual([
      undefined,
      'Department of Examples',
      'Complex',
      0,
      0,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(sheet('VII.D').getRow(4).values).toEqual([
      undefined,
      'Department of Examples',
      4,
      30.5,
      31,
      2,
      200,
      200,
      0,
    ]);
    expect(sheet('VII.E').getRow(5).values).toEqual([undefined, 2, 'DOI-2024-7', 'DOI', '2024-05-01', 190]);
    expect((wb.getWorksheet('XII.A') as ExcelJS.Worksheet).getCell('B4').value).toBe(2);
  });
});
