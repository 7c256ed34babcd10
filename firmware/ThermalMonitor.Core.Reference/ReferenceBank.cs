namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The CUSUM bank in double, written from Detection/README.md: member i tuned to δ_i = shift/2^i
/// (fixed noise) or δ_i = m_i·σ_i with σ_i learned at the member's time scale (adaptive), reference
/// k_i = δ_i/2, threshold H_i = h·σ²/δ_i with h = ln(ARL0·members), clip, saturation at 2H_i,
/// confirmation with hysteresis and the growth check.
/// </summary>
public sealed class ReferenceBank
{
    private const int NoiseScaleMinBlocks = 16;
    private const int GrowthWindowMax = 256;

    private readonly int members;
    private readonly bool adaptive;
    private readonly bool growthCheck;
    private readonly double logThreshold;
    private readonly double clearFraction;
    private readonly int raiseBlocks;
    private readonly int clearBlocks;
    private readonly double[] statistic;
    private readonly double[] reference;
    private readonly double[] threshold;
    private readonly double[] clip;
    private readonly double[] shiftRatio;
    private readonly double clipExcessRatio;
    private readonly int[] noiseLevel;
    private readonly int[] growthWindow;
    private readonly List<double> recentResiduals = [];
    private int pending;
    private int clearing;

    public ReferenceBank(int members, bool adaptive, bool growthCheck, double logThreshold, double sigmaPa, double shiftPa, double clipPa,
        int clearPercent, int raiseBlocks, int clearBlocks)
    {
        this.members = members;
        this.adaptive = adaptive;
        this.growthCheck = growthCheck;
        this.logThreshold = logThreshold;
        clearFraction = clearPercent / 100.0;
        this.raiseBlocks = Math.Max(1, raiseBlocks);
        this.clearBlocks = Math.Max(1, clearBlocks);
        statistic = new double[members];
        reference = new double[members];
        threshold = new double[members];
        clip = new double[members];
        shiftRatio = new double[members];
        noiseLevel = new int[members];
        growthWindow = new int[members];
        clipExcessRatio = (clipPa - (shiftPa / 2)) / sigmaPa;
        for (int i = 0; i < members; i++)
        {
            shiftRatio[i] = shiftPa / sigmaPa / Math.Pow(2, i);
            double delayBlocks = Math.Round(2 * logThreshold / (shiftRatio[i] * shiftRatio[i]), MidpointRounding.AwayFromZero);
            growthWindow[i] = (int)Math.Clamp(Math.Max(this.raiseBlocks, Math.Floor(delayBlocks / 4)), 1, GrowthWindowMax);
            double scale = Math.Max(NoiseScaleMinBlocks, Math.Floor(delayBlocks / 2));
            noiseLevel[i] = (int)Math.Min(ReferenceNoise.Levels - 1, Math.Floor(Math.Log(scale) / Math.Log(4) + 1e-12));
            if (!adaptive)
            {
                double delta = shiftPa / Math.Pow(2, i);
                reference[i] = delta / 2;
                threshold[i] = logThreshold * sigmaPa * sigmaPa / delta;
                clip[i] = clipPa - ((shiftPa / 2) - reference[i]);
            }
        }
    }

    public bool IsActive { get; private set; }

    public double MaxStatisticRatio => Enumerable.Range(0, members).Max(i => threshold[i] > 0 ? statistic[i] / threshold[i] : 0);

    public double Statistic(int member) => statistic[member];

    public double Threshold(int member) => threshold[member];

    public int NoiseLevelOf(int member) => noiseLevel[member];

    public void Update(double residualPa, ReferenceNoise noise)
    {
        if (adaptive)
        {
            for (int i = 0; i < members; i++)
            {
                double sigma = noise.EffectiveSigma(noiseLevel[i]);
                double peak = 1.25 * noise.PeakDeviation(Math.Min(noiseLevel[i] + 1, ReferenceNoise.Levels - 1));
                reference[i] = Math.Max(shiftRatio[i] * sigma / 2, peak);
                threshold[i] = logThreshold * sigma * sigma / (2 * reference[i]);
                clip[i] = reference[i] + (clipExcessRatio * sigma);
            }
        }

        recentResiduals.Add(residualPa);
        if (recentResiduals.Count > GrowthWindowMax)
        {
            recentResiduals.RemoveAt(0);
        }

        for (int i = 0; i < members; i++)
        {
            statistic[i] = Math.Clamp(statistic[i] - Math.Clamp(residualPa, -clip[i], clip[i]) - reference[i], 0, 2 * threshold[i]);
        }

        if (IsActive)
        {
            bool allLow = Enumerable.Range(0, members).All(i => statistic[i] <= threshold[i] * clearFraction);
            clearing = allLow ? clearing + 1 : 0;
            if (clearing >= clearBlocks)
            {
                IsActive = false;
                clearing = 0;
            }

            return;
        }

        bool anyAtThreshold = Enumerable.Range(0, members).Any(i => statistic[i] >= threshold[i]);
        bool anyAboveClear = Enumerable.Range(0, members).Any(i => statistic[i] > threshold[i] * clearFraction);
        pending = (pending > 0 ? anyAboveClear : anyAtThreshold) ? Math.Min(pending + 1, raiseBlocks) : 0;
        if (pending >= raiseBlocks && Enumerable.Range(0, members).Any(i => statistic[i] >= threshold[i] && (!growthCheck || Growing(i))))
        {
            IsActive = true;
            pending = 0;
        }
    }

    private bool Growing(int member)
    {
        int window = Math.Min(growthWindow[member], recentResiduals.Count);
        double sum = 0;
        for (int n = 0; n < window; n++)
        {
            double r = recentResiduals[recentResiduals.Count - 1 - n];
            sum += -Math.Clamp(r, -clip[member], clip[member]) - reference[member];
        }

        return sum >= 0;
    }
}
