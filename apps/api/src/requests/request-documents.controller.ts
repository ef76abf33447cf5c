import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { ValidationError } from '@disclose/domain';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { DocumentsService, MAX_DOCUMENT_BYTES } from '@disclose/requests';

/** Response documents: multipart upload by staff, download by staff or (if visible) the applicant. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests/:id/documents')
export class RequestDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Upload a document (PDF, PNG, JPEG, DOCX, XLSX or plain text; at most 20 MB)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        visibleToApplicant: { type: 'boolean', default: true, description: 'Send before the file part' },
        expectedVersion: { type: 'integer', description: 'Send before the file part' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
  ) {
    if (!req.isMultipart()) throw new ValidationError([{ field: 'file', code: 'multipart_required' }]);
    const file = await req.file();
    if (!file) throw new ValidationError([{ field: 'file', code: 'required' }]);
    // Over the limit, multipart reads the file to its end and cuts it: toBuffer throws, or (when the cut
    // falls on a chunk boundary) answers the first MAX_DOCUMENT_BYTES with the stream marked truncated.
    // Either way a field message naming the limit (as DocumentsService's own check), not a bare 413.
    const tooLarge = new ValidationError([
      { field: 'file', code: 'too_large', params: { max: MAX_DOCUMENT_BYTES } },
    ]);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge;
      throw error;
    }
    if (file.file.truncated) throw tooLarge;
    const field = (name: string): string | undefined => {
      const f = file.fields[name] as { value?: unknown } | undefined;
      return f && typeof f.value === 'string' ? f.value : undefined;
    };
    const version = field('expectedVersion');
    if (version !== undefined && !/^[1-9]\d{0,9}$/.test(version)) {
      throw new ValidationError([{ field: 'expectedVersion', code: 'must_be_positive_integer' }]);
    }
    return this.documents.upload(user, id, {
      filename: file.filename,
      bytes,
      visibleToApplicant: field('visibleToApplicant') !== 'false',
      expectedVersion: version === undefined ? undefined : Number(version),
    });
  }

  @Get(':docId')
  @ApiOperation({ summary: 'Download a document' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('docId', ParseUUIDPipe) docId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.documents.download(user, id, docId);
    void reply.header('content-type', doc.contentType);
    void reply.header('content-length', String(doc.size));
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    );
    return new StreamableFile(doc.stream);
  }
}
