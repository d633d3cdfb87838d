namespace GoEnv.Core.Discovery;

/// <summary>
/// File-system work over many items (reads, stats) shared by both cores only when there is enough of it: starting
/// the thread pool costs a few milliseconds, more than a few hundred reads on the calling thread.
/// </summary>
internal static class FileWork
{
    /// <summary>Below this many items the work runs on the calling thread.</summary>
    public const int ParallelFrom = 256;

    public static void For(int count, Action<int> body)
    {
        if (count < ParallelFrom)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, body);
    }
}
