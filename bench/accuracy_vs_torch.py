#!/usr/bin/python3
"""Worst error in ulps, ours and PyTorch float64, against the mpmath references of test/fixtures.

    npm run build && /usr/bin/python3 bench/accuracy_vs_torch.py            # uses dist/core.js
    /usr/bin/python3 bench/accuracy_vs_torch.py --core out/src/core/index.js

Needs Debian's python3-torch (apt-get install python3-torch; 1.13) and node. Never run in CI tests: it
measures, it does not assert. Every point of test/fixtures/activations.json and of the elementwise losses of
test/fixtures/losses.json is evaluated by the core (through node) and by torch in float64 (values, and
derivatives by autograd), and scored as |got − ref| / ulp(ref), with ulp of a subnormal = 5e−324; a NaN
or ±∞ where the reference is finite (or the other way round) counts as ∞. Prints a Markdown table.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
torch.set_default_dtype(torch.float64)


def num(s):
    return {'inf': math.inf, '-inf': -math.inf, 'nan': math.nan}.get(s, None) if s in ('inf', '-inf', 'nan') else float(s)


def ulp(x):
    a = abs(x)
    if a < 2.2250738585072014e-308:
        return 5e-324
    return math.ulp(a)


def ulp_error(got, ref):
    if math.isnan(ref):
        return 0.0 if math.isnan(got) else math.inf
    if math.isinf(ref):
        return 0.0 if got == ref else math.inf
    if math.isnan(got) or math.isinf(got):
        return math.inf
    if got == ref:
        return 0.0
    return abs(got - ref) / ulp(ref)


# PyTorch float64 counterparts (activations): f(x tensor, params) -> tensor.
ACTIVATIONS = {
    'relu': lambda x, p: torch.relu(x),
    'leaky_relu': lambda x, p: F.leaky_relu(x, p.get('alpha', 0.01)),
    'prelu': lambda x, p: F.prelu(x, torch.tensor([p.get('alpha', 0.25)])),
    'relu6': lambda x, p: F.relu6(x),
    'sigmoid': lambda x, p: torch.sigmoid(x),
    'log_sigmoid': lambda x, p: F.logsigmoid(x),
    'silu': lambda x, p: F.silu(x),
    'hard_sigmoid': lambda x, p: F.hardsigmoid(x),
    'hard_swish': lambda x, p: F.hardswish(x),
    'tanh': lambda x, p: torch.tanh(x),
    'elu': lambda x, p: F.elu(x, p.get('alpha', 1.0)),
    'selu': lambda x, p: F.selu(x),
    'celu': lambda x, p: F.celu(x, p.get('alpha', 1.0)),
    'gelu': lambda x, p: F.gelu(x),
    'gelu_tanh': lambda x, p: F.gelu(x, approximate='tanh'),
    'softplus': lambda x, p: F.softplus(x),
    'mish': lambda x, p: F.mish(x),
    'softsign': lambda x, p: F.softsign(x),
}

# Elementwise losses ℓ(y, ŷ) as torch expressions (reduction none), derivative by autograd in ŷ.
LOSSES = {
    'mse': lambda y, q, p: F.mse_loss(q, y, reduction='none'),
    'mae': lambda y, q, p: F.l1_loss(q, y, reduction='none'),
    'log_cosh': lambda y, q, p: torch.log(torch.cosh(q - y)),
    'huber': lambda y, q, p: F.huber_loss(q, y, reduction='none', delta=p.get('delta', 1.0)),
    'smooth_l1': lambda y, q, p: F.smooth_l1_loss(q, y, reduction='none', beta=p.get('beta', 1.0)),
    'bce': lambda y, q, p: F.binary_cross_entropy(q, y, reduction='none'),
    'bce_with_logits': lambda y, q, p: F.binary_cross_entropy_with_logits(q, y, reduction='none'),
    'hinge': lambda y, q, p: torch.clamp(1 - y * q, min=0),
    'squared_hinge': lambda y, q, p: torch.clamp(1 - y * q, min=0) ** 2,
    'focal': lambda y, q, p: focal_torch(y, q, p.get('alpha', 0.25), p.get('gamma', 2.0)),
}


def focal_torch(y, q, alpha, gamma):
    """Class weights (α, 1 − α), or (1, 1) for α < 0: no weighting, as torchvision's alpha=-1."""
    w1, w0 = (1.0, 1.0) if alpha < 0 else (alpha, 1 - alpha)
    return -w1 * y * (1 - q) ** gamma * torch.log(q) - w0 * (1 - y) * q ** gamma * torch.log1p(-q)

