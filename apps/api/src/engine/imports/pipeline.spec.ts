import { Pipeline } from './pipeline';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Pipeline', () => {
  it('runs steps one after another while the caller goes on', async () => {
    const pipeline = new Pipeline();
    const events: string[] = [];
    const step = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };
    await pipeline.next(step('a'));
    events.push('caller between');
    await pipeline.next(step('b'));
    await pipeline.drain();
    expect(events).toEqual(['a start', 'caller between', 'a end', 'b start', 'b end']);
  });

  it('keeps the first failure, starts no step after it, and throws it from next and drain', async () => {
    const pipeline = new Pipeline();
    const ran: string[] = [];
    await pipeline.next(async () => {
      await tick();
      throw new Error('first');
    });
    await expect(pipeline.next(async () => void ran.push('after'))).rejects.toThrow('first');
    await expect(pipeline.drain()).rejects.toThrow('first');
    await expect(pipeline.settle()).resolves.toBeUndefined();
    expect(ran).toEqual([]);
  });
});
