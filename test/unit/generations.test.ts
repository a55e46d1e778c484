/**
 * Keras 2 or Keras 3 (src/frameworks/generations.ts): from the document, from the workspace's pins, from the
 * setting; and the hover of Keras 2 code, Keras 3 code and code whose generation is unknown.
 */
import * as assert from 'node:assert/strict';
import {
  decideKerasGeneration,
  findPins,
  keras2FactOf,
  kerasGenerationFromCode,
  kerasGenerationFromPins,
  kerasNote,
  kerasVersionSetting,
  specifierSide,
  type KerasDecision,
} from '../../src/frameworks/generations';
import { frameworkNames } from '../../src/frameworks/table';
import { hoverMarkdown } from '../../src/features/hover/hoverMarkdown';
import { recognize } from '../../src/recognize';

const KERAS2_FILE = `import tf_keras as keras\n\nmodel = keras.Sequential([keras.layers.Dense(8, activation=keras.activations.hard_sigmoid)])\n`;
const KERAS3_FILE = `import keras\nfrom keras import ops\n\ny = ops.relu(x)\nz = keras.activations.hard_sigmoid(y)\n`;
const PLAIN_FILE = `import tensorflow as tf\n\nz = tf.keras.activations.hard_sigmoid(y)\n`;

function row(id: string, name: string) {
  const found = frameworkNames[id].find((f) => f.name === name);
  assert.ok(found, `${id} has no ${name}`);
  return found;
}

describe('Keras generation: from the document', () => {
  it('import tf_keras means Keras 2', () => {
    assert.deepEqual(kerasGenerationFromCode(KERAS2_FILE), { generation: 2, reason: 'the file imports tf_keras' });
    assert.equal(kerasGenerationFromCode('from tf_keras.layers import Dense\n')?.generation, 2);
  });

  it('TF_USE_LEGACY_KERAS=1 in the file means Keras 2', () => {
    assert.equal(kerasGenerationFromCode('import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\nimport tensorflow as tf\n')?.generation, 2);
  });

  it('keras.ops, `from keras import ops`, keras.config and KERAS_BACKEND mean Keras 3', () => {
    assert.equal(kerasGenerationFromCode(KERAS3_FILE)?.generation, 3);
    assert.equal(kerasGenerationFromCode('import keras\ny = keras.ops.sigmoid(x)\n')?.generation, 3);
    assert.equal(kerasGenerationFromCode('import keras\nkeras.config.set_floatx("float64")\n')?.generation, 3);
    assert.equal(kerasGenerationFromCode('import os\nos.environ["KERAS_BACKEND"] = "jax"\n')?.generation, 3);
  });

  it('says nothing for plain tf.keras code, or for the markers inside comments', () => {
    assert.equal(kerasGenerationFromCode(PLAIN_FILE), undefined);
    assert.equal(kerasGenerationFromCode('# import tf_keras\n# y = keras.ops.relu(x)\nimport keras\n'), undefined);
  });
});

