import { describe, expect, it } from 'vitest';
import {
  describeIssuePath,
  parseSettingsFile,
  resolveImportedSettings,
  settingsFileContent,
  settingsFileName,
} from './settings-file.ts';

const EXPORT = {
  defaultCountry: 'US',
  identifiers: [
    {
      key: 'user_id',
      kind: 'default',
      displayName: 'user_id',
      priority: 1,
      limit: { count: 1, window: 'ever' },
      normalization: 'trim',
      blockedValues: [{ value: 'null', match: 'exact' }],
      sourceKeys: [],
    },
    {
      key: 'phone',
      kind: 'custom',
      displayName: 'Phone',
      priority: 2,
      limit: { count: 5, window: 'ever' },
      normalization: 'phone',
      blockedValues: [],
      sourceKeys: ['phone', 'mobile'],
    },
  ],
  mappings: { phone: 'phone', email: null },
  version: 12,
};

describe('settingsFileName and settingsFileContent', () => {
  it('names an export after the space and the local date', () => {
    expect(settingsFileName('prod', new Date(2026, 0, 5, 23, 59))).toBe('settings-prod-2026-01-05.json');
  });

  it('pretty-prints with two spaces and ends with a newline', () => {
    expect(settingsFileContent({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe('parseSettingsFile', () => {
  it('reads an export as it is, ignoring its version', () => {
    const parsed = parseSettingsFile(settingsFileContent(EXPORT));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document).not.toHaveProperty('version');
    expect(parsed.settings.identifiers.map((identifier) => identifier.key)).toEqual(['user_id', 'phone']);
    expect(parsed.settings.identifiers[1]).toEqual({ ...EXPORT.identifiers[1] });
    expect(parsed.settings.mappings).toEqual({ phone: 'phone', email: null });
  });

  it('accepts a byte-order mark, and says when the file is empty', () => {
    expect(parseSettingsFile(`\uFEFF${JSON.stringify(EXPORT)}`).ok).toBe(true);
    expect(parseSettingsFile(' \n ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = '{\n  "defaultCountry": "US"\n  "identifiers": []\n}';
    expect(parseSettingsFile(text)).toEqual({
      ok: false,
      problem: 'syntax',
      line: 3,
      column: 3,
      reason: 'expected “,” or “}” after a property value, found “"”',
    });
  });

  it('lists the schema issues with their paths in words', () => {
    const broken = {
      ...EXPORT,
      defaultCountry: 'XX',
      identifiers: [{ ...EXPORT.identifiers[0], limit: { count: 0, window: 'ever' } }, EXPORT.identifiers[1]],
      mappings: { phone: 'Phone', email: null },
    };
    const parsed = parseSettingsFile(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues.map((issue) => issue.where)).toEqual([
      'Default country',
      'Identifier 1 (user_id) › limit › count',
      'Address-type mapping › Phone number',
    ]);
    expect(parsed.issues[0]?.message).toMatch(/ISO 3166/);
  });

  it("words the validator's messages for an admin: a missing field, a wrong type", () => {
    const { defaultCountry: _missing, ...withoutCountry } = EXPORT;
    const broken = { ...withoutCountry, identifiers: [{ ...EXPORT.identifiers[0], normalization: 7 }] };
    const parsed = parseSettingsFile(JSON.stringify(broken));
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: 'defaultCountry', where: 'Default country', message: 'is required and must be text', plain: true },
        expect.objectContaining({ path: 'identifiers.0.normalization', plain: true }),
      ]),
    );
    // Never the validator's own wording.
    expect(parsed.issues.map((issue) => issue.message).join(' ')).not.toMatch(/Invalid input|received undefined/);
  });

  it('refuses a field a settings export does not have, naming it', () => {
    const parsed = parseSettingsFile(
      JSON.stringify({
        ...EXPORT,
        name: 'Support (EU)',
        identifiers: [{ ...EXPORT.identifiers[0], note: 1, owner: 'me' }, ...EXPORT.identifiers.slice(1)],
      }),
    );
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues.map((issue) => `${issue.where}: ${issue.message}`)).toEqual([
      'Identifier 1 (user_id): has fields it cannot hold, “note” and “owner”: remove them',
      'The file: has a field it cannot hold, “name”: remove it',
    ]);
  });

  it('lists the schema issues and those of the document as a whole at once', () => {
    const broken = {
      ...EXPORT,
      identifiers: [
        { ...EXPORT.identifiers[0], displayName: '' },
        EXPORT.identifiers[1],
        { ...EXPORT.identifiers[1], priority: 3 },
      ],
      mappings: { phone: 'phone', email: 'nope' },
    };
    const parsed = parseSettingsFile(JSON.stringify(broken));
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues.map((issue) => `${issue.where}: ${issue.message}`)).toEqual([
      'Identifier 1 (user_id) › display name: Enter a display name',
      'Identifier 3 (phone) › key: "phone" is listed more than once',
      'Address-type mapping › Email address: No identifier has the key "nope"',
    ]);
  });

  it('says so in one line when the file is some other JSON document', () => {
    const parsed = parseSettingsFile(JSON.stringify({ hello: 'world' }));
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues).toEqual([
      {
        path: '',
        where: 'The file',
        message:
          'This file is not a settings export: it has no defaultCountry, identifiers or mappings. Use a file that Export settings saved.',
      },
    ]);
  });

  it('refuses a document that is not an object', () => {
    const parsed = parseSettingsFile('[]');
    expect(parsed.ok).toBe(false);
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues[0]?.where).toBe('The file');
  });

  it('checks the document as a whole: keys listed once, priorities, mapped keys', () => {
    const duplicate = { ...EXPORT, identifiers: [EXPORT.identifiers[0], { ...EXPORT.identifiers[0], priority: 2 }] };
    const parsed = parseSettingsFile(JSON.stringify(duplicate));
    if (parsed.ok || parsed.problem !== 'invalid') throw new Error('expected issues');
    expect(parsed.issues).toEqual([
      {
        path: 'identifiers.1.key',
        where: 'Identifier 2 (user_id) › key',
        message: '"user_id" is listed more than once',
      },
      {
        path: 'mappings.phone',
        where: 'Address-type mapping › Phone number',
        message: 'No identifier has the key "phone"',
      },
    ]);
  });
});

