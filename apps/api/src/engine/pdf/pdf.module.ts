import { Module } from '@nestjs/common';
import { PdfRenderer } from './pdf-renderer.service';

/** Printable documents: import this module and inject PdfRenderer; one browser is shared by all. */
@Module({
  providers: [PdfRenderer],
  exports: [PdfRenderer],
})
export class PdfModule {}
