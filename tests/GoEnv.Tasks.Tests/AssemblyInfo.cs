// ChildProcess and ProcessResult are shared with the CLI tests (tests/Shared/Infrastructure).
global using GoEnv.Tests.Infrastructure;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
