using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Pinning;

/// <summary>
/// Real Go's word on an environment: the go executable run under exactly that environment, in the working directory,
/// with the cheapest command that makes it select its toolchain, split GOFLAGS and parse go.mod/go.work:
/// `go list -deps ./...` in a module whose packages Go can load offline (see <see cref="LoadsGraphOffline"/>), `go list -m`
/// in another module or workspace (it lists the main module or the workspace's modules; no network, no build), else
/// `go version`. A pin is written only when this succeeds, and `verify` runs it for the step it checks.
/// </summary>
public static class PinConfirmation
{
    /// <summary>How long the confirming go command may take (a GOTOOLCHAIN that may switch can download a toolchain).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// pin's confirmation: the pinned go (GOROOT/bin/go) under the host's environment with the pinned variables over it
    /// (GOENV=off when the file leaves it to the caller, as the goenv format does).
    /// </summary>
    public static ProcessRequest ForPin(GoSnapshot snapshot, PinnedEnvironment pinned, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(pinned);
        var environment = PinnedProcessEnvironment(snapshot.Host, pinned);
        environment.TryAdd(GoVariableNames.GoEnv, "off");
        var goRoot = pinned.Variables.TryGetValue(GoVariableNames.GoRoot, out var root) ? root : snapshot.Value(GoVariableNames.GoRoot);
        return Request(snapshot, Path.Combine(goRoot, "bin", GoLocator.ExecutableName(snapshot.Host.Os)), environment, timeout);
    }

    /// <summary>The request for <paramref name="go"/> under <paramref name="environment"/> (the whole environment).</summary>
    public static ProcessRequest Request(GoSnapshot snapshot, string go, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(environment);
        var moduleMode = (snapshot.GoMod is not null || snapshot.GoWork is not null) && (environment.TryGetValue(GoVariableNames.Go111Module, out var mode) ? mode : "") != "off";
        string[] arguments = !moduleMode ? ["version"] : LoadsGraphOffline(snapshot.Graph) ? LoadPackages : ["list", "-m"];
        return new ProcessRequest(go, arguments, environment, snapshot.Host.WorkingDirectory, timeout, 256 * 1024);
    }

    /// <summary>
    /// `go list -deps ./...`: loads every package `go build ./...` loads (go.sum, vendor/, replacements, dependencies'
    /// go lines are all checked) without compiling; one line per package stays empty unless it has an error.
    /// </summary>
    internal static readonly string[] LoadPackages = ["list", "-deps", "-f", "{{with .Error}}{{.}}{{end}}", "./..."];

    /// <summary>
    /// True when Go can load the build's packages from disk alone (vendored, or every module that provides a package in
    /// the module cache or a replacement directory — not a file:// mirror: a GOPROXY holding a credential is left out of
    /// the pin, so the confirmation may not see that mirror), without editing go.mod (not -mod=mod), and the main
    /// modules are within the check's import budget: the confirmation then loads the packages instead of parsing go.mod
    /// alone. Loading is bounded that way: on moby (2,200 .go files, 8,200 vendored) it takes about 3 s.
    /// </summary>
    internal static bool LoadsGraphOffline(Modules.ModuleGraph graph) =>
        graph.IsLoaded && graph.ImportsRead && graph.Mode != Modules.BuildMode.Mod
        && graph.Modules.All(m => !m.NeededByBuild || m.Origin is Modules.ModuleOrigin.Vendor or Modules.ModuleOrigin.Directory or Modules.ModuleOrigin.ModuleCache);

    /// <summary>The host's environment with the pinned variables over it: what a later step that loads the pin has.</summary>
    private static Dictionary<string, string> PinnedProcessEnvironment(HostEnvironment host, PinnedEnvironment pinned)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pinned);
        var environment = new Dictionary<string, string>(host.Variables, host.Os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (name, value) in pinned.Variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Null when Go accepted the environment; otherwise why not, with Go's own message (redacted).</summary>
    public static string? Refusal(ProcessRequest request, ProcessOutcome outcome, Security.SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(redactor);
        var command = $"`go {string.Join(' ', request.Arguments)}` ({request.FileName}, in {request.WorkingDirectory})";
        if (!outcome.Started)
        {
            return redactor.Redact($"{command} could not start: {outcome.StartError}");
        }

        if (outcome.TimedOut)
        {
            return redactor.Redact($"{command} did not finish within {request.Timeout.TotalSeconds:0.#} s");
        }

        if (outcome.ExitCode == 0)
        {
            return null;
        }

        var message = string.Join(" | ", outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6));
        return redactor.Redact($"{command} exited with {outcome.ExitCode}: {(message.Length == 0 ? outcome.StandardOutput.Trim() : message)}");
    }
}
