import PostalMime, { type Email, type Mailbox } from 'postal-mime';
import { ImportError } from '../import-error';
import type { ImportedMetadata, ParsedDocument } from '../parsed-document';
import { textBodyToDocument } from './eml/text-body-to-document';
import { isoDate } from './html/iso-date';
import { htmlFragmentToDocument } from './html-to-document';

/** Headers every real message has at least one of; random text or binary has none. */
const MESSAGE_HEADERS = new Set([
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'received',
]);

/** Forwarding prefixes mail clients add (English, German, French, Spanish). */
const FORWARD_PREFIX = /^(?:\s*(?:fwd?|wg|tr|rv)\s*:\s*)+/i;

/**
 * Free-mail domains say nothing about who published a note, so they are not a source.
 * Any other sender domain (`research.bank.com`) is kept: it names the broker well enough
 * for the analyst to recognise and correct.
 */
const FREE_MAIL = new RegExp(
  '(?:^|\\.)(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|icloud|me|mac|aol|gmx|web|' +
    't-online|freenet|proton|protonmail|posteo|mailbox)\\.(?:[a-z]{2,6}|co\\.[a-z]{2}|com\\.[a-z]{2})$',
  'i',
);

/**
 * Imports an e-mail message (.eml, RFC 5322), such as broker research mailed to the
 * analyst. The HTML body is preferred and goes through the same sanitiser as web pages;
 * a text-only mail is split into paragraphs and quotes. Attachments are ignored.
 */
export async function parseEml(bytes: Uint8Array): Promise<ParsedDocument> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: 50, maxRfc822NestingDepth: 3 });
  } catch (error) {
    throw new ImportError('DAMAGED_FILE', 'the e-mail message is damaged and could not be read', {
      cause: error,
    });
  }
  if (!email.headers.some((header) => MESSAGE_HEADERS.has(header.key))) {
    throw new ImportError('DAMAGED_FILE', 'the file is not an e-mail message');
  }

  const metadata = messageMetadata(email);
  let body = email.html === undefined ? null : await htmlFragmentToDocument(email.html, {});
  // An image-only HTML mail may still carry its words in the text alternative.
  if ((body === null || body.text === '') && email.text !== undefined) {
    body = { ...textBodyToDocument(email.text), metadata: {} };
  }
  if (body === null || body.text.trim() === '') {
    throw new ImportError('NO_TEXT', 'the e-mail has no text');
  }
  return { text: body.text, blocks: body.blocks, links: body.links, metadata };
}

function messageMetadata(email: Email): ImportedMetadata {
  const metadata: ImportedMetadata = {};
  const subject = email.subject?.replace(FORWARD_PREFIX, '').replace(/\s+/g, ' ').trim();
  if (subject) metadata.title = subject;

  const sender = mailbox(email.from) ?? mailbox(email.sender);
  const name = sender?.name.replace(/\s+/g, ' ').trim();
  if (name || sender?.address) metadata.author = name || sender?.address;
  const domain = sender?.address.split('@')[1]?.toLowerCase();
  if (domain && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) && !FREE_MAIL.test(domain)) {
    metadata.source = domain;
  }

  // The header as written: the sender's calendar date, not the UTC one postal-mime gives.
  const dateHeader = email.headers.find((header) => header.key === 'date')?.value;
  const publishedAt = isoDate(dateHeader) ?? isoDate(email.date);
  if (publishedAt) metadata.publishedAt = publishedAt;

  const language = email.headers
    .find((header) => header.key === 'content-language')
    ?.value.split(/[-_,\s]/)[0]
    ?.toLowerCase();
  if (language && /^[a-z]{2,3}$/.test(language)) metadata.language = language;
  return metadata;
}

function mailbox(address: Email['from']): Mailbox | undefined {
  if (address === undefined) return undefined;
  return address.group === undefined ? address : address.group[0];
}
