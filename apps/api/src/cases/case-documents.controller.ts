import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CASE_DOCUMENT_KINDS, CASE_DOCUMENT_MAX_BYTES, CaseDocumentsService } from '@disclose/cases';
import { ValidationError } from '@disclose/domain';
import { CurrentUser, type AuthUser } from '@disclose/identity';
import { ApiProblems, UploadedCaseDocumentDto } from './dto/case-view.dto';

interface MultipartFile {
  filename: string;
  fields: Record<string, { value?: unknown } | undefined>;
  toBuffer(): Promise<Buffer>;
}

/** Case documents: multipart upload (legal, admin) and download (anyone who may read the case). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases/:id/documents')
export class CaseDocumentsController {
  constructor(private readonly documents: CaseDocumentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Upload a document (legal, admin): the application, the defence, the decision or judgment. At most 20 MB; ' +
      'PDF, PNG, JPEG, DOCX, XLSX or plain text, sniffed from the bytes. Send `kind` before `file`.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...CASE_DOCUMENT_KINDS] },
        file: { type: 'string', format: 'binary', maxLength: CASE_DOCUMENT_MAX_BYTES },
      },
    },
  })
  @ApiResponse({ status: 201, type: UploadedCaseDocumentDto })
  @ApiProblems(400, 401, 403, 404)
  async upload(@CurrentUser() user: AuthUser, @Param('id') id: string, @Req() req: FastifyRequest) {
    const withFile = req as FastifyRequest & {
      isMultipart?: () => boolean;
      file?: (o: unknown) => Promise<MultipartFile | undefined>;
    };
    if (!withFile.isMultipart?.() || !withFile.file)
      throw new ValidationError([{ field: 'file', code: 'multipart_required' }]);
    const file = await withFile.file({ limits: { fileSize: CASE_DOCUMENT_MAX_BYTES + 1, files: 1 } });
    if (!file) throw new ValidationError([{ field: 'file', code: 'required' }]);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch {
      throw new ValidationError([
        { field: 'file', code: 'too_large', params: { maxBytes: CASE_DOCUMENT_MAX_BYTES } },
      ]);
    }
    // Send the `kind` field before the file: multipart fields after it are not parsed yet.
    const kindField = (file.fields as Record<string, { value?: unknown } | undefined>).kind;
    const kind = kindField?.value;
    const doc = await this.documents.upload(user, id, {
      kind: typeof kind === 'string' ? kind : '',
      filename: file.filename,
      bytes,
    });
    return {
      id: doc.id,
      caseId: doc.caseId,
      kind: doc.kind,
      filename: doc.filename,
      contentType: doc.contentType,
      size: doc.size,
      sha256: doc.sha256,
    };
  }

  @Get(':documentId')
  @ApiOperation({ summary: 'Download a document (anyone who may read the case)' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The bytes, as an attachment, with the sniffed content type' })
  @ApiProblems(401, 404)
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, content } = await this.documents.download(user, id, documentId);
    void reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  }
}
