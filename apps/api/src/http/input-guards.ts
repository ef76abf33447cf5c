import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '@disclose/domain';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/** Deeper JSON than any DTO of the API has; deeper bodies exhaust the validators' stack (a 500 before). */
export const MAX_JSON_DEPTH = 32;

/** Whether a JSON text nests objects/arrays deeper than `max` (strings skipped), without parsing it. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

type Done = (err: Error | null, value?: unknown) => void;
type JsonParser = (req: FastifyRequest, body: string, done: Done) => void;

/**
 * The JSON body parser: Fastify's own (prototype and constructor poisoning refused, bad JSON a 400) behind a
 * nesting limit, so a 20,000-level body is a 400 with a field message instead of a stack overflow (a 500).
 */
export function jsonBodyParser(fastifyDefault: JsonParser) {
  return (req: FastifyRequest, body: Buffer, done: Done): void => {
    const text = body.toString('utf8');
    if (jsonTooDeep(text)) {
      return done(
        new ValidationError([{ field: 'body', code: 'too_deeply_nested', params: { max: MAX_JSON_DEPTH } }]),
      );
    }
    fastifyDefault(req, text, done);
  };
}

/** Where a NUL character hides in a parsed body (PostgreSQL text cannot hold one: it was a 500). */
function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return field;
    const found = nulField(child, field, depth + 1);
    if (found) return found;
  }
  return null;
}

/** preValidation hook: a NUL character in the URL or the body is refused with a field message. */
export async function refuseNulCharacters(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (/%00/.test(request.url)) throw new ValidationError([{ field: 'url', code: 'invalid_character' }]);
  const field = nulField(request.body, '');
  if (field) throw new ValidationError([{ field, code: 'invalid_character' }]);
}

/**
 * Errors Node's HTTP parser answers before Fastify sees a request (headers over 16 KB: 431, a malformed
 * request line: 400) as problem+json like every other refusal, instead of Fastify's plain JSON.
 */
export function problemClientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = `HTTP.${status}`;
  const body = JSON.stringify({
    type: problemType(code),
    title: STATUS_CODES[status],
    status,
    code,
    detail:
      status === 431
        ? 'The request headers are larger than the server accepts.'
        : status === 408
          ? 'The request took too long to arrive.'
          : 'The request is not valid HTTP.',
  });
  // end(), not write() + destroy(): the answer is flushed before the socket closes (the client reads it).
  if (!socket.writable) return void socket.destroy(error);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A client that keeps sending does not hold the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/**
 * Fastify's own routing refusals (a path parameter over its length limit: 414, a URL that is not valid
 * percent-encoding: 400) as problem+json; they never reach Nest's exception filter.
 */
export function problemFrameworkError(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const code = `HTTP.${status}`;
  void reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({
      type: problemType(code),
      title: STATUS_CODES[status],
      status,
      code,
      detail:
        status === 414 ? 'A part of the URL is longer than the server accepts.' : 'The URL is not valid.',
      instance: request.url.slice(0, 200),
    });
}
