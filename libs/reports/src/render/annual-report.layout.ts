import { APPLICANT_TYPES, OUTCOME_CODES, OUTCOME_GROUPS } from '@disclose/domain';
import { AnnualReport, REPORT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../annual/annual-report.types';
import { Grid, GridCell, head, num } from './report-grid';

/** Table 1 (B.3, 2021 layout): blocks, their column headers, and rows with stable codes. */
export const TABLE1_LAYOUT = [
  {
    block: '第二十条第（一）项',
    columns: [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['in_force', '现行有效件数'],
    ],
    rows: [
      ['regulations', '规章'],
      ['normative_documents', '行政规范性文件'],
    ],
  },
  {
    block: '第二十条第（五）项',
    columns: [['decisions', '本年处理决定数量']],
    rows: [['licensing', '行政许可']],
  },
  {
    block: '第二十条第（六）项',
    columns: [['decisions', '本年处理决定数量']],
    rows: [
      ['penalty', '行政处罚'],
      ['enforcement', '行政强制'],
    ],
  },
  {
    block: '第二十条第（八）项',
    columns: [['amount_wan', '本年收费金额（单位：万元）']],
    rows: [['fees', '行政事业性收费']],
  },
] as const;

/** Every (row, column) code pair table 1 accepts. */
export const TABLE1_CELLS: ReadonlyMap<string, readonly string[]> = new Map(
  TABLE1_LAYOUT.flatMap((b) =>
    b.rows.map(([row]) => [row, b.columns.map(([col]) => col)] as [string, string[]]),
  ),
);

export function table1Grid(report: AnnualReport): Grid {
  const rows: GridCell[][] = [];
  for (const b of TABLE1_LAYOUT) {
    rows.push([head(b.block, 4)]);
    const span = 3 / b.columns.length;
    rows.push([head('信息内容'), ...b.columns.map(([, label]) => head(label, span))]);
    for (const [code, label] of b.rows) {
      rows.push([
        { text: label },
        ...b.columns.map(([col]) => ({ ...num(report.table1[code]?.[col]), colSpan: span })),
      ]);
    }
  }
  return { columns: 4, rows, headerRows: 0 };
}

const LEFT_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 2 (B.4): 申请人情况 over 自然人 / 法人或其他组织 (five sub-columns, no 小计) / 总计. */
export function table2Grid(report: AnnualReport): Grid {
  const t = report.requests;
  const figures = (code: string): GridCell[] => REPORT_COLUMNS.map((c) => num(t[code][c]));
  const label = (text: string): GridCell[] => [{ text, colSpan: 8 }];
  const rows: GridCell[][] = [
    [head(LEFT_CAPTION, 1, 3), head('申请人情况', 7)],
    [head('自然人', 1, 2), head('法人或其他组织', 5), head('总计', 1, 2)],
    APPLICANT_TYPES.slice(1).map((a) => head(a.zh)),
    [{ text: '一、本年新收政府信息公开申请数量' }, ...figures('new_this_year')],
    [{ text: '二、上年结转政府信息公开申请数量' }, ...figures('carried_from_last_year')],
    label('三、本年度办理结果'),
  ];
  for (const group of OUTCOME_GROUPS) {
    const members = OUTCOME_CODES.filter((o) => o.group === group.code);
    // Groups (三)…(六) are label rows over their numbered rows; the official format has no subtotal row.
    if (members.length > 1) rows.push(label(group.zh));
    for (const o of members) rows.push([{ text: o.zh }, ...figures(o.code)]);
  }
  rows.push([{ text: '（七）总计' }, ...figures('total_processed')]);
  rows.push([{ text: '四、结转下年度继续办理' }, ...figures('carried_to_next_year')]);
  return { columns: 8, rows, headerRows: 3 };
}

const REVIEW_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Table 3 (B.5): 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five leaf columns each. */
export function table3Grid(report: AnnualReport): Grid {
  const leaves = REVIEW_COLUMNS.map((c) => head(REVIEW_LABELS[c]));
  return {
    columns: 15,
    headerRows: 3,
    rows: [
      [head('行政复议', 5, 2), head('行政诉讼', 10)],
      [head('未经复议直接起诉', 5), head('复议后起诉', 5)],
      [...leaves, ...leaves, ...leaves],
      REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => num(report.reviews[g][c]))),
    ],
  };
}

/** The document: title, preamble, then the six sections with their tables (B.2). */
export interface ReportDocument {
  title: string;
  preamble: string;
  sections: { heading: string; paragraphs: string[]; grid?: Grid; caption?: string }[];
}

export function reportDocument(report: AnnualReport): ReportDocument {
  const y = report.year;
  const s = report.sections;
  const para = (text: string | undefined): string[] =>
    text ? text.split(/\n+/).filter((p) => p.trim() !== '') : [];
  return {
    title: `${report.agency.nameZh}${y}年政府信息公开工作年度报告`,
    preamble: `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    sections: [
      { heading: '一、总体情况', paragraphs: para(s.overview) },
      { heading: '二、主动公开政府信息情况', paragraphs: para(s.proactive), grid: table1Grid(report) },
      {
        heading: '三、收到和处理政府信息公开申请情况',
        paragraphs: para(s.requests),
        grid: table2Grid(report),
      },
      {
        heading: '四、政府信息公开行政复议、行政诉讼情况',
        paragraphs: para(s.reviews),
        grid: table3Grid(report),
      },
      { heading: '五、存在的主要问题及改进情况', paragraphs: para(s.problems) },
      { heading: '六、其他需要报告的事项', paragraphs: para(s.other) },
    ],
  };
}