NODE_EVAL = r"""
const core = require(process.argv[1]);
const jobs = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const num = (s) => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : s === 'nan' ? NaN : Number(s));
const out = jobs.map((j) => {
  const show = (a) => Array.from(a, (v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v)));
  if (j.kind === 'activation') {
    const xs = j.x.map(num);
    return { v: show(core.evaluate(j.id, xs, j.params)), d: show(core.derivative(j.id, xs, j.params)) };
  }
  const v = [], d = [];
  j.rows.forEach((r) => {
    const p = r.params ? Object.fromEntries(Object.entries(r.params).map(([k, s]) => [k, num(s)])) : undefined;
    let a = NaN, b = NaN;
    try {
      a = core.lossValue(j.id, [num(r.y)], [num(r.yHat)], p)[0];
      b = core.lossGradient(j.id, [num(r.y)], [num(r.yHat)], p)[0];
    } catch (e) {} // outside the loss's domain: NaN, as the reference says
    v.push(a);
    d.push(b);
  });
  return { v: show(v), d: show(d) };
});
process.stdout.write(JSON.stringify(out));
"""


def torch_activation(fid, params, xs):
    x = torch.tensor(xs, requires_grad=True)
    y = ACTIVATIONS[fid](x, params)
    (g,) = torch.autograd.grad(y.sum(), x)
    return y.detach().tolist(), g.tolist()


def torch_loss(fid, rows):
    vs, ds = [], []
    for r in rows:
        p = {k: float(v) for k, v in (r.get('params') or {}).items()}
        y = torch.tensor([num(r['y'])])
        q = torch.tensor([num(r['yHat'])], requires_grad=True)
        try:
            out = LOSSES[fid](y, q, p)
            (g,) = torch.autograd.grad(out.sum(), q)
            vs.append(out.item())
            ds.append(g.item())
        except Exception:  # torch refuses the input (bce outside [0, 1] …): counts as NaN
            vs.append(math.nan)
            ds.append(math.nan)
    return vs, ds


def main():
    core = os.path.join(ROOT, 'dist', 'core.js')
    if '--core' in sys.argv:
        core = os.path.abspath(sys.argv[sys.argv.index('--core') + 1])
    acts = json.load(open(os.path.join(ROOT, 'test', 'fixtures', 'activations.json')))['pointwise']
    losses = json.load(open(os.path.join(ROOT, 'test', 'fixtures', 'losses.json')))['losses']
    jobs, refs = [], []
    for case in acts:
        if case['id'] not in ACTIVATIONS:
            continue
        params = {k: float(v) for k, v in case['params'].items()}
        jobs.append({'kind': 'activation', 'id': case['id'], 'params': params, 'x': [r[0] for r in case['points']]})
        refs.append((case['id'] + (f"({', '.join(f'{k}={v}' for k, v in params.items())})" if params else ''), case))
    for fid, rows in losses.items():
        if fid not in LOSSES:
            continue
        rows = [r for r in rows if isinstance(r['y'], str)]
        jobs.append({'kind': 'loss', 'id': fid, 'rows': rows})
        refs.append((fid, rows))
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(jobs, f)
        path = f.name
    ours = json.loads(subprocess.check_output(['node', '-e', NODE_EVAL, core, path]))
    os.unlink(path)

    table = []
    for (name, case), job, mine in zip(refs, jobs, ours):
        if job['kind'] == 'activation':
            rv = [num(r[1]) for r in case['points']]
            rd = [num(r[2]) for r in case['points']]
            tv, td = torch_activation(job['id'], job['params'], [num(r[0]) for r in case['points']])
        else:
            rv = [num(r['value']) for r in case]
            rd = [num(r['gradient']) for r in case]
            tv, td = torch_loss(job['id'], case)
        # Rows near a zero of f′ (a κ field, or nearRoot) have the bound max(2, 2κ): their worst is shown apart.
        rows = case['points'] if job['kind'] == 'activation' else case
        near = [len(r) > 3 if job['kind'] == 'activation' else bool(r.get('nearRoot')) for r in rows]
        worst = lambda got, ref, keep=None: max((ulp_error(g, r) for i, (g, r) in enumerate(zip(got, ref))
                                                 if keep is None or near[i] == keep), default=0.0)
        md = [num(v) for v in mine['d']]
        table.append((name, len(rv), worst([num(v) for v in mine['v']], rv), worst(md, rd, False),
                      worst(md, rd, True) if any(near) else None, worst(tv, rv), worst(td, rd)))

    def show(e):
        return '∞' if math.isinf(e) else f'{e:.0f}' if e < 1e4 else f'{e:.1e}'

    print(f'Worst error in ulps against mpmath references (test/fixtures), torch {torch.__version__} float64')
    print()
    print('| function | points | ours f | ours f′ | PyTorch f | PyTorch f′ |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for name, n, ov, od, on, tv, td in table:
        near = f' ({show(on)} near its zero)' if on is not None and on > od else ''
        print(f'| {name} | {n} | {show(ov)} | {show(od)}{near} | {show(tv)} | {show(td)} |')


if __name__ == '__main__':
    main()
