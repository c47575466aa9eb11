import { statsWindow } from '@zhiyuan/core';
import { AppError } from '../../errors';

/**
 * statsWindow of core (Shanghai days, `to` includes its day; ISO instants as they are) for a
 * request: an empty or reversed window is 400 on `to`. The rates and the supervision list read
 * their dates through it, so the two cannot disagree about a day's bounds.
 */
export function requestWindow(from: string, to: string): { from: Date; to: Date } {
  try {
    return statsWindow(from, to);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', (e as Error).message, [{ path: ['to'], message: (e as Error).message }]);
  }
}
