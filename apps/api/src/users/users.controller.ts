import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AccountAdminService,
  AGENCY_DIRECTORY,
  CurrentUser,
  Roles,
  UsersService,
  type AgencyDirectory,
  type AuthUser,
} from '@disclose/identity';
import { CreateStaffDto, RevokedSessionsDto, UserDto } from './users.dto';

/** Staff accounts: admins create them; supervisors and admins list those of the agencies they see. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountAdminService,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  @ApiResponse({ status: 201, type: UserDto })
  create(@Body() body: CreateStaffDto): Promise<UserDto> {
    return this.users.createStaff(body);
  }

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Staff of the agencies the caller sees (admin, supervisor)' })
  @ApiResponse({ status: 200, type: [UserDto] })
  async list(@CurrentUser() user: AuthUser): Promise<UserDto[]> {
    return this.users.listStaff(await this.agencies.visibleAgencyIds(user));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable an account: no sign-in, every session ended at once (admin)' })
  @ApiResponse({ status: 200, type: UserDto })
  disable(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.accounts.setDisabled(user, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled account again (admin)' })
  @ApiResponse({ status: 200, type: UserDto })
  enable(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.accounts.setDisabled(user, id, false);
  }

  @Post(':id/sessions/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End every session of an account, in every api process (admin)' })
  @ApiResponse({ status: 200, type: RevokedSessionsDto })
  async revokeSessions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RevokedSessionsDto> {
    return { revoked: await this.accounts.revokeSessions(id, user) };
  }
}
