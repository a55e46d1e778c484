import * as assert from 'node:assert/strict';
import { parseCheckArgument } from '../../src/features/gradcheck/checkRequest';
import { formulaFromSelection } from '../../src/features/playground/selectionFormula';
import { messageOf } from '../../src/host/errorMessage';

/** `[[[…[x]…]]]`, `depth` arrays deep, built without recursion. */
function nestedArray(depth: number): unknown {
  let value: unknown = 'x';
  for (let k = 0; k < depth; k++) value = [value];
  return value;
}

function nestedObject(depth: number): unknown {
  let value: unknown = 1;
  for (let k = 0; k < depth; k++) value = { a: value };
  return value;
}

describe('error texts quote the user and never an engine', () => {
  it('Plot Selection quotes the part of the selection a parameter error is about: F.leaky_relu(x, -1) → at "-1"', () => {
    const result = formulaFromSelection('F.leaky_relu(x, -1)', 'python');
    assert.ok('error' in result);
    assert.match(result.error, /^Plot Selection: cannot plot `F\.leaky_relu\(x, -1\)`: (F\.)?leaky_relu: alpha must be ≥ 0.*got -1 \(at "-1"\)$/);
  });

  it('Plot Selection quotes a translation error from the selection itself', () => {
    const result = formulaFromSelection('torch.sigmoid(x) * foo(x)', 'python');
    assert.ok('error' in result);
    assert.match(result.error, /\(at "foo\(x\)"\)$/);
  });

  it('Plot Selection translates a good selection', () => {
    assert.deepEqual(formulaFromSelection('x * torch.sigmoid(x)', 'python'), { formula: 'x * sigmoid(x)' });
  });

  it('a 20,000-deep nested Gradient Check argument is named, not a stack overflow', () => {
    const parsed = parseCheckArgument(nestedArray(20_000));
    assert.ok(!parsed.ok);
    assert.doesNotMatch(parsed.problem.message, /call stack/i);
    assert.match(parsed.problem.message, /got an array of 1/);
  });

  it('20,000-deep nested params are named by the field', () => {
    const parsed = parseCheckArgument({ id: 'relu', params: nestedObject(20_000) });
    assert.ok(!parsed.ok);
    assert.doesNotMatch(parsed.problem.message, /call stack/i);
    assert.match(parsed.problem.message, /params\.a must be a finite number, got an object/);
  });

  it('an engine stack overflow reads as "nested too deeply"', () => {
    let overflow: unknown;
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    try {
      deep(1e7);
    } catch (error) {
      overflow = error;
    }
    assert.ok(overflow instanceof RangeError);
    assert.match(messageOf(overflow), /nested too deeply/);
    assert.doesNotMatch(messageOf(overflow), /Maximum call stack/);
  });
});
