import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestAccess } from '../lifecycle/request-access';
import { REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';
import { requestView } from './request-view';

export interface RequestListFilter {
  agency?: string;
  status?: string;
  assignee?: string;
  overdue?: boolean;
  dueBefore?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/** Escapes LIKE wildcards so a search for "10%" finds "10%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The queue: staff see their agencies' requests, applicants their own. Default order is most urgent first:
 * open requests by due date (stopped clocks after), then the concluded ones, newest first.
 */
@Injectable()
export class RequestListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RequestAccess,
  ) {}

  async list(
    user: AuthUser,
    filter: RequestListFilter,
  ): Promise<{ items: unknown[]; total: number; page: number; pageSize: number }> {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (user.role === 'applicant') where.push(`r.applicant_id = ${p(user.id)}`);
    else where.push(`r.agency_id = ANY(${p(await this.access.visibleAgencyIds(user))}::uuid[])`);
    if (filter.agency) where.push(`r.agency_id = (SELECT id FROM agencies WHERE code = ${p(filter.agency)})`);
    if (filter.status) where.push(`r.status = ${p(filter.status)}`);
    if (filter.assignee) where.push(`r.assignee_id = ${p(filter.assignee)}`);
    // Overdue = the due date is before "today" where the agency is (its time zone), not the server's date.
    if (filter.overdue)
      where.push(
        `r.status IN (${OPEN_SQL}) AND r.due_on < (SELECT (now() AT TIME ZONE a.timezone)::date FROM agencies a WHERE a.id = r.agency_id)`,
      );
    if (filter.dueBefore) where.push(`r.due_on < ${p(filter.dueBefore)}`);
    if (filter.q) {
      const pattern = p(likePattern(filter.q));
      // ILIKE on gin_trgm_ops indexes: substring search that needs no word segmentation (Chinese).
      where.push(
        `(r.subject ILIKE ${pattern} OR r.description ILIKE ${pattern} OR r.tracking_number ILIKE ${pattern})`,
      );
    }
    const page = Math.max(1, filter.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, filter.pageSize ?? 20));
    const sqlWhere = where.join(' AND ');
    const [rows, [count]]: [RequestRow[], Array<{ n: number }>] = await Promise.all([
      this.dataSource.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE ${sqlWhere}
         ORDER BY (r.status IN (${OPEN_SQL})) DESC, r.due_on ASC NULLS LAST, r.received_on DESC, r.tracking_number
         LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM requests r WHERE ${sqlWhere}`, params),
    ]);
    const staff = user.role !== 'applicant';
    return { items: rows.map((r) => requestView(r, staff, user.locale)), total: count.n, page, pageSize };
  }
}
