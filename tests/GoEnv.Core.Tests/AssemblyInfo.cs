[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
