import * as assert from 'node:assert/strict';
import { FormulaError, compileFormula } from '../../src/core/formula';

/**
 * A formula is data: only the grammar compiles. Each attempt below must be rejected with a FormulaError
 * that has a span inside the text, and nothing in it may run: every payload would set the global canary.
 */
const CANARY = '__formulaCanary';
const globals = globalThis as unknown as Record<string, unknown>;

const attempts: readonly string[] = [
  `constructor`,
  `constructor.constructor("globalThis.${CANARY}=1")()`,
  `x.constructor`,
  `__proto__`,
  `__proto__ * x`,
  `prototype`,
  `process`,
  `process.exit(1)`,
  `require("child_process")`,
  `require`,
  `globalThis`,
  `globalThis.${CANARY} = 1`,
  `this`,
  `window`,
  `Function("globalThis.${CANARY}=1")()`,
  `eval("globalThis.${CANARY}=1")`,
  `eval`,
  '`${globalThis.' + CANARY + '=1}`',
  `x; globalThis.${CANARY} = 1`,
  `x]; globalThis.${CANARY} = 1; [x`,
  `[1, 2]`,
  `{ valueOf: 1 }`,
  `"x"`,
  `'x'`,
  `x = 1`,
  `alpha = 1`,
  `() => 1`,
  `x => x`,
  `x, globalThis`,
  `exp(x), 1`,
  `Math.exp(x)`,
  `x.toString()`,
  `\\exp(x)`,
  `\\u0065val(1)`,
  `αλφα * x`,
  `x\u2028+ 1`,
  `х * 2`,
  `new Function()`,
  `import("fs")`,
  `exp(x)//comment`,
  `x /* c */`,
  `0x1F`,
  `x ? 1 : 0`,
  `x && 1`,
  `!x`,
  `x % 2`,
  `x === 1`,
  `hasOwnProperty`,
  `valueOf * x`,
  `toString(x)`,
  `arguments`,
  `exp(x) constructor`,
  `where(x > 0, x, globalThis)`,
  `sigmoid(x, 1)`,
  `((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))`,
];

describe('formula injection', () => {
  beforeEach(() => {
    delete globals[CANARY];
  });

  it(`has at least 30 attempts (${attempts.length})`, () => {
    assert.ok(attempts.length >= 30);
  });

  for (const source of attempts) {
    it(`rejects ${JSON.stringify(source).slice(0, 60)} with a FormulaError and runs nothing`, () => {
      assert.throws(
        () => {
          const f = compileFormula(source);
          // Were it to compile, running it must still not touch the canary.
          f.evaluate([1, 2, 3]);
        },
        (e: unknown) => {
          assert.ok(e instanceof FormulaError, `expected a FormulaError, got ${String(e)}`);
          assert.ok(e.start >= 0 && e.end >= e.start && e.end <= source.length, `span ${e.start}..${e.end} of ${source.length}`);
          return true;
        },
      );
      assert.equal(globals[CANARY], undefined);
    });
  }

  it('maps parameters to slots: hostile-looking but legal names never reach the generated code', () => {
    const f = compileFormula('processing * x + required + evaluate + windows');
    const js = `${f.js?.value}\n${f.js?.derivative}`;
    for (const word of ['processing', 'required', 'evaluate', 'windows']) assert.ok(!js.includes(word), word);
    assert.deepEqual(Array.from(f.evaluate([2], { processing: 1, required: 2, evaluate: 3, windows: 4 })), [11]);
  });

  it('generates only names, literals and operators: no quotes, brackets or member access but T.*', () => {
    const f = compileFormula('where(x > 0 and not x > 5, leaky_relu(x, alpha) * 1e-300, erf(x) ^ 2.5) - pi');
    for (const js of [f.js?.value ?? '', f.js?.derivative ?? '']) {
      const body = js.replace('"use strict";', '');
      assert.ok(!/['`\\]/.test(body), body);
      assert.ok(!/"/.test(body), body);
      for (const member of body.match(/\.[A-Za-z_]\w*/g) ?? []) {
        assert.ok(['.f', '.c', '.q', '.W', '.S', '.length', '.value', '.derivative'].includes(member), member);
      }
    }
  });
});
