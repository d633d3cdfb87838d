namespace GoEnv.Core.Go;

/// <summary>A flag that at least one go command defines, as cmd/go's GOFLAGS handling sees it.</summary>
/// <param name="Name">The name without dashes or value, as hasFlag gets it: "race", "test.v", "C".</param>
/// <param name="Kind">
/// How the defining commands parse the value. A few names mean different things to different commands (-c, -f, -fix,
/// -go, -json, -tool, -u, -v); their Kind is the one of the first of build, test, list, vet, run, install, get, …
/// that defines them, and <see cref="KindIn"/> gives each command's.
/// </param>
/// <param name="Commands">Every command that defines it, in ordinal order: "build", "mod download", "work sync".</param>
/// <param name="OtherValues">
/// What a command that parses it as <see cref="GoFlagKind.Other"/> accepts, e.g. "true, false, auto" for -buildvcs;
/// null when no command does.
/// </param>
/// <param name="OtherIsBoolFlag">
/// The Other value also reports IsBoolFlag() (-buildvcs, go list -json, go get -u, go test -v from 1.21): the bare
/// "-name" means true, and a value it rejects is reported as "invalid boolean value".
/// </param>
/// <param name="CommandKinds">Each defining command's kind, only for the names whose commands disagree.</param>
internal sealed record GoFlagInfo(
    string Name,
    GoFlagKind Kind,
    IReadOnlyList<string> Commands,
    string? OtherValues = null,
    bool OtherIsBoolFlag = false,
    IReadOnlyDictionary<string, GoFlagKind>? CommandKinds = null)
{
    public bool IsBuildFlag => Commands.Contains("build");

    /// <summary>The kind <paramref name="command"/> parses it as, or null when that command does not define it.</summary>
    public GoFlagKind? KindIn(string command)
    {
        if (!Commands.Contains(command))
        {
            return null;
        }

        return CommandKinds is not null && CommandKinds.TryGetValue(command, out var kind) ? kind : Kind;
    }

    /// <summary>Whether <paramref name="command"/> accepts the bare "-name" (a flag.Value whose IsBoolFlag() is true).</summary>
    public bool TakesBareNameIn(string command) => KindIn(command) switch
    {
        GoFlagKind.Bool => true,
        GoFlagKind.Other => OtherIsBoolFlag,
        _ => false,
    };
}
