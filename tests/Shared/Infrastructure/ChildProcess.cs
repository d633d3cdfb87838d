using System.ComponentModel;
using System.Diagnostics;

namespace GoEnv.Tests.Infrastructure;

/// <summary>Runs a program with an environment built from scratch (like <c>env -i</c>) and a timeout.</summary>
internal static class ChildProcess
{
    /// <param name="environment">The complete environment of the child; nothing is inherited.</param>
    public static ProcessResult Run(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach ((string name, string value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return new ProcessResult(fileName, arguments, -1, string.Empty, string.Empty, false, stopwatch.Elapsed, ex.Message);
        }

        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            process.WaitForExit();
        }
        else
        {
            // The parameterless overload also waits for the redirected streams to reach end of file.
            process.WaitForExit();
        }

        return new ProcessResult(
            fileName,
            arguments,
            exited ? process.ExitCode : -1,
            stdout.GetAwaiter().GetResult(),
            stderr.GetAwaiter().GetResult(),
            !exited,
            stopwatch.Elapsed);
    }
}
