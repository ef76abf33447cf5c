import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@disclose/identity';
import { CalendarOverridesService } from '@disclose/requests';
import { CalendarOverridesDto } from './dto/calendar-overrides.dto';

/** An agency's holidays and workdays beyond the official calendar; loading them recomputes open requests. */
@ApiTags('agencies')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/agencies/:code/calendar-overrides/:year')
export class CalendarOverridesController {
  constructor(private readonly overrides: CalendarOverridesService) {}

  @Put()
  @ApiOperation({ summary: "Replace the year's overrides and recompute every open request of the agency" })
  async load(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CalendarOverridesDto,
  ) {
    const { changed } = await this.overrides.load(user, code.toUpperCase(), year, dto);
    return { changedCount: changed.length, changed };
  }

  @Get('preview')
  @ApiOperation({ summary: 'Which open requests would change due date (holidays/workdays as comma lists)' })
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
    const { changed } = await this.overrides.preview(user, code.toUpperCase(), year, {
      holidays: list(holidays),
      workdays: list(workdays),
    });
    return { changedCount: changed.length, changed };
  }
}
