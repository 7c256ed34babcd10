using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("ThermalMonitor.Device")]
[assembly: AssemblyDescription("ESP32 application: ADC, COM2 and alarm outputs around the portable ThermalMonitor core.")]
[assembly: AssemblyCompany("ThermalMonitor")]
[assembly: AssemblyProduct("ThermalMonitor")]
[assembly: AssemblyCopyright("Copyright (c) ThermalMonitor contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
