// Static security checks, run by `npm test` (and so in CI) after the build:
//   1. Electronegativity over the main process, the preload and the built page, pinned to
//      the Electron version in package.json; any HIGH finding fails.
//   2. The app registers no protocol but `app://`, which serves only the renderer's folder.
//   3. `npm audit --omit=dev`: no high or critical advisory in what ships, unless it is
//      listed and explained under "npm audit exceptions" in docs/security.md.
// Each prints what it found; the exit code is the number of failed checks.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** One CSV record, with quoted fields (Electronegativity quotes code samples). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field.trim());
  return fields;
}

function electronegativity(): boolean {
  const page = join(root, 'out/renderer/index.html');
  if (!existsSync(page)) {
    console.error(
      '✗ Electronegativity: out/renderer/index.html is missing; run `npm run build` first.',
    );
    return false;
  }
  // The sources as written (so webPreferences are literal), plus the built page with its CSP.
  const stage = mkdtempSync(join(tmpdir(), 'margin-electronegativity-'));
  try {
    cpSync(join(root, 'electron'), join(stage, 'electron'), {
      recursive: true,
      filter: (path) => !path.includes('__tests__') && !path.includes('test-support'),
    });
    cpSync(page, join(stage, 'index.html'));
    const version = packageJson.devDependencies.electron!.replace(/^[\^~]/, '');
    const report = join(stage, 'findings.csv');
    const run = spawnSync(
      join(root, 'node_modules/.bin/electronegativity'),
      ['-i', stage, '-e', version, '-r', '-v', 'false', '-o', report],
      { encoding: 'utf8' },
    );
    if (run.status !== 0 || !existsSync(report)) {
      console.error(`✗ Electronegativity did not run:\n${run.stderr || run.stdout}`);
      return false;
    }
    const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).map(csvFields);
    const high = rows.filter(([, severity]) => severity === 'HIGH');
    console.log(`Electronegativity ${version}: ${rows.length} finding(s), ${high.length} HIGH`);
    for (const [check, severity, confidence, file, location, sample] of rows) {
      console.log(`  ${severity}/${confidence} ${check} ${file}:${location} ${sample ?? ''}`);
    }
    if (high.length > 0) console.error('✗ Electronegativity reports HIGH findings (above).');
    return high.length === 0;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Every `.ts` file under `dir`, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function onlyTheAppProtocol(): boolean {
  const protocolCall =
    /\b(register|intercept)\w*Protocol\s*\(|\bprotocol\.handle\s*\(|registerSchemesAsPrivileged\s*\(/g;
  const allowed = new Map([
    ['electron/main/security/app-protocol.ts', 'protocol.handle('],
    ['electron/main/index.ts', 'registerSchemesAsPrivileged('],
  ]);
  const found = sourceFiles(join(root, 'electron/main')).flatMap((file) => {
    const name = relative(root, file).split('\\').join('/');
    return [...readFileSync(file, 'utf8').matchAll(protocolCall)]
      .map((match) => ({ name, call: match[0].replace(/\s/g, '') }))
      .filter(({ name: n, call }) => allowed.get(n) !== call);
  });
  if (found.length === 0) {
    console.log('Protocols: only app:// (confined to the renderer folder) is registered.');
    return true;
  }
  for (const { name, call } of found)
    console.error(`✗ Unexpected protocol handler: ${call} in ${name}`);
  return false;
}

function auditExceptions(): Set<string> {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('npm audit exceptions')) ?? '';
  return new Set([...section.matchAll(/^- `?(GHSA-[\w-]+)/gm)].map((match) => match[1]!));
}

interface AuditReport {
  vulnerabilities?: Record<
    string,
    {
      severity: string;
      via: Array<string | { severity?: string; url?: string; title?: string }>;
    }
  >;
  error?: { summary?: string };
  message?: string;
}

function npmAudit(): boolean {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout) as AuditReport;
  } catch {
    report = { message: run.stderr.trim().split('\n').pop() };
  }
  if (!report.vulnerabilities) {
    // The registry's advisory endpoint is not reachable from every network (this one
    // answers 405): say so plainly rather than pass in silence or fail every build.
    const why = report.error?.summary || report.message || 'no answer';
    console.warn(`! npm audit: the advisory database could not be asked (${why}); not checked.`);
    return true;
  }
  const exceptions = auditExceptions();
  const serious = (severity?: string) => severity === 'high' || severity === 'critical';
  // Each high or critical advisory counts on the package it is filed against; a package
  // flagged only through a dependency (a name in `via`) is that dependency's finding.
  const advisories = Object.entries(report.vulnerabilities).flatMap(([name, v]) =>
    v.via.flatMap((via) =>
      typeof via === 'object' && serious(via.severity)
        ? [{ name, severity: via.severity!, id: via.url?.split('/').pop() ?? '?' }]
        : [],
    ),
  );
  const unexplained = advisories.filter((advisory) => !exceptions.has(advisory.id));
  console.log(
    `npm audit --omit=dev: ${Object.keys(report.vulnerabilities).length} advisory package(s), ` +
      `${advisories.length} high or critical advisory(ies), ${unexplained.length} not explained in docs/security.md`,
  );
  for (const { name, severity, id } of unexplained) console.error(`✗ ${severity}: ${name} (${id})`);
  return unexplained.length === 0;
}

const results = [electronegativity(), onlyTheAppProtocol(), npmAudit()];
const failed = results.filter((ok) => !ok).length;
console.log(failed === 0 ? 'Static security checks passed.' : `${failed} static check(s) failed.`);
process.exit(failed);
