import { type CreateSpaceInput, DEFAULT_SPACE_ID, type Space, type UpdateSpaceInput } from '@idr/contracts';
import { AppError } from '../../http/app-error.ts';
import { insertAuditEntry } from '../../store/audit.repository.ts';
import { isUniqueViolation } from '../../store/database-errors.ts';
import { insertIdentifiers, listIdentifiers } from '../../store/identifiers.repository.ts';
import { newSortableId } from '../../store/ids.ts';
import { getMappings, replaceMappings } from '../../store/mappings.repository.ts';
import { findSpace, insertSpace, listSpaces, type SpaceRecord } from '../../store/spaces.repository.ts';
import type { Store } from '../../store/store.ts';
import { requireSpace, type WriteContext, writeSettings } from '../settings/settings-write.ts';
import { presetConfiguration, type SpaceConfiguration } from './presets.ts';

function toSpace({ version: _version, ...space }: SpaceRecord): Space {
  return space;
}

/** Spaces: list, create from a preset or a copy, rename; and the `default` space of first start. */
export function createSpacesService(store: Store, now: () => Date) {
  async function create(input: CreateSpaceInput, actor: string): Promise<Space> {
    try {
      return await store.transaction(async (trx) => {
        if (await findSpace(trx, input.id)) {
          throw new AppError('space_exists', `A space with the id "${input.id}" already exists`);
        }
        let configuration: SpaceConfiguration;
        let defaultCountry = input.defaultCountry ?? 'US';
        if (input.copyFrom) {
          const source = await findSpace(trx, input.copyFrom);
          if (!source) throw new AppError('space_not_found', `No space to copy from has the id "${input.copyFrom}"`);
          configuration = {
            identifiers: await listIdentifiers(trx, source.id),
            mappings: await getMappings(trx, source.id),
          };
          defaultCountry = input.defaultCountry ?? source.defaultCountry;
        } else {
          configuration = presetConfiguration(input.preset ?? 'contact-center');
        }
        const moment = now();
        const at = moment.toISOString();
        const space: SpaceRecord = {
          id: input.id,
          name: input.name,
          defaultCountry,
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        await insertSpace(trx, space);
        await insertIdentifiers(trx, space.id, configuration.identifiers, at);
        await replaceMappings(trx, space.id, configuration.mappings);
        await insertAuditEntry(trx, space.id, {
          id: newSortableId(moment),
          at,
          actor,
          action: 'space.create',
          target: `space:${space.id}`,
          before: null,
          after: {
            space: toSpace(space),
            source: input.copyFrom ? { copyFrom: input.copyFrom } : { preset: input.preset ?? 'contact-center' },
            ...configuration,
          },
        });
        return toSpace(space);
      });
    } catch (error) {
      // Two requests creating the same space at once: the loser hits the primary key.
      if (isUniqueViolation(error))
        throw new AppError('space_exists', `A space with the id "${input.id}" already exists`);
      throw error;
    }
  }

  return {
    create,

    async list(): Promise<Space[]> {
      return (await listSpaces(store.db)).map(toSpace);
    },

    async get(spaceId: string): Promise<SpaceRecord> {
      return requireSpace(await findSpace(store.db, spaceId), spaceId);
    },

    async update(spaceId: string, input: UpdateSpaceInput, context: WriteContext) {
      const { space } = await writeSettings(store, spaceId, context, now, async (_trx, before) => {
        const after = { ...toSpace(before), ...input };
        return {
          result: undefined,
          action: 'space.update',
          target: `space:${spaceId}`,
          before: { name: before.name, defaultCountry: before.defaultCountry },
          after: { name: after.name, defaultCountry: after.defaultCountry },
          spaceChanges: input,
        };
      });
      return space;
    },

    /** Creates the `default` space with the contact-center preset unless it exists (first start). */
    async ensureDefaultSpace(): Promise<boolean> {
      if (await findSpace(store.db, DEFAULT_SPACE_ID)) return false;
      try {
        await create({ id: DEFAULT_SPACE_ID, name: 'Default', preset: 'contact-center' }, 'system');
        return true;
      } catch (error) {
        // Another server process on the same database created it first.
        if (error instanceof AppError && error.code === 'space_exists') return false;
        throw error;
      }
    },
  };
}

export type SpacesService = ReturnType<typeof createSpacesService>;
