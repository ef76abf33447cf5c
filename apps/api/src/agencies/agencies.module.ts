import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';

/** HTTP adapter of @disclose/identity's AgenciesService. */
@Module({ controllers: [AgenciesController] })
export class AgenciesHttpModule {}
