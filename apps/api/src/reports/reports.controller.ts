import { Body, Controller, Get, Put, Query, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '@disclose/identity';
import { AnnualReportFormat, AnnualReportOutputService, ReportTextsService } from '@disclose/reports';
import { AnnualReportQueryDto, ReportTextsDto } from './reports.dto';
import { checkTable1, ReportAccess } from './report-access';
import { ReportInconsistencyFilter } from './report-inconsistency.filter';

const STAFF = ['clerk', 'supervisor', 'legal', 'admin'] as const;

/** The statutory annual report (issue 7): JSON, HTML, DOCX, XLSX; staff-entered table 1 and texts. */
@ApiTags('reports')
@ApiBearerAuth()
@UseFilters(ReportInconsistencyFilter)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly output: AnnualReportOutputService,
    private readonly texts: ReportTextsService,
    private readonly access: ReportAccess,
  ) {}

  @Get('annual')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Annual report as JSON (CN tables 2/3, fees, on-time; us-foia agencies: DOJ core tables)',
  })
  @ApiOkResponse({ description: '{year, agency, requests, reviews, fees, onTime, table1, sections}' })
  async json(@CurrentUser() user: AuthUser, @Query() q: AnnualReportQueryDto): Promise<unknown> {
    return (await this.render(user, q, 'json')).body;
  }

  @Get('annual.html')
  @Roles(...STAFF)
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Annual report as an HTML page laid out like the official tables' })
  html(
    @CurrentUser() user: AuthUser,
    @Query() q: AnnualReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(user, q, 'html', reply);
  }

  @Get('annual.docx')
  @Roles(...STAFF)
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({ summary: 'Annual report as a Word document (Chinese, merged header cells)' })
  docx(
    @CurrentUser() user: AuthUser,
    @Query() q: AnnualReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(user, q, 'docx', reply);
  }

  @Get('annual.xlsx')
  @Roles(...STAFF)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Annual report as an Excel workbook (one sheet per table)' })
  xlsx(
    @CurrentUser() user: AuthUser,
    @Query() q: AnnualReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(user, q, 'xlsx', reply);
  }

  @Put('annual/texts')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Store table 1 and the text sections of an agency and year (fields left out are kept)',
  })
  async putTexts(@CurrentUser() user: AuthUser, @Body() dto: ReportTextsDto) {
    checkTable1(dto.table1);
    const agency = await this.access.agencyFor(user, dto.agency);
    return this.texts.put({
      agencyCode: agency.code,
      year: dto.year,
      table1: dto.table1,
      sections: { ...dto.sections },
      updatedBy: user.id,
    });
  }

  private async render(user: AuthUser, q: AnnualReportQueryDto, format: AnnualReportFormat) {
    const agency = await this.access.agencyFor(user, q.agency);
    return this.output.render(
      { agencyCode: agency.code, year: q.year, subordinates: q.subordinates ?? false },
      format,
    );
  }

  private async send(
    user: AuthUser,
    q: AnnualReportQueryDto,
    format: AnnualReportFormat,
    reply: FastifyReply,
  ): Promise<string | Buffer> {
    const out = await this.render(user, q, format);
    void reply.header('content-type', out.contentType);
    if (format !== 'html') void reply.header('content-disposition', `attachment; filename="${out.filename}"`);
    return out.body as string | Buffer;
  }
}
