using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using nanoFramework.TestFramework;

namespace ThermalMonitor.Device.Tests.Bridge.Runner;

/// <summary>
/// The host twin of nanoFramework's <c>nanoFramework.UnitTestLauncher</c> (nanoFramework.TestFramework
/// source/UnitTestLauncher/Program.cs, 3.0.x), step for step:
/// <list type="bullet">
/// <item>every type of the assembly that is a class and carries exactly <see cref="TestClassAttribute"/>,
/// in <c>GetTypes()</c> order; its public methods from <c>GetMethods()</c>;</item>
/// <item>per class four passes over those methods: [Setup], [TestMethod], [DataRow], [Cleanup]; in each
/// pass a method's attributes (<c>GetCustomAttributes(true)</c> after
/// <see cref="Helper.RemoveTestMethodIfDataRowExists"/>) whose type is exactly the pass's attribute;</item>
/// <item>each is invoked with no instance (<see cref="NullThisInvoker"/>), data rows with their
/// <c>MethodParameters</c>, others with none;</item>
/// <item>an exception of exactly <see cref="SkipTestException"/> is a skip, any other a failure; a skipped
/// [Setup] ends the class (its tests, rows and cleanup never run); a failed [Setup] does not.</item>
/// </list>
/// The launcher prints "Test passed,&lt;Type.FullName&gt;.&lt;Method&gt;.&lt;attribute index&gt;,&lt;ticks&gt;"
/// (and "Test failed,…,&lt;message&gt;", "Test skipped,…,&lt;message&gt;"); the results carry the same lines.
/// </summary>
public static class UnitTestLauncher
{
    private static readonly Type[] Passes = [typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute)];

    /// <summary>Every case the launcher would run, in its order, without running anything.</summary>
    public static IReadOnlyList<DeviceTestCase> Discover(Assembly assembly)
    {
        var cases = new List<DeviceTestCase>();
        foreach (Type testClass in TestClasses(assembly))
        {
            MethodInfo[] methods = testClass.GetMethods();
            foreach (Type pass in Passes)
            {
                cases.AddRange(CasesOf(testClass, methods, pass));
            }
        }

        return cases;
    }

    /// <summary>Runs every test class of <paramref name="assembly"/> the way the device does.</summary>
    public static DeviceTestRun Run(Assembly assembly)
    {
        var results = new List<DeviceTestResult>();
        foreach (Type testClass in TestClasses(assembly))
        {
            MethodInfo[] methods = testClass.GetMethods();
            bool continueTests = RunPass(CasesOf(testClass, methods, typeof(SetupAttribute)), isSetup: true, results);
            for (int pass = 1; pass < Passes.Length; pass++)
            {
                List<DeviceTestCase> cases = CasesOf(testClass, methods, Passes[pass]);
                if (continueTests)
                {
                    RunPass(cases, isSetup: false, results);
                }
                else
                {
                    results.AddRange(cases.ConvertAll(c => new DeviceTestResult(c, DeviceTestOutcome.NotRun, null, 0, null)));
                }
            }
        }

        return new DeviceTestRun(results);
    }

    /// <summary>Classes with exactly <see cref="TestClassAttribute"/> (a derived attribute does not count, as on the device).</summary>
    public static IEnumerable<Type> TestClasses(Assembly assembly)
    {
        foreach (Type type in assembly.GetTypes())
        {
            if (!type.IsClass)
            {
                continue;
            }

            foreach (object typeAttribute in type.GetCustomAttributes(true))
            {
                if (typeAttribute.GetType() == typeof(TestClassAttribute))
                {
                    yield return type;
                }
            }
        }
    }

    private static List<DeviceTestCase> CasesOf(Type testClass, MethodInfo[] methods, Type attributeToRun)
    {
        var cases = new List<DeviceTestCase>();
        foreach (MethodInfo method in methods)
        {
            object[] attributes = Helper.RemoveTestMethodIfDataRowExists(method.GetCustomAttributes(true));
            for (int i = 0; i < attributes.Length; i++)
            {
                if (attributes[i].GetType() == attributeToRun)
                {
                    cases.Add(new DeviceTestCase(testClass, method, attributes[i], i));
                }
            }
        }

        return cases;
    }

    /// <summary>Runs one pass; false when a [Setup] was skipped (the launcher then leaves the class).</summary>
    private static bool RunPass(List<DeviceTestCase> cases, bool isSetup, List<DeviceTestResult> results)
    {
        for (int index = 0; index < cases.Count; index++)
        {
            DeviceTestCase testCase = cases[index];
            long started = Stopwatch.GetTimestamp();
            try
            {
                NullThisInvoker.Invoke(testCase.Method, testCase.Arguments);
                long ticks = Stopwatch.GetElapsedTime(started).Ticks;
                results.Add(new DeviceTestResult(testCase, DeviceTestOutcome.Passed, null, ticks, $"Test passed,{testCase.LauncherName},{ticks}"));
            }
            catch (Exception ex)
            {
                long ticks = Stopwatch.GetElapsedTime(started).Ticks;
                if (ex.GetType() == typeof(SkipTestException))
                {
                    results.Add(new DeviceTestResult(testCase, DeviceTestOutcome.Skipped, ex, ticks, $"Test skipped,{testCase.LauncherName},{ex.Message}"));
                    if (isSetup)
                    {
                        for (int rest = index + 1; rest < cases.Count; rest++)
                        {
                            results.Add(new DeviceTestResult(cases[rest], DeviceTestOutcome.NotRun, null, 0, null));
                        }

                        return false;
                    }
                }
                else
                {
                    results.Add(new DeviceTestResult(testCase, DeviceTestOutcome.Failed, ex, ticks, $"Test failed,{testCase.LauncherName},{ex.Message}"));
                }
            }
        }

        return true;
    }
}
