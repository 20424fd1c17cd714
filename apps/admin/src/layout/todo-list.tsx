import type { TodoItem } from '@zizhu/schema';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Alert, Chip, List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import { useLoaded } from '../providers/use-loaded';
import { fetchTodo, todoTarget } from './todo-api';

/** China's date, as the API compares due dates. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The officer's work to do (`GET /api/me/todo`): one line per kind, its count, its earliest due date; a click opens the filtered list. */
export function TodoList({ userId }: { userId: number }) {
  const translate = useTranslate();
  const { data, failed } = useLoaded(userId, fetchTodo);
  if (failed) return <Alert severity="error">{translate('zizhu.todo.loadFailed')}</Alert>;
  if (!data) return null;
  if (data.length === 0) return <Typography variant="body2">{translate('zizhu.todo.none')}</Typography>;
  const today = chinaToday();
  return (
    <List dense data-testid="todo-list">
      {data.map((item) => (
        <ListItemButton key={item.kind} component={LinkBase} to={todoTarget(item.link)} data-testid={`todo-${item.kind}`} sx={{ opacity: item.count ? 1 : 0.6 }}>
          <ListItemIcon>{item.count ? <AssignmentLateIcon color="warning" /> : <AssignmentTurnedInIcon color="disabled" />}</ListItemIcon>
          <ListItemText
            primary={translate(`zizhu.todo.kinds.${item.kind}`)}
            secondary={dueText(item, today, translate)}
            slotProps={{ secondary: { color: item.count && item.dueDate && item.dueDate < today ? 'error' : 'text.secondary' } }}
          />
          <Chip
            label={item.count ? item.count : translate('zizhu.todo.nothing')}
            color={item.count ? 'warning' : 'default'}
            size="small"
            data-testid="todo-count"
          />
        </ListItemButton>
      ))}
    </List>
  );
}

function dueText(item: TodoItem, today: string, translate: (key: string, options?: object) => string): string | undefined {
  if (!item.dueDate) return undefined;
  return translate(item.dueDate < today ? 'zizhu.todo.overdue' : 'zizhu.todo.due', { date: item.dueDate });
}
