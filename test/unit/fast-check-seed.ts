/**
 * Loaded by mocha before the suites (see .mocharc.json): property tests run with a fixed seed so that
 * CI is deterministic. Set FC_SEED to explore other inputs locally; a failure prints its seed and path.
 */
import * as fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
