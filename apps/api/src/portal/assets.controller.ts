import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@disclose/identity';
import { PORTAL_CSS } from './assets/portal-css';
import { PORTAL_JS } from './assets/portal-js';

/** The portal's stylesheet and script, as files (the CSP allows no inline code). */
@ApiExcludeController()
@Public()
@Controller('assets')
export class PortalAssetsController {
  @Get('portal.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  css(): string {
    return PORTAL_CSS;
  }

  @Get('portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  js(): string {
    return PORTAL_JS;
  }
}
