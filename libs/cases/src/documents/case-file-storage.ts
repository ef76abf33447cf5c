import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import { ValidationError } from '@disclose/domain';

/** Largest case document accepted (a scanned judgment can be long; the API body limit is separate). */
export const CASE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Signatures of the accepted types: recognised from the bytes, never from the client's header or name. */
const SIGNATURES: Array<{ type: string; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // DOCX and OFD (China's fixed-layout format for judgments) are ZIP containers.
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** The content type of the bytes, or null when it is none of the accepted ones. */
export function sniffCaseDocument(bytes: Buffer): string | null {
  const hit = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return hit?.type ?? (isPlainText(bytes) ? 'text/plain; charset=utf-8' : null);
}

export interface StoredFile {
  storageKey: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Disk storage of case documents under STORAGE_DIR/cases. Keys are generated (a uuid), never derived
 * from the client's file name, and every path is checked to stay inside the root (no traversal).
 */
@Injectable()
export class CaseFileStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.storageDir, 'cases');
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    if (bytes.length === 0) throw new ValidationError([{ field: 'file', code: 'empty' }]);
    if (bytes.length > CASE_DOCUMENT_MAX_BYTES) {
      throw new ValidationError([
        { field: 'file', code: 'too_large', params: { maxBytes: CASE_DOCUMENT_MAX_BYTES } },
      ]);
    }
    const contentType = sniffCaseDocument(bytes);
    if (!contentType) throw new ValidationError([{ field: 'file', code: 'type_not_allowed' }]);
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const path = this.pathOf(storageKey);
    await mkdir(resolve(path, '..'), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
    return {
      storageKey,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  async get(storageKey: string): Promise<Buffer> {
    return readFile(this.pathOf(storageKey));
  }

  private pathOf(storageKey: string): string {
    const path = resolve(join(this.root, storageKey));
    if (!path.startsWith(this.root + sep))
      throw new Error(`storage key escapes the storage root: ${storageKey}`);
    return path;
  }
}

/** UTF-8 text without control characters other than tab / newline (a typed note, a CSV). */
function isPlainText(bytes: Buffer): boolean {
  const text = bytes.subarray(0, 4096).toString('utf8');
  // eslint-disable-next-line no-control-regex -- control bytes are what the check looks for
  return !text.includes('\uFFFD') && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
}

/** A display name safe in a Content-Disposition header and on any file system. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control bytes are what the check looks for
    .replace(/[\u0000-\u001F"<>|:*?]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 && cleaned !== '.' && cleaned !== '..' ? cleaned : 'document';
}
