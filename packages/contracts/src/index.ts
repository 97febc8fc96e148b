export * from './common.ts';
export * from './errors.ts';
export * from './identifiers.ts';
export * from './mappings.ts';
export * from './openapi.ts';
export * from './routes.ts';
export * from './settings.ts';
export * from './spaces.ts';
