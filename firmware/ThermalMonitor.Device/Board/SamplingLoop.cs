using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The firmware's loop, one cycle per sample period: service the link at its fixed point
    /// (commands never interleave with a sample), sample the ADC (live mode), update the alarm
    /// outputs, send, then measure the cycle's work time and sleep to the next period. A cycle that
    /// overruns its period is counted and reported (LOOP_OVERRUN). Everything is allocated in the
    /// constructor; the loop allocates nothing except while executing a CFG SET document.
    /// </summary>
    public sealed class SamplingLoop
    {
        /// <summary>Free memory is measured this often (a GC run costs time; not every cycle).</summary>
        private const int FreeMemoryEveryCycles = 600;

        private readonly LeakMonitor monitor;
        private readonly BoardLink link;
        private readonly BoardInfo board;
        private readonly AdcSampler adc;
        private readonly SerialLinkPort serial;
        private readonly AlarmOutputs outputs;
        private readonly RawSample sample = new RawSample();

        public SamplingLoop(BoardInfo board)
        {
            this.board = board;
            monitor = new LeakMonitor();
            link = new BoardLink(monitor, new NanoJsonConfigReader(), board);
            adc = new AdcSampler(new AdcController());
            outputs = new AlarmOutputs(new GpioController());
            serial = new SerialLinkPort();
        }

        /// <summary>Runs forever: the board has nothing else to do.</summary>
        public void Run()
        {
            link.Start(MonotonicClock.Milliseconds(), LinkMode.Live);
            long nextCycleUs = MonotonicClock.Microseconds();
            int cycle = 0;
            while (true)
            {
                long periodUs = (long)monitor.Derived.SamplePeriodMs * 1000;
                long startUs = MonotonicClock.Microseconds();
                RunCycle(startUs / 1000);
                link.RecordCycle((int)(MonotonicClock.Microseconds() - startUs));

                cycle = cycle == int.MaxValue ? 0 : cycle + 1;
                if (cycle % FreeMemoryEveryCycles == 0)
                {
                    board.FreeMemoryBytes = nanoFramework.Runtime.Native.GC.Run(false);
                }

                nextCycleUs += periodUs;
                long sleepUs = nextCycleUs - MonotonicClock.Microseconds();
                if (sleepUs > 0)
                {
                    Thread.Sleep((int)(sleepUs / 1000));
                }
                else
                {
                    // Behind schedule: start again from now rather than bursting to catch up.
                    nextCycleUs = MonotonicClock.Microseconds();
                }
            }
        }

        private void RunCycle(long nowMs)
        {
            serial.Receive(link);
            link.Service(nowMs);
            if (link.Mode == LinkMode.Live)
            {
                adc.Sample(sample, monitor.Derived.BurstLength, nowMs);
                link.StepLive(sample);
            }

            outputs.Show(monitor.Alarms);
            serial.Transmit(link);
        }
    }
}
