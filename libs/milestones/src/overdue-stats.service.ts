import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Figures for /health and /metrics (issue 5 point 4). */
@Injectable()
export class OverdueStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open requests whose due date is before today in their agency's time zone. */
  async overdueRequests(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM requests r JOIN agencies a ON a.id = r.agency_id
        WHERE r.status IN ('received', 'in_progress', 'awaiting_clarification', 'awaiting_consultation', 'awaiting_fee')
          AND r.due_on < (now() AT TIME ZONE a.timezone)::date`,
    );
    return row.n;
  }

  /** Pending milestones already due (should stay near 0: a growing figure means no worker fires them). */
  async lateMilestones(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM milestones WHERE status = 'pending' AND due_at < now() - interval '1 minute'`,
    );
    return row.n;
  }
}
