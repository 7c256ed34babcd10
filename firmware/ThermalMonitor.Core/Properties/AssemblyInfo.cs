using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("ThermalMonitor.Core")]
[assembly: AssemblyDescription("Portable coolant-loop leak detector: acquire, convert, validate, detect, alarm.")]
[assembly: AssemblyCompany("ThermalMonitor")]
[assembly: AssemblyProduct("ThermalMonitor")]
[assembly: AssemblyCopyright("Copyright (c) ThermalMonitor contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
