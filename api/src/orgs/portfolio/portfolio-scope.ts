/**
 * The orgs a partner-side read may see: the whole portfolio of the partner (`orgIds` null), or the
 * part of it listed for an admin with limited org access. Every portfolio query takes one, and
 * always filters on the partner first: that is the key its indexes start with.
 */
export interface PortfolioScope {
  partnerId: string;
  orgIds: readonly string[] | null;
}

/** Collects a query's conditions and numbered parameters, so filters compose without string juggling. */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(scope: PortfolioScope, alias: string) {
    this.add(`${alias}.partner_id = ${this.param(scope.partnerId)}::uuid`);
    if (scope.orgIds) this.add(`${alias}.org_id = ANY(${this.param(scope.orgIds)}::uuid[])`);
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  get sql(): string {
    return this.conditions.join(' AND ');
  }

  /** A copy to extend (a page adds its cursor to the conditions its count shares). */
  clone(): SqlConditions {
    const copy = Object.create(SqlConditions.prototype) as SqlConditions;
    Object.assign(copy, { params: [...this.params], conditions: [...this.conditions] });
    return copy;
  }
}

/** A LIKE pattern matching the text anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
