import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes files into a fresh temporary folder and returns their absolute paths, in order. */
export async function writeTempFiles(
  files: Record<string, string | Uint8Array>,
): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-e2e-files-'));
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}

export const MARKDOWN_NOTE = `---
title: SAP – Notiz zum dritten Quartal
author: Jana Weber
date: 2026-10-22
---

# SAP – Notiz zum dritten Quartal

Die Cloud-Erlöse stiegen um **27 %** auf 4,4 Mrd. €.

| Kennzahl | Q3 2026 | Q3 2025 |
|---|---|---|
| Cloud-Umsatz | 4,4 Mrd. € | 3,5 Mrd. € |
| Operative Marge | 31 % | 29 % |

- Risiken
  - Währungseffekte
  - Konkurrenz durch Salesforce

> „Wir sehen eine starke Nachfrage nach Business AI“, sagte der CEO.
`;

export const BROKER_EML = [
  'From: "Equity Research" <research@broker.example>',
  'To: analyst@fund.example',
  'Subject: =?UTF-8?Q?Siemens:_Kaufempfehlung_best=C3=A4tigt?=',
  'Date: Mon, 23 Nov 2026 07:30:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Wir best=E4tigen unsere Kaufempfehlung f=FCr Siemens mit einem Kursziel von 2=',
  '10 =80.',
  '',
  'Der Auftragseingang im Digital-Industries-Gesch=E4ft erholt sich schneller a=',
  'ls erwartet.',
  '',
].join('\r\n');
