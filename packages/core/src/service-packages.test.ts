import { describe, expect, it } from 'vitest';
import { packageCompletion } from './service-packages';

describe('packageCompletion', () => {
  it('counts finished items only toward the share', () => {
    expect(packageCompletion([{ status: 'done' }, { status: 'in_progress' }, { status: 'todo' }, { status: 'done' }])).toEqual({ total: 4, done: 2, inProgress: 1, share: 0.5 });
    expect(packageCompletion([{ status: 'done' }])).toEqual({ total: 1, done: 1, inProgress: 0, share: 1 });
  });
  it('has no share without items', () => {
    expect(packageCompletion([])).toEqual({ total: 0, done: 0, inProgress: 0, share: null });
  });
});
