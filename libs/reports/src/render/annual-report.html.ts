import { AnnualReport } from '../annual/annual-report.types';
import { reportDocument } from './annual-report.layout';
import { Grid } from './report-grid';

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function gridHtml(grid: Grid): string {
  const rows = grid.rows.map((cells, i) => {
    const tag = i < grid.headerRows ? 'th' : 'td';
    const tds = cells.map((c) => {
      const attrs = [
        c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
        c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
        c.numeric ? ' class="n"' : '',
      ].join('');
      return `<${c.header ? 'th' : tag}${attrs}>${escape(c.text)}</${c.header ? 'th' : tag}>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table>\n${rows.join('\n')}\n</table>`;
}

/** The report as one self-contained HTML page, tables laid out like the official format. */
export function renderAnnualReportHtml(report: AnnualReport): string {
  const doc = reportDocument(report);
  const body = doc.sections
    .map((s) =>
      [
        `<h2>${escape(s.heading)}</h2>`,
        ...s.paragraphs.map((p) => `<p>${escape(p)}</p>`),
        s.grid ? gridHtml(s.grid) : '',
      ].join('\n'),
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(doc.title)}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; max-width: 60rem; margin: 2rem auto; line-height: 1.7; }
h1 { text-align: center; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #000; padding: 0.25rem 0.4rem; }
th { font-weight: bold; text-align: center; }
td.n { text-align: right; }
</style>
</head>
<body>
<h1>${escape(doc.title)}</h1>
<p>${escape(doc.preamble)}</p>
${body}
</body>
</html>
`;
}
