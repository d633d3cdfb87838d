using System.Diagnostics;
using System.Net;
using System.Text;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// Git's smart HTTP protocol on loopback: every request goes to `git http-backend` (CGI) over the bare repositories
/// under a directory, behind HTTP basic authentication when a login is given (401 with a Basic challenge otherwise),
/// or never answered at all (<see cref="Hang"/>).
/// </summary>
internal sealed class LoopbackGitServer(string projectRoot, string? user = null, string? password = null, bool hang = false) : LoopbackHttpServer
{
    public bool Hang { get; } = hang;

    protected override async Task Handle(HttpListenerContext context)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, Stopping);
            return;
        }

        var request = context.Request;
        // The scheme is case-insensitive (RFC 9110 §11.1): actions/checkout's extra header says "basic".
        var authorization = request.Headers["Authorization"]?.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (user is not null && !(authorization is [var scheme, var credentials] && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            && credentials == Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))))
        {
            context.Response.StatusCode = 401;
            context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
            return;
        }

        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, Stopping);
        var start = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = projectRoot;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["CONTENT_LENGTH"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        start.Environment["REMOTE_USER"] = user ?? "";
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        if (request.Headers["Git-Protocol"] is { } protocol)
        {
            start.Environment["GIT_PROTOCOL"] = protocol;
        }

        using var backend = Process.Start(start)!;
        var output = new MemoryStream();
        var reading = backend.StandardOutput.BaseStream.CopyToAsync(output, Stopping);
        var draining = backend.StandardError.ReadToEndAsync(Stopping);
        await backend.StandardInput.BaseStream.WriteAsync(body.ToArray(), Stopping);
        backend.StandardInput.Close();
        await reading;
        await draining;
        await backend.WaitForExitAsync(Stopping);

        // CGI: header lines, an empty line, the body.
        var bytes = output.ToArray();
        var split = IndexOf(bytes, "\r\n\r\n"u8, out var separator);
        var headers = Encoding.ASCII.GetString(bytes, 0, split < 0 ? 0 : split).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var (name, value) = (header[..colon].Trim(), header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.AddHeader(name, value);
            }
        }

        var start0 = split < 0 ? 0 : split + separator;
        await context.Response.OutputStream.WriteAsync(bytes.AsMemory(start0), Stopping);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> crlf, out int length)
    {
        var found = bytes.AsSpan().IndexOf(crlf);
        if (found >= 0)
        {
            length = crlf.Length;
            return found;
        }

        length = 2;
        return bytes.AsSpan().IndexOf("\n\n"u8);
    }
}
