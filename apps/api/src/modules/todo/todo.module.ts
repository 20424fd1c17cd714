import { Module } from '@nestjs/common';
import { FundExceptionsService } from '../funds/fund-exceptions.service';
import { OverduePaymentsService } from '../funds/overdue-payments.service';
import { ReconciliationService } from '../funds/reconciliation.service';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

/** `GET /api/me/todo`: the home page's work to do (kinds declared in todo-kinds.ts). */
@Module({
  controllers: [TodoController],
  providers: [TodoService, OverduePaymentsService, FundExceptionsService, ReconciliationService],
})
export class TodoModule {}
