import ExcelJS from 'exceljs';
import { AnnualReport } from '../annual/annual-report.types';
import { reportDocument } from './annual-report.layout';
import { Grid, placeCells } from './report-grid';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes `grid` at `top` (1-based row) with merged cells; returns the next free row. */
export function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, top: number): number {
  for (const p of placeCells(grid)) {
    const r = top + p.row;
    const c = 1 + p.col;
    const cell = sheet.getCell(r, c);
    cell.value = p.cell.numeric && p.cell.text !== '' ? Number(p.cell.text) : p.cell.text;
    cell.alignment = {
      horizontal: p.cell.header ? 'center' : p.cell.numeric ? 'right' : 'left',
      vertical: 'middle',
      wrapText: true,
    };
    if (p.cell.header) cell.font = { bold: true };
    for (let rr = r; rr < r + p.rowSpan; rr++) {
      for (let cc = c; cc < c + p.colSpan; cc++) sheet.getCell(rr, cc).border = BORDER;
    }
    if (p.rowSpan > 1 || p.colSpan > 1) sheet.mergeCells(r, c, r + p.rowSpan - 1, c + p.colSpan - 1);
  }
  return top + grid.rows.length + 1;
}

/** The report as an XLSX workbook: one sheet per table plus one with the text, in Chinese. */
export async function renderAnnualReportXlsx(report: AnnualReport): Promise<Buffer> {
  const doc = reportDocument(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Disclose';
  const text = wb.addWorksheet('报告正文');
  text.getColumn(1).width = 120;
  text.addRow([doc.title]).font = { bold: true, size: 14 };
  text.addRow([doc.preamble]);
  for (const s of doc.sections) {
    text.addRow([s.heading]).font = { bold: true };
    for (const p of s.paragraphs) text.addRow([p]).alignment = { wrapText: true };
  }
  const tables: [string, number][] = [
    ['表一 主动公开', 1],
    ['表二 收到和处理申请', 2],
    ['表三 复议诉讼', 3],
  ];
  for (const [name, index] of tables) {
    const section = doc.sections[index];
    const sheet = wb.addWorksheet(name);
    sheet.getCell(1, 1).value = section.heading;
    sheet.getCell(1, 1).font = { bold: true };
    const grid = section.grid as Grid;
    writeGrid(sheet, grid, 3);
    sheet.getColumn(1).width = index === 2 ? 48 : 16;
    for (let c = 2; c <= grid.columns; c++) sheet.getColumn(c).width = 12;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
