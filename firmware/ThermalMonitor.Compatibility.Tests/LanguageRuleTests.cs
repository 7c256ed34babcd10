using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>Rule (c): each banned language or runtime feature is reported under its own rule id.</summary>
public class LanguageRuleTests
{
    [Theory]
    [InlineData(RuleIds.GenericDeclared, "public class Box<T> { public T Value; }")]
    [InlineData(RuleIds.GenericDeclared, "public static class Util { public static void Keep<T>(T value) { } }")]
    [InlineData(RuleIds.GenericUsed, "public class C { public void M() { Action<int> report = n => { }; report(1); } }")]
    [InlineData(RuleIds.GenericUsed, "public class C { public event EventHandler<EventArgs> Changed; }")]
    [InlineData(RuleIds.GenericUsed, "public class C { public object M() => new { X = 1 }; }")]
    [InlineData(RuleIds.Linq, "public class C { public int[] M(int[] values) { var q = from v in values where v > 0 select v; return values; } }")]
    [InlineData(RuleIds.Linq, "public class C { public bool M(int[] values) => System.Linq.Enumerable.Any(values); }")]
    [InlineData(RuleIds.Async, "public class C { public async System.Threading.Tasks.Task M() { await System.Threading.Tasks.Task.Delay(1); } }")]
    [InlineData(RuleIds.Tuple, "public class C { public int M() { var pair = (1, 2); return pair.Item1; } }")]
    [InlineData(RuleIds.Tuple, "public class C { public void M(int a, int b) { (a, b) = (b, a); } }")]
    [InlineData(RuleIds.Record, "public record Reading(int Value);")]
    [InlineData(RuleIds.NullableValueType, "public class C { public int? Last; }")]
    [InlineData(RuleIds.NullableValueType, "public class C { public bool M(string s) => s?.Length > 0; }")]
    [InlineData(RuleIds.Decimal, "public class C { public decimal Total = 1.5m; }")]
    [InlineData(RuleIds.MultiDimensionalArray, "public class C { public int[,] Grid = new int[2, 2]; }")]
    [InlineData(RuleIds.Span, "public class C { public int M() { Span<byte> buffer = stackalloc byte[4]; return buffer.Length; } }")]
    [InlineData(RuleIds.Unsafe, "public class C { public unsafe int M(int x) { int* p = &x; return *p; } }")]
    [InlineData(RuleIds.Dynamic, "public class C { public dynamic Value; }")]
    [InlineData(RuleIds.Iterator, "public class C { public IEnumerable M() { yield return 1; } }")]
    [InlineData(RuleIds.Checked, "public class C { public int M(int x) => checked(x + 1); }")]
    [InlineData(RuleIds.EnumToString, "public enum Severity { Caution } public class C { public string M() => Severity.Caution.ToString(); }")]
    [InlineData(RuleIds.EnumToString, "public enum Severity { Caution } public class C { public string M(Severity s) => \"severity \" + s; }")]
    [InlineData(RuleIds.EnumToString, "public enum Severity { Caution } public class C { public string M(Severity s) => $\"{s}\"; }")]
    public void Banned_feature_is_reported(string ruleId, string members)
    {
        var result = Sample.Check(members);

        var found = result.Findings.Any(f => f.RuleId == ruleId);
        Assert.True(found, $"expected {ruleId}; the gate reported {result.Describe()}");
    }

    [Theory]
    [InlineData("public class C { public float Ratio; }", "T:System.Single")]
    [InlineData("public class C { public int M(int x) => (int)(x * 0.5); }", "T:System.Double")]
    [InlineData("public class C { public int M() { var half = 1 / 2f; return (int)half; } }", "T:System.Single")]
    [InlineData("public class C { public static void Take(double d) { } public void M(int x) => Take(x); }", "T:System.Double")]
    public void Floating_point_is_reported_in_an_integer_only_project(string members, string typeId)
    {
        Sample.Check(members, Arithmetic.IntegerOnly).AssertFinding(RuleIds.FloatingPoint, typeId);
    }

    [Fact]
    public void Floating_point_is_allowed_where_the_project_allows_it()
    {
        Sample.Check("public class C { public float Ratio = 0.5f; }", Arithmetic.FloatingPointAllowed).AssertPasses();
    }

    [Theory]
    [InlineData("public class C { public int[][] Rows = new int[2][]; }")]
    [InlineData("public class C { public int M(int x) => unchecked(x + 1); }")]
    [InlineData("[Flags] public enum Mode { None = 0, A = 1 } public class C { public bool M(Mode m) => m.HasFlag(Mode.A) && m != Mode.None; }")]
    [InlineData("public class C { public int Value { get; private set; } public object Box() => this; }")]
    [InlineData("public class C { public string M(int x) => x switch { 0 => \"zero\", _ => \"other\" }; }")]
    public void Allowed_constructs_pass_an_integer_only_project(string members)
    {
        Sample.Check(members, Arithmetic.IntegerOnly).AssertPasses();
    }

    [Fact]
    public void The_finding_names_the_member_that_contains_the_construct()
    {
        var result = Sample.Check("public class C { public int M(int x) => checked(x + 1); }");

        result.AssertFinding(RuleIds.Checked, "M:Sample.C.M(System.Int32)");
    }
}
