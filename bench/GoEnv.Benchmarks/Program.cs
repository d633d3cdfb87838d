using BenchmarkDotNet.Running;

// bench/inprocess.sh passes the job, the exporters and the artifacts directory on the command line.
BenchmarkSwitcher.FromAssembly(typeof(GoEnv.Benchmarks.CheckBenchmarks).Assembly).Run(args);
