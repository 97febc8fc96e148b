#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster when it is installed but stopped, so the integration suite
# can run against it. Prints what it found; never fails the run by itself (the suite decides).
set -u
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is up on 127.0.0.1:5432"
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && { echo "PostgreSQL is up"; exit 0; }
    sleep 1
  done
fi
echo "PostgreSQL is not available on 127.0.0.1:5432" >&2
