/**
 * Spreadsheet formula injection (CSV/xlsx injection): a text cell starting with = + - @ (or a
 * tab/CR) is prefixed with an apostrophe so that Excel shows it as text and never evaluates it.
 */
export function safeCell(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
