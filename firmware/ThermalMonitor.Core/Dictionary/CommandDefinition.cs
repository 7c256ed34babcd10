namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One host → board command: its name, syntax, arguments and reply.</summary>
    public sealed class CommandDefinition
    {
        private readonly ArgumentDefinition[] arguments;

        /// <param name="uncheckedForm">The form a person may type without a check (PROTOCOL.md §12), "" if the command always needs one.</param>
        public CommandDefinition(string name, string syntax, string reply, string meaning, string uncheckedForm, ArgumentDefinition[] arguments)
        {
            Name = name;
            UncheckedForm = uncheckedForm;
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

        /// <summary>The read-only form accepted without a check ("STATUS", "CFG GET"), or "" when every form changes the board.</summary>
        public string UncheckedForm { get; }

        public int ArgumentCount => arguments.Length;

        public ArgumentDefinition Argument(int index) => arguments[index];
    }
}
