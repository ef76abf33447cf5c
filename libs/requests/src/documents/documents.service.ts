import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { NotFoundError, RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { RequestQueryService } from '../reading/request-query.service';
import { actionResult, type ActionResult } from '../actions/action-result';
import { MAX_DOCUMENT_BYTES, sanitizeFilename, sniffContentType } from './content-sniffing';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';

export interface UploadInput {
  filename: string;
  bytes: Buffer;
  visibleToApplicant?: boolean;
  expectedVersion?: number;
}

/** Response documents: validated by their bytes, stored behind {@link DocumentStorage}, logged as an event. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: RequestTransitionRunner,
    private readonly query: RequestQueryService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async upload(actor: AuthUser, requestId: string, input: UploadInput): Promise<ActionResult> {
    if (input.bytes.length > MAX_DOCUMENT_BYTES) {
      throw new ValidationError([{ field: 'file', code: 'too_large', params: { max: MAX_DOCUMENT_BYTES } }]);
    }
    const filename = sanitizeFilename(input.filename);
    const contentType = sniffContentType(input.bytes, filename);
    if (!contentType) throw new ValidationError([{ field: 'file', code: 'unsupported_type' }]);
    // Fail before storing anything: the request must be visible (404) before bytes touch the disk.
    await this.query.visibleRow(actor, requestId);
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const key = await this.storage.put(input.bytes);
    const documentId = randomUUID();
    try {
      const result = await this.runner.run(
        {
          requestId,
          actor,
          action: RequestAction.UploadDocument,
          roles: STAFF_WRITERS,
          expectedVersion: input.expectedVersion,
        },
        async ({ manager }) => {
          await manager.query(
            `INSERT INTO documents (id, request_id, filename, content_type, size, sha256, storage_key, uploaded_by, visible_to_applicant)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              documentId,
              requestId,
              filename,
              contentType,
              input.bytes.length,
              sha256,
              key,
              actor.id,
              input.visibleToApplicant ?? true,
            ],
          );
          return { payload: { documentId, filename, sha256, size: input.bytes.length, contentType } };
        },
      );
      return actionResult(result, { documentId, filename, contentType, size: input.bytes.length, sha256 });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
  }

  async download(
    actor: AuthUser,
    requestId: string,
    documentId: string,
  ): Promise<{ filename: string; contentType: string; size: number; stream: Readable }> {
    await this.query.visibleRow(actor, requestId);
    const [doc]: Array<{
      filename: string;
      content_type: string;
      size: number;
      storage_key: string;
      visible_to_applicant: boolean;
    }> = await this.dataSource.query(
      `SELECT filename, content_type, size, storage_key, visible_to_applicant FROM documents WHERE id = $1 AND request_id = $2`,
      [documentId, requestId],
    );
    if (!doc || (actor.role === 'applicant' && !doc.visible_to_applicant)) {
      throw new NotFoundError('DOCUMENT.NOT_FOUND', documentId);
    }
    return {
      filename: doc.filename,
      contentType: doc.content_type,
      size: doc.size,
      stream: this.storage.get(doc.storage_key),
    };
  }
}
