import type { Rule } from '../core/rule';
import { rule as unpinnedNpmPackage } from './unpinned-npm-package';
import { rule as unpinnedPythonPackage } from './unpinned-python-package';
import { rule as unpinnedContainerImage } from './unpinned-container-image';
import { rule as unpinnedDenoModule } from './unpinned-deno-module';
import { rule as unpinnedGoModule } from './unpinned-go-module';
import { rule as unpinnedGitSource } from './unpinned-git-source';
import { rule as knownVulnerableVersion } from './known-vulnerable-version';
import { rule as knownMaliciousPackage } from './known-malicious-package';
import { rule as deprecatedServer } from './deprecated-server';
import { rule as typosquatPackage } from './typosquat-package';
import { rule as shellWrapper } from './shell-wrapper';
import { rule as downloadAndExecute } from './download-and-execute';
import { rule as inlineInterpreterCode } from './inline-interpreter-code';
import { rule as customPackageRegistry } from './custom-package-registry';
import { rule as loaderEnvOverride } from './loader-env-override';
import { rule as secretInEnv } from './secret-in-env';
import { rule as secretInHeader } from './secret-in-header';
import { rule as secretInArgs } from './secret-in-args';
import { rule as secretInUrl } from './secret-in-url';
import { rule as secretConnectionString } from './secret-connection-string';
import { rule as secretOauthClientSecret } from './secret-oauth-client-secret';
import { rule as secretMirroredHostEnv } from './secret-mirrored-host-env';
import { rule as secretSensitiveEnvExposure } from './secret-sensitive-env-exposure';
import { rule as secretCredentialFileInArgs } from './secret-credential-file-in-args';
import { rule as secretInComment } from './secret-in-comment';
import { rule as broadFilesystemAccess } from './broad-filesystem-access';
import { rule as sensitivePathAccess } from './sensitive-path-access';
import { rule as unencryptedDatabaseConnection } from './unencrypted-database-connection';
import { rule as corsAllowAll } from './cors-allow-all';
import { rule as tunnelOrCaptureHost } from './tunnel-or-capture-host';
import { rule as dockerPrivileged } from './docker-privileged';
import { rule as dockerHostMount } from './docker-host-mount';
import { rule as dockerHostNamespace } from './docker-host-namespace';
import { rule as dockerAddedCapabilities } from './docker-added-capabilities';
import { rule as dockerConfinementDisabled } from './docker-confinement-disabled';
import { rule as privilegeEscalationCommand } from './privilege-escalation-command';
import { rule as denoAllPermissions } from './deno-all-permissions';
import { rule as browserSandboxDisabled } from './browser-sandbox-disabled';
import { rule as autoApproveAllTools } from './auto-approve-all-tools';
import { rule as autoApproveDangerousTools } from './auto-approve-dangerous-tools';
import { rule as trustAllTools } from './trust-all-tools';
import { rule as copilotAllTools } from './copilot-all-tools';
import { rule as claudeEnableAllProjectServers } from './claude-enable-all-project-servers';
import { rule as claudeWildcardMcpPermission } from './claude-wildcard-mcp-permission';
import { rule as claudeBypassPermissions } from './claude-bypass-permissions';
import { rule as vscodeGlobalAutoApprove } from './vscode-global-auto-approve';
import { rule as vscodeSandboxOff } from './vscode-sandbox-off';
import { rule as mcpAllowlistTooBroad } from './mcp-allowlist-too-broad';
import { rule as mcpAllowlistUnpinnedCommand } from './mcp-allowlist-unpinned-command';
import { rule as mcpDenylistBypassable } from './mcp-denylist-bypassable';
import { rule as vscodeSandboxTooBroad } from './vscode-sandbox-too-broad';
import { rule as codexApprovalBypass } from './codex-approval-bypass';
import { rule as zedToolPermissions } from './zed-tool-permissions';
import { rule as gooseAutoMode } from './goose-auto-mode';
import { rule as githubServerWriteAccess } from './github-server-write-access';
import { rule as broadDatabaseCredentials } from './broad-database-credentials';
import { rule as insecureHttpRemote } from './insecure-http-remote';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled';
import { rule as bindAllInterfaces } from './bind-all-interfaces';
import { rule as deprecatedSseTransport } from './deprecated-sse-transport';
import { rule as remoteWithoutAuth } from './remote-without-auth';
import { rule as privateOrMetadataHost } from './private-or-metadata-host';
import { rule as untrustedRemoteHost } from './untrusted-remote-host';
import { rule as schemaWrongRootKey } from './schema-wrong-root-key';
import { rule as schemaUnknownKey } from './schema-unknown-key';
import { rule as schemaInvalidType } from './schema-invalid-type';
import { rule as schemaMissingCommand } from './schema-missing-command';
import { rule as schemaMissingUrl } from './schema-missing-url';
import { rule as schemaCommandAndUrl } from './schema-command-and-url';
import { rule as schemaUnsupportedTransport } from './schema-unsupported-transport';
import { rule as schemaUnexpandedVariable } from './schema-unexpanded-variable';
import { rule as schemaUndefinedInput } from './schema-undefined-input';
import { rule as schemaCommentsNotAllowed } from './schema-comments-not-allowed';
import { rule as schemaSyntaxError } from './schema-syntax-error';
import { rule as schemaMissingRequiredKey } from './schema-missing-required-key';
import { rule as serverNotAllowed } from './server-not-allowed';
import { rule as unusedSuppression } from './unused-suppression';
import { rule as suppressionWithoutReason } from './suppression-without-reason';

