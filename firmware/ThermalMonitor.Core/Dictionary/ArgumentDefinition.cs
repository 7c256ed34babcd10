namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One argument of a host command, as BoardLink reads it.</summary>
    public sealed class ArgumentDefinition
    {
        private readonly string[] choices;

        public ArgumentDefinition(string name, ArgumentKind kind, long min, long max, string[] choices, string condition, string meaning)
        {
            Name = name;
            Kind = kind;
            Min = min;
            Max = max;
            this.choices = choices;
            Condition = condition;
            Meaning = meaning;
        }

        /// <summary>What ERR calls it in arg= and expected=.</summary>
        public string Name { get; }

        public ArgumentKind Kind { get; }

        /// <summary>Smallest accepted number (Int and Long only).</summary>
        public long Min { get; }

        /// <summary>Largest accepted number (Int and Long only).</summary>
        public long Max { get; }

        /// <summary>Keywords accepted (Keyword; for a number, keywords accepted instead of it).</summary>
        public int ChoiceCount => choices.Length;

        public string Choice(int index) => choices[index];

        /// <summary>When the argument is present (e.g. only after SET); empty when always.</summary>
        public string Condition { get; }

        public string Meaning { get; }
    }
}
