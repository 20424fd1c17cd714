import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@zizhu/identities';
import { columnName, type ResourceDeclaration, type SessionUser, type TodoItem } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { requireResource } from '../../engine/metadata/resource-registry';
import { whereClause } from '../../engine/rest/list-query';
import { parseListQuery } from '../../engine/rest/query-parser';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { readScope } from '../../engine/scope/scope';
import { FundExceptionsService } from '../funds/fund-exceptions.service';
import { OverduePaymentsService } from '../funds/overdue-payments.service';
import { userLevel } from '../programs/user-level';
import { TodoContext } from './todo-context';
import { TODO_KINDS, type TodoKind, type TodoTarget } from './todo-kinds';

type ListTarget = Extract<TodoTarget, { kind: 'list' }>;

/** The caller's to-do items: every kind declared for their role whose list they may read. */
@Injectable()
export class TodoService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly overdue: OverduePaymentsService,
    private readonly exceptions: FundExceptionsService,
  ) {}

  async forUser(user: SessionUser, now = new Date()): Promise<TodoItem[]> {
    const context = new TodoContext(user, await userLevel(this.db.manager, user.id), chinaDate(now), this.db, this.overdue, this.exceptions);
    const kinds = TODO_KINDS.filter((k) => k.roles.includes(user.role) && readable(k, user));
    // One after another: a home page should not take every pooled connection at once.
    const items: TodoItem[] = [];
    for (const kind of kinds) items.push(await this.item(kind, context));
    return items;
  }

  private async item({ kind, target }: TodoKind, context: TodoContext): Promise<TodoItem> {
    if (target.kind === 'page') {
      return { kind, count: await target.count(context), link: `${target.path}?${new URLSearchParams(target.query)}` };
    }
    const resource = requireResource(target.resource);
    const filter = await target.filter(context);
    const query = parseListQuery(resource, { filter: JSON.stringify(filter), range: '[0,0]' });
    const { total } = await this.reader.list(resource, query, context.user);
    const dueDate = total > 0 && target.dueDate ? await this.earliest(resource, target.dueDate, query.conditions, context.user) : null;
    return {
      kind,
      count: total,
      ...(dueDate ? { dueDate } : {}),
      link: `/${resource.name}?${new URLSearchParams({ filter: JSON.stringify(filter) })}`,
    };
  }

  /** The earliest due date over the rows the list holds (the same conditions and scope). */
  private async earliest(
    resource: ResourceDeclaration,
    due: NonNullable<ListTarget['dueDate']>,
    conditions: ReturnType<typeof parseListQuery>['conditions'],
    user: SessionUser,
  ): Promise<string | null> {
    const params: unknown[] = [];
    const where = whereClause([...readScope(resource, user), ...conditions], params);
    let from = `"${resource.table}" t`;
    let column = `t."${columnName(due.field, resource.fields[due.field])}"`;
    if (due.via) {
      const target = requireResource(resource.fields[due.via].reference ?? '');
      from += ` JOIN "${target.table}" d ON d.id = t."${columnName(due.via, resource.fields[due.via])}"`;
      column = `d."${columnName(due.field, target.fields[due.field])}"`;
    }
    const [row] = await this.db.query(`SELECT to_char(min(${column}), 'YYYY-MM-DD') AS due FROM ${from} WHERE ${where}`, params);
    return row?.due ?? null;
  }
}

function readable(kind: TodoKind, user: SessionUser): boolean {
  return kind.target.kind === 'page' || requireResource(kind.target.resource).access.list.includes(user.role);
}