export type { Rule, RuleMeta, RuleContext } from '../core/rule';

/**
 * The explicit rule registry, grouped by category. To add a rule: one file named by its id
 * exporting `rule`, one import and one entry here, a docs page in docs/rules/<id>.md and a
 * test. A test checks that ids, file names and docs pages agree.
 */
export const RULES: readonly Rule[] = [
  // unpinned
  unpinnedNpmPackage,
  unpinnedPythonPackage,
  unpinnedContainerImage,
  unpinnedDenoModule,
  unpinnedGoModule,
  unpinnedGitSource,
  // secret
  secretInEnv,
  secretInHeader,
  secretInArgs,
  secretInUrl,
  secretConnectionString,
  secretOauthClientSecret,
  secretMirroredHostEnv,
  secretSensitiveEnvExposure,
  secretCredentialFileInArgs,
  secretInComment,
  // permission
  broadFilesystemAccess,
  sensitivePathAccess,
  dockerPrivileged,
  dockerHostMount,
  dockerHostNamespace,
  dockerAddedCapabilities,
  dockerConfinementDisabled,
  privilegeEscalationCommand,
  denoAllPermissions,
  browserSandboxDisabled,
  autoApproveAllTools,
  autoApproveDangerousTools,
  trustAllTools,
  copilotAllTools,
  claudeEnableAllProjectServers,
  claudeWildcardMcpPermission,
  claudeBypassPermissions,
  vscodeGlobalAutoApprove,
  codexApprovalBypass,
  vscodeSandboxOff,
  vscodeSandboxTooBroad,
  mcpAllowlistTooBroad,
  mcpAllowlistUnpinnedCommand,
  mcpDenylistBypassable,
  zedToolPermissions,
  gooseAutoMode,
  githubServerWriteAccess,
  broadDatabaseCredentials,
  // transport
  insecureHttpRemote,
  tlsVerificationDisabled,
  bindAllInterfaces,
  deprecatedSseTransport,
  remoteWithoutAuth,
  privateOrMetadataHost,
  untrustedRemoteHost,
  unencryptedDatabaseConnection,
  corsAllowAll,
  tunnelOrCaptureHost,
  // supply-chain
  knownVulnerableVersion,
  knownMaliciousPackage,
  deprecatedServer,
  typosquatPackage,
  shellWrapper,
  downloadAndExecute,
  inlineInterpreterCode,
  customPackageRegistry,
  loaderEnvOverride,
  serverNotAllowed,
  // schema
  schemaWrongRootKey,
  schemaUnknownKey,
  schemaInvalidType,
  schemaMissingCommand,
  schemaMissingUrl,
  schemaCommandAndUrl,
  schemaUnsupportedTransport,
  schemaUnexpandedVariable,
  schemaUndefinedInput,
  schemaCommentsNotAllowed,
  schemaSyntaxError,
  schemaMissingRequiredKey,
  // other
  unusedSuppression,
  suppressionWithoutReason,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
