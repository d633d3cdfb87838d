namespace GoEnv.Core.Pinning;

/// <summary>A pinned variable a format cannot carry exactly; any problem means the file is not written at all.</summary>
/// <param name="Variable">The variable name.</param>
/// <param name="Message">Why, in the format's own terms (no value quoted: it may be a secret).</param>
public sealed record EnvFileProblem(string Variable, string Message);
