using BenchmarkDotNet.Running;

// Run one suite with: dotnet run -c Release --project benchmarks -- --filter '*Insert*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
