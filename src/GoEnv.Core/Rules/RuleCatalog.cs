using GoEnv.Core.Rules.Caches;
using GoEnv.Core.Rules.Dependencies;
using GoEnv.Core.Rules.Flags;
using GoEnv.Core.Rules.Installation;
using GoEnv.Core.Rules.Modules;
using GoEnv.Core.Rules.Network;
using GoEnv.Core.Rules.Paths;
using GoEnv.Core.Rules.Platform;
using GoEnv.Core.Rules.Toolchain;

namespace GoEnv.Core.Rules;

/// <summary>Every rule, in id order. Ids are never reused.</summary>
public static class RuleCatalog
{
    public static readonly IReadOnlyList<Rule> All = new Rule[]
    {
        new GoNotFoundRule(),
        new GoEnvFailedRule(),
        new GoUnresponsiveRule(),
        new MultipleGoOnPathRule(),
        new PathGoIsNotGoRootRule(),
        new BrokenGoFirstOnPathRule(),
        new GoRootMissingRule(),
        new GoRootNotInstallationRule(),
        new GoRootVersionMismatchRule(),
        new GoRootSetNeedlesslyRule(),
        new GoPathRelativeRule(),
        new GoPathIsGoRootRule(),
        new GoBinRelativeRule(),
        new GoTmpDirMissingRule(),
        new GoCacheOffRule(),
        new GoCacheRelativeRule(),
        new GoCacheUnusableRule(),
        new GoCacheNoDefaultRule(),
        new GoCacheInWorkTreeRule(),
        new GoCacheProgRule(),
        new BuildCacheNotShareableRule(),
        new GoModCacheRelativeRule(),
        new GoModCacheUnusableRule(),
        new GoModCacheUnsetRule(),
        new GoModCacheInWorkTreeRule(),
        new GoFlagsSyntaxRule(),
        new GoFlagsUnknownFlagRule(),
        new GoFlagsDroppedFlagRule(),
        new GoFlagsBadValueRule(),
        new GoFlagsRaceWithoutCgoRule(),
        new GoFlagsModModInCiRule(),
        new GoFlagsModInWorkspaceRule(),
        new GoFlagsForeignPlatformTagRule(),
        new Go111ModuleInvalidRule(),
        new Go111ModuleOffWithGoModRule(),
        new GoProxyInvalidRule(),
        new GoProxyPlainHttpRule(),
        new CredentialsInUrlRule(),
        new GoProxyOffNeedsDownloadsRule(),
        new GoProxyMissingMirrorRule(),
        new GoAuthRule(),
        new GoSumDbInvalidRule(),
        new GoSumDbOffRule(),
        new ModulePatternRule(),
        new ModulePatternTooWideRule(),
        new GoVcsInvalidRule(),
        new GoVcsForbidsFetchRule(),
        new VcsCommandMissingRule(),
        new RepositoryUnreachableRule(),
        new NoVisibleCredentialsRule(),
        new PrivatePathToPublicProxyRule(),
        new ChecksumDatabaseCannotVouchRule(),
        new FetchProbeFailedRule(),
        new FetchProbeReachableRule(),
        new GoToolchainInvalidRule(),
        new GoVersionTooNewRule(),
        new GoModDirectiveUnsupportedRule(),
        new ToolchainSwitchRule(),
        new ToolchainLineDroppedRule(),
        new GodebugRule(),
        new GoWorkRule(),
        new WorkspaceUseRule(),
        new WorkspaceGoVersionRule(),
        new GoOsArchUnsupportedRule(),
        new ArchitectureLevelRule(),
        new GoExperimentUnknownRule(),
        new CgoEnabledInvalidRule(),
        new GodebugEnvRule(),
        new ExternalLinkingRule(),
        new GoEnvFileLineRule(),
        new VendorInconsistentRule(),
        new VendoredPackageMissingRule(),
        new GoSumMissingRule(),
        new ChecksumMismatchRule(),
        new ImportNotProvidedRule(),
        new DependencyNeedsNewerGoRule(),
        new DependencyGoAboveMainRule(),
        new ReplacementDirectoryRule(),
        new ModuleUnavailableRule(),
        new ModulesToDownloadRule(),
        new Policy.PolicyFileInvalidRule(),
        new Policy.PolicyViolationRule(),
    }.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    public static Rule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
