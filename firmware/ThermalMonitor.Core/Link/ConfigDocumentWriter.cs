using ThermalMonitor.Core.Config;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Writes a configuration as one JSON object on one line, the document <see cref="ConfigDocumentBuilder"/>
    /// reads back: "schema", every parameter in table order, then the calibration arrays with
    /// adcCalKnotCount entries. Written straight into the line buffer, so CFG GET allocates nothing.
    /// </summary>
    public static class ConfigDocumentWriter
    {
        public static void Write(MonitorConfig config, LineWriter line)
        {
            line.Char('{');
            Name(line, ConfigDocumentBuilder.SchemaMember);
            line.Char('"');
            line.Text(LinkDictionary.ConfigSchema);
            line.Char('"');
            for (int i = 0; i < ParameterTable.Count; i++)
            {
                ParameterInfo info = ParameterTable.At(i);
                line.Char(',');
                Name(line, info.Name);
                line.Int(config.Get(info.Id));
            }

            int knots = config.Get(ParamId.AdcCalKnotCount);
            Array(line, ConfigDocumentBuilder.AdcCalCountsMember, config.AdcCalCounts, knots);
            Array(line, ConfigDocumentBuilder.AdcCalMicrovoltsMember, config.AdcCalMicrovolts, knots);
            line.Char('}');
        }

        private static void Name(LineWriter line, string name)
        {
            line.Char('"');
            line.Text(name);
            line.Char('"');
            line.Char(':');
        }

        private static void Array(LineWriter line, string name, int[] values, int count)
        {
            line.Char(',');
            Name(line, name);
            line.Char('[');
            for (int i = 0; i < count && i < values.Length; i++)
            {
                if (i > 0)
                {
                    line.Char(',');
                }

                line.Int(values[i]);
            }

            line.Char(']');
        }
    }
}
