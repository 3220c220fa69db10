/**
 * jsdom works out a computed style by matching every CSS rule in the document against the element and its
 * ancestors, and Fluent UI (Griffel) inserts hundreds of atomic rules (colours, paddings, fonts…): one
 * getComputedStyle then costs ~40 ms, and Testing Library calls it for every element whose role, visibility or
 * accessible name it checks. Testing Library only reads what hides an element (display, visibility), so the
 * rules that cannot hide anything are not handed to jsdom. Griffel inserts at the end of the sheet, so a rule left
 * out changes no other rule's place. The pane's markup and behaviour are untouched.
 */
const insertRule = CSSStyleSheet.prototype.insertRule;
const CAN_HIDE = /\b(display|visibility|content)\s*:/;

CSSStyleSheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number): number {
  if (!CAN_HIDE.test(rule)) return index ?? this.cssRules.length;
  return insertRule.call(this, rule, index);
};

export {};
