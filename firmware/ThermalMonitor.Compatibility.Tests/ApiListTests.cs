using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>The copied API lists and the data files beside them are well-formed and agree with each other.</summary>
public class ApiListTests
{
    [Fact]
    public void The_lists_load_with_their_provenance_headers()
    {
        // ApiLibrary.Load rejects a bad header, a package name that is not the file name, and unsorted or duplicate IDs.
        var core = ApiLibrary.Default.Lists[PackageDependencies.CoreLibrary];

        Assert.Equal("1.17.11", core.Version);
        Assert.StartsWith("nanoframework/CoreLibrary@", core.Source, StringComparison.Ordinal);
        Assert.Contains("M:System.String.Format(System.String,System.Object[])", core.Ids);
    }

    [Fact]
    public void Every_list_is_for_a_package_listed_in_package_dependencies()
    {
        var unknown = ApiLibrary.Default.Lists.Keys.Where(id => !ApiLibrary.Default.Dependencies.IsKnown(id)).ToList();

        Assert.True(unknown.Count == 0, $"not in package-dependencies.txt: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Optional_parameter_entries_name_members_of_the_lists_that_declare_their_types()
    {
        var lists = ApiLibrary.Default.Lists.Values.ToList();

        var stale = ApiLibrary.Default.OptionalParameters.ExactIds
            .Select(id => (Id: id, Member: MemberId.Parse(id)!))
            .Where(entry => lists.FirstOrDefault(list => list.Ids.Contains($"T:{entry.Member.Container}")) is { } owner && !owner.Ids.Contains(entry.Id))
            .Select(entry => entry.Id)
            .ToList();

        Assert.True(stale.Count == 0, $"optional-params.txt names members its lists do not have: {string.Join(", ", stale)}");
    }

    [Theory]
    [InlineData(new[] { "# package: X", "# version: 1", "# source: s", "T:B", "T:A" }, "ordinal order")]
    [InlineData(new[] { "# package: X", "# version: 1", "# source: s", "T:A", "T:A" }, "ordinal order")]
    [InlineData(new[] { "# package: X", "# source: s", "T:A" }, "version")]
    [InlineData(new[] { "# package: Y", "# version: 1", "# source: s" }, "header names package Y")]
    [InlineData(new[] { "# package: X", "# version: 1", "# source: s", "System.String" }, "not a documentation-comment ID")]
    public void A_malformed_list_is_rejected(string[] lines, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ApiList.Parse("X", lines, "X.txt"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("M:System.String.Format(System.String,System.Object[])", "System.String", "Format", "System.String|System.Object[]")]
    [InlineData("M:System.Int32.#ctor", "System.Int32", "#ctor", "")]
    [InlineData("P:System.String.Chars(System.Int32)", "System.String", "Chars", "System.Int32")]
    [InlineData("M:N.C.M(System.Collections.Generic.Dictionary{System.Int32,System.String},System.Int32[0:,0:])", "N.C", "M", "System.Collections.Generic.Dictionary{System.Int32,System.String}|System.Int32[0:,0:]")]
    [InlineData("M:System.TimeSpan.op_Implicit(System.Int32)~System.TimeSpan", "System.TimeSpan", "op_Implicit", "System.Int32")]
    public void Member_ids_are_taken_apart_and_put_back_together(string id, string container, string name, string parameters)
    {
        var member = MemberId.Parse(id)!;

        Assert.Equal((container, name, parameters), (member.Container, member.Name, string.Join('|', member.ParameterTypes)));
        Assert.Equal(id, member.ToString());
    }

    [Fact]
    public void Optional_and_params_traits_come_from_the_table()
    {
        var table = ApiLibrary.Default.OptionalParameters;

        Assert.Equal([1], table.For(MemberId.Parse("M:System.Convert.ToInt32(System.String,System.Int32)")!).OptionalOrdinals);
        Assert.True(table.For(MemberId.Parse("M:System.String.Format(System.String,System.Object[])")!).LastIsParams);
        Assert.Equal([2], table.For(MemberId.Parse("M:nanoFramework.TestFramework.Assert.AreEqual(System.Int64,System.Int64,System.String)")!).OptionalOrdinals);
        Assert.Equal(ParameterTraits.None, table.For(MemberId.Parse("M:System.Math.Abs(System.Int32)")!));
    }
}
