import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings, DEFAULT_SETTINGS } from '../../../server/src/common/settings';

test('missing settings give the defaults with no warnings', () => {
  assert.deepEqual(parseSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  assert.deepEqual(parseSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
});

test('one invalid key costs only that key, with one clear warning naming it', () => {
  const { settings, problems } = parseSettings({ enable: 'yes', rules: { 'secret-in-env': 'off' }, maxFileSize: -3 });
  assert.equal(settings.enable, true);
  assert.deepEqual(settings.rules, { 'secret-in-env': 'off' });
  assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /mcpHygiene\.enable/);
  assert.match(problems[1], /mcpHygiene\.maxFileSize/);
});

test('an invalid rule level is reported with its path', () => {
  const { settings, problems } = parseSettings({ rules: { 'secret-in-env': 'loud' } });
  assert.deepEqual(settings.rules, {});
  assert.match(problems[0], /mcpHygiene\.rules\.secret-in-env/);
});

test('a non-object settings value is rejected as a whole, with defaults', () => {
  const { settings, problems } = parseSettings('on');
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.equal(problems.length, 1);
});
