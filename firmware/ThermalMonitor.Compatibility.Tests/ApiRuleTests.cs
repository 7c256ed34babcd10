using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>Rules (a) and (b): samples must compile, and everything they reference must be in the declared packages' lists.</summary>
public class ApiRuleTests
{
    [Fact]
    public void A_compile_error_is_reported_at_its_position()
    {
        var result = Sample.CheckStatements("int n = \"text\";");

        // Line 12 of the wrapped sample is the statement line; the string literal starts at column 17.
        var finding = Assert.Single(result.Findings, f => f.RuleId == RuleIds.CompileError);
        Assert.Equal(("Sample.cs", 12, 17, "CS0029"), (finding.File, finding.Line, finding.Column, finding.SymbolId));
    }

    [Fact]
    public void Generic_list_is_not_in_mscorlib()
    {
        var result = Sample.CheckStatements("var list = new System.Collections.Generic.List<int>(); list.Add(i);");

        result.AssertFinding(RuleIds.MissingApi, "T:System.Collections.Generic.List`1");
        result.AssertFinding(RuleIds.MissingApi, "M:System.Collections.Generic.List`1.Add(`0)");
    }

    [Fact]
    public void Math_Abs_of_long_is_a_missing_overload_even_though_Abs_of_float_exists()
    {
        var result = Sample.CheckStatements("long delta = -5L; long magnitude = Math.Abs(delta);", Sample.CoreLibrary, Sample.SystemMath);

        result.AssertFinding(RuleIds.MissingApi, "M:System.Math.Abs(System.Int64)");
        Assert.Contains("Abs(System.Single)", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void String_Replace_does_not_exist()
    {
        Sample.CheckStatements("var t = s.Replace(\"a\", \"b\");")
            .AssertFinding(RuleIds.MissingApi, "M:System.String.Replace(System.String,System.String)");
    }

    [Fact]
    public void Math_without_declaring_its_package_names_the_package()
    {
        var result = Sample.CheckStatements("int m = Math.Abs(i);");

        result.AssertFinding(RuleIds.MissingApi, "T:System.Math");
        Assert.Contains(result.Findings, f => f.Message.Contains("nanoFramework.System.Math", StringComparison.Ordinal));
    }

    [Fact]
    public void Math_Abs_of_int_passes_when_the_package_is_declared()
    {
        Sample.CheckStatements("int m = Math.Abs(i);", Sample.CoreLibrary, Sample.SystemMath).AssertPasses();
    }

    [Fact]
    public void Constructors_are_not_inherited_from_a_listed_base()
    {
        // OverflowException's base SystemException has a parameterless constructor; that does not make this one exist.
        Sample.CheckStatements("throw new OverflowException();").AssertFinding(RuleIds.MissingApi, "M:System.OverflowException.#ctor");
    }

    [Fact]
    public void Console_WriteLine_of_int_is_a_missing_overload()
    {
        Sample.CheckStatements("Console.WriteLine(i);").AssertFinding(RuleIds.MissingApi, "M:System.Console.WriteLine(System.Int32)");
    }

    [Fact]
    public void DateTime_Now_does_not_exist()
    {
        Sample.CheckStatements("var now = DateTime.Now;").AssertFinding(RuleIds.MissingApi, "P:System.DateTime.Now");
    }

    [Fact]
    public void Format_with_one_argument_binds_to_the_params_overload()
    {
        var result = Sample.CheckStatements("var t = string.Format(\"{0}\", i);");

        result.AssertPasses();
        result.AssertUses("M:System.String.Format(System.String,System.Object[])");
    }

    [Fact]
    public void Convert_ToInt32_of_string_binds_to_the_overload_with_an_optional_base()
    {
        var result = Sample.CheckStatements("int n = Convert.ToInt32(s);");

        result.AssertPasses();
        result.AssertUses("M:System.Convert.ToInt32(System.String,System.Int32)");
    }

    [Fact]
    public void Split_on_a_char_binds_to_the_params_char_array_overload()
    {
        var result = Sample.CheckStatements("var parts = s.Split(',');");

        result.AssertPasses();
        result.AssertUses("M:System.String.Split(System.Char[])");
    }

    [Fact]
    public void Interpolation_with_a_non_string_hole_compiles_to_Format()
    {
        var result = Sample.CheckStatements("var t = $\"{i} items\";");

        result.AssertPasses();
        result.AssertUses("M:System.String.Format(System.String,System.Object[])");
    }

    [Fact]
    public void Interpolation_of_strings_only_compiles_to_Concat()
    {
        var result = Sample.CheckStatements("var t = $\"{s}:{s}\";");

        result.AssertPasses();
        result.AssertUses("M:System.String.Concat(System.String,System.String,System.String)");
    }

    [Fact]
    public void Concatenation_compiles_to_one_Concat_over_strings()
    {
        var result = Sample.CheckStatements("var t = \"n=\" + i + \" of \" + s;");

        result.AssertPasses();
        result.AssertUses("M:System.String.Concat(System.String,System.String,System.String,System.String)");
        result.AssertUses("M:System.Int32.ToString");
    }

    [Fact]
    public void Members_inherited_from_a_listed_base_are_accepted()
    {
        var result = Sample.Check("""
            public class SensorFault : Exception
            {
                public SensorFault(string message) : base(message) { }

                public string Describe() => Message + " " + GetHashCode() + " " + "text".GetHashCode();
            }
            """);

        result.AssertPasses();
        result.AssertUses("P:System.Exception.Message");
        result.AssertUses("M:System.Exception.#ctor(System.String)");
        // .NET's String.GetHashCode override is not listed; the Object member it overrides is.
        result.AssertUses("M:System.Object.GetHashCode");
    }

    [Fact]
    public void A_member_listed_only_on_the_receivers_type_is_accepted()
    {
        // .NET declares Message on Exception; this list has it only on InvalidOperationException.
        var library = TestLibrary.CoreLibraryWith([
            .. TestLibrary.Basics,
            "T:System.InvalidOperationException",
            "M:System.InvalidOperationException.#ctor(System.String)",
            "P:System.InvalidOperationException.Message",
            "M:System.InvalidOperationException.get_Message",
        ]);

        var result = Sample.Check(Sample.InMethod("var m = new InvalidOperationException(s).Message;"), library);

        result.AssertNoFinding(RuleIds.MissingApi);
        result.AssertUses("P:System.InvalidOperationException.Message");
    }

    [Fact]
    public void Assigning_a_property_needs_its_setter_in_the_list()
    {
        var library = TestLibrary.CoreLibraryWith([
            .. TestLibrary.Basics,
            "T:System.Collections.ArrayList",
            "M:System.Collections.ArrayList.#ctor",
            "P:System.Collections.ArrayList.Capacity",
            "M:System.Collections.ArrayList.get_Capacity",
        ]);

        Sample.Check(Sample.InMethod("var list = new ArrayList(); list.Capacity = 4;"), library)
            .AssertFinding(RuleIds.MissingApi, "M:System.Collections.ArrayList.set_Capacity(System.Int32)");
    }

    [Fact]
    public void Equals_on_an_int_binds_to_the_inherited_object_overload()
    {
        // .NET binds Int32.Equals(Int32); nanoFramework only has ValueType/Object.Equals(Object), which C# picks there.
        var result = Sample.CheckStatements("bool same = i.Equals(42);");

        result.AssertPasses();
        result.AssertUses("M:System.ValueType.Equals(System.Object)");
    }

    [Fact]
    public void Foreach_over_an_array_and_over_an_ArrayList_passes_and_uses_the_enumerator()
    {
        var result = Sample.CheckStatements("""
            int sum = 0;
            foreach (int value in new[] { 1, 2 }) { sum += value; }
            var list = new ArrayList();
            list.Add(o);
            foreach (object item in list) { sum += item.GetHashCode(); }
            """);

        result.AssertPasses();
        result.AssertUses("M:System.Collections.ArrayList.GetEnumerator");
        result.AssertUses("M:System.Collections.IEnumerator.MoveNext");
        result.AssertUses("M:System.Collections.IEnumerator.get_Current");
        result.AssertUses("M:System.IDisposable.Dispose");
    }

    [Fact]
    public void Lock_passes_and_uses_the_one_argument_Monitor_methods()
    {
        var result = Sample.CheckStatements("lock (o) { i++; }");

        result.AssertPasses();
        result.AssertUses("M:System.Threading.Monitor.Enter(System.Object)");
        result.AssertUses("M:System.Threading.Monitor.Exit(System.Object)");
    }

    [Fact]
    public void Debug_Assert_passes()
    {
        Sample.CheckStatements("Debug.Assert(i > 0);").AssertPasses();
    }

    [Theory]
    [InlineData("lock (o) { }", "M:System.Threading.Monitor.Enter(System.Object)")]
    [InlineData("var t = s + s;", "M:System.String.Concat(System.String,System.String)")]
    [InlineData("var t = $\"{i}\";", "M:System.String.Format(System.String,System.Object[])")]
    [InlineData("using (var d = (IDisposable)o) { }", "M:System.IDisposable.Dispose")]
    [InlineData("var same = s == \"x\";", "M:System.String.op_Equality(System.String,System.String)")]
    [InlineData("var t = typeof(string);", "M:System.Type.GetTypeFromHandle(System.RuntimeTypeHandle)")]
    [InlineData("switch (s) { case \"a\": i = 1; break; }", "M:System.String.op_Equality(System.String,System.String)")]
    public void Compiler_generated_calls_are_checked_too(string statements, string generatedId)
    {
        // A list with the types involved but not the member the compiler calls.
        var library = TestLibrary.CoreLibraryWith([
            .. TestLibrary.Basics,
            "T:System.Boolean", "T:System.IDisposable", "T:System.Type", "T:System.Threading.Monitor", "M:System.Int32.ToString",
        ]);

        Sample.Check(Sample.InMethod(statements), library).AssertFinding(RuleIds.MissingApi, generatedId);
    }

    [Theory]
    [InlineData("public class C { }", "M:System.Object.#ctor")]
    [InlineData("public class C { public C(int x) { } }", "M:System.Object.#ctor")]
    [InlineData("public class C { public override string ToString() => \"c\"; }", "M:System.Object.ToString")]
    [InlineData("public class C { public event EventHandler Changed; }", "M:System.Delegate.Combine(System.Delegate,System.Delegate)")]
    [InlineData("public struct S { public int X; }", "T:System.ValueType")]
    public void What_declarations_imply_is_checked(string members, string impliedId)
    {
        var library = TestLibrary.CoreLibraryWith("T:System.Object", "T:System.Void", "T:System.Int32", "T:System.String", "T:System.EventHandler");

        Sample.Check(members, library).AssertFinding(RuleIds.MissingApi, impliedId);
    }
}
