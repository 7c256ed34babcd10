using System.Reflection;
using System.Runtime.Loader;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using FieldAttributes = Mono.Cecil.FieldAttributes;
using MethodAttributes = Mono.Cecil.MethodAttributes;
using MethodBody = Mono.Cecil.Cil.MethodBody;
using TypeAttributes = Mono.Cecil.TypeAttributes;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;

namespace ThermalMonitor.Benchmarks.IlCount;

/// <summary>
/// Counts the IL instructions the firmware core executes per <c>LeakMonitor.Step</c>: the measure
/// that predicts the nanoFramework interpreter (which executes the compiler's IL one instruction at
/// a time, ≈ 2.2–2.5 ns per simple instruction on a Release POSIX nanoCLR), unlike a JIT benchmark.
/// </summary>
/// <remarks>
/// A copy of ThermalMonitor.Core.dll is rewritten with Mono.Cecil so that every IL instruction of
/// every method first calls a counter with the instruction's method and kind (call, array
/// element, division, other), then loaded into its own <see cref="AssemblyLoadContext"/> and
/// driven through reflection with the same pre-generated counts as the BenchmarkDotNet
/// <c>CoreStep</c> benchmark. What it leaves out: work inside mscorlib (e.g. <c>Array.Clear</c>,
/// native in nanoCLR, counts as its one call instruction) and the different cost of instructions
/// (a call or a 64-bit division costs the interpreter several simple ones), which is why calls and
/// divisions are reported on their own.
/// </remarks>
public static class IlWorkCounter
{
    private const int Kinds = 4; // 0 other, 1 call/callvirt/newobj, 2 array element, 3 div/rem
    private const string ProbeTypeName = "IlWorkCounterProbe";

    public static int Run(string[] args)
    {
        int samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 36000;
        var scenario = new Sim.Scenario
        {
            DurationS = samples / 10.0,
            Leak = new Sim.LeakSettings { Steps = [new Sim.LeakStep(3000, 0.8)] },
        };
        RawSample[] raw = SimulatedCounts.Generate(scenario, 1);
        foreach (string detector in new[] { Scoring.DetectorConfigurations.V1, Scoring.DetectorConfigurations.V2 })
        {
            Report(detector, raw, Scoring.DetectorConfigurations.Create(detector));
        }

        return 0;
    }

