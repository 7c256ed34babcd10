using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>Runs the gate on small in-memory sources, as a throwaway firmware library.</summary>
internal static class Sample
{
    public const string CoreLibrary = "nanoFramework.CoreLibrary";
    public const string SystemMath = "nanoFramework.System.Math";

    /// <summary>Namespace-level C# 9 code in a project declaring <paramref name="packages"/> (CoreLibrary when none).</summary>
    public static GateResult Check(string members, params string[] packages) =>
        Run(members, Arithmetic.FloatingPointAllowed, ApiLibrary.Default, packages.Length == 0 ? [CoreLibrary] : packages);

    public static GateResult Check(string members, Arithmetic arithmetic) =>
        Run(members, arithmetic, ApiLibrary.Default, [CoreLibrary]);

    public static GateResult Check(string members, ApiLibrary library) =>
        Run(members, Arithmetic.FloatingPointAllowed, library, [CoreLibrary]);

    /// <summary>Statements run inside a method of a class (with an int i, string s and object o in scope).</summary>
    public static GateResult CheckStatements(string statements, params string[] packages) =>
        Check(InMethod(statements), packages);

    public static string InMethod(string statements) =>
        $$"""
        public class Subject
        {
            public void Run(int i, string s, object o)
            {
                {{statements}}
            }
        }
        """;

    public static void AssertFinding(this GateResult result, string ruleId, string symbolId)
    {
        var found = result.Findings.Any(f => f.RuleId == ruleId && f.SymbolId == symbolId);
        Assert.True(found, $"expected a {ruleId} finding for {symbolId}; the gate reported {result.Describe()}");
    }

    public static void AssertNoFinding(this GateResult result, string ruleId)
    {
        var found = result.Findings.Any(f => f.RuleId == ruleId);
        Assert.False(found, $"expected no {ruleId} finding; the gate reported {result.Describe()}");
    }

    public static void AssertPasses(this GateResult result) => Assert.True(result.Passed, result.Describe());

    public static void AssertUses(this GateResult result, string id) =>
        Assert.True(result.UsedApiIds.Contains(id), $"expected {id} among the used IDs: {string.Join(", ", result.UsedApiIds)}");

    private static GateResult Run(string members, Arithmetic arithmetic, ApiLibrary library, string[] packages) =>
        CompatibilityGate.CheckSources([new SourceFile("Sample.cs", Wrap(members))], packages, arithmetic, library);

    private static string Wrap(string members) =>
        $$"""
        using System;
        using System.Collections;
        using System.Diagnostics;
        using System.Threading;

        namespace Sample
        {
        {{members}}
        }
        """;
}
