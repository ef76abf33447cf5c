import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailOpsModule } from '@disclose/mail';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MailOpsModule],
  controllers: [HealthController],
})
export class HealthModule {}
