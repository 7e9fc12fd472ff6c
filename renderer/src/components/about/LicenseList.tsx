import { Badge, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ThirdPartyLicense } from '../../../../shared/domain/app-info';

/** One package: its name, version and license id; the license text once opened. */
function LicenseItem({ license }: { license: ThirdPartyLicense }) {
  // The texts are long: only an opened entry renders its text.
  const [open, setOpen] = useState(false);
  return (
    <li className="license-item">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="license-name">{license.name}</span>
          <span className="license-version">{license.version}</span>
          <Badge size="xs" variant="light" className="license-id">
            {license.license || 'no license named'}
          </Badge>
        </summary>
        {open && (
          <pre className="license-text">
            {license.licenseText ??
              `${license.name} ships no license file; its package names the license “${license.license}”.`}
          </pre>
        )}
      </details>
    </li>
  );
}

/**
 * "Third-party licenses (N)": the packages built into Margin, filtered as the analyst
 * types, in a scrolling list; each opens (Enter or Space) to show its license text.
 */
export function LicenseList({ licenses }: { licenses: readonly ThirdPartyLicense[] }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return licenses;
    return licenses.filter(
      (l) => l.name.toLowerCase().includes(wanted) || l.license.toLowerCase().includes(wanted),
    );
  }, [licenses, query]);
  return (
    <section className="about-licenses" aria-labelledby="licenses-title">
      <Title order={3} size="h6" id="licenses-title">
        Third-party licenses ({licenses.length})
      </Title>
      {licenses.length === 0 ? (
        <Text size="sm" c="dimmed">
          This build of Margin carries no list of the licenses of the packages it is built with; the
          list is written when Margin is built for release.
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb={6}>
            Margin is built with these open-source packages. Open one to read its license.
          </Text>
          <TextInput
            size="xs"
            mb={6}
            placeholder="Filter by package or license (MIT, Apache-2.0…)"
            aria-label="Filter the licenses"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <ul className="license-list" aria-label="Third-party licenses">
            {shown.map((license) => (
              <LicenseItem key={`${license.name}@${license.version}`} license={license} />
            ))}
          </ul>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" role="status">
              No package or license matches “{query.trim()}”.
            </Text>
          )}
        </>
      )}
    </section>
  );
}
