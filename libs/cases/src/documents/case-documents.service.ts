import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';
import { assertCaseWriter, loadVisibleCase } from '../access/case-access';
import { CASE_DOCUMENT_KINDS, CaseDocumentEntity, type CaseDocumentKind } from '../entities';
import { appendCaseEvent, assertUuid } from '../records/case-records';
import {
  DOCUMENT_STORAGE,
  MAX_DOCUMENT_BYTES,
  sanitizeFilename,
  sniffContentType,
  type DocumentStorage,
} from '@disclose/requests';

export interface CaseDocumentUpload {
  kind: string;
  filename: string;
  bytes: Buffer;
}

/** The application, the defence, the decision or judgment of a case: its bytes in the requests
 * library's DocumentStorage (same safety rules: sniffed type, size cap, generated keys), listed in the table. */
@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
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
    const filename = sanitizeFilename(upload.filename);
    if (upload.bytes.length === 0) throw new ValidationError([{ field: 'file', code: 'empty' }]);
    if (upload.bytes.length > MAX_DOCUMENT_BYTES) {
      throw new ValidationError([
        { field: 'file', code: 'too_large', params: { maxBytes: MAX_DOCUMENT_BYTES } },
      ]);
    }
    // The type comes from the bytes, never from the client's header or the file name alone.
    const contentType = sniffContentType(upload.bytes, filename);
    if (!contentType) throw new ValidationError([{ field: 'file', code: 'type_not_allowed' }]);
    // The bytes are written first: a crash leaves an orphan file, never a row pointing at nothing.
    const storageKey = await this.storage.put(upload.bytes);
    return this.dataSource.transaction(async (manager) => {
      const doc = await manager.save(
        manager.create(CaseDocumentEntity, {
          caseId,
          kind: upload.kind as CaseDocumentKind,
          filename,
          contentType,
          size: upload.bytes.length,
          sha256: createHash('sha256').update(upload.bytes).digest('hex'),
          storageKey,
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

  /** The document and a stream of its bytes, for anyone who may read the case (404 otherwise, or for another case's id). */
  async download(
    actor: AuthUser,
    caseId: string,
    documentId: string,
  ): Promise<{ document: CaseDocumentEntity; content: Readable }> {
    assertUuid(caseId, 'CASE.NOT_FOUND');
    assertUuid(documentId, 'DOCUMENT.NOT_FOUND');
    await loadVisibleCase(this.dataSource.manager, this.agencies, actor, caseId);
    const document = await this.dataSource.manager.findOneBy(CaseDocumentEntity, { id: documentId, caseId });
    if (!document) throw new NotFoundError('DOCUMENT.NOT_FOUND', documentId);
    return { document, content: this.storage.get(document.storageKey) };
  }
}
