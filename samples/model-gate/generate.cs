// Writes predictions.csv and predictions-drifted.csv: a churn model's scored predictions, the same every run.
// Run from this folder with `dotnet run generate.cs` (.NET 10 runs a single C# file).
using System.Globalization;
using System.Text;

Write("predictions.csv", seed: 2024, noise: 0.55);
// The same customers a quarter later: the model has drifted and its scores are noisier, so accuracy falls below 0.8.
Write("predictions-drifted.csv", seed: 2025, noise: 1.05);

static void Write(string path, ulong seed, double noise)
{
    var random = new SplitMix(seed);
    var text = new StringBuilder("customer_id,gender,label,predicted,score\n");
    for (var id = 1; id <= 2_000; id++)
    {
        var gender = random.Next() < 0.45 ? "F" : "M";
        var churned = random.Next() < 0.35 ? 1 : 0;
        // A score centred away from 0.5 on the side of the true label, with uniform noise: higher noise, more mistakes.
        var score = Math.Round(Math.Clamp(0.5 + (churned == 1 ? 0.22 : -0.22) + ((random.Next() - 0.5) * noise), 0, 1), 3);
        var predicted = score >= 0.5 ? 1 : 0;
        text.Append(CultureInfo.InvariantCulture, $"{id},{gender},{churned},{predicted},{score}\n");
    }
    File.WriteAllText(path, text.ToString());
}

/// <summary>SplitMix64: a fixed generator, so the files do not depend on the runtime's System.Random.</summary>
internal sealed class SplitMix(ulong state)
{
    /// <summary>A uniform number in [0, 1).</summary>
    public double Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }
}
