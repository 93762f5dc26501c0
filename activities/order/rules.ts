// The order service's pure rules, importable by workflow code (no I/O, no Node APIs).

/** The most units of one SKU a single order may hold (a purchase limit, owned by this service). */
export const MAX_UNITS_PER_LINE = 100;

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export function orderTotalCents(items: OrderLine[]): number {
  return items.reduce((total, line) => total + line.quantity * line.unitPriceCents, 0);
}
