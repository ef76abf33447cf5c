import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class AnnualReportQueryDto {
  @ApiProperty({ example: 'PLGT', description: 'Agency code' })
  @IsString()
  @Matches(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
  agency: string;

  @ApiProperty({
    example: 2025,
    description: 'Calendar year (CN) or fiscal year (us-foia: 1 Oct of year−1 to 30 Sep)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({ default: false, description: 'Include the agencies below this one' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  subordinates?: boolean;
}

export class ReportSectionsDto {
  @ApiPropertyOptional({ description: '一、总体情况' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  overview?: string;
  @ApiPropertyOptional({ description: '二、主动公开政府信息情况 (text above table 1)' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  proactive?: string;
  @ApiPropertyOptional({
    description: '三、收到和处理政府信息公开申请情况 (prefilled from the figures when absent)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  requests?: string;
  @ApiPropertyOptional({ description: '四、行政复议、行政诉讼情况 (prefilled when absent)' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  reviews?: string;
  @ApiPropertyOptional({ description: '五、存在的主要问题及改进情况' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  problems?: string;
  @ApiPropertyOptional({ description: '六、其他需要报告的事项 (fees prefilled when absent)' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  other?: string;
}

export class ReportTextsDto {
  @ApiProperty({ example: 'PLGT' })
  @IsString()
  @Matches(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
  agency: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({
    description:
      'Table 1 (2021 layout): row code → column code → figure. Rows: regulations, normative_documents (issued, repealed, in_force); licensing, penalty, enforcement (decisions); fees (amount_wan)',
    example: { regulations: { issued: 3, repealed: 0, in_force: 41 }, licensing: { decisions: 120 } },
  })
  @IsOptional()
  @IsObject()
  table1?: Record<string, Record<string, number | null>>;

  @ApiPropertyOptional({ type: ReportSectionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportSectionsDto)
  sections?: ReportSectionsDto;
}

export class StatsQueryDto {
  @ApiPropertyOptional({
    description: "Agency code (default: the caller's agency); its subordinates are included",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
  agency?: string;

  @ApiProperty({ example: '2025-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from: string;
  @ApiProperty({ example: '2025-12-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to: string;
}
