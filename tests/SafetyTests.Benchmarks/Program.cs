using BenchmarkDotNet.Running;

namespace SafetyTests.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "gate")
        {
            System.Environment.ExitCode = Gate.GateScaleBenchmark.Run(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "oc")
        {
            System.Environment.ExitCode = Gate.OperatingCharacteristics.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
