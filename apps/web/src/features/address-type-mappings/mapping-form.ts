import { ADDRESS_TYPES, type AddressType, type AddressTypeMappings, AddressTypeMappingsSchema } from '@idr/contracts';
import { z } from 'zod';
import { ADDRESS_TYPE_LABEL } from '../../lib/labels.ts';
import { rebase } from '../../lib/rebase.ts';

/** Form values: one select per address type, `''` meaning "None". */
export type MappingFormValues = Record<AddressType, string>;

/** The form's values turned into the API body and validated with the shared schema. */
export const MappingFormSchema = z
  .object({ phone: z.string(), email: z.string() })
  .transform((values) => ({ phone: values.phone || null, email: values.email || null }))
  .pipe(AddressTypeMappingsSchema);

export function toFormValues(mappings: { phone: string | null; email: string | null }): MappingFormValues {
  return { phone: mappings.phone ?? '', email: mappings.email ?? '' };
}

/** The mappings (and settings version) the form's edits started from. */
export interface MappingBase {
  mappings: { phone: string | null; email: string | null };
  version: number;
}

/** Whether two bases map each address type to the same identifier. */
export function sameMappingBase(a: MappingBase, b: MappingBase): boolean {
  return ADDRESS_TYPES.every((type) => a.mappings[type] === b.mappings[type]);
}

/** `rebase` (lib/rebase.ts) for the mapping form: its values are the two mapped keys. */
export function rebaseMappings(
  base: MappingBase,
  server: MappingBase,
  isDirty: boolean,
): { base: MappingBase; resetForm: boolean } {
  return rebase(base, server, isDirty, sameMappingBase);
}

/**
 * SPEC §4: one identifier maps to at most one address type. When both selects hold the same
 * identifier, the error belongs to the one the admin changed (the other still shows what is
 * saved), and says which address type already uses it. `null` when there is no clash.
 */
export function mappingClash(
  values: MappingFormValues,
  saved: MappingBase['mappings'],
): { field: AddressType; message: string } | null {
  const [first, second] = ADDRESS_TYPES;
  const key = values[first];
  if (!key || key !== values[second]) return null;
  // The changed select; if both changed (or neither), the second one, as the server reports it.
  const field = values[first] !== (saved[first] ?? '') && values[second] === (saved[second] ?? '') ? first : second;
  const other = field === first ? second : first;
  return {
    field,
    message: `${key} is already mapped to ${ADDRESS_TYPE_LABEL[other]}. One identifier can hold only one address type: choose another identifier, or set ${ADDRESS_TYPE_LABEL[other]} to None first.`,
  };
}

export type { AddressTypeMappings };
