/**
 * Keras 2 or Keras 3? The framework table describes Keras 3 (`keras.`, and `tf.keras.` since TensorFlow 2.16);
 * Keras 2 — TensorFlow ≤ 2.15's `tf.keras` and the `tf_keras` package — lacks some of its names and differs in
 * a few behaviours (hard_sigmoid is 0.2x + 0.5, activations.relu takes alpha=). This module decides which one a
 * document uses and what a table row means there. Pure: the VS Code side (src/features/hover) reads the files.
 *
 * Order of evidence: the setting `formulaPlayground.keras.version`; the document itself (`import tf_keras`,
 * TF_USE_LEGACY_KERAS → 2; keras.ops and other Keras-3-only APIs → 3); the workspace's pins (requirements*.txt,
 * pyproject.toml, environment.yml, setup.cfg: tensorflow ≤ 2.15, keras < 3, tf-keras → 2; tensorflow ≥ 2.16,
 * keras ≥ 3 → 3); otherwise unknown, and the hover shows both where they differ.
 */
import type { FrameworkName, FunctionKind, Keras2Fact } from '../core/functionTypes';

export type KerasGeneration = 2 | 3;
export type KerasVersionSetting = 'auto' | '2' | '3';

/** A generation and the evidence for it, in words a hover can show ("requirements.txt pins tensorflow==2.15"). */
export interface GenerationEvidence {
  readonly generation: KerasGeneration;
  readonly reason: string;
}

/** What the hover uses: a generation with its reason, or unknown. */
export type KerasDecision = GenerationEvidence | { readonly generation: 'unknown'; readonly reason: string };

// ------------------------------------------------------------------------------------------ the document

