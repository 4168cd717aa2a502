// Micro-benchmarks of kernel hot paths (not tests). Run: dotnet run -c Release --project bench/Micro -- --filter '*'
// (bench/run runs them with --job short and puts the tables in bench/results/latest.md).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SupervisionCore.Bench.Micro.CardNumbers).Assembly).Run(args);

