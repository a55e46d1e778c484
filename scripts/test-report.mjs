// Prints an integration result file (written by test/integration/index.ts) the way every test stage of
// this repo ends: one line per test with ✓/✗, then "N passed, N failed" alone on a line.

/** Prints the tests and the closing line; returns true when at least one test ran and none failed. */
export function printIntegrationResult(result) {
  for (const t of result.tests) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${t.fullTitle}${t.state === 'passed' ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error) console.log(`      ${t.error.split('\n').slice(0, 8).join('\n      ')}`);
  }
  if (result.error && !result.tests.some((t) => t.error)) console.log(`  ✗ the suite did not run: ${result.error}`);
  console.log(closingLine(result.passes, result.failures, result.pending));
  return result.failures === 0 && result.passes > 0;
}

export function closingLine(passes, failures, pending = 0) {
  return `${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`;
}
