import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';

/** HTTP adapter of @disclose/identity's UsersService. */
@Module({ controllers: [UsersController] })
export class UsersHttpModule {}
