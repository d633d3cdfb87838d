namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// <c>example.org/dep@v1.0.0</c>, the one dependency of the sandbox module (<see cref="ProxyModule.Dep"/>), served
/// from a <c>file://</c> GOPROXY directory, with the go.sum lines real Go computes for it.
/// </summary>
internal static class DependencyModule
{
    public const string Path = "example.org/dep";
    public const string Version = "v1.0.0";

    /// <summary>The <c>h1:</c> hash of the module zip's content (go.sum's first line for the module).</summary>
    public static string ZipHash => ProxyModule.Dep.ZipHash;

    /// <summary>
    /// The <c>h1:</c> hash of the go.mod alone (go.sum's <c>/go.mod</c> line). cmd/go's <c>goModSum</c> names the file
    /// plain <c>go.mod</c>, not <c>example.org/dep@v1.0.0/go.mod</c> as inside the zip (observed: the prefixed name
    /// gives a hash every Go version rejects with "checksum mismatch").
    /// </summary>
    public static string GoModHash => ProxyModule.Dep.GoModHash;

    public static string GoSumLines => ProxyModule.Dep.GoSumLines;

    /// <summary>Writes the proxy layout: <c>example.org/dep/@v/{list, v1.0.0.info, .mod, .zip}</c>.</summary>
    public static void WriteProxy(string proxyRoot) => ProxyModule.Dep.WriteTo(proxyRoot);
}
