import pg from 'pg';

export type Listener = { close: () => Promise<void> };

/** What a channel's messages go to, and who is told whether messages may have been missed (false). */
export type Subscriber = { onMessage: (payload: string) => void; onListening: (connected: boolean) => void };

/**
 * LISTENs on the channels over one dedicated connection, reconnecting after a loss. `onListening`
 * tells each subscriber whether messages may have been missed (false) so it can stop trusting what
 * it maintains.
 */
export async function listen(url: string, channels: Record<string, Subscriber>): Promise<Listener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const setState = (connected: boolean) => Object.values(channels).forEach((s) => s.onListening(connected));

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => m.payload !== undefined && channels[m.channel]?.onMessage(m.payload));
    c.on('error', () => {
      setState(false);
      void c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    try {
      await c.connect();
      for (const channel of Object.keys(channels)) await c.query(`LISTEN ${channel}`);
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
