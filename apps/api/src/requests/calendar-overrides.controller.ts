import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@disclose/identity';
import { CalendarOverridesService, type DependentDeadlineChange } from '@disclose/requests';
import { CalendarOverridesDto } from './dto/calendar-overrides.dto';

/** An agency's holidays and workdays beyond the official calendar; loading them recomputes open requests. */
@ApiTags('agencies')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/agencies/:code/calendar-overrides/:year')
export class CalendarOverridesController {
  constructor(private readonly overrides: CalendarOverridesService) {}

  @Put()
  @ApiOperation({
    summary:
      "Replace the year's overrides and recompute every open request and open legal case of the agency " +
      '(casesChanged: each case deadline that moves, with its reminders)',
  })
  async load(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CalendarOverridesDto,
  ) {
    const { changed, dependents } = await this.overrides.load(user, code.toUpperCase(), year, dto);
    return { changedCount: changed.length, changed, casesChanged: casesOf(dependents) };
  }

  @Get('preview')
  @ApiOperation({
    summary: 'Which open requests and case deadlines would change (holidays/workdays as comma lists)',
  })
  async preview(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('year', ParseIntPipe) year: number,
    @Query('holidays') holidays = '',
    @Query('workdays') workdays = '',
  ) {
    const list = (s: string): string[] =>
      s
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
    const { changed, dependents } = await this.overrides.preview(user, code.toUpperCase(), year, {
      holidays: list(holidays),
      workdays: list(workdays),
    });
    return { changedCount: changed.length, changed, casesChanged: casesOf(dependents) };
  }
}

/** The open legal cases' deadlines that move: {id, requestId, trackingNumber, key, from, to}. */
function casesOf(dependents: DependentDeadlineChange[]) {
  return dependents.filter((d) => d.subject === 'case').map(({ subject: _subject, ...rest }) => rest);
}
