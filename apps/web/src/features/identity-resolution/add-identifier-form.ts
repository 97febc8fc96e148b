import {
  BUILT_IN_IDENTIFIER_KEYS,
  type CreateIdentifierInput,
  displayNameLengthIssue,
  IdentifierDisplayNameSchema,
  IdentifierKeySchema,
  identifierDefaults,
  isBuiltInIdentifierKey,
  type Normalization,
  NormalizationSchema,
} from '@idr/contracts';
import { z } from 'zod';
import { parseSourceKeys, sourceKeysProblem } from './rules-form.ts';

export interface AddIdentifierFormValues {
  key: string;
  /** Empty: the key. */
  displayName: string;
  /** Empty: last. */
  position: string;
  /** Comma-separated; custom identifiers only. */
  sourceKeys: string;
  /** `suggestedNormalization(key)` until the admin chooses one. */
  normalization: Normalization;
}

/** Where each built-in identifier is read from (SPEC §5.1), to tell the admin what they are adding. */
export const BUILT_IN_SOURCES: Record<(typeof BUILT_IN_IDENTIFIER_KEYS)[number], string> = {
  user_id: 'userId',
  email: 'traits.email, context.traits.email and properties.email',
  anonymous_id: 'anonymousId',
  group_id: 'groupId',
  ga_client_id: 'context.integrations["Google Analytics"].clientId',
  'ios.id': 'context.device.id of iOS devices',
  'android.id': 'context.device.id of Android devices',
  'ios.idfa': 'context.device.advertisingId of iOS devices with ad tracking enabled',
  'android.idfa': 'context.device.advertisingId of Android devices with ad tracking enabled',
  'ios.push_token': 'context.device.token of iOS devices',
  'android.push_token': 'context.device.token of Android devices',
};

// Words of a custom key that say what its values are, for the normalization it starts with.
const PHONE_WORDS = new Set(['phone', 'telephone', 'tel', 'mobile', 'cell', 'msisdn', 'sms', 'whatsapp']);
const EMAIL_WORDS = new Set(['email', 'mail']);

/**
 * The normalization a new identifier starts with in the form: a built-in key's default (SPEC §2),
 * or for a custom key whose words name a phone number or an email address (`mobile_phone`,
 * `work_email`) that normalization, as such values are matched only when normalized. Else trim.
 * The admin sees it and may choose another.
 */
export function suggestedNormalization(key: string): Normalization {
  if (isBuiltInIdentifierKey(key)) return identifierDefaults(key).normalization;
  const words = key.toLowerCase().split(/[^a-z]+/);
  if (words.some((word) => PHONE_WORDS.has(word))) return 'phone';
  if (words.some((word) => EMAIL_WORDS.has(word))) return 'email';
  return identifierDefaults(key).normalization;
}

/** Built-in keys the space does not have yet, in the order of SPEC §5.1. */
export function suggestedBuiltInKeys(existing: readonly string[]): string[] {
  return BUILT_IN_IDENTIFIER_KEYS.filter((key) => !existing.includes(key));
}

/** The key an admin probably meant by a name typed as a key ("Loyalty ID" → `loyalty_id`), or null. */
export function suggestKey(typed: string): string | null {
  const key = typed
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_.]/g, '');
  return IdentifierKeySchema.safeParse(key).success ? key : null;
}

const KEY_EXISTS = 'An identifier with this key already exists in this space';

/**
 * The key field's problem: the contract's format rule, with the key it probably meant (or that
 * this key already exists, as for "EMAIL"), or a key the space already has.
 */
function keyProblem(key: string, existingKeys: readonly string[]): string | null {
  const format = IdentifierKeySchema.safeParse(key);
  if (format.success) return existingKeys.includes(key) ? KEY_EXISTS : null;
  const rule = format.error.issues[0]?.message ?? 'Not a valid key';
  const meant = suggestKey(key);
  if (meant === null || meant === key) return rule;
  return existingKeys.includes(meant) ? `${rule}. The space already has “${meant}”.` : `${rule}, such as “${meant}”.`;
}

/** The Add identifier form, checked with the contract's schemas; `existingKeys` catches a duplicate early. */
export function addIdentifierFormSchema(existingKeys: readonly string[]) {
  const lastPosition = existingKeys.length + 1;
  return z
    .object({
      key: z.string().superRefine((key, ctx) => {
        const message = keyProblem(key, existingKeys);
        if (message !== null) ctx.addIssue({ code: 'custom', message });
      }),
      displayName: z.string(),
      position: z.string(),
      sourceKeys: z.string(),
      normalization: NormalizationSchema,
    })
    .superRefine((values, ctx) => {
      if (values.displayName.trim() !== '') {
        // Up to 50 characters, or the key itself (the default), which may be longer.
        const result = IdentifierDisplayNameSchema.safeParse(values.displayName);
        const message = result.success
          ? displayNameLengthIssue(values.key, result.data)
          : (result.error.issues[0]?.message ?? '');
        if (message !== null) ctx.addIssue({ code: 'custom', path: ['displayName'], message });
      }
      if (values.position.trim() !== '') {
        const position = Number(values.position);
        if (!Number.isInteger(position) || position < 1 || position > lastPosition) {
          ctx.addIssue({
            code: 'custom',
            path: ['position'],
            message: `Enter a whole number from 1 to ${lastPosition}, or leave it empty to add the identifier last`,
          });
        }
      }
      if (!isBuiltInIdentifierKey(values.key)) {
        const problem = sourceKeysProblem(values.sourceKeys);
        if (problem) ctx.addIssue({ code: 'custom', path: ['sourceKeys'], message: problem });
      }
    })
    .transform((values): CreateIdentifierInput => {
      const input: CreateIdentifierInput = { key: values.key, normalization: values.normalization };
      if (values.displayName.trim() !== '') input.displayName = values.displayName.trim();
      if (values.position.trim() !== '') input.priority = Number(values.position);
      if (!isBuiltInIdentifierKey(values.key)) input.sourceKeys = parseSourceKeys(values.sourceKeys);
      return input;
    });
}

/** The Add identifier field a server issue belongs to, or null. */
export function addFieldForIssue(path: string): keyof AddIdentifierFormValues | null {
  const clean = path.replace(/^body\./, '');
  if (clean === 'key') return 'key';
  if (clean === 'displayName') return 'displayName';
  if (clean === 'priority') return 'position';
  if (clean === 'sourceKeys' || /^sourceKeys\.\d+$/.test(clean)) return 'sourceKeys';
  if (clean === 'normalization') return 'normalization';
  return null;
}
