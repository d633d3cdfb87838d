using GoEnv.Core.Findings;
using GoEnv.Core.Security;

namespace GoEnv.Core.Rules.Network;

internal sealed class CredentialsInUrlRule : Rule
{
    public override string Id => "GOENV0072";

    public override string Title => "Credentials in a URL";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "A GOPROXY (or GOSUMDB) URL carries a user name and password or token. Go uses it, but `go env` prints it in clear, it lands in logs, job summaries and `go env -w` files, and the secret cannot be rotated without editing every place that copied it. (GoEnv never prints it: outputs show `user:***@`.)";

    public override string Fix => "Keep the secret out of the URL: put it in a .netrc file (NETRC) or, from Go 1.24, a GOAUTH command, fed from the CI's secret store.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var name in new[] { GoVariableNames.GoProxy, GoVariableNames.GoSumDb, GoVariableNames.GoNoProxy, GoVariableNames.GoPrivate, GoVariableNames.GoAuth })
        {
            var value = snapshot.Value(name);
            if (SecretRedactor.HasCredentials(value))
            {
                yield return Report(snapshot, $"{Origin(snapshot, name)} contains credentials in a URL ({snapshot.Redactor.Redact(value)}): `go env` and anything that logs the environment print them in clear.", variable: name);
            }
        }
    }
}
