using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// A module proxy over HTTPS on 127.0.0.1 behind basic authentication, serving a GOPROXY directory layout
/// (&lt;module&gt;/@v/list, .info, .mod, .zip). Go sends GOAUTH/.netrc credentials over HTTPS only, hence TLS: a
/// self-signed certificate for 127.0.0.1, written as PEM to <see cref="CertificateFile"/> for SSL_CERT_FILE.
/// HTTP/1.1, one request per connection.
/// </summary>
internal sealed class LoopbackHttpsProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly string _root;
    private readonly string _authorization;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpsProxy(string root, string user, string password, string certificateFile)
    {
        _root = root;
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        File.WriteAllText(certificateFile, created.ExportCertificatePem());
        CertificateFile = certificateFile;
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string CertificateFile { get; }

    /// <summary>host:port, as GOPROXY's URL and a .netrc machine name it (Go matches the port too).</summary>
    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public string Url => "https://" + Host;

    /// <summary>Requests, and whether each carried the right credentials.</summary>
    public List<(string Path, bool Authorized)> Requests { get; } = [];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }

        _certificate.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await Serve(client);
                    }
                    catch (Exception e) when (e is IOException or AuthenticationException or SocketException or OperationCanceledException)
                    {
                        // The client went away, or refused the certificate.
                    }
                }
            });
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16 * 1024 && await tls.ReadAsync(buffer, _stop.Token) == 1)
        {
            head.Append((char)buffer[0]);
        }

        var lines = head.ToString().Split("\r\n");
        var path = Uri.UnescapeDataString(lines[0].Split(' ') is [_, var target, ..] ? target.Split('?')[0] : "/");
        var authorized = lines.Skip(1).Any(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase) && l["Authorization:".Length..].Trim() == _authorization);
        lock (Requests)
        {
            Requests.Add((path, authorized));
        }

        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        var (status, body) = !authorized ? ("401 Unauthorized", "unauthorized\n"u8.ToArray())
            : file.StartsWith(_root, StringComparison.Ordinal) && File.Exists(file) ? ("200 OK", await File.ReadAllBytesAsync(file, _stop.Token))
            : ("404 Not Found", "not found\n"u8.ToArray());
        var response = $"HTTP/1.1 {status}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n" + (authorized ? "" : "WWW-Authenticate: Basic realm=\"proxy\"\r\n") + "\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        await tls.WriteAsync(body, _stop.Token);
    }
}
