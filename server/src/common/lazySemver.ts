import type * as Semver from 'semver';

// Loaded on the first version comparison: most lints compare none, and semver's module
// set-up (its regular expressions) costs every process start-up time.
let loaded: typeof Semver | undefined;

export const semver = (): typeof Semver => (loaded ??= require('semver') as typeof Semver);
