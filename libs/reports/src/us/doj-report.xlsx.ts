import ExcelJS from 'exceljs';
import { DOJ_DISPOSITIONS, DojAnnualReport } from './doj-report';
import { DOJ_DAY_BANDS, DOJ_TRACKS, type DojTrack } from './doj-tracks';

const LABELS: Record<string, string> = {
  full_grants: 'Number of Full Grants',
  partial_grants_partial_denials: 'Number of Partial Grants/Partial Denials',
  full_denials_based_on_exemptions: 'Number of Full Denials Based on Exemptions',
  no_records: 'No Records',
  all_records_referred: 'All Records Referred to Another Component or Agency',
  request_withdrawn: 'Request Withdrawn',
  fee_related_reason: 'Fee-Related Reason',
  records_not_reasonably_described: 'Records not Reasonably Described',
  improper_foia_request_other_reason: 'Improper FOIA Request for Other Reason',
  not_agency_record: 'Not Agency Record',
  duplicate_request: 'Duplicate Request',
  other: 'Other',
  total: 'TOTAL',
};

function table(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  rows: (string | number | null)[][],
): void {
  const sheet = wb.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([]);
  const h = sheet.addRow(header);
  h.font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 22));
}

const TRACK_NAMES: Record<DojTrack, string> = {
  simple: 'Simple',
  complex: 'Complex',
  expedited: 'Expedited Processing',
};

/** The DOJ core tables (us.md E.7), one sheet each, in the template's wording. */
export async function renderDojReportXlsx(r: DojAnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Disclose';
  const agency = r.agency.nameEn ?? r.agency.code;
  table(
    wb,
    'V.A',
    `V.A. FOIA Requests — Received, Processed and Pending (FY${r.fiscalYear}, ${r.period.from} to ${r.period.to})`,
    [
      'Agency',
      'Number of Requests Pending as of Start of Fiscal Year',
      'Number of Requests Received in Fiscal Year',
      'Number of Requests Processed in Fiscal Year',
      'Number of Requests Pending as of End of Fiscal Year',
    ],
    [[agency, r.requests.pendingStart, r.requests.received, r.requests.processed, r.requests.pendingEnd]],
  );
  table(
    wb,
    'V.B(1)',
    'V.B.(1). Disposition of FOIA Requests — All Processed Requests',
    ['Agency', ...[...DOJ_DISPOSITIONS, 'total'].map((d) => LABELS[d])],
    [[agency, ...[...DOJ_DISPOSITIONS, 'total' as const].map((d) => r.dispositions[d])]],
  );
  const timesHeader = DOJ_TRACKS.flatMap((k) =>
    ['Median', 'Average', 'Lowest', 'Highest'].map((f) => `${TRACK_NAMES[k]} — ${f} Number of Days`),
  );
  const timesRow = (t: DojAnnualReport['responseTimes']) =>
    DOJ_TRACKS.flatMap((k) => [t[k].median, t[k].average, t[k].lowest, t[k].highest]);
  table(
    wb,
    'VII.A',
    'VII.A. FOIA Requests — Response Time for All Processed Perfected Requests (working days)',
    ['Agency', ...timesHeader],
    [[agency, ...timesRow(r.responseTimes)]],
  );
  table(
    wb,
    'VII.B',
    'VII.B. Processed Requests — Response Time for Perfected Requests in Which Information Was Granted (working days)',
    ['Agency', ...timesHeader],
    [[agency, ...timesRow(r.grantedResponseTimes)]],
  );
  table(
    wb,
    'VII.C',
    'VII.C. Processed Requests — Response Times in Day Increments (working days)',
    ['Agency', 'Track', ...DOJ_DAY_BANDS.map((b) => `${b} Days`)],
    DOJ_TRACKS.map((k) => [agency, TRACK_NAMES[k], ...DOJ_DAY_BANDS.map((b) => r.responseTimeBands[k][b])]),
  );
  table(
    wb,
    'VII.D',
    'VII.D. Pending Requests — All Pending Perfected Requests (working days pending at the end of the fiscal year)',
    [
      'Agency',
      ...DOJ_TRACKS.flatMap((k) =>
        ['Number Pending', 'Median Number of Days', 'Average Number of Days'].map(
          (f) => `${TRACK_NAMES[k]} — ${f}`,
        ),
      ),
    ],
    [
      [
        agency,
        ...DOJ_TRACKS.flatMap((k) => [
          r.pendingByTrack[k].number,
          r.pendingByTrack[k].median,
          r.pendingByTrack[k].average,
        ]),
      ],
    ],
  );
  table(
    wb,
    'VII.E',
    'VII.E. Pending Requests — Ten Oldest Pending Perfected Requests',
    ['Rank', 'Request', 'Agency', 'Date of Receipt', 'Number of Days Pending'],
    r.oldestPending.map((o, i) => [i + 1, o.trackingNumber, o.agency, o.receivedOn, o.daysPending]),
  );
  table(
    wb,
    'XII.A',
    'XII.A. Backlogs of FOIA Requests',
    ['Agency', 'Number of Backlogged Requests as of End of the Fiscal Year'],
    [[agency, r.backlog.backloggedRequests]],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
