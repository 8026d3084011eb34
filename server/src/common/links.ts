/** Where the rule docs live; `codeDescription.href` and SARIF `helpUri` point here. */
export const REPOSITORY_URL = 'https://github.com/mcp-hygiene/mcp-hygiene';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
