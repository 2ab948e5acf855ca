/**
 * One generic registry for adapters, panels and map layer types (after
 * Grafana's Registry<T>): explicit ids, a duplicate or unknown id is an error,
 * renamed ids keep working through aliases.
 */
export class Registry<T> {
  private readonly items = new Map<string, T>();
  private readonly aliases = new Map<string, string>();

  constructor(private readonly kind: string) {}

  register(id: string, item: T, aliases: readonly string[] = []): this {
    if (this.items.has(id) || this.aliases.has(id)) throw new Error(`${this.kind} "${id}" is already registered`);
    this.items.set(id, item);
    for (const alias of aliases) {
      if (this.items.has(alias) || this.aliases.has(alias)) throw new Error(`${this.kind} alias "${alias}" is taken`);
      this.aliases.set(alias, id);
    }
    return this;
  }

  has(id: string): boolean {
    return this.items.has(id) || this.aliases.has(id);
  }

  get(id: string): T {
    const item = this.items.get(this.aliases.get(id) ?? id);
    if (item === undefined) throw new Error(`unknown ${this.kind} "${id}" (known: ${this.ids().join(', ')})`);
    return item;
  }

  ids(): string[] {
    return [...this.items.keys()];
  }
}
