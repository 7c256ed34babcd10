namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The bench wiring (hardware/README.md, pin map). ADC1 only: ADC2 stops working while Wi-Fi
    /// runs. COM2 has no pins until the application assigns them; GPIO 16/17 are avoided because
    /// WROVER modules use them for PSRAM; GPIO 25/26 stay free for the DAC loopback bench.
    /// </summary>
    public static class BoardPins
    {
        /// <summary>ADC1 channel 0 = GPIO36 (VP): transducer output through the 10k/10k divider.</summary>
        public const int PressureAdcChannel = 0;

        /// <summary>ADC1 channel 3 = GPIO39 (VN): NTC to ground, 10k to 3.3 V.</summary>
        public const int TemperatureAdcChannel = 3;

        /// <summary>ADC1 channel 6 = GPIO34: transducer 5 V supply through the 20k/10k divider.</summary>
        public const int SupplyAdcChannel = 6;

        public const int SerialRxGpio = 32;
        public const int SerialTxGpio = 33;
        public const string SerialPortName = "COM2";
        public const int SerialBaud = 921600;

        /// <summary>Alarm LED through 330 Ω, active high.</summary>
        public const int AlarmLedGpio = 27;

        /// <summary>Active buzzer through an NPN transistor, active high.</summary>
        public const int BuzzerGpio = 13;
    }
}
