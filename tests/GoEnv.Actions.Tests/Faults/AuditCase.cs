namespace GoEnv.Actions.Tests.Faults;

/// <summary>One cell of the secrets audit: a command, its format, the CI it speaks, and whether the check fails.</summary>
/// <param name="Broken">check/pin: GOFLAGS is invalid so the check fails; verify: a variable drifted.</param>
/// <param name="Probe">check/pin run with --probe.</param>
internal sealed record AuditCase(string Name, string Command, string Format, string Ci, string Summary, bool Broken, int ExpectedExit, bool Probe = false);
