import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AgenciesService, Public, Roles } from '@disclose/identity';
import { AgencyDto, CreateAgencyDto, UpdateAgencyDto } from './agencies.dto';

/** Agencies: public reading (the filing form lists them), admin writing. */
@ApiTags('agencies')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Every agency (for the filing form), by code' })
  @ApiResponse({ status: 200, type: [AgencyDto] })
  list(): Promise<AgencyDto[]> {
    return this.agencies.list();
  }

  @Public()
  @Get(':code')
  @ApiOperation({ summary: 'One agency by its code' })
  @ApiResponse({ status: 200, type: AgencyDto })
  get(@Param('code') code: string): Promise<AgencyDto> {
    return this.agencies.requireByCode(code);
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an agency (admin)' })
  @ApiResponse({ status: 201, type: AgencyDto })
  create(@Body() body: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(body);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change an agency's settings (admin)" })
  @ApiResponse({ status: 200, type: AgencyDto })
  update(@Param('code') code: string, @Body() body: UpdateAgencyDto): Promise<AgencyDto> {
    return this.agencies.updateSettings(code, body);
  }
}