describe('resolveImportedSettings', () => {
  it('fills in the defaults of SPEC §2 and orders by priority', () => {
    const { settings, issues } = resolveImportedSettings({
      defaultCountry: 'GB',
      identifiers: [
        { key: 'loyalty_id', priority: 2, sourceKeys: [] },
        { key: 'email', priority: 1 },
      ],
      mappings: { phone: null, email: 'email' },
    });
    expect(issues).toEqual([]);
    expect(settings.identifiers).toEqual([
      expect.objectContaining({
        key: 'email',
        priority: 1,
        displayName: 'email',
        normalization: 'email',
        sourceKeys: [],
      }),
      expect.objectContaining({
        key: 'loyalty_id',
        kind: 'custom',
        priority: 2,
        limit: { count: 5, window: 'ever' },
        normalization: 'trim',
        sourceKeys: ['loyalty_id'],
      }),
    ]);
    expect(settings.identifiers[0]?.blockedValues).toHaveLength(4);
  });

  it('takes the list order when no priority is given, and refuses a partial or gapped one', () => {
    const keys = (priorities: Array<number | undefined>) =>
      resolveImportedSettings({
        defaultCountry: 'US',
        identifiers: ['a', 'b', 'c'].map((key, index) => ({ key, priority: priorities[index] })),
        mappings: { phone: null, email: null },
      });
    expect(keys([undefined, undefined, undefined]).settings.identifiers.map((i) => i.key)).toEqual(['a', 'b', 'c']);
    expect(keys([3, 1, 2]).settings.identifiers.map((i) => i.key)).toEqual(['b', 'c', 'a']);
    expect(keys([1, undefined, 2]).issues[0]?.path).toBe('identifiers');
    expect(keys([1, 2, 4]).issues[0]?.message).toMatch(/distinct priority from 1 to 3/);
  });

  it('refuses a kind that does not match the key', () => {
    const { issues } = resolveImportedSettings({
      defaultCountry: 'US',
      identifiers: [{ key: 'email', kind: 'custom' }],
      mappings: { phone: null, email: null },
    });
    expect(issues).toEqual([
      { path: 'identifiers.0.kind', message: '"email" is a built-in identifier, so its kind is "default"' },
    ]);
  });
});

describe('describeIssuePath', () => {
  const document = { identifiers: [{ key: 'email' }, { nokey: true }] };
  it.each([
    ['', 'The file'],
    ['defaultCountry', 'Default country'],
    ['identifiers', 'Identifiers'],
    ['identifiers.0.displayName', 'Identifier 1 (email) › display name'],
    ['identifiers.1.blockedValues.3.value', 'Identifier 2 › blocked value 4 › value'],
    ['identifiers.0.sourceKeys.0', 'Identifier 1 (email) › source key 1'],
    ['mappings.email', 'Address-type mapping › Email address'],
    ['mappings', 'Address-type mapping'],
    ['extra', 'extra'],
  ])('%s → %s', (path, words) => {
    expect(describeIssuePath(path, document)).toBe(words);
  });
});
