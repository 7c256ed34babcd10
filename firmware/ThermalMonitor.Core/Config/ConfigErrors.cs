using System.Collections;

namespace ThermalMonitor.Core.Config
{
    /// <summary>Every error found in one configuration (validation never stops at the first).</summary>
    public sealed class ConfigErrors
    {
        private readonly ArrayList errors = new ArrayList();

        public int Count => errors.Count;

        public ConfigError this[int index] => (ConfigError)errors[index];

        public void Add(string field, string message) => errors.Add(new ConfigError(field, message));

        public void Clear() => errors.Clear();

        /// <summary>Whether any error names this field.</summary>
        public bool Contains(string field)
        {
            for (int i = 0; i < errors.Count; i++)
            {
                if (((ConfigError)errors[i]).Field == field)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
