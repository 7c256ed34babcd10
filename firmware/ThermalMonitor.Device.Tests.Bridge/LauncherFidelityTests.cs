using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ThermalMonitor.Device.Tests.Bridge.Runner;
using Xunit;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// The bridge's launcher behaves like nanoFramework's UnitTestLauncher (source/UnitTestLauncher/Program.cs)
/// on a fixture assembly compiled here: pass order, a skipped [Setup] ending its class, a failed one not,
/// exact-type skip detection, no instance (instance state throws), data rows passed as they are.
/// The fixtures live in their own in-memory assembly so they never mix with the device tests.
/// </summary>
public sealed class LauncherFidelityTests
{
    private const string FixtureSource = """
        using System.Collections;
        using nanoFramework.TestFramework;

        namespace Fixtures
        {
            public static class Log
            {
                public static ArrayList Calls = new ArrayList();
            }

            [TestClass]
            public class Ordered
            {
                [Cleanup]
                public void Last() { Log.Calls.Add("cleanup"); }

                [TestMethod]
                [DataRow(1, "a")]
                [DataRow(2, "b")]
                public void Rows(int number, string text) { Log.Calls.Add("row " + number + text); }

                [TestMethod]
                public void Plain() { Log.Calls.Add("plain"); }

                [Setup]
                public void First() { Log.Calls.Add("setup"); }

                [TestMethod]
                public void Skips() { Assert.SkipTest("not on this board"); }

                [TestMethod]
                public void Fails() { Assert.AreEqual(1, 2); }

                [TestMethod]
                public static void Static() { Log.Calls.Add("static"); }

                public void NotATest() { Log.Calls.Add("not a test"); }
            }

            [TestClass]
            public class SkippedBySetup
            {
                [Setup]
                public void NoHardware() { Log.Calls.Add("skipping setup"); Assert.SkipTest("no ADC here"); }

                [TestMethod]
                public void NeverRuns() { Log.Calls.Add("never"); }

                [Cleanup]
                public void NeverCleans() { Log.Calls.Add("never cleanup"); }
            }

            [TestClass]
            public class FailingSetup
            {
                [Setup]
                public void Broken() { throw new System.InvalidOperationException("setup broke"); }

                [TestMethod]
                public void StillRuns() { Log.Calls.Add("still runs"); }
            }

            [TestClass]
            public class Shapes
            {
                private int instanceState;

                [TestMethod]
                public void TouchesInstanceState() { instanceState++; }

                [TestMethod]
                public void HasParametersButNoRows(int value) { }

                [TestMethod]
                [DataRow(5)]
                public void WantsLong(long value) { }

                [TestMethod]
                public void ExpectsExactExceptionType() { Assert.ThrowsException(typeof(System.Exception), () => throw new System.ArgumentException("derived")); }
            }

            public class NotATestClass
            {
                [TestMethod]
                public void Ignored() { Log.Calls.Add("ignored"); }
            }
        }
        """;

    private static readonly Lazy<(DeviceTestRun Run, string[] Log, Assembly Assembly)> Fixture = new(RunFixture);

    [Fact]
    public void Passes_run_setup_then_tests_then_data_rows_then_cleanup_each_once()
    {
        Assert.Equal(["setup", "plain", "static", "row 1a", "row 2b", "cleanup", "skipping setup", "still runs"], Fixture.Value.Log);
    }

    [Fact]
    public void Cases_are_named_per_data_row_and_the_launcher_lines_match_the_device()
    {
        DeviceTestRun run = Fixture.Value.Run;
        Assert.Equal(
            ["Ordered.First [Setup]", "Ordered.Plain", "Ordered.Skips", "Ordered.Fails", "Ordered.Static", "Ordered.Rows(1, \"a\")", "Ordered.Rows(2, \"b\")", "Ordered.Last [Cleanup]"],
            run.Results.Where(r => r.Case.TestClass.Name == "Ordered").Select(r => r.Case.Name));
        Assert.StartsWith("Test passed,Fixtures.Ordered.Rows.1,", run.Find("Ordered.Rows(2, \"b\")").LauncherLine);
        Assert.Equal("Test skipped,Fixtures.Ordered.Skips.0,not on this board", run.Find("Ordered.Skips").LauncherLine);
        Assert.Equal("Test failed,Fixtures.Ordered.Fails.0,Assert.AreEqual failed. Expected:<1>. Actual:<2>. ", run.Find("Ordered.Fails").LauncherLine);
        Assert.DoesNotContain(run.Results, r => r.Case.TestClass.Name == "NotATestClass");
    }

    [Fact]
    public void A_skipped_setup_ends_its_class_and_a_failed_setup_does_not()
    {
        DeviceTestRun run = Fixture.Value.Run;
        Assert.Equal(DeviceTestOutcome.Skipped, run.Find("SkippedBySetup.NoHardware [Setup]").Outcome);
        Assert.Equal(DeviceTestOutcome.NotRun, run.Find("SkippedBySetup.NeverRuns").Outcome);
        Assert.Equal(DeviceTestOutcome.NotRun, run.Find("SkippedBySetup.NeverCleans [Cleanup]").Outcome);
        Assert.Equal(DeviceTestOutcome.Failed, run.Find("FailingSetup.Broken [Setup]").Outcome);
        Assert.Equal(DeviceTestOutcome.Passed, run.Find("FailingSetup.StillRuns").Outcome);
    }

    [Fact]
    public void Methods_run_without_an_instance_and_data_rows_are_not_converted()
    {
        DeviceTestRun run = Fixture.Value.Run;
        Assert.IsType<NullReferenceException>(run.Find("Shapes.TouchesInstanceState").Exception);
        Assert.IsType<TargetParameterCountException>(run.Find("Shapes.HasParametersButNoRows").Exception);
        Assert.IsType<InvalidCastException>(run.Find("Shapes.WantsLong(5)").Exception);
        Assert.Equal(DeviceTestOutcome.Passed, run.Find("Ordered.Static").Outcome);
    }

    [Fact]
    public void ThrowsException_wants_the_exact_type_like_the_package()
    {
        var result = Fixture.Value.Run.Find("Shapes.ExpectsExactExceptionType");
        Assert.Equal(DeviceTestOutcome.Failed, result.Outcome);
        Assert.IsType<TestFrameworkShared.AssertFailedException>(result.Exception);
        Assert.Contains("Threw exception ArgumentException, but exception Exception was expected.", result.Message);
    }

    [Fact]
    public void Discovery_lists_what_the_run_runs()
    {
        Assert.Equal(
            UnitTestLauncher.Discover(Fixture.Value.Assembly).Select(c => c.Name),
            Fixture.Value.Run.Results.Select(r => r.Case.Name));
    }

    private static (DeviceTestRun, string[], Assembly) RunFixture()
    {
        var compilation = Roslyn.Compile(
            "LauncherFixtures",
            [Roslyn.Parse(FixtureSource)],
            MetadataReference.CreateFromFile(typeof(nanoFramework.TestFramework.TestClassAttribute).Assembly.Location));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        Assembly assembly = Assembly.Load(image.ToArray());
        DeviceTestRun run = UnitTestLauncher.Run(assembly);
        var log = (ArrayList)assembly.GetType("Fixtures.Log").GetField("Calls").GetValue(null);
        return (run, log.Cast<string>().ToArray(), assembly);
    }
}
