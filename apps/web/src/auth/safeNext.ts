/** A same-app path to return to after sign-in; anything else (other hosts, //x, /login) becomes '/'. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/change-password')) return '/';
  return next;
}
