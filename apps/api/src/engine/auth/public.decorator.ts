import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'zizhu:public';

/** Marks a route that needs no session (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
