import { Module } from '@nestjs/common';
import { ImportCasesService } from './import-cases.service';
import { ImportRequestsService } from './import-requests.service';

/** CSV import; needs APPLICANT_DIRECTORY (the global IdentityModule) for the placeholder applicants. */
@Module({
  providers: [ImportRequestsService, ImportCasesService],
  exports: [ImportRequestsService, ImportCasesService],
})
export class ReportsImportModule {}
