#!/usr/bin/env node
// Reads the SARIF logs written by `Sarif.Multitool validate --output LOG` and exits 1 when any
// of them holds an error (or, with --fail-on-warnings, a warning). The Multitool's own exit code
// does not reflect what it found, so this is where CI gets its verdict. The findings themselves
// are already on the console: the Multitool prints them as it validates.
'use strict';

const fs = require('fs');

const args = process.argv.slice(2);
const failOnWarnings = args.includes('--fail-on-warnings');
const logs = args.filter((arg) => arg !== '--fail-on-warnings');
if (logs.length === 0) {
    console.error('usage: check-sarif-validation.js [--fail-on-warnings] VALIDATION_LOG...');
    process.exit(2);
}

const counts = { error: 0, warning: 0, note: 0 };

function effectiveLevel(result, rules) {
    if (result.level) {
        return result.level;
    }
    const rule = rules[result.ruleIndex] || rules.find((candidate) => candidate.id === result.ruleId) || {};
    return (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
}

for (const file of logs) {
    const log = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const run of log.runs || []) {
        const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
        for (const invocation of run.invocations || []) {
            if (invocation.executionSuccessful === false) {
                console.error(`${file}: the validator reports an unsuccessful run`);
                counts.error++;
            }
            const notifications = [
                ...(invocation.toolExecutionNotifications || []),
                ...(invocation.toolConfigurationNotifications || []),
            ];
            for (const notification of notifications) {
                if ((notification.level || 'warning') === 'error') {
                    console.error(`${file}: validator error: ${(notification.message || {}).text || ''}`);
                    counts.error++;
                }
            }
        }
        for (const result of run.results || []) {
            if (result.kind && result.kind !== 'fail') {
                continue;
            }
            const level = effectiveLevel(result, rules);
            if (level in counts) {
                counts[level]++;
            }
        }
    }
}

console.log(`SARIF validation: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes`);
process.exit(counts.error > 0 || (failOnWarnings && counts.warning > 0) ? 1 : 0);
