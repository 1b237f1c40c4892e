#!/usr/bin/env node
// Checks that a SARIF log from `cemap scan --baseline` over the test corpus holds what the
// Multitool run after it must see validated: results in every baseline state (new, unchanged,
// updated, absent), in-source suppressions with a justification, and an unused-suppression
// result. Exits 1, naming what is missing, otherwise.
'use strict';

const fs = require('fs');

const file = process.argv[2];
if (!file) {
    console.error('usage: check-sarif-features.js SARIF_LOG');
    process.exit(2);
}

const results = JSON.parse(fs.readFileSync(file, 'utf8')).runs.flatMap((run) => run.results || []);
const states = new Set(results.map((result) => result.baselineState));
const missing = ['new', 'unchanged', 'updated', 'absent'].filter((state) => !states.has(state))
    .map((state) => `a result with baselineState "${state}"`);
const suppressed = results.filter((result) => (result.suppressions || [])
    .some((suppression) => suppression.kind === 'inSource' && suppression.justification));
if (suppressed.length === 0) {
    missing.push('a result with an inSource suppression and a justification');
}
if (!results.some((result) => result.ruleId === 'unused-suppression')) {
    missing.push('an unused-suppression result');
}
if (missing.length > 0) {
    console.error(`${file} lacks ${missing.join(', ')}`);
    process.exit(1);
}
const count = (state) => results.filter((result) => result.baselineState === state).length;
console.log(`${file}: ${count('new')} new, ${count('unchanged')} unchanged, ${count('updated')} updated, `
    + `${count('absent')} absent, ${suppressed.length} suppressed`);
