import type { Page } from 'playwright-core';

/** Roles a person operates; each must have a name a screen reader can say. */
const CONTROL_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'spinbutton',
  'slider',
  'switch',
  'menuitem',
  'tab',
  'listbox',
]);

/**
 * The controls on the page without an accessible name, as Chromium's accessibility tree computes
 * it (the same names screen readers announce), described by role and the start of their HTML.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const unnamed = nodes.filter((node) => {
      const role = String(node.role?.value ?? '');
      return !node.ignored && CONTROL_ROLES.has(role) && String(node.name?.value ?? '').trim() === '';
    });
    return await Promise.all(
      unnamed.map(async (node) => {
        if (node.backendDOMNodeId === undefined) return String(node.role?.value);
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
        const html = object.objectId
          ? await cdp.send('Runtime.callFunctionOn', {
              objectId: object.objectId,
              functionDeclaration: 'function () { return this.outerHTML ? this.outerHTML.slice(0, 120) : String(this.nodeName); }',
              returnByValue: true,
            })
          : undefined;
        return `${node.role?.value}: ${html?.result.value ?? '?'}`;
      }),
    );
  } finally {
    await cdp.detach();
  }
}
