import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AGENCY_DIRECTORY,
  CurrentUser,
  Roles,
  UsersService,
  type AgencyDirectory,
  type AuthUser,
} from '@disclose/identity';
import { CreateStaffDto, UserDto } from './users.dto';

/** Staff accounts: admins create them; supervisors and admins list those of the agencies they see. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
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
}
