namespace GoEnv.Core.Discovery;

/// <summary>A complete .netrc entry (machine, login and a password, which is not kept here) and the line its `machine` is on.</summary>
public sealed record NetrcMachine(string Machine, string Login, int Line);
