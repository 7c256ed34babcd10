using System.Text;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Writes Profile CSV v1 deterministically: invariant culture, fixed decimals, LF endings, metadata
/// in a fixed key order, so the same profile always gives the same bytes.
/// </summary>
internal static class ProfileCsvWriter
{
    /// <summary>
    /// Keys written first, in this order; any other metadata follows in ordinal key order.
    /// </summary>
    private static readonly string[] KeyOrder =
        [Profile.FormatKey, Profile.NameKey, "description", Profile.StartUtcKey, Profile.SensorSeedKey,
         Profile.PeriodMsKey, "source", "generator", "row_spacing"];

    /// <summary>The UTF-8 bytes (no BOM) of <paramref name="profile"/> as Profile CSV v1.</summary>
    /// <exception cref="ArgumentException">Two times coincide at the written precision.</exception>
    public static byte[] Serialize(Profile profile)
    {
        var text = new StringBuilder(capacity: 64 + (profile.RowCount * 40));
        WriteMetadata(profile, text);

        bool hasCabin = profile.ReadRows().Any(r => r.CabinTempC.HasValue);
        bool hasFaults = profile.ReadRows().Any(r => r.PressureFault != ProfileFault.None
            || r.TempFault != ProfileFault.None
            || r.SupplyFault != ProfileFault.None);
        int timeDecimals = profile.ReadRows().All(r => CsvNumber.Quantise(r.TimeS, 1) == r.TimeS) ? 1 : 3;

        bool hasTemp = profile.CoolantTemperatureRecorded;
        text.Append(ProfileColumns.Time).Append(',').Append(ProfileColumns.Pressure);
        if (hasTemp)
        {
            text.Append(',').Append(ProfileColumns.Temp);
        }

        if (hasCabin)
        {
            text.Append(',').Append(ProfileColumns.Cabin);
        }

        if (hasFaults)
        {
            text.Append(',').Append(ProfileColumns.FaultPressure).Append(',').Append(ProfileColumns.FaultTemp)
                .Append(',').Append(ProfileColumns.FaultSupply);
        }

        text.Append('\n');
        string previousTime = "";
        foreach (ProfileRow row in profile.ReadRows())
        {
            string time = CsvNumber.Format(row.TimeS, timeDecimals);
            if (time == previousTime)
            {
                throw new ArgumentException(
                    $"Rows at {row.TimeS} s and the one before both write as {time} s; times must differ by ≥ 1 ms.",
                    nameof(profile));
            }

            previousTime = time;
            text.Append(time).Append(',').Append(ReadingText.Format(row.PressureKpa, ProfileColumns.PressureDecimals));
            if (hasTemp)
            {
                text.Append(',').Append(ReadingText.Format(row.TempC, ProfileColumns.TempDecimals));
            }

            if (hasCabin)
            {
                text.Append(',');
                if (row.CabinTempC is double cabin)
                {
                    text.Append(CsvNumber.Format(cabin, ProfileColumns.CabinDecimals));
                }
            }

            if (hasFaults)
            {
                text.Append(',').Append(ProfileColumns.FaultText(row.PressureFault))
                    .Append(',').Append(ProfileColumns.FaultText(row.TempFault))
                    .Append(',').Append(ProfileColumns.FaultText(row.SupplyFault));
            }

            text.Append('\n');
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void WriteMetadata(Profile profile, StringBuilder text)
    {
        Dictionary<string, string> values = profile.Metadata.ToDictionary(StringComparer.Ordinal);
        values[Profile.FormatKey] = Profile.FormatId;
        values[Profile.NameKey] = profile.Name;
        IEnumerable<string> keys = KeyOrder.Where(values.ContainsKey)
            .Concat(values.Keys.Where(k => !KeyOrder.Contains(k)).Order(StringComparer.Ordinal));
        foreach (string key in keys)
        {
            text.Append("# ").Append(key).Append(": ").Append(values[key].Trim()).Append('\n');
        }
    }
}
