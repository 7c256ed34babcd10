using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace ThermalMonitor.Device.Tests.Bridge.Runner;

/// <summary>What a launcher pass runs a method for: the attribute that selected it.</summary>
public enum DeviceTestKind
{
    Setup,
    TestMethod,
    DataRow,
    Cleanup,
}

/// <summary>
/// One invocation the nanoFramework UnitTestLauncher makes: a method of a [TestClass] with one of
/// its attributes (after <see cref="Helper.RemoveTestMethodIfDataRowExists"/>), so a method with
/// three [DataRow]s is three cases.
/// </summary>
public sealed class DeviceTestCase
{
    public DeviceTestCase(Type testClass, MethodInfo method, object attribute, int attributeIndex)
    {
        TestClass = testClass;
        Method = method;
        Attribute = attribute;
        AttributeIndex = attributeIndex;
        Kind = attribute switch
        {
            SetupAttribute => DeviceTestKind.Setup,
            CleanupAttribute => DeviceTestKind.Cleanup,
            DataRowAttribute => DeviceTestKind.DataRow,
            _ => DeviceTestKind.TestMethod,
        };
        Arguments = attribute is DataRowAttribute row ? row.MethodParameters : null;
        Name = TestClass.Name + "." + Method.Name + Kind switch
        {
            DeviceTestKind.Setup => " [Setup]",
            DeviceTestKind.Cleanup => " [Cleanup]",
            DeviceTestKind.DataRow => "(" + string.Join(", ", Arguments.Select(Show)) + ")",
            _ => string.Empty,
        };
    }

    public Type TestClass { get; }

    public MethodInfo Method { get; }

    public object Attribute { get; }

    /// <summary>Index of the attribute in the method's attribute array, as the launcher numbers it.</summary>
    public int AttributeIndex { get; }

    public DeviceTestKind Kind { get; }

    /// <summary>The data row's arguments, or null (the launcher passes null to parameterless methods).</summary>
    public object[] Arguments { get; }

    /// <summary>"Class.Method", "Class.Method(1, \"a\")", "Class.Method [Setup]": the xunit case name, unique.</summary>
    public string Name { get; }

    /// <summary>The name the launcher prints in its "Test passed,&lt;name&gt;,&lt;ticks&gt;" lines.</summary>
    public string LauncherName => Method.DeclaringType.FullName + "." + Method.Name + "." + AttributeIndex.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Name;

    private static string Show(object argument) => argument switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        char c => "'" + c + "'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => argument.ToString(),
    };
}
