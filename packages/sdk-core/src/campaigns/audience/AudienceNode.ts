/**
 * The syntax tree of an audience expression. `and` and `or` are n-ary (a chain `a & b & c` is one
 * node with three operands), so the tree is flat and printing it back is canonical.
 */
export type AudienceNode =
  | { readonly type: 'tag'; readonly tag: string }
  | { readonly type: 'not'; readonly operand: AudienceNode }
  | { readonly type: 'and'; readonly operands: readonly AudienceNode[] }
  | { readonly type: 'or'; readonly operands: readonly AudienceNode[] }
