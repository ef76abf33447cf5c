import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';

/** HTTP adapter of @disclose/identity's AuthService (the services come from the global IdentityModule). */
@Module({ controllers: [AuthController, MeController] })
export class AuthHttpModule {}
