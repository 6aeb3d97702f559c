import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(file: string) {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}

describe('icons', () => {
  it('the SVG source is there, with its own background shape', () => {
    const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 128 128"/);
    expect(svg).toMatch(/stroke="#ffffff"/); // the light rim that keeps it visible on dark toolbars
  });

  it.each([16, 32, 48, 128])('public/icon/%i.png is %i px square, with transparency', (size) => {
    expect(pngHeader(join(root, 'public', 'icon', `${size}.png`))).toEqual({ width: size, height: size, colourType: 6 });
  });
});
