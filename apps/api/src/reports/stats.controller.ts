import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@disclose/domain';
import { CurrentUser, Roles, type AuthUser } from '@disclose/identity';
import { DashboardStats, isCivilDate, StatsService } from '@disclose/reports';
import { StatsQueryDto } from './reports.dto';
import { ReportAccess } from './report-access';

/** Dashboard figures for the portal's charts (issue 7 item 3). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly access: ReportAccess,
  ) {}

  @Get()
  @Roles('clerk', 'supervisor', 'legal', 'admin')
  @ApiOperation({
    summary:
      'Received, answered, on-time rate, median/p90 working days to answer, open, overdue, extensions, clock-stop days; by month and agency',
  })
  async get(@CurrentUser() user: AuthUser, @Query() q: StatsQueryDto): Promise<DashboardStats> {
    if (!isCivilDate(q.from)) throw new ValidationError([{ field: 'from', code: 'must_be_date' }]);
    if (!isCivilDate(q.to)) throw new ValidationError([{ field: 'to', code: 'must_be_date' }]);
    if (q.from > q.to) throw new ValidationError([{ field: 'to', code: 'must_not_be_before_from' }]);
    const code = q.agency ?? (await this.access.defaultAgencyCode(user));
    const agency = await this.access.agencyFor(user, code);
    return this.stats.compute(agency.code, q.from, q.to);
  }
}
