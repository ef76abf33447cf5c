import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { AnnualReport } from '../annual/annual-report.types';
import { reportDocument } from './annual-report.layout';
import { Grid } from './report-grid';

const FONT = 'SimSun';

function gridTable(grid: Grid): Table {
  const rows = grid.rows.map(
    (cells, i) =>
      new TableRow({
        tableHeader: i < grid.headerRows,
        children: cells.map(
          (c) =>
            new TableCell({
              columnSpan: c.colSpan,
              rowSpan: c.rowSpan,
              verticalAlign: VerticalAlign.CENTER,
              children: [
                new Paragraph({
                  alignment: c.header
                    ? AlignmentType.CENTER
                    : c.numeric
                      ? AlignmentType.RIGHT
                      : AlignmentType.LEFT,
                  children: [new TextRun({ text: c.text, bold: c.header, font: FONT, size: 18 })],
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The report as a Word document: title, preamble, sections, and the tables with merged header cells. */
export async function renderAnnualReportDocx(report: AnnualReport): Promise<Buffer> {
  const doc = reportDocument(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.title, font: FONT })],
    }),
    new Paragraph({ children: [new TextRun({ text: doc.preamble, font: FONT })] }),
  ];
  for (const s of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun({ text: s.heading, font: FONT })],
      }),
    );
    for (const p of s.paragraphs)
      children.push(new Paragraph({ children: [new TextRun({ text: p, font: FONT })] }));
    if (s.grid) children.push(gridTable(s.grid), new Paragraph({ children: [] }));
  }
  const document = new Document({ creator: 'Disclose', title: doc.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
