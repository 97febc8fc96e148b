import {
  type AddressTypeMappingsResponse,
  type Identifier,
  identifierDefaults,
  type SpacePreset,
  SUGGESTED_BLOCKED_VALUES,
} from '@idr/contracts';

/** A space's starting configuration. */
export interface SpaceConfiguration {
  identifiers: Identifier[];
  mappings: AddressTypeMappingsResponse['mappings'];
}

function presetIdentifier(key: string, priority: number, overrides: Partial<Identifier>): Identifier {
  return {
    ...identifierDefaults(key),
    priority,
    blockedValues: SUGGESTED_BLOCKED_VALUES.map((blocked) => ({ ...blocked })),
    ...overrides,
  };
}

/** The configurations a new space can start from (SPEC §2). */
export function presetConfiguration(preset: SpacePreset): SpaceConfiguration {
  if (preset === 'empty') return { identifiers: [], mappings: { phone: null, email: null } };
  return {
    identifiers: [
      presetIdentifier('user_id', 1, { limit: { count: 1, window: 'ever' }, normalization: 'trim' }),
      presetIdentifier('email', 2, { limit: { count: 5, window: 'ever' }, normalization: 'email' }),
      presetIdentifier('phone', 3, {
        kind: 'custom',
        limit: { count: 5, window: 'ever' },
        normalization: 'phone',
        sourceKeys: ['phone'],
      }),
      presetIdentifier('anonymous_id', 4, { limit: { count: 5, window: 'weekly' }, normalization: 'trim' }),
    ],
    mappings: { phone: 'phone', email: 'email' },
  };
}
