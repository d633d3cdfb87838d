using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoProxyPlainHttpRule : Rule
{
    public override string Id => "GOENV0071";

    public override string Title => "GOPROXY uses plain http://";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "A proxy reached over plain HTTP can be read and tampered with on the way. The checksum database still protects modules already known to it, but private modules (GONOSUMDB/GOPRIVATE) and everything on a first fetch are exposed, and Go refuses to send credentials to an http:// proxy (`refusing to pass credentials to insecure URL`).";

    public override string Fix => "Serve the proxy over https://.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var parsed = GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy));
        foreach (var entry in parsed.Entries.Where(e => e.IsPlainHttp))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoProxy)} has the plain-HTTP proxy {entry.Url}: module downloads travel unencrypted and unauthenticated.");
        }
    }
}
