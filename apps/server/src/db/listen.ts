import pg from 'pg';

export type Listener = { close: () => Promise<void> };

/**
 * LISTENs on a channel over a dedicated connection, reconnecting after a loss. `onState` tells the
 * caller whether messages may have been missed (false) so it can stop trusting what they maintain.
 */
export async function listen(url: string, channel: string, onMessage: (payload: string) => void, onState: (connected: boolean) => void): Promise<Listener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const setState = onState;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => m.channel === channel && m.payload !== undefined && onMessage(m.payload));
    c.on('error', () => {
      setState(false);
      void c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      setState(true);
    } catch {
      await c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    }
  }

  await connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      setState(false);
      await client?.end().catch(() => undefined);
    },
  };
}
