import { describe, expect, it } from 'vitest';
import css from '../../styles/highlights.css?raw';

// The class palette in highlights.css, checked against WCAG: text on every tint (and on the
// darkest stack of tints: a class, an overlap and the selection) keeps AA contrast (4.5:1),
// and each class's underline stands out from the page at the non-text minimum (3:1).

type Rgba = [number, number, number, number];

function variablesIn(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--margin-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!]));
}

function parseColor(value: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(value.trim());
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(value.trim());
  if (!rgb) throw new Error(`unexpected colour ${value}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), Number(rgb[4])];
}

const over = (top: Rgba, base: Rgba): Rgba => [
  top[0] * top[3] + base[0] * (1 - top[3]),
  top[1] * top[3] + base[1] * (1 - top[3]),
  top[2] * top[3] + base[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = variablesIn(css.slice(0, css.indexOf("[data-mantine-color-scheme='dark']")));
const dark = variablesIn(css.slice(css.indexOf("[data-mantine-color-scheme='dark']")));
// Mantine's page and text colours: --mantine-color-body and --mantine-color-text.
const themes = [
  { name: 'light', vars: light, page: parseColor('#ffffff'), text: parseColor('#000000') },
  { name: 'dark', vars: dark, page: parseColor('#242424'), text: parseColor('#c9c9c9') },
];

describe.each(themes)('the $name class palette', ({ vars, page, text }) => {
  it.each(['thesis', 'risk', 'evidence'])('%s keeps text readable, alone and stacked', (cls) => {
    const tint = over(parseColor(vars.get(`${cls}-bg`)!), page);
    const stacked = over(
      parseColor(vars.get('selected-bg')!),
      over(parseColor(vars.get('overlap-bg')!), tint),
    );
    expect(contrast(text, tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(text, stacked)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['thesis', 'risk', 'evidence'])('%s underline stands out from the page', (cls) => {
    expect(contrast(parseColor(vars.get(`${cls}-line`)!), page)).toBeGreaterThanOrEqual(3);
  });

  it('gives the three classes three different colours', () => {
    const lines = ['thesis', 'risk', 'evidence'].map((c) => vars.get(`${c}-line`));
    expect(new Set(lines).size).toBe(3);
  });
});
