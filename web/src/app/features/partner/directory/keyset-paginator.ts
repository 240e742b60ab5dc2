import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

import { type KeysetList, type KeysetPage, PAGE_SIZES } from './keyset-list';

/** Previous / Next through a keyset-paged list, and how many rows a page holds. */
@Component({
  selector: 'mtp-keyset-paginator',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="pager" [attr.aria-label]="label()">
      <mat-form-field class="size" subscriptSizing="dynamic">
        <mat-label>Rows per page</mat-label>
        <mat-select [value]="list().pageSize()" (valueChange)="list().setPageSize($event)">
          @for (size of sizes; track size) {
            <mat-option [value]="size">{{ size }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="where" data-testid="page-range">{{ where() }}</span>
      <button
        mat-stroked-button
        type="button"
        disabledInteractive
        [disabled]="!list().hasPrevious() || list().loading()"
        (click)="list().previous()"
      >
        Previous
      </button>
      <button mat-stroked-button type="button" disabledInteractive [disabled]="!list().hasNext() || list().loading()" (click)="list().next()">
        Next
      </button>
    </nav>
  `,
  styles: `
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 8px 12px;
      padding: 8px 12px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .size {
      width: 160px;
    }
    .where {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class KeysetPaginator {
  readonly list = input.required<KeysetList<unknown, KeysetPage>>();
  /** The navigation's accessible name, e.g. "Pages of organizations". */
  readonly label = input.required<string>();
  /** How many rows the whole list has, when the API counts them. */
  readonly total = input<number | null>(null);

  protected readonly sizes = PAGE_SIZES;
  protected readonly where = computed(() => {
    const list = this.list();
    const shown = list.page()?.items.length ?? 0;
    const page = `Page ${list.pageNumber()}`;
    if (shown === 0) {
      return page;
    }
    const total = this.total();
    const rows = `rows ${list.firstRow()}–${list.firstRow() + shown - 1}`;
    return `${page} · ${rows}${total === null ? '' : ` of ${total}`}`;
  });
}
