namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>
    /// Names of the tables of the JSON dictionary (docs/dictionary.json), which enum fields of a
    /// message point to (<see cref="FieldDefinition.EnumTable"/>).
    /// </summary>
    public static class DictionaryTables
    {
        public const string Events = "events";
        public const string AlarmTypes = "alarm_types";
        public const string Severities = "severities";
        public const string Channels = "channels";
        public const string DetectionCauses = "detection_causes";
        public const string FaultReasons = "fault_reasons";
        public const string AlarmStates = "alarm_states";
        public const string ErrorCodes = "error_codes";
        public const string Modes = "modes";
        public const string TelemetrySources = "telemetry_sources";
        public const string ResetCauses = "reset_causes";
        public const string AckResults = "ack_results";

        /// <summary>An alarm's cause: a detection cause, or a fault reason for SENSOR_FAULT.</summary>
        public const string CausesOrFaultReasons = DetectionCauses + "|" + FaultReasons;
    }
}
