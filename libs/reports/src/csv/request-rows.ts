import { CHANNELS, isApplicantType, isChannel, isOutcomeCode } from '@disclose/domain';
import { CsvProblem, CsvRecord, isCivilDate } from './csv-file';

/** Columns of the requests CSV (issue 7 item 4). */
export const REQUEST_CSV_COLUMNS = [
  'tracking_number',
  'agency_code',
  'applicant_type',
  'channel',
  'received_on',
  'outcome',
  'closed_on',
] as const;

export interface RequestImportRow {
  line: number;
  trackingNumber: string;
  agencyCode: string;
  applicantType: string;
  channel: string;
  receivedOn: string;
  outcome: string | null;
  closedOn: string | null;
}

/** Field checks of one line (agency codes are checked against the database by the importer). */
export function validateRequestRecord(
  rec: CsvRecord,
  today: string,
): { row?: RequestImportRow; problems: CsvProblem[] } {
  const v = rec.values;
  const problems: CsvProblem[] = [];
  const bad = (field: string, message: string): void =>
    void problems.push({ line: rec.line, field, message: `${field} ${JSON.stringify(v[field])} ${message}` });
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(v.tracking_number))
    bad('tracking_number', 'is not a tracking number (letters, digits, . _ / -)');
  if (!/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(v.agency_code)) bad('agency_code', 'is not an agency code');
  if (!isApplicantType(v.applicant_type))
    bad(
      'applicant_type',
      'is not one of natural_person, commercial, research, social_welfare, legal_services, other_org',
    );
  if (!isChannel(v.channel)) bad('channel', `is not one of ${CHANNELS.join(', ')}`);
  if (!isCivilDate(v.received_on)) bad('received_on', 'is not a date (YYYY-MM-DD)');
  else if (v.received_on > today) bad('received_on', 'is in the future');
  if (v.outcome !== '' && !isOutcomeCode(v.outcome))
    bad('outcome', 'is not one of the 21 outcome codes of the annual report');
  if (v.closed_on !== '' && !isCivilDate(v.closed_on)) bad('closed_on', 'is not a date (YYYY-MM-DD)');
  else if (v.closed_on !== '' && isCivilDate(v.received_on) && v.closed_on < v.received_on)
    bad('closed_on', `is before received_on ${v.received_on}`);
  else if (v.closed_on > today) bad('closed_on', 'is in the future');
  if ((v.outcome === '') !== (v.closed_on === '')) {
    problems.push({
      line: rec.line,
      field: v.outcome === '' ? 'outcome' : 'closed_on',
      message: 'outcome and closed_on go together: both empty while open, both set once concluded',
    });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    row: {
      line: rec.line,
      trackingNumber: v.tracking_number,
      agencyCode: v.agency_code.toUpperCase(),
      applicantType: v.applicant_type,
      channel: v.channel,
      receivedOn: v.received_on,
      outcome: v.outcome || null,
      closedOn: v.closed_on || null,
    },
  };
}
