import { SpaceNameSchema } from '@idr/contracts';
import { z } from 'zod';

export interface RenameSpaceFormValues {
  name: string;
}

/** The contract's space name (trimmed, 1–100 characters), required here: renaming is all this form does. */
export const renameSpaceFormSchema = z.object({ name: SpaceNameSchema });

/** The form field that shows a server issue of `PATCH /spaces/:space`; only the name is sent. */
export function renameSpaceFieldForIssue(path: string): keyof RenameSpaceFormValues | null {
  return path === 'name' ? 'name' : null;
}
