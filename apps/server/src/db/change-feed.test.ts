import { describe, expect, it } from 'vitest';
import { createChangeFeed } from './change-feed';

const tx = { execute: async () => ({ rows: [] }) } as never;

describe('change feed', () => {
  it('remembers nothing until its LISTEN connection is up, and forgets everything when it drops', async () => {
    const feed = createChangeFeed();
    let calls = 0;
    const read = () => feed.memo(['parks'], 'k', async () => ++calls);
    expect([await read(), await read()]).toEqual([1, 2]);
    feed.onListening(true);
    expect([await read(), await read()]).toEqual([3, 3]);
    feed.onListening(false);
    expect([await read(), await read()]).toEqual([4, 5]);
  });

  it('computes again after a change of a topic the answer depends on, and only then', async () => {
    const feed = createChangeFeed();
    feed.onListening(true);
    let calls = 0;
    const read = () => feed.memo(['rollups', 'parks'], 'k', async () => ++calls);
    expect(await read()).toBe(1);
    feed.onMessage('indicators');
    expect(await read()).toBe(1);
    feed.onMessage('rollups');
    expect(await read()).toBe(2);
    await feed.publish(tx, 'parks');
    expect(await read()).toBe(3);
    feed.committed('parks');
    expect(await read()).toBe(4);
    feed.onMessage('something else');
    expect(await read()).toBe(4);
  });

  it('knows the service desk topics: the calendar and the settings each forget only their own answers', async () => {
    const feed = createChangeFeed();
    feed.onListening(true);
    let calendar = 0;
    let settings = 0;
    const read = () => Promise.all([feed.memo(['calendar'], 'c', async () => ++calendar), feed.memo(['serviceDeskSettings'], 's', async () => ++settings)]);
    expect(await read()).toEqual([1, 1]);
    feed.onMessage('calendar');
    expect(await read()).toEqual([2, 1]);
    await feed.publish(tx, 'serviceDeskSettings');
    expect(await read()).toEqual([2, 2]);
  });

  it('does not keep an answer computed while the topic changed', async () => {
    const feed = createChangeFeed();
    feed.onListening(true);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = feed.memo(['rollups'], 'k', async () => {
      await gate;
      return ++calls;
    });
    feed.onMessage('rollups'); // committed by another instance while the read was under way
    release();
    expect(await slow).toBe(1);
    expect(await feed.memo(['rollups'], 'k', async () => ++calls)).toBe(2);
  });

  it('write: an answer read while the writer’s transaction was open is forgotten once it returns', async () => {
    const feed = createChangeFeed();
    feed.onListening(true);
    let calls = 0;
    const read = () => feed.memo(['calendar'], 'k', async () => ++calls);
    // A concurrent request reads the old data after the publish, before the commit.
    const db = {
      transaction: async <T>(work: (t: never) => Promise<T>) => {
        const r = await work(tx);
        expect(await read()).toBe(1);
        return r;
      },
    } as never;
    await feed.write(db, 'calendar', async () => undefined);
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  it('forgets a failed computation and keeps at most maxEntries answers', async () => {
    const feed = createChangeFeed(2);
    feed.onListening(true);
    await expect(feed.memo(['parks'], 'bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await feed.memo(['parks'], 'bad', async () => 'ok')).toBe('ok');
    let calls = 0;
    const read = (k: string) => feed.memo(['parks'], k, async () => ++calls);
    await read('a');
    await read('b'); // 'bad' (oldest) is dropped
    await read('c'); // 'a' is dropped
    expect(await read('c')).toBe(3);
    expect(await read('a')).toBe(4);
  });
});
