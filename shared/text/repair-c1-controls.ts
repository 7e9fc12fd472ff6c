/** Windows-1252's characters at bytes 0x80–0x9F, by code point U+0080–U+009F ('' = unused). */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * C1 control characters never belong in prose; when they appear, the text was Windows-1252
 * decoded as ISO-8859-1 (mail clients and old pages mislabel it all the time; browsers
 * decode that label as Windows-1252 for this reason). They become the characters meant:
 * € „ “ – …; the five bytes Windows-1252 leaves unused are dropped.
 */
export function repairC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => {
    const repaired = WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!;
    return repaired.charCodeAt(0) >= 0x80 && repaired.charCodeAt(0) <= 0x9f ? '' : repaired;
  });
}
