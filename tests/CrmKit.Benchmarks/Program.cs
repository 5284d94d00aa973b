using CrmKit.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
