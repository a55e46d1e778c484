/**
 * Pairing lints: time to lint a real-looking training file of 1k and 10k lines (PyTorch + Keras + JAX, with
 * pairs to flag and many that must not be), printed beside the time the document model takes to index the
 * same text. Median of 7 runs after a warm-up; the goal is ≤ 5 ms of lint per 1,000 lines.
 *
 * Run: npm run bench -- lint   (or node scripts/run-bench.mjs lint)
 */
import { buildModel } from '../src/recognize/model';
import { Resolver } from '../src/lint/lintResolver';
import { runRules } from '../src/lint/rules';

const HEADER = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'import keras',
  'from keras import layers',
  'import jax',
  'import jax.numpy as jnp',
  'import optax',
  '',
].join('\n');

/** One block of ~50 lines; `i` makes every name distinct so scopes and bindings grow like a real file. */
function block(i: number): string {
  return `
class Net${i}(nn.Module):
    def __init__(self, d=64):
        super().__init__()
        self.fc1 = nn.Linear(d, d)
        self.act = nn.GELU(approximate="tanh")
        self.head = nn.Linear(d, 1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        h = self.act(self.fc1(x))
        return self.sigmoid(self.head(h))


net${i} = Net${i}()
criterion${i} = nn.BCELoss(reduction="mean")
ce${i} = nn.CrossEntropyLoss(label_smoothing=0.1)


def train_step${i}(x, y, labels, logits):
    out = net${i}(x)
    loss = criterion${i}(out, y)
    probs = logits.softmax(dim=-1)
    acc = (probs.argmax(-1) == labels).float().mean()
    loss = loss + ce${i}(logits, labels) + F.nll_loss(F.log_softmax(logits, dim=-1), labels)
    # torch.log(torch.sigmoid(x)) in a comment
    p = torch.sigmoid(logits[:, 0]).clamp(1e-6, 1 - 1e-6)
    return loss + F.binary_cross_entropy(p, y), acc


model${i} = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model${i}.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))


def jax_loss${i}(params, apply_fn, x, labels):
    logits = apply_fn(params, x)
    probs = jax.nn.softmax(logits, axis=-1)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
    return loss, jnp.log(jax.nn.softmax(logits, axis=-1)), probs
`;
}

function file(lines: number): string {
  const parts = [HEADER];
  let count = HEADER.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const b = block(i);
    parts.push(b);
    count += b.split('\n').length - 1;
  }
  return parts.join('');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(run: () => void, repeats = 7): number {
  return measure(run, repeats).wall;
}

/** Median wall time and mean CPU time (user, this process) of `run`: CPU time moves less on a busy machine. */
function measure(run: () => void, repeats = 7): { wall: number; cpu: number } {
  run();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return { wall: median(samples), cpu: process.cpuUsage(cpu0).user / 1000 / repeats };
}

console.log('lines   index ms (syntax)   index + all sites ms   lint ms (rules)   lint CPU ms   lint CPU ms / 1k lines   lint / index   diagnostics');
for (const lines of [1_000, 10_000]) {
  const text = file(lines);
  const actual = text.split('\n').length;
  const index = time(() => void buildModel(text, 'python'));
  // The model resolves sites lazily; the lints ask about every call, the hover about one.
  const withSites = time(() => void buildModel(text, 'python').sites);
  let diagnostics = 0;
  const model = buildModel(text, 'python');
  void model.sites;
  // A fresh Resolver each run: the lints' own indexes (src/recognize/dataflow.ts) are rebuilt every time.
  const rules = measure(() => {
    diagnostics = runRules(new Resolver(model)).length;
  });
  console.log(
    `${String(actual).padStart(6)}   ${index.toFixed(1).padStart(16)}   ${withSites.toFixed(1).padStart(20)}   ${rules.wall.toFixed(1).padStart(15)}   ${rules.cpu.toFixed(1).padStart(11)}   ${((rules.cpu / actual) * 1000).toFixed(2).padStart(22)}   ${(rules.wall / index).toFixed(2).padStart(12)}   ${String(diagnostics).padStart(11)}`,
  );
}
console.log('\ngoal: lint ≤ 5 ms per 1,000 lines (the rules on an indexed model whose sites are resolved).');
