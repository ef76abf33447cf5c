import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Matches, Min } from 'class-validator';

/** A civil date 'YYYY-MM-DD' that exists in the calendar (2025-02-30 is refused). */
export function IsCivilDate(description: string, optional = false): PropertyDecorator {
  const doc = optional ? ApiPropertyOptional : ApiProperty;
  return applyDecorators(
    doc({ description, example: '2025-09-26', format: 'date' }),
    ...(optional ? [IsOptional()] : []),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be a valid date' }),
  );
}

/** Optimistic locking: the version the client last read; a stale one answers 409. */
export class VersionedDto {
  @ApiPropertyOptional({
    description: 'The request version the client last read (409 if it changed since)',
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
