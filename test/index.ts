// The test bundle: every *.test.ts under test/ registers its suites, then both passes are declared.
import { runAll } from './support/harness';

declare const require: any;
const context = require.context('./', true, /\.test\.ts$/);
context.keys().forEach(context);

runAll();