    private static void Report(string detector, RawSample[] raw, MonitorConfig config)
    {
        string corePath = typeof(MonitorConfig).Assembly.Location;
        (Assembly core, string[] methodNames) = LoadInstrumented(corePath);
        Type probe = core.GetType(ProbeTypeName)!;
        var counts = new long[methodNames.Length * Kinds];
        FieldInfo countsField = probe.GetField("Counts")!;
        countsField.SetValue(null, new long[counts.Length]);
        long[] live = (long[])countsField.GetValue(null)!;

        Type monitorType = core.GetType("ThermalMonitor.Core.Monitoring.LeakMonitor")!;
        Type configType = core.GetType("ThermalMonitor.Core.Config.MonitorConfig")!;
        Type sampleType = core.GetType("ThermalMonitor.Core.Acquisition.RawSample")!;
        Type eventType = core.GetType("ThermalMonitor.Core.Alarms.MonitorEvent")!;
        Type paramType = core.GetType("ThermalMonitor.Core.Config.ParamId")!;
        Type channelType = core.GetType("ThermalMonitor.Core.Acquisition.ChannelId")!;

        object instrumentedConfig = Activator.CreateInstance(configType)!;
        MethodInfo set = configType.GetMethod("Set")!;
        for (int id = 0; id < ParameterTable.Count; id++)
        {
            set.Invoke(instrumentedConfig, [Enum.ToObject(paramType, id), config.Get((ParamId)id)]);
        }

        Array.Copy(config.AdcCalCounts, (int[])configType.GetProperty("AdcCalCounts")!.GetValue(instrumentedConfig)!, config.AdcCalCounts.Length);
        Array.Copy(config.AdcCalMicrovolts, (int[])configType.GetProperty("AdcCalMicrovolts")!.GetValue(instrumentedConfig)!, config.AdcCalMicrovolts.Length);

        object monitor = Activator.CreateInstance(monitorType, [instrumentedConfig])!;
        object sample = Activator.CreateInstance(sampleType)!;
        object drained = Activator.CreateInstance(eventType)!;
        MethodInfo step = monitorType.GetMethod("Step")!;
        MethodInfo dequeue = monitorType.GetMethod("TryDequeueEvent")!;
        MethodInfo reads = sampleType.GetMethod("ReadsCounts")!;
        MethodInfo setReads = sampleType.GetMethod("SetReads")!;
        MethodInfo setFailed = sampleType.GetMethod("SetFailed")!;
        PropertyInfo timestamp = sampleType.GetProperty("TimestampMs")!;
        Type statusType = core.GetType("ThermalMonitor.Core.Acquisition.ReadStatus")!;

        // Count only Step: construction, the sample copy and the draining are left out.
        foreach (RawSample input in raw)
        {
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                object channelId = Enum.ToObject(channelType, channel);
                Array.Copy(input.ReadsCounts((ChannelId)channel), (int[])reads.Invoke(sample, [channelId])!, Channels.BurstLengthMax);
                if (input.Status((ChannelId)channel) == ReadStatus.Ok)
                {
                    setReads.Invoke(sample, [channelId, input.ReadCount((ChannelId)channel)]);
                }
                else
                {
                    setFailed.Invoke(sample, [channelId, Enum.ToObject(statusType, (int)input.Status((ChannelId)channel))]);
                }
            }

            timestamp.SetValue(sample, input.TimestampMs);
            long[] before = (long[])live.Clone();
            step.Invoke(monitor, [sample]);
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] += live[i] - before[i];
            }

            object?[] dequeueArgs = [drained];
            while ((bool)dequeue.Invoke(monitor, dequeueArgs)!)
            {
            }
        }

        Print(detector, raw.Length, methodNames, counts);
    }

    private static void Print(string detector, int steps, string[] methodNames, long[] counts)
    {
        double PerStep(long value) => (double)value / steps;
        long[] totals = new long[Kinds];
        var byStage = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var byMethod = new List<(string Name, long[] Kinds)>();
        for (int m = 0; m < methodNames.Length; m++)
        {
            long[] kinds = new long[Kinds];
            for (int k = 0; k < Kinds; k++)
            {
                kinds[k] = counts[(m * Kinds) + k];
                totals[k] += kinds[k];
            }

            if (kinds.Sum() == 0)
            {
                continue;
            }

            byMethod.Add((methodNames[m], kinds));
            string stage = StageOf(methodNames[m]);
            if (!byStage.TryGetValue(stage, out long[]? stageKinds))
            {
                byStage[stage] = stageKinds = new long[Kinds];
            }

            for (int k = 0; k < Kinds; k++)
            {
                stageKinds[k] += kinds[k];
            }
        }

        Console.WriteLine($"## detector {detector}: {steps} Steps, per Step (IL instructions executed in ThermalMonitor.Core)");
        Console.WriteLine();
        Console.WriteLine("| where | IL instructions | calls | array element accesses | div/rem |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string stage, long[] kinds) in byStage.OrderByDescending(pair => pair.Value.Sum()))
        {
            Console.WriteLine($"| {stage} | {PerStep(kinds.Sum()):F0} | {PerStep(kinds[1]):F1} | {PerStep(kinds[2]):F1} | {PerStep(kinds[3]):F2} |");
        }

        Console.WriteLine($"| **Step** | **{PerStep(totals.Sum()):F0}** | **{PerStep(totals[1]):F1}** | **{PerStep(totals[2]):F1}** | **{PerStep(totals[3]):F2}** |");
        Console.WriteLine();
        Console.WriteLine("Methods, most IL first (per Step):");
        Console.WriteLine();
        Console.WriteLine("| method | IL | calls | array | div/rem |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string name, long[] kinds) in byMethod.OrderByDescending(entry => entry.Kinds.Sum()).Take(25))
        {
            Console.WriteLine($"| {name} | {PerStep(kinds.Sum()):F1} | {PerStep(kinds[1]):F1} | {PerStep(kinds[2]):F1} | {PerStep(kinds[3]):F2} |");
        }

        Console.WriteLine();
    }

    /// <summary>The pipeline stage a method belongs to: its namespace under ThermalMonitor.Core.</summary>
    private static string StageOf(string methodName)
    {
        const string Prefix = "ThermalMonitor.Core.";
        string typeName = methodName[..methodName.IndexOf("::", StringComparison.Ordinal)];
        string rest = typeName.StartsWith(Prefix, StringComparison.Ordinal) ? typeName[Prefix.Length..] : typeName;
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static (Assembly Core, string[] MethodNames) LoadInstrumented(string corePath)
    {
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(corePath);
        ModuleDefinition module = assembly.MainModule;

        // The probe: public static long[] Counts; public static void Hit(int id) => Counts[id]++;
        var probe = new TypeDefinition(string.Empty, ProbeTypeName, TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class, module.TypeSystem.Object);
        var countsField = new FieldDefinition("Counts", FieldAttributes.Public | FieldAttributes.Static, new ArrayType(module.TypeSystem.Int64));
        probe.Fields.Add(countsField);
        var hit = new MethodDefinition("Hit", MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Void);
        hit.Parameters.Add(new ParameterDefinition(module.TypeSystem.Int32));
        ILProcessor body = hit.Body.GetILProcessor();
        body.Emit(OpCodes.Ldsfld, countsField);
        body.Emit(OpCodes.Ldarg_0);
        body.Emit(OpCodes.Ldelema, module.TypeSystem.Int64);
        body.Emit(OpCodes.Dup);
        body.Emit(OpCodes.Ldind_I8);
        body.Emit(OpCodes.Ldc_I4_1);
        body.Emit(OpCodes.Conv_I8);
        body.Emit(OpCodes.Add);
        body.Emit(OpCodes.Stind_I8);
        body.Emit(OpCodes.Ret);
        probe.Methods.Add(hit);

        var names = new List<string>();
        foreach (TypeDefinition type in module.GetTypes().ToList())
        {
            foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody))
            {
                Instrument(method, hit, names.Count);
                names.Add($"{type.FullName}::{method.Name}");
            }
        }

        module.Types.Add(probe);
        using var image = new MemoryStream();
        assembly.Write(image);
        image.Position = 0;
        var context = new AssemblyLoadContext("il-count", isCollectible: true);
        return (context.LoadFromStream(image), names.ToArray());
    }

    /// <summary>
    /// Before every instruction: <c>ldc.i4 id; call Hit</c>. The original instruction object becomes
    /// the <c>ldc.i4</c> (so branches, switch tables and exception handlers that pointed at it now
    /// count it) and a copy of it follows the call.
    /// </summary>
    private static void Instrument(MethodDefinition method, MethodDefinition hit, int methodIndex)
    {
        MethodBody body = method.Body;
        body.SimplifyMacros();
        ILProcessor il = body.GetILProcessor();
        foreach (Instruction instruction in body.Instructions.ToList())
        {
            int kind = KindOf(instruction.OpCode);
            Instruction original = il.Create(OpCodes.Nop);
            original.OpCode = instruction.OpCode;
            original.Operand = instruction.Operand;
            instruction.OpCode = OpCodes.Ldc_I4;
            instruction.Operand = (methodIndex * Kinds) + kind;
            Instruction call = il.Create(OpCodes.Call, hit);
            il.InsertAfter(instruction, call);
            il.InsertAfter(call, original);
        }

        body.OptimizeMacros();
    }

    private static int KindOf(OpCode opCode)
    {
        if (opCode.Code is Code.Call or Code.Callvirt or Code.Newobj)
        {
            return 1;
        }

        if (opCode.Code is Code.Div or Code.Div_Un or Code.Rem or Code.Rem_Un)
        {
            return 3;
        }

        string name = opCode.Name;
        return name.StartsWith("ldelem", StringComparison.Ordinal) || name.StartsWith("stelem", StringComparison.Ordinal) ? 2 : 0;
    }
}
