import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, RULE_LEVELS, settingsSchema } from '../../server/src/common/settings';
import { SETTINGS_SECTION } from '../../server/src/common/protocol';

// The manifest is what VS Code shows and validates; the zod schema is what the server and
// the CLI apply. They must never drift apart.
interface ManifestProperty {
  type?: string;
  default?: unknown;
  scope?: string;
  markdownDescription?: string;
  additionalProperties?: { enum?: string[] };
  items?: { type?: string };
}
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, ManifestProperty> = manifest.contributes.configuration.properties;
const prefix = SETTINGS_SECTION + '.';
const schemaKeys = Object.keys(settingsSchema().shape).sort();
const manifestKeys = Object.keys(properties)
  .filter((k) => k.startsWith(prefix))
  .map((k) => k.slice(prefix.length))
  .sort();

test('every schema key is declared in package.json and every declared mcpHygiene key is in the schema', () => {
  assert.deepEqual(manifestKeys, schemaKeys);
  assert.deepEqual(
    Object.keys(properties).filter((k) => !k.startsWith(prefix)),
    [],
    'no settings outside the mcpHygiene section',
  );
});

test('package.json defaults equal the zod schema defaults', () => {
  for (const key of schemaKeys) {
    assert.deepEqual(properties[prefix + key].default, (DEFAULT_SETTINGS as Record<string, unknown>)[key], `default of ${prefix}${key}`);
  }
});

test('each declared setting has a description, a scope and a JSON type matching its default', () => {
  const jsonType = (value: unknown) => (Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
  for (const key of schemaKeys) {
    const property = properties[prefix + key];
    assert.ok(property.markdownDescription && property.markdownDescription.length > 20, `${key} has a markdownDescription`);
    assert.ok(property.scope, `${key} has a scope`);
    assert.equal(property.type, jsonType((DEFAULT_SETTINGS as Record<string, unknown>)[key]), `${key} type`);
  }
});

test('rule levels offered by the manifest are exactly the schema levels', () => {
  assert.deepEqual(properties[prefix + 'rules'].additionalProperties?.enum, [...RULE_LEVELS]);
});

test('the manifest defaults pass the schema unchanged', () => {
  const fromManifest = Object.fromEntries(schemaKeys.map((key) => [key, properties[prefix + key].default]));
  assert.deepEqual(settingsSchema().parse(fromManifest), DEFAULT_SETTINGS);
  assert.deepEqual(settingsSchema().parse({}), DEFAULT_SETTINGS, 'the schema fills in DEFAULT_SETTINGS');
});
