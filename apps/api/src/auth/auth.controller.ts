import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import {
  AuthService,
  CurrentUser,
  Public,
  RateLimit,
  SESSION_COOKIE,
  type AuthUser,
} from '@disclose/identity';
import {
  LoginDto,
  LoginResponseDto,
  PasswordChangeDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RegisterDto,
  RegisteredDto,
  TokenDto,
} from './auth.dto';

/** Accounts and sessions: thin HTTP over AuthService. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @RateLimit('register')
  @ApiResponse({ status: 429, description: 'Too many registrations from this client IP (Retry-After)' })
  @ApiOperation({ summary: 'Create an applicant account; a verification link is emailed' })
  @ApiResponse({ status: 201, type: RegisteredDto })
  async register(@Body() body: RegisterDto): Promise<RegisteredDto> {
    const user = await this.auth.register(body);
    return { id: user.id, email: user.email as string, name: user.name, role: 'applicant' };
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: a Bearer token, also set as the HttpOnly session cookie' })
  @ApiResponse({ status: 200, type: LoginResponseDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    const userAgent = request.headers['user-agent'];
    const session = await this.auth.login(body.email, body.password, { ip: request.ip, userAgent });
    void reply.setCookie(SESSION_COOKIE, session.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.publicUrl.startsWith('https:'),
      path: '/',
      expires: session.expiresAt,
    });
    return { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'End the current session' })
  async logout(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(user);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'Change the password (needs the current one); ends every other session of the account',
  })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: PasswordChangeDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Confirm the email address with the token from the emailed link' })
  async verifyEmail(@Body() body: TokenDto): Promise<void> {
    await this.auth.verifyEmail(body.token);
  }

  @Public()
  @Post('password-reset')
  @RateLimit('passwordReset')
  @ApiResponse({ status: 429, description: 'Too many reset requests for this email or IP (Retry-After)' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a reset link (answers 202 whether or not the address has an account)' })
  async requestReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.auth.requestPasswordReset(body.email);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; ends every session of the account' })
  async confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password);
  }
}
