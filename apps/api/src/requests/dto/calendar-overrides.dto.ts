import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';

/** The full set of an agency's overrides for one year (replaces what was loaded before). */
export class CalendarOverridesDto {
  @ApiProperty({ type: [String], example: ['2027-01-01'] })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  holidays: string[];
  @ApiProperty({ type: [String], example: ['2027-02-07'] })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  workdays: string[];
}
