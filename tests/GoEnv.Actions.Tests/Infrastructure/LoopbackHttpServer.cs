using System.Net;
using System.Net.Sockets;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// An HTTP server on 127.0.0.1 (an ephemeral port) that hands every request to <see cref="Handle"/>; the base for the
/// loopback git server and module proxy. Requests are served until disposal; a handler may hold a request open to
/// play a server that never answers (released at disposal).
/// </summary>
internal abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    protected LoopbackHttpServer()
    {
        // Another test may take the port between the probe and the listener's bind: try again with a new listener
        // (one whose Start failed is closed).
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                Port = port;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The paths asked for, in order.</summary>
    public List<string> Requests { get; } = [];

    protected CancellationToken Stopping => _stop.Token;

    protected abstract Task Handle(HttpListenerContext context);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add(context.Request.RawUrl ?? "");
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await Handle(context);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
                {
                    // The client went away, or the server is stopping.
                }
                finally
                {
                    try
                    {
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                    }
                }
            });
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
