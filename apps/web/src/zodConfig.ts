/**
 * Imported first by main.tsx, before any schema of @zhiyuan/core is built: zod 4 probes
 * `new Function('')` to decide whether to JIT its object parsers, and under the server's CSP
 * (script-src 'self', no 'unsafe-eval') the browser reports that probe as a violation in the
 * console even though zod catches it. jitless skips the probe; parsing stays correct.
 */
import { config } from 'zod';

config({ jitless: true });
