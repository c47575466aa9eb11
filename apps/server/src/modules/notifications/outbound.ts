import type { NotificationKind } from '@zhiyuan/core';

/** A message for someone outside the inbox (a hotline caller without an account): SMS or e-mail. */
export type OutboundMessage = { phone?: string; email?: string; kind: NotificationKind; title: string; body: string };

/**
 * The outbound channel (SMS gateway, mail server) is a deployment's choice: an adapter with this
 * interface is plugged in; the default only logs, so nothing leaves the server unconfigured.
 */
export interface OutboundAdapter {
  send(message: OutboundMessage): Promise<void>;
}

export type OutboundLog = { info: (obj: object, msg: string) => void };

const masked = (phone?: string) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : undefined);

/** Logs what would have been sent; the phone number is masked (it is personal data). */
export function loggingOutbound(log: OutboundLog): OutboundAdapter {
  return {
    async send(m) {
      log.info({ outbound: { kind: m.kind, phone: masked(m.phone), email: m.email ? m.email.replace(/^[^@]*/, '***') : undefined, title: m.title } }, 'outbound notification (logging adapter: not sent)');
    },
  };
}
