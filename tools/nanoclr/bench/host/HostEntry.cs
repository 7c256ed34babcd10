// The host half's entry point (BenchHost.csproj): .NET compiles each method on first use and tiers
// it up later, so the benchmark runs once with its output thrown away to warm every path, then
// again for the figures. The nanoCLR interprets and needs no such warm-up (CoreBench.Main).
using System;
using System.IO;

namespace ThermalMonitor.NanoBench
{
    public static class HostEntry
    {
        public static void Main()
        {
            TextWriter output = Console.Out;
            try
            {
                Console.SetOut(TextWriter.Null);
                CoreBench.Run();
                Console.SetOut(output);
                CoreBench.Run();
            }
            catch (Exception e)
            {
                Console.SetOut(output);
                Console.WriteLine("BENCH FAILED " + e.GetType().FullName + ": " + e.Message);
            }
        }
    }
}
