import ExcelJS from 'exceljs';
import { DOJ_DISPOSITION_OF, DOJ_DISPOSITIONS, DojAnnualReport } from './doj-report';
import { renderDojReportXlsx } from './doj-report.xlsx';
import { OUTCOME_CODES } from '@disclose/domain';

describe(renderDojReportXlsx.name, () => {
  it('maps every one of the 21 outcome codes to a V.B(1) category', () => {
    for (const o of OUTCOME_CODES) expect(DOJ_DISPOSITIONS).toContain(DOJ_DISPOSITION_OF[o.code]);
  });

  it('writes V.A, V.B(1), VII.A and XII.A sheets with the figures', async () => {
    const dispositions = Object.fromEntries(
      [...DOJ_DISPOSITIONS, 'total'].map((d) => [d, 0]),
    ) as DojAnnualReport['dispositions'];
    dispositions.full_grants = 7;
    dispositions.total = 7;
    const report: DojAnnualReport = {
      fiscalYear: 2025,
      period: { from: '2024-10-01', to: '2025-09-30' },
      agency: { code: 'DOI', nameEn: 'Department of Examples', nameZh: '示例部', included: ['DOI'] },
      requests: { pendingStart: 3, received: 10, processed: 7, pendingEnd: 6 },
      dispositions,
      responseTimes: {
        track: 'all',
        unit: 'working_days',
        median: 12,
        average: 13.5,
        lowest: 2,
        highest: 40,
      },
      backlog: { backloggedRequests: 2 },
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDojReportXlsx(report)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['V.A', 'V.B(1)', 'VII.A', 'XII.A']);
    expect((wb.getWorksheet('V.A') as ExcelJS.Worksheet).getRow(4).values).toEqual([
      undefined,
      'Department of Examples',
      3,
      10,
      7,
      6,
    ]);
    expect((wb.getWorksheet('V.B(1)') as ExcelJS.Worksheet).getCell('B4').value).toBe(7);
    expect((wb.getWorksheet('VII.A') as ExcelJS.Worksheet).getCell('C4').value).toBe(12);
    expect((wb.getWorksheet('XII.A') as ExcelJS.Worksheet).getCell('B4').value).toBe(2);
  });
});
