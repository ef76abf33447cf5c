import { Module } from '@nestjs/common';
import { CasesModule } from '@disclose/cases';
import { MailOpsModule } from '@disclose/mail';
import { ReportsModule } from '@disclose/reports';
import { RequestsModule } from '@disclose/requests';
import { PortalAdminController } from './admin.controller';
import { PortalAdminMailController } from './admin-mail.controller';
import { ReportAccess } from '../reports/report-access';
import { PortalCasesController } from './cases.controller';
import { PortalAccountController } from './account.controller';
import { PortalAccountSettingsController } from './account-settings.controller';
import { PortalAdminUsersController } from './admin-users.controller';
import { PortalAssetsController } from './assets.controller';
import { PortalHomeController } from './home.controller';
import { PortalQueueController } from './queue.controller';
import { PortalRequestActionsController } from './request-actions.controller';
import { RequestPageService } from './request-page.service';
import { PortalRequestsController } from './requests.controller';

/**
 * The web portal: server-rendered pages over the same library services as the JSON API. Routes are
 * @Public() for the global AuthGuard (which still attaches the signed-in user); pages that need a user
 * throw UnauthenticatedError, which PortalErrorFilter turns into a redirect to /sign-in?next=….
 */
@Module({
  imports: [RequestsModule, CasesModule, ReportsModule, MailOpsModule],
  controllers: [
    PortalAssetsController,
    PortalHomeController,
    PortalAccountController,
    PortalAccountSettingsController,
    PortalRequestsController,
    PortalRequestActionsController,
    PortalQueueController,
    PortalCasesController,
    PortalAdminController,
    PortalAdminUsersController,
    PortalAdminMailController,
  ],
  providers: [RequestPageService, ReportAccess],
})
export class PortalModule {}
