namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>One board → host message type and its fields, in the order BoardLink writes them.</summary>
    public sealed class MessageDefinition
    {
        private readonly FieldDefinition[] fields;

        public MessageDefinition(string type, bool isReply, string payload, string meaning, FieldDefinition[] fields)
        {
            Type = type;
            IsReply = isReply;
            Payload = payload;
            Meaning = meaning;
            this.fields = fields;
        }

        public string Type { get; }

        /// <summary>Replies carry the reference of the command they answer (or "-") right after the type.</summary>
        public bool IsReply { get; }

        /// <summary>What follows instead of key=value fields (CFG's JSON document); empty when nothing.</summary>
        public string Payload { get; }

        public string Meaning { get; }

        public int FieldCount => fields.Length;

        public FieldDefinition Field(int index) => fields[index];
    }
}
