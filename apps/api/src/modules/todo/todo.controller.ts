import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser, TodoItem } from '@zizhu/schema';
import { CurrentUser } from '../../engine/auth/current-user.decorator';
import { TodoService } from './todo.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @Get('todo')
  @ApiOperation({
    summary: "The caller's work to do, per role: [{ kind, count, dueDate?, link }]; count is the number of rows the link's filtered list holds",
  })
  list(@CurrentUser() user: SessionUser): Promise<TodoItem[]> {
    return this.todo.forUser(user);
  }
}
