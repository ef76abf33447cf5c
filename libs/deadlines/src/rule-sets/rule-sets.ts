import type { CalendarId } from '../calendars/calendar-sources';

export type RuleSetId = 'cn-ogi-2019' | 'cn-ogi-2008' | 'us-foia' | 'uk-foia' | 'uk-eir' | 'scot-foisa';

/** Metadata of a rule set (rules/README.md "Rule sets"). */
export interface RuleSetDefinition {
  readonly id: RuleSetId;
  readonly jurisdiction: 'CN' | 'US' | 'UK';
  readonly law: string;
  readonly calendar: CalendarId;
  readonly periodWorkingDays: number;
  readonly periodCitation: string;
  /** restart: the clock starts again on receipt of the clarification; toll: the wait is a pause. */
  readonly clarificationMode: 'restart' | 'toll';
  readonly clarificationCitation: string;
  /** Maximum number of clarification tolls (US: one); null = no limit stated. */
  readonly maxClarificationTolls: number | null;
  /** Cap on the total of all extensions, in working days; 0 = no extension allowed. */
  readonly extensionMaxWorkingDays: number;
  readonly extensionCitation: string;
  /** Whether consultation time is disregarded (only the Chinese rule sets). */
  readonly consultationPause: boolean;
  readonly consultationCitation: string | null;
  readonly feeCitation: string;
  /** Working days after receipt within which a clarification notice is due (cn-ogi-2019 Art. 30). */
  readonly clarificationNoticeWorkingDays: number | null;
}

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSetDefinition>> = {
  'cn-ogi-2019': {
    id: 'cn-ogi-2019',
    jurisdiction: 'CN',
    law: '政府信息公开条例 (2019, 国务院令第711号)',
    calendar: 'cn',
    periodWorkingDays: 20, // 条例 2019 Art. 33(2): 20 WD
    periodCitation: '条例 2019 Art. 33(2)',
    clarificationMode: 'restart', // 条例 2019 Art. 30: period runs from receipt of the supplemented request
    clarificationCitation: '条例 2019 Art. 30',
    maxClarificationTolls: null,
    extensionMaxWorkingDays: 20, // 条例 2019 Art. 33(2): extension at most 20 WD in total
    extensionCitation: '条例 2019 Art. 33(2)',
    consultationPause: true, // 条例 2019 Art. 33(3): consultation time not counted
    consultationCitation: '条例 2019 Art. 33(3)',
    feeCitation: '条例 2019 Art. 42; 信息处理费管理办法 (cn.md A.9)',
    clarificationNoticeWorkingDays: 7, // 条例 2019 Art. 30: notice within 7 WD of receipt
  },
  'cn-ogi-2008': {
    id: 'cn-ogi-2008',
    jurisdiction: 'CN',
    law: '政府信息公开条例 (2008, 国务院令第492号)',
    calendar: 'cn',
    periodWorkingDays: 15, // 条例 2008 Art. 24(2): 15 WD
    periodCitation: '条例 2008 Art. 24(2)',
    clarificationMode: 'restart', // 条例 2008 Art. 21(4) read with 国办公开办函〔2015〕207号 (cn.md A.11)
    clarificationCitation: '条例 2008 Art. 21(4)',
    maxClarificationTolls: null,
    extensionMaxWorkingDays: 15, // 条例 2008 Art. 24(2): extension at most 15 WD
    extensionCitation: '条例 2008 Art. 24(2)',
    consultationPause: true, // 条例 2008 Art. 24(3): third-party consultation time not counted
    consultationCitation: '条例 2008 Art. 24(3)',
    feeCitation: '条例 2008 Art. 27',
    clarificationNoticeWorkingDays: null,
  },
  'us-foia': {
    id: 'us-foia',
    jurisdiction: 'US',
    law: '5 U.S.C. 552 (FOIA)',
    calendar: 'us',
    periodWorkingDays: 20, // 5 U.S.C. 552(a)(6)(A)(i): 20 days excepting Saturdays, Sundays, legal public holidays
    periodCitation: '5 U.S.C. 552(a)(6)(A)(i)',
    clarificationMode: 'toll', // 552(a)(6)(A)(ii)(I): one request for information tolls the period
    clarificationCitation: '5 U.S.C. 552(a)(6)(A)(ii)(I)',
    maxClarificationTolls: 1,
    extensionMaxWorkingDays: 10, // 552(a)(6)(B)(i): unusual circumstances, at most 10 WD
    extensionCitation: '5 U.S.C. 552(a)(6)(B)(i)',
    consultationPause: false,
    consultationCitation: null,
    feeCitation: '5 U.S.C. 552(a)(6)(A)(ii)(II)', // fee tolls, as often as necessary
    clarificationNoticeWorkingDays: null,
  },
  'uk-foia': {
    id: 'uk-foia',
    jurisdiction: 'UK',
    law: 'Freedom of Information Act 2000',
    calendar: 'uk',
    periodWorkingDays: 20, // FOIA 2000 s.10(1): twentieth working day following receipt
    periodCitation: 'FOIA 2000 s.10(1)',
    clarificationMode: 'restart', // FOIA 2000 s.1(3) with s.10(6)(b)
    clarificationCitation: 'FOIA 2000 s.1(3), s.10(6)(b)',
    maxClarificationTolls: null,
    extensionMaxWorkingDays: 20, // FOIA 2000 s.10(3): public interest test, ICO guidance: 20 further WD
    extensionCitation: 'FOIA 2000 s.10(3) (ICO guidance: 20 further WD)',
    consultationPause: false,
    consultationCitation: null,
    feeCitation: 'FOIA 2000 s.10(2)',
    clarificationNoticeWorkingDays: null,
  },
  'uk-eir': {
    id: 'uk-eir',
    jurisdiction: 'UK',
    law: 'Environmental Information Regulations 2004',
    calendar: 'uk',
    periodWorkingDays: 20, // EIR 2004 reg 5(2): no later than 20 WD after receipt
    periodCitation: 'EIR 2004 reg 5(2)',
    clarificationMode: 'restart', // EIR 2004 reg 9(2)/(4): period runs from receipt of particulars
    clarificationCitation: 'EIR 2004 reg 9(4)',
    maxClarificationTolls: null,
    extensionMaxWorkingDays: 20, // EIR 2004 reg 7(1): up to 40 WD in total
    extensionCitation: 'EIR 2004 reg 7(1)',
    consultationPause: false,
    consultationCitation: null,
    feeCitation: 'EIR 2004 reg 8',
    clarificationNoticeWorkingDays: null,
  },
  'scot-foisa': {
    id: 'scot-foisa',
    jurisdiction: 'UK',
    law: 'Freedom of Information (Scotland) Act 2002',
    calendar: 'scot',
    periodWorkingDays: 20, // FOISA 2002 s.10(1): 20th working day after receipt
    periodCitation: 'FOISA 2002 s.10(1)',
    clarificationMode: 'restart', // FOISA 2002 s.1(3), s.10(1)(b)
    clarificationCitation: 'FOISA 2002 s.1(3)',
    maxClarificationTolls: null,
    extensionMaxWorkingDays: 0, // FOISA 2002: no public-interest extension (uk.md F.3)
    extensionCitation: 'FOISA 2002 s.10 (no extension)',
    consultationPause: false,
    consultationCitation: null,
    feeCitation: 'FOISA 2002 s.10(2)',
    clarificationNoticeWorkingDays: null,
  },
};

export const RULE_SET_IDS = Object.keys(RULE_SETS) as RuleSetId[];
