import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '@disclose/mail';

export class ListMailQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, default: 'failed' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class OutboxEmailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The subject line as sent: the template rendered with the email’s parameters in its language (null when it cannot render; see lastError)',
  })
  subject!: string | null;
  @ApiProperty() template!: string;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The last SMTP or rendering error' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
}

export class OutboxEmailPageDto {
  @ApiProperty({ type: [OutboxEmailDto] }) items!: OutboxEmailDto[];
  @ApiProperty() total!: number;
}

export class RetryResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending'] }) status!: 'pending';
}
