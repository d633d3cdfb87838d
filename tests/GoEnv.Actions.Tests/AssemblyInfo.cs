// ChildProcess and ProcessResult are shared with the MSBuild task tests (tests/Shared/Infrastructure).
global using GoEnv.Tests.Infrastructure;

// The end-to-end tests run real Linux Go toolchains and the linux-x64 published binary.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
