/**
 * A sparse linear model stored compactly: hashed feature ids (sorted, delta- and varint-encoded)
 * and int8 weights (one per class, or one per class but an implicit all-zero one), both base64. Loaded into an open-addressing table for lookups
 * that keeps each key beside its weights.
 */
export const HASH_BITS = 22;
export const HASH_MASK = (1 << HASH_BITS) - 1;

export interface PackedLinear {
  classes: string[];
  /** Weight = int8 × scale. */
  scale: number;
  bias: number[];
  keys: string;
  /** Per key, one int8 weight for each class but `implicit`. */
  weights: string;
  /**
   * A class whose weights are all 0, so not stored: a softmax model's class scores can all be
   * shifted by the same amount per feature without changing its probabilities, so one class's
   * weights can be subtracted from every class's (the bias keeps them all).
   */
  implicit?: number;
}

export class LinearModel {
  readonly classes: string[];
  private readonly mask: number;
  /** Int32 words per slot: the key, then the int8 weights four to a word, so a lookup reads one cache line. */
  private readonly stride: number;
  private readonly slots: Int32Array;
  private readonly scale: number;
  private readonly bias: Float32Array;
  private readonly sums: Float64Array;

  constructor(packed: PackedLinear) {
    this.classes = packed.classes;
    const k = packed.classes.length;
    const keys = decodeKeys(packed.keys);
    const q = base64ToBytes(packed.weights);
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.stride = 1 + Math.ceil(k / 4);
    this.slots = new Int32Array(cap * this.stride);
    for (let s = 0; s < cap; s++) this.slots[s * this.stride] = -1;
    this.scale = packed.scale;
    this.bias = Float32Array.from(packed.bias);
    this.sums = new Float64Array(k);
    const implicit = packed.implicit ?? -1;
    const stored = implicit >= 0 ? k - 1 : k;
    for (let i = 0; i < keys.length; i++) {
      let s = slotOf(keys[i]!, this.mask);
      while (this.slots[s * this.stride] !== -1) s = (s + 1) & this.mask;
      const at = s * this.stride;
      this.slots[at] = keys[i]!;
      for (let c = 0, j = i * stored; c < k; c++) if (c !== implicit) this.slots[at + 1 + (c >> 2)]! |= q[j++]! << (8 * (c & 3));
    }
  }

  /** Adds the class scores of features (idx, val) to `out` (length = classes), starting from the bias. */
  scores(idx: Int32Array, val: Float32Array, n: number, out: Float64Array): void {
    const k = this.classes.length;
    const { slots, stride, mask, sums } = this;
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const key = idx[i]! & HASH_MASK;
      let s = slotOf(key, mask);
      for (;;) {
        const at = slots[s * stride]!;
        if (at === key) {
          const v = val[i]!;
          const base = s * stride + 1;
          for (let c = 0; c < k; c++) sums[c]! += v * ((slots[base + (c >> 2)]! << (24 - 8 * (c & 3))) >> 24);
          break;
        }
        if (at === -1) break;
        s = (s + 1) & mask;
      }
    }
    for (let c = 0; c < k; c++) out[c] = this.bias[c]! + sums[c]! * this.scale;
  }
}

function slotOf(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 8) & mask;
}

/** In-place softmax; returns the index of the largest probability. */
export function softmax(scores: Float64Array, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
  const max = scores[best]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(scores[c]! - max);
    sum += scores[c]!;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
  return best;
}

export function encodeKeys(sorted: number[]): string {
  const bytes: number[] = [];
  let prev = 0;
  for (const key of sorted) {
    let d = key - prev;
    prev = key;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return bytesToBase64(Uint8Array.from(bytes));
}

function decodeKeys(b64: string): number[] {
  const bytes = base64ToBytes(b64);
  const keys: number[] = [];
  let prev = 0;
  for (let i = 0; i < bytes.length; ) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    prev += d;
    keys.push(prev);
  }
  return keys;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

function base64ToBytes(b64: string): Uint8Array {
  const clean = b64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const at = (j: number) => (j < clean.length ? DECODE[clean.charCodeAt(j) & 127]! : 0);
    const n = (at(i) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3);
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
