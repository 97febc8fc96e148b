/**
 * A setting the person starting the server must change (a malformed variable, an unusable
 * DATABASE_URL): reported as its message alone, since a stack trace would point at our code
 * rather than at the setting.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}
