namespace GoEnv.Core.Discovery;

/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Arguments, passed without a shell.</param>
/// <param name="Environment">The complete environment of the child (nothing is inherited).</param>
/// <param name="WorkingDirectory">The child's working directory.</param>
/// <param name="Timeout">After this the child (and its process tree) is killed.</param>
/// <param name="MaxOutputBytes">Output beyond this is discarded (a garbage-printing `go` cannot exhaust memory).</param>
/// <param name="StandardInput">Written to the child's stdin before it is closed; null: stdin is closed at once.</param>
public sealed record ProcessRequest(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TimeSpan Timeout,
    int MaxOutputBytes = 4 * 1024 * 1024,
    string? StandardInput = null);
