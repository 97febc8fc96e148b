import { z } from 'zod';
import { ConfigurationError } from './configuration-error.ts';

const HISTORY_DAYS_RULE =
  'IDR_EVENT_HISTORY_DAYS must be a whole number of days from 1 to 36500; leave it unset to keep the history';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/idr.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IDR_ADMIN_PASSWORD: z.string().min(12, 'IDR_ADMIN_PASSWORD needs at least 12 characters').optional(),
  IDR_API_TOKEN: z.string().min(16, 'IDR_API_TOKEN needs at least 16 characters').optional(),
  /**
   * Host names to answer besides localhost and IP addresses, comma-separated, or `*` for any
   * (http/host-check.ts). Needed on 127.0.0.1 behind a proxy that passes its own name on.
   */
  IDR_ALLOWED_HOSTS: z.string().optional(),
  /**
   * How many days the profiles' event history is kept (features/events/event-history-retention.ts);
   * unset keeps it for good.
   */
  IDR_EVENT_HISTORY_DAYS: z.coerce
    .number({ error: HISTORY_DAYS_RULE })
    .int(HISTORY_DAYS_RULE)
    .min(1, HISTORY_DAYS_RULE)
    .max(36_500, HISTORY_DAYS_RULE)
    .optional(),
  /** Folder of the built console; defaults to apps/web/dist next to the server. */
  IDR_WEB_DIST: z.string().optional(),
});

/** The server's configuration. */
export type Env = z.infer<typeof EnvSchema>;

/** The only place that reads process.env: parses it, or throws with every problem at once. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  ');
    throw new ConfigurationError(`Invalid configuration:\n  ${problems}`);
  }
  return result.data;
}
