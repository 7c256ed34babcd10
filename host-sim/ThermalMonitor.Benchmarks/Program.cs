using BenchmarkDotNet.Running;
using ThermalMonitor.Benchmarks.IlCount;

// `ilcount [samples]` counts the IL the core executes per Step (what the nanoFramework interpreter
// pays for); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "ilcount")
{
    return IlWorkCounter.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