describe('Keras generation: from the workspace pins', () => {
  it('requirements.txt pinning tensorflow==2.15 means Keras 2; tensorflow>=2.16 means Keras 3', () => {
    assert.deepEqual(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'numpy\ntensorflow==2.15\n' }]), {
      generation: 2,
      reason: 'requirements.txt pins tensorflow==2.15',
    });
    assert.equal(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'tensorflow>=2.16\n' }])?.generation, 3);
  });

  it('reads PEP 440 ranges, extras, markers and comments the way pip does', () => {
    const gen = (text: string) => kerasGenerationFromPins([{ path: 'requirements-dev.txt', text }])?.generation;
    assert.equal(gen('tensorflow[and-cuda]>=2.10,<2.16 ; python_version < "3.12"  # legacy\n'), 2);
    assert.equal(gen('tensorflow-cpu~=2.15.0\n'), 2);
    assert.equal(gen('tensorflow<=2.15.1\n'), 2);
    assert.equal(gen('tensorflow==2.16.*\n'), 3);
    assert.equal(gen('tensorflow>=2.10\n'), undefined, 'a range spanning 2.15 and 2.16 decides nothing');
    assert.equal(gen('tensorflow\n'), undefined, 'an unpinned tensorflow decides nothing');
    assert.equal(gen('# tensorflow==2.15\n'), undefined, 'a comment is no pin');
  });

  it('keras<3 means Keras 2, keras>=3 Keras 3, and a keras pin outranks a tensorflow pin', () => {
    assert.equal(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'keras<3\n' }])?.generation, 2);
    assert.equal(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'keras==3.3.3\ntensorflow==2.15\n' }])?.generation, 3);
    assert.equal(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'keras-nlp==0.5\n' }]), undefined, 'keras-nlp is not keras');
  });

  it('tf-keras in the dependencies means Keras 2', () => {
    assert.deepEqual(kerasGenerationFromPins([{ path: 'requirements.txt', text: 'tensorflow==2.17\ntf-keras==2.17\n' }]), {
      generation: 2,
      reason: 'requirements.txt requires tf-keras',
    });
  });

  it('pyproject.toml (PEP 621 and Poetry), environment.yml (conda and pip) and setup.cfg', () => {
    const gen = (path: string, text: string) => kerasGenerationFromPins([{ path, text }])?.generation;
    assert.equal(gen('pyproject.toml', '[project]\ndependencies = [\n  "numpy>=1.26",\n  "tensorflow>=2.13,<2.16",\n]\n'), 2);
    assert.equal(gen('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.10"\ntensorflow = "~2.15"\n'), 2);
    assert.equal(gen('pyproject.toml', '[tool.poetry.dependencies]\nkeras = { version = "^3.1", optional = true }\n'), 3);
    assert.equal(gen('environment.yml', 'name: ml\ndependencies:\n  - python=3.11\n  - tensorflow=2.15\n'), 2);
    assert.equal(gen('environment.yml', 'dependencies:\n  - pip:\n    - tensorflow==2.16.1\n'), 3);
    assert.equal(gen('setup.cfg', '[options]\ninstall_requires =\n    tensorflow==2.14.1\n    numpy\n'), 2);
  });

  it('conflicting pins of one package decide nothing', () => {
    assert.equal(
      kerasGenerationFromPins([
        { path: 'requirements.txt', text: 'tensorflow==2.15\n' },
        { path: 'sub/requirements.txt', text: 'tensorflow==2.17\n' },
      ]),
      undefined,
    );
  });

  it('specifierSide bounds each operator correctly around the 2.16 boundary', () => {
    const t = [2, 16];
    assert.equal(specifierSide('==2.15.1', t), 'below');
    assert.equal(specifierSide('<2.16', t), 'below');
    assert.equal(specifierSide('<=2.16', t), undefined);
    assert.equal(specifierSide('<2.17', t), undefined);
    assert.equal(specifierSide('~=2.15', t), undefined, '~=2.15 allows every 2.x ≥ 2.15');
    assert.equal(specifierSide('^2.15', t), undefined);
    assert.equal(specifierSide('>2.16', t), 'above');
    assert.equal(specifierSide('!=2.15', t), undefined);
    assert.equal(specifierSide('==banana', t), undefined);
  });

  it('findPins ignores prose mentioning the packages', () => {
    assert.deepEqual(findPins([{ path: 'setup.cfg', text: '[metadata]\ndescription = Works with keras and tensorflow models\n' }]), []);
  });
});

