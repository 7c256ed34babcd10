using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using DataRowAttribute = nanoFramework.TestFramework.DataRowAttribute;
using TestMethodAttribute = nanoFramework.TestFramework.TestMethodAttribute;
using ThermalMonitor.Device.Tests.Bridge.Runner;
using Xunit;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// Nothing in the device test files is silently lost or only runs on the host: every [TestClass],
/// [TestMethod] and [DataRow] written is a case here, and each test class has the shape the
/// nanoFramework launcher needs (it never constructs the class, passes data rows as they are).
/// </summary>
public sealed class DeviceTestInventoryTests
{
    /// <summary>The attribute names written in the device test files (parsed, so comments do not count).</summary>
    private static readonly string[] AttributesInSources = RepositoryFiles.SourceFiles(RepositoryFiles.DeviceTestsDirectory)
        .SelectMany(file => Roslyn.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.DeviceTestsDirectory, file))).GetRoot().DescendantNodes().OfType<AttributeSyntax>())
        .Select(attribute => attribute.Name.ToString())
        .ToArray();

    [Fact]
    public void Every_test_class_test_method_and_data_row_in_the_sources_is_discovered()
    {
        var cases = UnitTestLauncher.Discover(DeviceTests.DeviceAssembly);
        var testMethods = UnitTestLauncher.TestClasses(DeviceTests.DeviceAssembly)
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestMethodAttribute)))
            .ToList();

        Assert.Equal(Occurrences("TestClass"), UnitTestLauncher.TestClasses(DeviceTests.DeviceAssembly).Count());
        Assert.Equal(Occurrences("TestMethod"), testMethods.Count);
        Assert.Equal(Occurrences("DataRow"), cases.Count(c => c.Kind == DeviceTestKind.DataRow));
        Assert.Equal(Occurrences("Setup"), cases.Count(c => c.Kind == DeviceTestKind.Setup));
        Assert.Equal(Occurrences("Cleanup"), cases.Count(c => c.Kind == DeviceTestKind.Cleanup));

        // A [TestMethod] with data rows runs once per row, one without runs once: nothing else.
        int expectedTestCases = testMethods.Sum(method => Math.Max(1, method.GetCustomAttributes(typeof(DataRowAttribute), true).Length));
        Assert.Equal(expectedTestCases, cases.Count(c => c.Kind is DeviceTestKind.TestMethod or DeviceTestKind.DataRow));
    }

    [Fact]
    public void The_run_reports_every_discovered_case_once_under_a_unique_name()
    {
        var names = UnitTestLauncher.Discover(DeviceTests.DeviceAssembly).Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names, DeviceTests.Run.Results.Select(r => r.Case.Name).ToList());
    }

    [Fact]
    public void Test_classes_keep_their_state_in_static_fields()
    {
        // The launcher invokes every method with no instance: an instance field would be a NullReferenceException on the device.
        var instanceFields = UnitTestLauncher.TestClasses(DeviceTests.DeviceAssembly)
            .SelectMany(type => type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Select(field => type.Name + "." + field.Name))
            .ToList();
        Assert.Empty(instanceFields);
    }

    [Fact]
    public void Test_methods_are_public_void_and_data_rows_match_their_parameters_exactly()
    {
        foreach (DeviceTestCase testCase in UnitTestLauncher.Discover(DeviceTests.DeviceAssembly))
        {
            MethodInfo method = testCase.Method;
            Assert.True(method.IsPublic && method.ReturnType == typeof(void), $"{testCase.Name}: must be public void");
            Assert.True(method.DeclaringType == testCase.TestClass, $"{testCase.Name}: declared in a base class");
            ParameterInfo[] parameters = method.GetParameters();
            if (testCase.Kind != DeviceTestKind.DataRow)
            {
                Assert.True(parameters.Length == 0, $"{testCase.Name}: parameters without [DataRow]s (the launcher passes none)");
                continue;
            }

            Assert.True(testCase.Arguments.Length == parameters.Length, $"{testCase.Name}: {testCase.Arguments.Length} values for {parameters.Length} parameters");
            for (int i = 0; i < parameters.Length; i++)
            {
                // Exact types: the device's reflection is not known to widen int to long.
                Type argumentType = testCase.Arguments[i]?.GetType();
                Assert.True(argumentType == parameters[i].ParameterType, $"{testCase.Name}: argument {i + 1} is {argumentType?.Name ?? "null"}, parameter {parameters[i].Name} is {parameters[i].ParameterType.Name}");
            }
        }
    }

    [Fact]
    public void Device_tests_are_integer_only_like_the_core()
    {
        var floating = RepositoryFiles.SourceFiles(RepositoryFiles.DeviceTestsDirectory)
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(RepositoryFiles.DeviceTestsDirectory, file))).GetRoot().DescendantNodes()
                .Where(node => node is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.FloatKeyword or (int)SyntaxKind.DoubleKeyword or (int)SyntaxKind.DecimalKeyword }
                    || (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal && literal.Token.Value is float or double or decimal))
                .Select(node => $"{file}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {node}"))
            .ToList();
        Assert.Empty(floating);
    }

    private static int Occurrences(string attribute) => AttributesInSources.Count(name => name == attribute || name == attribute + "Attribute");
}
