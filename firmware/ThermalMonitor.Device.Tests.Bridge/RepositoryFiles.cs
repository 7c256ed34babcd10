using System;
using System.IO;

namespace ThermalMonitor.Device.Tests.Bridge
{
    /// <summary>Files of this repository, found from the test binaries (the folder holding ThermalMonitor.sln is the root).</summary>
    public static class RepositoryFiles
    {
        public static string Root { get; } = FindRoot();

        public static string DeviceTestsDirectory => PathOf("firmware/ThermalMonitor.Device.Tests");

        public static string TestFrameworkStubDirectory => PathOf("firmware/nanoframework-api/stubs/nanoFramework.TestFramework");

        public static string TestFrameworkApiList => PathOf("firmware/nanoframework-api/nanoFramework.TestFramework.txt");

        public static string OptionalParameters => PathOf("firmware/nanoframework-api/optional-params.txt");

        public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The .cs files of a project folder, without build output, as paths relative to it with '/' separators.</summary>
        public static string[] SourceFiles(string directory)
        {
            return Array.ConvertAll(
                Array.FindAll(
                    Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories),
                    path => !IsBuildOutput(Path.GetRelativePath(directory, path))),
                path => Path.GetRelativePath(directory, path).Replace('\\', '/'));
        }

        private static bool IsBuildOutput(string relativePath)
        {
            string first = relativePath.Replace('\\', '/').Split('/')[0];
            return first == "bin" || first == "obj";
        }

        private static string FindRoot()
        {
            for (DirectoryInfo directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ThermalMonitor.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("no ThermalMonitor.sln above " + AppContext.BaseDirectory);
        }
    }
}
