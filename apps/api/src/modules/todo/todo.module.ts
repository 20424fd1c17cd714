import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { FundExceptionsService } from '../funds/fund-exceptions.service';
import { OverduePaymentsService } from '../funds/overdue-payments.service';
import { ReconciliationService } from '../funds/reconciliation.service';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

/** `GET /api/me/todo`: the home page's work to do (kinds declared in todo-kinds.ts). Import before ResourceModule. */
@Module({
  controllers: [TodoController],
  providers: [TodoService, ResourceReader, OverduePaymentsService, FundExceptionsService, ReconciliationService, AuditService],
})
export class TodoModule {}
