import { describe, expect, it } from 'vitest';
import { identifierDefaults } from './identifiers.ts';
import { MAX_IDENTIFIERS_PER_SPACE, SettingsImportSchema } from './settings.ts';
import { refusedSettingsImportIssues, salvageSettingsImport } from './settings-import.ts';

const LONG_KEY = 'k'.repeat(64);

function document(identifiers: unknown[], defaultCountry = 'US') {
  return { defaultCountry, identifiers, mappings: { phone: null, email: null } };
}

describe('SettingsImportSchema', () => {
  it('accepts what an export holds: a 64-character key as display name, a dotted source key, no source keys on a built-in', () => {
    const identifiers = [
      { ...identifierDefaults(LONG_KEY), priority: 1 },
      { ...identifierDefaults('crm.id'), priority: 2 },
      { ...identifierDefaults('user_id'), priority: 3 },
    ];
    expect(identifiers[1]?.sourceKeys).toEqual(['crm.id']);
    const result = SettingsImportSchema.safeParse(document(identifiers));
    expect(result.error?.issues).toBeUndefined();
  });

  it('refuses other display names over 50 characters and source keys on a built-in, on the field', () => {
    const result = SettingsImportSchema.safeParse(
      document([
        { key: LONG_KEY, displayName: 'x'.repeat(51) },
        { key: 'email', sourceKeys: ['mail'] },
      ]),
    );
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'identifiers.0.displayName',
      'identifiers.1.sourceKeys',
    ]);
  });

  it('still takes an empty list on a custom identifier as "the default"', () => {
    expect(SettingsImportSchema.safeParse(document([{ key: 'crm_id', sourceKeys: [] }])).success).toBe(true);
  });

  it('takes the default country in any case and gives it in upper case', () => {
    expect(SettingsImportSchema.parse(document([], 'gb')).defaultCountry).toBe('GB');
  });
});

describe('salvageSettingsImport', () => {
  it('keeps what it can read of a refused document: a refused identifier by its key and usable priority', () => {
    const salvaged = salvageSettingsImport({
      defaultCountry: 'nowhere',
      identifiers: [
        { key: 'email', displayName: '', priority: 2 },
        { key: 'crm_id', priority: 0, sourceKeys: ['crm'] },
        { key: 'user_id', priority: 1 },
      ],
      mappings: { phone: 'Not A Key', email: 'email' },
    });
    // crm_id's priority 0 is refused: every priority is left out, so the list order counts.
    expect(salvaged?.document.identifiers).toEqual([
      { key: 'email' },
      { key: 'crm_id' },
      expect.objectContaining({ key: 'user_id' }),
    ]);
    expect(salvaged?.document.identifiers[2]).not.toHaveProperty('priority');
    expect(salvaged?.document.mappings).toEqual({ phone: null, email: 'email' });
    expect([...(salvaged?.refused ?? [])]).toEqual([0, 1]);
  });

  it('keeps usable priorities when none is refused', () => {
    const salvaged = salvageSettingsImport({
      identifiers: [
        { key: 'email', displayName: '', priority: 2 },
        { key: 'user_id', priority: 1 },
      ],
    });
    expect(salvaged?.document.identifiers).toEqual([
      { key: 'email', priority: 2 },
      expect.objectContaining({ key: 'user_id', priority: 1 }),
    ]);
  });

  it('adds no problem of its own for a refused priority, nor a clash with a refused identifier', () => {
    const document = {
      defaultCountry: 'US',
      identifiers: [
        { key: 'email', displayName: '', priority: 1 },
        { key: 'crm_id', displayName: 'email', priority: 0 },
      ],
      mappings: { phone: null, email: 'email' },
    };
    const schemaIssues = [
      { path: 'identifiers.0.displayName', message: 'Enter a display name' },
      { path: 'identifiers.1.priority', message: 'Too small' },
    ];
    const seen: string[][] = [];
    const issues = refusedSettingsImportIssues(document, schemaIssues, (built) => {
      seen.push(built.map((identifier) => identifier.key));
      return [];
    });
    expect(issues).toEqual(schemaIssues);
    expect(seen).toEqual([[]]);
  });

  it('gives up when the shape or a key cannot be read, or there are too many identifiers', () => {
    expect(salvageSettingsImport([])).toBeNull();
    expect(salvageSettingsImport({ identifiers: 'none' })).toBeNull();
    expect(salvageSettingsImport({ identifiers: [{ key: 'Bad Key' }] })).toBeNull();
    expect(salvageSettingsImport({ identifiers: [null] })).toBeNull();
    const many = Array.from({ length: MAX_IDENTIFIERS_PER_SPACE + 1 }, (_, i) => ({ key: `k_${i}` }));
    expect(salvageSettingsImport({ identifiers: many })).toBeNull();
  });
});
