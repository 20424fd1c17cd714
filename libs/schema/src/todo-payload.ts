/**
 * One line of a user's home page (`GET /api/me/todo`): how many records of one kind wait for
 * them, the earliest due date among them, and the panel path of the filtered list.
 */
export interface TodoItem {
  kind: string;
  count: number;
  dueDate?: string;
  link: string;
}
