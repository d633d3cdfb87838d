// gitlab-ci-local 4.75 calls the ES2025 Set methods (Set.prototype.union, …), which Node.js has from 22 only.
// Loaded with `node --import ./set-methods.mjs` on older Node.js; a no-op where they exist.
const methods = {
  union(other) { const result = new Set(this); for (const x of other.keys()) result.add(x); return result; },
  intersection(other) { return new Set([...this].filter((x) => other.has(x))); },
  difference(other) { return new Set([...this].filter((x) => !other.has(x))); },
  symmetricDifference(other) {
    const result = new Set(this);
    for (const x of other.keys()) { if (this.has(x)) result.delete(x); else result.add(x); }
    return result;
  },
  isSubsetOf(other) { return [...this].every((x) => other.has(x)); },
  isSupersetOf(other) { for (const x of other.keys()) if (!this.has(x)) return false; return true; },
  isDisjointFrom(other) { return [...this].every((x) => !other.has(x)); },
};
for (const [name, implementation] of Object.entries(methods)) {
  if (typeof Set.prototype[name] !== "function") {
    Object.defineProperty(Set.prototype, name, { value: implementation, writable: true, configurable: true });
  }
}
