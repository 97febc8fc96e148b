/** The tabs of Unified Profiles › Manage, each with its own path (the shell routes on these). */
export const MANAGE_TABS = [
  { id: 'identifiers', label: 'Identifiers', path: '/unified-profiles/manage/identifiers' },
  { id: 'identity-resolution', label: 'Identity resolution', path: '/unified-profiles/manage/identity-resolution' },
  { id: 'lookup-preview', label: 'Lookup preview', path: '/unified-profiles/manage/lookup-preview' },
  { id: 'history', label: 'Change history', path: '/unified-profiles/manage/history' },
] as const;

export type ManageTab = (typeof MANAGE_TABS)[number];

/** The Manage tab a path opens, if any. */
export function manageTabForPath(pathname: string): ManageTab | undefined {
  const path = pathname.replace(/\/+$/, '');
  return MANAGE_TABS.find((tab) => tab.path === path);
}

/** The label of the Manage tab with this id, if any. */
export function manageTabLabel(id: string): string | undefined {
  return MANAGE_TABS.find((tab) => tab.id === id)?.label;
}
