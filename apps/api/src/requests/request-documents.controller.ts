import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { ValidationError } from '@disclose/domain';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { DocumentsService } from '@disclose/requests';

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
    const bytes = await file.toBuffer();
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
