import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AnnualReport, emptyTable2, emptyTable3 } from '../annual/annual-report.types';
import { prefillSections } from '../annual/prefill';
import { renderAnnualReportDocx } from './annual-report.docx';
import { renderAnnualReportHtml } from './annual-report.html';
import { renderAnnualReportXlsx } from './annual-report.xlsx';

function sampleReport(): AnnualReport {
  const requests = emptyTable2();
  const set = (row: string, col: string, n: number): void => {
    requests[row][col] = n;
    requests[row].total += n;
  };
  set('new_this_year', 'natural_person', 37);
  set('new_this_year', 'legal_services', 5);
  set('carried_from_last_year', 'natural_person', 4);
  set('disclosed', 'natural_person', 29);
  set('withheld.state_secret', 'legal_services', 3);
  set('total_processed', 'natural_person', 29);
  set('total_processed', 'legal_services', 3);
  set('carried_to_next_year', 'natural_person', 12);
  set('carried_to_next_year', 'legal_services', 2);
  const reviews = emptyTable3();
  reviews.litigation_direct.corrected = 6;
  reviews.litigation_direct.total = 6;
  const base = {
    year: 2025,
    agency: {
      id: 'x',
      code: 'PLGT',
      nameZh: '平凉市国土资源局',
      nameEn: null,
      ruleSet: 'cn-ogi-2019',
      subordinates: false,
      included: ['PLGT'],
    },
    requests,
    reviews,
    fees: {
      noticesIssued: 2,
      noticesAmountFen: 12345,
      paymentsReceivedFen: 10000,
      noticesAmountYuan: '123.45',
      paymentsReceivedYuan: '100.00',
    },
    onTime: { answered: 32, onTime: 31, late: 1, rate: 0.9688 },
    table1: { regulations: { issued: 7, repealed: 1, in_force: 58 } },
  };
  return { ...base, sections: prefillSections(base, { overview: '本机关认真贯彻落实条例。' }) };
}

describe('annual report outputs', () => {
  const report = sampleReport();

  it('lays out the HTML like the official tables: spanning headers, group label rows, no subtotal rows', () => {
    const html = renderAnnualReportHtml(report);
    expect(html).toContain('<th colspan="7">申请人情况</th>');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toContain('<td colspan="8">（三）不予公开</td>');
    expect(html).toContain('<td>1.属于国家秘密</td><td class="n">0</td>');
    expect(html).not.toContain('小计');
    expect(html).toContain('<th colspan="5" rowspan="2">行政复议</th>');
    expect(html).toContain(
      '本年共收到政府信息公开申请42件，本年答复32件，其中按期答复31件，结转下年度继续办理14件。',
    );
    expect(html).toContain('平凉市国土资源局2025年政府信息公开工作年度报告');
  });

  it('writes an XLSX that exceljs reads back, with the figures and merged header cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderAnnualReportXlsx(report)) as never);
    const t2 = wb.getWorksheet('表二 收到和处理申请') as ExcelJS.Worksheet;
    expect(t2.getCell('B3').value).toBe('申请人情况');
    expect(t2.getCell('H3').isMerged).toBe(true);
    expect(t2.getCell('C4').value).toBe('法人或其他组织');
    const newRow = t2.getRow(6);
    expect(newRow.getCell(1).value).toBe('一、本年新收政府信息公开申请数量');
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => newRow.getCell(c).value)).toEqual([37, 0, 0, 0, 5, 0, 42]);
    const t3 = wb.getWorksheet('表三 复议诉讼') as ExcelJS.Worksheet;
    expect(t3.getCell('G6').value).toBe(6);
    const t1 = wb.getWorksheet('表一 主动公开') as ExcelJS.Worksheet;
    expect(t1.getCell('D5').value).toBe(58);
  });

  it('writes a DOCX whose document.xml holds the tables, merged cells and figures', async () => {
    const zip = await JSZip.loadAsync(await renderAnnualReportDocx(report));
    const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
    expect(xml).toContain('申请人情况');
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('2.没有现成信息需要另行制作');
    expect(xml).toContain('>42<');
    expect(xml).toContain('本年发出收费通知2件，总金额123.45元；实际收取信息处理费100.00元。');
  });
});
