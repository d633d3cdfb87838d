namespace GoEnv.Core.Discovery;

/// <summary>Runs a child process. An interface so tests can fake a hanging or crashing `go`.</summary>
public interface IProcessRunner
{
    ProcessOutcome Run(ProcessRequest request);
}
