namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Keys of the key=value fields the board writes (PROTOCOL.md sections 4 and 5), shared by the
    /// board's writers and the host's parser. Which message carries which key, with type and unit,
    /// is in <see cref="MessageTable"/>. Keys are part of the wire contract.
    /// </summary>
    public static class WireField
    {
        // HELLO.
        public const string Protocol = "proto";
        public const string Firmware = "fw";
        public const string Board = "board";
        public const string Session = "session";
        public const string Mode = "mode";
        public const string Reset = "reset";
        public const string LineMaxBytes = "line_max";
        public const string RxBufferBytes = "rx_buffer";
        public const string Burst = "burst";
        public const string PeriodMs = "period_ms";

        // OK.
        public const string Listed = "listed";
        public const string Acked = "acked";
        public const string Alarm = "alarm";
        public const string Result = "result";

        // ERR.
        public const string Expected = "expected";
        public const string Argument = "arg";
        public const string Got = "got";
        public const string Extra = "extra";
        public const string Min = "min";
        public const string Max = "max";
        public const string ExpectedReads = "expected_reads";
        public const string Need = "need";
        public const string At = "at";
        public const string LostBytes = "lost_bytes";
        public const string Errors = "errors";
        public const string Field = "field";

        /// <summary>Free text to the end of the line: always the last field.</summary>
        public const string Message = "msg";

        // ALARM and CLEAR.
        public const string Seq = "seq";
        public const string Type = "type";
        public const string Severity = "sev";
        public const string Channel = "ch";
        public const string TimeMs = "t";
        public const string Cause = "cause";
        public const string Value = "value";
        public const string ClearedMs = "cleared";
        public const string Resent = "re";

        // EVT (also sev, t, ch, value, alarm).

        /// <summary>EVT: the event number.</summary>
        public const string EventNumber = "n";
        public const string Id = "id";
        public const string Code = "code";

        // TLM (also t).
        public const string Source = "src";

        /// <summary>TLM: samples processed (the same key as EVT's event number).</summary>
        public const string SampleCount = "n";
        public const string PressurePa = "p_pa";
        public const string TempMilliC = "temp_mc";
        public const string SupplyMicrovolts = "sup_uv";
        public const string ChannelStates = "st";
        public const string ResidualPa = "res_pa";
        public const string CusumPermille = "cusum_pm";
        public const string RateDropPa = "rate_pa";
        public const string ModelReady = "model";
        public const string Unacked = "unacked";

        // STATUS (also mode, session, unacked).
        public const string UptimeMs = "uptime_ms";
        public const string LoopMinMicroseconds = "loop_min_us";
        public const string LoopAverageMicroseconds = "loop_avg_us";
        public const string LoopMaxMicroseconds = "loop_max_us";
        public const string Cycles = "cycles";
        public const string Overruns = "overruns";
        public const string FreeBytes = "free_bytes";
        public const string Samples = "samples";
        public const string Injected = "injected";
        public const string Discarded = "discarded";
        public const string RxLines = "rx_lines";
        public const string RxRejected = "rx_rejected";
        public const string RxOverflowBytes = "rx_overflow_bytes";
        public const string TxDroppedLines = "tx_dropped_lines";
        public const string AlarmsRaised = "alarms_raised";
        public const string JournalLost = "journal_lost";
        public const string EventsDropped = "events_dropped";
        public const string TelemetryPeriodMs = "tlm_ms";
        public const string ReplayHoldsLive = "replay_holds_live";
        public const string SettingsGeneration = "settings_gen";
        public const string LinesPerService = "lines_per_service";
        public const string Staged = "staged";
        public const string Generation = "generation";
        public const string ImageBytes = "bytes";
        public const string Storage = "storage";
    }
}
