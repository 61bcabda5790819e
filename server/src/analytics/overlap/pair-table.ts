/**
 * An open-addressing hash table from an ordered pair of small non-negative integers (a, b) to a
 * dense id 0, 1, 2, … in insertion order, with one Int32 `value` per id. No objects per entry and
 * no float keys: a few typed arrays that double when full.
 */
export class PairTable {
  size = 0;
  a: Int32Array;
  b: Int32Array;
  value: Int32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = Math.max(8, capacity);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.value = new Int32Array(n);
  }

  /** The id of (a, b), or −1. */
  find(a: number, b: number): number {
    const slots = this.slots;
    let h = hash(a, b) & this.mask;
    for (;;) {
      const id = slots[h]!;
      if (id < 0) return -1;
      if (this.a[id] === a && this.b[id] === b) return id;
      h = (h + 1) & this.mask;
    }
  }

  /** The id of (a, b), inserted (value 0) when new. */
  idOf(a: number, b: number): number {
    const slots = this.slots;
    const pa = this.a;
    const pb = this.b;
    const mask = this.mask;
    let h = hash(a, b) & mask;
    for (;;) {
      const id = slots[h]!;
      if (id < 0) break;
      if (pa[id] === a && pb[id] === b) return id;
      h = (h + 1) & mask;
    }
    const id = this.size++;
    if (id === pa.length) this.growEntries();
    this.a[id] = a;
    this.b[id] = b;
    slots[h] = id;
    if (this.size * 2 > slots.length) this.rehash();
    return id;
  }

  private growEntries(): void {
    const n = this.a.length * 2;
    this.a = grow(this.a, n);
    this.b = grow(this.b, n);
    this.value = grow(this.value, n);
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let id = 0; id < this.size; id++) {
      let h = hash(this.a[id]!, this.b[id]!) & mask;
      while (slots[h]! >= 0) h = (h + 1) & mask;
      slots[h] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

export function grow<T extends Int32Array | Float64Array>(arr: T, n: number): T {
  const out = new (arr.constructor as new (n: number) => T)(n);
  out.set(arr);
  return out;
}
