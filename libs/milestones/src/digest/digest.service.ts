import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { isWorkingDay, shiftWorkingDays, type RuleSetId } from '@disclose/deadlines';
import { OUTBOX, type Outbox, type OutboxEmail } from '@disclose/mail';
import { requestLink, toMailLocale } from '../notices/applicant-notice';
import { zonedDate, zonedHour } from '../planning/zoned-time';
import { OPEN_STATUSES } from '../firing/still-matters';

interface DigestUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  role: string;
  agency_id: string;
  timezone: string;
  reminder_hour: number;
  rule_set: RuleSetId;
  count_makeup_workdays: boolean;
}

/**
 * The daily digest (issue 5 point 3): for each user who chose it, once per working day at or after the
 * agency's reminder hour, one email listing what is due in the next 5 working days and what is overdue.
 * Clerks see their requests and the unassigned ones of their agency; supervisors all of their agency's.
 * Run every few minutes; the dedupe key `digest:<user>:<local date>` makes each day's digest go out once.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(now: Date = new Date()): Promise<number> {
    const users: DigestUser[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.locale, u.role, u.agency_id, a.timezone, a.reminder_hour, a.rule_set,
              a.count_makeup_workdays
         FROM notification_preferences p JOIN users u ON u.id = p.user_id JOIN agencies a ON a.id = u.agency_id
        WHERE p.daily_digest AND u.disabled_at IS NULL AND u.email IS NOT NULL AND u.role IN ('clerk', 'supervisor')`,
    );
    let sent = 0;
    for (const user of users) {
      const today = zonedDate(now, user.timezone);
      const opts = { countMakeupWorkdays: user.count_makeup_workdays };
      if (
        !isWorkingDay(user.rule_set, today, undefined, opts) ||
        zonedHour(now, user.timezone) < user.reminder_hour
      )
        continue;
      const horizon = shiftWorkingDays(user.rule_set, today, 5, undefined, opts);
      const rows: Array<{ id: string; tracking_number: string; due_on: string }> =
        await this.dataSource.query(
          `SELECT id, tracking_number, due_on::text AS due_on FROM requests
          WHERE agency_id = $1 AND status = ANY($2) AND due_on IS NOT NULL AND due_on <= $3::date
            AND ($4 = 'supervisor' OR assignee_id = $5 OR assignee_id IS NULL)
          ORDER BY due_on, tracking_number LIMIT 500`,
          [user.agency_id, [...OPEN_STATUSES], horizon, user.role, user.id],
        );
      if (rows.length === 0) continue;
      const items = rows.map((r) => ({
        trackingNumber: r.tracking_number,
        dueOn: r.due_on,
        daysLeft: signedWorkingDays(user.rule_set, today, r.due_on, opts),
        requestId: r.id,
        link: requestLink(this.config.publicUrl, r.id),
      }));
      const email: OutboxEmail = {
        dedupeKey: `digest:${user.id}:${today}`,
        to: user.email,
        locale: toMailLocale(user.locale),
        template: 'clerk_digest',
        params: { name: user.name, date: today, items },
        recipientUserId: user.id,
      };
      await this.dataSource.transaction((m) => this.outbox.enqueue(m, [email]));
      sent++;
    }
    return sent;
  }
}

/** Working days from `today` to `dueOn`: 0 = due today, negative = overdue by that many. */
function signedWorkingDays(
  ruleSet: RuleSetId,
  today: string,
  dueOn: string,
  opts: { countMakeupWorkdays: boolean },
) {
  const [from, to, sign] = dueOn >= today ? [today, dueOn, 1] : [dueOn, today, -1];
  let n = 0;
  for (let d = from; d < to && n < 400; n++) d = shiftWorkingDays(ruleSet, d, 1, undefined, opts);
  return sign * n;
}
