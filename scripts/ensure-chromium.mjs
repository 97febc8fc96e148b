#!/usr/bin/env node
// End-to-end tests run in Debian's Chromium (not Playwright's downloaded build), so CI needs no
// browser download from Playwright's CDN. Installs it with apt when it is missing (CI runs as root).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is present`);
} else {
  console.log(`ensure-chromium: ${CHROMIUM} is missing, installing Debian's chromium with apt-get`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends chromium`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: ${CHROMIUM} still missing after apt-get install`);
    process.exit(1);
  }
}
