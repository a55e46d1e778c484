/**
 * The pickers of Gradient Check… run without an argument: what to check (a catalogue function, a custom
 * formula, the editor's selection, or a formula with a claimed derivative), the parameters a formula uses,
 * the range and the number of points. Each input box validates as the user types, with the message the
 * command itself would give.
 */
import * as vscode from 'vscode';
import { catalogue } from '../../core/catalogue';
import { formulaFromCode, FormulaError } from '../../core/formula';
import { describeProblem } from './reportFormat';
import {
  catalogueRequest,
  type CheckJob,
  type CheckRequest,
  checkFormulaText,
  DEFAULT_POINTS,
  defaultRange,
  formulaRequest,
  messageOf,
  type Parsed,
  parseNumberText,
  parsePointsText,
  parseRangeText,
} from './checkRequest';

type Choice =
  | { readonly kind: 'catalogue'; readonly id: string }
  | { readonly kind: 'custom' }
  | { readonly kind: 'selection' }
  | { readonly kind: 'verify' };

type ChoiceItem = vscode.QuickPickItem & { readonly choice?: Choice };

/** The job the user put together; undefined when a picker was dismissed; a problem the pickers could not prevent. */
export async function pickCheckJob(startWith?: 'selection'): Promise<Parsed<CheckJob> | undefined> {
  const choice: Choice | undefined =
    startWith === 'selection'
      ? { kind: 'selection' }
      : (
          await vscode.window.showQuickPick(choiceItems(), {
            title: 'Gradient Check',
            placeHolder: 'A function to check against numeric differences (type to filter by title or id)',
            matchOnDescription: true,
          })
        )?.choice;
  if (!choice) return undefined;
  const request = await requestFor(choice);
  if (request === undefined || !request.ok) return request;
  return jobFor(request.value);
}

function choiceItems(): ChoiceItem[] {
  const items: ChoiceItem[] = [
    { label: 'Your own', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(edit) Custom formula…', description: 'f(x), checked against its automatic derivative', choice: { kind: 'custom' } },
    { label: '$(selection) Selection in editor', description: 'the selected Python / JavaScript expression', choice: { kind: 'selection' } },
    { label: '$(question) Verify a derivative…', description: 'f(x) and the f′(x) you claim for it', choice: { kind: 'verify' } },
  ];
  let kind = '';
  for (const f of catalogue.values()) {
    if (f.kind !== kind) {
      kind = f.kind;
      items.push({ label: kind === 'activation' ? 'Activations' : 'Losses', kind: vscode.QuickPickItemKind.Separator });
    }
    const params = f.params.map((p) => `${p.name}=${p.default}`).join(', ');
    items.push({ label: f.title, description: params ? `${f.id}  (${params})` : f.id, choice: { kind: 'catalogue', id: f.id } });
  }
  return items;
}

async function requestFor(choice: Choice): Promise<Parsed<CheckRequest> | undefined> {
  switch (choice.kind) {
    case 'catalogue':
      return catalogueRequest(choice.id);
    case 'custom': {
      const formula = await askFormula('f(x) =', 'x * sigmoid(x)', 'formula');
      return formula === undefined ? undefined : withParams(formula);
    }
    case 'verify': {
      const formula = await askFormula('f(x) =', 'x^2 / 2', 'formula');
      if (formula === undefined) return undefined;
      const claimed = await askFormula(`The derivative you claim for f(x) = ${formula}:  f′(x) =`, 'x', 'derivative');
      return claimed === undefined ? undefined : withParams(formula, claimed);
    }
    case 'selection':
      return selectionRequest();
  }
}

function askFormula(prompt: string, example: string, which: 'formula' | 'derivative'): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: which === 'formula' ? 'Gradient Check: the function' : 'Gradient Check: the claimed derivative',
    prompt,
    placeHolder: `e.g. ${example}`,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const checked = checkFormulaText(text, which);
      return checked.ok ? undefined : describeProblem(checked.problem);
    },
  });
}

/** An input box that validates as the user types; undefined when dismissed, else what was entered, parsed. */
async function askParsed<T>(box: { title: string; prompt: string; value: string }, parse: (text: string) => Parsed<T>): Promise<Parsed<T> | undefined> {
  const text = await vscode.window.showInputBox({
    ...box,
    ignoreFocusOut: true,
    validateInput: (input) => {
      const parsed = parse(input);
      return parsed.ok ? undefined : parsed.problem.message;
    },
  });
  return text === undefined ? undefined : parse(text);
}

/** A formula request, asking for the value of each parameter the formulas use. */
async function withParams(formula: string, derivative?: string): Promise<Parsed<CheckRequest> | undefined> {
  const names = new Set<string>();
  for (const text of derivative === undefined ? [formula] : [formula, derivative]) {
    const checked = checkFormulaText(text, 'formula');
    if (checked.ok) for (const name of checked.value) names.add(name);
  }
  const params: Record<string, number> = {};
  for (const name of [...names].sort()) {
    const parsed = await askParsed({ title: `Gradient Check: parameter ${name}`, prompt: `The value of ${name} in f(x) = ${formula}`, value: '1' }, (text) => parseNumberText(text, name));
    if (parsed === undefined) return undefined;
    if (!parsed.ok) return parsed;
    params[name] = parsed.value;
  }
  return formulaRequest(formula, derivative, params);
}

/** The selected expression translated into a formula (Python or JavaScript, as the editor's language). */
async function selectionRequest(): Promise<Parsed<CheckRequest> | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return { ok: false, problem: { message: 'open a file and select an expression first, e.g. x * torch.sigmoid(x)' } };
  const text = editor.document.getText(editor.selection).trim();
  if (!text) return { ok: false, problem: { message: 'select an expression first, e.g. x * torch.sigmoid(x)' } };
  let formula: string;
  try {
    formula = formulaFromCode(text, editor.document.languageId);
  } catch (error) {
    const at = error instanceof FormulaError && error.end > error.start ? ` (at "${text.slice(error.start, error.end)}")` : '';
    return { ok: false, problem: { message: `cannot translate \`${text}\` into a formula: ${messageOf(error)}${at}` } };
  }
  return withParams(formula);
}

async function jobFor(request: CheckRequest): Promise<Parsed<CheckJob> | undefined> {
  const [a, b] = defaultRange(request);
  const range = await askParsed(
    {
      title: 'Gradient Check: range',
      prompt: `The interval to check over, as "a, b" (${request.kind === 'catalogue' ? `${request.id}'s plot range` : 'default'}: ${a}, ${b})`,
      value: `${a}, ${b}`,
    },
    parseRangeText,
  );
  if (range === undefined || !range.ok) return range;
  const points = await askParsed(
    { title: 'Gradient Check: points', prompt: 'How many evenly spaced points to compare (kinks found add a few)', value: String(DEFAULT_POINTS) },
    parsePointsText,
  );
  if (points === undefined || !points.ok) return points;
  return { ok: true, value: { request, range: range.value, points: points.value } };
}
