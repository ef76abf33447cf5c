import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, ConflictError, sha256Hex } from '@disclose/domain';
import type { FilingResult } from './filing.types';

/**
 * Idempotency-Key for filings: the key is unique per creator (a column of `requests`); a retry with the same
 * body answers the first response again, the same key with another body is a 409.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  fingerprint(body: unknown): string {
    return sha256Hex(canonicalJson(body));
  }

  async replay(creatorId: string, key: string | undefined, body: unknown): Promise<FilingResult | null> {
    if (!key) return null;
    const [row]: Array<{ fingerprint: string; response: FilingResult | null }> = await this.dataSource.query(
      `SELECT idempotency_fingerprint AS fingerprint, idempotency_response AS response FROM requests
       WHERE created_by = $1 AND idempotency_key = $2`,
      [creatorId, key],
    );
    if (!row) return null;
    if (row.fingerprint !== this.fingerprint(body) || !row.response) {
      throw new ConflictError('REQUEST.DUPLICATE_IDEMPOTENCY_KEY', { key });
    }
    return row.response;
  }

  async afterUniqueViolation(
    error: unknown,
    creatorId: string,
    key: string | undefined,
    body: unknown,
  ): Promise<FilingResult | null> {
    const constraint =
      (error as { constraint?: string; driverError?: { constraint?: string } })?.driverError?.constraint ??
      (error as { constraint?: string })?.constraint;
    if (!key || constraint !== 'requests_idempotency_uq') return null;
    return this.replay(creatorId, key, body);
  }

  async remember(manager: EntityManager, requestId: string, response: FilingResult): Promise<void> {
    await manager.query(`UPDATE requests SET idempotency_response = $2 WHERE id = $1`, [
      requestId,
      JSON.stringify(response),
    ]);
  }
}
