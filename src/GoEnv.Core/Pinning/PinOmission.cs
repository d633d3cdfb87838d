namespace GoEnv.Core.Pinning;

public sealed record PinOmission(string Variable, string Reason);
