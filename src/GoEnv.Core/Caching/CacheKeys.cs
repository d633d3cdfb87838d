namespace GoEnv.Core.Caching;

/// <summary>
/// Cache keys for the module cache (GOMODCACHE) and the build cache (GOCACHE), each with restore-key prefixes
/// ordered from most to least specific, as actions/cache `restore-keys` expects (the newest cache whose key starts
/// with a prefix wins). Every prefix ends with '-', so "…-linux-arm-" never matches a "…-linux-arm64-…" key.
/// </summary>
/// <param name="Modules">e.g. goenv-modules-go1.22.12-0123456789abcdef.</param>
/// <param name="ModulesRestoreKeys">e.g. goenv-modules-go1.22.12-, goenv-modules-.</param>
/// <param name="Build">e.g. goenv-build-go1.22.12-linux-amd64-v1-cgo1-89abcdef-0123456789abcdef.</param>
/// <param name="BuildRestoreKeys">Same platform and flags; same platform; same GOOS/GOARCH.</param>
public sealed record CacheKeys(string Modules, IReadOnlyList<string> ModulesRestoreKeys, string Build, IReadOnlyList<string> BuildRestoreKeys);
