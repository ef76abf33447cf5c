import { Module } from '@nestjs/common';
import { MailOpsModule } from '@disclose/mail';
import { AdminMailController } from './admin-mail.controller';

@Module({
  imports: [MailOpsModule],
  controllers: [AdminMailController],
})
export class AdminMailModule {}
