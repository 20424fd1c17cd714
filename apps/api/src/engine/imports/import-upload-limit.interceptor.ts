import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { ApiException } from '../errors/api.exception';
import { limitMessage } from './import-limits';

/** Multer's "file too large" on an import becomes a field error on `file` that says the limit. */
@Injectable()
export class ImportUploadLimitInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() => (error instanceof PayloadTooLargeException ? ApiException.validation({ file: limitMessage('fileBytes') }) : error)),
      ),
    );
  }
}
