using System.Globalization;
using System.Text;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// A foreign CSV like a real bench logger writes it: 1 Hz, pressure in bar absolute from a coarse
/// transducer (2 kPa steps) on a loop at about 1 bar, temperature in °C to 0.1, with glitches that
/// read below vacuum and missing readings as NaN and empty cells. It counts what it wrote, per
/// channel and kind, so a test can hold the replay's counts to them.
/// </summary>
public sealed class GlitchyRecording
{
    private GlitchyRecording(string path, int rows) => (Path, Rows) = (path, rows);

    public string Path { get; }

    public int Rows { get; }

    public int PressureBelowVacuum { get; private set; }

    public int PressureMissing { get; private set; }

    public int TempMissing { get; private set; }

    /// <summary>Map and units for thermal-sim.</summary>
    public static string[] ImportOptions => ["--map", "time=Time [s],pressure=P (bar),temp=T (C)", "--pressure-unit", "bar"];

    /// <summary>
    /// Writes <paramref name="rows"/> rows into <paramref name="directory"/>; <paramref name="belowVacuumBar"/>
    /// are the impossible pressures used, in turn (absolute bar).
    /// </summary>
    public static GlitchyRecording Write(string directory, int rows, params double[] belowVacuumBar)
    {
        var recording = new GlitchyRecording(System.IO.Path.Combine(directory, "water-loop.csv"), rows);
        var text = new StringBuilder("Time [s],P (bar),T (C)\n");
        string[] missingPressure = ["NaN", "", "nan"];
        string[] missingTemp = ["", "NaN"];
        for (int i = 0; i < rows; i++)
        {
            // A loop near 1 bar breathing by ±2 kPa over ~20 min, through 2 kPa steps.
            double kpa = 101.3 + (2.0 * Math.Sin(i / 200.0));
            string pressure = Bar(Math.Round(kpa / 2.0) * 2.0 / 100.0);
            string temp = (20.0 + (0.5 * Math.Sin(i / 300.0))).ToString("0.0", CultureInfo.InvariantCulture);
            bool inner = i > 0 && i < rows - 1;
            if (inner && i % 97 == 13)
            {
                pressure = Bar(belowVacuumBar[recording.PressureBelowVacuum % belowVacuumBar.Length]);
                recording.PressureBelowVacuum++;
            }
            else if (inner && i % 89 == 7)
            {
                pressure = missingPressure[recording.PressureMissing % missingPressure.Length];
                recording.PressureMissing++;
            }

            if (inner && i % 113 == 5)
            {
                temp = missingTemp[recording.TempMissing % missingTemp.Length];
                recording.TempMissing++;
            }

            text.Append(CultureInfo.InvariantCulture, $"{i},{pressure},{temp}\n");
        }

        File.WriteAllText(recording.Path, text.ToString());
        return recording;
    }

    private static string Bar(double bar) => bar.ToString("0.00", CultureInfo.InvariantCulture);
}