/** Python comments, blanked to spaces (strings are left alone: a '#' inside one only hides the rest of its line). */
function withoutComments(text: string): string {
  return text.replace(/#[^\n]*/g, (c) => ' '.repeat(c.length));
}

const TF_KERAS_IMPORT = /^[ \t]*(?:import[ \t]+tf_keras\b|from[ \t]+tf_keras\b)/m;
/** os.environ["TF_USE_LEGACY_KERAS"] = "1" (or True / "true"): tf.keras is then tf_keras, i.e. Keras 2. */
const LEGACY_KERAS_ENV = /TF_USE_LEGACY_KERAS['"]\s*\]?\s*(?:=|,)\s*['"]?(?:1|true|True)\b/;
/**
 * APIs only Keras 3 has: keras.ops (tf-keras has no ops module), keras.config (Keras 2 keeps those settings in
 * keras.backend), and the KERAS_BACKEND variable of multi-backend Keras.
 */
const KERAS3_ONLY: readonly (readonly [RegExp, string])[] = [
  [/\bkeras\.ops\b/, 'uses keras.ops'],
  [/^[ \t]*from[ \t]+keras[ \t]+import[^\n]*\bops\b/m, 'imports keras.ops'],
  [/\bkeras\.config\.\w/, 'uses keras.config'],
  [/\bKERAS_BACKEND\b/, 'sets KERAS_BACKEND'],
];

/** The generation a Python document's own text shows, or undefined when it does not say. */
export function kerasGenerationFromCode(text: string): GenerationEvidence | undefined {
  const code = withoutComments(text);
  if (TF_KERAS_IMPORT.test(code)) return { generation: 2, reason: 'the file imports tf_keras' };
  if (LEGACY_KERAS_ENV.test(code)) return { generation: 2, reason: 'the file sets TF_USE_LEGACY_KERAS' };
  for (const [pattern, what] of KERAS3_ONLY) if (pattern.test(code)) return { generation: 3, reason: `the file ${what}` };
  return undefined;
}

// ------------------------------------------------------------------------------------------ the pins

/** A dependency file of the workspace: its path relative to the folder (for the reason) and its text. */
export interface PinFile {
  readonly path: string;
  readonly text: string;
}

/** File names that can pin TensorFlow / Keras, as glob patterns for vscode.workspace.findFiles. */
export const PIN_FILE_GLOBS = ['requirements*.txt', 'pyproject.toml', 'environment.yml', 'environment.yaml', 'setup.cfg'] as const;

/** One pin found in a file: package, its version specifier (may be empty) and where. */
export interface Pin {
  readonly pkg: 'tensorflow' | 'keras' | 'tf-keras';
  readonly spec: string;
  readonly file: string;
}

/**
 * A package name where a dependency list can hold one (line start, a quote, a list dash, `[` or `,`), then an
 * optional extras list, then the specifier: PEP 440 clauses (`==2.15.0`, `>=2.10,<2.16`), conda's `=2.15`, or
 * Poetry's `= "^2.15"` / `= { version = "~2.15" }`.
 */
const PIN_LINE =
  /(?:^|[\s"'[,])(tensorflow(?:[-_](?:cpu|gpu|macos|intel|aarch64))?|tf[-_]keras|keras)(?![\w.-])(?:\[[^\]\n]*\])?([^\n#;]*)/gm;

function specifierOf(rest: string): string {
  // Poetry: `= "^2.15"` or `= { version = ">=2.16" … }`.
  const poetry = /^\s*=\s*(?:["']([^"']*)["']|\{[^}\n]*?version\s*=\s*["']([^"']*)["'])/.exec(rest);
  if (poetry) return (poetry[1] ?? poetry[2] ?? '').trim();
  // PEP 440 / conda: everything up to a closing quote, a marker or the end of the line.
  const spec = /^\s*((?:[<>=!~^]=?=?\s*[\w.*+!-]+\s*,?\s*)*)/.exec(rest);
  return (spec?.[1] ?? '').replace(/\s+/g, '').replace(/,$/, '');
}

/** Every TensorFlow / Keras / tf-keras pin in the files. */
export function findPins(files: readonly PinFile[]): Pin[] {
  const pins: Pin[] = [];
  for (const file of files) {
    const text = file.path.endsWith('.toml') || file.path.endsWith('.cfg') || /\.ya?ml$/.test(file.path) ? file.text : withoutComments(file.text);
    for (const m of text.matchAll(PIN_LINE)) {
      const raw = m[1].toLowerCase().replace('_', '-');
      const pkg = raw === 'keras' ? 'keras' : raw === 'tf-keras' ? 'tf-keras' : 'tensorflow';
      const spec = specifierOf(m[2]);
      // A bare word in prose ("uses keras") is no pin: require a specifier, a list item or a requirement line.
      const line = lineAround(text, m.index ?? 0);
      if (!spec && !/^\s*(?:-\s*)?["']?[\w.[\]-]+["']?\s*,?\s*$/.test(line) && !/^\s*["'][^"']+["']\s*,?\s*$/.test(line)) continue;
      pins.push({ pkg, spec, file: file.path });
    }
  }
  return pins;
}

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

type Version = readonly number[];

function parseVersion(s: string): Version | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(s.trim());
  return m ? m[1].split('.').map(Number) : undefined;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The next release series after a prefix: 2.15 → 2.16, 2 → 3 (for `==2.15.*`, `~=`, `^`, conda `=2.15`). */
function bumpLast(v: Version): Version {
  return [...v.slice(0, -1), v[v.length - 1] + 1];
}

/**
 * Whether every version the specifier allows is below `threshold` ('below'), every one at or above it
 * ('above'), or neither / unreadable (undefined). An empty specifier allows anything.
 */
export function specifierSide(spec: string, threshold: Version): 'below' | 'above' | undefined {
  let below = false;
  let above = false;
  for (const clause of spec.split(',').filter((c) => c !== '')) {
    const m = /^(===|==|<=|>=|~=|!=|<|>|\^|~|=)?(.*)$/.exec(clause);
    if (!m) return undefined;
    const op = m[1] ?? '==';
    const body = m[2];
    const wildcard = body.endsWith('.*');
    const v = parseVersion(body.replace(/\.\*$/, ''));
    if (!v) return undefined;
    // The half-open range [lo, hi) the clause allows, as far as it matters here.
    let lo: Version | undefined;
    let hi: Version | undefined;
    let hiInclusive = false;
    switch (op) {
      case '==':
      case '===':
      case '=': // conda: `=2.15` means 2.15.*
        if (wildcard || op === '=') [lo, hi] = [v, bumpLast(v)];
        else [lo, hi, hiInclusive] = [v, v, true];
        break;
      case '<=':
        [hi, hiInclusive] = [v, true];
        break;
      case '<':
        hi = v;
        break;
      case '>=':
      case '>':
        lo = v;
        break;
      case '~=': // ~=2.15.0 → >=2.15.0, ==2.15.*; ~=2.15 → >=2.15, ==2.*
        [lo, hi] = [v, v.length > 1 ? bumpLast(v.slice(0, -1)) : bumpLast(v)];
        break;
      case '^': // Poetry: ^2.15 → >=2.15, <3
        [lo, hi] = [v, v[0] > 0 ? [v[0] + 1] : bumpLast(v.slice(0, 2))];
        break;
      case '~': // Poetry: ~2.15 → >=2.15, <2.16
        [lo, hi] = [v, v.length > 1 ? bumpLast(v.slice(0, 2)) : bumpLast(v)];
        break;
      case '!=':
        continue;
    }
    if (hi && (hiInclusive ? compare(hi, threshold) < 0 : compare(hi, threshold) <= 0)) below = true;
    if (lo && compare(lo, threshold) >= 0) above = true;
  }
  if (below && above) return undefined;
  return below ? 'below' : above ? 'above' : undefined;
}

/** TensorFlow 2.16 made tf.keras Keras 3; standalone keras 3.0 is Keras 3. */
const TF_KERAS3 = [2, 16];
const KERAS3 = [3];

/**
 * The generation the workspace's pins imply, or undefined. tf-keras in the dependencies means the code runs
 * Keras 2 (it exists for TF_USE_LEGACY_KERAS); a keras pin says more than a tensorflow pin (it is the package
 * `import keras` loads); a tensorflow pin decides what `tf.keras` is.
 */
export function kerasGenerationFromPins(files: readonly PinFile[]): GenerationEvidence | undefined {
  const pins = findPins(files);
  const tfKeras = pins.find((p) => p.pkg === 'tf-keras');
  if (tfKeras) return { generation: 2, reason: `${tfKeras.file} requires tf-keras` };
  for (const pkg of ['keras', 'tensorflow'] as const) {
    const sides = pins
      .filter((p) => p.pkg === pkg)
      .map((p) => ({ p, side: specifierSide(p.spec, pkg === 'keras' ? KERAS3 : TF_KERAS3) }))
      .filter((s) => s.side !== undefined);
    const first = sides[0];
    if (!first || sides.some((s) => s.side !== first.side)) continue;
    return { generation: first.side === 'below' ? 2 : 3, reason: `${first.p.file} pins ${pkg}${first.p.spec}` };
  }
  return undefined;
}

/** The setting, then the document, then the pins; otherwise unknown. */
export function decideKerasGeneration(
  setting: KerasVersionSetting,
  fromCode: GenerationEvidence | undefined,
  fromPins: GenerationEvidence | undefined,
): KerasDecision {
  if (setting === '2' || setting === '3') return { generation: setting === '2' ? 2 : 3, reason: 'formulaPlayground.keras.version' };
  return fromCode ?? fromPins ?? { generation: 'unknown', reason: 'no tf_keras / keras.ops in the file and no tensorflow or keras pin in the workspace' };
}

/** The setting's value, or 'auto' for anything else (a hand-edited settings.json may hold anything). */
export function kerasVersionSetting(value: unknown): KerasVersionSetting {
  return value === '2' || value === 2 ? '2' : value === '3' || value === 3 ? '3' : 'auto';
}

// ------------------------------------------------------------------------------------------ Keras 2 facts

const TF_KERAS_SOURCE = 'keras-team/tf-keras tf_keras/activations.py';

/** keras.activations names Keras 2 exports (keras-team/tf-keras tf_keras/activations.py, @keras_export). */
const KERAS2_ACTIVATIONS: ReadonlySet<string> = new Set([
  'softmax', 'elu', 'selu', 'softplus', 'softsign', 'swish', 'relu', 'gelu', 'tanh', 'sigmoid', 'exponential', 'hard_sigmoid', 'linear', 'mish',
]);

/**
 * Strings `activation='…'` takes in Keras 2: the exported names, plus the module globals tf_keras/activations.py
 * keeps for deserialize() (`leaky_relu = tf.nn.leaky_relu`, `log_softmax`, `relu6`, `silu`).
 */
const KERAS2_ACTIVATION_STRINGS: ReadonlySet<string> = new Set([...KERAS2_ACTIVATIONS, 'leaky_relu', 'log_softmax', 'relu6', 'silu']);

/** Whether a table row is a Keras name (keras.*, or a Keras string such as 'relu' / 'mse'). */
export function isKerasName(fn: Pick<FrameworkName, 'framework' | 'name' | 'form'>): boolean {
  return fn.framework === 'tensorflow' && (fn.form === 'string' || fn.name.startsWith('keras.'));
}

/**
 * What a Keras row is in Keras 2, when that differs: absent (keras.ops, the newer activations), or the row's
 * own `keras2` fact. `written` is the name as the code spells it: Keras 2's backend functions (K.sigmoid)
 * resolve to keras.ops rows but exist there.
 */
export function keras2FactOf(fn: FrameworkName, kind: FunctionKind, written = ''): Keras2Fact | undefined {
  if (!isKerasName(fn)) return undefined;
  if (fn.name.startsWith('keras.ops.') && !/(^|\.)(K|backend)\./.test(written)) {
    return { absent: true, note: 'keras.ops is Keras 3 only (Keras 2 has keras.backend).', source: 'keras-team/tf-keras: no ops module' };
  }
  const activation = /^keras\.activations\.(\w+)$/.exec(fn.name);
  if (activation && !KERAS2_ACTIVATIONS.has(activation[1])) return { absent: true, source: TF_KERAS_SOURCE };
  if (fn.form === 'string' && kind === 'activation' && !KERAS2_ACTIVATION_STRINGS.has(fn.name)) return { absent: true, source: TF_KERAS_SOURCE };
  return fn.keras2;
}

/**
 * The catalogue id a recognised row stands for in a generation: on Keras 2 code, Keras 2's own function where
 * it is another one (keras.activations.hard_sigmoid → hard_sigmoid_linear, 0.2x + 0.5); otherwise `id`.
 */
export function kerasCatalogueId(
  id: string,
  fn: FrameworkName | undefined,
  kind: FunctionKind,
  generation: KerasGeneration | 'unknown',
  written = '',
): string {
  if (generation !== 2 || !fn) return id;
  return keras2FactOf(fn, kind, written)?.id ?? id;
}

/**
 * The note a hover shows for a Keras row under a generation: the Keras 3 note, the Keras 2 one (without its
 * "Keras N:" prefix), or — unknown — both where they differ ("Keras 3: … · Keras 2: …"). `differs` says the row
 * has a Keras 2 fact at all; `absentIn2` that the name does not exist in Keras 2.
 */
export function kerasNote(
  fn: FrameworkName,
  kind: FunctionKind,
  generation: KerasGeneration | 'unknown',
  written = '',
): { readonly note?: string; readonly differs: boolean; readonly absentIn2: boolean } {
  const fact = keras2FactOf(fn, kind, written);
  const three = fn.note === undefined ? undefined : stripPrefix(fn.note, 'Keras 3: ');
  if (!fact) return { note: three, differs: false, absentIn2: false };
  const absentIn2 = fact.absent === true;
  const two = absentIn2
    ? `${displayName(fn)} does not exist in Keras 2 (tf.keras ≤ 2.15, tf_keras)${fact.note ? `: ${fact.note}` : '.'}`
    : stripPrefix(fact.note ?? fn.note ?? '', 'Keras 2: ');
  if (generation === 3) return { note: three, differs: true, absentIn2 };
  if (generation === 2) return { note: two, differs: true, absentIn2 };
  return { note: `Keras 3: ${three ?? 'as shown'} · Keras 2: ${two}`, differs: true, absentIn2 };
}

function displayName(fn: FrameworkName): string {
  return fn.form === 'string' ? `'${fn.name}'` : fn.name;
}

function stripPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}
