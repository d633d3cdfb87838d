using System.Net;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>A GOPROXY on loopback that answers every request with one status (404, 410, 500…), or never answers (0).</summary>
internal sealed class LoopbackModuleProxy(int status) : LoopbackHttpServer
{
    protected override async Task Handle(HttpListenerContext context)
    {
        if (status == 0)
        {
            await Task.Delay(Timeout.Infinite, Stopping);
            return;
        }

        context.Response.StatusCode = status;
        var body = System.Text.Encoding.UTF8.GetBytes($"status {status} from the loopback proxy\n");
        await context.Response.OutputStream.WriteAsync(body, Stopping);
    }
}
