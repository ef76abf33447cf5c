import { Module } from '@nestjs/common';
import { CasesModule } from '@disclose/cases';
import { CaseDocumentsController } from './case-documents.controller';
import { CasesController } from './cases.controller';
import { RequestCasesController } from './request-cases.controller';

/** HTTP adapters of @disclose/cases (issue 6). */
@Module({
  imports: [CasesModule],
  controllers: [CasesController, RequestCasesController, CaseDocumentsController],
})
export class CasesApiModule {}
