/**
 * The results table: one row per checked function (verdict, errors, worst point, kinks), selectable with
 * the mouse or the keyboard, and the selected function's per-check table. Text only through the DOM helpers.
 */
import { describeKinks, describeValues, describeWhere, formatError, formatMs, formatNumber, variableOf } from '../../src/features/gradcheck/reportFormat';
import type { ReportRow } from '../../src/features/gradcheck/gradcheckMessages';
import { formatValue } from '../shared/chart';
import { el } from '../shared/dom';

/** Short headers (the table shares the view with the plot); the title says the rest. */
const COLUMNS: [string, string][] = [
  ['Function', 'The catalogue id, or the formula'],
  ['Result', 'pass when every compared point is within atol + rtol·|numeric|'],
  ['Abs error', 'Largest |analytic − numeric|'],
  ['Rel error', 'Largest |analytic − numeric| / |numeric| where |numeric| > atol'],
  ['Worst at', 'The point that used most of its tolerance'],
  ['Analytic', 'The derivative claimed (analytic) at the worst point'],
  ['Numeric', 'The numeric derivative at the worst point'],
  ['Kinks at', 'Where the left and right derivatives differ (reported, not failed)'],
];

export function reportsTable(rows: readonly ReportRow[], selected: number, onSelect: (index: number) => void): HTMLElement {
  const body = el('tbody');
  rows.forEach((row, index) => {
    const worst = row.worst;
    const tr = el(
      'tr',
      {
        class: `report-row ${row.ok ? 'ok' : 'fail'}`,
        'data-index': String(index),
        'data-ok': String(row.ok),
        'data-target': row.target,
        tabindex: index === selected ? '0' : '-1',
        'aria-selected': String(index === selected),
      },
      [
        el('td', { class: 'target', title: row.target }, [row.target]),
        el('td', { class: 'verdict' }, [verdictBadge(row)]),
        el('td', { class: 'num' }, [formatError(row.maxAbsError)]),
        el('td', { class: 'num' }, [formatError(row.maxRelError)]),
        el('td', { class: 'num where', title: worst ? describeWhere(worst) : '' }, [worst ? `${variableOf(worst)} = ${formatValue(worst.x)}` : '—']),
        el('td', { class: 'num' }, [worst ? formatValue(worst.analytic) : '—']),
        el('td', { class: 'num' }, [worst ? formatValue(worst.numeric) : '—']),
        el('td', { class: 'num kinks' }, [row.kinks.map((k) => formatValue(k)).join(', ')]),
      ],
    );
    tr.addEventListener('click', () => onSelect(index));
    body.append(tr);
  });
  body.addEventListener('keydown', (e) => {
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? selected);
    const next = e.key === 'ArrowDown' ? current + 1 : e.key === 'ArrowUp' ? current - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : undefined;
    if (next !== undefined) {
      e.preventDefault();
      if (next >= 0 && next < rows.length) onSelect(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(current);
    }
  });
  const head = el('thead', {}, [el('tr', {}, COLUMNS.map(([c, title]) => el('th', { scope: 'col', title }, [c])))]);
  return el('table', { id: 'reports', class: 'reports', 'aria-label': 'Gradient-check results, one row per function' }, [head, body]);
}

/** Marks `index` as the selected row (the table is not rebuilt: focus and scroll stay where they are). */
export function markSelected(table: HTMLElement, index: number, focus: boolean): void {
  for (const tr of table.querySelectorAll<HTMLElement>('tr.report-row')) {
    const on = tr.dataset.index === String(index);
    tr.setAttribute('aria-selected', String(on));
    tr.tabIndex = on ? 0 : -1;
    if (on) {
      if (focus) tr.focus();
      tr.scrollIntoView({ block: 'nearest' });
    }
  }
}

function verdictBadge(row: ReportRow): HTMLElement {
  return el('span', { class: `badge ${row.ok ? 'ok' : 'fail'}` }, [row.ok ? '✓ pass' : '✗ FAIL']);
}

/** The selected function in words, and one line per check (each label of a loss, each Jacobian size). */
export function detailsBlock(row: ReportRow): HTMLElement {
  const facts: [string, string][] = [
    ['Range', `[${formatNumber(row.range[0])}, ${formatNumber(row.range[1])}]`],
    ['Points', `${row.points} compared, ${row.failures} failed, ${row.skipped} skipped`],
    ['Tolerance', `atol ${formatNumber(row.atol)}, rtol ${formatNumber(row.rtol)}; error / tolerance at worst ${formatError(row.achievedTolerance)}`],
    ['Max error', `abs ${formatError(row.maxAbsError)}, rel ${formatError(row.maxRelError)}`],
    ['Worst point', row.worst ? `${describeWhere(row.worst)}: ${describeValues(row.worst)}` : 'none (no point could be compared)'],
    [row.kinks.length === 1 ? 'Kink' : 'Kinks', describeKinks(row.kinks, row.worst ? variableOf(row.worst).replace(/_\d+$/, '') : 'x')],
    ['Time', formatMs(row.durationMs)],
  ];
  const list = el(
    'dl',
    { class: 'facts' },
    facts.flatMap(([k, v]) => [el('dt', {}, [k]), el('dd', {}, [v])]),
  );
  const checks =
    row.checks.length > 1
      ? el('table', { class: 'checks', 'aria-label': 'Checks' }, [
          el('thead', {}, [el('tr', {}, ['Check', 'Result', 'Points', 'Max abs error', 'Worst at'].map((c) => el('th', { scope: 'col' }, [c])))]),
          el(
            'tbody',
            {},
            row.checks.map((check) =>
              el('tr', { class: check.ok ? 'ok' : 'fail' }, [
                el('td', {}, [check.label]),
                el('td', {}, [el('span', { class: `badge ${check.ok ? 'ok' : 'fail'}` }, [check.ok ? '✓ pass' : '✗ FAIL'])]),
                el('td', { class: 'num' }, [`${check.points}${check.skipped ? ` (+${check.skipped} skipped)` : ''}`]),
                el('td', { class: 'num' }, [formatError(check.maxAbsError)]),
                el('td', { class: 'num' }, [check.worst ? `${variableOf(check.worst)} = ${formatValue(check.worst.x)}` : '—']),
              ]),
            ),
          ),
        ])
      : el('span');
  return el('div', { class: 'details-body' }, [list, checks]);
}
