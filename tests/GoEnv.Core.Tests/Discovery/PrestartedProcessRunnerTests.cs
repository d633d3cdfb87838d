using System.Collections.Concurrent;
using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class PrestartedProcessRunnerTests
{
    private sealed class CountingRunner : IProcessRunner
    {
        public ConcurrentQueue<ProcessRequest> Requests { get; } = new();

        public ProcessOutcome Run(ProcessRequest request)
        {
            Requests.Enqueue(request);
            return new ProcessOutcome(true, 0, string.Join(" ", request.Arguments), "", false);
        }
    }

    private static ProcessRequest Request(string goflags = "-a", params string[] args) =>
        new("/usr/bin/go", args.Length == 0 ? ["env", "-json", "GOROOT"] : args, new Dictionary<string, string> { ["GOFLAGS"] = goflags }, "/", TimeSpan.FromSeconds(10));

    [TestMethod]
    public void Run_EqualRequest_GetsThePrestartedOutcomeWithoutASecondRun()
    {
        var inner = new CountingRunner();
        var runner = new PrestartedProcessRunner(inner, Request());

        var outcome = runner.Run(Request());

        Assert.AreEqual("env -json GOROOT", outcome.StandardOutput);
        Assert.HasCount(1, inner.Requests);
    }

    [TestMethod]
    public void Run_DifferentRequest_RunsItAndTheSecondEqualRequestRunsAgain()
    {
        var inner = new CountingRunner();
        var runner = new PrestartedProcessRunner(inner, Request());

        var other = runner.Run(Request("-mod=mod"));
        var again = runner.Run(Request());

        Assert.AreEqual("env -json GOROOT", other.StandardOutput);
        Assert.AreEqual("env -json GOROOT", again.StandardOutput);
        // The prestarted run, the different request, and the equal one (the prestarted outcome is handed out once).
        SpinWait.SpinUntil(() => inner.Requests.Count == 3, TimeSpan.FromSeconds(10));
        Assert.HasCount(3, inner.Requests);
    }

    [TestMethod]
    public void Run_EqualRequestTwice_OnlyTheFirstGetsThePrestartedOutcome()
    {
        var inner = new CountingRunner();
        var runner = new PrestartedProcessRunner(inner, Request());

        runner.Run(Request());
        runner.Run(Request());

        Assert.HasCount(2, inner.Requests);
    }
}
