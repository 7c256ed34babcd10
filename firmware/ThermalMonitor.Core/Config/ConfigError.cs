namespace ThermalMonitor.Core.Config
{
    /// <summary>One rejected field: which one, and what was wrong with it.</summary>
    public sealed class ConfigError
    {
        public ConfigError(string field, string message)
        {
            Field = field;
            Message = message;
        }

        /// <summary>The parameter's wire name (or a calibration array name with its index).</summary>
        public string Field { get; }

        /// <summary>What was expected and what was found, e.g. "must be 10..60000, got 5".</summary>
        public string Message { get; }

        public override string ToString() => Field + ": " + Message;
    }
}
