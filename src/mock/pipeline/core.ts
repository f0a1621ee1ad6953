// What every stage of the pipeline reads: the contract, the settings, the one state model, the
// fixtures and their test values, Prism, and the answers that need no state. Made once by createMock.
import type { Contract } from '../../kernel/index.ts';
import type { CannedAnswers } from '../canned.ts';
import type { Fixtures } from '../fixtures.ts';
import type { PayloadLimits } from '../payload-limits.ts';
import type { AskPrism } from '../prism.ts';
import type { Settings } from '../settings.ts';
import type { MockState } from '../state/model.ts';
import type { TestValueIndex } from '../test-values.ts';
import type { EmptyRefused } from './empty-parameters.ts';

export interface Core {
  readonly contract: Contract;
  readonly settings: Settings;
  readonly state: MockState;
  readonly fixtures: Fixtures;
  readonly index: TestValueIndex;
  readonly limits: PayloadLimits;
  readonly canned: CannedAnswers;
  readonly prism: AskPrism;
  /** The parameter names each operation declares (by operationId), to name a bad one as declared. */
  readonly parameterNames: ReadonlyMap<string, readonly string[]>;
  /** The query and header parameters each operation declares whose schema refuses "" (by operationId). */
  readonly refusingEmpty: ReadonlyMap<string, readonly EmptyRefused[]>;
  readonly log: (line: string) => void;
  /** Aborts when the mock closes: a stalled answer then ends. */
  readonly closing: AbortSignal;
}
