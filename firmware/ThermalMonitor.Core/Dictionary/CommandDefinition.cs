namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One host → board command: its name, syntax, arguments and reply.</summary>
    public sealed class CommandDefinition
    {
        private readonly ArgumentDefinition[] arguments;

        public CommandDefinition(string name, string syntax, string reply, string meaning, ArgumentDefinition[] arguments)
        {
            Name = name;
            Syntax = syntax;
            Reply = reply;
            Meaning = meaning;
            this.arguments = arguments;
        }

        /// <summary>The command word.</summary>
        public string Name { get; }

        /// <summary>Every form of the command (PROTOCOL.md section 6 heads its section with it).</summary>
        public string Syntax { get; }

        /// <summary>What a success is answered with.</summary>
        public string Reply { get; }

        public string Meaning { get; }

        public int ArgumentCount => arguments.Length;

        public ArgumentDefinition Argument(int index) => arguments[index];
    }
}
