import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { type RouterTestingHarness } from '@angular/router/testing';

import { settle } from '../../../../../testing/org-console-fixtures';

/** Opens the dialog of one kind from the requests page's "New request" menu. */
export async function openKind(harness: RouterTestingHarness, kind: string): Promise<void> {
  await settle(harness);
  const menu = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatMenuHarness.with({ triggerText: /New request/ }));
  await menu.clickItem({ text: kind });
  await settle(harness);
}

/** Types into the field bound to `name` (an input or a textarea), as a person would. */
export async function fill(harness: RouterTestingHarness, root: Element, name: string, value: string): Promise<void> {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[formcontrolname="${name}"]`);
  if (!field) throw new Error(`No field ${name}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('blur'));
  await settle(harness);
}
