import {
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@disclose/identity';
import { OutboxAdminService } from '@disclose/mail';
import { ListMailQueryDto, OutboxEmailPageDto, RetryResultDto } from './admin-mail.dto';

/** The outbox for admins: emails by status (failed ones with their last error) and a manual retry. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/mail')
export class AdminMailController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Outbox emails by status, newest first (default: failed) (admin)' })
  @ApiResponse({ status: 200, type: OutboxEmailPageDto })
  list(@Query() query: ListMailQueryDto): Promise<OutboxEmailPageDto> {
    return this.outbox.list(query.status ?? 'failed', query.limit ?? 50, query.offset ?? 0);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a failed email again with a fresh attempt budget (admin)' })
  @ApiResponse({ status: 202, type: RetryResultDto })
  @ApiResponse({ status: 404, description: 'No such email' })
  @ApiResponse({ status: 409, description: 'The email was sent or is being sent' })
  async retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<RetryResultDto> {
    const outcome = await this.outbox.retry(id);
    if (outcome === 'not_found') throw new NotFoundException('no such email in the outbox');
    if (outcome === 'not_retriable') throw new ConflictException('the email was sent or is being sent');
    return { id, status: 'pending' };
  }
}
