import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OUTCOME_CODES } from '@disclose/domain';
import { PROCESSING_TRACKS, type ProcessingTrack } from '@disclose/requests';
import { IsCivilDate, VersionedDto } from './civil-date';

export class AssignDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'A clerk of an agency you can see' }) @IsUUID() clerkId: string;
}

export class ProcessingTrackDto extends VersionedDto {
  @ApiProperty({
    enum: PROCESSING_TRACKS,
    description: 'US FOIA processing track (5 U.S.C. 552(a)(6)(D)); the DOJ report splits section VII by it',
  })
  @IsIn(PROCESSING_TRACKS)
  track: ProcessingTrack;
}

export class ClarificationRequestDto extends VersionedDto {
  @ApiProperty({ description: 'Everything to be supplemented (Art. 30: one notice)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  message: string;
  @IsCivilDate('The reasonable deadline for the applicant to supplement') replyBy: string;
}

export class ClarificationDto extends VersionedDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
  @IsCivilDate('Staff recording a paper reply: the day it arrived', true) receivedOn?: string;
}

export class ConsultationDto extends VersionedDto {
  @ApiProperty({ example: '平凉市自然资源局' }) @IsString() @IsNotEmpty() @MaxLength(300) party: string;
  @IsCivilDate('Day the consultation letter was sent') sentOn: string;
}

export class ConsultationReplyDto extends VersionedDto {
  @IsCivilDate('Day the opinion arrived') receivedOn: string;
  @ApiProperty() @IsString() @MaxLength(20000) opinion: string;
}

export class ExtensionDto extends VersionedDto {
  @ApiProperty({ minimum: 1, maximum: 100 }) @IsInt() @Min(1) @Max(100) workingDays: number;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class ExtensionDecisionDto extends VersionedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class FeeNoticeDto extends VersionedDto {
  @ApiPropertyOptional({ description: 'Yuan; default = the proposal (cn-ogi-2019)', example: 100 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  amount?: number;
  @ApiProperty({ enum: ['per_request', 'per_page'] }) @IsIn(['per_request', 'per_page']) basis:
    'per_request' | 'per_page';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) pages?: number;
  @ApiPropertyOptional({ description: 'Required when the amount differs from the proposal' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({ description: 'Waive the pending fee instead' })
  @IsOptional()
  @IsBoolean()
  waive?: boolean;
}

export class FeePaymentDto extends VersionedDto {
  @IsCivilDate('Day the payment arrived') receivedOn: string;
}

export class DecisionDto extends VersionedDto {
  @ApiProperty({ enum: OUTCOME_CODES.map((o) => o.code) })
  @IsIn(OUTCOME_CODES.map((o) => o.code))
  outcome: string;
  @ApiProperty({ type: [String], description: 'Grounds; withheld.* must name the exemption' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  reasons: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000) message: string;
}

export class CloseDto extends VersionedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class WithdrawDto extends VersionedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class LapseDto extends VersionedDto {
  @ApiProperty({ enum: ['clarification', 'fee'] }) @IsIn(['clarification', 'fee']) reason:
    'clarification' | 'fee';
}
