/** Upload limits for response documents. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const ZIP_KINDS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Valid UTF-8 without NUL or other control bytes (besides tab, CR, LF, FF). */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/**
 * The content type from the bytes, never from the client's header: PDF, PNG, JPEG, DOCX/XLSX (a ZIP whose
 * name says which, containing an OOXML manifest) or plain UTF-8 text; anything else is null (refused).
 */
export function sniffContentType(bytes: Buffer, filename: string): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = filename.toLowerCase().split('.').pop() ?? '';
    return ZIP_KINDS[ext] && bytes.includes('[Content_Types].xml') ? ZIP_KINDS[ext] : null;
  }
  return isPlainText(bytes) ? 'text/plain; charset=utf-8' : null;
}

/**
 * A filename safe to store and to send back in Content-Disposition: no path, no control characters. A part
 * sent with an empty filename="" reaches here as undefined (it was a 500): it is stored as 'document'.
 */
export function sanitizeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}"<>|:*?]/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return clean || 'document';
}
