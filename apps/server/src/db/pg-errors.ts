import type { AppError } from '../errors';

const pgCode = (e: unknown): string | undefined => (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;

/** Runs `work`; a unique-constraint violation becomes the caller's 409 instead of a 500. */
export async function uniqueAs<T>(work: () => Promise<T>, conflict: () => AppError): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (pgCode(e) === '23505') throw conflict();
    throw e;
  }
}
