// `pnpm start`: builds what is missing or out of date (the console, the server bundle), then runs
// the server with the caller's environment (PORT, HOST, DATABASE_URL, LOG_LEVEL, …).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

function isStale(output, sources) {
  const built = newestMtime(output);
  return built === 0 || sources.some((source) => newestMtime(join(root, source)) > built);
}

function run(label, command, args, cwd) {
  process.stdout.write(`> ${label}\n`);
  const result = spawnSync(command, args, { cwd: join(root, cwd), stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const webIndex = join(root, 'apps/web/dist/index.html');
if (isStale(webIndex, ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src'])) {
  run(
    'building the console',
    process.execPath,
    [join(root, 'apps/web/node_modules/vite/bin/vite.js'), 'build'],
    'apps/web',
  );
}
const serverBundle = join(root, 'apps/server/dist/main.js');
if (isStale(serverBundle, ['apps/server/src', 'packages/contracts/src', 'packages/resolver/src'])) {
  run('building the server', process.execPath, ['build.mjs'], 'apps/server');
}

const server = spawn(process.execPath, ['--enable-source-maps', serverBundle], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
