/**
 * What an error says to the user. Messages the extension and the core write are sentences already; an
 * engine error is not, and is never shown raw: a stack overflow (a formula or argument nested thousands
 * deep) becomes "nested too deeply". Pure: no 'vscode'.
 */
export function messageOf(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'it is nested too deeply to read (too many brackets inside one another)';
  return error instanceof Error ? error.message : String(error);
}
