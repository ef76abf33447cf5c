import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, SESSION_COOKIE, UsersService, type AuthUser } from '@disclose/identity';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['applicant', 'clerk', 'supervisor', 'legal', 'admin'] }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) agencyId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) applicantType!: string | null;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale!: string;
  @ApiProperty() emailVerified!: boolean;
}

/** The signed-in user. */
@ApiTags('auth')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const view = await this.users.getById(user.id);
    return {
      id: view.id,
      email: view.email,
      name: view.name,
      role: view.role,
      agencyId: view.agencyId,
      applicantType: view.applicantType,
      locale: view.locale,
      emailVerified: view.emailVerified,
    };
  }
}
