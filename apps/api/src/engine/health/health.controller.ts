import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { type PdfReadiness, PdfRenderer } from '../pdf/pdf-renderer.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pdf: PdfRenderer,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness, database reachability and whether PDFs can be made (what to install if not)' })
  async health(): Promise<{ status: 'ok'; database: 'up'; pdf: PdfReadiness }> {
    await this.db.query('SELECT 1');
    // PDFs are one feature among many: their absence is reported, not a failed health check.
    return { status: 'ok', database: 'up', pdf: this.pdf.readiness() };
  }
}
