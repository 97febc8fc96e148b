import type { Space } from '@idr/contracts';

/** A name or id as the admin means it: case and surrounding spaces do not tell two apart. */
function comparable(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** A space as the switcher lists it. */
export interface SpaceItem {
  id: string;
  label: string;
}

/**
 * The name, and the id (what URLs and the API use) when the name does not already say it, or when
 * another space has the same name (`nameShared`): "Production" alone could then be either.
 */
export function spaceLabel(space: Pick<Space, 'id' | 'name'>, nameShared = false): string {
  return space.name.toLowerCase() === space.id && !nameShared ? space.name : `${space.name} (${space.id})`;
}

/**
 * The current space while its name cannot be read (the server or its database is out): its id,
 * marked as one: shown bare, an id reads as the space's name (`prod-eu` for "Production EU").
 */
function unnamedSpaceLabel(id: string): string {
  return `id: ${id}`;
}

/**
 * The switcher's entries: every listed space, and first the current id alone when it is not listed:
 * before the list arrives, at an address naming no space (which the page explains), or marked as an
 * id when the list could not be read (`listFailed`), as then nothing says whether that id is a name.
 */
export function spaceItems(
  spaces: readonly Pick<Space, 'id' | 'name'>[],
  currentId: string,
  listFailed = false,
): SpaceItem[] {
  const spacesByName = new Map<string, number>();
  for (const { name } of spaces) spacesByName.set(comparable(name), (spacesByName.get(comparable(name)) ?? 0) + 1);
  const items = spaces.map((space) => ({
    id: space.id,
    label: spaceLabel(space, (spacesByName.get(comparable(space.name)) ?? 0) > 1),
  }));
  if (items.some((item) => item.id === currentId)) return items;
  return [{ id: currentId, label: listFailed ? unnamedSpaceLabel(currentId) : currentId }, ...items];
}

/**
 * The spaces whose name or id contains what the admin typed, ignoring case and surrounding
 * spaces; all of them for an empty search. A long list is only usable this way: the list shows a
 * dozen entries at a time.
 */
export function matchingSpaces(items: readonly SpaceItem[], typed: string): SpaceItem[] {
  const search = comparable(typed);
  if (search === '') return [...items];
  return items.filter((item) => item.label.toLocaleLowerCase().includes(search));
}

/**
 * The search in the field after a keystroke. The field shows the current space's name until the
 * admin types; a click puts the caret somewhere in the name, so what is typed there is the search,
 * not the name around it ("Default" + "sup" searches "sup", and so does "Defsupault"). Anything
 * else typed (a deletion, a replaced selection, a search under way) is the search as it is.
 */
export function searchAfterTyping(search: string | null, currentLabel: string | undefined, inputValue: string): string {
  if (search !== null || !currentLabel || inputValue.length <= currentLabel.length) return inputValue;
  // The name with text inserted at one place: its unchanged start, then its unchanged end.
  let start = 0;
  while (start < currentLabel.length && inputValue[start] === currentLabel[start]) start++;
  const rest = currentLabel.length - start;
  if (inputValue.endsWith(currentLabel.slice(start))) return inputValue.slice(start, inputValue.length - rest);
  return inputValue;
}

/**
 * The search that narrows the list, from the field: what the open field holds, or null (every
 * space) while it is closed or shows the current space's name (`currentLabel`), as it does on
 * opening and again when that name is typed back in full.
 */
export function searchInField(isOpen: boolean, inputValue: string, currentLabel: string): string | null {
  return isOpen && inputValue !== currentLabel ? inputValue : null;
}

/**
 * Another space already called `name` (ignoring case and surrounding spaces), if any. Two spaces
 * may share a name, but then only their ids tell them apart in the top bar: the forms warn.
 */
export function spaceNamedLike<S extends Pick<Space, 'id' | 'name'>>(
  spaces: readonly S[],
  name: string,
  exceptId?: string,
): S | undefined {
  const wanted = comparable(name);
  if (wanted === '') return undefined;
  return spaces.find((space) => space.id !== exceptId && comparable(space.name) === wanted);
}

/**
 * The space an address probably meant when it names none, and how it came close: ids are lower
 * case, so `/spaces/Prod-EU` means `prod-eu` (`by: 'id'`); a space's name typed in place of its id
 * (`/spaces/Production EU`) means that space (`by: 'name'`). Ignores case and surrounding spaces;
 * `undefined` when nothing is that close.
 */
export function spaceMeantBy<S extends Pick<Space, 'id' | 'name'>>(
  spaces: readonly S[],
  typed: string,
): { space: S; by: 'id' | 'name' } | undefined {
  const wanted = comparable(typed);
  const byId = spaces.find((space) => space.id === wanted);
  if (byId) return { space: byId, by: 'id' };
  const byName = spaceNamedLike(spaces, typed);
  return byName ? { space: byName, by: 'name' } : undefined;
}
