namespace GoEnv.Core.Caching;

/// <summary>Which go.sum files the module cache key (and the build key) covers.</summary>
public enum ModulesKeyScope
{
    /// <summary>
    /// Every module of the repository: the go.sum beside each go.mod the git index tracks (outside testdata, vendor
    /// and the "_" and "." directories Go ignores) and each go.work's go.work.sum, plus those of the module or
    /// workspace being checked. One job's module cache serves every module it builds, with or without go.work.
    /// </summary>
    Repository,

    /// <summary>Only the module being checked, or every module of its go.work (and go.work.sum).</summary>
    Module,

    /// <summary>Every tracked go.sum file, wherever it is: what actions/setup-go's hashFiles('**/go.sum') covers.</summary>
    GoSumGlob,
}
