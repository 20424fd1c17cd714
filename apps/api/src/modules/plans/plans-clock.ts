import { Injectable } from '@nestjs/common';
import { chinaDate } from '@zizhu/identities';

/**
 * The day it is for work plans: occurrences are generated up to it and judged against it.
 * One provider, so specs set the date (`jest.spyOn(app.get(PlansClock), 'now')`) and every
 * route and job of the module follows.
 */
@Injectable()
export class PlansClock {
  now(): Date {
    return new Date();
  }

  /** China's date, `YYYY-MM-DD`. */
  today(): string {
    return chinaDate(this.now());
  }
}
