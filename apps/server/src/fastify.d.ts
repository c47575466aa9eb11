import type { Config } from './config';
import type { Actor, RequestContext } from './context';
import type { Database } from './db/pool';
import type { Services } from './services';
import type { ResumedSession } from './modules/identity/auth.service';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    database: Database;
    config: Config;
    serveIndex: (reply: FastifyReply) => FastifyReply;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: ResumedSession | null;
    ctx(): RequestContext;
  }
  interface FastifyContextConfig {
    /** Audit action name for denials and failures of this route. */
    action?: string;
    /** The service records this route's failures itself (e.g. sign-in). */
    auditsItself?: boolean;
    /** Reachable while the user must still change the password. */
    allowPendingPasswordChange?: boolean;
  }
}
