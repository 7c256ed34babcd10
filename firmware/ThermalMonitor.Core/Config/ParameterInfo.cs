namespace ThermalMonitor.Core.Config
{
    /// <summary>One parameter's contract: wire name, unit, accepted range and default.</summary>
    public sealed class ParameterInfo
    {
        public ParameterInfo(ParamId id, string name, string unit, int min, int max, int defaultValue, string description)
        {
            Id = id;
            Name = name;
            Unit = unit;
            Min = min;
            Max = max;
            DefaultValue = defaultValue;
            Description = description;
        }

        public ParamId Id { get; }

        /// <summary>camelCase key used in configuration JSON documents.</summary>
        public string Name { get; }

        public string Unit { get; }

        public int Min { get; }

        public int Max { get; }

        public int DefaultValue { get; }

        public string Description { get; }
    }
}