describe('Keras generation: the decision', () => {
  it('the setting wins, then the document, then the pins; otherwise unknown', () => {
    const two = { generation: 2, reason: 'the file imports tf_keras' } as const;
    const three = { generation: 3, reason: 'requirements.txt pins tensorflow>=2.16' } as const;
    assert.equal(decideKerasGeneration('3', two, undefined).generation, 3);
    assert.equal(decideKerasGeneration('auto', two, three).generation, 2);
    assert.equal(decideKerasGeneration('auto', undefined, three).generation, 3);
    assert.equal(decideKerasGeneration('auto', undefined, undefined).generation, 'unknown');
  });

  it('reads the setting leniently: "2", 2, "3", 3, anything else auto', () => {
    assert.deepEqual(['2', 2, '3', 3, 'auto', 'keras2', undefined, null].map(kerasVersionSetting), ['2', '2', '3', '3', 'auto', 'auto', 'auto', 'auto']);
  });
});

describe('Keras 2 facts', () => {
  it('keras.ops and the Keras-3-only activations do not exist in Keras 2', () => {
    assert.equal(keras2FactOf(row('relu', 'keras.ops.relu'), 'activation', 'ops.relu')?.absent, true);
    for (const [id, name] of [
      ['leaky_relu', 'keras.activations.leaky_relu'],
      ['relu6', 'keras.activations.relu6'],
      ['silu', 'keras.activations.silu'],
      ['celu', 'keras.activations.celu'],
      ['hard_swish', 'keras.activations.hard_silu'],
      ['log_sigmoid', 'keras.activations.log_sigmoid'],
      ['log_softmax', 'keras.activations.log_softmax'],
    ] as const) {
      assert.equal(keras2FactOf(row(id, name), 'activation')?.absent, true, name);
    }
  });

  it("Keras 2's own names stay: swish, mish, gelu, and the strings 'relu6' / 'silu' / 'leaky_relu' (module globals)", () => {
    assert.equal(keras2FactOf(row('silu', 'keras.activations.swish'), 'activation'), undefined);
    assert.equal(keras2FactOf(row('mish', 'keras.activations.mish'), 'activation'), undefined);
    for (const [id, s] of [['relu6', 'relu6'], ['silu', 'silu'], ['log_softmax', 'log_softmax']] as const) {
      const fn = frameworkNames[id].find((f) => f.form === 'string' && f.framework === 'tensorflow' && f.name === s)!;
      assert.equal(keras2FactOf(fn, 'activation')?.absent, undefined, s);
    }
    const celuString = frameworkNames.celu.find((f) => f.form === 'string')!;
    assert.equal(keras2FactOf(celuString, 'activation')?.absent, true);
  });

  it('K.binary_crossentropy (Keras 2 backend) is not reported absent, keras.ops.binary_crossentropy is', () => {
    const fn = row('bce', 'keras.ops.binary_crossentropy');
    assert.equal(keras2FactOf(fn, 'loss', 'K.binary_crossentropy'), undefined);
    assert.equal(keras2FactOf(fn, 'loss', 'keras.ops.binary_crossentropy')?.absent, true);
  });

  it('relu takes alpha= in Keras 2; hard_sigmoid is 0.2x + 0.5; unknown shows both', () => {
    const relu = row('relu', 'keras.activations.relu');
    assert.match(kerasNote(relu, 'activation', 2).note!, /alpha \(not negative_slope\)/);
    assert.match(kerasNote(relu, 'activation', 3).note!, /^negative_slope/);
    const hs = row('hard_sigmoid', 'keras.activations.hard_sigmoid');
    assert.match(kerasNote(hs, 'activation', 2).note!, /^clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.equal(kerasNote(hs, 'activation', 3).note, 'relu6(x + 3)/6.');
    assert.match(kerasNote(hs, 'activation', 'unknown').note!, /^Keras 3: relu6\(x \+ 3\)\/6\. · Keras 2: clip\(0\.2x \+ 0\.5, 0, 1\)/);
  });
});

describe('the hover of Keras 2, Keras 3 and unknown code', () => {
  const options = (keras?: KerasDecision) => ({ themeKind: 2, showPlot: false, keras });

  function hoverOf(text: string, needle: string, keras: KerasDecision): string {
    const ref = recognize(text, text.indexOf(needle) + needle.length - 2, 'python');
    assert.ok(ref, `nothing recognised at ${needle}`);
    const md = hoverMarkdown(ref, options(keras));
    assert.ok(md);
    return md;
  }

  it('Keras 2 code (import tf_keras as keras) shows 0.2x + 0.5 and never relu6(x + 3)/6', () => {
    const keras = decideKerasGeneration('auto', kerasGenerationFromCode(KERAS2_FILE), undefined);
    const md = hoverOf(KERAS2_FILE, 'activations.hard_sigmoid', keras);
    assert.match(md, /\*Keras 2:\* clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.match(md, /the file imports tf\\_keras/);
    assert.doesNotMatch(md, /Keras 3:/);
    // The formula, the summary and the command links are those of the 0.2x + 0.5 function, not relu6(x + 3)/6.
    assert.match(md, /^\*\*Hard sigmoid \(0\.2x \+ 0\.5: Keras 2, TF\.js\)\*\*/);
    assert.match(md, /\\operatorname\{clip\}\(0\.2x \+ 0\.5/);
    // (The facts block may contrast the two for porting; title, summary, formula and note must not be Keras 3's.)
    assert.doesNotMatch(md.split('**Range**')[0], /relu6|ReLU6/);
    assert.match(md, /%22id%22%3A%22hard_sigmoid_linear%22/);
  });

  it("TF.js's 'hardSigmoid' activation is the 0.2x + 0.5 hard sigmoid", () => {
    const text = "tf.layers.dense({units: 4, activation: 'hardSigmoid'})";
    assert.equal(recognize(text, text.indexOf('hardSig') + 3, 'javascript')?.id, 'hard_sigmoid_linear');
  });

  it('Keras 2 from a requirements.txt pinning tensorflow==2.15 warns that keras.activations.relu6 does not exist there', () => {
    const text = 'import tensorflow as tf\ny = tf.keras.activations.relu6(x)\n';
    const keras = decideKerasGeneration('auto', kerasGenerationFromCode(text), kerasGenerationFromPins([{ path: 'requirements.txt', text: 'tensorflow==2.15\n' }]));
    assert.equal(keras.generation, 2);
    const md = hoverOf(text, 'activations.relu6', keras);
    assert.match(md, /⚠ \*Keras 2:\* keras\.activations\.relu6 does not exist in Keras 2/);
    assert.match(md, /requirements\.txt pins tensorflow==2\.15/);
  });

  it('Keras 3 code shows relu6(x + 3)/6 and not the Keras 2 formula', () => {
    const keras = decideKerasGeneration('auto', kerasGenerationFromCode(KERAS3_FILE), undefined);
    const md = hoverOf(KERAS3_FILE, 'activations.hard_sigmoid', keras);
    assert.match(md, /\*Keras 3:\* relu6\(x \+ 3\)\/6/);
    assert.doesNotMatch(md, /0\.2x/);
    assert.match(md, /^\*\*Hard sigmoid\*\*/);
  });

  it('unknown generation shows both where they differ, and says why', () => {
    const keras = decideKerasGeneration('auto', kerasGenerationFromCode(PLAIN_FILE), undefined);
    const md = hoverOf(PLAIN_FILE, 'activations.hard_sigmoid', keras);
    assert.match(md, /Keras 3: relu6\(x \+ 3\)\/6\. · Keras 2: clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.match(md, /version unknown/);
  });

  it('names that are the same in both generations get no Keras 2 / 3 split', () => {
    const text = 'import tensorflow as tf\nl = tf.keras.losses.Huber(delta=2.0)\n';
    const md = hoverOf(text, 'losses.Huber', { generation: 'unknown', reason: 'test' });
    assert.doesNotMatch(md, /Keras 2/);
    assert.match(md, /\*Keras:\* Keras losses average/);
  });
});
