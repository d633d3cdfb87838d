using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace GoEnv.Core.Discovery;

/// <summary>The real process runner: no shell, an explicit environment, a timeout that kills the whole tree.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public static readonly ProcessRunner Instance = new();

    public ProcessOutcome Run(ProcessRequest request)
    {
        var psi = new ProcessStartInfo(request.FileName)
        {
            WorkingDirectory = request.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in request.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Clear();
        foreach (var (key, value) in request.Environment)
        {
            psi.Environment[key] = value;
        }

        using var process = new Process { StartInfo = psi };
        try
        {
            if (!process.Start())
            {
                return new ProcessOutcome(false, -1, "", "", false, StartError: "the process did not start");
            }
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return new ProcessOutcome(false, -1, "", "", false, StartError: e.Message);
        }

        try
        {
            // Small (a request line or two): it fits the pipe's buffer, so writing before reading cannot deadlock.
            if (request.StandardInput is { } input)
            {
                process.StandardInput.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited (or closed its stdin) without reading: what it printed still counts.
        }

        var stdout = new BoundedCapture(process.StandardOutput.BaseStream, request.MaxOutputBytes);
        var stderr = new BoundedCapture(process.StandardError.BaseStream, request.MaxOutputBytes);

        var exited = process.WaitForExit(request.Timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the kill.
            }

            // Reap it, so no zombie is left behind.
            process.WaitForExit();
        }

        // The pipes close when every holder exits; a grandchild that kept them open is bounded too.
        stdout.Complete(TimeSpan.FromSeconds(2));
        stderr.Complete(TimeSpan.FromSeconds(2));
        return new ProcessOutcome(
            true,
            exited ? process.ExitCode : -1,
            stdout.Text,
            stderr.Text,
            !exited,
            stdout.Truncated || stderr.Truncated);
    }

    /// <summary>Reads a stream to its end on a worker task, keeping at most a fixed number of bytes.</summary>
    private sealed class BoundedCapture
    {
        private readonly MemoryStream _buffer = new();
        private readonly Task _reader;
        private readonly int _max;

        public BoundedCapture(Stream stream, int max)
        {
            _max = max;
            _reader = Task.Run(async () =>
            {
                var chunk = new byte[16 * 1024];
                int n;
                while ((n = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
                {
                    lock (_buffer)
                    {
                        var room = _max - (int)_buffer.Length;
                        if (n > room)
                        {
                            Truncated = true;
                        }

                        if (room > 0)
                        {
                            _buffer.Write(chunk, 0, Math.Min(n, room));
                        }
                    }
                }
            });
        }

        public bool Truncated { get; private set; }

        public string Text
        {
            get
            {
                lock (_buffer)
                {
                    return Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length);
                }
            }
        }

        public void Complete(TimeSpan wait)
        {
            try
            {
                _reader.Wait(wait);
            }
            catch (AggregateException)
            {
                // A broken pipe: keep what was read.
            }
        }
    }
}
