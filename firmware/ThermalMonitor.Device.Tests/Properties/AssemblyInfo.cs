using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("On-device unit tests of ThermalMonitor.Core: fixed point, conversion, detection, serial protocol codec.")]
[assembly: AssemblyCompany("ThermalMonitor")]
[assembly: AssemblyProduct("ThermalMonitor")]
[assembly: AssemblyCopyright("Copyright (c) ThermalMonitor contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
