// The house in numbers: every function in src/ is short enough to read in one screen, every source
// file in one sitting, and no module reaches itself through its imports.
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  importCycles,
  importsOf,
  longFiles,
  longFunctions,
  sourceFiles,
} from './structure.ts';

const shipped = sourceFiles(['src']);
const tooling = sourceFiles(['scripts', 'bench', 'lint']);

describe('the house', () => {
  it(`has no function in src/ over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(longFunctions(shipped)).toEqual([]);
  });

  it(`has no file in src/, scripts/ or bench/ over ${MAX_FILE_LINES} lines`, () => {
    expect(longFiles([...shipped, ...tooling])).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(
      importCycles([
        ...shipped,
        ...tooling,
        ...sourceFiles(['test']).filter(f => !f.startsWith('test/house/fixtures/')),
      ]),
    ).toEqual([]);
  });
});

describe('the benches', () => {
  // A bench measures the shipped code; a helper it shares with the tests lives in src/ or bench/.
  it('import nothing from test/', () => {
    const fromTests = sourceFiles(['bench']).flatMap(file =>
      importsOf(file)
        .filter(to => to.startsWith('test/'))
        .map(to => `${file} -> ${to}`),
    );
    expect(fromTests).toEqual([]);
  });
});

describe('the house rules catch what they name', () => {
  it('finds a long function, a long file and a cycle in fixtures made to break them', () => {
    expect(longFunctions(['test/house/fixtures/long.ts'], 5)).toEqual([
      'test/house/fixtures/long.ts:3 tooLong (7 lines)',
    ]);
    expect(longFiles(['test/house/fixtures/long.ts'], 5)).toEqual(['test/house/fixtures/long.ts (13 lines)']);
    expect(importsOf('test/house/fixtures/cycle-a.ts')).toEqual(['test/house/fixtures/cycle-b.ts']);
    expect(importCycles(['test/house/fixtures/cycle-a.ts', 'test/house/fixtures/cycle-b.ts'])).toEqual([
      'test/house/fixtures/cycle-a.ts -> test/house/fixtures/cycle-b.ts -> test/house/fixtures/cycle-a.ts',
    ]);
  });
});
