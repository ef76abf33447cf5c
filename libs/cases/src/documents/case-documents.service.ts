import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { assertCaseWriter, loadVisibleCase } from '../access/case-access';
import { CASE_DOCUMENT_KINDS, CaseDocumentEntity, type CaseDocumentKind } from '../entities';
import { appendCaseEvent, assertUuid } from '../records/case-records';
import { CaseFileStorage, safeFilename } from './case-file-storage';

export interface CaseDocumentUpload {
  kind: string;
  filename: string;
  bytes: Buffer;
}

/** The application, the defence, the decision or judgment of a case: stored on disk, listed in the table. */
@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    private readonly storage: CaseFileStorage,
  ) {}

  async upload(actor: AuthUser, caseId: string, upload: CaseDocumentUpload): Promise<CaseDocumentEntity> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    await loadVisibleCase(this.dataSource.manager, this.agencies, actor, caseId);
    assertCaseWriter(actor, 'upload_case_document');
    if (!(CASE_DOCUMENT_KINDS as readonly string[]).includes(upload.kind)) {
      throw new ValidationError([
        { field: 'kind', code: 'must_be_one_of', params: { values: CASE_DOCUMENT_KINDS.join(', ') } },
      ]);
    }
    // The bytes are written first: a crash leaves an orphan file, never a row pointing at nothing.
    const stored = await this.storage.put(upload.bytes);
    return this.dataSource.transaction(async (manager) => {
      const doc = await manager.save(
        manager.create(CaseDocumentEntity, {
          caseId,
          kind: upload.kind as CaseDocumentKind,
          filename: safeFilename(upload.filename),
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedBy: actor.id,
        }),
      );
      await appendCaseEvent(manager, caseId, 'document_added', actor.id, {
        documentId: doc.id,
        kind: doc.kind,
      });
      return doc;
    });
  }

  /** The document and its bytes, for anyone who may read the case (404 otherwise, or for another case's id). */
  async download(
    actor: AuthUser,
    caseId: string,
    documentId: string,
  ): Promise<{ document: CaseDocumentEntity; bytes: Buffer }> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    assertUuid(documentId, 'DOCUMENT.NOT_FOUND');
    await loadVisibleCase(this.dataSource.manager, this.agencies, actor, caseId);
    const document = await this.dataSource.manager.findOneBy(CaseDocumentEntity, { id: documentId, caseId });
    if (!document) throw new NotFoundError('DOCUMENT.NOT_FOUND', documentId);
    return { document, bytes: await this.storage.get(document.storageKey) };
  }
}
