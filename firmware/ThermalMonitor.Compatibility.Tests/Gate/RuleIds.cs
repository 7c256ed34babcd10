namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>The rule identifier of every kind of gate finding (stable: tests and people search for them).</summary>
internal static class RuleIds
{
    // (a) the sources must compile at C# 9.
    public const string CompileError = "NF-COMPILE";

    // (b) everything referenced outside the firmware must be in the declared packages' API lists.
    public const string MissingApi = "NF-API";

    // (c) language and runtime features the stable nanoFramework line does not have.
    public const string GenericDeclared = "NF-GENERIC-DECL";
    public const string GenericUsed = "NF-GENERIC-USE";
    public const string Linq = "NF-LINQ";
    public const string Async = "NF-ASYNC";
    public const string Tuple = "NF-TUPLE";
    public const string Record = "NF-RECORD";
    public const string NullableValueType = "NF-NULLABLE";
    public const string Decimal = "NF-DECIMAL";
    public const string MultiDimensionalArray = "NF-MULTIDIM-ARRAY";
    public const string Span = "NF-SPAN";
    public const string Unsafe = "NF-UNSAFE";
    public const string Dynamic = "NF-DYNAMIC";
    public const string Iterator = "NF-ITERATOR";
    public const string Checked = "NF-CHECKED";
    public const string EnumToString = "NF-ENUM-TOSTRING";
    public const string FloatingPoint = "NF-FLOAT";

    // (d) the project files must agree with the disk, nfproj.props and the API lists.
    public const string ProjectFiles = "NF-PROJ-FILES";
    public const string ProjectPackages = "NF-PROJ-PACKAGES";
    public const string ProjectVersion = "NF-PROJ-VERSION";
    public const string ProjectReference = "NF-PROJ-REFERENCE";
    public const string ProjectApiList = "NF-PROJ-API-LIST";
}
