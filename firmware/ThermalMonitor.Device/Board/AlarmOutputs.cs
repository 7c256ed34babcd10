using System.Device.Gpio;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The alarm LED and buzzer. LED: on while any alarm condition is present. Buzzer: on while a
    /// WARNING alarm is unacknowledged (an operator's ACK silences it; the LED stays on). Pins are
    /// only written when their state changes.
    /// </summary>
    public sealed class AlarmOutputs : IAlarmOutputs
    {
        private readonly GpioPin led;
        private readonly GpioPin buzzer;
        private bool ledOn;
        private bool buzzerOn;

        public AlarmOutputs(GpioController gpio)
        {
            led = gpio.OpenPin(BoardPins.AlarmLedGpio, PinMode.Output);
            buzzer = gpio.OpenPin(BoardPins.BuzzerGpio, PinMode.Output);
            led.Write(PinValue.Low);
            buzzer.Write(PinValue.Low);
        }

        public void Show(AlarmTable alarms)
        {
            bool anyPresent = false;
            bool warningUnacknowledged = false;
            for (int slot = 0; slot < AlarmSlots.Count; slot++)
            {
                var alarmSlot = (AlarmSlot)slot;
                anyPresent |= alarms.IsConditionPresent(alarmSlot);
                warningUnacknowledged |= AlarmSlots.SeverityOf(alarmSlot) == Severity.Warning && alarms.IsUnacknowledged(alarmSlot);
            }

            if (anyPresent != ledOn)
            {
                ledOn = anyPresent;
                led.Write(ledOn ? PinValue.High : PinValue.Low);
            }

            if (warningUnacknowledged != buzzerOn)
            {
                buzzerOn = warningUnacknowledged;
                buzzer.Write(buzzerOn ? PinValue.High : PinValue.Low);
            }
        }
    }
}
