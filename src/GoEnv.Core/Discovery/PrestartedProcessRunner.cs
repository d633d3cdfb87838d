namespace GoEnv.Core.Discovery;

/// <summary>
/// Starts one process before anyone asks for it, and hands its outcome to the first <see cref="Run"/> with an equal
/// request. The CLI starts the `go env` probe this way as its first act, so the probe (the long pole of `check`)
/// runs while the rest of the tool starts up; any other request runs normally.
/// </summary>
public sealed class PrestartedProcessRunner : IProcessRunner
{
    private readonly IProcessRunner _inner;
    private readonly ProcessRequest _request;
    private Task<ProcessOutcome>? _started;

    public PrestartedProcessRunner(IProcessRunner inner, ProcessRequest request)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _started = Task.Factory.StartNew(() => inner.Run(request), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public ProcessOutcome Run(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Interlocked.Exchange(ref _started, null);
        return started is not null && SameRequest(request, _request) ? started.GetAwaiter().GetResult() : _inner.Run(request);
    }

    private static bool SameRequest(ProcessRequest a, ProcessRequest b) =>
        a.FileName == b.FileName
        && a.WorkingDirectory == b.WorkingDirectory
        && a.Timeout == b.Timeout
        && a.MaxOutputBytes == b.MaxOutputBytes
        && a.StandardInput == b.StandardInput
        && a.Arguments.SequenceEqual(b.Arguments, StringComparer.Ordinal)
        && a.Environment.Count == b.Environment.Count
        && a.Environment.All(e => b.Environment.TryGetValue(e.Key, out var v) && v == e.Value);
}
