import { ImportError } from '../../import-error';

/** Compound File Binary signature: Word 97–2003 files, and encrypted .docx files. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name (UTF-16LE in the CFB directory) of an encrypted OOXML package. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * A `.docx` that is really an OLE compound file is either an old `.doc` renamed or a
 * password-protected document (Word wraps those in CFB). Neither can be read, but the
 * analyst can fix both in Word, so say which it is.
 */
export function refuseLegacyWord(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < CFB_SIGNATURE.length || !buffer.subarray(0, 8).equals(CFB_SIGNATURE)) return;
  if (buffer.includes(ENCRYPTION_INFO)) {
    throw new ImportError(
      'UNSUPPORTED_FORMAT',
      'the Word document is protected with a password: save a copy without the password in Word and import that',
    );
  }
  throw new ImportError(
    'UNSUPPORTED_FORMAT',
    'the file is an old Word 97–2003 document: save it as .docx in Word and import it again',
  );
}
